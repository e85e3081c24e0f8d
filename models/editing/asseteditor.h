#pragma once

#include "editing/assetedit.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sl {

class Database;
class Transaction;
struct Asset;
struct AssetChange;

// What an edit did.
struct AssetEditOutcome
{
    enum class Status { Saved, NothingToChange, Refused };
    Status status = Status::Refused;
    QString assetId;
    QStringList problems; // Refused: why, one translated line each (a rule, or the store's error)
    qint64 outboxSeq = 0; // Saved: the outbox entry that carries the edit

    bool saved() const { return status == Status::Saved; }
    // The problems on one line, or "nothing to change".
    QString message() const;
};

// Creates, edits, deactivates and reactivates assets, on the calling
// thread's connection. Each call is one write transaction (BEGIN IMMEDIATE,
// so the rules are checked against the state the edit commits on) writing
// the asset row (through AssetRepository::upsertAssets, which keeps the
// search index right), its outbox entry and one audit row per changed field;
// a refusal or a failure leaves nothing. A field set to its current value is
// no change.
class AssetEditor
{
    Q_DECLARE_TR_FUNCTIONS(AssetEditor)
public:
    explicit AssetEditor(Database &db);

    // A new asset under a client-generated id (created_here = 1).
    AssetEditOutcome create(const AssetEdit &fields, const QString &author);
    AssetEditOutcome update(const QString &assetId, const AssetEdit &fields, const QString &author);
    // Deactivates (state_code 1) or reactivates (0) an asset.
    AssetEditOutcome setActive(const QString &assetId, bool active, const QString &author);

    // Now, as stored in modified_on and the audit log: ISO 8601, UTC, milliseconds.
    static QString nowText();

private:
    AssetEditOutcome updateInTransaction(const QString &assetId, const AssetEdit &fields, const QString &author);
    AssetEditOutcome setActiveInTransaction(const QString &assetId, bool active, const QString &author);
    QString etagOf(const QString &assetId);
    // Writes the asset (modified now), its outbox entry and audit rows, and
    // commits: the end of every edit.
    AssetEditOutcome save(Transaction &transaction, Asset asset, const AssetChange &change, const QString &author,
                          bool createdHere);

    Database &m_db;
};

} // namespace sl
