#pragma once

#include "sync/syncstatuscounts.h"
#include "sync/syncsummary.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace sl {

class StoreWorker;
class SyncActions;

// The sync status in the main window's status bar: the edits waiting for
// the asset store ("2 edits pending"), when it last synced ("Synced 3 min
// ago"), an offline badge (the store does not answer, or no one is signed
// in: click to connect), "Store busy" while a 429 waits, the conflicts
// waiting (click: the conflict dialog), and during a sync its progress with
// a cancel button. The counts are read on the store worker after every
// change of the workspace and after every sync.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    SyncStatusWidget(StoreWorker &store, SyncActions &actions, QWidget *parent = nullptr);

    // For tests and the screenshot: what is shown.
    int pendingCount() const { return m_counts.pending(); }
    QString pendingText() const;
    QString lastSyncText() const;
    QString lastSyncToolTip() const; // when, and what the last sync did
    QString offlineText() const; // empty while the badge is hidden
    QString progressText() const; // empty while no sync runs
    bool isStoreBusyShown() const;
    QToolButton *cancelButton() const { return m_cancel; }
    QToolButton *conflictsButton() const { return m_conflicts; }
    QToolButton *offlineBadge() const { return m_offline; }

public Q_SLOTS:
    // Reads the counts again (on the store worker).
    void recount();

Q_SIGNALS:
    // The counts read after a change arrived and are shown.
    void countsShown();

private:
    void showCounts(const SyncStatusCounts &counts);
    void showProgress(const SyncProgress &progress);
    void showStoreBusy(int seconds);
    void onFinished(const SyncSummary &summary);
    void updateOffline();
    void updateLastSync();

    StoreWorker &m_store;
    SyncActions &m_actions;
    SyncStatusCounts m_counts;
    bool m_reachable = true;
    bool m_signInNeeded = false;
    QString m_lastSummary; // the last sync's summary line; empty before one
    QLabel *m_pending = nullptr;
    QLabel *m_lastSync = nullptr;
    QToolButton *m_offline = nullptr;
    QLabel *m_busy = nullptr;
    QToolButton *m_conflicts = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QTimer m_busyEnds;  // hides "Store busy" when the wait is over
    QTimer m_ticker;    // "3 min ago" moves on
    quint64 m_generation = 0; // drops a count that a newer one overtook
    int m_retries = 0;        // counts that failed in a row
};

} // namespace sl
