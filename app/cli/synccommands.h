#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QUrl>

namespace sl {

// `sightline-cli sync --url URL --workspace DIR` (push the outbox, then pull
// every table; the token from SIGHTLINE_TOKEN; progress on stderr, a
// one-line summary on stdout) and `sightline-cli outbox --workspace DIR`
// (the edits waiting to be pushed, one per line, tab-separated; `outbox
// resolve SEQ mine|theirs` settles one in conflict).
class SyncCommands
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommands)
public:
    static QList<QCommandLineOption> options();
    static QString usage();
    // Exit code 0 done (conflicts wait for the user and are not failures),
    // 1 a pull or an edit failed, 2 the command line is wrong.
    static int sync(const QCommandLineParser &parser, const QStringList &rest);
    static int outbox(const QCommandLineParser &parser, const QStringList &rest);

    // The Web API root for an environment URL: https://org.crm.dynamics.com
    // gives https://org.crm.dynamics.com/api/data/v9.2/; a URL that already
    // names /api/data/vX.Y/ is kept. Invalid for anything but http(s).
    static QUrl serviceRootOf(const QString &url);
    static constexpr const char *kTokenVariable = "SIGHTLINE_TOKEN";
};

} // namespace sl
