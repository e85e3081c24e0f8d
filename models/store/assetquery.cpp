#include "store/assetquery.h"

namespace sl {

bool AssetFilter::isEmpty() const
{
    return accountIds.isEmpty() && categoryIds.isEmpty() && productIds.isEmpty() && state == State::Any &&
           captures == Captures::Any && reviewStatuses.isEmpty() && modifiedSince.isEmpty();
}

} // namespace sl
