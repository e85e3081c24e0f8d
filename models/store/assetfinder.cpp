#include "store/assetfinder.h"

#include "store/assetrepository.h"

#include <algorithm>

namespace sl {

AssetFinder::AssetFinder(Database &db) : m_db(db) {}

AssetPage AssetFinder::page(const AssetQuery &query, const AssetCursor &after, int limit)
{
    AssetPage page;
    page.rows = AssetRepository(m_db).page(query.text, {after.name, after.id}, limit);
    page.atEnd = int(page.rows.size()) < limit;
    if (!page.rows.empty())
        page.next = {page.rows.back().name, page.rows.back().id};
    return page;
}

AssetCount AssetFinder::count(const AssetQuery &query, int cap)
{
    const int n = AssetRepository(m_db).countMatching(query.text);
    return {std::min(n, cap), n > cap};
}

AssetFacets AssetFinder::facets(const AssetQuery &)
{
    return {};
}

} // namespace sl
