#include "store/assetrepository.h"

#include "common/logging.h"
#include "store/assetbatch.h"
#include "store/assetfinder.h"
#include "store/assetrows.h"
#include "store/database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace sl {

namespace {

// How many children an asset `a` has, counted up to 10,000 (a tree shows "10,000+").
#define SL_CHILD_COUNT "(SELECT count(*) FROM (SELECT 1 FROM assets ch WHERE ch.parent_id = a.id LIMIT 10000)) "

// Upserts of at least this many assets are bulk writes: a WAL checkpoint follows.
constexpr size_t kBulkRows = 1000;

// Inserts or renames an (id, name) lookup row; `condition` says when an
// existing row's name is replaced.
#define SL_UPSERT_LOOKUP(table, condition)                                                                   \
    "INSERT INTO " table "(id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name "     \
    "WHERE " condition

// The lookup row for a name an asset carries: an empty name never blanks a known one.
#define SL_ENSURE_LOOKUP(table) SL_UPSERT_LOOKUP(table, "excluded.name <> '' AND name <> excluded.name")

// Makes sure a lookup row exists for a foreign key, taking the display name
// the asset carries; an empty name never overwrites a known one.
void ensureLookup(Statement &upsert, QHash<QString, QString> &seen, const QString &id, const QString &name)
{
    if (id.isEmpty())
        return;
    auto it = seen.constFind(id);
    if (it != seen.constEnd() && (name.isEmpty() || *it == name))
        return;
    seen.insert(id, name);
    upsert.bind(1, id).bind(2, name);
    upsert.run();
    upsert.reset();
}

// Writes the search index rows (words and tag substrings) of the assets the
// upsert inserted: those with a rid above `newAbove` (a new rowid is always
// above every existing one). Done in bulk rather than by a trigger per row:
// FTS5 flushes its pending terms at every statement savepoint, which makes a
// per-row trigger ~3x slower. Changed rows are indexed again by the schema's
// triggers (migrations.cpp, version 8), which also index a row inserted and
// then updated by the same statement (an id twice in a batch): only rows
// without index rows are written.
void indexInserted(Database &db, qint64 newAbove)
{
    Statement words = db.cached(
        "INSERT INTO asset_search(rowid, name, tag, account, product, category) SELECT * FROM asset_search_source s "
        "WHERE s.rid > ? AND NOT EXISTS (SELECT 1 FROM asset_search_docsize d WHERE d.id = s.rid)");
    Statement tags = db.cached("INSERT INTO asset_tag_search(rowid, tag) SELECT * FROM asset_tag_source s "
                               "WHERE s.rid > ? AND NOT EXISTS (SELECT 1 FROM asset_tag_search_docsize d WHERE d.id = s.rid)");
    for (Statement *statement : {&words, &tags}) {
        statement->bind(1, newAbove).run();
        statement->reset();
    }
}

// Upserts (id, name) rows into a lookup table with `upsertSql`, in one transaction.
template <typename Row>
void upsertNamedRows(Database &db, const char *upsertSql, const std::vector<Row> &rows)
{
    Transaction transaction(db);
    Statement upsert = db.cached(upsertSql);
    for (const Row &row : rows) {
        upsert.bind(1, row.id).bind(2, row.name).run();
        upsert.reset();
    }
    transaction.commit();
}

} // namespace

AssetRepository::AssetRepository(Database &db) : m_db(db), m_finder(db) {}

void AssetRepository::upsertAccounts(const std::vector<Account> &rows)
{
    upsertNamedRows(m_db, SL_UPSERT_LOOKUP("accounts", "name IS NOT excluded.name"), rows);
}

void AssetRepository::upsertProducts(const std::vector<Product> &rows)
{
    Transaction transaction(m_db);
    Statement upsert = m_db.cached(
        "INSERT INTO products(id, name, product_number) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE "
        "SET name = excluded.name, product_number = excluded.product_number "
        "WHERE (name, product_number) IS NOT (excluded.name, excluded.product_number)");
    for (const Product &row : rows) {
        upsert.bind(1, row.id).bind(2, row.name).bind(3, row.productNumber);
        upsert.run();
        upsert.reset();
    }
    transaction.commit();
}

void AssetRepository::upsertCategories(const std::vector<Category> &rows)
{
    upsertNamedRows(m_db, SL_UPSERT_LOOKUP("categories", "name IS NOT excluded.name"), rows);
}

void AssetRepository::upsertAssets(const std::vector<Asset> &rows)
{
    upsert(rows, nullptr);
}

void AssetRepository::upsertPulledAssets(const std::vector<Asset> &rows, const std::vector<QByteArray> &etags)
{
    if (etags.size() != rows.size())
        throw StoreError(QStringLiteral("%1 ETags for %2 assets").arg(etags.size()).arg(rows.size()));
    upsert(rows, &etags);
}

void AssetRepository::upsert(const std::vector<Asset> &rows, const std::vector<QByteArray> *etags)
{
    Transaction transaction(m_db);
    // The names an asset carries keep the lookup tables (and so the foreign
    // keys and the search index) complete even before the lookups sync.
    Statement account = m_db.cached(SL_ENSURE_LOOKUP("accounts"));
    Statement product = m_db.cached(SL_ENSURE_LOOKUP("products"));
    Statement category = m_db.cached(SL_ENSURE_LOOKUP("categories"));
    // One statement for the whole batch, its rows read from an AssetBatch:
    // a statement per row costs ~5x more (each opens a statement journal,
    // which the assets triggers and upsert need, and writes every page it
    // touches there). Unchanged rows are left alone so that a repeated sync
    // does not churn the search index. name is compared case-sensitively
    // (its column is NOCASE).
#define SL_ASSET_UPSERT(columnsMore, rowMore, setMore, excludedMore)                                            \
    "INSERT INTO assets(id, name, asset_tag, account_id, product_id, category_id, parent_id, latitude, "    \
    "longitude, state_code, modified_on" columnsMore ") "                                                    \
    "SELECT b.id, b.name, b.asset_tag, b.account_id, b.product_id, b.category_id, b.parent_id, b.latitude, " \
    "b.longitude, b.state_code, b.modified_on" rowMore " "                                                   \
    "FROM sl_asset_batch(?) b WHERE true ORDER BY b.ord " /* WHERE: tells ON CONFLICT from a join's ON */    \
    "ON CONFLICT(id) DO UPDATE SET name = excluded.name, asset_tag = excluded.asset_tag, "                    \
    "account_id = excluded.account_id, product_id = excluded.product_id, "                                    \
    "category_id = excluded.category_id, parent_id = excluded.parent_id, latitude = excluded.latitude, "      \
    "longitude = excluded.longitude, state_code = excluded.state_code, modified_on = excluded.modified_on "   \
    setMore                                                                                                   \
    "WHERE (name COLLATE BINARY, asset_tag, account_id, product_id, category_id, parent_id, latitude, "       \
    "longitude, state_code, modified_on" columnsMore ") IS NOT (excluded.name, excluded.asset_tag, "          \
    "excluded.account_id, excluded.product_id, excluded.category_id, excluded.parent_id, excluded.latitude, " \
    "excluded.longitude, excluded.state_code, excluded.modified_on" excludedMore ") "                        \
    "RETURNING rid"
    // A pulled row also takes the store's ETag in the same write (a second
    // UPDATE for the ETags wrote every row twice), and is not made here.
    Statement upsert = etags ? m_db.cached(SL_ASSET_UPSERT(", etag, created_here", ", b.etag, 0",
                                                           ", etag = excluded.etag, created_here = 0 ",
                                                           ", excluded.etag, excluded.created_here"))
                             : m_db.cached(SL_ASSET_UPSERT("", "", "", ""));
#undef SL_ASSET_UPSERT

    QHash<QString, QString> seenAccounts, seenProducts, seenCategories;
    QSet<QString> batchIds;
    QStringList withParent; // ids whose parent is not in this batch
    AssetBatch batch;       // the rows, as the upsert reads them
    batch.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const Asset &row = rows[i];
        if (row.id.isEmpty())
            throw StoreError(
                QStringLiteral("An asset without an id cannot be stored (name \"%1\")").arg(row.name));
        ensureLookup(account, seenAccounts, row.accountId, row.accountName);
        ensureLookup(product, seenProducts, row.productId, row.productName);
        ensureLookup(category, seenCategories, row.categoryId, row.categoryName);
        const QString parentId = row.parentId == row.id ? QString() : row.parentId;
        batch.add(row, parentId, etags ? (*etags)[i] : QByteArray());
        batchIds.insert(row.id);
        if (!parentId.isEmpty() && !batchIds.contains(parentId))
            withParent.append(row.id);
    }
    size_t changed = 0;  // rows inserted or updated (RETURNING gives no row otherwise)
    qint64 newAbove = 0; // the highest rid before the upsert: rows above it are new
    if (!rows.empty()) {
        Statement highest = m_db.cached("SELECT coalesce(max(rid), 0) FROM assets");
        newAbove = highest.step() ? highest.columnInt64(0) : 0;
        highest.reset();
        batch.bindTo(upsert, 1);
        while (upsert.step())
            ++changed;
        upsert.reset();
    }

    // The parent foreign key is checked at commit: a parent the asset store
    // did not send (filtered out, deleted) would fail the whole batch, so
    // such links are dropped here, in one statement, and logged.
    if (!withParent.isEmpty()) {
        Statement detach = m_db.cached(
            "UPDATE assets SET parent_id = NULL WHERE id IN (SELECT value FROM json_each(?)) "
            "AND parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assets p WHERE p.id = assets.parent_id)");
        detach.bind(1, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(withParent))
                                             .toJson(QJsonDocument::Compact)));
        detach.run();
        const int dropped = m_db.changes();
        if (dropped > 0)
            qCWarning(lcStore) << dropped
                               << "asset(s) refer to a parent that is not in the workspace; "
                                  "stored them as top-level assets";
    }
    indexInserted(m_db, newAbove);
    transaction.commit();
    if (changed >= kBulkRows)
        m_db.checkpointIfIdle(); // keeps the WAL small (see Database::kJournalSizeLimit)
}

void AssetRepository::rebuildSearchIndex()
{
    // Both read their text from the assets (external content): a rebuild
    // makes them exact whatever they held.
    Transaction transaction(m_db);
    m_db.exec(QStringLiteral("INSERT INTO asset_search(asset_search) VALUES('rebuild')"));
    m_db.exec(QStringLiteral("INSERT INTO asset_tag_search(asset_tag_search) VALUES('rebuild')"));
    transaction.commit();
    m_db.checkpointIfIdle();
}

QString AssetRepository::searchIndexProblem() const
{
    for (const char *table : {"asset_search", "asset_tag_search"}) {
        try {
            m_db.exec(QStringLiteral("INSERT INTO %1(%1, rank) VALUES('integrity-check', 1)").arg(QLatin1String(table)));
        } catch (const StoreError &error) {
            return QStringLiteral("%1: %2").arg(QLatin1String(table), error.message());
        }
    }
    return {};
}

int AssetRepository::count() const
{
    Statement query = m_db.cached("SELECT count(*) FROM assets");
    return query.step() ? query.columnInt(0) : 0;
}

int AssetRepository::countMatching(const QString &search) const
{
    return m_finder.count({search, {}, AssetSort::Name}, 0).value;
}

std::vector<Asset> AssetRepository::page(const QString &search, const AssetPageCursor &after, int limit) const
{
    const AssetCursor cursor = after.isStart() ? AssetCursor() : AssetFinder::nameCursor(after.name, after.id);
    return m_finder.page({search, {}, AssetSort::Name}, cursor, limit).rows;
}

std::optional<Asset> AssetRepository::byId(const QString &id) const
{
    Statement query = m_db.cached("SELECT " SL_ASSET_COLUMNS SL_ASSET_FROM "WHERE a.id = ?");
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return readAsset(query);
}

std::vector<Asset> AssetRepository::children(const QString &parentId, const AssetPageCursor &after, int limit) const
{
    // One statement per case, so that each uses the (parent_id, name, id)
    // index: roots are the rows whose parent is NULL.
    Statement query = parentId.isEmpty()
        ? m_db.cached("SELECT " SL_ASSET_COLUMNS ", " SL_CHILD_COUNT SL_ASSET_FROM
                      "WHERE a.parent_id IS NULL AND (a.name, a.id) > (?1, ?2) ORDER BY a.name, a.id LIMIT ?3")
        : m_db.cached("SELECT " SL_ASSET_COLUMNS ", " SL_CHILD_COUNT SL_ASSET_FROM
                      "WHERE a.parent_id = ?4 AND (a.name, a.id) > (?1, ?2) ORDER BY a.name, a.id LIMIT ?3");
    query.bind(1, after.isStart() ? QStringLiteral("") : after.name);
    query.bind(2, after.isStart() ? QStringLiteral("") : after.id);
    query.bind(3, limit);
    if (!parentId.isEmpty())
        query.bind(4, parentId);
    std::vector<Asset> rows;
    while (query.step()) {
        rows.push_back(readAsset(query));
        rows.back().childCount = query.columnInt(15);
    }
    return rows;
}

QStringList AssetRepository::lookupNames(Lookup lookup, int limit) const
{
    Statement query = lookup == Lookup::Accounts
        ? m_db.cached("SELECT DISTINCT name FROM accounts WHERE name <> '' ORDER BY name COLLATE NOCASE LIMIT ?")
        : lookup == Lookup::Products
        ? m_db.cached("SELECT DISTINCT name FROM products WHERE name <> '' ORDER BY name COLLATE NOCASE LIMIT ?")
        : m_db.cached("SELECT DISTINCT name FROM categories WHERE name <> '' ORDER BY name COLLATE NOCASE LIMIT ?");
    query.bind(1, limit);
    QStringList names;
    while (query.step())
        names.append(query.columnText(0));
    return names;
}

std::vector<Asset> AssetRepository::ancestors(const QString &id) const
{
    // Walks up parent links; the depth limit stops a cycle a damaged or
    // foreign table might hold.
    Statement query = m_db.cached(
        "WITH RECURSIVE up(id, depth) AS ("
        "  SELECT parent_id, 1 FROM assets WHERE id = ?1 AND parent_id IS NOT NULL"
        "  UNION ALL"
        "  SELECT a.parent_id, up.depth + 1 FROM assets a JOIN up ON a.id = up.id"
        "  WHERE a.parent_id IS NOT NULL AND up.depth < ?2) "
        "SELECT " SL_ASSET_COLUMNS "FROM up JOIN assets a ON a.id = up.id " SL_ASSET_JOINS "ORDER BY up.depth DESC");
    query.bind(1, id).bind(2, kMaxHierarchyDepth);
    std::vector<Asset> rows;
    while (query.step())
        rows.push_back(readAsset(query));
    return rows;
}

int AssetRepository::childCount(const QString &parentId) const
{
    Statement query = m_db.cached("SELECT count(*) FROM assets WHERE parent_id = ?");
    query.bind(1, parentId);
    return query.step() ? query.columnInt(0) : 0;
}

QString AssetRepository::firstWithCaptures() const
{
    Statement query = m_db.cached("SELECT a.id FROM captures k JOIN assets a ON a.id = k.asset_ref "
                                  "ORDER BY a.name, a.id LIMIT 1");
    return query.step() ? query.columnText(0) : QString();
}

} // namespace sl
