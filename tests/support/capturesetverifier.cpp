#include "capturesetverifier.h"

#include "capture/manifestreader.h"

#include "store/capturerepository.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace sl::test {

namespace {

constexpr int kShownProblems = 12;

// Every file below `folder` (hidden ones too, links not followed), by real path.
QSet<QString> filesBelow(const QString &folder)
{
    QSet<QString> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.insert(QFileInfo(it.next()).canonicalFilePath());
    return files;
}

int versionOf(const CaptureManifest &manifest)
{
    for (int version = 1; version <= CaptureSet::kVersions; ++version)
        if (manifest.capturedBy == CaptureSet::versionTag(version))
            return version;
    return 0;
}

// What some media bytes are: "version N of <id>", or "unknown bytes".
QString identify(const QByteArray &bytes, const CaptureSources &sources)
{
    for (auto id = sources.media.cbegin(); id != sources.media.cend(); ++id)
        for (auto version = id->cbegin(); version != id->cend(); ++version)
            if (version.value() == bytes)
                return QStringLiteral("version %1 of %2").arg(version.key()).arg(id.key());
    return QStringLiteral("unknown bytes (%1 bytes)").arg(bytes.size());
}

QStringList storedIds(Workspace &workspace)
{
    QStringList ids;
    Statement query = workspace.database().prepare(QStringLiteral("SELECT id FROM captures ORDER BY id"));
    while (query.step())
        ids.append(query.columnText(0));
    return ids;
}

} // namespace

QString CaptureSetVerifier::Result::summary() const
{
    QString text = QStringLiteral("%1 record(s): %2 of version 1, %3 of version 2; %4 problem(s)")
                       .arg(records)
                       .arg(perVersion[1])
                       .arg(perVersion[2])
                       .arg(problems.size());
    for (const QString &problem : problems.mid(0, kShownProblems))
        text += QStringLiteral("\n  ") + problem;
    if (problems.size() > kShownProblems)
        text += QStringLiteral("\n  ...");
    return text;
}

CaptureSetVerifier::Result CaptureSetVerifier::verify(const QString &workspaceDirectory,
                                                      const CaptureSources &sources, const Options &options)
{
    Result result;
    // The layout Workspace documents: <dir>/media. Checked below once open.
    const QString mediaFolder = QDir(workspaceDirectory).filePath(QStringLiteral("media"));
    const QSet<QString> filesBeforeOpen = filesBelow(mediaFolder);

    QString error;
    const std::unique_ptr<Workspace> workspace = Workspace::open(workspaceDirectory, &error);
    if (!workspace) {
        result.problems.append(QStringLiteral("the workspace does not open: %1").arg(error));
        return result;
    }
    if (QFileInfo(workspace->mediaDirectory()).canonicalFilePath() != QFileInfo(mediaFolder).canonicalFilePath())
        result.problems.append(QStringLiteral("media folder is %1, not %2: the orphan check looked in the wrong place")
                                   .arg(workspace->mediaDirectory(), mediaFolder));

    QSet<QString> referenced;
    QHash<QString, int> seen;
    try {
        for (const QString &id : storedIds(*workspace)) {
            ++result.records;
            if (++seen[id] > 1) {
                result.problems.append(QStringLiteral("%1: stored more than once").arg(id));
                continue;
            }
            const std::optional<CaptureRecord> record = workspace->captures().byId(id);
            if (!record) {
                result.problems.append(QStringLiteral("%1: listed but not readable by id").arg(id));
                continue;
            }
            if (!sources.media.contains(id)) {
                result.problems.append(QStringLiteral("%1: not a capture of the set").arg(id));
                continue;
            }
            const int version = versionOf(record->manifest);
            if (version == 0) {
                result.problems.append(
                    QStringLiteral("%1: manifest names no version (capturedBy \"%2\")").arg(id, record->manifest.capturedBy));
                continue;
            }
            ++result.perVersion[version];
            if (record->manifest.markups.size() != 1 || record->manifest.markups.front().text != CaptureSet::versionTag(version))
                result.problems.append(QStringLiteral("%1: manifest mixes versions (capturedBy %2, markup differs)")
                                           .arg(id, CaptureSet::versionTag(version)));
            if (options.expectedVersion != 0 && version != options.expectedVersion)
                result.problems.append(QStringLiteral("%1: record is version %2, expected %3")
                                           .arg(id)
                                           .arg(version)
                                           .arg(options.expectedVersion));
            // The manifest kept beside the media (for a rebuild) is of the
            // same version and names this media file.
            if (!record->manifestPath.isEmpty()) {
                const QString manifestFile = workspace->absoluteMediaPath(record->manifestPath);
                referenced.insert(QFileInfo(manifestFile).canonicalFilePath());
                const ManifestResult kept = ManifestReader::readFile(manifestFile);
                const auto *keptManifest = std::get_if<CaptureManifest>(&kept);
                if (!keptManifest)
                    result.problems.append(QStringLiteral("%1: its manifest file %2 does not read").arg(id, record->manifestPath));
                else if (versionOf(*keptManifest) != version ||
                         keptManifest->mediaFile != QFileInfo(record->mediaPath).fileName())
                    result.problems.append(QStringLiteral("%1: its manifest file %2 is not the stored version")
                                               .arg(id, record->manifestPath));
            }
            const QString path = workspace->absoluteMediaPath(record->mediaPath);
            QFile media(path);
            if (path.isEmpty() || !media.open(QIODevice::ReadOnly)) {
                result.problems.append(QStringLiteral("%1: media %2 cannot be read").arg(id, record->mediaPath));
                continue;
            }
            referenced.insert(QFileInfo(path).canonicalFilePath());
            const QByteArray bytes = media.readAll();
            if (bytes != sources.mediaOf(id, version))
                result.problems.append(QStringLiteral("%1: record is version %2 but its media %3 holds %4")
                                           .arg(id)
                                           .arg(version)
                                           .arg(record->mediaPath, identify(bytes, sources)));
        }
    } catch (const StoreError &e) {
        result.problems.append(QStringLiteral("the database fails: %1").arg(e.message()));
        return result;
    }

    if (options.requireAll) {
        QStringList missing;
        for (const QString &id : sources.ids)
            if (!seen.contains(id))
                missing.append(id);
        if (!missing.isEmpty())
            result.problems.append(QStringLiteral("%1 capture(s) not stored, e.g. %2")
                                       .arg(missing.size())
                                       .arg(missing.mid(0, 3).join(QStringLiteral(", "))));
    }
    if (options.checkOrphans) {
        const QDir workspaceDir(QFileInfo(workspaceDirectory).canonicalFilePath());
        QStringList orphans;
        for (const QString &file : filesBeforeOpen)
            if (!referenced.contains(file))
                orphans.append(workspaceDir.relativeFilePath(file));
        orphans.sort();
        for (const QString &orphan : std::as_const(orphans))
            result.problems.append(QStringLiteral("orphan file (no record references it): %1").arg(orphan));
    }
    return result;
}

} // namespace sl::test
