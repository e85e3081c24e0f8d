#include "store/workspacecheck.h"

#include "store/assetrepository.h"
#include "store/database.h"
#include "store/mediastore.h"
#include "store/mediacache.h"
#include "store/workspace.h"
#include "store/workspacelock.h"

#include <QFileInfo>

#include <memory>

namespace sl {

WorkspaceCheckReport WorkspaceCheck::run(const QString &directory)
{
    WorkspaceCheckReport report;
    if (!QFileInfo(directory).isDir() || !QFileInfo::exists(directory + QLatin1Char('/') +
                                                            QLatin1String(Workspace::kDatabaseFileName))) {
        report.problems.append(tr("%1 is not a workspace (it has no %2)")
                                   .arg(directory, QLatin1String(Workspace::kDatabaseFileName)));
        return report;
    }
    QString error;
    const std::optional<WorkspaceLock> lock = WorkspaceLock::acquire(directory, &error);
    if (!lock) {
        report.problems.append(error);
        return report;
    }
    const std::unique_ptr<Workspace> workspace = Workspace::open(directory, &error);
    if (!workspace) {
        report.problems.append(error);
        return report;
    }
    try {
        Database &db = workspace->database();
        const QString finding = db.integrityProblem(Database::Check::Full);
        if (!finding.isEmpty()) {
            report.problems.append(Workspace::damagedMessage(workspace->directory(), finding));
            return report;
        }
        const QString searchProblem = workspace->assets().searchIndexProblem();
        if (!searchProblem.isEmpty())
            report.problems.append(tr("the search index does not match the assets (%1)").arg(searchProblem));
        MediaStore &media = workspace->media();
        // What an interrupted import left is collected, as any open does
        // (this one holds the lock itself, so open() could not).
        media.collectUnreferenced();
        Statement rows = db.prepare(
            QStringLiteral("SELECT id, media_path, media_sha256, manifest_path FROM captures ORDER BY id"));
        while (rows.step()) {
            ++report.captures;
            const QString id = rows.columnText(0);
            const QString mediaPath = rows.columnText(1);
            const QString sha256 = rows.columnText(2);
            const QString manifestPath = rows.columnText(3);
            const QString absolute = media.absolutePath(mediaPath);
            if (!absolute.isEmpty() && MediaCache::isCachePath(mediaPath))
                continue; // pulled from the store: fetched when wanted, evicted past the cache's cap
            if (absolute.isEmpty() || !QFileInfo(absolute).isFile()) {
                report.problems.append(tr("capture %1: its media %2 is missing").arg(id, mediaPath));
                continue;
            }
            if (!sha256.isEmpty()) {
                QString reason;
                const QByteArray actual = media.sha256Of(mediaPath, &reason);
                if (actual.isEmpty())
                    report.problems.append(tr("capture %1: its media %2 cannot be read: %3").arg(id, mediaPath, reason));
                else if (QString::fromLatin1(actual) != sha256)
                    report.problems.append(
                        tr("capture %1: its media %2 does not hold the bytes it was stored with").arg(id, mediaPath));
            }
            if (!manifestPath.isEmpty() && !QFileInfo(media.absolutePath(manifestPath)).isFile())
                report.problems.append(tr("capture %1: its manifest file %2 is missing").arg(id, manifestPath));
        }
        for (const QString &file : media.unreferencedFiles())
            report.problems.append(tr("%1 is referenced by no capture").arg(file));
    } catch (const StoreError &e) {
        report.problems.append(e.isDamaged() ? Workspace::damagedMessage(workspace->directory(), e.message())
                                             : e.message());
    }
    return report;
}

} // namespace sl
