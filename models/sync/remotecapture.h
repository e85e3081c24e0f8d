#pragma once

#include "domain/capturerecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace sl {

// A capture made of an attachment pulled from the asset store that this
// workspace does not have: what the browser lists and the viewer opens once
// its file is fetched. Its media path is in the media cache
// (MediaCache::relativePathFor), so the file may be missing until fetched,
// or after the cache's cap evicted it, without the capture being damaged.
// The manifest is the attachment's sl_manifest when that reads as a
// manifest of this attachment (a capture pushed from another workspace:
// poses, markup, bookmarks come with it); otherwise (a Remote Assist
// attachment, a manifest of another capture or one that does not read) a
// manifest of the attachment's columns alone: id, asset, type, file and
// creation time, no camera and no markup.
class RemoteCapture
{
    Q_DECLARE_TR_FUNCTIONS(RemoteCapture)

public:
    // `row`: the attachment's columns as the store sent them. nullopt with
    // *reason when it cannot be a capture (no GUID key, no asset).
    // *notice is set when its sl_manifest was not taken, saying why.
    static std::optional<CaptureRecord> fromAttachment(const QJsonObject &row, QString *reason, QString *notice);
};

} // namespace sl
