#pragma once

#include "items/assetroles.h"
#include "store/assetquery.h"
#include "store/storeresult.h"

#include <QAbstractListModel>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace sl {

class StoreWorker;

// The asset browser's list: one search (AssetQuery) over the workspace's
// assets, read asynchronously on a StoreWorker in keyset pages, so it stays
// instant at a million rows and the GUI thread never runs SQL.
//
// Memory does not grow with the list: rows are held in pages, and only the
// kMaxLoadedPages most recently used pages keep their rows. Every page keeps
// the key it starts after (its anchor), so a page dropped from memory is read
// again by key when the view comes back to it; meanwhile its rows show as
// loading. The row count grows as the view scrolls (canFetchMore/fetchMore),
// and the number of matches arrives separately (first capped, then exact),
// so the first rows never wait for a count.
//
// Each query has a generation number: an answer to an older query is
// dropped, and a queued page job of an older query is skipped on the worker.
class AssetListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // Roles: AssetRoles (items/assetroles.h), also reachable as AssetListModel::IdRole, ...
    enum Role {
        IdRole = AssetRoles::IdRole,
        NameRole = AssetRoles::NameRole,
        AssetTagRole = AssetRoles::AssetTagRole,
        AccountRole = AssetRoles::AccountRole,
        ProductRole = AssetRoles::ProductRole,
        CategoryRole = AssetRoles::CategoryRole,
        ParentIdRole = AssetRoles::ParentIdRole,
        StateRole = AssetRoles::StateRole,
        CaptureCountRole = AssetRoles::CaptureCountRole,
        LoadedRole = AssetRoles::LoadedRole,
    };

    static constexpr int kPageSize = 256;
    static constexpr int kMaxLoadedPages = 16;
    // Counts stop here first ("10,000+"); the exact count follows.
    static constexpr int kCountCap = 10000;

    // Pages are read on `pages`; counts on `counts` (may be the same worker;
    // a second one keeps a slow count from delaying the next page).
    AssetListModel(StoreWorker &pages, StoreWorker &counts, QObject *parent = nullptr);
    ~AssetListModel() override;

    // Resets the model and starts reading the first page.
    void setQuery(const AssetQuery &query);
    const AssetQuery &query() const { return m_query; }
    // Reads the held pages again from their keys, keeping rows where they are
    // (after the workspace changed), and counts again.
    void refresh();

    // The number of matches: std::nullopt until known; capped while only
    // the first kCountCap are counted.
    std::optional<AssetCount> matchCount() const { return m_count; }
    // No page is being read, the first page has arrived.
    bool isIdle() const;
    // Rows whose contents are in memory now (for tests and the benchmark).
    int loadedRowCount() const;

    // The row of an asset among the rows in memory, or -1.
    int rowOf(const QString &assetId) const;
    // The asset of a row whose page is in memory.
    const Asset *assetAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void matchCountChanged();
    // A page arrived (the first, a next one, or one read again).
    void pageArrived(int page);
    // The first page of the current query has arrived (it may be empty).
    void firstPageArrived();
    void readFailed(const QString &error);

private:
    struct Page
    {
        AssetCursor anchor;              // the page starts after this key
        std::vector<Asset> rows;         // empty while not in memory
        int size = 0;                    // rows the page had when last read
        bool loaded = false;
        bool reading = false;
        bool failed = false;             // its last read failed: not asked again until refresh()
        mutable quint64 lastUsed = 0;    // data() marks use
    };
    void requestPage(int page);
    void onPage(quint64 generation, int page, bool appending, StoreResult<std::optional<AssetPage>> result);
    void applyReread(int page, AssetPage &&answer);
    void appendPage(AssetPage &&answer);
    void replaceRows(int page, std::vector<Asset> rows);
    void requestCount(int cap);
    void touch(int page) const;
    void evictBeyondBudget(int keep);
    void drop(int page); // forgets a page's rows, keeping its anchor

    StoreWorker &m_pages;
    StoreWorker &m_counts;
    AssetQuery m_query;
    quint64 m_generation = 0;
    // The generation the worker checks before running a queued job.
    std::shared_ptr<std::atomic<quint64>> m_liveGeneration = std::make_shared<std::atomic<quint64>>(0);
    std::vector<Page> m_pagesHeld;
    AssetCursor m_nextAnchor; // where the page after the last one starts
    bool m_atEnd = false;
    bool m_appending = false; // the page after the last one is being read
    bool m_firstArrived = false;
    int m_rowCount = 0;
    int m_rereadUntil = -1; // a refresh reads pages again in order up to this one
    std::optional<AssetCount> m_count;
    mutable quint64 m_clock = 0;
};

} // namespace sl
