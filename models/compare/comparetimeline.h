#pragma once

#include "capture/capturemanifest.h"

#include <QString>

namespace sl {

class FrameIndex;

// How two captures' clocks line up in a comparison. The shared clock counts
// seconds from the earlier video's first frame; each side's media time is
// the shared time minus its lead (seconds on the shared clock before its
// first frame). A photo has no clock: it shows whatever the time.
struct TimeAlignment
{
    bool byCaptureTime = false; // aligned by absolute capture time, else at their starts
    double leadA = 0;           // seconds, >= 0; one of the two leads is 0
    double leadB = 0;
    // B's first frame minus A's, seconds of real time (0 when aligned at the starts).
    double offset() const { return leadB - leadA; }
};

// The side of a comparison the timeline needs: what the manifest says.
struct CompareClip
{
    MediaType type = MediaType::Photo;
    QString spatialFrame;
    QString capturedAt; // ISO 8601: the instant of the media's first frame
};

class CompareTimeline
{
public:
    // Two videos of the same (non-empty) spatial frame whose capture times
    // both read are aligned by those times; anything else at their starts.
    static TimeAlignment align(const CompareClip &a, const CompareClip &b);
    // A side's media time (seconds from its first frame) at shared time `shared`.
    static double sideTime(double shared, double lead) { return shared - lead; }
    // The frame a side shows at shared time `shared`: before its start its
    // first frame, past its end its last; -1 when it has none (or past the
    // readable end of a file cut short).
    static int frameShown(const FrameIndex &index, double lead, double shared);
    // The next (direction > 0) or previous (< 0) shared time at which either
    // side's picture changes: one step shows the next distinct pair of
    // frames, each side its own exact frame. A null index is a side with no
    // clock (a photo). Returns `shared` when there is no further change.
    static double step(double shared, int direction, const FrameIndex *a, double leadA, const FrameIndex *b,
                       double leadB);
    // Where the shared clock ends: the later side's last frame's end.
    static double sharedEnd(const FrameIndex *a, double leadA, const FrameIndex *b, double leadB);
};

} // namespace sl
