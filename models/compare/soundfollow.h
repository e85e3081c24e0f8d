#pragma once

#include <QtGlobal>

namespace sl {

// The sound of one side of a comparison follows the shared clock (the
// pictures' clock stays the master: each side shows its exact frame for
// it). What the sound player must do at one moment, from where the clock is
// and where the sound is. The sound plays only while the clock runs and the
// side's media time lies within its sound; after the sound is started or
// moved it is given time to settle (a media pipeline reports the old
// position until it has prerolled) before its drift is judged again. A
// pipeline comes back from a start or a move late by about the same time
// each time (0.13 s with GStreamer into PulseAudio): that lag is learnt from
// the drift left after a correction, and later starts and moves aim ahead by it.
struct SoundFollow
{
    // Beyond this the sound is moved back under the clock. Lips read as in
    // sync within about ±0.1 s; a correction is audible, so it is rare: a
    // sound device's clock drifts from the system's by well under 0.1%.
    static constexpr double kMaxDriftSeconds = 0.12;
    // How long after a start or a move the sound's position is not judged.
    static constexpr double kSettleSeconds = 0.8;
    // The most lag learnt: more is a pipeline in trouble, not latency.
    static constexpr double kMaxLagSeconds = 0.5;

    enum class Step {
        Nothing,
        Start, // play from `positionMs`
        Move,  // set the position to `positionMs`, keep playing
        Stop,  // pause
    };
    struct Decision
    {
        Step step = Step::Nothing;
        qint64 positionMs = 0; // the sound player's position (its own time line)
        double lag = 0;        // the lag learnt so far, seconds: kept for the next decision
    };

    // The side's situation: its lead on the shared clock (seconds before its
    // first frame) and its sound's length (seconds, its player's duration;
    // <= 0 while unknown or when it has no sound). The sound's time line is
    // taken as the media time: the sound player counts from the container's
    // start, the frames from the first frame, which differ by the
    // container's start offset, at most a few frames (a B-frame delay), well
    // within what reads as in sync.
    struct Side
    {
        double lead = 0;
        double soundSeconds = 0;
    };
    // The sound's situation: playing or not, its position (ms), the
    // seconds since it was last started or moved, and the lag learnt (the
    // last decision's).
    struct Sound
    {
        bool playing = false;
        qint64 positionMs = 0;
        double sinceCorrection = 1e9;
        double lag = 0;
    };

    static Decision decide(bool clockRunning, double sharedSeconds, const Side &side, const Sound &sound);
    // Where the sound should be at shared time `sharedSeconds`, ms on its time line.
    static qint64 positionFor(double sharedSeconds, const Side &side);
};

} // namespace sl
