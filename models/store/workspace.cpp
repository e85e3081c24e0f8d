#include "store/workspace.h"

#include "common/logging.h"
#include "store/assetbulkload.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/mediastore.h"
#include "store/outboxrepository.h"
#include "store/workspacelock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace sl {

struct Workspace::Private
{
    QString directory;
    QString databaseFileName;
    std::unique_ptr<Database> database;
    std::unique_ptr<AssetRepository> assets;
    std::unique_ptr<CaptureRepository> captures;
    std::unique_ptr<OutboxRepository> outbox;
    std::unique_ptr<MediaStore> media;
};

Workspace::Workspace() : d(std::make_unique<Private>()) {}

Workspace::~Workspace()
{
    // Repositories hold references into the database: drop them first.
    d->media.reset();
    d->outbox.reset();
    d->captures.reset();
    d->assets.reset();
    d->database.reset();
}

std::unique_ptr<Workspace> Workspace::open(const QString &directory, QString *error)
{
    return open(directory, QString::fromLatin1(kDatabaseFileName), error);
}

std::unique_ptr<Workspace> Workspace::open(const QString &directory, Check check, QString *error)
{
    return open(directory, QString::fromLatin1(kDatabaseFileName), error, check);
}

std::unique_ptr<Workspace> Workspace::open(const QString &directory, const QString &databaseFileName,
                                           QString *error, Check check)
{
    auto fail = [error](const QString &message) -> std::unique_ptr<Workspace> {
        qCWarning(lcStore).noquote() << message;
        if (error)
            *error = message;
        return nullptr;
    };
    if (directory.isEmpty())
        return fail(tr("No workspace folder given."));
    const QString absolute = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    QDir dir(absolute);
    if (!dir.mkpath(QStringLiteral(".")) || !dir.mkpath(QStringLiteral("media")))
        return fail(tr("Cannot create the workspace folder %1.")
                        .arg(QDir::toNativeSeparators(absolute)));

    std::unique_ptr<Workspace> workspace(new Workspace);
    bool deferred = false;
    workspace->d->directory = absolute;
    workspace->d->databaseFileName = databaseFileName;
    // SQLite takes an empty file for a new database. Beside media, it is a
    // database that lost its content: opening it would make a new, empty one
    // in its place and hide the workspace's captures.
    if (const QFileInfo file(workspace->databasePath()); file.exists() && file.size() == 0 &&
        !QDir(absolute + QStringLiteral("/media")).isEmpty())
        return fail(damagedMessage(absolute, tr("its database file is empty, while its media folder is not")));
    try {
        workspace->d->database = Database::open(workspace->databasePath());
        // Checked before anything is written (migrations included).
        deferred = check == Check::Deferred
            && workspace->d->database->userVersion() == Migrations::latestVersion();
        if (!deferred) {
            const QString finding = workspace->d->database->integrityProblem(Database::Check::Quick);
            if (!finding.isEmpty())
                return fail(damagedMessage(absolute, finding));
            Migrations::run(*workspace->d->database);
            // A first sync killed while it loaded the assets in bulk.
            AssetBulkLoad::repairIfInterrupted(*workspace->d->database);
        }
    } catch (const StoreError &e) {
        if (e.isDamaged())
            return fail(damagedMessage(absolute, e.message()));
        return fail(tr("Cannot open the workspace %1: %2").arg(QDir::toNativeSeparators(absolute), e.message()));
    }
    Database &db = *workspace->d->database;
    workspace->d->assets = std::make_unique<AssetRepository>(db);
    workspace->d->captures = std::make_unique<CaptureRepository>(db);
    workspace->d->outbox = std::make_unique<OutboxRepository>(db);
    workspace->d->media = std::make_unique<MediaStore>(db, absolute);

    // What an interrupted import left behind; skipped while another program
    // writes (its journaled files are its work in progress), and until the
    // file was checked.
    if (deferred) {
        qCDebug(lcStore) << "opened workspace" << absolute << "(check deferred)";
        return workspace;
    }
    if (const std::optional<WorkspaceLock> lock = WorkspaceLock::tryAcquire(absolute)) {
        try {
            workspace->d->media->collectUnreferenced();
        } catch (const StoreError &e) {
            qCWarning(lcStore).noquote() << "collecting unreferenced media failed:" << e.message();
        }
    }
    qCDebug(lcStore) << "opened workspace" << absolute;
    return workspace;
}

QString Workspace::damagedMessage(const QString &directory, const QString &finding)
{
    const QString dir = QDir::toNativeSeparators(directory);
    return tr("The workspace %1 is damaged (%2). Nothing was written to it. Its media and manifests are "
              "intact: \"sightline-cli rebuild %1\" makes a new database from them and keeps the damaged "
              "one beside it.")
        .arg(dir, finding.simplified().left(200));
}

QString Workspace::directory() const
{
    return d->directory;
}

QString Workspace::databasePath() const
{
    return d->directory + QLatin1Char('/') + d->databaseFileName;
}

QString Workspace::mediaDirectory() const
{
    return d->directory + QStringLiteral("/media");
}

QString Workspace::absoluteMediaPath(const QString &relativePath) const
{
    return d->media->absolutePath(relativePath);
}

Database &Workspace::database()
{
    return *d->database;
}

AssetRepository &Workspace::assets()
{
    return *d->assets;
}

CaptureRepository &Workspace::captures()
{
    return *d->captures;
}

OutboxRepository &Workspace::outbox()
{
    return *d->outbox;
}

MediaStore &Workspace::media()
{
    return *d->media;
}

} // namespace sl
