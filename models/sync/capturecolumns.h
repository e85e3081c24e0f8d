#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace sl {

class Database;

// The one mapping between a capture and its attachment on the asset store
// (msdyn_customerassetattachments, ASSET-STORE.md): the outbox's capture
// payload keys are the attachment's own column names (sl_manifest,
// sl_reviewstatus, sl_reviewnote; editing/capturechanges.h), except that the
// review status travels here as its key ("approved") and on the store as a
// choice value. Also the body that creates the attachment of a capture made
// here.
class CaptureColumns
{
public:
    // The choice value of sl_reviewstatus for a review status key; nullopt for
    // an unknown key.
    static std::optional<int> reviewStatusChoice(const QString &key);
    // The key of a choice value; an empty string for a value Sightline does not know.
    static QString reviewStatusKey(int choice);

    // The outbox field keys with the attachment row's values (null where the
    // store has none), to compare with an entry's base and payload.
    static QJsonObject fieldValues(const QJsonObject &row);
    // The columns of a write carrying `payload` (outbox field keys); keys
    // the store does not know are left out.
    static QJsonObject writeBody(const QJsonObject &payload);
    // Whether an attachment row (msdyn_attachmenttype) is a video: its media
    // is in msdyn_file; else a photo's is in msdyn_image.
    static bool isVideo(const QJsonObject &row);
    // The name the store gives an attachment's file (msdyn_file_name, else
    // msdyn_name): only its suffix is ever used (MediaCache).
    static QString storeFileName(const QJsonObject &row);

    // The whole attachment of a capture made here, for its create: name,
    // asset (bound through its navigation property), attachment type and
    // category, and every Sightline column as the capture is now, with the
    // values of `payload` taking precedence (they are what the entry sends).
    // nullopt when the capture is not in the workspace. Throws StoreError.
    static std::optional<QJsonObject> createBody(Database &db, const QString &captureId, const QJsonObject &payload);
};

} // namespace sl
