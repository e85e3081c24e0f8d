#include "importer/captureimporter.h"

#include "capture/manifestreader.h"
#include "common/logging.h"
#include "common/relativepath.h"
#include "media/mediaprobe.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <filesystem>

namespace sl {

namespace {

// "<file>: <field>: <reason>" (without the field when there is none), the
// form of a refused manifest's own message.
QString errorLine(const QString &file, const QString &field, const QString &reason)
{
    return ManifestError{file, field, reason}.message();
}

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

// A file name that is safe on every file system: ASCII letters, digits,
// '-', '_' and single dots; never hidden, never empty.
QString sanitisedFileName(const QString &name, MediaType type)
{
    QString safe;
    for (QChar c : name) {
        const bool keep = (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') ||
                          c == QLatin1Char('_') ||
                          (c == QLatin1Char('.') && !safe.endsWith(QLatin1Char('.')));
        safe.append(keep ? c : QLatin1Char('_'));
    }
    while (safe.startsWith(QLatin1Char('.')))
        safe.remove(0, 1);
    safe = safe.right(120);
    if (safe.isEmpty() || safe == QLatin1String("_"))
        safe = type == MediaType::Video ? QStringLiteral("media.mp4") : QStringLiteral("media.jpg");
    return safe;
}

bool isInside(const QString &path, const QString &folder)
{
    return path.startsWith(folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/'));
}

} // namespace

CaptureImporter::CaptureImporter(Workspace &workspace) : m_workspace(workspace) {}

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
        if (!isInside(QDir::cleanPath(QFileInfo(path).absoluteFilePath()), ownMedia))
            manifests.append(path);
    }
    manifests.sort();
    qCInfo(lcImport) << "importing" << manifests.size() << "capture(s) from" << folder;
    for (const QString &path : std::as_const(manifests)) {
        QString id;
        const QString error = importOne(path, root.relativeFilePath(path), &id);
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
    const QString mediaField = QStringLiteral("media.file");

    // 2. Its media, which must stay inside the manifest's folder.
    const QFileInfo manifestInfo(manifestPath);
    const QString manifestDir = QDir::cleanPath(manifestInfo.absolutePath());
    const QString mediaFile = manifest.mediaFile; // never empty: the reader refuses that
    if (isAbsoluteOnAnyPlatform(mediaFile))
        return errorLine(displayName, mediaField,
                         tr("must be relative to the manifest's folder: \"%1\"").arg(mediaFile));
    const QString mediaPath = QDir::cleanPath(manifestDir + QLatin1Char('/') + mediaFile);
    if (!isInside(mediaPath, manifestDir))
        return errorLine(displayName, mediaField,
                         tr("leads outside the manifest's folder: \"%1\"").arg(mediaFile));
    const QFileInfo mediaInfo(mediaPath);
    if (!mediaInfo.exists())
        return errorLine(displayName, mediaField, tr("file not found: \"%1\"").arg(mediaFile));
    if (!mediaInfo.isFile())
        return errorLine(displayName, mediaField, tr("is not a file: \"%1\"").arg(mediaFile));
    // A symbolic link must not smuggle in a file from elsewhere either.
    const QString canonicalDir = QFileInfo(manifestDir).canonicalFilePath();
    if (!isInside(mediaInfo.canonicalFilePath(), canonicalDir))
        return errorLine(displayName, mediaField,
                         tr("leads outside the manifest's folder: \"%1\"").arg(mediaFile));

    // 3. The media decodes as what the manifest says it is.
    const MediaInfo probe = manifest.mediaType == MediaType::Video ? MediaProbe::probeVideo(mediaPath)
                                                                   : MediaProbe::probePhoto(mediaPath);
    if (!probe.ok) {
        // The probe's reason normally names the file already.
        QString reason = probe.error.isEmpty() ? tr("unknown error") : probe.error;
        if (!reason.contains(mediaInfo.fileName()))
            reason = mediaFile + QStringLiteral(": ") + reason;
        return errorLine(displayName, mediaField, tr("cannot be decoded: %1").arg(reason));
    }

    if (!m_workspace.assets().byId(manifest.assetId))
        qCInfo(lcImport) << "capture" << manifest.id << "refers to asset" << manifest.assetId
                         << "which is not in the workspace yet; importing it anyway";

    // 4. Copy the media into the workspace, then store the record.
    const QString folderName = captureFolderName(manifest.id);
    const QString fileName = sanitisedFileName(mediaInfo.fileName(), manifest.mediaType);
    const QString relativePath = QStringLiteral("media/") + folderName + QLatin1Char('/') + fileName;
    const QString targetDir = m_workspace.mediaDirectory() + QLatin1Char('/') + folderName;
    const QString target = m_workspace.absoluteMediaPath(relativePath);
    if (target.isEmpty() || !QDir().mkpath(targetDir))
        return errorLine(displayName, mediaField,
                         tr("cannot create the folder %1").arg(QDir::toNativeSeparators(targetDir)));

    const bool replacing = QFileInfo::exists(target);
    const QString temporary = targetDir + QStringLiteral("/.import-") +
                              QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".part");
    if (!QFile::copy(mediaPath, temporary)) {
        QFile::remove(temporary);
        return errorLine(displayName, mediaField, tr("cannot copy into the workspace"));
    }
    std::error_code ec;
    std::filesystem::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData(),
                            ec); // replaces atomically
    if (ec) {
        QFile::remove(temporary);
        return errorLine(displayName, mediaField,
                         tr("cannot move into the workspace: %1").arg(QString::fromStdString(ec.message())));
    }

    CaptureRecord record;
    record.id = manifest.id;
    record.assetId = manifest.assetId;
    record.mediaPath = relativePath;
    record.mediaType = manifest.mediaType;
    record.capturedAt = manifest.capturedAt;
    record.spatialFrame = manifest.spatialFrame;
    record.manifest = manifest;
    try {
        // A re-import replaces the capture but keeps what the reviewer said.
        if (const std::optional<CaptureRecord> existing = m_workspace.captures().byId(manifest.id)) {
            record.reviewStatus = existing->reviewStatus;
            record.reviewNote = existing->reviewNote;
        }
        m_workspace.captures().upsert(record);
    } catch (const StoreError &e) {
        if (!replacing)
            QFile::remove(target);
        return errorLine(displayName, {}, tr("cannot be stored: %1").arg(e.message()));
    }

    // Media an earlier import of this capture left under another name.
    const QFileInfoList leftovers = QDir(targetDir).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : leftovers) {
        if (file.fileName() != fileName && !file.fileName().startsWith(QLatin1String(".import-")))
            QFile::remove(file.absoluteFilePath());
    }
    if (importedId)
        *importedId = manifest.id;
    qCDebug(lcImport) << "imported capture" << manifest.id << "as" << relativePath;
    return {};
}

} // namespace sl
