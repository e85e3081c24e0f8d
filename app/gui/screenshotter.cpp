#include "screenshotter.h"

#include "annotate/annotationcanvas.h"
#include "annotate/annotationeditorwidget.h"
#include "annotate/annotationwindow.h"
#include "annotation/annotationdocument.h"
#include "browser/assetbrowserwidget.h"
#include "browser/assetdetailswidget.h"
#include "browser/facetpanel.h"
#include "capturegallerywidget.h"
#include "captureviewerwidget.h"
#include "common/logging.h"
#include "compare/comparecandidates.h"
#include "compare/compareactions.h"
#include "compare/comparecanvas.h"
#include "compare/comparewindow.h"
#include "compare/wipeview.h"
#include "items/assetroles.h"
#include "items/assettreemodel.h"
#include "mainwindow.h"
#include "photoview.h"
#include "player/timelinewidget.h"
#include "videoplayerwidget.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTreeView>
#include <QTreeWidget>
#include <QUuid>

#include <cmath>

#include <cstdio>

namespace sl {

namespace {

constexpr int kPollMs = 100;
constexpr int kGiveUpMs = 30000; // take the picture anyway after this long
constexpr int kSettleMs = 300;   // let the last paints land

} // namespace

Screenshotter::Screenshotter(MainWindow *window, const QString &path, const QString &kind, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(path)
    , m_kind(kind)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &Screenshotter::poll);
    connect(m_window, &MainWindow::firstCaptureShown, this, [this](bool shown) {
        if (!shown) {
            qCWarning(lcApp) << "no capture to show in the screenshot";
            m_nothingToShow = true;
        }
    });
    connect(m_window, &MainWindow::captureOpened, this, [this] { m_captureOpened = true; });
    connect(m_window, &MainWindow::annotationOpened, this, [this](AnnotationWindow *annotation) {
        m_annotation = annotation;
        sketchMarkup(annotation->document());
        // The rectangle drawn last selected: its resize handles show.
        AnnotationCanvas *canvas = annotation->editor()->canvas();
        const std::vector<Markup> drawn = annotation->document()->markups();
        const auto rect = std::find_if(drawn.rbegin(), drawn.rend(),
                                       [](const Markup &m) { return m.kind == MarkupKind::Rect; });
        if (rect != drawn.rend())
            canvas->selectMarkup(rect->id);
    });
}

void Screenshotter::sketchMarkup(AnnotationDocument *document)
{
    // One markup per kind of tool, in normalised image coordinates, as a
    // reviewer might draw them.
    const auto add = [document](MarkupKind kind, std::vector<cv::Point2d> points, QColor color, double width,
                                const QString &text = {}, MarkupStyle style = MarkupStyle::Plain) {
        Markup markup;
        markup.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        markup.kind = kind;
        markup.style = style;
        markup.imagePoints = std::move(points);
        markup.color = color;
        markup.width = width;
        markup.text = text;
        document->add(markup);
    };
    add(MarkupKind::Arrow, {{0.12, 0.82}, {0.34, 0.6}}, QColor(0xFF, 0x3B, 0x30), 8);
    add(MarkupKind::Ellipse, {{0.36, 0.42}, {0.56, 0.66}}, QColor(0xFF, 0xD6, 0x0A), 6);
    add(MarkupKind::Rect, {{0.62, 0.18}, {0.88, 0.4}}, QColor(0x34, 0xC7, 0x59), 5);
    std::vector<cv::Point2d> stroke;
    for (int i = 0; i <= 40; ++i)
        stroke.push_back({0.6 + 0.3 * i / 40.0, 0.75 + 0.05 * std::sin(i / 4.0)});
    add(MarkupKind::Ink, stroke, QColor(0x0A, 0x84, 0xFF), 5);
    add(MarkupKind::Text, {{0.14, 0.88}}, QColor(0xFF, 0xFF, 0xFF), 4, tr("Loose cable here"));
    add(MarkupKind::Blur, {{0.04, 0.06}, {0.2, 0.2}}, QColor(0, 0, 0), 1);
    add(MarkupKind::Blur, {{0.24, 0.06}, {0.42, 0.22}}, QColor(0, 0, 0), 1, {}, MarkupStyle::Pixelate);
    add(MarkupKind::Ink, {{0.45, 0.3}, {0.53, 0.29}, {0.62, 0.3}, {0.7, 0.31}}, QColor(0xFF, 0xD6, 0x0A), 28, {},
        MarkupStyle::Highlighter);
}

bool Screenshotter::isKnownKind(const QString &kind)
{
    return kind == QLatin1String("photo") || kind == QLatin1String("video") || kind == QLatin1String("browser")
        || kind == QLatin1String("annotate") || kind == QLatin1String("compare");
}

void Screenshotter::start()
{
    if (m_kind == QLatin1String("annotate") || m_kind == QLatin1String("compare"))
        m_window->showFirstCapture(MediaType::Photo);
    else if (m_kind != QLatin1String("browser"))
        m_window->showFirstCapture(m_kind == QLatin1String("video") ? MediaType::Video : MediaType::Photo);
    m_clock.start();
    m_poll.start();
}

bool Screenshotter::browserReady()
{
    // The hierarchy: the first site opened, its first unit opened, and a
    // component of it selected, so that the details show the master path.
    AssetBrowserWidget *browser = m_window->assetBrowser();
    AssetTreeModel *tree = browser->treeModel();
    if (!tree)
        return false;
    if (m_browserStep == 0) {
        browser->setMode(AssetBrowserWidget::Mode::Tree);
        m_browserStep = 1;
        return false;
    }
    if (!tree->isIdle())
        return false;
    QTreeView *view = browser->treeView();
    if (m_browserStep == 1 || m_browserStep == 2) {
        // Open the first node that has children, at this depth.
        const QModelIndex parent = m_browserStep == 1 ? QModelIndex() : view->currentIndex();
        for (int row = 0; row < tree->rowCount(parent); ++row) {
            const QModelIndex index = tree->index(row, 0, parent);
            if (index.data(AssetRoles::ChildCountRole).toInt() > 0) {
                view->setCurrentIndex(index);
                view->expand(index);
                ++m_browserStep;
                return false;
            }
        }
        m_browserStep = 3;
        return false;
    }
    if (m_browserStep == 3) {
        const QModelIndex unit = view->currentIndex();
        const QModelIndex component = tree->index(0, 0, unit);
        if (!component.isValid())
            return true; // a flat workspace: show what there is
        view->setCurrentIndex(component);
        m_browserStep = 4;
        return false;
    }
    return m_window->assetDetails()->assetId() == browser->currentAssetId()
        && browser->facetPanel()->tree()->topLevelItem(0)->childCount() > 0;
}

bool Screenshotter::contentReady()
{
    if (m_kind == QLatin1String("browser"))
        return browserReady();
    if (m_nothingToShow)
        return true;
    if (!m_captureOpened || m_window->captureGallery()->thumbnailsPending() > 0)
        return false;
    const CaptureViewerWidget *viewer = m_window->captureViewer();
    if (m_kind == QLatin1String("compare"))
        return compareReady();
    if (m_kind == QLatin1String("annotate")) {
        const PhotoView *photo = viewer->currentPhotoView();
        if (!photo || photo->isLoading())
            return false;
        if (!m_annotateRequested) {
            m_window->annotateCurrentPhoto();
            m_annotateRequested = true;
        }
        return m_annotation && m_annotation->isVisible();
    }
    if (const PhotoView *photo = viewer->currentPhotoView())
        return !photo->isLoading();
    if (VideoPlayerWidget *player = viewer->currentVideoPlayer()) {
        if (!player->errorText().isEmpty())
            return true;
        // Show a frame a third of the way in, once the length is known, so
        // that the camera has moved and the markup follows it.
        const double target = player->durationSeconds() / 3.0;
        if (!m_seekRequested) {
            if (target <= 0)
                return false;
            player->seekSeconds(target);
            m_seekRequested = true;
            return false;
        }
        // And the timeline with its thumbnails and markup density.
        const TimelineWidget *timeline = player->timeline();
        return player->framesPainted() > 0 && player->currentFrameTime() >= target - 0.5 &&
               timeline->stripFinished() && !timeline->density().empty();
    }
    return true;
}

bool Screenshotter::compareReady()
{
    // The shown asset's oldest and newest photos (else captures), in a wipe with the divider mid-way.
    if (!m_compareRequested) {
        std::vector<CaptureRecord> photos;
        std::vector<CaptureRecord> all;
        for (const GalleryEntry &entry : m_window->captureGallery()->entries()) {
            all.push_back(entry.record);
            if (entry.record.mediaType == MediaType::Photo)
                photos.push_back(entry.record);
        }
        const std::vector<CaptureRecord> &pool = photos.size() >= 2 ? photos : all;
        const std::vector<CaptureRecord> ordered = CompareCandidates::ofAsset(pool, m_window->currentAssetId());
        if (ordered.size() < 2)
            return true; // nothing to compare: the main window is taken
        m_window->compareActions()->compare(ordered.front().id, ordered.back().id);
        m_compareRequested = true;
        return false;
    }
    CompareWindow *compare = m_window->compareActions()->lastWindow();
    if (!compare || !compare->canvas(0)->hasFrame() || !compare->canvas(1)->hasFrame())
        return false;
    if (!compare->isWipe()) {
        compare->setWipe(true);
        compare->wipeView()->setFraction(0.5);
        return false;
    }
    return true;
}

void Screenshotter::poll()
{
    const bool timedOut = m_clock.elapsed() > kGiveUpMs;
    if (!contentReady() && !timedOut)
        return;
    if (timedOut)
        qCWarning(lcApp) << "screenshot: content not ready after" << kGiveUpMs << "ms, taking it anyway";
    m_poll.stop();
    QTimer::singleShot(kSettleMs, this, &Screenshotter::capture);
}

void Screenshotter::capture()
{
    CompareWindow *compare = m_kind == QLatin1String("compare") ? m_window->compareActions()->lastWindow() : nullptr;
    const QPixmap picture = m_annotation ? m_annotation->grab() : compare ? compare->grab() : m_window->grab();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const bool ok = !picture.isNull() && picture.save(m_path, "PNG");
    if (ok)
        std::fprintf(stdout, "%s\n", qPrintable(QDir::toNativeSeparators(m_path)));
    else
        std::fprintf(stderr, "sightline: %s\n",
                     qPrintable(tr("cannot write the screenshot to %1").arg(QDir::toNativeSeparators(m_path))));
    Q_EMIT finished(ok);
}

} // namespace sl
