#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>

namespace sl {

// `sightline-cli export-video MANIFEST [--from S] [--to S] --out FILE.mp4`
// and `export-video CAPTURE_ID --workspace DIR ...`: the video (or a range)
// as H.264 MP4 with its markup and redactions burned in, no audio; progress
// on stderr, the written file's path on stdout.
class VideoExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(VideoExportCommand)
public:
    static QList<QCommandLineOption> options();
    static QString usage();
    // Exit code 0 done, 1 the export failed, 2 the command line is wrong.
    static int run(const QCommandLineParser &parser, const QStringList &rest);
};

} // namespace sl
