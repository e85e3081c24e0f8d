#include "sync/deletedattachment.h"

#include "store/capturerepository.h"
#include "store/database.h"
#include "store/mediacache.h"

namespace sl {

DeletedAttachment::Outcome DeletedAttachment::apply(Database &db, const QString &captureId)
{
    bool pending = false;
    {
        Statement query = db.cached("SELECT media_path, EXISTS (SELECT 1 FROM outbox WHERE entity = 'capture' "
                                    "AND entity_id = ?1) FROM captures WHERE id = ?1");
        query.bind(1, captureId);
        if (!query.step())
            return Outcome::NoCapture;
        // Imported first: a capture made here and not pushed, with its
        // review waiting, is not "kept for an edit" of a deleted attachment.
        if (!MediaCache::isCachePath(query.columnText(0)))
            return Outcome::KeptImported;
        pending = query.columnInt(1) != 0;
    }
    if (pending)
        return Outcome::KeptForEdit;
    return CaptureRepository(db).remove(captureId) ? Outcome::Removed : Outcome::NoCapture;
}

} // namespace sl
