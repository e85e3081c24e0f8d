#include "store/assetfacetcounter.h"

#include "domain/capturerecord.h"
#include "store/assetfinder.h"
#include "store/database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace sl {

namespace {

const QStringList &reviewKeys()
{
    static const QStringList keys{reviewStatusKey(ReviewStatus::New), reviewStatusKey(ReviewStatus::Approved),
                                  reviewStatusKey(ReviewStatus::Rejected),
                                  reviewStatusKey(ReviewStatus::NeedsFollowUp)};
    return keys;
}

std::vector<FacetValue> fixedValues(const QStringList &keys)
{
    std::vector<FacetValue> values;
    for (const QString &key : keys)
        values.push_back({key, key, 0});
    return values;
}

void addCount(std::vector<FacetValue> &values, const QString &key, int count)
{
    for (FacetValue &value : values) {
        if (value.id == key) {
            value.count += count;
            return;
        }
    }
    values.push_back({key, key, count}); // a value outside the known ones, at the end
}

} // namespace

AssetFacetCounter::AssetFacetCounter(Database &db, const MatchSourceSql &source, const AssetFilter &filter)
    : m_db(db), m_source(source), m_filter(filter)
{
}

AssetFacets AssetFacetCounter::count()
{
    AssetFacets facets;
    facets.accounts = lookupFacet("account_id", "accounts", FilterPart::Accounts, m_filter.accountIds);
    facets.categories = lookupFacet("category_id", "categories", FilterPart::Categories, m_filter.categoryIds);
    facets.products = lookupFacet("product_id", "products", FilterPart::Products, m_filter.productIds);
    facets.states = stateFacet();
    facets.captures = capturesFacet();
    facets.reviewStatuses = reviewFacet();
    return facets;
}

AssetFacets AssetFacetCounter::emptyFacets() const
{
    AssetFacets facets;
    facets.states = fixedValues({AssetFacetIds::kActive, AssetFacetIds::kInactive});
    facets.captures = fixedValues({AssetFacetIds::kWithCaptures, AssetFacetIds::kWithoutCaptures});
    facets.reviewStatuses = fixedValues(reviewKeys());
    return facets;
}

std::vector<FacetValue> AssetFacetCounter::lookupFacet(const char *column, const char *table, FilterPart part,
                                                       const QStringList &selected)
{
    const AssetFilterSql filter(m_filter, part);
    const QByteArray sql = QByteArray("SELECT a.") + column + ", count(*) " + m_source.from() + " WHERE " +
                           m_source.condition() + " AND a." + column + " IS NOT NULL AND " + filter.condition() +
                           " GROUP BY a." + column;
    Statement statement = m_db.cached(sql.constData());
    m_source.bind(statement);
    filter.bind(statement);
    std::vector<FacetValue> values;
    while (statement.step())
        values.push_back({statement.columnText(0), QString(), statement.columnInt(1)});
    std::sort(values.begin(), values.end(), [](const FacetValue &a, const FacetValue &b) {
        return a.count != b.count ? a.count > b.count : a.id < b.id;
    });
    // The biggest, and every selected value even when it is small or none.
    std::vector<FacetValue> shown;
    for (size_t i = 0; i < values.size(); ++i) {
        if (i < size_t(AssetFinder::kFacetLimit) || selected.contains(values[i].id))
            shown.push_back(values[i]);
    }
    for (const QString &id : selected) {
        if (std::none_of(shown.begin(), shown.end(), [&](const FacetValue &v) { return v.id == id; }))
            shown.push_back({id, QString(), 0});
    }

    QStringList ids;
    for (const FacetValue &value : shown)
        ids.append(value.id);
    const QByteArray names =
        QByteArray("SELECT id, name FROM ") + table + " WHERE id IN (SELECT value FROM json_each(?))";
    Statement lookup = m_db.cached(names.constData());
    lookup.bind(1, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact)));
    QHash<QString, QString> labels;
    while (lookup.step())
        labels.insert(lookup.columnText(0), lookup.columnText(1));
    for (FacetValue &value : shown)
        value.label = labels.value(value.id, value.id);
    return shown;
}

std::vector<FacetValue> AssetFacetCounter::stateFacet()
{
    const AssetFilterSql filter(m_filter, FilterPart::State);
    const QByteArray sql = "SELECT a.state_code <> 0, count(*) " + m_source.from() + " WHERE " +
                           m_source.condition() + " AND " + filter.condition() + " GROUP BY 1";
    Statement statement = m_db.cached(sql.constData());
    m_source.bind(statement);
    filter.bind(statement);
    std::vector<FacetValue> values = fixedValues({AssetFacetIds::kActive, AssetFacetIds::kInactive});
    while (statement.step())
        values[statement.columnInt(0) ? 1 : 0].count = statement.columnInt(1);
    return values;
}

std::vector<FacetValue> AssetFacetCounter::capturesFacet()
{
    const AssetFilterSql filter(m_filter, FilterPart::Captures);
    // All of them, then those with captures, found from the captures (far
    // fewer than assets) rather than by a probe per asset.
    const QByteArray totalSql = "SELECT count(*) " + m_source.from() + " WHERE " + m_source.condition() + " AND " +
                                filter.condition();
    Statement total = m_db.cached(totalSql.constData());
    m_source.bind(total);
    filter.bind(total);
    const int all = total.step() ? total.columnInt(0) : 0;

    const MatchSourceSql condition = m_source.asCondition();
    const QByteArray withSql = "SELECT count(DISTINCT a.rid) FROM captures k JOIN assets a ON a.id = k.asset_ref "
                               "WHERE " + condition.condition() + " AND " + filter.condition();
    Statement with = m_db.cached(withSql.constData());
    condition.bind(with);
    filter.bind(with);
    const int withCaptures = with.step() ? with.columnInt(0) : 0;

    std::vector<FacetValue> values = fixedValues({AssetFacetIds::kWithCaptures, AssetFacetIds::kWithoutCaptures});
    values[0].count = withCaptures;
    values[1].count = all - withCaptures;
    return values;
}

std::vector<FacetValue> AssetFacetCounter::reviewFacet()
{
    const AssetFilterSql filter(m_filter, FilterPart::ReviewStatuses);
    const MatchSourceSql condition = m_source.asCondition();
    const QByteArray sql = "SELECT k.review_status, count(DISTINCT a.rid) FROM captures k "
                           "JOIN assets a ON a.id = k.asset_ref WHERE " + condition.condition() + " AND " +
                           filter.condition() + " GROUP BY k.review_status";
    Statement statement = m_db.cached(sql.constData());
    condition.bind(statement);
    filter.bind(statement);
    std::vector<FacetValue> values = fixedValues(reviewKeys());
    while (statement.step())
        addCount(values, statement.columnText(0), statement.columnInt(1));
    return values;
}

} // namespace sl
