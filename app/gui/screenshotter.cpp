#include "screenshotter.h"

#include "capturegallerywidget.h"
#include "captureviewerwidget.h"
#include "common/logging.h"
#include "mainwindow.h"
#include "photoview.h"
#include "videoplayerwidget.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>

#include <cstdio>

namespace sl {

namespace {

constexpr int kPollMs = 100;
constexpr int kGiveUpMs = 30000; // take the picture anyway after this long
constexpr int kSettleMs = 300;   // let the last paints land

} // namespace

Screenshotter::Screenshotter(MainWindow *window, const QString &path, bool video, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(path)
    , m_video(video)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &Screenshotter::poll);
}

void Screenshotter::start()
{
    QTimer::singleShot(0, this, [this]() {
        if (!m_window->showFirstCapture(m_video ? MediaType::Video : MediaType::Photo))
            qCWarning(lcApp) << "no capture to show in the screenshot";
        m_clock.start();
        m_poll.start();
    });
}

bool Screenshotter::contentReady()
{
    if (m_window->captureGallery()->thumbnailsPending() > 0)
        return false;
    const CaptureViewerWidget *viewer = m_window->captureViewer();
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
        return player->framesPainted() > 0 && player->currentFrameTime() >= target - 0.5;
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
    const QPixmap picture = m_window->grab();
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
