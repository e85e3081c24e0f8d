#include "player/soundcontrol.h"

#include "common/settingswriter.h"
#include "media/soundsettings.h"

#include <QAction>
#include <QAudioDevice>
#include <QAudioOutput>
#include <QHBoxLayout>
#include <QMediaDevices>
#include <QSettings>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QtMultimedia/qaudio.h>

namespace sl {

SoundControl::SoundControl(QWidget *owner, Qt::ShortcutContext shortcutContext)
    : QObject(owner)
{
    const SoundSettings settings = SoundSettings::load(QSettings());
    m_volume = settings.volume;
    m_muted = settings.muted;
    if (!QMediaDevices::audioOutputs().isEmpty())
        m_output = new QAudioOutput(this);

    const auto action = [owner, shortcutContext](const QString &text, const QKeySequence &key) {
        auto *a = new QAction(text, owner);
        a->setShortcut(key);
        a->setShortcutContext(shortcutContext);
        owner->addAction(a); // the key works anywhere in the owner
        return a;
    };
    m_mute = action(tr("Mute"), QKeySequence(Qt::CTRL | Qt::Key_M));
    m_mute->setObjectName(QStringLiteral("muteAction"));
    m_mute->setCheckable(true);
    m_louder = action(tr("Louder"), QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_louder->setObjectName(QStringLiteral("louderAction"));
    m_quieter = action(tr("Quieter"), QKeySequence(Qt::CTRL | Qt::Key_Down));
    m_quieter->setObjectName(QStringLiteral("quieterAction"));

    m_controls = new QWidget(owner);
    m_controls->setObjectName(QStringLiteral("soundControls"));
    m_muteButton = new QToolButton(m_controls);
    m_muteButton->setObjectName(QStringLiteral("muteButton"));
    m_muteButton->setAutoRaise(true);
    m_muteButton->setDefaultAction(m_mute);
    m_slider = new QSlider(Qt::Horizontal, m_controls);
    m_slider->setObjectName(QStringLiteral("volumeSlider"));
    m_slider->setRange(0, SoundSettings::kMaxVolume);
    m_slider->setPageStep(SoundSettings::kVolumeStep);
    m_slider->setFixedWidth(90);
    m_slider->setFocusPolicy(Qt::NoFocus); // the arrow keys stay the player's
    auto *row = new QHBoxLayout(m_controls);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    row->addWidget(m_muteButton);
    row->addWidget(m_slider);

    connect(m_mute, &QAction::toggled, this, &SoundControl::setMuted);
    connect(m_louder, &QAction::triggered, this, [this]() { setVolume(SoundSettings::stepped(m_volume, 1)); });
    connect(m_quieter, &QAction::triggered, this, [this]() { setVolume(SoundSettings::stepped(m_volume, -1)); });
    connect(m_slider, &QSlider::valueChanged, this, &SoundControl::setVolume);
    apply();
    updateEnabled();
}

QList<QAction *> SoundControl::actions() const
{
    return {m_mute, m_louder, m_quieter};
}

void SoundControl::setVolume(int volume)
{
    volume = SoundSettings::stepped(volume, 0);
    if (volume == m_volume)
        return;
    m_volume = volume;
    apply();
}

void SoundControl::setMuted(bool muted)
{
    if (muted == m_muted)
        return;
    m_muted = muted;
    apply();
}

void SoundControl::setMediaHasSound(bool hasSound)
{
    m_mediaHasSound = hasSound;
    updateEnabled();
}

void SoundControl::apply()
{
    {
        auto settings = std::make_unique<QSettings>();
        SoundSettings{m_volume, m_muted}.save(*settings);
        SettingsWriter::writeInBackground(std::move(settings)); // a file write per slider step
    }
    const QSignalBlocker blockAction(m_mute);
    const QSignalBlocker blockSlider(m_slider);
    m_mute->setChecked(m_muted);
    m_slider->setValue(m_volume);
    // On the action: the button shows its action's icon (else its text).
    m_mute->setIcon(m_controls->style()->standardIcon(m_muted || m_volume == 0 ? QStyle::SP_MediaVolumeMuted
                                                                                : QStyle::SP_MediaVolume));
    m_slider->setToolTip(tr("Volume %1% (Ctrl+Up, Ctrl+Down)").arg(m_volume));
    if (m_output) {
        // The slider is perceptual; the output takes a linear gain.
        m_output->setVolume(float(QAudio::convertVolume(m_volume / double(SoundSettings::kMaxVolume),
                                                        QAudio::LogarithmicVolumeScale,
                                                        QAudio::LinearVolumeScale)));
        m_output->setMuted(m_muted);
    }
}

void SoundControl::updateEnabled()
{
    const bool on = m_output && m_mediaHasSound;
    for (QAction *a : actions())
        a->setEnabled(on);
    m_slider->setEnabled(on);
    const QString why = !m_output ? tr("No sound device")
                        : !m_mediaHasSound ? tr("This video has no sound")
                                           : tr("Mute (Ctrl+M)");
    m_mute->setToolTip(why); // the button shows its action's
}

} // namespace sl
