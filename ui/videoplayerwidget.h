#pragma once

#include "capture/capturemanifest.h"
#include "capture/markup.h"
#include "render/overlayrenderer.h"

#include <QMediaPlayer>
#include <QTimer>
#include <QWidget>

#include <vector>

class QAudioOutput;
class QLabel;
class QSlider;
class QToolButton;
class QVideoFrame;
class QVideoSink;

namespace sl {

class VideoCanvas;

// Plays a video capture with its markup: QMediaPlayer feeds a QVideoSink, the
// VideoCanvas converts frames off the GUI thread and draws the markup at each
// frame's own time. Play/pause, scrubbing, frame stepping, time and frame
// number; playback errors are shown in the widget.
class VideoPlayerWidget : public QWidget
{
    Q_OBJECT
public:
    explicit VideoPlayerWidget(QWidget *parent = nullptr);
    ~VideoPlayerWidget() override;

    // Loads `mediaPath` (absolute) paused on its first frame; `worldMarkups`
    // are the spatial frame's world markups.
    void open(const CaptureManifest &manifest, const QString &mediaPath, std::vector<Markup> worldMarkups);
    QString mediaPath() const { return m_mediaPath; }

    bool isPlaying() const;
    // Frames per second used for stepping and frame numbers: the container's
    // frame rate, else the manifest's pose rate, else 30.
    double fps() const { return m_fps; }
    // Media time of the frame on screen, seconds.
    double currentFrameTime() const;
    double durationSeconds() const;
    // Distinct frames painted so far.
    int framesPainted() const;
    OverlayResult lastOverlayResult() const;
    // The playback error shown, or empty.
    QString errorText() const { return m_errorText; }

    VideoCanvas *canvas() const { return m_canvas; }
    QMediaPlayer *player() const { return m_player; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlayPause();
    // Pauses and moves by `delta` frames (negative: back).
    void stepFrames(int delta);
    void stepForward() { stepFrames(1); }
    void stepBackward() { stepFrames(-1); }
    void seekSeconds(double seconds);

Q_SIGNALS:
    void playingChanged(bool playing);
    // A new frame was painted; media time in seconds.
    void frameShown(double seconds);
    void errorShown(const QString &message);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void buildControls();
    void onVideoFrame(const QVideoFrame &frame);
    void onFramePainted(double seconds);
    // A frame's media time, seconds from the first frame.
    double mediaTimeOf(const QVideoFrame &frame);
    void onPlaybackStateChanged(QMediaPlayer::PlaybackState state);
    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    void onPlayerError(QMediaPlayer::Error error, const QString &errorString);
    void onDurationChanged(qint64 ms);
    void onPositionChanged(qint64 ms);
    void onScrubMoved(int ms);
    void onScrubReleased();
    void showError(const QString &message);
    void updateLabels();
    // Works out fps() once per capture and media, not on every frame.
    void updateFrameRate();
    int frameIndexAt(double seconds) const;

    CaptureManifest m_manifest;
    QString m_mediaPath;
    QMediaPlayer *m_player = nullptr;
    QVideoSink *m_sink = nullptr;
    QAudioOutput *m_audio = nullptr;
    VideoCanvas *m_canvas = nullptr;
    QToolButton *m_playButton = nullptr;
    QToolButton *m_prevButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_frameLabel = nullptr;
    QTimer m_scrubTimer;       // throttles seeks while the slider is dragged
    int m_scrubTarget = -1;    // milliseconds
    bool m_resumeAfterScrub = false;
    int m_pendingStepIndex = -1; // frame a step seek is heading for, until it shows
    qint64 m_timeOffsetUs = 0;   // frame stamps minus media time, microseconds
    bool m_offsetPending = true; // the next frame is the media's first: it gives the offset
    QString m_errorText;
    double m_fps = 30;
};

} // namespace sl
