#pragma once

#include "domain/asset.h"
#include "store/assetfinder.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sl {

class Database;

// Where a page of assets starts: the sort key of the last row already shown
// (keyset paging: no OFFSET, so page 5,000 costs what page 1 does).
struct AssetPageCursor
{
    QString name;
    QString id;
    bool isStart() const { return id.isEmpty(); }
};

// Table access for accounts, products, categories and assets. Every function
// throws StoreError (store/database.h) when the database fails. Queries that
// return Asset fill captureCount.
class AssetRepository
{
public:
    explicit AssetRepository(Database &db);

    void upsertAccounts(const std::vector<Account> &rows);
    void upsertProducts(const std::vector<Product> &rows);
    void upsertCategories(const std::vector<Category> &rows);
    void upsertAssets(const std::vector<Asset> &rows); // one transaction; updates the search index
    // The same for rows read from the asset store: each row's ETag
    // (`etags[i]`, empty when the store sent none) is stored in the same
    // write, and the row is marked as the store's (not made here).
    void upsertPulledAssets(const std::vector<Asset> &rows, const std::vector<QByteArray> &etags);
    // Rewrites the whole search index from the assets table (after assets
    // were copied in by other means, e.g. salvaged by a rebuild).
    void rebuildSearchIndex();
    // Empty when both search indexes hold exactly the text of the assets
    // they index (FTS5's integrity check against the content), else what
    // SQLite says. Reads every index row: for checks, not for the GUI.
    QString searchIndexProblem() const;

    int count() const;
    enum class Lookup { Accounts, Products, Categories };
    // The names of a lookup table, sorted, at most `limit` (for pickers).
    QStringList lookupNames(Lookup lookup, int limit = 10000) const;
    // `search` as AssetFinder matches it (word prefixes in name, tag, account,
    // product and category; substrings of the tag); empty matches everything.
    // Ordered by name, then id. The browser's older interface: AssetFinder
    // does the work.
    int countMatching(const QString &search) const;
    // The connection's search engine; it keeps a search's match (and a
    // relevance ranking) between the count and the pages, so use this one
    // rather than a new AssetFinder per page.
    AssetFinder &finder() const { return m_finder; }
    std::vector<Asset> page(const QString &search, const AssetPageCursor &after, int limit) const;
    std::optional<Asset> byId(const QString &id) const;
    // A keyset page of the children of `parentId` (the top-level assets when
    // empty), by name, with childCount filled.
    std::vector<Asset> children(const QString &parentId, const AssetPageCursor &after, int limit) const;
    // The master-asset path of an asset: its parent's parent ... its parent,
    // top first; stops after kMaxHierarchyDepth levels.
    std::vector<Asset> ancestors(const QString &id) const;
    static constexpr int kMaxHierarchyDepth = 64;
    int childCount(const QString &parentId) const;
    // The first asset, in list order, that has at least one capture; empty if none.
    // Walks the captures, not the assets, so it stays cheap at a million assets.
    QString firstWithCaptures() const;

private:
    void upsert(const std::vector<Asset> &rows, const std::vector<QByteArray> *etags);
    Database &m_db;
    mutable AssetFinder m_finder; // keeps a search's match between count and pages
};

} // namespace sl
