#pragma once

#include "capture/bookmark.h"
#include "capture/capturemanifest.h"
#include "media/frameindex.h"
#include "media/thumbnailstripmaker.h"

#include <QFutureWatcher>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

namespace sl {

class ThumbnailStripWorker;
class TimelinePreview;

// The player's timeline under the video: a strip of thumbnails across the
// capture (decoded in the background, cached on disk: ThumbnailStripWorker),
// above it a density strip (how much markup is visible along the video:
// markupDensity, computed off the GUI thread once per open and again when
// the markup changes) with a tick where each bookmark starts and its range
// shaded; the loop's in/out range and the playhead over both. Hovering
// shows a preview of the nearest thumbnail with the time under the mouse;
// pressing and dragging scrubs (scrubbedTo on every move: the frame source
// collapses them to the latest), releasing lands on the release time
// (scrubFinished).
class TimelineWidget : public QWidget
{
    Q_OBJECT
  public:
    explicit TimelineWidget(QWidget *parent = nullptr);
    ~TimelineWidget() override;

    // Where thumbnails are cached (ThumbnailCache::defaultFolder() unless
    // set); empty: none kept on disk. Applies to the next setMedia().
    void setThumbnailCacheFolder(const QString &folder);
    // The video and its frame index (read by the player's frame source);
    // `frameSize`: the decoded (sensor) size, for the density.
    void setMedia(const QString &path, std::shared_ptr<const FrameIndex> index, const CaptureManifest &manifest,
                  const std::vector<Markup> &worldMarkups, QSize frameSize);
    // The markup changed (the thumbnails, playhead and range stay): the
    // density strip is computed again, the old one shown until then.
    void setMarkups(const CaptureManifest &manifest, const std::vector<Markup> &worldMarkups, QSize frameSize);
    void clear();
    void setPlayhead(double seconds);
    // The loop range, seconds; negative ends are unset.
    void setRange(double in, double out);
    void setBookmarks(const std::vector<Bookmark> &bookmarks);

    double duration() const { return m_duration; }
    double timeAt(int x) const;
    int xOf(double seconds) const;
    // The strip as it stands, for tests.
    int thumbnailCount() const { return int(m_thumbs.size()); }
    int thumbnailsShown() const;
    // Frame index shown by slot i, -1 while not there yet.
    int thumbnailFrame(int slot) const;
    QImage thumbnail(int slot) const;
    bool stripFinished() const { return m_stripFinished; }
    ThumbnailStripMaker::Stats stripStats() const { return m_stripStats; }
    const std::vector<int> &density() const { return m_density; }
    TimelinePreview *preview() const { return m_preview; }
    bool isScrubbing() const { return m_scrubbing; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  Q_SIGNALS:
    void scrubStarted();
    void scrubbedTo(double seconds);
    void scrubFinished(double seconds);
    void thumbnailArrived(int slot);

  protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

  private:
    struct Thumb
    {
        int frame = -1;
        double seconds = 0;
        QImage image;
    };
    void requestStrip();
    void startDensity(const CaptureManifest &manifest, const std::vector<Markup> &worldMarkups, QSize frameSize);
    void showPreview(int x);
    int wantedCount() const;
    QRect densityRect() const;
    QRect stripRect() const;
    void paintStrip(QPainter &painter) const;
    void paintDensity(QPainter &painter) const;
    void paintMarks(QPainter &painter) const;

    QString m_cacheFolder;
    ThumbnailStripWorker *m_worker = nullptr;
    TimelinePreview *m_preview = nullptr;
    QTimer m_resizeTimer; // a resize asks for a new strip once it settles
    QString m_path;
    std::shared_ptr<const FrameIndex> m_index;
    double m_duration = 0;
    std::vector<Thumb> m_thumbs;
    bool m_stripFinished = false;
    ThumbnailStripMaker::Stats m_stripStats;
    QFutureWatcher<std::vector<int>> m_densityWatcher;
    std::vector<int> m_density;
    std::vector<Bookmark> m_bookmarks;
    double m_playhead = 0;
    double m_in = -1, m_out = -1;
    int m_hoverX = -1;
    bool m_scrubbing = false;
};

} // namespace sl
