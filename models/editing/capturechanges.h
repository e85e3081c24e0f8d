#pragma once

#include "editing/changelog.h"

#include <QString>

namespace sl {

// The outbox form of an edit of a capture: a PATCH of its attachment
// (msdyn_customerassetattachments) with the columns Sightline owns, as the
// sync sends them. Every capture edit (review, markup) is an "update" and
// coalesces into the capture's still-queued update or create, so that one
// entry carries the newest value of each column.
namespace CaptureChanges {

inline const QString kEntity = QStringLiteral("capture");
inline const QString kOperation = QStringLiteral("update");
// Column names on the asset store (ASSET-STORE.md).
inline const QString kManifestColumn = QStringLiteral("sl_manifest");         // the manifest JSON text
inline const QString kReviewStatusColumn = QStringLiteral("sl_reviewstatus"); // reviewStatusKey(): new, approved, ...
inline const QString kReviewNoteColumn = QStringLiteral("sl_reviewnote");

// An empty change of `captureId` with the entity, operation and coalescing set.
inline RecordChange make(const QString &captureId)
{
    RecordChange change;
    change.entity = kEntity;
    change.entityId = captureId;
    change.operation = kOperation;
    change.coalescesInto = {kOperation, QStringLiteral("create")};
    return change;
}

} // namespace CaptureChanges

} // namespace sl
