#include "items/assetlistmodel.h"

#include "common/logging.h"
#include "store/assetfinder.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace sl {

AssetListModel::AssetListModel(StoreWorker &pages, StoreWorker &counts, QObject *parent)
    : QAbstractListModel(parent), m_pages(pages), m_counts(counts)
{
}

AssetListModel::~AssetListModel()
{
    // Jobs still queued for this model are skipped on the worker.
    m_liveGeneration->store(0);
}

void AssetListModel::setQuery(const AssetQuery &query)
{
    beginResetModel();
    m_query = query;
    ++m_generation;
    m_liveGeneration->store(m_generation);
    m_pagesHeld.clear();
    m_nextAnchor = {};
    m_atEnd = false;
    m_appending = false;
    m_firstArrived = false;
    m_rowCount = 0;
    m_rereadUntil = -1;
    m_count.reset();
    endResetModel();
    requestPage(0);
    requestCount(kCountCap);
    Q_EMIT matchCountChanged();
}

void AssetListModel::refresh()
{
    if (!m_firstArrived || m_pagesHeld.empty()) {
        setQuery(m_query);
        return;
    }
    // The first run of pages in memory is read again in order, each from the
    // key the one before now ends at, so no row is lost or doubled across
    // page borders. Other pages are read again when the view comes to them.
    int first = -1;
    for (int p = 0; p < int(m_pagesHeld.size()); ++p) {
        Page &page = m_pagesHeld[size_t(p)];
        page.failed = false;
        if (page.loaded && first < 0)
            first = p;
    }
    int last = first;
    while (last + 1 < int(m_pagesHeld.size()) && m_pagesHeld[size_t(last + 1)].loaded)
        ++last;
    for (int p = 0; p < int(m_pagesHeld.size()); ++p) {
        if (p < first || p > last)
            drop(p);
    }
    if (first >= 0) {
        m_rereadUntil = last;
        m_pagesHeld[size_t(first)].reading = false;
        requestPage(first);
    }
    requestCount(kCountCap);
}

bool AssetListModel::isIdle() const
{
    if (!m_firstArrived || m_appending)
        return false;
    return std::none_of(m_pagesHeld.begin(), m_pagesHeld.end(), [](const Page &page) { return page.reading; });
}

int AssetListModel::loadedRowCount() const
{
    int rows = 0;
    for (const Page &page : m_pagesHeld)
        rows += page.loaded ? int(page.rows.size()) : 0;
    return rows;
}

int AssetListModel::rowOf(const QString &assetId) const
{
    for (size_t p = 0; p < m_pagesHeld.size(); ++p) {
        const Page &page = m_pagesHeld[p];
        if (!page.loaded)
            continue;
        for (size_t i = 0; i < page.rows.size(); ++i) {
            if (page.rows[i].id == assetId)
                return int(p) * kPageSize + int(i);
        }
    }
    return -1;
}

const Asset *AssetListModel::assetAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const Page &page = m_pagesHeld[size_t(row / kPageSize)];
    if (!page.loaded || size_t(row % kPageSize) >= page.rows.size())
        return nullptr;
    return &page.rows[size_t(row % kPageSize)];
}

int AssetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

QVariant AssetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int p = index.row() / kPageSize;
    const Page &page = m_pagesHeld[size_t(p)];
    page.lastUsed = ++m_clock;
    const Asset *asset = assetAt(index.row());
    if (!asset) {
        // Dropped from memory: read it again (queued, so that a paint never
        // changes the model under the view).
        if (!page.reading && !page.failed) {
            auto *self = const_cast<AssetListModel *>(this);
            QMetaObject::invokeMethod(self, [self, p, generation = m_generation] {
                if (generation == self->m_generation)
                    self->requestPage(p);
            }, Qt::QueuedConnection);
        }
        if (role == Qt::DisplayRole)
            return QCoreApplication::translate("sl::AssetListModel", "Loading…");
        return role == LoadedRole ? QVariant(false) : QVariant();
    }
    return AssetRoles::data(*asset, role);
}

QHash<int, QByteArray> AssetListModel::roleNames() const
{
    return AssetRoles::names(QAbstractListModel::roleNames());
}

bool AssetListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_firstArrived && !m_atEnd && !m_appending;
}

void AssetListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(int(m_pagesHeld.size()));
}

void AssetListModel::requestPage(int p)
{
    AssetCursor anchor;
    const bool appending = p == int(m_pagesHeld.size());
    if (appending) {
        if (m_appending || m_atEnd)
            return;
        m_appending = true;
        anchor = m_nextAnchor;
    } else {
        Page &page = m_pagesHeld[size_t(p)];
        if (page.reading)
            return;
        page.reading = true;
        anchor = page.anchor;
    }
    const quint64 generation = m_generation;
    std::function<std::optional<AssetPage>(Workspace &)> job =
        [query = m_query, anchor, generation, live = m_liveGeneration](Workspace &workspace) {
            if (live->load() != generation) // the view has moved on: skip the read
                return std::optional<AssetPage>();
            return std::optional<AssetPage>(workspace.assets().finder().page(query, anchor, kPageSize));
        };
    m_pages.post<std::optional<AssetPage>>(
        this, std::move(job),
        [this, generation, p, appending](StoreResult<std::optional<AssetPage>> result) {
            onPage(generation, p, appending, std::move(result));
        });
}

void AssetListModel::onPage(quint64 generation, int p, bool appending, StoreResult<std::optional<AssetPage>> result)
{
    if (generation != m_generation)
        return;
    if (!appending && p >= int(m_pagesHeld.size()))
        return; // the list got shorter meanwhile
    if (!result.ok() || !result.value->has_value()) {
        if (appending) {
            m_appending = false;
            m_atEnd = true; // no endless retries from the view; refresh() tries again
        } else {
            m_pagesHeld[size_t(p)].reading = false;
            m_pagesHeld[size_t(p)].failed = true;
        }
        m_rereadUntil = -1;
        if (!result.ok()) {
            qCWarning(lcStore).noquote() << "asset list: cannot read a page:" << result.error;
            Q_EMIT readFailed(result.error);
        }
        if (!m_firstArrived) {
            m_firstArrived = true;
            Q_EMIT firstPageArrived();
        }
        return;
    }
    AssetPage answer = std::move(**result.value);
    if (appending)
        appendPage(std::move(answer));
    else
        applyReread(p, std::move(answer));
    evictBeyondBudget(p);
    if (!m_firstArrived) {
        m_firstArrived = true;
        Q_EMIT firstPageArrived();
    }
    Q_EMIT pageArrived(p);
    if (p < m_rereadUntil && p + 1 < int(m_pagesHeld.size())) {
        m_pagesHeld[size_t(p + 1)].reading = false;
        requestPage(p + 1);
    } else {
        m_rereadUntil = -1;
    }
}

void AssetListModel::appendPage(AssetPage &&answer)
{
    const int n = int(answer.rows.size());
    m_atEnd = answer.atEnd || n < kPageSize;
    if (n == 0) {
        m_appending = false;
        return;
    }
    Page page;
    page.anchor = m_nextAnchor;
    page.rows = std::move(answer.rows);
    page.size = n;
    page.loaded = true;
    page.lastUsed = ++m_clock;
    m_nextAnchor = answer.next;
    beginInsertRows({}, m_rowCount, m_rowCount + n - 1);
    m_pagesHeld.push_back(std::move(page));
    m_rowCount += n;
    endInsertRows();
    // Only now: views ask for more from within the insertion signals.
    m_appending = false;
}

void AssetListModel::applyReread(int p, AssetPage &&answer)
{
    Page &page = m_pagesHeld[size_t(p)];
    page.reading = false;
    page.failed = false;
    const int first = p * kPageSize;
    const int newSize = int(answer.rows.size());
    const bool last = p + 1 == int(m_pagesHeld.size());

    if (newSize < kPageSize) {
        const AssetCursor anchor = page.anchor;
        // The list now ends in this page: rows after it are gone. They are
        // removed first, with the rows before them as they were.
        const int newCount = first + newSize;
        if (newCount < m_rowCount) {
            beginRemoveRows({}, newCount, m_rowCount - 1);
            m_pagesHeld.resize(size_t(newSize == 0 ? p : p + 1));
            if (newSize > 0) {
                Page &kept = m_pagesHeld[size_t(p)];
                if (kept.loaded)
                    kept.rows.resize(size_t(std::min(newSize, int(kept.rows.size()))));
                kept.size = std::min(kept.size, newSize);
            }
            m_rowCount = newCount;
            endRemoveRows();
        }
        m_atEnd = true;
        m_nextAnchor = newSize > 0 ? answer.next : anchor; // an empty page: the list ends before it
        if (newSize > 0)
            replaceRows(p, std::move(answer.rows));
        return;
    }
    if (last) {
        m_atEnd = answer.atEnd;
        m_nextAnchor = answer.next;
    } else if (!(m_pagesHeld[size_t(p + 1)].anchor == answer.next)) {
        // The next page now starts elsewhere: what it holds is stale.
        m_pagesHeld[size_t(p + 1)].anchor = answer.next;
        if (p + 1 > m_rereadUntil)
            drop(p + 1);
    }
    replaceRows(p, std::move(answer.rows));
}

void AssetListModel::replaceRows(int p, std::vector<Asset> rows)
{
    // The rows the page had change in place; rows beyond them (the last page
    // grew) are inserted after.
    Page &page = m_pagesHeld[size_t(p)];
    const int first = p * kPageSize;
    const int kept = std::min(page.size, int(rows.size()));
    std::vector<Asset> tail(std::make_move_iterator(rows.begin() + kept), std::make_move_iterator(rows.end()));
    rows.resize(size_t(kept));
    page.rows = std::move(rows);
    page.size = kept;
    page.loaded = true;
    if (kept > 0)
        Q_EMIT dataChanged(index(first), index(first + kept - 1));
    if (tail.empty())
        return;
    const int added = int(tail.size());
    beginInsertRows({}, first + kept, first + kept + added - 1);
    Page &grown = m_pagesHeld[size_t(p)];
    grown.rows.insert(grown.rows.end(), std::make_move_iterator(tail.begin()), std::make_move_iterator(tail.end()));
    grown.size += added;
    m_rowCount += added;
    endInsertRows();
}

void AssetListModel::requestCount(int cap)
{
    const quint64 generation = m_generation;
    std::function<std::optional<AssetCount>(Workspace &)> job =
        [query = m_query, cap, generation, live = m_liveGeneration](Workspace &workspace) {
            if (live->load() != generation)
                return std::optional<AssetCount>();
            return std::optional<AssetCount>(workspace.assets().finder().count(query, cap));
        };
    m_counts.post<std::optional<AssetCount>>(
        this, std::move(job), [this, generation, cap](StoreResult<std::optional<AssetCount>> result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                Q_EMIT readFailed(result.error);
                return;
            }
            if (!result.value->has_value())
                return;
            m_count = **result.value;
            Q_EMIT matchCountChanged();
            if (m_count->capped && cap < INT_MAX)
                requestCount(INT_MAX);
        });
}

void AssetListModel::drop(int p)
{
    Page &page = m_pagesHeld[size_t(p)];
    if (page.reading)
        return; // its answer will replace it
    page.loaded = false;
    std::vector<Asset>().swap(page.rows);
}

void AssetListModel::evictBeyondBudget(int keep)
{
    int loaded = 0;
    for (const Page &page : m_pagesHeld)
        loaded += page.loaded ? 1 : 0;
    while (loaded > kMaxLoadedPages) {
        int oldest = -1;
        for (int p = 0; p < int(m_pagesHeld.size()); ++p) {
            const Page &page = m_pagesHeld[size_t(p)];
            if (p != keep && page.loaded && !page.reading
                && (oldest < 0 || page.lastUsed < m_pagesHeld[size_t(oldest)].lastUsed))
                oldest = p;
        }
        if (oldest < 0)
            return;
        drop(oldest);
        --loaded;
    }
}

} // namespace sl
