#include "sync/syncconflictsettlement.h"

#include "editing/assetvalidator.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/storecolumns.h"
#include "sync/syncconflictrepository.h"
#include "sync/syncconflictresolver.h"

#include <QJsonObject>

namespace sl {

SyncConflictSettlement::SyncConflictSettlement(Database &db) : m_db(db) {}

bool SyncConflictSettlement::editable(const QString &entity, const QString &field)
{
    if (entity == QLatin1String("capture"))
        return field == QLatin1String("sl_reviewnote");
    return field == QLatin1String("name") || field == QLatin1String("assetTag") || field == QLatin1String("latitude")
        || field == QLatin1String("longitude");
}

std::optional<QJsonValue> SyncConflictSettlement::parseTyped(const QString &entity, const QString &field, const QString &text,
                                                             QString *error)
{
    if (!editable(entity, field)) {
        *error = tr("%1 takes mine or theirs only.").arg(field);
        return std::nullopt;
    }
    if (field == QLatin1String("latitude") || field == QLatin1String("longitude")) {
        bool ok = false;
        const double degrees = text.trimmed().toDouble(&ok);
        if (!ok) {
            *error = tr("%1 must be a number of degrees.").arg(field);
            return std::nullopt;
        }
        *error = field == QLatin1String("latitude") ? AssetValidator::latitudeProblem(degrees) : AssetValidator::longitudeProblem(degrees);
        return error->isEmpty() ? std::optional<QJsonValue>(degrees) : std::nullopt;
    }
    const QString value = field == QLatin1String("sl_reviewnote") ? text : text.trimmed();
    if (field == QLatin1String("name"))
        *error = AssetValidator::nameProblem(value);
    else if (field == QLatin1String("assetTag"))
        *error = AssetValidator::tagProblem(value);
    return error->isEmpty() ? std::optional<QJsonValue>(value) : std::nullopt;
}

bool SyncConflictSettlement::settle(qint64 outboxSeq, const std::vector<Choice> &choices, QString *error)
{
    Transaction transaction(m_db);
    std::vector<SyncConflict> conflicts;
    for (SyncConflict &conflict : SyncConflictRepository(m_db).all())
        if (conflict.outboxSeq == outboxSeq)
            conflicts.push_back(std::move(conflict));
    std::optional<OutboxEntry> entry;
    OutboxRepository outbox(m_db);
    for (OutboxEntry &candidate : outbox.inState(OutboxState::Conflict, 1'000'000))
        if (candidate.seq == outboxSeq)
            entry = std::move(candidate);
    if (!entry || conflicts.empty()) {
        *error = tr("There is no edit %1 in conflict.").arg(outboxSeq);
        return false;
    }
    const auto conflictOf = [&](const QString &field) -> const SyncConflict * {
        for (const SyncConflict &conflict : conflicts)
            if (conflict.field.field == field)
                return &conflict;
        return nullptr;
    };

    bool allTheirs = true;
    QJsonObject payload = entry->payload;
    QJsonObject here; // values this workspace takes now
    for (const Choice &choice : choices) {
        const SyncConflict *conflict = conflictOf(choice.field);
        if (!conflict) {
            *error = tr("%1 is not in conflict in edit %2.").arg(choice.field).arg(outboxSeq);
            return false;
        }
        if (choice.keep == Choice::Keep::Typed && !editable(entry->entity, choice.field)) {
            *error = tr("%1 takes mine or theirs only.").arg(choice.field);
            return false;
        }
        allTheirs = allTheirs && choice.keep == Choice::Keep::Theirs;
        if (choice.keep == Choice::Keep::Theirs) {
            payload.remove(choice.field);
            here.insert(choice.field, conflict->field.theirs);
        } else if (choice.keep == Choice::Keep::Typed) {
            payload.insert(choice.field, choice.typed);
            here.insert(choice.field, choice.typed);
        }
    }
    // A field not chosen keeps mine; all theirs (every field) is the resolver's Theirs.
    allTheirs = allTheirs && choices.size() == conflicts.size();
    SyncConflictResolver resolver(m_db);
    if (allTheirs) {
        if (!resolver.resolve(outboxSeq, SyncConflictResolver::Keep::Theirs, error))
            return false;
    } else {
        outbox.replacePayload(outboxSeq, payload, entry->base);
        applyHere(entry->entity, entry->entityId, here);
        if (!resolver.resolve(outboxSeq, SyncConflictResolver::Keep::Mine, error))
            return false;
    }
    transaction.commit();
    return true;
}

void SyncConflictSettlement::applyHere(const QString &entity, const QString &entityId, const QJsonObject &values)
{
    if (values.isEmpty())
        return;
    if (entity == QLatin1String("capture")) {
        const std::pair<const char *, const char *> columns[] = {
            {"sl_reviewstatus", "UPDATE captures SET review_status = ? WHERE id = ?"},
            {"sl_reviewnote", "UPDATE captures SET review_note = ? WHERE id = ?"}};
        for (const auto &[field, sql] : columns) {
            const QJsonValue value = values.value(QLatin1String(field));
            if (!value.isString())
                continue;
            Statement take = m_db.cached(sql);
            take.bind(1, value.toString()).bind(2, entityId).run();
        }
        return;
    }
    AssetRepository assets(m_db);
    if (std::optional<Asset> asset = assets.byId(entityId)) {
        StoreColumns::applyFieldValues(*asset, values);
        assets.upsertAssets({*asset});
    }
}

} // namespace sl
