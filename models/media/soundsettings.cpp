#include "media/soundsettings.h"

#include <QSettings>

#include <algorithm>

namespace sl {

namespace {
const QString kVolumeKey = QStringLiteral("sound/volume");
const QString kMutedKey = QStringLiteral("sound/muted");
} // namespace

SoundSettings SoundSettings::load(const QSettings &settings)
{
    SoundSettings sound;
    bool ok = false;
    const int volume = settings.value(kVolumeKey).toInt(&ok);
    if (ok)
        sound.volume = std::clamp(volume, 0, kMaxVolume);
    const QVariant muted = settings.value(kMutedKey);
    if (muted.canConvert<bool>())
        sound.muted = muted.toBool();
    return sound;
}

void SoundSettings::save(QSettings &settings) const
{
    settings.setValue(kVolumeKey, std::clamp(volume, 0, kMaxVolume));
    settings.setValue(kMutedKey, muted);
}

int SoundSettings::stepped(int volume, int steps)
{
    return std::clamp(volume + steps * kVolumeStep, 0, kMaxVolume);
}

} // namespace sl
