#pragma once

#include "signin/tokenrelay.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace sl {

class SyncThread;

// Runs syncs of the open workspace from the GUI, one at a time, each on a
// SyncThread with the signed-in user's token (through a TokenRelay, so a
// 401 refreshes it on the GUI thread): when asked (Sync now), every few
// minutes while connected, once when a connection is made (after a
// sign-in, or after the sign-in kept from the last run was resumed), and
// once when a workspace is opened while connected.
class SyncRunner : public QObject
{
    Q_OBJECT

public:
    explicit SyncRunner(QObject *parent = nullptr);
    // Cancels a running sync and waits for its thread.
    ~SyncRunner() override;

    void setWorkspace(const QString &directory);
    // The store and the tokens to sync with; a null relay: not signed in.
    void setConnection(const QUrl &serviceRoot, TokenRelay *relay);
    bool isConnected() const { return m_relay != nullptr && m_serviceRoot.isValid(); }
    void setOptions(const SyncOptions &options) { m_options = options; }
    // Minutes between background syncs while connected; 0 turns them off.
    void setIntervalMinutes(int minutes);
    int intervalMinutes() const { return m_intervalMinutes; }

    // Starts a sync; while one runs, the next starts when it ends; without a
    // workspace yet, when one is set. False when not connected.
    bool syncNow();
    // Asks for a sync that also fetches the files of an asset's captures
    // into the media cache (after the running one, if any). False when not
    // connected.
    bool fetchMedia(const QString &assetId);
    // Stops the running sync after the page or request in flight.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    // When the last sync that ended without an error ended (UTC); invalid if none.
    QDateTime lastSuccessAt() const { return m_lastSuccessAt; }

Q_SIGNALS:
    void started();
    void progress(const sl::SyncProgress &progress);
    // A 429: the store asked to wait `seconds` ("store busy").
    void storeBusy(int seconds);
    // Whether the store answers (false: offline), as each request learns it.
    void reachabilityChanged(bool reachable);
    void finished(const sl::SyncSummary &summary);
    void connectionChanged(bool connected);

private:
    void start();
    void onFinished(const SyncSummary &summary);

    QString m_directory;
    QUrl m_serviceRoot;
    QPointer<TokenRelay> m_relay;
    SyncOptions m_options;
    int m_intervalMinutes = 5;
    QTimer m_periodic;
    SyncThread *m_thread = nullptr; // the running sync; null when none
    bool m_wanted = false;          // a sync was asked for while none could start
    QStringList m_fetchAssets;      // assets whose files the next sync fetches
    QDateTime m_lastSuccessAt;
};

} // namespace sl
