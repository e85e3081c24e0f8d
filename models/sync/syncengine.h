#pragma once

#include "remote/remotelimits.h"
#include "remote/requestrunner.h"
#include "remote/retrypolicy.h"
#include "sync/idsweepschedule.h"
#include "sync/syncsummary.h"
#include "sync/synctable.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace sl {

class BulkWriteScope;

class Database;
class MediaFetchJob;
class OutboxPushJob;
class Workspace;
class TablePullJob;

// How a sync runs.
struct SyncOptions
{
    int pageSize = 5'000; // Prefer: odata.maxpagesize (limits::kMaxPageSize at most)
    bool push = true;
    bool pull = true;
    RetryPolicySettings retry; // how often and how long to retry (tests make it short)
    IdSweepSettings idSweep;   // how often a table without change tracking has its ids read to find deletions
    // After the pull: the assets whose captures' files to download into the
    // media cache (the viewer's Fetch), and whether those of the assets kept
    // available offline are brought up to date too.
    QStringList fetchMediaOf;
    bool fetchKeptOffline = true;
    qint64 mediaCacheBytes = limits::kMediaCacheBytes;
};

// One sync of a workspace with the asset store, on the calling thread's
// connection and event loop (a worker thread's: never the GUI thread, see
// SyncThread): first the outbox is pushed (OutboxPushJob), then each table
// is pulled in kPullOrder (TablePullJob). Pushing first lets the pull bring
// back the store's state of every record just written (merged fields and
// new ETags included); a record with an edit still waiting is left alone by
// the pull. A pull that fails stops the sync (later tables would lack their
// lookups). Last, the files of the assets asked for and of those kept
// available offline are fetched into the media cache (MediaFetchJob), one
// asset at a time.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(HttpTransport &transport, Clock &clock, TokenSource &tokens, Workspace &workspace, const QUrl &serviceRoot,
               SyncOptions options = {}, QObject *parent = nullptr);
    ~SyncEngine() override;

    void start();
    // Stops after the request or page in flight; what was committed stays.
    void cancel();
    bool isRunning() const { return m_running; }
    const SyncSummary &summary() const { return m_summary; }
    RequestRunner &runner() { return m_runner; }

Q_SIGNALS:
    void progress(const sl::SyncProgress &progress);
    // The store answered 429: waiting `seconds` ("store busy").
    void storeBusy(int seconds);
    void finished(const sl::SyncSummary &summary);

private:
    void pullNext();
    void onTablePulled();
    void startFetching();
    void fetchNext();
    void finish();
    // The files of captures the pull removed (journaled in their pages'
    // transactions), once those commits are on disk; never throws.
    void collectRemovedFiles();

    RequestRunner m_runner;
    Workspace &m_workspace; // a capture's push exports its media from it
    Database &m_db;
    QUrl m_serviceRoot;
    SyncOptions m_options;
    QPointer<OutboxPushJob> m_push;
    QPointer<TablePullJob> m_pull;
    QPointer<MediaFetchJob> m_fetch;
    QStringList m_fetchAssets; // what is left to fetch, in order
    // Lasts from the first table pulled to the end of the sync: page commits
    // without a disk flush each, one WAL checkpoint at the end.
    std::unique_ptr<BulkWriteScope> m_bulkWrite;
    size_t m_nextTable = 0;
    bool m_running = false;
    bool m_cancelled = false;
    SyncSummary m_summary;
};

} // namespace sl
