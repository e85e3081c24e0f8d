#pragma once

#include "annotation/snapshotmaker.h"
#include "capture/capturemanifest.h"

#include <vector>

namespace sl {

// Where a snapshot's frame came from: what its manifest's "snapshot" object
// records (CAPTURE-FORMAT.md "Snapshots").
struct SnapshotOrigin
{
    QString sourceCaptureId;
    double frameTime = 0; // seconds from the source's first frame
    int frameIndex = 0;
    int rotation = 0;     // clockwise degrees the source's frame was turned for display
    SnapshotMode mode = SnapshotMode::Clean;
};

// The manifest of a snapshot (a photo capture) of one frame of `source`.
namespace SnapshotManifest {

inline const QString kField = QStringLiteral("snapshot");

// `source` carries the image markup it shows (CaptureOpening), `worldMarkups`
// the world markup it shows. The snapshot gets the source's camera and its
// pose at the frame's time (PoseTrack interpolation, the overlay's), both
// turned with the frame; in Clean mode the source's spatial frame and the
// image markup visible at that time as new markups (new ids, no time range,
// turned with the frame), plus the world markup when the source has no
// spatial frame to share; in Baked mode neither frame nor markup (the pixels
// carry them). `id` is the new capture's, `media` its media file name.
CaptureManifest make(const CaptureManifest &source, const std::vector<Markup> &worldMarkups,
                     const SnapshotOrigin &origin, const QString &id, const QString &media,
                     const QString &author);

} // namespace SnapshotManifest

} // namespace sl
