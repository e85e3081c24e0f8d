#pragma once

#include "sync/syncengine.h"

#include <QByteArray>
#include <QMutex>
#include <QPointer>
#include <QThread>

namespace sl {

// Runs one sync on a thread of its own, with its own Workspace (and so its
// own SQLite connection), a CurlTransport and the system clock, so that the
// GUI thread (or the CLI's) only hears of it: progress() and finished() are
// emitted from the worker thread (queued to receivers elsewhere).
class SyncThread : public QThread
{
    Q_OBJECT

public:
    SyncThread(const QString &workspaceDirectory, const QUrl &serviceRoot, const QByteArray &token,
               SyncOptions options = {}, QObject *parent = nullptr);
    ~SyncThread() override;

    // Asks the running sync to stop; safe from any thread.
    void requestCancel();
    // After finished(): what the sync did.
    SyncSummary summary() const;

Q_SIGNALS:
    void progress(const sl::SyncProgress &progress);
    void storeBusy(int seconds);
    void syncFinished(const sl::SyncSummary &summary);

protected:
    void run() override;

private:
    QString m_directory;
    QUrl m_serviceRoot;
    QByteArray m_token;
    SyncOptions m_options;
    mutable QMutex m_mutex; // guards m_summary and m_engine
    SyncSummary m_summary;
    QPointer<SyncEngine> m_engine;
    bool m_cancelRequested = false;
};

} // namespace sl
