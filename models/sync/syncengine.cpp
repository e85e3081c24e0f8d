#include "sync/syncengine.h"

#include "common/faultpoint.h"
#include "store/bulkwritescope.h"
#include "store/database.h"
#include "store/mediacache.h"
#include "store/mediastore.h"
#include "store/workspace.h"
#include "store/workspacelock.h"
#include "sync/mediafetchjob.h"
#include "sync/outboxpushjob.h"
#include "sync/synclogging.h"
#include "sync/tablepulljob.h"

namespace sl {

SyncEngine::SyncEngine(HttpTransport &transport, Clock &clock, TokenSource &tokens, Workspace &workspace,
                       const QUrl &serviceRoot, SyncOptions options, QObject *parent)
    : QObject(parent), m_runner(transport, clock, tokens, RetryPolicy(options.retry)), m_workspace(workspace),
      m_db(workspace.database()), m_serviceRoot(serviceRoot),
      m_options(options)
{
    connect(&m_runner, &RequestRunner::storeBusy, this, &SyncEngine::storeBusy);
}

SyncEngine::~SyncEngine()
{
    // The jobs hold references to m_runner: they go first.
    delete m_push;
    delete m_pull;
    delete m_fetch;
    m_bulkWrite.reset();
}

void SyncEngine::start()
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_cancelled = false;
    m_summary = {};
    m_nextTable = 0;
    if (!m_options.push) {
        pullNext();
        return;
    }
    m_push = new OutboxPushJob(m_runner, m_workspace, m_serviceRoot, this);
    connect(m_push, &OutboxPushJob::entryDone, this, [this](int done, int total) {
        Q_EMIT progress({SyncProgress::Phase::Pushing, QString(), done, total});
    });
    connect(m_push, &OutboxPushJob::finished, this, [this] {
        const PushOutcome &pushed = m_push->outcome();
        m_summary.pushed = pushed.pushed;
        m_summary.pushedCaptures = pushed.pushedCaptures;
        m_summary.uploads = pushed.uploads;
        m_summary.conflicts = pushed.conflicts;
        m_summary.failed = pushed.failed;
        m_summary.waiting = pushed.waiting;
        // Conflicts are reported, not errors: they wait for the user.
        for (const QString &line : pushed.errors)
            m_summary.notices.append(line);
        if (pushed.waiting > 0)
            m_summary.notices.append(tr("%n edit(s) not pushed this time: behind a conflict or a failed edit of the "
                                        "same record, or of a kind this version does not push yet",
                                        nullptr, pushed.waiting));
        m_push->deleteLater();
        if (m_cancelled || !m_options.pull)
            finish();
        else
            pullNext();
    });
    m_push->start();
}

void SyncEngine::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_push)
        m_push->cancel();
    if (m_pull)
        m_pull->cancel();
    if (m_fetch)
        m_fetch->cancel();
}

void SyncEngine::pullNext()
{
    if (m_cancelled || !m_options.pull || m_nextTable >= kPullOrder.size()) {
        startFetching();
        return;
    }
    if (!m_bulkWrite)
        m_bulkWrite = std::make_unique<BulkWriteScope>(m_db);
    const SyncTable table = kPullOrder[m_nextTable++];
    m_pull = new TablePullJob(m_runner, m_db, m_serviceRoot, table, m_options.pageSize, this);
    const QString entitySet = syncTableSpec(table).entitySet;
    connect(m_pull, &TablePullJob::pageApplied, this, [this, entitySet](int rows) {
        Q_EMIT progress({SyncProgress::Phase::Pulling, entitySet, rows, -1});
    });
    connect(m_pull, &TablePullJob::finished, this, &SyncEngine::onTablePulled);
    m_pull->setIdSweepSettings(m_options.idSweep);
    m_pull->start();
}

void SyncEngine::onTablePulled()
{
    const TablePullOutcome &pulled = m_pull->outcome();
    const QString entitySet = syncTableSpec(kPullOrder[m_nextTable - 1]).entitySet;
    m_summary.pulled += pulled.upserted;
    m_summary.deleted += pulled.deleted;
    m_summary.keptPending += pulled.keptPending;
    m_summary.capturesAdded += pulled.capturesAdded;
    m_summary.capturesRemoved += pulled.capturesRemoved;
    m_summary.notices += pulled.notices;
    if (!pulled.capturesKeptEdited.isEmpty())
        m_summary.notices.append(tr("%1: %n capture(s) deleted on the store kept here for the edits waiting on them: %2",
                                    nullptr, int(pulled.capturesKeptEdited.size()))
                                     .arg(entitySet, pulled.capturesKeptEdited.join(QLatin1String(", "))));
    if (!pulled.capturesKeptImported.isEmpty())
        m_summary.notices.append(tr("%1: %n capture(s) deleted on the store kept here, imported here (their media "
                                    "and markup are this workspace's own): %2",
                                    nullptr, int(pulled.capturesKeptImported.size()))
                                     .arg(entitySet, pulled.capturesKeptImported.join(QLatin1String(", "))));
    if (pulled.ok && !pulled.deletionsSeen)
        m_summary.notices.append(tr("%1: the asset store has no change tracking for this table; deletions there are "
                                    "not seen, except by an occasional read of every id (%2)")
                                     .arg(entitySet, pulled.swept ? tr("done this time") : tr("not this time")));
    if (pulled.ok && pulled.reread)
        m_summary.notices.append(tr("%1: the store no longer knew where the last sync ended, so the table was read "
                                    "whole; rows it no longer has were removed here").arg(entitySet));
    if (!pulled.keptGone.isEmpty())
        m_summary.notices.append(tr("%1: %n record(s) deleted on the store kept here for the edits waiting on them "
                                    "(the push will refuse those edits): %2", nullptr, int(pulled.keptGone.size()))
                                     .arg(entitySet, pulled.keptGone.join(QLatin1String(", "))));
    m_pull->deleteLater();
    if (!pulled.ok) {
        if (m_cancelled)
            m_summary.cancelled = true;
        else
            m_summary.errors.append(pulled.error);
        finish();
        return;
    }
    pullNext();
}

void SyncEngine::startFetching()
{
    m_fetchAssets.clear();
    if (!m_cancelled) {
        for (const QString &asset : m_options.fetchMediaOf)
            if (!m_fetchAssets.contains(asset))
                m_fetchAssets.append(asset);
        if (m_options.fetchKeptOffline) {
            try {
                for (const QString &asset : MediaCache(m_workspace, m_options.mediaCacheBytes).keptOfflineAssets())
                    if (!m_fetchAssets.contains(asset))
                        m_fetchAssets.append(asset);
            } catch (const StoreError &error) {
                m_summary.errors.append(error.message());
            }
        }
    }
    fetchNext();
}

void SyncEngine::fetchNext()
{
    if (m_cancelled || m_fetchAssets.isEmpty()) {
        finish();
        return;
    }
    const QString asset = m_fetchAssets.takeFirst();
    m_fetch = new MediaFetchJob(m_runner, m_workspace, m_serviceRoot, m_options.mediaCacheBytes, this);
    connect(m_fetch, &MediaFetchJob::progress, this, [this, asset](int done, int total) {
        Q_EMIT progress({SyncProgress::Phase::Fetching, asset, done, total});
    });
    connect(m_fetch, &MediaFetchJob::finished, this, [this] {
        const MediaFetchOutcome &fetched = m_fetch->outcome();
        m_summary.mediaFetched += fetched.downloaded;
        if (m_cancelled)
            m_summary.cancelled = true;
        else
            m_summary.errors += fetched.errors;
        m_fetch->deleteLater();
        fetchNext();
    });
    m_fetch->start(asset);
}

void SyncEngine::collectRemovedFiles()
{
    faultPoint("pull.captures-removed"); // their rows are gone, their files not yet
    // Under the write lock, as at every open; while another program holds
    // it, the journal keeps the files for its next holder.
    const std::optional<WorkspaceLock> lock = WorkspaceLock::tryAcquire(m_workspace.directory());
    if (!lock) {
        qCInfo(lcSync) << "the files of removed captures are left to the workspace's next writer (busy)";
        return;
    }
    try {
        m_workspace.media().collectUnreferenced();
    } catch (const StoreError &error) {
        qCWarning(lcSync).noquote() << "the files of removed captures could not be collected:" << error.message();
    }
}

void SyncEngine::finish()
{
    m_bulkWrite.reset(); // before finished(): its receiver may close the workspace
    // After the bulk write scope, whose end checkpoints the pages' commits.
    // Should a power cut still lose such a commit, its capture comes back
    // with a cache path and no file, which is a capture not fetched yet.
    if (m_summary.capturesRemoved > 0)
        collectRemovedFiles();
    m_running = false;
    if (m_cancelled)
        m_summary.cancelled = true;
    qCInfo(lcSync).noquote() << "sync done:" << m_summary.line();
    Q_EMIT progress({SyncProgress::Phase::Done, QString(), 0, -1});
    Q_EMIT finished(m_summary);
}

} // namespace sl
