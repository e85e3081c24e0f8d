// Sound in the player: the volume and mute controls, their keys and menu
// entries, the settings they keep, and their state for a video with and
// without sound. Runs on a private null sound device (pulseaudio), the
// machine's own sound never touched.
#include "nullsoundserver.h"
#include "testsupport.h"
#include "uitestutil.h"

#include "media/soundsettings.h"
#include "player/soundcontrol.h"
#include "videoplayerwidget.h"

#include <QAction>
#include <QApplication>
#include <QAudioOutput>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QtMultimedia/qaudio.h>

#include <cmath>

using namespace sl;

class TestSound : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void volumeAndMuteAreKeptAndApplied();
    void controlsAreOffWithoutSound();
    void thePlayerOffersSoundForAVideoWithSound();

private:
    QTemporaryDir m_tmp;
};

void TestSound::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings and caches in test folders
    QCoreApplication::setOrganizationName(QStringLiteral("SightlineTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sound"));
    QSettings().clear();
    QVERIFY(m_tmp.isValid());
}

void TestSound::volumeAndMuteAreKeptAndApplied()
{
    QWidget owner;
    auto *sound = new SoundControl(&owner, Qt::WindowShortcut);
    if (!sound->output())
        QSKIP("No sound device (pulseaudio missing?): the output could not be checked.");
    sound->setMediaHasSound(true);
    QCOMPARE(sound->volume(), SoundSettings::kDefaultVolume);
    QVERIFY(!sound->isMuted());

    // The slider is perceptual, the output linear.
    auto *slider = sound->controls()->findChild<QSlider *>(QStringLiteral("volumeSlider"));
    QVERIFY(slider);
    slider->setValue(50);
    QCOMPARE(sound->volume(), 50);
    const double linear = QAudio::convertVolume(0.5, QAudio::LogarithmicVolumeScale, QAudio::LinearVolumeScale);
    QVERIFY2(std::abs(sound->output()->volume() - linear) < 1e-3, qPrintable(QString::number(sound->output()->volume())));
    QVERIFY(linear < 0.5); // half as loud to the ear is well under half the gain

    // The keys, through the owner's window.
    owner.show();
    QVERIFY(QTest::qWaitForWindowActive(&owner));
    QTest::keyClick(&owner, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(sound->volume(), 50 + SoundSettings::kVolumeStep);
    QCOMPARE(slider->value(), sound->volume());
    QTest::keyClick(&owner, Qt::Key_Down, Qt::ControlModifier);
    QTest::keyClick(&owner, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(sound->volume(), 50 - SoundSettings::kVolumeStep);
    QTest::keyClick(&owner, Qt::Key_M, Qt::ControlModifier);
    QVERIFY(sound->isMuted());
    QVERIFY(sound->output()->isMuted());
    QVERIFY(sound->muteAction()->isChecked());

    // Kept: the next control (the player's or compare's) starts from them.
    QWidget other;
    SoundControl next(&other, Qt::WindowShortcut);
    QCOMPARE(next.volume(), 50 - SoundSettings::kVolumeStep);
    QVERIFY(next.isMuted());
    QVERIFY(next.output()->isMuted());
    next.setMuted(false);
    QVERIFY(!SoundSettings::load(QSettings()).muted);
}

void TestSound::controlsAreOffWithoutSound()
{
    QWidget owner;
    SoundControl sound(&owner, Qt::WindowShortcut);
    const bool muted = sound.isMuted();
    // Until the medium says it has sound, and when it has none: off, saying why.
    for (QAction *a : sound.actions())
        QVERIFY(!a->isEnabled());
    QVERIFY(!sound.controls()->findChild<QSlider *>()->isEnabled());
    QCOMPARE(sound.muteAction()->toolTip(),
             sound.output() ? QStringLiteral("This video has no sound") : QStringLiteral("No sound device"));
    sound.muteAction()->trigger(); // a disabled action does nothing
    QCOMPARE(sound.isMuted(), muted);
    sound.setMediaHasSound(true);
    QCOMPARE(sound.muteAction()->isEnabled(), sound.output() != nullptr);
}

void TestSound::thePlayerOffersSoundForAVideoWithSound()
{
    QString error;
    const auto capture = test::makeDemoCapture(m_tmp.path(), QStringLiteral("2b0c6f43-0000-4000-8000-0000000000aa"),
                                               MediaType::Video, &error);
    QVERIFY2(capture, qPrintable(error));
    // The demo video has no sound; the same length with a tone does.
    const QString withTone = m_tmp.filePath(QStringLiteral("tone.mp4"));
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {"-v", "error", "-y", "-i", capture->mediaPath, "-f", "lavfi", "-i", "sine=frequency=440", "-map",
                  "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", "-shortest", withTone});
    QVERIFY(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0);

    VideoPlayerWidget player;
    player.resize(800, 520);
    player.show();
    QVERIFY(QTest::qWaitForWindowExposed(&player));
    auto *menuButton = player.findChild<QToolButton *>(QStringLiteral("playerMenuButton"));
    QVERIFY(menuButton && menuButton->menu());
    QStringList entries;
    for (QAction *a : menuButton->menu()->actions())
        entries << a->text() + QLatin1Char('|') + a->shortcut().toString();
    QVERIFY2(entries.contains(QStringLiteral("Mute|Ctrl+M")) && entries.contains(QStringLiteral("Louder|Ctrl+Up")) &&
                 entries.contains(QStringLiteral("Quieter|Ctrl+Down")),
             qPrintable(entries.join(QStringLiteral(", "))));
    auto *mute = player.findChild<QAction *>(QStringLiteral("muteAction"));
    QVERIFY(mute);

    player.open(capture->manifest, capture->mediaPath, {});
    QTRY_VERIFY_WITH_TIMEOUT(player.framesPainted() >= 1, 15000);
    QTest::qWait(300); // let the player report what the file holds
    QVERIFY(!mute->isEnabled());

    player.open(capture->manifest, withTone, {});
    if (!player.findChild<QAudioOutput *>())
        QSKIP("No sound device (pulseaudio missing?): the player has no output to offer.");
    QTRY_VERIFY_WITH_TIMEOUT(mute->isEnabled(), 15000);
    QVERIFY(player.findChild<QSlider *>(QStringLiteral("volumeSlider"))->isEnabled());
}

SL_TEST_MAIN_WITH_SOUND(TestSound)
#include "tst_sound.moc"
