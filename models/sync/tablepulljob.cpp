#include "sync/tablepulljob.h"

#include "remote/odataquery.h"
#include "remote/pagedreadjob.h"
#include "store/database.h"
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
    if (state && !state->deltaLink.isEmpty()) {
        read(Mode::Delta, QUrl(state->deltaLink));
    } else if (state && !state->tracked && !state->lastModified.isEmpty()) {
        read(Mode::Polling, queryUrl(m_serviceRoot, m_spec, QStringLiteral("modifiedon gt %1").arg(state->lastModified)));
    } else {
        read(Mode::Full, queryUrl(m_serviceRoot, m_spec, QString()));
    }
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
    if (m_read)
        m_read->deleteLater(); // we may be inside its finished signal
    const QList<QByteArray> preferences =
        mode == Mode::Full ? QList<QByteArray>{"odata.track-changes"} : QList<QByteArray>{};
    m_read = new PagedReadJob(m_runner, url, m_pageSize, preferences, this);
    connect(m_read, &PagedReadJob::pageReady, this, &TablePullJob::onPage);
    connect(m_read, &PagedReadJob::finished, this, &TablePullJob::onReadFinished);
    qCInfo(lcSync) << "pulling" << m_spec.entitySet << (mode == Mode::Full ? "whole" : mode == Mode::Delta ? "delta" : "by modifiedon");
    m_read->start();
}

void TablePullJob::onPage(const ODataPage &page)
{
    std::optional<SyncTableState> endState;
    if (page.nextLink.isEmpty()) {
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
        SyncPageApplier applier(m_db);
        if (endState) {
            // The newest modifiedon includes this page's rows: peek before applying.
            for (const ODataRow &row : page.rows) {
                const QString modified = row.values.value(QLatin1String("modifiedon")).toString();
                if (modified > m_newestModified)
                    m_newestModified = modified;
            }
            endState->lastModified = m_newestModified;
        }
        QElapsedTimer timer;
        timer.start();
        const PageApplied applied = applier.apply(spec.table, page, endState);
        qCDebug(lcSync) << spec.entitySet << "page of" << page.rows.size() << "rows applied in" << timer.elapsed() << "ms";
        if (applied.newestModified > m_newestModified)
            m_newestModified = applied.newestModified;
        m_outcome.upserted += applied.upserted;
        m_outcome.deleted += applied.deleted;
        m_outcome.keptPending += applied.keptPending;
        ++m_pagesApplied;
        if (endState)
            m_outcome.deletionsSeen = endState->tracked;
    } catch (const StoreError &error) {
        m_pageError = tr("%1: a page could not be stored: %2").arg(m_spec.entitySet, error.message());
        m_read->cancel();
        return;
    }
    Q_EMIT pageApplied(m_outcome.upserted + m_outcome.deleted);
}

void TablePullJob::onReadFinished(bool ok)
{
    if (!m_pageError.isEmpty()) {
        finish(m_pageError);
        return;
    }
    if (ok) {
        finish(QString());
        return;
    }
    const RemoteError error = m_read->error();
    if (m_mode == Mode::Delta && m_pagesApplied == 0 && isStaleDeltaLink(error)) {
        qCInfo(lcSync) << m_spec.entitySet << "delta link refused (" << error.status << "); reading the table whole";
        try {
            SyncStateRepository(m_db).forget(m_spec.entitySet);
        } catch (const StoreError &storeError) {
            finish(storeError.message());
            return;
        }
        m_previousModified.clear();
        m_outcome.reread = true;
        read(Mode::Full, queryUrl(m_serviceRoot, m_spec, QString()));
        return;
    }
    finish(tr("%1: %2").arg(m_spec.entitySet, error.message));
}

void TablePullJob::finish(const QString &error)
{
    m_outcome.ok = error.isEmpty();
    m_outcome.error = error;
    Q_EMIT finished();
}

} // namespace sl
