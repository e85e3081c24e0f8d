#pragma once

#include <QtGlobal>

#include <vector>

namespace sl {

// One video packet as the demuxer reads it (decode order), in stream time
// base ticks; `pts` already falls back to the dts where a container has none.
struct PacketRecord
{
    qint64 pts = 0;
    qint64 dts = 0;
    qint64 duration = 0; // 0 when the container does not say
    bool keyframe = false;
};

// Every frame of a video by its presentation timestamp, built from the
// packets alone (no decoding). Frame n is the n-th in presentation order
// (B-frames are reordered); variable frame rate is the normal case. Times
// are seconds from the first frame's presentation time, so frame 0 shows
// at 0 whatever the container's start offset is.
class FrameIndex
{
  public:
    FrameIndex() = default;
    // `secondsPerTick`: the stream's time base. `containerSeconds`: the
    // length the container promises (0 when unknown); a readable end short
    // of it marks the file as cut short.
    FrameIndex(std::vector<PacketRecord> packets, double secondsPerTick, double containerSeconds);

    int count() const { return int(m_frames.size()); }
    bool isEmpty() const { return m_frames.empty(); }
    // Presentation time of frame n, seconds from frame 0.
    double timeOf(int n) const;
    // How long frame n is shown, seconds (the last one: its packet's
    // duration, else the median spacing).
    double durationOf(int n) const;
    // The end of the last readable frame's interval, seconds.
    double readableEnd() const;
    // What the container promised, seconds (the readable end when it said nothing).
    double containerEnd() const { return m_containerSeconds; }
    // The file ends before what its container promised (a copy that stopped).
    bool isCutShort() const;
    // How long the video shows, seconds: what its container promises, or the
    // end of the last frame's interval when that is later (variable-rate
    // files often give the stream's length to their last frame's start);
    // a cut-short file ends at its readable end.
    double length() const;
    // The frame whose interval [t_n, t_{n+1}) contains `seconds`. Before 0:
    // frame 0; past the end of a whole file: the last frame; past the
    // readable end of a cut-short file: -1 (there is no such frame to show).
    int indexAt(double seconds) const;
    // The frame with this presentation timestamp (ticks), or the one whose
    // interval contains it; -1 before the first.
    int indexOfPts(qint64 pts) const;
    bool isKeyframe(int n) const { return m_frames[size_t(n)].keyframe; }
    // The keyframe decoding must start from to show frame n (the last
    // keyframe at or before it in presentation order).
    int keyframeOf(int n) const { return m_frames[size_t(n)].keyframeIndex; }
    // The timestamp to seek to for frame n's keyframe (ticks): its pts. A
    // backward seek to it lands on that keyframe whether the container's
    // index counts in dts (mp4: the keyframe's dts is at most its pts, the
    // next keyframe's is past it) or in pts (Matroska). Its dts would land
    // a whole group early in an mp4 with B-frames and an edit list.
    qint64 seekTimestampOf(int n) const { return m_frames[size_t(keyframeOf(n))].pts; }
    // Frame n's presentation timestamp (ticks).
    qint64 ptsOf(int n) const { return m_frames[size_t(n)].pts; }
    // The earliest dts of the stream (ticks): a seek there starts at the beginning.
    qint64 firstDts() const { return m_firstDts; }
    // The mean frame rate over the readable part, frames per second.
    double averageRate() const;

  private:
    struct Frame
    {
        qint64 pts;
        qint64 dts;
        qint64 duration;
        bool keyframe;
        int keyframeIndex;
    };
    std::vector<Frame> m_frames; // presentation order
    double m_secondsPerTick = 0;
    double m_containerSeconds = 0;
    qint64 m_firstDts = 0;
    qint64 m_lastDuration = 0; // ticks
};

} // namespace sl
