#include "importer/workspacerebuilder.h"

#include "capture/manifestreader.h"
#include "common/faultpoint.h"
#include "common/logging.h"
#include "common/systemerror.h"
#include "importer/captureimporter.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/workspace.h"
#include "store/workspacelock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace sl {

namespace {

// Tables read back from the old database, parents before children. The
// derived ones (the search index, markup rows filed from manifests) are
// remade instead.
// The sync's own tables come too: without sync_state the next sync would read
// every table whole, without sync_conflicts the conflicts waiting for the user
// would be lost, and without the cache rows the cached media would be
// unknown files.
const char *const kSalvagedTables[] = {"accounts",     "products",       "categories",  "assets",
                                       "spatial_frames", "captures",     "markups",     "outbox",
                                       "audit_log",    "media_journal",  "sync_state",  "sync_conflicts",
                                       "media_cache",  "offline_assets"};

// What is read of a table: all of it, except markups, whose generated column
// is not written and whose imported rows are remade by the re-import (those
// made or edited here are read back: no manifest holds them yet).
QString selectFor(const char *table)
{
    if (qstrcmp(table, "markups") == 0)
        return QStringLiteral("SELECT rid, id, capture_id, frame_id, source_capture, kind, space, geometry, "
                              "style, text, time_from, time_to, author, created_at, modified_at, revision, "
                              "deleted, edited_here, json FROM markups WHERE edited_here = 1");
    return QStringLiteral("SELECT * FROM %1").arg(QLatin1String(table));
}

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

// Whether the old database has `table` (one of an older schema version may
// lack the newer tables: nothing to read back then, and nothing unreadable).
// A schema that does not read counts as having it: the copy says unreadable.
bool hasTable(sqlite3 *db, const char *table)
{
    sqlite3_stmt *query = nullptr;
    int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &query,
                                nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(query, 1, table, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(query);
    sqlite3_finalize(query);
    return rc != SQLITE_DONE; // DONE: read whole, and no such table
}

// Copies the rows of `table` that still read from `from` into `to` (same
// schema version or older: only the columns both have). Stops at the first
// unreadable page; returns the rows copied and sets *complete.
int copyRows(sqlite3 *from, Database &to, const char *table, bool *complete)
{
    *complete = false;
    const QString sql = selectFor(table);
    sqlite3_stmt *select = nullptr;
    if (sqlite3_prepare_v2(from, sql.toUtf8().constData(), -1, &select, nullptr) != SQLITE_OK) {
        sqlite3_finalize(select);
        return 0;
    }
    const int columns = sqlite3_column_count(select);
    QStringList names, marks;
    for (int c = 0; c < columns; ++c) {
        names.append(QString::fromUtf8(sqlite3_column_name(select, c)));
        marks.append(QStringLiteral("?"));
    }
    int copied = 0;
    try {
        Statement insert = to.prepare(QStringLiteral("INSERT OR REPLACE INTO %1(%2) VALUES (%3)")
                                          .arg(QLatin1String(table), names.join(QLatin1Char(',')),
                                               marks.join(QLatin1Char(','))));
        int rc;
        while ((rc = sqlite3_step(select)) == SQLITE_ROW) {
            for (int c = 0; c < columns; ++c) {
                switch (sqlite3_column_type(select, c)) {
                case SQLITE_INTEGER: insert.bind(c + 1, qint64(sqlite3_column_int64(select, c))); break;
                case SQLITE_FLOAT: insert.bind(c + 1, sqlite3_column_double(select, c)); break;
                case SQLITE_NULL: insert.bindNull(c + 1); break;
                case SQLITE_BLOB:
                    insert.bind(c + 1, QByteArray(static_cast<const char *>(sqlite3_column_blob(select, c)),
                                                  sqlite3_column_bytes(select, c)));
                    break;
                default:
                    insert.bind(c + 1, QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(select, c)),
                                                         sqlite3_column_bytes(select, c)));
                }
            }
            try {
                insert.run();
                ++copied;
            } catch (const StoreError &e) { // a row the new schema refuses: skipped
                qCWarning(lcStore).noquote() << "rebuild: a row of" << table << "is skipped:" << e.message();
            }
            insert.reset();
        }
        *complete = rc == SQLITE_DONE;
    } catch (const StoreError &e) {
        qCWarning(lcStore).noquote() << "rebuild: cannot copy" << table << ":" << e.message();
    }
    sqlite3_finalize(select);
    return copied;
}

// The newest manifest file of a capture folder first.
QFileInfoList manifestsNewestFirst(const QString &folder)
{
    return QDir(folder).entryInfoList({QStringLiteral("*.capture.json")}, QDir::Files, QDir::Time);
}

// Gives `path` a second name (a hard link), or moves it where links are not
// possible. A missing file is fine.
bool keepAs(const QString &path, const QString &keptPath, int *err)
{
    if (!QFileInfo::exists(path))
        return true;
    if (::link(native(path).constData(), native(keptPath).constData()) == 0)
        return true;
    if (::rename(native(path).constData(), native(keptPath).constData()) == 0)
        return true;
    *err = errno;
    return false;
}

} // namespace

RebuildReport WorkspaceRebuilder::rebuild(const QString &directory)
{
    RebuildReport report;
    const QString dir = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    if (!QFileInfo(dir + QStringLiteral("/media")).isDir()) {
        report.error = tr("%1 is not a workspace (it has no media folder)").arg(QDir::toNativeSeparators(dir));
        return report;
    }
    QString error;
    const std::optional<WorkspaceLock> lock = WorkspaceLock::acquire(dir, &error);
    if (!lock) {
        report.error = error;
        return report;
    }

    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString oldName = QLatin1String(Workspace::kDatabaseFileName);
    const QString newName = oldName + QStringLiteral(".rebuild-") + stamp;
    const QString oldPath = dir + QLatin1Char('/') + oldName;
    const QString newPath = dir + QLatin1Char('/') + newName;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(newPath + suffix); // a rebuild interrupted within this second

    {
        std::unique_ptr<Workspace> fresh = Workspace::open(dir, newName, &error);
        if (!fresh) {
            report.error = error;
            return report;
        }
        Database &db = fresh->database();

        // 1. What still reads of the old database.
        try {
            const std::unique_ptr<Database> old = Database::open(oldPath, 1000, Database::Access::ReadOnly);
            db.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
            Transaction transaction(db);
            for (const char *table : kSalvagedTables) {
                if (!hasTable(old->handle(), table))
                    continue;
                bool complete = false;
                const int rows = copyRows(old->handle(), db, table, &complete);
                report.salvaged.append(complete ? tr("%1: %2 rows").arg(QLatin1String(table)).arg(rows)
                                                : tr("%1: %2 rows (the rest is unreadable)")
                                                      .arg(QLatin1String(table))
                                                      .arg(rows));
            }
            // The markup of every capture read back, from its stored
            // manifest: a capture from the asset store whose file was never
            // fetched (or was evicted) has no media folder to be re-imported
            // from. The re-import files the others again from their files.
            MarkupRepository(db).fileEveryCapture();
            transaction.commit();
            db.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
            fresh->assets().rebuildSearchIndex();
        } catch (const StoreError &e) {
            report.salvaged.append(tr("nothing could be read from the old database (%1)").arg(e.message()));
            db.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        }
        faultPoint("rebuild.salvaged");

        // 2. Every stored capture, from its newest manifest that imports.
        CaptureImporter importer(*fresh, &*lock);
        const QFileInfoList folders =
            QDir(dir + QStringLiteral("/media")).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &folder : folders) {
            const QFileInfoList manifests = manifestsNewestFirst(folder.absoluteFilePath());
            if (manifests.isEmpty())
                continue; // stored before manifests were kept as files: its salvaged record stays
            QString firstError;
            bool imported = false;
            for (const QFileInfo &manifest : manifests) {
                const QString lineError = importer.importManifest(manifest.absoluteFilePath());
                if (lineError.isEmpty()) {
                    imported = true;
                    break;
                }
                if (firstError.isEmpty())
                    firstError = QStringLiteral("media/%1/%2").arg(folder.fileName(), lineError);
            }
            if (imported)
                ++report.capturesReimported;
            else
                report.captureErrors.append(firstError);
        }
    } // the new database is closed (and checkpointed) here
    faultPoint("rebuild.built");

    // 3. The old database keeps a name of its own, then the new one takes its
    // place: at every moment one of them is whole under a name.
    const QString keptName = oldName + QStringLiteral(".damaged-") + stamp;
    if (QFileInfo::exists(oldPath))
        report.keptAs = keptName; // (no old database: nothing kept)
    const QString keptPath = dir + QLatin1Char('/') + keptName;
    int err = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (!keepAs(oldPath + suffix, keptPath + suffix, &err)) {
            report.error = tr("cannot keep the old database as %1: %2").arg(keptName, SystemError::describe(err));
            return report;
        }
    }
    // Its journal must not be applied to the new database.
    QFile::remove(oldPath + QStringLiteral("-wal"));
    QFile::remove(oldPath + QStringLiteral("-shm"));
    faultPoint("rebuild.kept");
    if (::rename(native(newPath).constData(), native(oldPath).constData()) != 0) {
        report.error = tr("cannot put the new database in place: %1").arg(SystemError::describe(errno));
        return report;
    }
    const int fd = ::open(native(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    report.ok = true;
    return report;
}

} // namespace sl
