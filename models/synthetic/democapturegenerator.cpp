#include "synthetic/democapturegenerator.h"

#include "capture/manifestwriter.h"
#include "common/logging.h"
#include "media/imageconversion.h"
#include "media/mp4videowriter.h"
#include "synthetic/democaptureplan.h"
#include "synthetic/scenerenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>

namespace sl {

namespace {

constexpr int kJpegQuality = 92;

// One capture to render and write; `error` is set when it fails.
struct Job
{
    const DemoCaptureSpec *spec = nullptr;
    QString folder;
    QString error;
};

// Written with the app's own MP4 writer (libavcodec), as video export is:
// the command-line tool then loads no OpenCV video or image-file library,
// whose dependencies cost every start of it more than a frame export.
bool writeVideo(const DemoCaptureSpec &spec, const QString &path, QString *error)
{
    const QSize size(spec.renderCamera.width, spec.renderCamera.height);
    Mp4VideoWriter writer;
    if (!writer.open(path, size, spec.fps, error))
        return false;
    SceneRenderer renderer;
    cv::Mat frame;
    const double frameSeconds = 1.0 / spec.fps;
    for (int i = 0; i < spec.frameCount; ++i) {
        renderer.render(spec.renderCamera, spec.cameraOfFrame(i), frame);
        const QImage image = ImageConversion::toQImage(frame);
        if (image.isNull()) {
            *error = QCoreApplication::translate("sl::DemoCaptureGenerator", "%1: a frame could not be rendered")
                         .arg(QFileInfo(path).fileName());
            return false;
        }
        if (!writer.write(image, i * frameSeconds, frameSeconds, error))
            return false;
    }
    if (!writer.finish(error))
        return false;
    if (QFileInfo(path).size() <= 0) {
        *error = QCoreApplication::translate("sl::DemoCaptureGenerator", "%1: the encoder wrote no video")
                     .arg(QFileInfo(path).fileName());
        return false;
    }
    return true;
}

bool writePhoto(const DemoCaptureSpec &spec, const QString &path, QString *error)
{
    SceneRenderer renderer;
    const QImage image = ImageConversion::toQImage(renderer.render(spec.renderCamera, spec.cameraOfFrame(0)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("sl::DemoCaptureGenerator", "cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QImageWriter writer(&file, "jpeg");
    writer.setQuality(kJpegQuality);
    if (image.isNull() || !writer.write(image)) {
        *error = QCoreApplication::translate("sl::DemoCaptureGenerator",
                                             "%1: the photo could not be encoded as JPEG")
                     .arg(QFileInfo(path).fileName());
        return false;
    }
    if (!file.commit()) {
        *error = QCoreApplication::translate("sl::DemoCaptureGenerator", "cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void runJob(Job &job)
{
    const DemoCaptureSpec &spec = *job.spec;
    const QDir dir(job.folder);
    const QString mediaPath = dir.filePath(spec.mediaFileName());
    try {
        const bool written = spec.manifest.mediaType == MediaType::Video
                                 ? writeVideo(spec, mediaPath, &job.error)
                                 : writePhoto(spec, mediaPath, &job.error);
        if (!written)
            return;
    } catch (const cv::Exception &e) {
        job.error = QCoreApplication::translate("sl::DemoCaptureGenerator", "%1: rendering failed: %2")
                        .arg(spec.mediaFileName(), QString::fromUtf8(e.what()).simplified());
        return;
    }
    QString message;
    if (!ManifestWriter::writeFile(spec.manifest, dir.filePath(spec.manifestFileName()), &message))
        job.error = message;
}

} // namespace

QStringList DemoCaptureGenerator::generate(const QString &folder, const QStringList &assetIds,
                                           const Options &options, QString *error)
{
    const auto fail = [error](const QString &message) {
        qCWarning(lcDemo) << "demo captures:" << message;
        if (error)
            *error = message;
        return QStringList();
    };
    if (assetIds.isEmpty())
        return fail(
            QCoreApplication::translate("sl::DemoCaptureGenerator", "no asset to make demo captures for"));
    if (options.videoCount < 0 || options.photoCount < 0 || options.videoCount + options.photoCount == 0)
        return fail(QCoreApplication::translate("sl::DemoCaptureGenerator",
                                                "nothing to generate: %1 videos, %2 photos")
                        .arg(options.videoCount)
                        .arg(options.photoCount));
    if (options.videoCount > 0 &&
        (!std::isfinite(options.videoSeconds) || options.videoSeconds <= 0 || options.videoSeconds > 600))
        return fail(
            QCoreApplication::translate("sl::DemoCaptureGenerator",
                                        "video length %1 s is out of range (more than 0, at most 600)")
                .arg(options.videoSeconds));
    if (options.videoCount > 0 && (!std::isfinite(options.fps) || options.fps < 1 || options.fps > 240))
        return fail(QCoreApplication::translate("sl::DemoCaptureGenerator",
                                                "frame rate %1 is out of range (1 to 240)")
                        .arg(options.fps));
    // H.264 in 4:2:0 needs even sizes.
    if (options.size.width() < 64 || options.size.height() < 64 || options.size.width() > 7680 ||
        options.size.height() > 4320 || options.size.width() % 2 || options.size.height() % 2)
        return fail(
            QCoreApplication::translate("sl::DemoCaptureGenerator",
                                        "image size %1x%2 is not supported (even, 64x64 to 7680x4320)")
                .arg(options.size.width())
                .arg(options.size.height()));
    if (!QDir().mkpath(folder))
        return fail(QCoreApplication::translate("sl::DemoCaptureGenerator", "cannot create the folder %1")
                        .arg(QDir::toNativeSeparators(folder)));

    QElapsedTimer timer;
    timer.start();
    const std::vector<DemoCaptureSpec> specs = DemoCapturePlan::make(assetIds, options);
    std::vector<Job> jobs;
    jobs.reserve(specs.size());
    for (const DemoCaptureSpec &spec : specs)
        jobs.push_back(Job{&spec, folder, {}});
    // Videos come first in the list, so the long jobs start first.
    QtConcurrent::blockingMap(jobs, runJob);

    QStringList manifests;
    for (const Job &job : jobs) {
        if (!job.error.isEmpty()) {
            // Leave no half-written demo behind.
            const QDir dir(folder);
            for (const DemoCaptureSpec &spec : specs) {
                QFile::remove(dir.filePath(spec.mediaFileName()));
                QFile::remove(dir.filePath(spec.manifestFileName()));
            }
            return fail(job.error);
        }
        manifests.append(QDir(folder).filePath(job.spec->manifestFileName()));
    }
    qCInfo(lcDemo) << "generated" << specs.size() << "demo captures in" << timer.elapsed() << "ms";
    return manifests;
}

} // namespace sl
