#pragma once

#include "render/frameexporter.h"
#include "spatial/posetrack.h"

#include <QImage>

#include <memory>
#include <vector>

namespace sl {

class HugePageBuffer;

// Burns the markup of one capture into its frames one after the other, for
// export-video: the drawing of FrameExporter::burnFrame (the same pixels),
// made cheaper for a run of frames. The pose track is made once, and an
// unrotated frame is painted on a canvas of this burner's that no one else
// holds any more (the encoder has let it go) instead of on a fresh copy:
// no whole-frame allocation per frame, whose first touch page by page cost
// more than the copy itself. Used from one thread.
class FrameBurner
{
  public:
    FrameBurner(const FrameExporter::Source &source, int rotation);

    // `frame` (as FrameSource gives it) with its markup at `frameTime`
    // (seconds, the frame's own time) burned in, as RGB32.
    QImage burn(const QImage &frame, double frameTime);

  private:
    // A canvas of `size` that only this burner holds, to be written whole.
    QImage freeCanvas(QSize size);

    const FrameExporter::Source &m_source;
    const int m_rotation = 0; // degrees clockwise the frame is shown turned
    PoseTrack m_poses;
    std::vector<std::shared_ptr<HugePageBuffer>> m_canvases; // whole RGB32 frames, lent out as canvases
};

} // namespace sl
