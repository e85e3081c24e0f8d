// How long the demo captures take (run by hand; prints figures):
//   bench_demogeneration [--videos N] [--photos N] [--seconds S]
// Defaults are the demo workspace's: 6 videos of 12 s and 6 photos at 960x540.

#include "synthetic/democapturegenerator.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QThreadPool>

#include <cstdio>

using namespace sl;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("videos"), QStringLiteral("Videos."), QStringLiteral("N"), QStringLiteral("6")});
    parser.addOption(
        {QStringLiteral("photos"), QStringLiteral("Photos."), QStringLiteral("N"), QStringLiteral("6")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("Video length."), QStringLiteral("S"),
                      QStringLiteral("12")});
    parser.process(app);

    DemoCaptureGenerator::Options options;
    options.videoCount = parser.value(QStringLiteral("videos")).toInt();
    options.photoCount = parser.value(QStringLiteral("photos")).toInt();
    options.videoSeconds = parser.value(QStringLiteral("seconds")).toDouble();
    QTemporaryDir dir;
    QString error;
    QElapsedTimer timer;
    timer.start();
    const QStringList manifests = DemoCaptureGenerator::generate(
        dir.path(), {QStringLiteral("asset-a"), QStringLiteral("asset-b"), QStringLiteral("asset-c")},
        options, &error);
    if (manifests.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("%lld captures (%d videos of %.0f s, %d photos, %dx%d) in %.1f s on %d threads\n",
                qlonglong(manifests.size()), options.videoCount, options.videoSeconds, options.photoCount,
                options.size.width(), options.size.height(), timer.elapsed() / 1000.0,
                QThreadPool::globalInstance()->maxThreadCount());
    return 0;
}
