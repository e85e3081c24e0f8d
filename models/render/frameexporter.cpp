#include "render/frameexporter.h"

#include "capture/manifestreader.h"
#include "common/logging.h"
#include "common/mediapath.h"
#include "common/outputfile.h"
#include "media/displayrotation.h"
#include "media/framesource.h"
#include "store/assetdetails.h"
#include "store/auditrepository.h"
#include "store/workspace.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QHash>

#include <algorithm>
#include <tuple>

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
    std::vector<CaptureManifest> carriers{manifest};
    if (!manifest.spatialFrame.isEmpty()) {
        // Regular files only: a link could bring in a manifest from elsewhere,
        // and a FIFO would block the read.
        const QDir dir(folder);
        const QStringList names =
            dir.entryList({QStringLiteral("*.capture.json")}, QDir::Files | QDir::NoSymLinks, QDir::Name);
        for (const QString &name : names) {
            ManifestResult other = ManifestReader::readFile(dir.filePath(name));
            if (const auto *error = std::get_if<ManifestError>(&other)) {
                qCDebug(lcRender) << "ignoring" << error->message() << "while gathering frame markup";
                continue;
            }
            auto &sibling = std::get<CaptureManifest>(other);
            if (sibling.spatialFrame != manifest.spatialFrame || sibling.id == manifest.id)
                continue;
            // The same rule as for the capture itself: a sibling whose media
            // breaks the path rule is not a capture of this folder, and lends
            // no markup.
            QString reason;
            if (MediaPath::resolve(folder, sibling.mediaFile, &reason).isEmpty()) {
                qCDebug(lcRender) << "ignoring" << name << "while gathering frame markup: media.file:" << reason;
                continue;
            }
            carriers.push_back(std::move(sibling));
        }
    }
    // The workspace's rule (store/markupfill.h): a world markup carried by
    // several captures of the frame shows in the version of the most
    // recently captured one (then the greatest id), in the order of first
    // appearance.
    std::sort(carriers.begin(), carriers.end(), [](const CaptureManifest &a, const CaptureManifest &b) {
        return std::tie(a.capturedAt, a.id) < std::tie(b.capturedAt, b.id);
    });
    std::vector<Markup> markups;
    QHash<QString, size_t> indexOf;
    for (const CaptureManifest &carrier : carriers) {
        for (const Markup &m : carrier.markups) {
            if (m.space != MarkupSpace::World)
                continue;
            const auto found = indexOf.constFind(m.id);
            if (found != indexOf.constEnd()) {
                markups[*found] = m;
            } else {
                indexOf.insert(m.id, markups.size());
                markups.push_back(m);
            }
        }
    }
    return markups;
}

bool FrameExporter::exportFrame(const QString &manifestPath, std::optional<double> seconds,
                                const QString &outPath, QString *error)
{
    return exportFrame(manifestPath, seconds, outPath, error, nullptr);
}

bool FrameExporter::readManifest(const QString &manifestPath, Source *source, QString *error)
{
    const ManifestResult read = ManifestReader::readFile(manifestPath);
    if (const auto *manifestError = std::get_if<ManifestError>(&read))
        return fail(error, manifestError->message());
    source->manifest = std::get<CaptureManifest>(read);
    const QFileInfo manifestFile(manifestPath);
    const QString folder = manifestFile.absolutePath();
    source->messagePrefix = manifestFile.fileName() + QLatin1String(": ");
    QString message;
    source->mediaPath = MediaPath::resolve(folder, source->manifest.mediaFile, &message);
    if (source->mediaPath.isEmpty())
        return fail(error, source->messagePrefix % QLatin1String("media.file: ") % message);
    source->worldMarkups = spatialFrameMarkups(source->manifest, folder);
    return true;
}

bool FrameExporter::readCapture(Workspace &workspace, const QString &captureId, Source *source, QString *error)
{
    // The same read as the viewer's: the markup is what the GUI shows.
    std::optional<CaptureOpening> opening;
    try {
        opening = CaptureOpening::read(workspace, captureId);
    } catch (const StoreError &e) {
        return fail(error, e.message());
    }
    if (!opening)
        return fail(error, QCoreApplication::translate("sl::FrameExporter", "%1: no such capture in the workspace")
                               .arg(captureId));
    source->messagePrefix = captureId + QLatin1String(": ");
    if (opening->mediaPath.isEmpty())
        return fail(error, source->messagePrefix +
                               QCoreApplication::translate("sl::FrameExporter", "the stored media path is refused"));
    source->manifest = opening->record.manifest;
    source->worldMarkups = opening->worldMarkups;
    source->mediaPath = opening->mediaPath;
    source->captureId = captureId;
    source->mediaSha256 = opening->record.mediaSha256;
    return true;
}

QImage FrameExporter::burnFrame(const QImage &frame, int rotation, const Source &source, double frameTime,
                                OverlayResult *drawn)
{
    // Markup is projected in the camera's sensor pixels, then turned with a
    // rotated video's frame.
    return DisplayRotation::toDisplay(OverlayRenderer::burnIn(DisplayRotation::toSensor(frame, rotation),
                                                              source.manifest, source.worldMarkups, frameTime, drawn),
                                      rotation);
}

bool FrameExporter::recordExport(Workspace &workspace, const Source &source, const QString &outPath,
                                 const QString &author, QString *error)
{
    QFile written(outPath);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!written.open(QIODevice::ReadOnly) || !hash.addData(&written))
        return fail(error, source.messagePrefix +
                               QCoreApplication::translate("sl::FrameExporter", "the written file cannot be read back"));
    AuditEntry row;
    row.entity = QStringLiteral("capture");
    row.entityId = source.captureId;
    row.author = author;
    row.field = QStringLiteral("export");
    row.oldValue = source.mediaSha256; // the original, which stays here
    row.newValue = QStringLiteral("%1 %2").arg(QString::fromLatin1(hash.result().toHex()), QFileInfo(outPath).fileName());
    try {
        AuditRepository(workspace.database()).append(row);
    } catch (const StoreError &e) {
        return fail(error, e.message());
    }
    return true;
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
    Source source;
    if (!readManifest(manifestPath, &source, error))
        return false;
    return burnAndWrite(source, seconds, outPath, error, overlay);
}

bool FrameExporter::exportCapture(Workspace &workspace, const QString &captureId, std::optional<double> seconds,
                                  const QString &outPath, QString *error, OverlayResult *overlay,
                                  const QString &author)
{
    if (outPath.isEmpty())
        return fail(error, QCoreApplication::translate("sl::FrameExporter", "no output file given"));
    QString message;
    if (!OutputFile::checkTarget(outPath, &message))
        return fail(error, message);
    Source source;
    if (!readCapture(workspace, captureId, &source, error))
        return false;
    if (!burnAndWrite(source, seconds, outPath, error, overlay))
        return false;
    return recordExport(workspace, source, outPath, author, error);
}

bool FrameExporter::burnAndWrite(const Source &exported, std::optional<double> seconds, const QString &outPath,
                                 QString *error, OverlayResult *overlay)
{
    QString message;
    FrameSource source;
    const QString &manifestName = exported.messagePrefix;
    if (!source.open(exported.mediaPath, exported.manifest.mediaType, &message))
        return fail(error, manifestName % QLatin1String("media.file: ") % message);

    double t = 0;
    if (source.isVideo()) {
        t = seconds.value_or(0.0);
        const QString problem = source.timeProblem(t);
        if (!problem.isEmpty())
            return fail(error, manifestName + problem);
    }
    const QImage frame = source.frameAt(t);
    if (frame.isNull())
        return fail(error, source.lastError());
    // The overlay follows the frame's own timestamp, not the requested time:
    // the pose must be the one of the pixels shown.
    const double frameTime = source.timeOfFrame(source.frameIndexAt(t));

    OverlayResult drawn;
    const QImage burned = burnFrame(frame, source.rotation(), exported, frameTime, &drawn);
    if (overlay)
        *overlay = drawn;
    if (!drawn.notice.isEmpty())
        qCInfo(lcRender) << "export-frame:" << drawn.notice;

    // A .jpg or .jpeg name gets JPEG (no alpha; quality 92), any other PNG.
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    const bool jpeg = suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg");
    const auto encode = [&burned, jpeg](QIODevice &device, QString *reason) {
        QImageWriter writer(&device, jpeg ? "jpeg" : "png");
        if (jpeg)
            writer.setQuality(92);
        if (writer.write(jpeg ? burned.convertToFormat(QImage::Format_RGB32) : burned))
            return true;
        *reason = writer.errorString();
        return false;
    };
    if (!OutputFile::write(outPath, encode, &message))
        return fail(error, message);
    return true;
}

} // namespace sl
