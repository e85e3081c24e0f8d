#include "editing/assetvalidator.h"

#include "editing/assetreferenceresolver.h"
#include "store/database.h"

#include <QLocale>

#include <cmath>

namespace sl {

namespace {

QString degreesText(double degrees)
{
    return QLocale::c().toString(degrees, 'g', QLocale::FloatingPointShortest);
}

} // namespace

AssetValidator::AssetValidator(Database &db, AssetReferenceResolver &references)
    : m_db(db), m_references(references)
{
}

QString AssetValidator::nameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("%1: required").arg(assetFieldLabel(AssetField::Name));
    if (name.size() > kAssetNameMaxChars)
        return tr("%1: %2 characters, at most %3 are allowed")
            .arg(assetFieldLabel(AssetField::Name))
            .arg(name.size())
            .arg(kAssetNameMaxChars);
    return QString();
}

QString AssetValidator::tagProblem(const QString &tag)
{
    if (tag.size() > kAssetTagMaxChars)
        return tr("%1: %2 characters, at most %3 are allowed")
            .arg(assetFieldLabel(AssetField::AssetTag))
            .arg(tag.size())
            .arg(kAssetTagMaxChars);
    return QString();
}

QString AssetValidator::latitudeProblem(double degrees)
{
    if (!std::isfinite(degrees) || degrees < -90.0 || degrees > 90.0)
        return tr("%1: %2 is not within -90 to 90 degrees")
            .arg(assetFieldLabel(AssetField::Latitude), degreesText(degrees));
    return QString();
}

QString AssetValidator::longitudeProblem(double degrees)
{
    if (!std::isfinite(degrees) || degrees < -180.0 || degrees > 180.0)
        return tr("%1: %2 is not within -180 to 180 degrees")
            .arg(assetFieldLabel(AssetField::Longitude), degreesText(degrees));
    return QString();
}

void AssetValidator::checkFields(const AssetEdit &edit, QStringList &problems)
{
    const auto add = [&problems](const QString &problem) {
        if (!problem.isEmpty())
            problems.append(problem);
    };
    if (edit.name)
        add(nameProblem(*edit.name));
    if (edit.assetTag)
        add(tagProblem(*edit.assetTag));
    const std::pair<AssetField, const std::optional<QString> *> references[] = {
        {AssetField::Account, &edit.accountId},
        {AssetField::Product, &edit.productId},
        {AssetField::Category, &edit.categoryId},
        {AssetField::Parent, &edit.parentId},
    };
    for (const auto &[field, id] : references) {
        if (*id && !(*id)->isEmpty() && !m_references.exists(field, **id))
            add(tr("%1: no record with id %2").arg(assetFieldLabel(field), **id));
    }
    if (edit.latitude)
        add(latitudeProblem(*edit.latitude));
    if (edit.longitude)
        add(longitudeProblem(*edit.longitude));
}

QStringList AssetValidator::problemsForNew(const AssetEdit &edit)
{
    QStringList problems;
    if (!edit.name)
        problems.append(nameProblem(QString()));
    checkFields(edit, problems);
    return problems;
}

QStringList AssetValidator::problemsForUpdate(const QString &assetId, const AssetEdit &edit)
{
    QStringList problems;
    checkFields(edit, problems);
    if (edit.parentId && !edit.parentId->isEmpty() && m_references.exists(AssetField::Parent, *edit.parentId)) {
        const QString problem = parentProblem(assetId, *edit.parentId);
        if (!problem.isEmpty())
            problems.append(problem);
    }
    return problems;
}

QString AssetValidator::parentProblem(const QString &assetId, const QString &parentId)
{
    if (assetId.isEmpty() || parentId.isEmpty())
        return QString();
    if (assetId == parentId)
        return tr("%1: an asset cannot be its own parent").arg(assetFieldLabel(AssetField::Parent));
    // Walks up from the proposed parent: if the asset is among its
    // ancestors, the parent is one of its descendants. UNION (not UNION ALL)
    // drops a row already seen, so a table that is already cyclic ends the
    // walk instead of looping.
    Statement query = m_db.cached("WITH RECURSIVE up(id) AS (SELECT ?1 UNION "
                                  "SELECT a.parent_id FROM assets a JOIN up ON a.id = up.id "
                                  "WHERE a.parent_id IS NOT NULL) "
                                  "SELECT 1 FROM up WHERE id = ?2 LIMIT 1");
    query.bind(1, parentId).bind(2, assetId);
    if (query.step())
        return tr("%1: \"%2\" is below this asset in the hierarchy; choosing it would make a loop")
            .arg(assetFieldLabel(AssetField::Parent), m_references.displayName(AssetField::Parent, parentId));
    return QString();
}

} // namespace sl
