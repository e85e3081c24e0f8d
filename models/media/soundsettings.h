#pragma once

class QSettings;

namespace sl {

// How loud what plays is, kept between runs: the volume on a 0..100 scale
// (a slider's, perceptual: the output's linear gain is derived from it) and
// whether the sound is muted. One setting for the player and compare.
struct SoundSettings
{
    static constexpr int kMaxVolume = 100;
    static constexpr int kDefaultVolume = 80;
    static constexpr int kVolumeStep = 10; // one press of Louder or Quieter

    int volume = kDefaultVolume; // 0..kMaxVolume
    bool muted = false;

    // From "sound/volume" and "sound/muted"; the defaults where unset or
    // unreadable, a volume out of range clamped into it.
    static SoundSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    // The volume moved by `steps` of kVolumeStep, within 0..kMaxVolume.
    static int stepped(int volume, int steps);
};

} // namespace sl
