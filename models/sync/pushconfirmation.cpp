#include "sync/pushconfirmation.h"

#include "store/database.h"

namespace sl::PushConfirmation {

void apply(Database &db, const OutboxEntry &entry, const QByteArray &etag)
{
    OutboxRepository(db).markDone(entry.seq);
    if (entry.entity == QLatin1String("capture")) {
        // No ETag (a create whose answer did not say it): the pull brings it.
        if (!etag.isEmpty()) {
            Statement store = db.cached("UPDATE captures SET etag = ? WHERE id = ?");
            store.bind(1, QString::fromUtf8(etag)).bind(2, entry.entityId).run();
        }
    } else if (!etag.isEmpty()) {
        Statement store = db.cached("UPDATE assets SET etag = ?, created_here = 0 WHERE id = ?");
        store.bind(1, QString::fromUtf8(etag)).bind(2, entry.entityId).run();
    } else if (entry.operation == QLatin1String("create")) {
        // A retried create found its record there: confirmed, but with no
        // ETag; the pull that follows brings it.
        Statement store = db.cached("UPDATE assets SET created_here = 0 WHERE id = ?");
        store.bind(1, entry.entityId).run();
    }
}

} // namespace sl::PushConfirmation
