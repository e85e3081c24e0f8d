#include "annotation/snapshotmaker.h"

#include "annotation/snapshotmanifest.h"
#include "capture/manifestwriter.h"
#include "common/logging.h"
#include "common/outputfile.h"
#include "editing/capturechanges.h"
#include "editing/changelog.h"
#include "editing/editauthor.h"
#include "importer/captureimporter.h"
#include "media/displayrotation.h"
#include "media/framesource.h"
#include "render/overlayrenderer.h"
#include "store/assetdetails.h"
#include "store/currentmanifest.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QUuid>

#include <cmath>

namespace sl {

namespace {

const QString kMediaName = QStringLiteral("snapshot.png");

SnapshotResult failed(const QString &captureId, const QString &reason)
{
    SnapshotResult result;
    result.error = captureId + QStringLiteral(": ") + reason;
    qCWarning(lcImport).noquote() << "snapshot:" << result.error;
    return result;
}

bool writePng(const QString &path, const QImage &image, QString *error)
{
    return OutputFile::write(
        path,
        [&image](QIODevice &device, QString *reason) {
            QImageWriter writer(&device, "png");
            if (writer.write(image))
                return true;
            *reason = writer.errorString();
            return false;
        },
        error);
}

// The audit line of a snapshot, e.g. "clean snapshot of <id> at 1.250 s (frame 37)".
QString auditText(const SnapshotOrigin &origin)
{
    return QStringLiteral("%1 snapshot of %2 at %3 s (frame %4)")
        .arg(origin.mode == SnapshotMode::Baked ? QStringLiteral("baked") : QStringLiteral("clean"),
             origin.sourceCaptureId)
        .arg(origin.frameTime, 0, 'f', 3)
        .arg(origin.frameIndex);
}

} // namespace

SnapshotResult SnapshotMaker::make(Workspace &workspace, const SnapshotRequest &request)
{
    const QString &sourceId = request.sourceCaptureId;
    std::optional<CaptureOpening> opening;
    try {
        opening = CaptureOpening::read(workspace, sourceId);
    } catch (const StoreError &e) {
        return failed(sourceId, e.message());
    }
    if (!opening)
        return failed(sourceId, tr("no such capture in the workspace"));
    if (opening->mediaPath.isEmpty())
        return failed(sourceId, tr("the stored media path is refused"));
    const CaptureManifest &source = opening->record.manifest;

    // The frame exactly as the player shows it (the one frame source).
    QString message;
    FrameSource frames;
    if (!frames.open(opening->mediaPath, source.mediaType, &message))
        return failed(sourceId, QStringLiteral("media.file: ") + message);
    SnapshotOrigin origin;
    origin.sourceCaptureId = sourceId;
    origin.mode = request.mode;
    if (frames.isVideo()) {
        const double t = request.seconds.value_or(0.0);
        const QString problem = frames.timeProblem(t);
        if (!problem.isEmpty())
            return failed(sourceId, problem);
        origin.frameIndex = frames.frameIndexAt(t);
        if (origin.frameIndex < 0) // not expected once the time is checked; never another frame
            return failed(sourceId, tr("the video ends early, at %1 s; no frame at %2 s")
                                        .arg(frames.index().readableEnd(), 0, 'f', 3)
                                        .arg(t, 0, 'f', 3));
        origin.frameTime = frames.timeOfFrame(origin.frameIndex);
        origin.rotation = frames.rotation();
    }
    QImage pixels = frames.frame(origin.frameIndex);
    if (pixels.isNull())
        return failed(sourceId, frames.lastError());

    if (request.mode == SnapshotMode::Baked) {
        // As the player draws it: in sensor pixels, turned with the frame;
        // redactions are burned in with the rest.
        pixels = DisplayRotation::toDisplay(
            OverlayRenderer::burnIn(DisplayRotation::toSensor(pixels, origin.rotation), source,
                                    opening->worldMarkups, origin.frameTime),
            origin.rotation);
    }

    const QString author = EditAuthor::current(request.author);
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const CaptureManifest manifest =
        SnapshotManifest::make(source, opening->worldMarkups, origin, id, kMediaName, author);

    // A folder of its own, imported like any capture folder.
    QTemporaryDir folder(QDir::temp().filePath(QStringLiteral("sightline-snapshot-XXXXXX")));
    if (!folder.isValid())
        return failed(sourceId, tr("cannot create a temporary folder: %1").arg(folder.errorString()));
    if (!writePng(folder.filePath(kMediaName), pixels, &message))
        return failed(sourceId, message);
    const QString manifestPath = folder.filePath(QStringLiteral("snapshot.capture.json"));
    if (!OutputFile::write(manifestPath, ManifestWriter::toBytes(manifest), &message))
        return failed(sourceId, message);

    CaptureImporter importer(workspace);
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    importer.setWithinCommit([&](Database &db, const CaptureRecord &record) {
        // One entry creating the attachment, carrying the manifest as stored.
        RecordChange change = CaptureChanges::make(record.id);
        change.operation = QStringLiteral("create");
        change.coalescesInto.clear();
        RecordFieldChange manifestField;
        manifestField.key = CaptureChanges::kManifestColumn;
        manifestField.newValue = CurrentManifest::jsonOf(db, record.id).value_or(QString());
        manifestField.audited = false;
        RecordFieldChange made;
        made.key = SnapshotManifest::kField;
        made.newText = auditText(origin);
        made.sent = false;
        change.fields = {manifestField, made};
        ChangeLog(db).record(change, author, at);
    });
    QString importedId;
    message = importer.importManifest(manifestPath, &importedId);
    if (!message.isEmpty())
        return failed(sourceId, message);

    SnapshotResult result;
    result.captureId = importedId;
    result.frameIndex = origin.frameIndex;
    result.frameTime = origin.frameTime;
    qCInfo(lcImport).noquote() << auditText(origin) << "stored as" << importedId;
    return result;
}

} // namespace sl
