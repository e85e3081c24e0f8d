#include "sync/tablepulljob.h"

#include "common/faultpoint.h"
#include "remote/odataquery.h"
#include "remote/pagedreadjob.h"
#include "store/assetbulkload.h"
#include "store/database.h"
#include "sync/pullsweep.h"
#include "sync/syncpageapplier.h"
#include "sync/synclogging.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace sl {

namespace {

QUrl queryUrl(const QUrl &serviceRoot, const SyncTableSpec &spec, const QString &filter)
{
    ODataQuery query(serviceRoot, spec.entitySet);
    query.select(spec.columns);
    if (!filter.isEmpty())
        query.filter(filter);
    QString error;
    return query.url(&error);
}

// The keys alone, for an id sweep.
QUrl idsUrl(const QUrl &serviceRoot, const SyncTableSpec &spec)
{
    ODataQuery query(serviceRoot, spec.entitySet);
    query.select({spec.keyColumn});
    QString error;
    return query.url(&error);
}

// A delta link the store refuses with one of these no longer works (an
// expired or unknown token): read the table whole again.
bool isStaleDeltaLink(const RemoteError &error)
{
    return error.status == 400 || error.status == 404 || error.status == 410;
}

} // namespace

TablePullJob::TablePullJob(RequestRunner &runner, Database &db, const QUrl &serviceRoot, SyncTable table,
                           int pageSize, QObject *parent)
    : QObject(parent), m_runner(runner), m_db(db), m_serviceRoot(serviceRoot), m_spec(syncTableSpec(table)),
      m_pageSize(pageSize)
{
}

TablePullJob::~TablePullJob()
{
    endCutBulkLoad();
}

void TablePullJob::start()
{
    m_outcome = {};
    std::optional<SyncTableState> state;
    try {
        state = SyncStateRepository(m_db).find(m_spec.entitySet);
    } catch (const StoreError &error) {
        finish(error.message());
        return;
    }
    m_previousModified = state ? state->lastModified : QString();
    m_sweeping = false;
    if (state && !state->deltaLink.isEmpty()) {
        read(Mode::Delta, QUrl(state->deltaLink));
    } else if (state && !state->tracked && !state->lastModified.isEmpty()) {
        bool due = false;
        try {
            due = PullSweep::sweeps(m_spec.table)
                  && IdSweepSchedule(m_db, m_spec.entitySet).due(m_idSweep, QDateTime::currentDateTimeUtc());
        } catch (const StoreError &error) {
            finish(error.message());
            return;
        }
        if (due) {
            m_sweeping = true;
            read(Mode::IdSweep, idsUrl(m_serviceRoot, m_spec));
        } else {
            poll();
        }
    } else {
        // A table pulled before and read whole again (its delta link had
        // expired, maybe in a sync cut since): what the read does not
        // return is gone on the store. A first pull sweeps nothing.
        m_sweeping = state.has_value() && PullSweep::sweeps(m_spec.table);
        read(Mode::Full, queryUrl(m_serviceRoot, m_spec, QString()));
    }
}

void TablePullJob::poll()
{
    m_sweeping = false;
    read(Mode::Polling, queryUrl(m_serviceRoot, m_spec, QStringLiteral("modifiedon gt %1").arg(m_previousModified)));
}

void TablePullJob::cancel()
{
    if (m_read)
        m_read->cancel();
}

void TablePullJob::read(Mode mode, const QUrl &url)
{
    m_mode = mode;
    m_outcome.delta = mode != Mode::Full;
    m_newestModified = m_previousModified;
    m_pagesApplied = 0;
    m_pageError.clear();
    if (!url.isValid()) {
        finish(tr("%1: no valid URL to read").arg(m_spec.entitySet));
        return;
    }
    if (m_sweeping) {
        try {
            PullSweep::begin(m_db, m_spec.table);
        } catch (const StoreError &error) {
            finish(error.message());
            return;
        }
    }
    // A first whole read of the assets (never pulled, so nothing to sweep)
    // loads in bulk. Not a re-read: it meets a full table, whose indexes
    // would cost more to build again than to keep.
    if (mode == Mode::Full && !m_sweeping && m_spec.table == SyncTable::Assets && !m_bulkLoad) {
        try {
            AssetBulkLoad::begin(m_db);
            m_bulkLoad = true;
        } catch (const StoreError &error) {
            finish(error.message());
            return;
        }
    }
    if (m_read)
        m_read->deleteLater(); // we may be inside its finished signal
    const QList<QByteArray> preferences =
        mode == Mode::Full ? QList<QByteArray>{"odata.track-changes"} : QList<QByteArray>{};
    m_read = new PagedReadJob(m_runner, url, m_pageSize, preferences, this);
    if (mode != Mode::IdSweep) // keys alone: nothing to decode
        m_read->setPageParser(SyncPageApplier::parserFor(m_spec.table));
    connect(m_read, &PagedReadJob::pageReady, this, &TablePullJob::onPage);
    connect(m_read, &PagedReadJob::finished, this, &TablePullJob::onReadFinished);
    qCInfo(lcSync) << "pulling" << m_spec.entitySet
                   << (mode == Mode::Full      ? "whole"
                       : mode == Mode::Delta   ? "delta"
                       : mode == Mode::IdSweep ? "ids only (to find deletions)"
                                               : "by modifiedon")
                   << (m_sweeping ? "and sweeping" : "");
    m_read->start();
}

void TablePullJob::onPage(const ODataPage &page)
{
    std::optional<SyncTableState> endState;
    if (page.nextLink.isEmpty() && m_mode != Mode::IdSweep) {
        // The last page: where this pull ended commits with it.
        SyncTableState state;
        state.entitySet = m_spec.entitySet;
        state.deltaLink = page.deltaLink.toString(QUrl::FullyEncoded);
        state.tracked = !page.deltaLink.isEmpty();
        state.pulledAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        endState = state;
    }
    try {
        const SyncTableSpec &spec = m_spec;
        if (endState) {
            // The newest modifiedon includes this page's rows: peek before applying.
            const QString modified = SyncPageApplier::newestModified(page);
            if (modified > m_newestModified)
                m_newestModified = modified;
            endState->lastModified = m_newestModified;
        }
        QElapsedTimer timer;
        timer.start();
        const PageApplied applied =
            m_sweeping ? applySweeping(page, endState) : applyPage(page, endState);
        qCDebug(lcSync) << spec.entitySet << "page of" << page.rows.size() << "rows applied in" << timer.elapsed() << "ms";
        if (applied.newestModified > m_newestModified)
            m_newestModified = applied.newestModified;
        m_outcome.upserted += applied.upserted;
        m_outcome.deleted += applied.deleted;
        m_outcome.keptPending += applied.keptPending;
        m_outcome.capturesAdded += applied.capturesAdded;
        m_outcome.capturesRemoved += applied.capturesRemoved;
        m_outcome.capturesKeptEdited += applied.capturesKeptEdited;
        m_outcome.capturesKeptImported += applied.capturesKeptImported;
        m_outcome.notices += applied.notices;
        ++m_pagesApplied;
        if (endState)
            m_outcome.deletionsSeen = endState->tracked;
    } catch (const StoreError &error) {
        m_pageError = tr("%1: a page could not be stored: %2").arg(m_spec.entitySet, error.message());
        m_read->cancel();
        return;
    }
    faultPoint("pull.page"); // a page committed, maybe not the last
    Q_EMIT pageApplied(m_outcome.upserted + m_outcome.deleted);
}

PageApplied TablePullJob::applyPage(const ODataPage &page, const std::optional<SyncTableState> &endState)
{
    if (!m_bulkLoad || !endState)
        return SyncPageApplier(m_db).apply(m_spec.table, page, endState);
    // The pull's end commits with its indexes: a workspace that says the
    // table was pulled never lacks one.
    Transaction transaction(m_db);
    const PageApplied applied = SyncPageApplier(m_db).apply(m_spec.table, page, endState);
    AssetBulkLoad::finish(m_db);
    transaction.commit();
    m_bulkLoad = false;
    return applied;
}

void TablePullJob::endCutBulkLoad()
{
    if (!m_bulkLoad)
        return;
    m_bulkLoad = false;
    try {
        AssetBulkLoad::end(m_db); // not repairIfInterrupted: its search rows are there
    } catch (const StoreError &error) {
        // The workspace's next open builds them.
        qCWarning(lcSync).noquote() << "the indexes of a cut first pull could not be built:" << error.message();
    }
}

PageApplied TablePullJob::applySweeping(const ODataPage &page, const std::optional<SyncTableState> &endState)
{
    Transaction transaction(m_db);
    PullSweep::markSeen(m_db, m_spec.table, page);
    PageApplied applied;
    if (m_mode != Mode::IdSweep)
        applied = SyncPageApplier(m_db).apply(m_spec.table, page, endState);
    if (page.nextLink.isEmpty()) {
        const SweepResult swept = PullSweep::sweep(m_db, m_spec.table);
        if (m_mode == Mode::IdSweep)
            IdSweepSchedule(m_db, m_spec.entitySet).swept(QDateTime::currentDateTimeUtc());
        transaction.commit();
        qCInfo(lcSync) << m_spec.entitySet << "sweep:" << swept.removed << "rows the store no longer has removed,"
                       << swept.kept.size() << "kept for their edits";
        applied.deleted += swept.removed;
        m_outcome.swept = true;
        if (m_spec.table == SyncTable::Attachments) { // captures from the store: their files go after the commit
            applied.capturesRemoved += swept.removed;
            applied.capturesKeptEdited += swept.kept;
            applied.capturesKeptImported += swept.keptImported;
        } else {
            m_outcome.keptGone += swept.kept;
        }
        return applied;
    }
    transaction.commit();
    return applied;
}

void TablePullJob::onReadFinished(bool ok)
{
    if (!m_pageError.isEmpty()) {
        finish(m_pageError);
        return;
    }
    if (ok && m_mode == Mode::IdSweep) {
        poll(); // the ids are swept: now the changes
        return;
    }
    if (ok) {
        if (m_mode == Mode::Polling && !m_outcome.swept) { // a poll right after its sweep counts as that sweep
            try {
                IdSweepSchedule(m_db, m_spec.entitySet).countPoll(QDateTime::currentDateTimeUtc());
            } catch (const StoreError &error) {
                finish(error.message());
                return;
            }
        }
        finish(QString());
        return;
    }
    const RemoteError error = m_read->error();
    if (m_mode == Mode::Delta && m_pagesApplied == 0 && isStaleDeltaLink(error)) {
        qCInfo(lcSync) << m_spec.entitySet << "delta link refused (" << error.status << "); reading the table whole";
        try {
            // The state stays without its link: a re-read cut half-way is
            // still a re-read (and sweeps) when the next sync reads again.
            SyncStateRepository repository(m_db);
            SyncTableState state = repository.find(m_spec.entitySet).value_or(SyncTableState{m_spec.entitySet});
            state.deltaLink.clear();
            state.lastModified.clear();
            state.tracked = true;
            repository.save(state);
        } catch (const StoreError &storeError) {
            finish(storeError.message());
            return;
        }
        m_previousModified.clear();
        m_outcome.reread = true;
        m_sweeping = PullSweep::sweeps(m_spec.table);
        read(Mode::Full, queryUrl(m_serviceRoot, m_spec, QString()));
        return;
    }
    finish(tr("%1: %2").arg(m_spec.entitySet, error.message));
}

void TablePullJob::finish(const QString &error)
{
    endCutBulkLoad();
    m_outcome.ok = error.isEmpty();
    m_outcome.error = error;
    Q_EMIT finished();
}

} // namespace sl
