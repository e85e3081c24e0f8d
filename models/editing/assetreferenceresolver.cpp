#include "editing/assetreferenceresolver.h"

#include "store/database.h"

namespace sl {

namespace {

constexpr int kCandidatesShown = 5; // ids listed in an "ambiguous" message
constexpr int kAssetIdsRead = 20;   // ids of a parent's name read at most (the query's LIMIT)

const char *tableOf(AssetField field)
{
    switch (field) {
    case AssetField::Account:
        return "accounts";
    case AssetField::Product:
        return "products";
    case AssetField::Category:
        return "categories";
    default:
        return nullptr;
    }
}

} // namespace

AssetReferenceResolver::AssetReferenceResolver(Database &db) : m_db(db)
{
    m_pendingAssets.loaded = true;
}

AssetReferenceResolver::Lookup *AssetReferenceResolver::lookup(AssetField field)
{
    Lookup *table = field == AssetField::Account    ? &m_accounts
                    : field == AssetField::Product  ? &m_products
                    : field == AssetField::Category ? &m_categories
                                                    : nullptr;
    if (!table || table->loaded)
        return table;
    Statement query = m_db.prepare(QStringLiteral("SELECT id, name FROM %1").arg(QLatin1String(tableOf(field))));
    while (query.step()) {
        const QString id = query.columnText(0);
        const QString name = query.columnText(1);
        table->nameById.insert(id, name);
        if (!name.isEmpty())
            table->idsByFoldedName.insert(name.toCaseFolded(), id);
    }
    table->loaded = true;
    return table;
}

QStringList AssetReferenceResolver::assetIdsNamed(const QString &name, qsizetype *total)
{
    QStringList ids = m_pendingAssets.idsByFoldedName.values(name.toCaseFolded());
    const qsizetype pending = ids.size();
    // name is NOCASE; LIMIT is kAssetIdsRead
    Statement query = m_db.cached("SELECT id FROM assets WHERE name = ? ORDER BY id LIMIT 20");
    query.bind(1, name);
    while (query.step())
        ids.append(query.columnText(0));
    *total = ids.size();
    if (ids.size() - pending == kAssetIdsRead) { // as many as asked for: count them all, for the message
        Statement count = m_db.cached("SELECT count(*) FROM assets WHERE name = ?");
        count.bind(1, name);
        if (count.step())
            *total = pending + count.columnInt64(0);
    }
    return ids;
}

std::optional<QString> AssetReferenceResolver::resolve(AssetField field, const QString &value, QString *error)
{
    const QString text = value.trimmed();
    if (text.isEmpty())
        return QString();
    if (field != AssetField::Parent && !lookup(field)) {
        if (error)
            *error = tr("%1 is not a reference field").arg(assetFieldLabel(field));
        return std::nullopt;
    }
    if (exists(field, text))
        return text;
    QStringList ids;
    qsizetype total = 0;
    if (field == AssetField::Parent) {
        ids = assetIdsNamed(text, &total);
    } else {
        ids = lookup(field)->idsByFoldedName.values(text.toCaseFolded());
        total = ids.size();
    }
    if (ids.size() == 1)
        return ids.first();
    if (error) {
        if (ids.isEmpty()) {
            *error = tr("%1: \"%2\" does not exist (no record has that name or id)").arg(assetFieldLabel(field), text);
        } else {
            ids.sort();
            QStringList shown = ids.mid(0, kCandidatesShown);
            if (ids.size() > kCandidatesShown)
                shown.append(QStringLiteral("…"));
            *error = tr("%1: \"%2\" is ambiguous: %n records have that name (ids %3); give the id instead", nullptr,
                        int(total))
                         .arg(assetFieldLabel(field), text, shown.join(QStringLiteral(", ")));
        }
    }
    return std::nullopt;
}

bool AssetReferenceResolver::exists(AssetField field, const QString &id)
{
    if (id.isEmpty())
        return false;
    if (field == AssetField::Parent) {
        if (m_pendingAssets.nameById.contains(id))
            return true;
        Statement query = m_db.cached("SELECT 1 FROM assets WHERE id = ?");
        query.bind(1, id);
        return query.step();
    }
    const Lookup *table = lookup(field);
    return table && table->nameById.contains(id);
}

QString AssetReferenceResolver::displayName(AssetField field, const QString &id)
{
    if (id.isEmpty())
        return QString();
    QString name;
    if (field == AssetField::Parent) {
        name = m_pendingAssets.nameById.value(id);
        if (name.isEmpty()) {
            Statement query = m_db.cached("SELECT name FROM assets WHERE id = ?");
            query.bind(1, id);
            if (query.step())
                name = query.columnText(0);
        }
    } else if (const Lookup *table = lookup(field)) {
        name = table->nameById.value(id);
    }
    return name.isEmpty() ? id : name;
}

void AssetReferenceResolver::addPendingAsset(const QString &id, const QString &name)
{
    m_pendingAssets.nameById.insert(id, name);
    if (!name.isEmpty())
        m_pendingAssets.idsByFoldedName.insert(name.toCaseFolded(), id);
}

} // namespace sl
