#pragma once

#include "store/outboxrepository.h"

namespace sl {

class Database;

// The one rule of what a push the store confirmed changes here: the entry
// is removed and the record's new ETag stored (an asset created here is no
// longer "created here"; no ETag in the answer leaves the one there for
// the pull to bring). Joins the caller's transaction; throws StoreError.
namespace PushConfirmation {
void apply(Database &db, const OutboxEntry &entry, const QByteArray &etag);
}

} // namespace sl
