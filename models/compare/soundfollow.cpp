#include "compare/soundfollow.h"

#include <cmath>

namespace sl {

qint64 SoundFollow::positionFor(double sharedSeconds, const Side &side)
{
    return std::llround((sharedSeconds - side.lead) * 1000.0);
}

SoundFollow::Decision SoundFollow::decide(bool clockRunning, double sharedSeconds, const Side &side,
                                          const Sound &sound)
{
    const auto stopIfPlaying = [&sound]() {
        return Decision{sound.playing ? Step::Stop : Step::Nothing, sound.positionMs};
    };
    if (!clockRunning || side.soundSeconds <= 0)
        return stopIfPlaying();
    const qint64 target = positionFor(sharedSeconds, side);
    // Before the side's first frame (it waits on the shared clock) or past
    // its sound's end: silence.
    if (sharedSeconds < side.lead || target < 0 || target >= std::llround(side.soundSeconds * 1000.0))
        return stopIfPlaying();
    if (!sound.playing)
        return {Step::Start, target};
    if (sound.sinceCorrection < kSettleSeconds)
        return {Step::Nothing, sound.positionMs};
    if (std::abs(double(sound.positionMs - target)) > kMaxDriftSeconds * 1000.0)
        return {Step::Move, target};
    return {Step::Nothing, sound.positionMs};
}

} // namespace sl
