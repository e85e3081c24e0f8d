#pragma once

#include <QtGlobal>

class QVideoFrame;

namespace sl {

// The media time of a frame from Qt Multimedia's video sink, in seconds
// from the media's first frame (the frame index's and the manifest's
// times). GStreamer (1.22 with Qt 6.4) stamps frames of a file with
// B-frames with the container's composition delay added (two frames for
// x264's defaults): the first frame shown from the media's start tells
// that offset, and it holds until new media is opened.
class SinkFrameClock
{
public:
    // New media: the next frame is its first and gives the offset.
    void reset();
    // A seek to `ms`: a seek elsewhere than the start means the next frame
    // no longer tells the offset (the one learnt, if any, stays).
    void seekTo(qint64 ms) { m_offsetPending = m_offsetPending && ms == 0; }
    // Looping or jumping while playing: the offset is not learnt from what follows.
    void keepOffset() { m_offsetPending = false; }
    bool offsetPending() const { return m_offsetPending; }

    // `frame`'s media time (learning the offset from it when pending).
    // `nominalFrameSeconds`: one frame at the media's rate; `fallbackSeconds`:
    // the player's position, for a frame with no timestamp.
    double mediaTime(const QVideoFrame &frame, double nominalFrameSeconds, double fallbackSeconds);

private:
    qint64 m_offsetUs = 0;       // frame stamps minus media time, microseconds
    bool m_offsetPending = true; // the next frame is the media's first: it gives the offset
};

} // namespace sl
