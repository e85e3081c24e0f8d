#include "videoplayerwidget.h"

#include "common/logging.h"
#include "media/framesourceworker.h"
#include "player/bookmarkpanel.h"
#include "player/nominalframerate.h"
#include "player/playeractions.h"
#include "player/soundcontrol.h"
#include "player/timelinewidget.h"
#include "uitext.h"
#include "videocanvas.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaMetaData>
#include <QMenu>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sl {

VideoPlayerWidget::VideoPlayerWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("videoPlayer"));
    m_player = new QMediaPlayer(this);
    m_sink = new QVideoSink(this);
    m_player->setVideoSink(m_sink);
    // Without an audio device there is no output (SoundControl's rule).
    m_sound = new SoundControl(this, Qt::WidgetWithChildrenShortcut);
    if (m_sound->output())
        m_player->setAudioOutput(m_sound->output());
    connect(m_player, &QMediaPlayer::hasAudioChanged, m_sound, &SoundControl::setMediaHasSound);

    m_canvas = new VideoCanvas(this);
    m_frames = new FrameSourceWorker(this);
    buildControls();
    connect(m_frames, &FrameSourceWorker::opened, this, &VideoPlayerWidget::onSourceOpened);
    connect(m_frames, &FrameSourceWorker::openFailed, this, [this](const QString &error) {
        showError(tr("This video cannot be played: %1").arg(error));
    });
    connect(m_frames, &FrameSourceWorker::frameReady, this, &VideoPlayerWidget::onExactFrame);
    connect(m_frames, &FrameSourceWorker::frameFailed, this, &VideoPlayerWidget::onExactFrameFailed);

    connect(m_sink, &QVideoSink::videoFrameChanged, this, &VideoPlayerWidget::onVideoFrame);
    connect(m_canvas, &OverlayCanvas::framePainted, this, &VideoPlayerWidget::onFramePainted);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &VideoPlayerWidget::onPlaybackStateChanged);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &VideoPlayerWidget::onMediaStatusChanged);
    connect(m_player, &QMediaPlayer::errorOccurred, this, &VideoPlayerWidget::onPlayerError);
    connect(m_player, &QMediaPlayer::durationChanged, this, &VideoPlayerWidget::onDurationChanged);
    connect(m_player, &QMediaPlayer::positionChanged, this, &VideoPlayerWidget::onPositionChanged);
    connect(m_player, &QMediaPlayer::metaDataChanged, this, [this]() {
        updateFrameRate();
        updateLabels();
    });

    m_reverseTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_reverseTimer, &QTimer::timeout, this, [this]() {
        if (m_requestedIndex >= 0)
            return; // the last step is not shown yet: no backlog
        if (m_shownIndex <= 0) {
            stopReverse();
            return;
        }
        showExactFrame(m_shownIndex - 1);
    });
    buildActions();
    updateLabels();
}

VideoPlayerWidget::~VideoPlayerWidget()
{
    disconnect(m_sink, nullptr, this, nullptr);
    disconnect(m_player, nullptr, this, nullptr);
    m_player->stop();
    m_player->setVideoSink(nullptr);
}

void VideoPlayerWidget::buildControls()
{
    m_playButton = new QToolButton(this);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_playButton->setAutoRaise(true);
    m_prevButton = new QToolButton(this);
    m_prevButton->setObjectName(QStringLiteral("previousFrameButton"));
    m_prevButton->setAutoRaise(true);
    m_prevButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_prevButton->setToolTip(tr("Previous frame (Left or ,)"));
    m_nextButton = new QToolButton(this);
    m_nextButton->setObjectName(QStringLiteral("nextFrameButton"));
    m_nextButton->setAutoRaise(true);
    m_nextButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_nextButton->setToolTip(tr("Next frame (Right or .)"));

    // The timeline (thumbnails, markup density, bookmarks, in/out, playhead)
    // is the scrubber: one place to see where things are and to go there.
    m_timeline = new TimelineWidget(this);

    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_timeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_frameLabel = new QLabel(this);
    m_frameLabel->setObjectName(QStringLiteral("frameLabel"));
    QFont mono = m_timeLabel->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_timeLabel->setFont(mono);
    m_frameLabel->setFont(mono);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 2, 6, 4);
    controls->addWidget(m_prevButton);
    controls->addWidget(m_playButton);
    controls->addWidget(m_nextButton);
    controls->addStretch(1);
    controls->addWidget(m_timeLabel);
    controls->addSpacing(8);
    controls->addWidget(m_frameLabel);
    controls->addSpacing(8);
    controls->addWidget(m_sound->controls());
    m_menuButton = new QToolButton(this);
    m_menuButton->setObjectName(QStringLiteral("playerMenuButton"));
    m_menuButton->setAutoRaise(true);
    m_menuButton->setText(QStringLiteral("⋯"));
    m_menuButton->setToolTip(tr("Playback actions and their keys"));
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    controls->addWidget(m_menuButton);

    // The bookmarks are listed beside the picture.
    m_bookmarkPanel = new BookmarkPanel(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(true);
    split->addWidget(m_canvas);
    split->addWidget(m_bookmarkPanel);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({620, 250});
    connect(m_bookmarkPanel, &BookmarkPanel::jumpRequested, this, &VideoPlayerWidget::seekSeconds);
    connect(m_bookmarkPanel, &BookmarkPanel::addRequested, this, &VideoPlayerWidget::addBookmark);
    connect(m_bookmarkPanel, &BookmarkPanel::putRequested, this, &VideoPlayerWidget::bookmarkPutRequested);
    connect(m_bookmarkPanel, &BookmarkPanel::removeRequested, this, &VideoPlayerWidget::bookmarkRemoveRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(split, 1);
    layout->addWidget(m_timeline);
    layout->addLayout(controls);

    connect(m_playButton, &QToolButton::clicked, this, &VideoPlayerWidget::togglePlayPause);
    connect(m_prevButton, &QToolButton::clicked, this, &VideoPlayerWidget::stepBackward);
    connect(m_nextButton, &QToolButton::clicked, this, &VideoPlayerWidget::stepForward);
    connect(m_timeline, &TimelineWidget::scrubStarted, this, [this]() {
        m_resumeAfterScrub = isPlaying();
        pause(); // frames come from the frame source while scrubbing
    });
    connect(m_timeline, &TimelineWidget::scrubbedTo, this, &VideoPlayerWidget::onScrubMoved);
    connect(m_timeline, &TimelineWidget::scrubFinished, this, &VideoPlayerWidget::onScrubReleased);
    onPlaybackStateChanged(QMediaPlayer::StoppedState);
}

void VideoPlayerWidget::open(const CaptureManifest &manifest, const QString &mediaPath,
                             std::vector<Markup> worldMarkups)
{
    m_manifest = manifest;
    m_mediaPath = mediaPath;
    m_errorText.clear();
    m_index.reset();
    m_exact = true;
    m_frames->setFillBehind(true);
    m_shownIndex = -1;
    m_requestedIndex = -1;
    m_sinkClock.reset();
    m_pendingPositionMs = -1;
    m_player->stop();
    m_canvas->reset();
    if (!m_cutNotice.isEmpty()) { // the last file's, not this one's
        m_canvas->setCaptureNotice(m_canvas->captureNotice().remove(m_cutNotice).trimmed());
        m_cutNotice.clear();
    }
    m_worldMarkups = worldMarkups;
    m_timeline->clear();
    m_timeline->setBookmarks(manifest.bookmarks);
    m_canvas->setCapture(manifest, std::move(worldMarkups));
    m_bookmarkToName.clear();
    m_bookmarkPanel->setBookmarks(manifest.bookmarks);
    for (QWidget *w : {static_cast<QWidget *>(m_playButton), static_cast<QWidget *>(m_prevButton),
                       static_cast<QWidget *>(m_nextButton), static_cast<QWidget *>(m_timeline)})
        w->setEnabled(true);

    // The frame source checks the file on its thread (a missing, empty or
    // lying file is refused there, with its reason): the GUI thread stats nothing.
    m_frames->open(mediaPath, MediaType::Video);
    m_canvas->setMessage(tr("Loading video…"));
    m_player->setSource(QUrl::fromLocalFile(mediaPath));
    updateFrameRate();
    updateLabels();
}

bool VideoPlayerWidget::isPlaying() const
{
    return m_player->playbackState() == QMediaPlayer::PlayingState;
}

void VideoPlayerWidget::updateFrameRate()
{
    // Not from frame start/end times: after a seek GStreamer clips the first
    // frame's start to the seek target, so its duration says nothing.
    m_fps = nominalFrameRate(m_player->metaData().value(QMediaMetaData::VideoFrameRate).toDouble(), m_manifest);
}

void VideoPlayerWidget::requestSnapshot(bool baked)
{
    if (!m_canvas->hasFrame())
        return; // nothing on screen to take
    const double seconds = currentFrameTime(); // the frame on screen, before pausing moves anything
    pause();
    Q_EMIT snapshotRequested(seconds, baked);
}

void VideoPlayerWidget::requestVideoExport()
{
    Q_EMIT videoExportRequested(-1, -1);
}

void VideoPlayerWidget::requestRangeExport()
{
    if (m_loopIn < 0 && m_loopOut < 0)
        return;
    // An open end runs to the video's start or end.
    Q_EMIT videoExportRequested(std::max(0.0, m_loopIn), m_loopOut);
}

double VideoPlayerWidget::currentFrameTime() const
{
    return m_canvas->hasFrame() ? m_canvas->frameSeconds() : m_player->position() / 1000.0;
}

double VideoPlayerWidget::durationSeconds() const
{
    // The frame index's length, as export and snapshot take it (GStreamer's
    // is the container's, past the end of a file cut short).
    if (m_index && !m_index->isEmpty())
        return m_index->length();
    return m_player->duration() / 1000.0;
}

int VideoPlayerWidget::framesPainted() const
{
    return m_canvas->framesPainted();
}

OverlayResult VideoPlayerWidget::lastOverlayResult() const
{
    return m_canvas->lastOverlayResult();
}

int VideoPlayerWidget::frameIndexAt(double seconds) const
{
    if (m_index && !m_index->isEmpty()) {
        const int index = m_index->indexAt(seconds);
        return index < 0 ? m_index->count() - 1 : index; // past the end of a cut file
    }
    // Frame start times are whole multiples of the frame duration (to the
    // microsecond), so rounding finds the frame's own index.
    return std::max(0, int(std::llround(seconds * fps())));
}

void VideoPlayerWidget::play()
{
    if (!m_errorText.isEmpty() || m_player->source().isEmpty())
        return;
    m_requestedIndex = -1;
    qint64 from = -1; // where to play from, ms; -1: where the media player is
    if (m_exact && m_index && m_shownIndex >= 0 && m_shownIndex < m_index->count() - 1)
        from = qint64(std::llround(m_index->timeOf(m_shownIndex) * 1000.0));
    else if (m_player->mediaStatus() == QMediaPlayer::EndOfMedia || (m_index && m_shownIndex == m_index->count() - 1))
        from = 0;
    m_exact = false;
    m_frames->setFillBehind(false); // playback decodes now; the frame source keeps still
    stopReverse();
    if (m_player->mediaStatus() == QMediaPlayer::EndOfMedia) {
        // GStreamer (Qt 6.4) at the end of the media drops a seek, and play()
        // would sit at the end: play() itself rewinds to 0 there, and a
        // later start is sought once the pipeline has buffered again.
        m_pendingPositionMs = from > 0 ? from : -1;
        m_player->play();
        return;
    }
    if (from >= 0)
        setMediaPosition(from);
    m_player->play();
}

void VideoPlayerWidget::setMediaPosition(qint64 ms)
{
    // GStreamer (Qt 6.4) drops a seek made before the pipeline has buffered
    // (loading, or loaded but not yet prerolled for playing): play() would
    // start from 0. The seek is made at BufferedMedia.
    const auto status = m_player->mediaStatus();
    if (status == QMediaPlayer::LoadingMedia || status == QMediaPlayer::NoMedia ||
        status == QMediaPlayer::LoadedMedia) {
        m_pendingPositionMs = ms;
        return;
    }
    m_pendingPositionMs = -1;
    // After a seek elsewhere, the next frame no longer tells the offset.
    m_sinkClock.seekTo(ms);
    m_player->setPosition(ms);
}

void VideoPlayerWidget::pause()
{
    if (isPlaying())
        m_player->pause();
    enterExactMode();
}

void VideoPlayerWidget::enterExactMode()
{
    if (m_exact)
        return;
    m_exact = true;
    m_frames->setFillBehind(true); // a step back then finds its frames decoded
    m_canvas->dropPendingFrames();
    if (m_index && !m_index->isEmpty())
        showExactFrame(m_canvas->hasFrame() ? frameIndexAt(currentFrameTime()) : 0);
}

void VideoPlayerWidget::showExactFrame(int index)
{
    m_requestedIndex = index;
    m_frames->requestFrame(index);
}

void VideoPlayerWidget::onSourceOpened(std::shared_ptr<const FrameIndex> index, int rotation, QSize codedSize)
{
    m_index = std::move(index);
    m_canvas->setSensorRotation(rotation, codedSize);
    m_timeline->setMedia(m_mediaPath, m_index, m_manifest, m_worldMarkups, codedSize);
    if (plausibleFrameRate(m_index->averageRate()))
        m_fps = m_index->averageRate();
    if (m_index->isCutShort()) {
        m_cutNotice = tr("This video ends early: %1 of the %2 its file promises can be read (the file was cut short).")
                          .arg(UiText::mediaTime(m_index->readableEnd()), UiText::mediaTime(m_index->containerEnd()));
        const QString before = m_canvas->captureNotice();
        m_canvas->setCaptureNotice(before.isEmpty() ? m_cutNotice : before + QLatin1Char(' ') + m_cutNotice);
    }
    if (m_exact && m_shownIndex < 0)
        showExactFrame(0);
    updateLabels();
}

void VideoPlayerWidget::onExactFrame(int index, double seconds, const QImage &image)
{
    if (!m_exact || !m_errorText.isEmpty())
        return; // playback took over meanwhile
    if (index == m_requestedIndex)
        m_requestedIndex = -1;
    m_shownIndex = index;
    m_canvas->setMessage(QString());
    m_canvas->setFrame(image, seconds);
    updateLabels();
}

void VideoPlayerWidget::onExactFrameFailed(int index, const QString &error)
{
    if (index == m_requestedIndex)
        m_requestedIndex = -1;
    qCWarning(lcUi) << "frame" << index << "of" << m_mediaPath << error;
    // Not fatal: the frames before (a file cut short) still show.
    m_canvas->setMessage(error, true);
}

void VideoPlayerWidget::togglePlayPause()
{
    if (isPlayingBackwards())
        stopShuttle();
    else if (isPlaying())
        pause();
    else
        play();
}

void VideoPlayerWidget::stepFrames(int delta)
{
    if (!m_errorText.isEmpty() || !m_index || m_index->isEmpty() || delta == 0)
        return;
    stopReverse();
    pause();
    const int current = m_requestedIndex >= 0 ? m_requestedIndex : std::max(0, m_shownIndex);
    const int target = std::clamp(current + delta, 0, m_index->count() - 1);
    if (target != current)
        showExactFrame(target);
}

void VideoPlayerWidget::stepSeconds(double delta)
{
    if (!m_errorText.isEmpty() || !m_index || m_index->isEmpty())
        return;
    stopReverse();
    pause();
    const int current = m_requestedIndex >= 0 ? m_requestedIndex : std::max(0, m_shownIndex);
    const int target = frameIndexAt(m_index->timeOf(current) + delta);
    if (target != current)
        showExactFrame(target);
}

void VideoPlayerWidget::goToFirstFrame()
{
    if (m_index && !m_index->isEmpty())
        stepFrames(-m_index->count());
}

void VideoPlayerWidget::goToLastFrame()
{
    if (m_index && !m_index->isEmpty())
        stepFrames(m_index->count());
}

void VideoPlayerWidget::seekSeconds(double seconds)
{
    if (!m_errorText.isEmpty() || m_player->source().isEmpty())
        return;
    if (m_exact && m_index && !m_index->isEmpty()) {
        showExactFrame(frameIndexAt(std::max(0.0, seconds)));
        return;
    }
    const qint64 ms = std::llround(std::max(0.0, seconds) * 1000.0);
    setMediaPosition(ms);
}

void VideoPlayerWidget::buildActions()
{
    QMenu *menu = PlayerActions::build(this);
    menu->addSeparator();
    menu->addActions(m_sound->actions());
    m_menuButton->setMenu(menu);
    m_exportRangeAction = findChild<QAction *>(QStringLiteral("exportRangeAction"));
}

void VideoPlayerWidget::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.1, 8.0);
    applySpeed();
    if (m_reverseTimer.isActive())
        m_reverseTimer.setInterval(int(std::max(1.0, 1000.0 / (fps() * m_speed))));
    updateLabels();
}

void VideoPlayerWidget::applySpeed()
{
    // A rate set before the media is loaded is ignored (GStreamer).
    const auto status = m_player->mediaStatus();
    if (status != QMediaPlayer::NoMedia && status != QMediaPlayer::LoadingMedia &&
        status != QMediaPlayer::InvalidMedia)
        m_player->setPlaybackRate(m_speed);
    qCDebug(lcUi) << "speed" << m_speed << "media status" << status << "rate" << m_player->playbackRate();
}

bool VideoPlayerWidget::isPlayingBackwards() const
{
    return m_reverseTimer.isActive();
}

void VideoPlayerWidget::shuttleForward()
{
    if (m_reverseTimer.isActive()) {
        stopReverse();
        setSpeed(1.0);
    } else if (isPlaying()) {
        setSpeed(m_speed * 2);
        return;
    }
    play();
}

void VideoPlayerWidget::shuttleBackward()
{
    if (!m_errorText.isEmpty() || !m_index || m_index->isEmpty())
        return;
    if (m_reverseTimer.isActive()) {
        setSpeed(m_speed * 2);
        return;
    }
    pause();
    setSpeed(1.0);
    m_reverseTimer.start(int(std::max(1.0, 1000.0 / (fps() * m_speed))));
    updatePlayButton();
}

void VideoPlayerWidget::stopShuttle()
{
    stopReverse();
    pause();
    // As in editing suites: K stops the shuttle, and L or J after it starts at 1x.
    setSpeed(1.0);
}

void VideoPlayerWidget::markIn()
{
    m_loopIn = currentFrameTime();
    if (m_loopOut >= 0 && m_loopOut <= m_loopIn)
        m_loopOut = -1;
    updateLabels();
}

void VideoPlayerWidget::markOut()
{
    m_loopOut = currentFrameTime();
    if (m_loopIn >= m_loopOut)
        m_loopIn = -1;
    updateLabels();
}

void VideoPlayerWidget::clearLoop()
{
    m_loopIn = m_loopOut = -1;
    updateLabels();
}

void VideoPlayerWidget::setBookmarks(std::vector<Bookmark> bookmarks)
{
    m_manifest.bookmarks = bookmarks;
    m_timeline->setBookmarks(bookmarks);
    m_bookmarkPanel->setBookmarks(std::move(bookmarks));
    // A list read before the new bookmark was written leaves it to the next one.
    const auto listed = [this](const Bookmark &b) { return b.id == m_bookmarkToName; };
    if (!m_bookmarkToName.isEmpty() && std::any_of(m_manifest.bookmarks.begin(), m_manifest.bookmarks.end(), listed))
        m_bookmarkPanel->editName(std::exchange(m_bookmarkToName, QString()));
}

void VideoPlayerWidget::setMarkups(std::vector<Markup> imageMarkups, std::vector<Markup> worldMarkups)
{
    m_manifest.markups = std::move(imageMarkups);
    m_worldMarkups = worldMarkups;
    m_canvas->setCapture(m_manifest, std::move(worldMarkups));
    if (m_index) // else onSourceOpened() gives the timeline the markup with the video
        m_timeline->setMarkups(m_manifest, m_worldMarkups, m_canvas->codedSize());
}

void VideoPlayerWidget::addBookmark()
{
    if (!m_errorText.isEmpty() || !m_index || m_index->isEmpty())
        return;
    Bookmark bookmark;
    bookmark.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_loopIn >= 0 && m_loopOut > m_loopIn) {
        bookmark.from = m_loopIn;
        bookmark.to = m_loopOut;
    } else {
        bookmark.from = bookmark.to = currentFrameTime();
    }
    bookmark.name = tr("Bookmark %1").arg(m_manifest.bookmarks.size() + 1);
    m_bookmarkToName = bookmark.id;
    Q_EMIT bookmarkPutRequested(bookmark);
}

void VideoPlayerWidget::nextBookmark()
{
    jumpToBookmark(+1);
}

void VideoPlayerWidget::previousBookmark()
{
    jumpToBookmark(-1);
}

void VideoPlayerWidget::jumpToBookmark(int direction)
{
    if (!m_errorText.isEmpty() || !m_index || m_index->isEmpty())
        return;
    const int current = m_requestedIndex >= 0 ? m_requestedIndex : std::max(0, m_shownIndex);
    // By frames, not times: the frame on screen may start a little after a
    // bookmark's start (the frame whose interval holds it).
    int target = -1;
    for (const Bookmark &b : m_manifest.bookmarks) {
        const int frame = frameIndexAt(b.from);
        if (direction > 0 && frame > current && (target < 0 || frame < target))
            target = frame;
        if (direction < 0 && frame < current && frame > target)
            target = frame;
    }
    if (target >= 0)
        stepFrames(target - current); // pauses, as a step does
}

void VideoPlayerWidget::hideEvent(QHideEvent *event)
{
    // A video in a tab that is not shown does not keep playing.
    pause();
    QWidget::hideEvent(event);
}

void VideoPlayerWidget::onVideoFrame(const QVideoFrame &frame)
{
    if (!frame.isValid())
        return;
    if (m_pendingPositionMs >= 0) {
        // A frame from before the seek that waits for buffering: not shown,
        // but the first frame from the start still tells the time offset.
        if (m_sinkClock.offsetPending())
            mediaTimeOf(frame);
        return;
    }
    const double seconds = mediaTimeOf(frame); // also learns the time offset from the first frame
    if (!m_exact) // paused or stepping: the frame source's frames are shown
        m_canvas->presentFrame(frame, seconds);
}

double VideoPlayerWidget::mediaTimeOf(const QVideoFrame &frame)
{
    return m_sinkClock.mediaTime(frame, 1.0 / fps(), m_player->position() / 1000.0);
}

void VideoPlayerWidget::onFramePainted(double seconds)
{
    if (!m_exact)
        m_shownIndex = frameIndexAt(seconds);
    if (!m_timeline->isScrubbing()) // while dragging, the playhead follows the mouse
        m_timeline->setPlayhead(seconds);
    updateLabels();
    Q_EMIT frameShown(seconds);
}

void VideoPlayerWidget::stopReverse()
{
    if (!m_reverseTimer.isActive())
        return;
    m_reverseTimer.stop();
    updatePlayButton();
}

void VideoPlayerWidget::updatePlayButton()
{
    // Playing backwards (J) is playing too: the button pauses it.
    const bool playing = isPlaying() || isPlayingBackwards();
    m_playButton->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

void VideoPlayerWidget::onPlaybackStateChanged(QMediaPlayer::PlaybackState state)
{
    const bool playing = state == QMediaPlayer::PlayingState;
    updatePlayButton();
    if (!playing)
        enterExactMode(); // the end of the media, or a pause from elsewhere
    Q_EMIT playingChanged(playing);
}

void VideoPlayerWidget::onMediaStatusChanged(QMediaPlayer::MediaStatus status)
{
    switch (status) {
    case QMediaPlayer::LoadedMedia:
        updateFrameRate();
        applySpeed();
        // Show the first frame, ready to play or step.
        if (m_player->playbackState() == QMediaPlayer::StoppedState)
            m_player->pause();
        break;
    case QMediaPlayer::InvalidMedia:
        if (m_errorText.isEmpty()) {
            const QString reason = m_player->errorString();
            showError(reason.isEmpty() ? tr("This video cannot be played: the file could not be decoded.")
                                       : tr("This video cannot be played: %1").arg(reason));
        }
        break;
    case QMediaPlayer::BufferedMedia:
        // play() during loading skips LoadedMedia on some pipelines.
        if (!qFuzzyCompare(m_player->playbackRate(), m_speed))
            applySpeed();
        if (m_pendingPositionMs >= 0)
            setMediaPosition(m_pendingPositionMs);
        break;
    case QMediaPlayer::EndOfMedia:
        updateLabels();
        break;
    default:
        break;
    }
}

void VideoPlayerWidget::onPlayerError(QMediaPlayer::Error error, const QString &errorString)
{
    // The frame source's reason (said first or later) is the precise one.
    if (error == QMediaPlayer::NoError || !m_errorText.isEmpty())
        return;
    showError(tr("This video cannot be played: %1")
                  .arg(errorString.isEmpty() ? tr("unknown playback error") : errorString));
}

void VideoPlayerWidget::showError(const QString &message)
{
    qCWarning(lcUi) << "video" << m_mediaPath << message;
    m_errorText = message;
    m_canvas->setMessage(message, true);
    m_playButton->setEnabled(false);
    m_prevButton->setEnabled(false);
    m_nextButton->setEnabled(false);
    m_timeline->setEnabled(false);
    updateLabels();
    Q_EMIT errorShown(message);
}

void VideoPlayerWidget::onDurationChanged(qint64 ms)
{
    Q_UNUSED(ms);
    updateLabels();
}

void VideoPlayerWidget::onPositionChanged(qint64 ms)
{
    // Loop between in and out while playing.
    if (isPlaying() && m_loopOut > 0 && ms >= qint64(m_loopOut * 1000.0)) {
        m_sinkClock.keepOffset();
        m_player->setPosition(qint64(std::max(0.0, m_loopIn) * 1000.0));
    }
    // A file cut short: GStreamer plays on to what the container promised,
    // showing nothing; playback ends on the last readable frame instead.
    if (isPlaying() && m_index && m_index->isCutShort() && ms >= qint64(m_index->readableEnd() * 1000.0)) {
        pause();
        showExactFrame(m_index->count() - 1); // whatever the sink had shown by then
    }
    if (!m_canvas->hasFrame())
        updateLabels();
}

void VideoPlayerWidget::onScrubMoved(double seconds)
{
    // Paused: each move asks the frame source for the frame at that time,
    // and the source decodes only the latest request waiting (a drag over
    // a hundred positions decodes a few frames, never a queue of stale ones).
    seekSeconds(seconds);
}

void VideoPlayerWidget::onScrubReleased(double seconds)
{
    seekSeconds(seconds); // the exact frame of the release time
    if (m_resumeAfterScrub)
        play();
    m_resumeAfterScrub = false;
}

void VideoPlayerWidget::updateLabels()
{
    if (m_exportRangeAction)
        m_exportRangeAction->setEnabled(m_loopIn >= 0 || m_loopOut >= 0);
    m_timeline->setRange(m_loopIn, m_loopOut);
    const double duration = durationSeconds();
    m_timeLabel->setText(tr("%1 / %2").arg(UiText::mediaTime(currentFrameTime()), UiText::mediaTime(duration)));
    if (!m_canvas->hasFrame()) {
        m_frameLabel->setText(tr("Frame –"));
        return;
    }
    const double rate = fps();
    const int total = m_index ? m_index->count()
                      : duration > 0 ? std::max(1, int(std::ceil(duration * rate - 1e-6)))
                                     : 0;
    const int index = m_shownIndex >= 0 ? m_shownIndex : frameIndexAt(m_canvas->frameSeconds());
    QString text = total > 0 ? tr("Frame %1 of %2").arg(index + 1).arg(total) : tr("Frame %1").arg(index + 1);
    if (m_speed != 1.0)
        text += QLatin1String("  ") + tr("%1×").arg(m_speed);
    if (m_loopIn >= 0 || m_loopOut >= 0)
        text += QLatin1String("  ") + tr("loop %1–%2")
                                          .arg(UiText::mediaTime(std::max(0.0, m_loopIn)),
                                               m_loopOut >= 0 ? UiText::mediaTime(m_loopOut) : tr("end"));
    m_frameLabel->setText(text);
}

} // namespace sl
