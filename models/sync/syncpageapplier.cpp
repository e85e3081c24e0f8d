#include "sync/syncpageapplier.h"

#include "store/assetrepository.h"
#include "store/database.h"
#include "sync/storecolumns.h"

#include <QSet>

namespace sl {

namespace {

// The assets with an edit here that the store has not confirmed yet.
QSet<QString> assetsWithPendingEdits(Database &db)
{
    QSet<QString> ids;
    Statement query = db.cached("SELECT DISTINCT entity_id FROM outbox WHERE entity = 'asset'");
    while (query.step())
        ids.insert(query.columnText(0));
    return ids;
}

void keepNewest(QString &newest, const QString &modifiedOn)
{
    if (modifiedOn > newest) // ISO 8601 in one zone compares as text
        newest = modifiedOn;
}

} // namespace

SyncPageApplier::SyncPageApplier(Database &db) : m_db(db) {}

PageApplied SyncPageApplier::apply(SyncTable table, const ODataPage &page,
                                   const std::optional<SyncTableState> &endState)
{
    Transaction transaction(m_db);
    const PageApplied applied = table == SyncTable::Assets ? applyAssets(page) : applyLookups(table, page);
    if (endState)
        SyncStateRepository(m_db).save(*endState);
    transaction.commit();
    return applied;
}

PageApplied SyncPageApplier::applyAssets(const ODataPage &page)
{
    PageApplied applied;
    const QSet<QString> pending = assetsWithPendingEdits(m_db);
    std::vector<Asset> rows;
    std::vector<std::pair<QString, QString>> etags; // (id, ETag)
    rows.reserve(page.rows.size());
    for (const ODataRow &row : page.rows) {
        Asset asset = StoreColumns::assetFromRow(row.values);
        if (asset.id.isEmpty())
            continue; // no key: nothing to file it under
        keepNewest(applied.newestModified, asset.modifiedOn);
        if (pending.contains(asset.id)) {
            ++applied.keptPending;
            continue;
        }
        etags.emplace_back(asset.id, QString::fromUtf8(row.etag));
        rows.push_back(std::move(asset));
    }
    AssetRepository(m_db).upsertAssets(rows);
    Statement setEtag = m_db.cached("UPDATE assets SET etag = ?, created_here = 0 WHERE id = ?");
    for (const auto &[id, etag] : etags) {
        setEtag.bind(1, etag).bind(2, id).run();
        setEtag.reset();
    }
    applied.upserted = int(rows.size());

    Statement remove = m_db.cached("DELETE FROM assets WHERE id = ?");
    for (const ODataDeletedRow &row : page.deleted) {
        if (pending.contains(row.id)) {
            ++applied.keptPending;
            continue;
        }
        remove.bind(1, row.id).run();
        applied.deleted += m_db.changes();
        remove.reset();
    }
    return applied;
}

PageApplied SyncPageApplier::applyLookups(SyncTable table, const ODataPage &page)
{
    PageApplied applied;
    AssetRepository repository(m_db);
    for (const ODataRow &row : page.rows)
        keepNewest(applied.newestModified, row.values.value(QLatin1String("modifiedon")).toString());
    const char *removeSql = nullptr;
    if (table == SyncTable::Accounts) {
        std::vector<Account> rows;
        for (const ODataRow &row : page.rows)
            if (Account account = StoreColumns::accountFromRow(row.values); !account.id.isEmpty())
                rows.push_back(std::move(account));
        repository.upsertAccounts(rows);
        applied.upserted = int(rows.size());
        removeSql = "DELETE FROM accounts WHERE id = ?";
    } else if (table == SyncTable::Products) {
        std::vector<Product> rows;
        for (const ODataRow &row : page.rows)
            if (Product product = StoreColumns::productFromRow(row.values); !product.id.isEmpty())
                rows.push_back(std::move(product));
        repository.upsertProducts(rows);
        applied.upserted = int(rows.size());
        removeSql = "DELETE FROM products WHERE id = ?";
    } else {
        std::vector<Category> rows;
        for (const ODataRow &row : page.rows)
            if (Category category = StoreColumns::categoryFromRow(row.values); !category.id.isEmpty())
                rows.push_back(std::move(category));
        repository.upsertCategories(rows);
        applied.upserted = int(rows.size());
        removeSql = "DELETE FROM categories WHERE id = ?";
    }
    Statement remove = m_db.cached(removeSql);
    for (const ODataDeletedRow &row : page.deleted) {
        remove.bind(1, row.id).run();
        applied.deleted += m_db.changes();
        remove.reset();
    }
    return applied;
}

} // namespace sl
