#include "player/timelinewidget.h"

#include "media/thumbnailcache.h"
#include "media/thumbnailstripworker.h"
#include "player/timelinepreview.h"
#include "render/markupdensity.h"
#include "uitext.h"

#include <QMouseEvent>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// Pixels: the thumbnails' height (decoded at this height), the density
// strip's, and the margin at each end (the playhead at 0 and at the end
// stays visible and grabbable).
constexpr int kThumbHeight = 54;
constexpr int kDensityHeight = 14;
constexpr int kMargin = 6;
// Buckets of the density strip: finer than any thumbnail, a few pixels each.
constexpr int kDensityBuckets = 240;
// A thumbnail's width assumed when choosing how many fit (16:9 video).
constexpr double kAssumedAspect = 16.0 / 9.0;
constexpr int kResizeSettleMs = 200;

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent), m_cacheFolder(ThumbnailCache::defaultFolder())
{
    setObjectName(QStringLiteral("timeline"));
    setMouseTracking(true);
    setToolTip(tr("Click or drag to scrub; hover to preview"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_preview = new TimelinePreview(this);
    m_worker = new ThumbnailStripWorker(m_cacheFolder, this);
    m_resizeTimer.setSingleShot(true);
    m_resizeTimer.setInterval(kResizeSettleMs);
    connect(&m_resizeTimer, &QTimer::timeout, this, [this] {
        if (wantedCount() != thumbnailCount())
            requestStrip();
    });
    connect(&m_densityWatcher, &QFutureWatcher<std::vector<int>>::finished, this, [this] {
        if (m_duration <= 0)
            return; // cleared meanwhile: the counts are of a video no longer shown
        m_density = m_densityWatcher.result();
        update();
    });
}

TimelineWidget::~TimelineWidget()
{
    m_densityWatcher.waitForFinished(); // its result would land in a deleted widget
}

void TimelineWidget::setThumbnailCacheFolder(const QString &folder)
{
    if (folder == m_cacheFolder)
        return;
    m_cacheFolder = folder;
    delete m_worker;
    m_worker = new ThumbnailStripWorker(m_cacheFolder, this);
}

void TimelineWidget::setMedia(const QString &path, std::shared_ptr<const FrameIndex> index,
                              const CaptureManifest &manifest, const std::vector<Markup> &worldMarkups,
                              QSize frameSize)
{
    m_path = path;
    m_index = std::move(index);
    m_duration = m_index && !m_index->isEmpty() ? m_index->readableEnd() : 0;
    m_density.clear();
    startDensity(manifest, worldMarkups, frameSize);
    requestStrip();
    update();
}

void TimelineWidget::setMarkups(const CaptureManifest &manifest, const std::vector<Markup> &worldMarkups,
                                QSize frameSize)
{
    startDensity(manifest, worldMarkups, frameSize);
}

void TimelineWidget::startDensity(const CaptureManifest &manifest, const std::vector<Markup> &worldMarkups,
                                  QSize frameSize)
{
    if (m_duration <= 0)
        return; // no video yet: setMedia() computes it
    // On a pool thread: a plan per bucket projects every world markup. A
    // computation still running for older markup is no longer watched.
    m_densityWatcher.setFuture(
        QtConcurrent::run([manifest, worldMarkups, frameSize, duration = m_duration] {
            return markupDensity(manifest, worldMarkups, frameSize, duration, kDensityBuckets);
        }));
}

void TimelineWidget::clear()
{
    m_worker->cancel();
    m_path.clear();
    m_index.reset();
    m_duration = 0;
    m_thumbs.clear();
    m_density.clear();
    m_bookmarks.clear();
    m_playhead = 0;
    m_in = m_out = -1;
    m_stripFinished = false;
    m_preview->hide();
    update();
}

void TimelineWidget::setPlayhead(double seconds)
{
    if (seconds == m_playhead)
        return;
    m_playhead = seconds;
    update();
}

void TimelineWidget::setRange(double in, double out)
{
    m_in = in;
    m_out = out;
    update();
}

void TimelineWidget::setBookmarks(const std::vector<Bookmark> &bookmarks)
{
    m_bookmarks = bookmarks;
    update();
}

int TimelineWidget::wantedCount() const
{
    const double thumbWidth = kThumbHeight * kAssumedAspect;
    return std::clamp(int(std::lround(stripRect().width() / thumbWidth)), 1, limits::kThumbnailsPerStrip);
}

void TimelineWidget::requestStrip()
{
    if (m_path.isEmpty() || !m_index || m_index->isEmpty())
        return;
    const int count = wantedCount();
    m_thumbs.assign(size_t(count), Thumb{});
    m_stripFinished = false;
    m_stripStats = {};
    // The worker drops answers of an older request; these connections are the current strip's.
    disconnect(m_worker, nullptr, this, nullptr);
    connect(m_worker, &ThumbnailStripWorker::thumbnailReady, this,
            [this](int slot, int frame, double seconds, const QImage &image) {
                if (slot < 0 || slot >= thumbnailCount())
                    return;
                m_thumbs[size_t(slot)] = {frame, seconds, image};
                update(stripRect());
                Q_EMIT thumbnailArrived(slot);
            });
    connect(m_worker, &ThumbnailStripWorker::finished, this, [this](const ThumbnailStripMaker::Stats &stats) {
        m_stripStats = stats;
        m_stripFinished = true;
    });
    connect(m_worker, &ThumbnailStripWorker::failed, this, [this](const QString &error) {
        m_stripFinished = true;
        setToolTip(error); // the player shows the same reason over the picture
    });
    m_worker->request(m_path, m_index, count, kThumbHeight);
}

int TimelineWidget::thumbnailsShown() const
{
    return int(std::count_if(m_thumbs.begin(), m_thumbs.end(), [](const Thumb &t) { return !t.image.isNull(); }));
}

int TimelineWidget::thumbnailFrame(int slot) const
{
    return slot >= 0 && slot < thumbnailCount() ? m_thumbs[size_t(slot)].frame : -1;
}

QImage TimelineWidget::thumbnail(int slot) const
{
    return slot >= 0 && slot < thumbnailCount() ? m_thumbs[size_t(slot)].image : QImage();
}

QSize TimelineWidget::sizeHint() const
{
    return {600, minimumSizeHint().height()};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {120, kDensityHeight + kThumbHeight + 6};
}

QRect TimelineWidget::densityRect() const
{
    return {kMargin, 1, width() - 2 * kMargin, kDensityHeight};
}

QRect TimelineWidget::stripRect() const
{
    return {kMargin, kDensityHeight + 3, width() - 2 * kMargin, kThumbHeight};
}

double TimelineWidget::timeAt(int x) const
{
    const QRect strip = stripRect();
    if (m_duration <= 0 || strip.width() <= 0)
        return 0;
    const double fraction = std::clamp(double(x - strip.left()) / strip.width(), 0.0, 1.0);
    return fraction * m_duration;
}

int TimelineWidget::xOf(double seconds) const
{
    const QRect strip = stripRect();
    if (m_duration <= 0)
        return strip.left();
    return strip.left() + int(std::lround(std::clamp(seconds / m_duration, 0.0, 1.0) * strip.width()));
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window).darker(115));
    paintDensity(painter);
    paintStrip(painter);
    paintMarks(painter);
}

void TimelineWidget::paintStrip(QPainter &painter) const
{
    const QRect strip = stripRect();
    painter.fillRect(strip, QColor(24, 24, 24));
    const int count = thumbnailCount();
    if (count == 0)
        return;
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    for (int i = 0; i < count; ++i) {
        const QRect cell(strip.left() + i * strip.width() / count, strip.top(),
                         (i + 1) * strip.width() / count - i * strip.width() / count, strip.height());
        const QImage &image = m_thumbs[size_t(i)].image;
        if (image.isNull())
            continue;
        // Fill the cell, cropping the thumbnail's middle to the cell's shape.
        const double scale = std::max(double(cell.width()) / image.width(), double(cell.height()) / image.height());
        const QSizeF source(cell.width() / scale, cell.height() / scale);
        const QRectF from(QPointF((image.width() - source.width()) / 2, (image.height() - source.height()) / 2),
                          source);
        painter.drawImage(QRectF(cell), image, from);
        painter.setPen(QColor(0, 0, 0, 160));
        painter.drawLine(cell.topRight(), cell.bottomRight());
    }
}

void TimelineWidget::paintDensity(QPainter &painter) const
{
    const QRect band = densityRect();
    painter.fillRect(band, QColor(40, 40, 40));
    if (!m_density.empty()) {
        const int most = *std::max_element(m_density.begin(), m_density.end());
        const int n = int(m_density.size());
        for (int b = 0; b < n && most > 0; ++b) {
            if (m_density[size_t(b)] == 0)
                continue;
            const int left = band.left() + b * band.width() / n;
            const int right = band.left() + (b + 1) * band.width() / n;
            // Height and strength grow with the count: a glance tells busy from sparse.
            const double share = double(m_density[size_t(b)]) / most;
            const int h = std::max(3, int(std::lround(share * band.height())));
            painter.fillRect(QRect(left, band.bottom() - h + 1, std::max(1, right - left), h),
                             QColor(255, 170, 0, 110 + int(145 * share)));
        }
    }
    // Bookmarks: their range shaded, a tick where each starts.
    for (const Bookmark &bookmark : m_bookmarks) {
        const int from = xOf(bookmark.from);
        const int to = xOf(bookmark.to);
        if (to > from)
            painter.fillRect(QRect(from, band.top(), to - from, band.height()), QColor(80, 160, 255, 70));
        painter.fillRect(QRect(from - 1, band.top(), 3, band.height() + 4), QColor(80, 160, 255));
    }
}

void TimelineWidget::paintMarks(QPainter &painter) const
{
    if (m_duration <= 0)
        return;
    const int top = densityRect().top();
    const int bottom = stripRect().bottom();
    // The loop range: outside it dimmed, its ends marked.
    if (m_in >= 0 || m_out >= 0) {
        const int in = m_in >= 0 ? xOf(m_in) : xOf(0);
        const int out = m_out >= 0 ? xOf(m_out) : xOf(m_duration);
        const QColor dim(0, 0, 0, 130);
        painter.fillRect(QRect(QPoint(stripRect().left(), top), QPoint(in, bottom)), dim);
        painter.fillRect(QRect(QPoint(out, top), QPoint(stripRect().right(), bottom)), dim);
        painter.fillRect(QRect(in, bottom - 3, out - in, 4), QColor(255, 220, 0));
    }
    if (m_hoverX >= 0 && !m_scrubbing) {
        painter.setPen(QPen(QColor(255, 255, 255, 140), 1));
        painter.drawLine(m_hoverX, top, m_hoverX, bottom);
    }
    const int x = xOf(m_playhead);
    painter.setPen(QPen(QColor(230, 40, 40), 2));
    painter.drawLine(x, top, x, bottom);
    painter.setBrush(QColor(230, 40, 40));
    painter.setPen(Qt::NoPen);
    painter.drawPolygon(QPolygon({QPoint(x - 5, top), QPoint(x + 5, top), QPoint(x, top + 6)}));
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_path.isEmpty())
        m_resizeTimer.start();
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_duration <= 0)
        return QWidget::mousePressEvent(event);
    m_scrubbing = true;
    m_preview->hide();
    const double seconds = timeAt(event->position().toPoint().x());
    setPlayhead(seconds);
    Q_EMIT scrubStarted();
    Q_EMIT scrubbedTo(seconds);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const int x = event->position().toPoint().x();
    if (m_scrubbing) {
        const double seconds = timeAt(x);
        setPlayhead(seconds);
        Q_EMIT scrubbedTo(seconds);
        return;
    }
    m_hoverX = x;
    showPreview(x);
    update();
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_scrubbing || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_scrubbing = false;
    const double seconds = timeAt(event->position().toPoint().x());
    setPlayhead(seconds);
    Q_EMIT scrubFinished(seconds);
}

void TimelineWidget::leaveEvent(QEvent *event)
{
    m_hoverX = -1;
    m_preview->hide();
    update();
    QWidget::leaveEvent(event);
}

void TimelineWidget::hideEvent(QHideEvent *event)
{
    m_preview->hide();
    QWidget::hideEvent(event);
}

void TimelineWidget::showPreview(int x)
{
    if (m_duration <= 0)
        return m_preview->hide();
    const double seconds = timeAt(x);
    // The nearest thumbnail that is there (by its own time).
    const Thumb *nearest = nullptr;
    for (const Thumb &thumb : m_thumbs)
        if (!thumb.image.isNull() &&
            (!nearest || std::abs(thumb.seconds - seconds) < std::abs(nearest->seconds - seconds)))
            nearest = &thumb;
    const QPoint anchor = mapToGlobal(QPoint(x, 0));
    if (nearest)
        m_preview->showAt(anchor, nearest->image, seconds, nearest->seconds);
    else
        m_preview->showAt(anchor, QImage(), seconds, seconds);
}

} // namespace sl
