#include "videoexportcommand.h"

#include "clicommands.h"
#include "editing/editauthor.h"
#include "render/videoexporter.h"
#include "store/workspace.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <cstdio>
#include <optional>

namespace sl {

namespace {

constexpr int kUsageError = 2;
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kOut = QStringLiteral("out");
const QString kWorkspace = QStringLiteral("workspace");

// Progress on stderr, one line rewritten in place, at most every 1% or so.
void showProgress(int done, int total)
{
    const int step = std::max(1, total / 100);
    if (done % step != 0 && done != total)
        return;
    std::fprintf(stderr, "\r%s", qPrintable(VideoExportCommand::tr("export-video: frame %1 of %2").arg(done).arg(total)));
    if (done == total)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace

QList<QCommandLineOption> VideoExportCommand::options()
{
    return {QCommandLineOption(kFrom, QString(), QStringLiteral("seconds")),
            QCommandLineOption(kTo, QString(), QStringLiteral("seconds"))};
}

QString VideoExportCommand::usage()
{
    return tr("  export-video MANIFEST [--from S] [--to S] --out FILE.mp4\n"
              "  export-video CAPTURE_ID --workspace DIR [--from S] [--to S] --out FILE.mp4\n"
              "                                Write the video, or the frames shown from --from\n"
              "                                up to --to (seconds), as H.264 MP4 with its markup\n"
              "                                and redactions burned in, each frame at its own\n"
              "                                time. Audio is not carried.\n");
}

int VideoExportCommand::run(const QCommandLineParser &parser, const QStringList &rest)
{
    const bool fromWorkspace = parser.isSet(kWorkspace);
    if (rest.size() != 1) {
        CliCommands::fail(tr("export-video needs one %1 (try --help)")
                              .arg(fromWorkspace ? QStringLiteral("CAPTURE_ID") : QStringLiteral("MANIFEST")));
        return kUsageError;
    }
    const QString out = parser.value(kOut);
    if (out.isEmpty()) {
        CliCommands::fail(tr("export-video needs --out FILE.mp4"));
        return kUsageError;
    }
    VideoExporter::Options options;
    for (const QString &name : {kFrom, kTo}) {
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const double s = parser.value(name).toDouble(&ok);
        if (!ok || !std::isfinite(s) || s < 0) {
            CliCommands::fail(tr("--%1: '%2' is not a time in seconds").arg(name, parser.value(name)));
            return kUsageError;
        }
        (name == kFrom ? options.from : options.to) = s;
    }
    options.progress = showProgress;

    const QString subject = rest.first();
    QString error;
    VideoExporter::Outcome outcome;
    if (fromWorkspace) {
        const std::unique_ptr<Workspace> workspace = Workspace::open(parser.value(kWorkspace), &error);
        if (!workspace) {
            CliCommands::fail(tr("export-video: cannot open the workspace %1: %2")
                                  .arg(QDir::toNativeSeparators(parser.value(kWorkspace)), error));
            return 1;
        }
        outcome = VideoExporter::exportCapture(*workspace, subject, out, options, &error, EditAuthor::current());
    } else {
        if (!QFileInfo::exists(subject)) {
            CliCommands::fail(tr("export-video: %1: no such file").arg(subject));
            return 1;
        }
        outcome = VideoExporter::exportVideo(subject, out, options, &error);
    }
    if (outcome != VideoExporter::Outcome::Done) {
        CliCommands::fail(tr("export-video: %1").arg(error.isEmpty() ? tr("%1: the video could not be exported").arg(subject)
                                                                     : error));
        return 1;
    }
    CliCommands::print(QDir::toNativeSeparators(out));
    return 0;
}

} // namespace sl
