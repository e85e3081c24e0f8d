#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace sl {

class Workspace;

// How a snapshot carries the source's markup (CAPTURE-FORMAT.md "Snapshots").
enum class SnapshotMode {
    Clean, // plain pixels; image markup copied as the snapshot's own, world markup through the shared spatial frame
    Baked, // the overlay burned into the pixels as the player draws it; no markup, no spatial frame
};

struct SnapshotRequest
{
    QString sourceCaptureId;
    std::optional<double> seconds; // a video's time; absent: the first frame (a photo ignores it)
    SnapshotMode mode = SnapshotMode::Clean;
    QString author; // the audit log's and the manifest's capturedBy; EditAuthor::current() when empty
};

struct SnapshotResult
{
    QString captureId;  // the new capture; empty on failure
    QString error;      // one line naming the source capture and the reason
    int frameIndex = 0; // the source's frame taken
    double frameTime = 0; // its presentation time, seconds from the first frame
    bool ok() const { return error.isEmpty(); }
};

// Makes a still of a capture, the frame a video shows at a time (the same
// FrameSource and overlay as the player) or a photo, into a NEW photo capture
// of the same asset: a PNG, and a manifest with the camera and the pose of
// that frame (turned with a rotated video's pixels), the source and its time,
// and the markup by mode. The capture goes into the workspace through
// CaptureImporter, the one path for storing a capture, and in the same
// transaction one outbox entry creates its attachment on the asset store.
// Decodes and writes files: never on the GUI thread.
class SnapshotMaker
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotMaker)
public:
    static SnapshotResult make(Workspace &workspace, const SnapshotRequest &request);
};

} // namespace sl
