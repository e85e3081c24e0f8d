#include "sync/pullsweep.h"

#include "store/database.h"
#include "store/mediacache.h"
#include "sync/decodedassets.h"
#include "sync/deletedattachment.h"

#include <QUuid>

namespace sl {

namespace {

// The local table of a swept store table.
QLatin1String localTable(SyncTable table)
{
    switch (table) {
    case SyncTable::Accounts: return QLatin1String("accounts");
    case SyncTable::Products: return QLatin1String("products");
    case SyncTable::Categories: return QLatin1String("categories");
    case SyncTable::Attachments: return QLatin1String("captures");
    case SyncTable::Assets: break;
    }
    return QLatin1String("assets");
}

void ensureSeenTable(Database &db)
{
    db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS sync_seen(entity_set TEXT NOT NULL, id TEXT NOT NULL, "
                           "PRIMARY KEY (entity_set, id)) WITHOUT ROWID"));
}

// The rows of the local table that the read did not return.
QString notSeen(SyncTable table)
{
    return QStringLiteral("NOT EXISTS (SELECT 1 FROM temp.sync_seen s WHERE s.entity_set = '%1' AND s.id = t.id)")
        .arg(syncTableSpec(table).entitySet);
}

// ... and of those the ones that stay: an edit here waits for them (any
// outbox state), or, for assets, they were made here and never came from
// the store.
QString keptHere(SyncTable table)
{
    if (table != SyncTable::Assets)
        return QStringLiteral("0");
    return QStringLiteral("(t.created_here <> 0 OR EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'asset' "
                          "AND o.entity_id = t.id))");
}

} // namespace

void PullSweep::begin(Database &db, SyncTable table)
{
    ensureSeenTable(db);
    Statement clear = db.cached("DELETE FROM temp.sync_seen WHERE entity_set = ?");
    clear.bind(1, syncTableSpec(table).entitySet).run();
}

void PullSweep::markSeen(Database &db, SyncTable table, const ODataPage &page)
{
    const SyncTableSpec spec = syncTableSpec(table);
    Statement mark = db.cached("INSERT OR IGNORE INTO temp.sync_seen(entity_set, id) VALUES (?, ?)");
    if (const DecodedAssets *decoded = decodedAssetsOf(page)) {
        for (const Asset &asset : decoded->rows) { // keys already in the local form
            mark.bind(1, spec.entitySet).bind(2, asset.id).run();
            mark.reset();
        }
        return;
    }
    for (const ODataRow &row : page.rows) {
        // The same form as the local key (StoreColumns): lower case, no braces.
        const QUuid key = QUuid::fromString(row.values.value(spec.keyColumn).toString());
        if (key.isNull())
            continue;
        mark.bind(1, spec.entitySet).bind(2, key.toString(QUuid::WithoutBraces)).run();
        mark.reset();
    }
}

namespace {

// The captures the attachments' read did not return, by DeletedAttachment's
// rule. One imported here and never pushed (no ETag) is not on the store:
// not a deletion, so not reported.
SweepResult sweepCaptures(Database &db)
{
    std::vector<std::pair<QString, bool>> unseen; // (id, the store had it: an ETag)
    {
        Statement query = db.prepare(
            QStringLiteral("SELECT t.id, t.etag <> '', t.media_path FROM captures t WHERE %1 ORDER BY t.id")
                .arg(notSeen(SyncTable::Attachments)));
        while (query.step()) {
            const bool wasOnStore = query.columnInt(1) != 0;
            // Imported here and never pushed: kept and not reported, so not
            // asked about one by one (most captures of a workspace are such).
            if (!wasOnStore && !MediaCache::isCachePath(query.columnText(2)))
                continue;
            unseen.emplace_back(query.columnText(0), wasOnStore);
        }
    }
    SweepResult result;
    for (const auto &[id, wasOnStore] : unseen) {
        switch (DeletedAttachment::apply(db, id)) {
        case DeletedAttachment::Outcome::NoCapture: break;
        case DeletedAttachment::Outcome::Removed: ++result.removed; break;
        case DeletedAttachment::Outcome::KeptForEdit: result.kept.append(id); break;
        case DeletedAttachment::Outcome::KeptImported:
            if (wasOnStore)
                result.keptImported.append(id);
            break;
        }
    }
    return result;
}

} // namespace

SweepResult PullSweep::sweep(Database &db, SyncTable table)
{
    if (table == SyncTable::Attachments)
        return sweepCaptures(db);
    SweepResult result;
    const QLatin1String local = localTable(table);
    Statement kept = db.prepare(QStringLiteral("SELECT t.id FROM %1 t WHERE %2 AND %3 ORDER BY t.id")
                                    .arg(local, notSeen(table), keptHere(table)));
    while (kept.step())
        result.kept.append(kept.columnText(0));
    db.exec(QStringLiteral("DELETE FROM %1 AS t WHERE %2 AND NOT %3").arg(local, notSeen(table), keptHere(table)));
    result.removed = db.changes();
    return result;
}

} // namespace sl
