#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QAction;
class QActionGroup;
class QMediaPlayer;
class QMenu;
class QWidget;

namespace sl {

class SoundControl;

// The sound of one side of a comparison, played along the shared clock
// (SoundFollow: the pictures' clock stays the master). The Sound menu
// chooses the side: none, A or B (Ctrl+0, Ctrl+1, Ctrl+2); a comparison
// opens with A's, else B's when only B is a video. The sound has its own
// QMediaPlayer (audio only) into a SoundControl's output, so volume and mute
// are the player's settings. Without an audio device there is nothing to
// choose: the menu says so.
class CompareSound : public QObject
{
    Q_OBJECT
public:
    enum Source { None = -1, SideA = 0, SideB = 1 };

    explicit CompareSound(QWidget *owner);
    ~CompareSound() override;

    SoundControl *control() const { return m_control; }
    // The Sound menu's items: the choice of side, then mute and volume.
    void fillMenu(QMenu *menu) const;
    QAction *sourceAction(Source source) const;

    // A new comparison: each side's media (empty for a photo).
    void setSides(const QString &videoA, const QString &videoB);
    void setLeads(double leadA, double leadB);
    void setSource(Source source);
    Source source() const { return m_source; }
    // Whether the chosen side's sound plays now (tests, and the menu).
    bool isPlaying() const { return m_playing; }
    // Whether there is a device to play into (else the choice is off).
    bool hasDevice() const { return m_player != nullptr; }
    // Where the sound player is on its time line, ms (0 without a device).
    qint64 positionMs() const;
    // Brings the sound in line with the clock: called on every tick of
    // playback, and on a pause, step or jump.
    void follow(bool clockRunning, double sharedSeconds);

Q_SIGNALS:
    void sourceChanged(int source);

private:
    void load();
    void stop();

    SoundControl *m_control = nullptr;
    QMediaPlayer *m_player = nullptr; // null without an audio device
    QActionGroup *m_group = nullptr;
    QAction *m_none = nullptr;
    QAction *m_a = nullptr;
    QAction *m_b = nullptr;
    QString m_paths[2];
    double m_leads[2] = {0, 0};
    Source m_source = None;
    bool m_playing = false;       // what was last asked of the player
    QElapsedTimer m_sinceCorrection; // since the sound was last started or moved
    double m_lag = 0;                // seconds the sound comes back late from a start or move (SoundFollow)
    int m_reloads = 0;               // pipelines made again after an error, for this source
};

} // namespace sl
