#pragma once

#include "domain/asset.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sl {

// Which assets the browser shows: every set field narrows the list.
struct AssetFilter
{
    QStringList accountIds, categoryIds, productIds; // empty = any; several = any of them
    enum class State { Any, Active, Inactive } state = State::Any; // assets.state_code 0 / not 0
    enum class Captures { Any, With, Without } captures = Captures::Any;
    // Capture review_status keys ("new", "approved", ...): the asset has a
    // capture with one of them.
    QStringList reviewStatuses;
    QString modifiedSince; // ISO 8601 (date or date-time, UTC); empty = any
    bool isEmpty() const { return *this == AssetFilter(); }
    bool operator==(const AssetFilter &) const = default;
};

// Modified = newest first; Relevance = best match first (Name when there is no text).
enum class AssetSort { Name, Modified, Relevance };

struct AssetQuery
{
    QString text; // what the user typed; SearchQuery makes the terms
    AssetFilter filter;
    AssetSort sort = AssetSort::Name;
    bool operator==(const AssetQuery &) const = default;
};

// Where a page starts: the sort key of the row before it (keyset, never
// OFFSET). Opaque to callers: take it from AssetPage::next.
struct AssetCursor
{
    bool isStart() const { return !m_valid; }
    bool operator==(const AssetCursor &) const = default;

private:
    friend class AssetFinder;
    bool m_valid = false;
    AssetSort m_sort = AssetSort::Name; // the order the key belongs to
    QString m_key;                      // name (Name) or modified_on (Modified)
    QString m_id;
    double m_score = 0; // Relevance: lower is better (bm25's sign)
    qint64 m_rowId = 0; // Relevance: the tie-breaker
    quint64 m_ranking = 0; // Relevance: the ranking it was taken from
};

struct AssetPage
{
    std::vector<Asset> rows;
    AssetCursor next; // after the last row; pass it to get the next page
    bool atEnd = false;
};

struct AssetCount
{
    int value = 0;
    bool capped = false; // there are at least `value` (more than the cap asked for)
};

struct FacetValue
{
    QString id;    // account/category/product id; "active"/"inactive"; "with"/"without"; review status key
    QString label; // display name (the lookup's name; the key for the fixed facets)
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

// Per facet, how many assets each value would give, with every OTHER facet's
// filter applied; the biggest first.
struct AssetFacets
{
    std::vector<FacetValue> accounts, categories, products, states, captures, reviewStatuses;
};

} // namespace sl
