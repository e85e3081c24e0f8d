#pragma once

#include "store/assetquery.h"

namespace sl {

class Database;

// Interim: name order and text only, until the search engine lands.
class AssetFinder
{
public:
    explicit AssetFinder(Database &db);
    AssetPage page(const AssetQuery &query, const AssetCursor &after, int limit);
    AssetCount count(const AssetQuery &query, int cap);
    AssetFacets facets(const AssetQuery &query);

private:
    Database &m_db;
};

} // namespace sl
