#pragma once

#include "editing/assetfield.h"

#include <QCoreApplication>
#include <QHash>
#include <QMultiHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace sl {

class Database;

// Finds the record a reference field (account, product, category, parent
// asset) names, by id or by name, and the display name of an id. The one
// rule for "which record does the user mean", shared by the CLI and the CSV
// import. Names match case-insensitively: lookups (accounts, products,
// categories) with full Unicode case folding, assets with SQLite's NOCASE
// (ASCII letters only; an index serves it at a million assets). Reads on
// the caller's thread and transaction; caches what it read, so make one per
// edit or import.
class AssetReferenceResolver
{
    Q_DECLARE_TR_FUNCTIONS(AssetReferenceResolver)
public:
    explicit AssetReferenceResolver(Database &db);

    // The id `value` names: an id as it is, else a name. An empty value
    // gives "" (clears the reference). nullopt with *error set (one line,
    // naming the field) when nothing matches or a name matches several
    // records (the candidates' ids are listed).
    std::optional<QString> resolve(AssetField field, const QString &value, QString *error);
    bool exists(AssetField field, const QString &id);
    // The record's name for the audit log; the id itself when it has no
    // name, '' for none.
    QString displayName(AssetField field, const QString &id);
    // An asset about to be created in the same transaction (a CSV row): it
    // exists and can be named as a parent.
    void addPendingAsset(const QString &id, const QString &name);

private:
    struct Lookup
    {
        bool loaded = false;
        QHash<QString, QString> nameById;
        QMultiHash<QString, QString> idsByFoldedName;
    };
    Lookup *lookup(AssetField field); // null for Parent and non-reference fields
    // Up to 20 ids of assets with that name (and the pending ones); `total`:
    // how many there are in all.
    QStringList assetIdsNamed(const QString &name, qsizetype *total);

    Database &m_db;
    Lookup m_accounts;
    Lookup m_products;
    Lookup m_categories;
    Lookup m_pendingAssets; // always "loaded"
};

} // namespace sl
