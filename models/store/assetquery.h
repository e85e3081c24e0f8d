#pragma once

#include "domain/asset.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sl {

// What the asset list shows: search text, filters and order.
struct AssetFilter
{
    QStringList accountIds, categoryIds, productIds; // empty = any; several = any of them
    enum class State { Any, Active, Inactive } state = State::Any;
    enum class Captures { Any, With, Without } captures = Captures::Any;
    QStringList reviewStatuses; // capture review_status keys
    QString modifiedSince;      // ISO 8601; empty = any
    bool isEmpty() const
    {
        return accountIds.isEmpty() && categoryIds.isEmpty() && productIds.isEmpty() && state == State::Any
            && captures == Captures::Any && reviewStatuses.isEmpty() && modifiedSince.isEmpty();
    }
};
enum class AssetSort { Name, Modified, Relevance };
struct AssetQuery
{
    QString text;
    AssetFilter filter;
    AssetSort sort = AssetSort::Name;
};
struct AssetCursor
{
    QString name;
    QString id;
    bool isStart() const { return id.isEmpty(); }
    bool operator==(const AssetCursor &) const = default;
};
struct AssetPage
{
    std::vector<Asset> rows;
    AssetCursor next;
    bool atEnd = false;
};
struct AssetCount
{
    int value = 0;
    bool capped = false;
};
struct FacetValue
{
    QString id;
    QString label;
    int count = 0;
};
// Ids of the values of the two-valued facets.
namespace AssetFacetIds {
inline const QString kActive = QStringLiteral("active");
inline const QString kInactive = QStringLiteral("inactive");
inline const QString kWithCaptures = QStringLiteral("with");
inline const QString kWithoutCaptures = QStringLiteral("without");
inline AssetFilter::State stateOf(const QString &id)
{
    return id == kActive ? AssetFilter::State::Active
                         : id == kInactive ? AssetFilter::State::Inactive : AssetFilter::State::Any;
}
inline AssetFilter::Captures capturesOf(const QString &id)
{
    return id == kWithCaptures ? AssetFilter::Captures::With
                               : id == kWithoutCaptures ? AssetFilter::Captures::Without : AssetFilter::Captures::Any;
}
} // namespace AssetFacetIds

struct AssetFacets
{
    std::vector<FacetValue> accounts, categories, products, states, captures, reviewStatuses;
};

} // namespace sl
