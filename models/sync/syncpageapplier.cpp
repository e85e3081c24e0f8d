#include "sync/syncpageapplier.h"

#include "store/assetrepository.h"
#include "store/assetrows.h"
#include "store/capturerepository.h"
#include "store/currentmanifest.h"
#include "store/database.h"
#include "sync/assetpageparser.h"
#include "sync/capturecolumns.h"
#include "sync/decodedassets.h"
#include "sync/deletedattachment.h"
#include "sync/remotecapture.h"
#include "sync/storecolumns.h"

#include <QSet>
#include <QUuid>

#include <memory>

namespace sl {

namespace {

// The records of `entity` ("asset", "capture") with an edit here that the
// store has not confirmed yet.
QSet<QString> withPendingEdits(Database &db, const char *entity)
{
    QSet<QString> ids;
    Statement query = db.cached("SELECT DISTINCT entity_id FROM outbox WHERE entity = ?");
    query.bind(1, QString::fromLatin1(entity));
    while (query.step())
        ids.insert(query.columnText(0));
    return ids;
}

void keepNewest(QString &newest, const QString &modifiedOn)
{
    if (modifiedOn > newest) // ISO 8601 in one zone compares as text
        newest = modifiedOn;
}

// A page's assets, from its rows as ODataPageParser read them (a page that
// AssetPageParser read carries them already).
SharedDecodedAssets decodeAssets(const ODataPage &page)
{
    auto decoded = std::make_shared<DecodedAssets>();
    decoded->rows.reserve(page.rows.size());
    decoded->etags.reserve(page.rows.size());
    for (const ODataRow &row : page.rows) {
        Asset asset = StoreColumns::assetFromRow(row.values);
        if (asset.id.isEmpty())
            continue; // no key: nothing to file it under
        keepNewest(decoded->newestModified, asset.modifiedOn);
        decoded->etags.push_back(row.etag);
        decoded->rows.push_back(std::move(asset));
    }
    return decoded;
}

} // namespace

PagedReadJob::PageParser SyncPageApplier::parserFor(SyncTable table)
{
    if (table != SyncTable::Assets)
        return {};
    return &AssetPageParser::parse;
}

QString SyncPageApplier::newestModified(const ODataPage &page)
{
    if (const DecodedAssets *decoded = decodedAssetsOf(page))
        return decoded->newestModified;
    QString newest;
    for (const ODataRow &row : page.rows)
        keepNewest(newest, row.values.value(QLatin1String("modifiedon")).toString());
    return newest;
}

SyncPageApplier::SyncPageApplier(Database &db) : m_db(db) {}

PageApplied SyncPageApplier::apply(SyncTable table, const ODataPage &page,
                                   const std::optional<SyncTableState> &endState)
{
    Transaction transaction(m_db);
    const PageApplied applied = table == SyncTable::Assets        ? applyAssets(page)
                                : table == SyncTable::Attachments ? applyAttachments(page)
                                                                  : applyLookups(table, page);
    if (endState)
        SyncStateRepository(m_db).save(*endState);
    transaction.commit();
    return applied;
}

PageApplied SyncPageApplier::applyAssets(const ODataPage &page)
{
    PageApplied applied;
    const SharedDecodedAssets *early = std::any_cast<SharedDecodedAssets>(&page.decoded);
    const SharedDecodedAssets decoded = early && *early ? *early : decodeAssets(page);
    applied.newestModified = decoded->newestModified;
    const QSet<QString> pending = withPendingEdits(m_db, "asset");
    // An id twice in a page: its last values and ETag (the upsert applies rows in order).
    if (pending.isEmpty()) {
        AssetRepository(m_db).upsertPulledAssets(decoded->rows, decoded->etags);
    } else {
        std::vector<Asset> rows;
        std::vector<QByteArray> etags;
        for (size_t i = 0; i < decoded->rows.size(); ++i) {
            if (pending.contains(decoded->rows[i].id)) {
                ++applied.keptPending;
                continue;
            }
            rows.push_back(decoded->rows[i]);
            etags.push_back(decoded->etags[i]);
        }
        AssetRepository(m_db).upsertPulledAssets(rows, etags);
    }
    applied.upserted = int(decoded->rows.size()) - applied.keptPending;

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

PageApplied SyncPageApplier::applyAttachments(const ODataPage &page)
{
    PageApplied applied;
    const QSet<QString> pending = withPendingEdits(m_db, "capture");
    // The ETag and, where the store has Sightline's columns, the review: so
    // that the ETag a later edit is sent against matches the values it
    // started from. The manifest is not taken (markups would need filing):
    // where the store's differs from the one here, the capture is left as it
    // is, old ETag included, so that a later edit meets a 412 and merges
    // instead of replacing the store's manifest.
    Statement etagOnly = m_db.cached("UPDATE captures SET etag = ? WHERE id = ?");
    Statement withReview = m_db.cached("UPDATE captures SET etag = ?, review_status = ?, review_note = ? WHERE id = ?");
    for (const ODataRow &row : page.rows) {
        keepNewest(applied.newestModified, row.values.value(QLatin1String("modifiedon")).toString());
        const QUuid key = QUuid::fromString(row.values.value(QLatin1String("msdyn_customerassetattachmentid")).toString());
        if (key.isNull())
            continue;
        const QString id = key.toString(QUuid::WithoutBraces);
        if (pending.contains(id)) {
            ++applied.keptPending;
            continue;
        }
        const QJsonObject values = CaptureColumns::fieldValues(row.values);
        const QJsonValue theirManifest = values.value(QLatin1String("sl_manifest"));
        const std::optional<QString> ours = CurrentManifest::jsonOf(m_db, id);
        if (!ours) {
            QString reason, notice;
            std::optional<CaptureRecord> capture = RemoteCapture::fromAttachment(row.values, &reason, &notice);
            if (!notice.isEmpty())
                applied.notices.append(notice);
            if (!capture) {
                applied.notices.append(reason);
                continue;
            }
            CaptureRepository(m_db).upsert(*capture);
            etagOnly.bind(1, QString::fromUtf8(row.etag)).bind(2, id).run();
            etagOnly.reset();
            ++applied.capturesAdded;
            ++applied.upserted;
            continue;
        }
        if (theirManifest.isString() && theirManifest.toString() != *ours)
            continue;
        const QString status = values.value(QLatin1String("sl_reviewstatus")).toString();
        Statement &update = status.isEmpty() ? etagOnly : withReview;
        update.bind(1, QString::fromUtf8(row.etag));
        if (status.isEmpty()) {
            update.bind(2, id);
        } else {
            update.bind(2, status).bind(3, values.value(QLatin1String("sl_reviewnote")).toString()).bind(4, id);
        }
        update.run();
        applied.upserted += m_db.changes();
        update.reset();
    }
    removeDeletedAttachments(page, applied);
    return applied;
}

void SyncPageApplier::removeDeletedAttachments(const ODataPage &page, PageApplied &applied)
{
    for (const ODataDeletedRow &row : page.deleted) {
        switch (DeletedAttachment::apply(m_db, row.id)) {
        case DeletedAttachment::Outcome::NoCapture: break;
        case DeletedAttachment::Outcome::Removed:
            ++applied.capturesRemoved;
            ++applied.deleted;
            break;
        case DeletedAttachment::Outcome::KeptImported: applied.capturesKeptImported.append(row.id); break;
        case DeletedAttachment::Outcome::KeptForEdit: applied.capturesKeptEdited.append(row.id); break;
        }
    }
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
