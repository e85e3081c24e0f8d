#pragma once

#include <QObject>

class QAction;
class QAudioOutput;
class QSlider;
class QToolButton;
class QWidget;

namespace sl {

// The sound of what a view plays: its QAudioOutput, its volume and mute
// (kept in SoundSettings, shared by the player and compare), and the
// controls for them: a mute button and a volume slider (controls()), and
// the actions Mute (Ctrl+M), Louder (Ctrl+Up) and Quieter (Ctrl+Down),
// added to `owner` so their keys work in it and listed by actions() for its
// menu. Without an audio device there is no output (some backends crash
// playing a file with sound into nothing) and the controls say why they
// are off; a medium without sound turns them off too (setMediaHasSound).
class SoundControl : public QObject
{
    Q_OBJECT
public:
    SoundControl(QWidget *owner, Qt::ShortcutContext shortcutContext);

    QAudioOutput *output() const { return m_output; }
    QWidget *controls() const { return m_controls; }
    QList<QAction *> actions() const;
    QAction *muteAction() const { return m_mute; }

    int volume() const { return m_volume; } // 0..SoundSettings::kMaxVolume
    bool isMuted() const { return m_muted; }
    void setVolume(int volume);
    void setMuted(bool muted);
    // Whether what plays has sound at all (the controls are off when not).
    void setMediaHasSound(bool hasSound);

private:
    void apply();
    void updateEnabled();

    QAudioOutput *m_output = nullptr;
    QWidget *m_controls = nullptr;
    QToolButton *m_muteButton = nullptr;
    QSlider *m_slider = nullptr;
    QAction *m_mute = nullptr;
    QAction *m_louder = nullptr;
    QAction *m_quieter = nullptr;
    int m_volume = 0;
    bool m_muted = false;
    bool m_mediaHasSound = false; // until the medium says it has sound
};

} // namespace sl
