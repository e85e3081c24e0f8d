// sightline-cli: the command-line tool (demo workspace, folder import, frame
// export). Wiring only: argument parsing and exit codes.
#include "assetcommands.h"
#include "clicommands.h"
#include "reviewcommand.h"
#include "snapshotcommand.h"
#include "searchcommand.h"
#include "mediacommand.h"
#include "signincommands.h"
#include "synccommands.h"
#include "videoexportcommand.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

#include <cmath>
#include <cstdio>
#include <cstring>

namespace {

// Exit codes: 0 done, 1 the command failed, 2 the command line is wrong,
// 3 import-assets refused some rows (and imported the others).
constexpr int kUsageError = 2;

bool g_verbose = false;

// Qt's and our own log lines would break the one-line error contract on
// stderr: only shown with --verbose (critical messages always are).
void logHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!g_verbose && type != QtCriticalMsg && type != QtFatalMsg)
        return;
    const char *category = context.category ? context.category : "default";
    std::fprintf(stderr, "%s: %s\n", category, message.toLocal8Bit().constData());
}

bool hasArgument(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], name))
            return true;
    return false;
}

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    static QString usage()
    {
        return tr("Usage: sightline-cli <command> [options]\n"
                  "\n"
                  "Commands:\n"
                  "  demo DIR                      Build the demo workspace in DIR.\n"
                  "      [--assets N] [--videos N] [--photos N] [--video-seconds S]\n"
                  "  import FOLDER --workspace DIR Import every *.capture.json under FOLDER.\n"
                  "  export-frame MANIFEST [--time SECONDS] --out FILE.png\n"
                  "  export-frame CAPTURE_ID --workspace DIR [--time SECONDS] --out FILE.png\n"
                  "                                Write a frame with its markup burned in (from\n"
                  "                                a workspace: the markup the viewer shows).\n"
                  "%4"
                  "  check DIR                     Check a workspace: its database, and every\n"
                  "                                capture's media against its stored hash.\n"
                  "  rebuild DIR                   Make a new database for a damaged workspace\n"
                  "                                from its media folder (the old one is kept).\n"
                  "  asset create name=NAME [field=value...] --workspace DIR\n"
                  "                                Create an asset; prints its id.\n"
                  "  asset set ID field=value... --workspace DIR\n"
                  "                                Change an asset. Fields: name, tag, account,\n"
                  "                                product, category, parent (an id or a name;\n"
                  "                                empty clears it), latitude, longitude.\n"
                  "  asset deactivate|activate ID --workspace DIR\n"
                  "  review CAPTURE_ID... --status STATUS [--note TEXT] --workspace DIR\n"
                  "                                Set the review of captures: new, approved,\n"
                  "                                rejected or needs-follow-up, with a note.\n"
                  "  snapshot CAPTURE_ID [--time SECONDS] [--bake] --workspace DIR\n"
                  "                                Store the frame a video shows at a time (or a\n"
                  "                                photo) as a new capture of the same asset, with\n"
                  "                                its camera, pose and markup (--bake: the overlay\n"
                  "                                burned in); prints the new capture's id.\n"
                  "  import-assets FILE.csv --workspace DIR [--dry-run] [--out REJECTED.csv]\n"
                  "                                Import assets from the Dataverse template's\n"
                  "                                columns; lists rejected rows as \"row N: reason\"\n"
                  "                                (exit status 3 when rows were rejected).\n"
                  "%1"
                  "%2"
                  "%3"
                  "\n"
                  "Options:\n"
                  "  --verbose                     Show log messages on stderr.\n"
                  "  --version                     Show the version.\n"
                  "  --help                        Show this help.\n")
            .arg(sl::SearchCommand::usage(), sl::SyncCommands::usage() + sl::SignInCommands::usage(),
                 sl::MediaCommand::usage(), sl::VideoExportCommand::usage());
    }
};

bool parseCount(const QString &text, int minimum, int maximum, int *value)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < minimum || n > maximum)
        return false;
    *value = n;
    return true;
}

int run(const QStringList &arguments)
{
    using sl::CliCommands;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption version(QStringLiteral("version"), QString());
    const QCommandLineOption verbose(QStringLiteral("verbose"), QString());
    const QCommandLineOption workspace(QStringLiteral("workspace"), QString(), QStringLiteral("dir"));
    const QCommandLineOption time(QStringLiteral("time"), QString(), QStringLiteral("seconds"));
    const QCommandLineOption out(QStringLiteral("out"), QString(), QStringLiteral("file"));
    const QCommandLineOption assets(QStringLiteral("assets"), QString(), QStringLiteral("n"));
    const QCommandLineOption videos(QStringLiteral("videos"), QString(), QStringLiteral("n"));
    const QCommandLineOption photos(QStringLiteral("photos"), QString(), QStringLiteral("n"));
    const QCommandLineOption videoSeconds(QStringLiteral("video-seconds"), QString(), QStringLiteral("s"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QString());
    const QCommandLineOption status(QStringLiteral("status"), QString(), QStringLiteral("status"));
    const QCommandLineOption note(QStringLiteral("note"), QString(), QStringLiteral("text"));
    const QCommandLineOption bake(QStringLiteral("bake"), QString());
    parser.addOptions(
        {help, version, verbose, workspace, time, out, assets, videos, photos, videoSeconds, dryRun, status, note, bake});
    parser.addOptions(sl::SearchCommand::options());
    parser.addOptions(sl::SyncCommands::options());
    parser.addOptions(sl::SignInCommands::options());
    parser.addOptions(sl::MediaCommand::options());
    parser.addOptions(sl::VideoExportCommand::options());

    if (!parser.parse(arguments)) {
        CliCommands::fail(Cli::tr("%1 (try --help)").arg(parser.errorText()));
        return kUsageError;
    }
    if (parser.isSet(help)) {
        std::fputs(Cli::usage().toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (parser.isSet(version)) {
        CliCommands::print(QStringLiteral("sightline-cli %1").arg(QCoreApplication::applicationVersion()));
        return 0;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        CliCommands::fail(Cli::tr("no command given (try --help)"));
        return kUsageError;
    }
    const QString command = positional.first();
    const QStringList rest = positional.mid(1);
    const auto expectOne = [&](const QString &what) {
        if (rest.size() == 1)
            return true;
        CliCommands::fail(rest.isEmpty() ? Cli::tr("%1 needs %2 (try --help)").arg(command, what)
                                         : Cli::tr("%1 takes one %2, not %3 (try --help)")
                                               .arg(command, what)
                                               .arg(rest.size()));
        return false;
    };

    if (command == QLatin1String("demo")) {
        if (!expectOne(QStringLiteral("DIR")))
            return kUsageError;
        sl::DemoWorkspaceBuilder::Options options;
        if (parser.isSet(assets) && !parseCount(parser.value(assets), 1, 10000000, &options.assetCount)) {
            CliCommands::fail(Cli::tr("--assets: '%1' is not a number of assets").arg(parser.value(assets)));
            return kUsageError;
        }
        if (parser.isSet(videos) && !parseCount(parser.value(videos), 0, 1000, &options.videoCount)) {
            CliCommands::fail(Cli::tr("--videos: '%1' is not a number of videos").arg(parser.value(videos)));
            return kUsageError;
        }
        if (parser.isSet(photos) && !parseCount(parser.value(photos), 0, 1000, &options.photoCount)) {
            CliCommands::fail(Cli::tr("--photos: '%1' is not a number of photos").arg(parser.value(photos)));
            return kUsageError;
        }
        if (parser.isSet(videoSeconds)) {
            bool ok = false;
            const double s = parser.value(videoSeconds).toDouble(&ok);
            if (!ok || !std::isfinite(s) || s <= 0 || s > 600) {
                CliCommands::fail(Cli::tr("--video-seconds: '%1' is not a length in seconds (0-600)")
                                      .arg(parser.value(videoSeconds)));
                return kUsageError;
            }
            options.videoSeconds = s;
        }
        return CliCommands::demo(rest.first(), options);
    }

    if (command == QLatin1String("import")) {
        if (!expectOne(QStringLiteral("FOLDER")))
            return kUsageError;
        if (parser.value(workspace).isEmpty()) {
            CliCommands::fail(Cli::tr("import needs --workspace DIR"));
            return kUsageError;
        }
        return CliCommands::importFolder(rest.first(), parser.value(workspace));
    }

    if (command == QLatin1String("export-frame")) {
        if (!expectOne(parser.isSet(workspace) ? QStringLiteral("CAPTURE_ID") : QStringLiteral("MANIFEST")))
            return kUsageError;
        if (parser.value(out).isEmpty()) {
            CliCommands::fail(Cli::tr("export-frame needs --out FILE.png"));
            return kUsageError;
        }
        std::optional<double> seconds;
        if (parser.isSet(time)) {
            bool ok = false;
            const double s = parser.value(time).toDouble(&ok);
            if (!ok || !std::isfinite(s) || s < 0) {
                CliCommands::fail(Cli::tr("--time: '%1' is not a time in seconds").arg(parser.value(time)));
                return kUsageError;
            }
            seconds = s;
        }
        if (parser.isSet(workspace))
            return CliCommands::exportCaptureFrame(rest.first(), parser.value(workspace), seconds, parser.value(out));
        return CliCommands::exportFrame(rest.first(), seconds, parser.value(out));
    }

    if (command == QLatin1String("export-video"))
        return sl::VideoExportCommand::run(parser, rest);

    if (command == QLatin1String("check")) {
        if (!expectOne(QStringLiteral("DIR")))
            return kUsageError;
        return CliCommands::check(rest.first());
    }

    if (command == QLatin1String("rebuild")) {
        if (!expectOne(QStringLiteral("DIR")))
            return kUsageError;
        return CliCommands::rebuild(rest.first());
    }

    if (command == QLatin1String("asset"))
        return sl::AssetCommands::asset(rest, parser.value(workspace));

    if (command == QLatin1String("import-assets")) {
        if (!expectOne(QStringLiteral("FILE.csv")))
            return kUsageError;
        return sl::AssetCommands::importAssets(rest.first(), parser.value(workspace), parser.isSet(dryRun),
                                               parser.value(out));
    }

    if (command == QLatin1String("review"))
        return sl::ReviewCommand::run(rest, parser.value(status), parser.isSet(note), parser.value(note),
                                      parser.value(workspace));

    if (command == QLatin1String("snapshot"))
        return sl::SnapshotCommand::run(rest, parser.value(time), parser.isSet(time), parser.isSet(bake),
                                        parser.value(workspace));

    if (command == QLatin1String("search"))
        return sl::SearchCommand::run(parser, rest);
    if (command == QLatin1String("sync"))
        return sl::SyncCommands::sync(parser, rest);
    if (command == QLatin1String("outbox"))
        return sl::SyncCommands::outbox(parser, rest);
    if (command == QLatin1String("signin"))
        return sl::SignInCommands::signIn(parser, rest);
    if (command == QLatin1String("signout"))
        return sl::SignInCommands::signOut(parser, rest);
    if (command == QLatin1String("media"))
        return sl::MediaCommand::run(parser, rest);

    CliCommands::fail(Cli::tr("unknown command '%1' (try --help)").arg(command));
    return kUsageError;
}

} // namespace

int main(int argc, char **argv)
{
    g_verbose = hasArgument(argc, argv, "--verbose");
    qInstallMessageHandler(logHandler);
    if (g_verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("sightline.*.debug=true"));
    // Text painting needs a platform plugin with fonts, not a display.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sightline-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("sightline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGHTLINE_VERSION));

    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("sightline"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);

    return run(QCoreApplication::arguments());
}
