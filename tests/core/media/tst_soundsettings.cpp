// The sound settings kept between runs: defaults, what was saved, and what
// a hand-edited or foreign settings file holds.
#include "media/soundsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

class TestSoundSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsWhereUnset();
    void savedIsLoaded();
    void outOfRangeAndUnreadable();
    void stepped();

private:
    QTemporaryDir m_dir;
    QString file(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
};

void TestSoundSettings::defaultsWhereUnset()
{
    const QSettings settings(file("empty.ini"), QSettings::IniFormat);
    const SoundSettings sound = SoundSettings::load(settings);
    QCOMPARE(sound.volume, SoundSettings::kDefaultVolume);
    QCOMPARE(sound.muted, false);
}

void TestSoundSettings::savedIsLoaded()
{
    {
        QSettings settings(file("saved.ini"), QSettings::IniFormat);
        SoundSettings{35, true}.save(settings);
    }
    const QSettings settings(file("saved.ini"), QSettings::IniFormat);
    const SoundSettings sound = SoundSettings::load(settings);
    QCOMPARE(sound.volume, 35);
    QCOMPARE(sound.muted, true);
}

void TestSoundSettings::outOfRangeAndUnreadable()
{
    QSettings settings(file("edited.ini"), QSettings::IniFormat);
    settings.setValue("sound/volume", 250);
    QCOMPARE(SoundSettings::load(settings).volume, SoundSettings::kMaxVolume);
    settings.setValue("sound/volume", -4);
    QCOMPARE(SoundSettings::load(settings).volume, 0);
    settings.setValue("sound/volume", "loud");
    QCOMPARE(SoundSettings::load(settings).volume, SoundSettings::kDefaultVolume);
    settings.setValue("sound/muted", "true");
    QCOMPARE(SoundSettings::load(settings).muted, true);
    // A saved volume out of range is saved clamped.
    SoundSettings{140, false}.save(settings);
    QCOMPARE(settings.value("sound/volume").toInt(), SoundSettings::kMaxVolume);
}

void TestSoundSettings::stepped()
{
    QCOMPARE(SoundSettings::stepped(50, 1), 50 + SoundSettings::kVolumeStep);
    QCOMPARE(SoundSettings::stepped(50, -2), 50 - 2 * SoundSettings::kVolumeStep);
    QCOMPARE(SoundSettings::stepped(95, 1), SoundSettings::kMaxVolume);
    QCOMPARE(SoundSettings::stepped(5, -1), 0);
    QCOMPARE(SoundSettings::stepped(130, 0), SoundSettings::kMaxVolume);
}

QTEST_APPLESS_MAIN(TestSoundSettings)
#include "tst_soundsettings.moc"
