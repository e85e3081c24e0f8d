#pragma once

#include "store/assetfiltersql.h"
#include "store/assetquery.h"

namespace sl {

class Database;

// Counts the facets of one search (AssetFinder::facets): for each facet, the
// assets of the search with every OTHER filter applied, grouped by the
// facet's value. Accounts, categories and products list the kFacetLimit
// biggest plus every selected one, biggest first; states, captures and
// review statuses list every value in a fixed order, zeros included.
class AssetFacetCounter
{
public:
    AssetFacetCounter(Database &db, const MatchSourceSql &source, const AssetFilter &filter);

    AssetFacets count();
    // The facets of a search that matches nothing.
    AssetFacets emptyFacets() const;

private:
    std::vector<FacetValue> lookupFacet(const char *column, const char *table, FilterPart part,
                                        const QStringList &selected);
    std::vector<FacetValue> stateFacet();
    std::vector<FacetValue> capturesFacet();
    std::vector<FacetValue> reviewFacet();

    Database &m_db;
    MatchSourceSql m_source;
    AssetFilter m_filter;
};

} // namespace sl
