#include "mediacommand.h"

#include "clicommands.h"
#include "synccommands.h"
#include "remote/curltransport.h"
#include "remote/remotelimits.h"
#include "remote/requestrunner.h"
#include "remote/systemclock.h"
#include "remote/tokensource.h"
#include "store/database.h"
#include "store/mediacache.h"
#include "store/workspace.h"
#include "sync/mediafetchjob.h"

#include <QEventLoop>
#include <QUuid>

#include <cstdio>

namespace sl {

namespace {

constexpr int kUsageError = 2;
const QString kCacheMb = QStringLiteral("cache-mb");
const QString kUrl = QStringLiteral("url");
const QString kWorkspace = QStringLiteral("workspace");

} // namespace

QList<QCommandLineOption> MediaCommand::options()
{
    return {QCommandLineOption(kCacheMb, QString(), QStringLiteral("mb"))};
}

QString MediaCommand::usage()
{
    return tr("  media fetch ASSET_ID --url URL --workspace DIR [--cache-mb N]\n"
              "                                Download the full-size photos and videos of an\n"
              "                                asset's captures into the workspace's cache\n"
              "                                (cache/; a cut download resumes; past N MiB,\n"
              "                                default 2048, the least recently used go).\n"
              "  media offline ASSET_ID on|off --workspace DIR\n"
              "                                Keep an asset's media available offline: its\n"
              "                                cached files are never evicted.\n");
}

int MediaCommand::run(const QCommandLineParser &parser, const QStringList &rest)
{
    const bool fetching = rest.size() == 2 && rest.at(0) == QLatin1String("fetch");
    const bool pinning = rest.size() == 3 && rest.at(0) == QLatin1String("offline")
                         && (rest.at(2) == QLatin1String("on") || rest.at(2) == QLatin1String("off"));
    if (!fetching && !pinning) {
        CliCommands::fail(tr("use: media fetch ASSET_ID --url URL --workspace DIR, or media offline ASSET_ID on|off "
                             "--workspace DIR (try --help)"));
        return kUsageError;
    }
    if (QUuid::fromString(rest.at(1)).isNull()) {
        CliCommands::fail(tr("'%1' is not an asset id (a GUID)").arg(rest.at(1)));
        return kUsageError;
    }
    if (parser.value(kWorkspace).isEmpty()) {
        CliCommands::fail(tr("media needs --workspace DIR"));
        return kUsageError;
    }
    return fetching ? fetch(parser, rest.at(1)) : offline(parser, rest.at(1), rest.at(2) == QLatin1String("on"));
}

int MediaCommand::offline(const QCommandLineParser &parser, const QString &assetId, bool keep)
{
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(parser.value(kWorkspace), &error);
    if (!workspace) {
        CliCommands::fail(error);
        return 1;
    }
    try {
        MediaCache(*workspace, limits::kMediaCacheBytes).setKeptOffline(QUuid::fromString(assetId).toString(QUuid::WithoutBraces), keep);
    } catch (const StoreError &storeError) {
        CliCommands::fail(storeError.message());
        return 1;
    }
    return 0;
}

int MediaCommand::fetch(const QCommandLineParser &parser, const QString &assetId)
{
    const QUrl root = SyncCommands::serviceRootOf(parser.value(kUrl));
    if (parser.value(kUrl).isEmpty() || !root.isValid()) {
        CliCommands::fail(tr("--url: '%1' is not an http(s) address of an environment").arg(parser.value(kUrl)));
        return kUsageError;
    }
    qint64 capBytes = limits::kMediaCacheBytes;
    if (parser.isSet(kCacheMb)) {
        bool ok = false;
        const qint64 mb = parser.value(kCacheMb).toLongLong(&ok);
        if (!ok || mb < 1 || mb > 16 * 1024 * 1024) {
            CliCommands::fail(tr("--cache-mb: '%1' is not a size in MiB").arg(parser.value(kCacheMb)));
            return kUsageError;
        }
        capBytes = mb * 1024 * 1024;
    }
    const QByteArray token = qgetenv(SyncCommands::kTokenVariable).trimmed();
    if (token.isEmpty()) {
        CliCommands::fail(tr("no access token: set %1").arg(QLatin1String(SyncCommands::kTokenVariable)));
        return 1;
    }
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(parser.value(kWorkspace), &error);
    if (!workspace) {
        CliCommands::fail(error);
        return 1;
    }
    CurlTransport transport;
    SystemClock clock;
    FixedTokenSource tokens(token);
    RequestRunner runner(transport, clock, tokens, RetryPolicy());
    MediaFetchJob job(runner, *workspace, root, capBytes);
    QEventLoop loop;
    QObject::connect(&job, &MediaFetchJob::progress, [](int done, int total) {
        std::fprintf(stderr, "%s\n", tr("media %1 of %2").arg(done).arg(total).toLocal8Bit().constData());
    });
    bool finished = false;
    QObject::connect(&job, &MediaFetchJob::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    job.start(assetId);
    if (!finished)
        loop.exec();
    const MediaFetchOutcome &outcome = job.outcome();
    for (const QString &line : outcome.errors)
        CliCommands::fail(line);
    CliCommands::print(tr("downloaded %1, already cached %2, evicted %3, failed %4")
                           .arg(outcome.downloaded)
                           .arg(outcome.cached)
                           .arg(outcome.evicted.size())
                           .arg(outcome.errors.size()));
    return outcome.ok() ? 0 : 1;
}

} // namespace sl
