#include "synccommands.h"

#include "clicommands.h"
#include "common/inputlimits.h"
#include "signin/tokenrelay.h"
#include "storedsignin.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"
#include "sync/syncconflictresolver.h"
#include "sync/syncthread.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>

namespace sl {

namespace {

constexpr int kUsageError = 2;
const QString kUrl = QStringLiteral("url");
const QString kWorkspace = QStringLiteral("workspace");
const QString kIdSweepEvery = QStringLiteral("id-sweep-every");

void progressLine(const QString &line)
{
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

QString oneLine(const QString &text)
{
    QString clean = text;
    for (QChar &c : clean)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    return clean;
}

} // namespace

QList<QCommandLineOption> SyncCommands::options()
{
    return {QCommandLineOption(kUrl, QString(), QStringLiteral("url")),
            QCommandLineOption(kIdSweepEvery, QString(), QStringLiteral("n"))};
}

QString SyncCommands::usage()
{
    return tr("  sync --url URL --workspace DIR  Push the edits made here to the asset store\n"
              "                                (Dataverse), then pull its changes. The access\n"
              "                                token comes from SIGHTLINE_TOKEN, else from the\n"
              "                                sign-in kept by signin. A table the store keeps\n"
              "                                no changes for is polled, which cannot see\n"
              "                                deletions: every Nth sync (--id-sweep-every N,\n"
              "                                default 10) or a day after the last, its ids are\n"
              "                                read whole and the rows deleted there removed.\n"
              "  outbox --workspace DIR        List the edits waiting to be pushed (seq, state,\n"
              "                                record, fields, attempts, last error).\n"
              "  outbox resolve SEQ mine|theirs --workspace DIR\n"
              "                                Settle an edit in conflict: push this workspace's\n"
              "                                values over the store's, or take the store's.\n");
}

QUrl SyncCommands::serviceRootOf(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        || url.host().isEmpty())
        return {};
    static const QRegularExpression kApi(QStringLiteral("/api/data/v\\d+\\.\\d+/?$"));
    QString path = url.path();
    if (!kApi.match(path).hasMatch())
        path = (path.endsWith(QLatin1Char('/')) ? path.chopped(1) : path) + QStringLiteral("/api/data/v9.2/");
    else if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

int SyncCommands::sync(const QCommandLineParser &parser, const QStringList &rest)
{
    if (!rest.isEmpty()) {
        CliCommands::fail(tr("sync takes no arguments besides its options (try --help)"));
        return kUsageError;
    }
    const QString directory = parser.value(kWorkspace);
    if (directory.isEmpty() || parser.value(kUrl).isEmpty()) {
        CliCommands::fail(tr("sync needs --url URL and --workspace DIR"));
        return kUsageError;
    }
    const QUrl root = serviceRootOf(parser.value(kUrl));
    if (!root.isValid()) {
        CliCommands::fail(tr("--url: '%1' is not an http(s) address of an environment").arg(parser.value(kUrl)));
        return kUsageError;
    }
    SyncOptions options;
    if (parser.isSet(kIdSweepEvery)) {
        bool ok = false;
        const int every = parser.value(kIdSweepEvery).toInt(&ok);
        if (!ok || every < 1 || every > limits::kIdSweepEveryPolls) {
            CliCommands::fail(tr("--id-sweep-every: '%1' is not a whole number from 1 to %2")
                                  .arg(parser.value(kIdSweepEvery))
                                  .arg(limits::kIdSweepEveryPolls));
            return kUsageError;
        }
        options.idSweep.everyPolls = every;
    }
    // The token: SIGHTLINE_TOKEN for scripts, else the sign-in kept by `signin`
    // (refreshed here, and again on a 401, through a relay to the sync's thread).
    const QByteArray token = qgetenv(kTokenVariable).trimmed();
    std::unique_ptr<StoredSignIn> stored;
    std::unique_ptr<TokenRelay> relay;
    if (token.isEmpty()) {
        QUrl environment;
        environment.setScheme(root.scheme());
        environment.setHost(root.host());
        environment.setPort(root.port());
        stored = std::make_unique<StoredSignIn>(environment);
        QString error;
        if (!stored->resume(&error)) {
            CliCommands::fail(tr("%1: run sightline-cli signin --url %2 first, or set %3")
                                  .arg(error, environment.toString(), QLatin1String(kTokenVariable)));
            return 1;
        }
        relay = std::make_unique<TokenRelay>(stored->tokens());
    }
    std::unique_ptr<SyncThread> running = relay
                                              ? std::make_unique<SyncThread>(directory, root, relay->factory(), options)
                                              : std::make_unique<SyncThread>(directory, root, token, options);
    SyncThread &thread = *running;
    QEventLoop loop;
    QObject context;
    QObject::connect(&thread, &SyncThread::progress, &context, [](const SyncProgress &progress) {
        if (progress.phase == SyncProgress::Phase::Pushing)
            progressLine(tr("pushed %1 of %2 edits").arg(progress.done).arg(progress.total));
        else if (progress.phase == SyncProgress::Phase::Pulling)
            progressLine(tr("pulling %1: %2 rows").arg(progress.entitySet).arg(progress.done));
    });
    QObject::connect(&thread, &SyncThread::storeBusy, &context, [](int seconds) {
        progressLine(tr("the asset store is busy: waiting %1 s").arg(seconds));
    });
    QObject::connect(&thread, &SyncThread::finished, &loop, &QEventLoop::quit);
    thread.start();
    loop.exec();

    const SyncSummary summary = thread.summary();
    for (const QString &notice : summary.notices)
        progressLine(oneLine(notice));
    for (const QString &error : summary.errors)
        CliCommands::fail(oneLine(error));
    if (summary.signInNeeded)
        CliCommands::fail(relay ? tr("the asset store refused the sign-in: run sightline-cli signin again")
                                : tr("the asset store refused the token in %1").arg(QLatin1String(kTokenVariable)));
    CliCommands::print(summary.line());
    return summary.ok() ? 0 : 1;
}

int SyncCommands::outbox(const QCommandLineParser &parser, const QStringList &rest)
{
    const bool resolving = !rest.isEmpty() && rest.first() == QLatin1String("resolve");
    bool seqOk = false;
    const qint64 seq = resolving && rest.size() == 3 ? rest.at(1).toLongLong(&seqOk) : 0;
    const bool keepMine = resolving && rest.size() == 3 && rest.at(2) == QLatin1String("mine");
    const bool keepTheirs = resolving && rest.size() == 3 && rest.at(2) == QLatin1String("theirs");
    if ((!rest.isEmpty() && !resolving) || (resolving && (!seqOk || (!keepMine && !keepTheirs)))) {
        CliCommands::fail(tr("use: outbox [resolve SEQ mine|theirs] --workspace DIR (try --help)"));
        return kUsageError;
    }
    const QString directory = parser.value(kWorkspace);
    if (directory.isEmpty()) {
        CliCommands::fail(tr("outbox needs --workspace DIR"));
        return kUsageError;
    }
    QString error;
    const std::unique_ptr<Workspace> workspace = Workspace::open(directory, &error);
    if (!workspace) {
        CliCommands::fail(error);
        return 1;
    }
    if (resolving) {
        QString refusal;
        try {
            if (SyncConflictResolver(workspace->database())
                    .resolve(seq, keepMine ? SyncConflictResolver::Keep::Mine : SyncConflictResolver::Keep::Theirs,
                             &refusal))
                return 0;
        } catch (const StoreError &storeError) {
            refusal = storeError.message();
        }
        CliCommands::fail(refusal);
        return 1;
    }
    try {
        // seq, state, entity, id, operation, fields, attempts, last error
        for (const OutboxEntry &entry : workspace->outbox().pending(1'000'000)) {
            CliCommands::print(QStringList{QString::number(entry.seq), enumName(kOutboxStateNames, entry.state),
                                           entry.entity, entry.entityId, entry.operation,
                                           entry.payload.keys().join(QLatin1Char(',')), QString::number(entry.attempts),
                                           oneLine(entry.lastError)}
                                   .join(QLatin1Char('\t')));
        }
    } catch (const StoreError &storeError) {
        CliCommands::fail(storeError.message());
        return 1;
    }
    return 0;
}

} // namespace sl
