#pragma once

#include "capture/bookmark.h"
#include "capture/capturemanifest.h"
#include "capture/markup.h"
#include "media/frameindex.h"
#include "player/sinkframeclock.h"
#include "render/overlayrenderer.h"

#include <QMediaPlayer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QLabel;
class QToolButton;
class QVideoFrame;
class QVideoSink;

namespace sl {

class BookmarkPanel;
class SoundControl;
class TimelineWidget;
class FrameSourceWorker;
class VideoCanvas;

// Plays a video capture with its markup. While playing, QMediaPlayer feeds a
// QVideoSink (real time, with sound) and the VideoCanvas converts frames off
// the GUI thread; when paused, stepping or scrubbing, the frame on screen
// comes from the FrameSource (on a FrameSourceWorker), the same frames
// export-frame writes: exact steps forward and back, frame numbers and
// times from the frame index. Markup is drawn at each frame's own time.
// Playback errors are shown in the widget.
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
    // Mean frames per second (display only; steps and frame numbers come
    // from the frame index once it is read).
    double fps() const { return m_fps; }
    // The frame index of the open video; null until read.
    std::shared_ptr<const FrameIndex> frameIndex() const { return m_index; }
    // Index of the frame on screen, -1 when none.
    int currentFrameIndex() const { return m_shownIndex; }
    // Media time of the frame on screen, seconds.
    double currentFrameTime() const;
    double durationSeconds() const;
    // Distinct frames painted so far.
    int framesPainted() const;
    OverlayResult lastOverlayResult() const;
    // The playback error shown, or empty.
    QString errorText() const { return m_errorText; }

    VideoCanvas *canvas() const { return m_canvas; }
    BookmarkPanel *bookmarkPanel() const { return m_bookmarkPanel; }
    TimelineWidget *timeline() const { return m_timeline; }
    FrameSourceWorker *frameSourceWorker() const { return m_frames; }
    // The capture's bookmarks as the store last wrote them (listed beside the
    // video); a bookmark just added gets its name edited in place.
    void setBookmarks(std::vector<Bookmark> bookmarks);
    // The capture's markup read again (image markup for its manifest, the
    // spatial frame's world markup): drawn from the frame on screen on, and
    // the timeline's density follows; frame, play state and loop stay.
    void setMarkups(std::vector<Markup> imageMarkups, std::vector<Markup> worldMarkups);
    const std::vector<Bookmark> &bookmarks() const { return m_manifest.bookmarks; }
    // The loop range, seconds; negative when unset.
    double loopIn() const { return m_loopIn; }
    double loopOut() const { return m_loopOut; }
    QMediaPlayer *player() const { return m_player; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlayPause();
    // Pauses and moves by `delta` frames (negative: back).
    void stepFrames(int delta);
    void stepForward() { stepFrames(1); }
    void stepBackward() { stepFrames(-1); }
    // Pauses and moves by `delta` seconds from the frame on screen.
    void stepSeconds(double delta);
    // Playback speed, 0.1x to 8x (applied once the media is loaded).
    void setSpeed(double speed);
    double speed() const { return m_speed; }
    // Review-tool keys: L plays forward (faster on each press), J plays
    // backwards by stepping through exact frames (faster on each press),
    // K stops both.
    void shuttleForward();
    void shuttleBackward();
    void stopShuttle();
    bool isPlayingBackwards() const;
    // I / O: the loop's in and out points at the frame on screen; playback
    // within them loops.
    void markIn();
    void markOut();
    void clearLoop();
    void stepSecondForward() { stepSeconds(1.0); }
    void stepSecondBackward() { stepSeconds(-1.0); }
    void goToFirstFrame();
    void goToLastFrame();
    void seekSeconds(double seconds);
    // M: asks for a bookmark over the loop range, or at the frame on screen
    // (bookmarkPutRequested); ] and [: to the next or previous bookmark's start.
    void addBookmark();
    void nextBookmark();
    void previousBookmark();
    // "Snapshot" (S) and "Snapshot with overlay" (Shift+S): pause and ask for
    // a snapshot of the frame on screen, at its own time.
    void requestSnapshot(bool baked);
    void requestCleanSnapshot() { requestSnapshot(false); }
    void requestBakedSnapshot() { requestSnapshot(true); }
    // Export the whole video, or the in–out range, with its overlay burned in.
    void requestVideoExport();
    void requestRangeExport();

Q_SIGNALS:
    void playingChanged(bool playing);
    // A new frame was painted; media time in seconds.
    void frameShown(double seconds);
    void errorShown(const QString &message);
    // The user made or renamed a bookmark, or deleted one: the owner writes
    // it to the store and answers with setBookmarks().
    void bookmarkPutRequested(const sl::Bookmark &bookmark);
    void bookmarkRemoveRequested(const QString &bookmarkId);
    // The frame at `seconds` (its own presentation time) is to be stored as a
    // new capture; `baked`: with the overlay burned into its pixels.
    void snapshotRequested(double seconds, bool baked);
    // Seconds from the first frame; negative: from the start, to the end.
    void videoExportRequested(double from, double to);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void buildControls();
    void buildActions();
    void applySpeed();
    // Seeks the media player, or once its media has loaded.
    void setMediaPosition(qint64 ms);
    void stopReverse();      // stops playing backwards (J), if it was
    void updatePlayButton(); // Play or Pause, for either direction
    void onVideoFrame(const QVideoFrame &frame);
    void onFramePainted(double seconds);
    // A frame's media time, seconds from the first frame.
    double mediaTimeOf(const QVideoFrame &frame);
    void onPlaybackStateChanged(QMediaPlayer::PlaybackState state);
    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    void onPlayerError(QMediaPlayer::Error error, const QString &errorString);
    void onDurationChanged(qint64 ms);
    void onPositionChanged(qint64 ms);
    void onScrubMoved(double seconds);
    void onScrubReleased(double seconds);
    void showError(const QString &message);
    void updateLabels();
    // Works out fps() once per capture and media, not on every frame.
    void updateFrameRate();
    int frameIndexAt(double seconds) const;
    // To the start of the next (+1) or previous (-1) bookmark, paused.
    void jumpToBookmark(int direction);
    // Shows frame `index` from the frame source (paused).
    void showExactFrame(int index);
    void onSourceOpened(std::shared_ptr<const FrameIndex> index, int rotation, QSize codedSize);
    void onExactFrame(int index, double seconds, const QImage &image);
    void onExactFrameFailed(int index, const QString &error);
    // Leaves playback for exact frames, at the frame on screen.
    void enterExactMode();

    CaptureManifest m_manifest;
    std::vector<Markup> m_worldMarkups; // the spatial frame's, for the timeline's density
    QString m_mediaPath;
    QMediaPlayer *m_player = nullptr;
    QVideoSink *m_sink = nullptr;
    SoundControl *m_sound = nullptr;
    VideoCanvas *m_canvas = nullptr;
    QToolButton *m_playButton = nullptr;
    QToolButton *m_prevButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    TimelineWidget *m_timeline = nullptr;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_frameLabel = nullptr;
    bool m_resumeAfterScrub = false;
    QString m_cutNotice; // the notice added for a file cut short, removed at the next open
    SinkFrameClock m_sinkClock; // the sink's frame stamps to media time
    QString m_errorText;
    double m_fps = 30;
    double m_speed = 1.0;
    QTimer m_reverseTimer; // steps back while playing backwards
    QAction *m_exportRangeAction = nullptr; // enabled while an in or out point is set
    qint64 m_pendingPositionMs = -1; // a seek waiting for the media to load
    double m_loopIn = -1;  // seconds; -1 when unset
    double m_loopOut = -1;
    QToolButton *m_menuButton = nullptr;
    BookmarkPanel *m_bookmarkPanel = nullptr;
    QString m_bookmarkToName; // added here and not listed yet: edit its name once it is
    FrameSourceWorker *m_frames = nullptr;
    std::shared_ptr<const FrameIndex> m_index;
    // Paused or stepping: frames come from m_frames and the sink's are not
    // shown; playing: the sink's.
    bool m_exact = true;
    int m_shownIndex = -1;     // the frame on screen
    int m_requestedIndex = -1; // the exact frame asked for and not shown yet
};

} // namespace sl
