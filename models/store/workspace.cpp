#include "store/workspace.h"

#include "common/logging.h"
#include "common/relativepath.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/outboxrepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace sl {

struct Workspace::Private
{
    QString directory;
    std::unique_ptr<Database> database;
    std::unique_ptr<AssetRepository> assets;
    std::unique_ptr<CaptureRepository> captures;
    std::unique_ptr<OutboxRepository> outbox;
};

Workspace::Workspace() : d(std::make_unique<Private>()) {}

Workspace::~Workspace()
{
    // Repositories hold references into the database: drop them first.
    d->outbox.reset();
    d->captures.reset();
    d->assets.reset();
    d->database.reset();
}

std::unique_ptr<Workspace> Workspace::open(const QString &directory, QString *error)
{
    auto fail = [error](const QString &message) -> std::unique_ptr<Workspace> {
        qCWarning(lcStore).noquote() << message;
        if (error)
            *error = message;
        return nullptr;
    };
    if (directory.isEmpty())
        return fail(QCoreApplication::translate("sl::Workspace", "No workspace folder given."));
    const QString absolute = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    QDir dir(absolute);
    if (!dir.mkpath(QStringLiteral(".")) || !dir.mkpath(QStringLiteral("media")))
        return fail(QCoreApplication::translate("sl::Workspace", "Cannot create the workspace folder %1.")
                        .arg(QDir::toNativeSeparators(absolute)));

    std::unique_ptr<Workspace> workspace(new Workspace);
    workspace->d->directory = absolute;
    try {
        workspace->d->database = Database::open(workspace->databasePath());
        Migrations::run(*workspace->d->database);
    } catch (const StoreError &e) {
        return fail(QCoreApplication::translate("sl::Workspace", "Cannot open the workspace %1: %2")
                        .arg(QDir::toNativeSeparators(absolute), e.message()));
    }
    Database &db = *workspace->d->database;
    workspace->d->assets = std::make_unique<AssetRepository>(db);
    workspace->d->captures = std::make_unique<CaptureRepository>(db);
    workspace->d->outbox = std::make_unique<OutboxRepository>(db);
    qCDebug(lcStore) << "opened workspace" << absolute;
    return workspace;
}

QString Workspace::directory() const
{
    return d->directory;
}

QString Workspace::databasePath() const
{
    return d->directory + QStringLiteral("/sightline.db");
}

QString Workspace::mediaDirectory() const
{
    return d->directory + QStringLiteral("/media");
}

QString Workspace::absoluteMediaPath(const QString &relativePath) const
{
    // Only paths inside the workspace: an absolute path or one climbing out
    // with ".." gives an empty string.
    if (relativePath.isEmpty() || isAbsoluteOnAnyPlatform(relativePath))
        return {};
    const QString candidate = QDir::cleanPath(
        d->directory + QLatin1Char('/') + QString(relativePath).replace(QLatin1Char('\\'), QLatin1Char('/')));
    if (!candidate.startsWith(d->directory + QLatin1Char('/')))
        return {};
    return candidate;
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

} // namespace sl
