#pragma once

#include "editing/assetedit.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sl {

class AssetReferenceResolver;
class Database;

// THE rules for an asset's fields, used by the editor (GUI dialog and CLI)
// and the CSV import: name required (after trimming) and at most 100
// characters, asset tag at most 100, latitude within ±90 and longitude
// within ±180 (finite), references existing, and a parent never the asset
// itself or one of its descendants. Each problem is one translated line
// naming the field. Run it inside the write transaction that stores the
// edit, so that no other writer can break a rule in between.
class AssetValidator
{
    Q_DECLARE_TR_FUNCTIONS(AssetValidator)
public:
    AssetValidator(Database &db, AssetReferenceResolver &references);

    // The rules that need no database (a dialog can show them as the user
    // types); empty when the value is fine. Name and tag as stored (trimmed).
    static QString nameProblem(const QString &name);
    static QString tagProblem(const QString &tag);
    static QString latitudeProblem(double degrees);
    static QString longitudeProblem(double degrees);

    // A new asset: every field it sets, and a name it must have.
    QStringList problemsForNew(const AssetEdit &edit);
    // An edit of the existing asset `assetId`: the fields it sets.
    QStringList problemsForUpdate(const QString &assetId, const AssetEdit &edit);
    // Why `parentId` cannot be the parent of `assetId` (itself, or below it);
    // empty when it can. `assetId` empty: a new asset, which has no descendants.
    QString parentProblem(const QString &assetId, const QString &parentId);

private:
    void checkFields(const AssetEdit &edit, QStringList &problems);

    Database &m_db;
    AssetReferenceResolver &m_references;
};

} // namespace sl
