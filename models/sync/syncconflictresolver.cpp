#include "sync/syncconflictresolver.h"

#include "store/assetrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/storecolumns.h"
#include "sync/syncconflictrepository.h"

namespace sl {

SyncConflictResolver::SyncConflictResolver(Database &db) : m_db(db) {}

bool SyncConflictResolver::resolve(qint64 outboxSeq, Keep keep, QString *error)
{
    Transaction transaction(m_db);
    OutboxRepository outbox(m_db);
    std::optional<OutboxEntry> entry;
    for (OutboxEntry &candidate : outbox.inState(OutboxState::Conflict, 1'000'000))
        if (candidate.seq == outboxSeq)
            entry = std::move(candidate);
    if (!entry) {
        *error = tr("There is no edit %1 in conflict.").arg(outboxSeq);
        return false;
    }
    QJsonObject theirs;
    // An entry whose conflict rows are gone (e.g. after a rebuild) keeps its ETag.
    QString theirEtag = entry->baseEtag;
    for (const SyncConflict &conflict : SyncConflictRepository(m_db).all()) {
        if (conflict.outboxSeq != outboxSeq)
            continue;
        theirs.insert(conflict.field.field, conflict.field.theirs);
        theirEtag = conflict.theirEtag;
    }

    QJsonObject payload = entry->payload;
    QJsonObject base = entry->base;
    for (auto it = theirs.begin(); it != theirs.end(); ++it) {
        base.insert(it.key(), it.value()); // what the store has now: the next merge starts from it
        if (keep == Keep::Theirs)
            payload.remove(it.key());
    }
    const bool capture = entry->entity == QLatin1String("capture");
    if (keep == Keep::Theirs && capture) {
        // Their review here too. Their manifest is not taken: the markup rows
        // here stay as edited (their markup would need filing).
        const std::pair<const char *, const char *> columns[] = {
            {"sl_reviewstatus", "UPDATE captures SET review_status = ? WHERE id = ?"},
            {"sl_reviewnote", "UPDATE captures SET review_note = ? WHERE id = ?"}};
        for (const auto &[field, sql] : columns) {
            const QJsonValue value = theirs.value(QLatin1String(field));
            if (!value.isString())
                continue;
            Statement take = m_db.cached(sql);
            take.bind(1, value.toString()).bind(2, entry->entityId).run();
        }
    } else if (keep == Keep::Theirs) {
        // Their values here too: the pull that skipped this record will not send it again.
        AssetRepository assets(m_db);
        if (std::optional<Asset> asset = assets.byId(entry->entityId)) {
            StoreColumns::applyFieldValues(*asset, theirs);
            assets.upsertAssets({*asset});
        }
    }
    if (payload.isEmpty()) {
        outbox.markDone(outboxSeq); // its conflict rows go with it
        Statement etag = m_db.cached(capture ? "UPDATE captures SET etag = ? WHERE id = ?"
                                             : "UPDATE assets SET etag = ? WHERE id = ?");
        etag.bind(1, theirEtag).bind(2, entry->entityId).run();
    } else {
        outbox.replacePayload(outboxSeq, payload, base);
        Statement rebase = m_db.cached("UPDATE outbox SET base_etag = ? WHERE seq = ?");
        rebase.bind(1, theirEtag).bind(2, outboxSeq).run();
        outbox.setState(outboxSeq, OutboxState::Queued, QStringLiteral(""));
        SyncConflictRepository(m_db).record(outboxSeq, {}, theirEtag);
    }
    transaction.commit();
    return true;
}

} // namespace sl
