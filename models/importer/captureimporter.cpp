#include "importer/captureimporter.h"

#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "common/faultpoint.h"
#include "common/logging.h"
#include "common/mediapath.h"
#include "media/mediaprobe.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/mediastore.h"
#include "store/workspace.h"
#include "store/workspacelock.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QUuid>

namespace sl {

namespace {

// "<file>: <field>: <reason>" (without the field when there is none), the
// form of a refused manifest's own message.
QString errorLine(const QString &file, const QString &field, const QString &reason)
{
    return ManifestError{file, field, reason}.message();
}

const QString kMediaField = QStringLiteral("media.file");

// A media folder name for a capture id: the canonical form of a UUID, else
// the id made file-system-safe plus a hash of the raw id, so that two ids
// never share a folder.
QString captureFolderName(const QString &captureId)
{
    const QUuid uuid = QUuid::fromString(captureId);
    if (!uuid.isNull())
        return uuid.toString(QUuid::WithoutBraces);
    QString safe;
    for (QChar c : captureId.left(48))
        safe.append(c.isLetterOrNumber() && c.unicode() < 128 ? c : QLatin1Char('_'));
    const QByteArray hash =
        QCryptographicHash::hash(captureId.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return safe + QLatin1Char('-') + QString::fromLatin1(hash);
}

// The suffix a stored media file keeps (players and decoders look at it):
// the source's, lower-case ASCII letters and digits only, else a default.
QString storedSuffix(const QString &fileName, MediaType type)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    bool safe = !suffix.isEmpty() && suffix.size() <= 10;
    for (QChar c : suffix)
        safe = safe && c.unicode() < 128 && c.isLetterOrNumber();
    if (safe)
        return suffix;
    return type == MediaType::Video ? QStringLiteral("mp4") : QStringLiteral("jpg");
}

} // namespace

CaptureImporter::CaptureImporter(Workspace &workspace, const WorkspaceLock *heldLock)
    : m_workspace(workspace), m_heldLock(heldLock)
{
}

ImportReport CaptureImporter::importFolder(const QString &folder)
{
    ImportReport report;
    const QDir root(folder);
    if (!root.exists()) {
        report.errors.append(errorLine(QDir::toNativeSeparators(folder), {}, tr("folder not found")));
        return report;
    }
    QStringList manifests;
    QDirIterator it(folder, {QStringLiteral("*.capture.json")}, QDir::Files | QDir::Readable,
                    QDirIterator::Subdirectories);
    const QString ownMedia = QDir::cleanPath(m_workspace.mediaDirectory());
    while (it.hasNext()) {
        const QString path = it.next();
        // Importing a folder that holds the workspace must not re-import its own media.
        if (!MediaPath::isInside(QDir::cleanPath(QFileInfo(path).absoluteFilePath()), ownMedia))
            manifests.append(path);
    }
    manifests.sort();
    qCInfo(lcImport) << "importing" << manifests.size() << "capture(s) from" << folder;

    // Two manifests claiming one capture id: which one is right cannot be
    // known, so neither is imported (the stored capture, if any, stays).
    QHash<QString, QStringList> byId;
    for (const QString &path : std::as_const(manifests)) {
        const ManifestResult parsed = ManifestReader::readFile(path);
        if (const auto *manifest = std::get_if<CaptureManifest>(&parsed))
            byId[manifest->id].append(root.relativeFilePath(path));
    }

    for (const QString &path : std::as_const(manifests)) {
        const QString displayName = root.relativeFilePath(path);
        const ManifestResult parsed = ManifestReader::readFile(path);
        if (const auto *manifest = std::get_if<CaptureManifest>(&parsed)) {
            const QStringList sharing = byId.value(manifest->id);
            if (sharing.size() > 1) {
                QStringList others = sharing;
                others.removeAll(displayName);
                report.errors.append(errorLine(displayName, QStringLiteral("id"),
                                               tr("capture id \"%1\" is also used by %2; neither was imported")
                                                   .arg(manifest->id, others.join(QStringLiteral(", ")))));
                continue;
            }
        }
        QString id;
        const QString error = importOne(path, displayName, &id);
        if (error.isEmpty())
            report.importedIds.append(id);
        else
            report.errors.append(error);
    }
    return report;
}

QString CaptureImporter::importManifest(const QString &manifestPath, QString *importedId)
{
    return importOne(manifestPath, QFileInfo(manifestPath).fileName(), importedId);
}

QString CaptureImporter::importOne(const QString &manifestPath, const QString &displayName,
                                   QString *importedId)
{
    QString error;
    try {
        error = importChecked(manifestPath, displayName, importedId);
    } catch (const StoreError &e) { // the workspace itself failed (disk full, locked, ...)
        error = errorLine(displayName, {}, tr("cannot be stored: %1").arg(e.message()));
    }
    if (!error.isEmpty())
        qCWarning(lcImport).noquote() << "skipped:" << error;
    return error;
}

QString CaptureImporter::importChecked(const QString &manifestPath, const QString &displayName,
                                       QString *importedId)
{
    // 1. The manifest itself.
    ManifestResult parsed = ManifestReader::readFile(manifestPath);
    if (auto *refusal = std::get_if<ManifestError>(&parsed))
        return errorLine(displayName, refusal->field, refusal->reason);
    const CaptureManifest &manifest = std::get<CaptureManifest>(parsed);

    // 2. Its media, by the one path rule.
    QString reason;
    const QString mediaPath =
        MediaPath::resolve(QFileInfo(manifestPath).absolutePath(), manifest.mediaFile, &reason);
    if (mediaPath.isEmpty())
        return errorLine(displayName, kMediaField, reason);

    // 3. The media decodes as what the manifest says it is (outside the lock:
    // decoding may take a while).
    QFileInfo before(mediaPath);
    before.refresh(); // size and time as they are now, before decoding (QFileInfo caches them)
    before.size();
    const MediaInfo probe = manifest.mediaType == MediaType::Video ? MediaProbe::probeVideo(mediaPath)
                                                                   : MediaProbe::probePhoto(mediaPath);
    if (!probe.ok) {
        // The probe's reason normally names the file already.
        QString why = probe.error.isEmpty() ? tr("unknown error") : probe.error;
        if (!why.contains(before.fileName()))
            why = manifest.mediaFile + QStringLiteral(": ") + why;
        return errorLine(displayName, kMediaField, tr("cannot be decoded: %1").arg(why));
    }

    if (!m_workspace.assets().byId(manifest.assetId))
        qCInfo(lcImport) << "capture" << manifest.id << "refers to asset" << manifest.assetId
                         << "which is not in the workspace yet; importing it anyway";

    // 4. Into the workspace, holding its write lock.
    std::optional<WorkspaceLock> lock;
    if (!m_heldLock) {
        lock = WorkspaceLock::acquire(m_workspace.directory(), &reason);
        if (!lock)
            return errorLine(displayName, {}, tr("cannot be stored: %1").arg(reason));
    }
    const QString error = store(manifest, before, displayName);
    if (!error.isEmpty()) {
        // Whatever was written for it is unreferenced: remove it now.
        try {
            m_workspace.media().collectUnreferenced();
        } catch (const StoreError &e) {
            qCWarning(lcImport).noquote() << "cleaning up after a failed import failed:" << e.message();
        }
        return error;
    }
    if (importedId)
        *importedId = manifest.id;
    return {};
}

QString CaptureImporter::store(const CaptureManifest &source, const QFileInfo &decoded,
                               const QString &displayName)
{
    const QString mediaPath = decoded.absoluteFilePath();
    MediaStore &media = m_workspace.media();
    const QString folder = QStringLiteral("media/") + captureFolderName(source.id);
    const QString suffix = storedSuffix(mediaPath, source.mediaType);
    if (!QDir().mkpath(m_workspace.absoluteMediaPath(folder)))
        return errorLine(displayName, kMediaField,
                         tr("cannot create the folder %1")
                             .arg(QDir::toNativeSeparators(m_workspace.absoluteMediaPath(folder))));

    // Every file is journaled before it is written, so that a crash leaves
    // nothing the next holder of the lock cannot collect.
    const QString temporaryStem =
        folder + QStringLiteral("/.import-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString temporary = temporaryStem + QLatin1Char('.') + suffix;
    const QString temporaryManifest = temporaryStem + QStringLiteral(".capture.json");
    media.journal({temporary, temporaryManifest});
    faultPoint("import.journaled");

    QByteArray sha256;
    QString reason;
    if (!media.copyWithHash(mediaPath, temporary, &sha256, &reason))
        return errorLine(displayName, kMediaField, tr("cannot be copied into the workspace: %1").arg(reason));
    // What was copied must be what was decoded.
    const QFileInfo copied(mediaPath);
    if (copied.size() != decoded.size() || copied.lastModified() != decoded.lastModified())
        return errorLine(displayName, kMediaField, tr("changed while it was being imported; try again"));

    // The stored manifest names its stored media.
    CaptureManifest manifest = source;
    const QString mediaName = QString::fromLatin1(sha256) + QLatin1Char('.') + suffix;
    manifest.mediaFile = mediaName;
    const QByteArray manifestBytes = ManifestWriter::toBytes(manifest);
    const QString mediaTarget = folder + QLatin1Char('/') + mediaName;
    const QString manifestTarget =
        folder + QLatin1Char('/') +
        QString::fromLatin1(QCryptographicHash::hash(manifestBytes, QCryptographicHash::Sha256).toHex()) +
        QStringLiteral(".capture.json");
    media.journal({mediaTarget, manifestTarget});
    // Same name, same bytes: replacing a stored file with it changes nothing.
    if (!media.rename(temporary, mediaTarget, &reason))
        return errorLine(displayName, kMediaField, reason);
    faultPoint("import.media-written");
    if (!media.writeFile(temporaryManifest, manifestBytes, &reason) ||
        !media.rename(temporaryManifest, manifestTarget, &reason))
        return errorLine(displayName, {}, tr("the manifest cannot be stored: %1").arg(reason));
    faultPoint("import.manifest-written");

    CaptureRecord record;
    record.id = manifest.id;
    record.assetId = manifest.assetId;
    record.mediaPath = mediaTarget;
    record.mediaSha256 = QString::fromLatin1(sha256);
    record.manifestPath = manifestTarget;
    record.mediaType = manifest.mediaType;
    record.capturedAt = manifest.capturedAt;
    record.spatialFrame = manifest.spatialFrame;
    record.manifest = manifest;
    {
        Transaction transaction(m_workspace.database());
        QStringList replaced;
        // A re-import replaces the capture but keeps what the reviewer said.
        if (const std::optional<CaptureRecord> existing = m_workspace.captures().byId(manifest.id)) {
            record.reviewStatus = existing->reviewStatus;
            record.reviewNote = existing->reviewNote;
            for (const QString &old : {existing->mediaPath, existing->manifestPath})
                if (!old.isEmpty() && old != mediaTarget && old != manifestTarget)
                    replaced.append(old);
        }
        m_workspace.captures().upsert(record);
        if (m_withinCommit)
            m_withinCommit(m_workspace.database(), record);
        media.journal(replaced); // removed below, after the commit
        transaction.commit();
    }
    faultPoint("import.committed");
    media.collectUnreferenced();
    faultPoint("import.cleaned");
    qCDebug(lcImport) << "imported capture" << manifest.id << "as" << mediaTarget;
    return {};
}

} // namespace sl
