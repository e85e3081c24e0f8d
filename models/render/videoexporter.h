#pragma once

#include "render/frameexporter.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace sl {

class Workspace;

// export-video: a capture's video, whole or a range, as an H.264 MP4 with
// its markup and redactions burned in on every frame, exactly as
// export-frame draws that frame (FrameExporter::burnFrame on the frame
// FrameSource shows). Every frame keeps its presentation time, counted
// from the range's first frame, so variable frame rate stays variable.
// Audio is not carried. Written through OutputFile: nothing is left at the
// target on failure or cancel.
class VideoExporter
{
    Q_DECLARE_TR_FUNCTIONS(VideoExporter)
  public:
    struct Options
    {
        // Seconds from the first frame. The frames exported are those shown
        // in [from, to): from the frame shown at `from` to the last one that
        // starts before `to`. Absent: the start, the end of the video.
        std::optional<double> from;
        std::optional<double> to;
        // Called after each frame is written (frames done, frames in all).
        std::function<void(int done, int total)> progress;
        // Checked before each frame; once true the export stops, writes
        // nothing and fails with "cancelled".
        const std::atomic<bool> *cancel = nullptr;
    };
    enum class Outcome { Done, Failed, Cancelled };

    static Outcome exportVideo(const QString &manifestPath, const QString &outPath, const Options &options,
                               QString *error = nullptr);
    // A workspace's capture with the markup the viewer shows (the flattened
    // export), with an audit row like export-frame's.
    static Outcome exportCapture(Workspace &workspace, const QString &captureId, const QString &outPath,
                                 const Options &options, QString *error = nullptr,
                                 const QString &author = QString());

    // The export itself, of a source already read (readManifest or
    // readCapture): what both of the above run, and what the GUI runs on
    // its own thread (VideoExportTask).
    static Outcome exportSource(const FrameExporter::Source &source, const QString &outPath, const Options &options,
                                QString *error = nullptr);
};

} // namespace sl
