#include "render/frameexporter.h"

#include "capture/manifestreader.h"
#include "common/logging.h"
#include "common/mediapath.h"
#include "common/outputfile.h"
#include "media/displayrotation.h"
#include "media/framesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QSet>

#include <cmath>

namespace sl {

namespace {

bool fail(QString *error, const QString &message)
{
    qCWarning(lcRender) << "export-frame:" << message;
    if (error)
        *error = message;
    return false;
}

} // namespace

std::vector<Markup> FrameExporter::spatialFrameMarkups(const CaptureManifest &manifest, const QString &folder)
{
    std::vector<Markup> markups;
    QSet<QString> seen;
    const auto take = [&](const CaptureManifest &from) {
        for (const Markup &m : from.markups) {
            if (m.space == MarkupSpace::World && !seen.contains(m.id)) {
                seen.insert(m.id);
                markups.push_back(m);
            }
        }
    };
    take(manifest);
    if (manifest.spatialFrame.isEmpty())
        return markups;

    // Regular files only: a link could bring in a manifest from elsewhere,
    // and a FIFO would block the read.
    const QDir dir(folder);
    const QStringList names =
        dir.entryList({QStringLiteral("*.capture.json")}, QDir::Files | QDir::NoSymLinks, QDir::Name);
    for (const QString &name : names) {
        const ManifestResult other = ManifestReader::readFile(dir.filePath(name));
        if (const auto *error = std::get_if<ManifestError>(&other)) {
            qCDebug(lcRender) << "ignoring" << error->message() << "while gathering frame markup";
            continue;
        }
        const auto &sibling = std::get<CaptureManifest>(other);
        if (sibling.spatialFrame != manifest.spatialFrame || sibling.id == manifest.id)
            continue;
        // The same rule as for the capture itself: a sibling whose media breaks
        // the path rule is not a capture of this folder, and lends no markup.
        QString reason;
        if (MediaPath::resolve(folder, sibling.mediaFile, &reason).isEmpty()) {
            qCDebug(lcRender) << "ignoring" << name << "while gathering frame markup: media.file:" << reason;
            continue;
        }
        take(sibling);
    }
    return markups;
}

bool FrameExporter::exportFrame(const QString &manifestPath, std::optional<double> seconds,
                                const QString &outPath, QString *error)
{
    return exportFrame(manifestPath, seconds, outPath, error, nullptr);
}

bool FrameExporter::exportFrame(const QString &manifestPath, std::optional<double> seconds,
                                const QString &outPath, QString *error, OverlayResult *overlay)
{
    if (outPath.isEmpty())
        return fail(error, QCoreApplication::translate("sl::FrameExporter", "no output file given"));
    // A target that may not be replaced is refused before any decoding.
    QString message;
    if (!OutputFile::checkTarget(outPath, &message))
        return fail(error, message);

    const ManifestResult read = ManifestReader::readFile(manifestPath);
    if (const auto *manifestError = std::get_if<ManifestError>(&read))
        return fail(error, manifestError->message());
    const auto &manifest = std::get<CaptureManifest>(read);

    const QFileInfo manifestFile(manifestPath);
    const QString folder = manifestFile.absolutePath();
    const QString manifestName = manifestFile.fileName() + QLatin1String(": ");
    const QString mediaPath = MediaPath::resolve(folder, manifest.mediaFile, &message);
    if (mediaPath.isEmpty())
        return fail(error, manifestName % QLatin1String("media.file: ") % message);
    FrameSource source;
    if (!source.open(mediaPath, manifest.mediaType, &message))
        return fail(error, manifestName % QLatin1String("media.file: ") % message);

    double t = 0;
    if (source.isVideo()) {
        t = seconds.value_or(0.0);
        const double duration = source.duration();
        if (!std::isfinite(t) || t < 0)
            return fail(error,
                        manifestName + QCoreApplication::translate("sl::FrameExporter",
                                                                   "invalid time %1 s: it must be 0 or more")
                                           .arg(t));
        if (t > duration + 1e-9)
            return fail(error, manifestName +
                                   QCoreApplication::translate(
                                       "sl::FrameExporter", "time %1 s is beyond the end of the video (%2 s)")
                                       .arg(t, 0, 'f', 3)
                                       .arg(duration, 0, 'f', 3));
    }
    const QImage frame = source.frameAt(t);
    if (frame.isNull())
        return fail(error, source.lastError());
    // The overlay follows the frame's own timestamp, not the requested time:
    // the pose must be the one of the pixels shown.
    const double frameTime = source.timeOfFrame(source.frameIndexAt(t));

    // Markup is projected in the camera's sensor pixels, then turned with a
    // rotated video's frame.
    OverlayResult drawn;
    const int rotation = source.rotation();
    const QImage burned = DisplayRotation::toDisplay(
        OverlayRenderer::burnIn(DisplayRotation::toSensor(frame, rotation), manifest,
                                spatialFrameMarkups(manifest, folder), frameTime, &drawn),
        rotation);
    if (overlay)
        *overlay = drawn;
    if (!drawn.notice.isEmpty())
        qCInfo(lcRender) << "export-frame:" << drawn.notice;

    const auto encodePng = [&burned](QIODevice &device, QString *reason) {
        QImageWriter writer(&device, "png");
        if (writer.write(burned))
            return true;
        *reason = writer.errorString();
        return false;
    };
    if (!OutputFile::write(outPath, encodePng, &message))
        return fail(error, message);
    return true;
}

} // namespace sl
