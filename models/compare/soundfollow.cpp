#include "compare/soundfollow.h"

#include <algorithm>
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
        return Decision{sound.playing ? Step::Stop : Step::Nothing, sound.positionMs, sound.lag};
    };
    if (!clockRunning || side.soundSeconds <= 0)
        return stopIfPlaying();
    const qint64 target = positionFor(sharedSeconds, side);
    // Before the side's first frame (it waits on the shared clock) or past
    // its sound's end: silence.
    if (sharedSeconds < side.lead || target < 0 || target >= std::llround(side.soundSeconds * 1000.0))
        return stopIfPlaying();
    const auto ahead = [target](double lag) { return target + std::llround(lag * 1000.0); };
    if (!sound.playing)
        return {Step::Start, ahead(sound.lag), sound.lag};
    if (sound.sinceCorrection < kSettleSeconds)
        return {Step::Nothing, sound.positionMs, sound.lag};
    const double behind = (target - sound.positionMs) / 1000.0;
    if (std::abs(behind) <= kMaxDriftSeconds)
        return {Step::Nothing, sound.positionMs, sound.lag};
    // Behind (or ahead) though aimed `lag` ahead: the lag is that much more (less).
    const double lag = std::clamp(sound.lag + behind, 0.0, kMaxLagSeconds);
    return {Step::Move, ahead(lag), lag};
}

} // namespace sl
