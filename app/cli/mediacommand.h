#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>

namespace sl {

// `sightline-cli media fetch ASSET_ID --url URL --workspace DIR [--cache-mb N]`
// (download the full-size media of an asset's captures into the workspace's
// cache, resuming a cut download; the token from SIGHTLINE_TOKEN; progress
// on stderr, a one-line summary on stdout) and `sightline-cli media offline
// ASSET_ID on|off --workspace DIR` (keep an asset's media available offline:
// never evicted from the cache).
class MediaCommand
{
    Q_DECLARE_TR_FUNCTIONS(MediaCommand)
public:
    static QList<QCommandLineOption> options();
    static QString usage();
    // Exit code 0 done, 1 a download failed, 2 the command line is wrong.
    static int run(const QCommandLineParser &parser, const QStringList &rest);

private:
    static int fetch(const QCommandLineParser &parser, const QString &assetId);
    static int offline(const QCommandLineParser &parser, const QString &assetId, bool keep);
};

} // namespace sl
