#pragma once

#include "store/workspace.h"
#include "sync/syncengine.h"

#include <QByteArray>
#include <QMutex>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace sl {

class WatchedTransport;

// Runs one sync on a thread of its own, with its own Workspace (and so its
// own SQLite connection), a CurlTransport and the system clock, so that the
// GUI thread (or the CLI's) only hears of it: progress() and finished() are
// emitted from the worker thread (queued to receivers elsewhere).
class SyncThread : public QThread
{
    Q_OBJECT

public:
    // Makes the sync's TokenSource on the sync's thread (see TokenRelay).
    using TokenSourceFactory = std::function<std::unique_ptr<TokenSource>()>;

    // With a fixed token (SIGHTLINE_TOKEN): a 401 cannot be cured by a refresh.
    SyncThread(const QString &workspaceDirectory, const QUrl &serviceRoot, const QByteArray &token,
               SyncOptions options = {}, QObject *parent = nullptr);
    SyncThread(const QString &workspaceDirectory, const QUrl &serviceRoot, TokenSourceFactory tokens,
               SyncOptions options = {}, QObject *parent = nullptr);
    ~SyncThread() override;

    // Asks the running sync to stop now, cutting off the requests on the
    // wire (what was committed stays; a page is applied whole or not at all;
    // an edit cut off stays queued); safe from any thread.
    void requestCancel();
    // Before start(): Deferred skips SQLite's check of the whole file when
    // another connection has already found it sound (the window's, which
    // hands a workspace to syncs only then); a sync every few minutes need
    // not read a large file whole each time.
    void setWorkspaceCheck(Workspace::Check check) { m_check = check; }
    // After finished(): what the sync did.
    SyncSummary summary() const;

Q_SIGNALS:
    void progress(const sl::SyncProgress &progress);
    void storeBusy(int seconds);
    // Whether the last request got an answer (false: refused, no route, DNS,
    // timeout: offline); emitted when that changes, the first time included.
    void reachabilityChanged(bool reachable);
    void syncFinished(const sl::SyncSummary &summary);

protected:
    void run() override;

private:
    QString m_directory;
    QUrl m_serviceRoot;
    TokenSourceFactory m_tokens;
    SyncOptions m_options;
    Workspace::Check m_check = Workspace::Check::BeforeOpening;
    mutable QMutex m_mutex; // guards m_summary, m_engine and m_transport
    SyncSummary m_summary;
    QPointer<SyncEngine> m_engine;
    WatchedTransport *m_transport = nullptr; // of the running sync, on its thread
    bool m_cancelRequested = false;
};

} // namespace sl
