#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace sl {

class Database;

// Settles the conflicts of one outbox entry field by field, for the
// conflict dialog: each field keeps mine, takes theirs, or takes a value
// the user typed. Built on SyncConflictResolver (the one rule for what mine
// and theirs mean): all theirs is its Theirs; otherwise the fields taking
// theirs leave the entry, typed values replace mine in it and here, and the
// entry is resolved as Mine (queued again against the store's ETag). One
// transaction; throws StoreError.
class SyncConflictSettlement
{
    Q_DECLARE_TR_FUNCTIONS(SyncConflictSettlement)

public:
    struct Choice
    {
        enum class Keep { Mine, Theirs, Typed };
        QString field;
        Keep keep = Keep::Mine;
        QJsonValue typed; // for Typed: from parseTyped()
    };

    explicit SyncConflictSettlement(Database &db);

    // False, with `error` saying why (no such entry in conflict, a field
    // that is not in conflict or cannot take a typed value).
    bool settle(qint64 outboxSeq, const std::vector<Choice> &choices, QString *error);

    // Whether a field of `entity` can take a typed value: texts and
    // coordinates of an asset, the review note of a capture. References,
    // states, the review status and the manifest take mine or theirs only.
    static bool editable(const QString &entity, const QString &field);
    // The typed text as the field's value, checked by the field's rule
    // (AssetValidator); nullopt with `error` naming the problem.
    static std::optional<QJsonValue> parseTyped(const QString &entity, const QString &field, const QString &text,
                                                QString *error);

private:
    void applyHere(const QString &entity, const QString &entityId, const QJsonObject &values);

    Database &m_db;
};

} // namespace sl
