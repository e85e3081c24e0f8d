// sightline-cli end to end: the real executable run as a user would.
#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "media/framedecoder.h"
#include "render/frameexporter.h"
#include "store/capturerepository.h"
#include "store/workspace.h"
#include "synthetic/democapturegenerator.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(SIGHTLINE_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(180000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList nonEmptyLines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void version();
    void refusesUnknownCommand();
    void importReportsBadCapturesAndKeepsTheRest();
    void exportFrameBurnsInMarkup();
    void exportFrameErrorsAreOneLine_data();
    void exportFrameErrorsAreOneLine();
    void damagedWorkspaceIsRebuilt();

private:
    QTemporaryDir m_tmp;
    QString m_captures;
    QStringList m_manifests;
};

void TestCli::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_captures = m_tmp.filePath(QStringLiteral("captures"));
    QDir().mkpath(m_captures);
    sl::DemoCaptureGenerator::Options options;
    options.videoCount = 1;
    options.photoCount = 2;
    options.videoSeconds = 2;
    QString error;
    m_manifests = sl::DemoCaptureGenerator::generate(m_captures, {QStringLiteral("2b0c6f43-0000-4000-8000-000000000001")},
                                                     options, &error);
    QVERIFY2(m_manifests.size() == 3, qPrintable(error));
}

void TestCli::version()
{
    const CliRun r = runCli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("sightline-cli")), qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\d+\\.\\d+\\.\\d+"))));
}

void TestCli::refusesUnknownCommand()
{
    const CliRun r = runCli({QStringLiteral("frobnicate")});
    QVERIFY2(r.exitCode > 0, "not a clean nonzero exit");
    QVERIFY2(!r.err.trimmed().isEmpty(), "no reason given on stderr");
}

void TestCli::importReportsBadCapturesAndKeepsTheRest()
{
    // Two bad captures beside the good ones: broken JSON, and a manifest whose media is missing.
    QFile broken(QDir(m_captures).filePath(QStringLiteral("broken.capture.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ \"format\": \"sightline-capture\", ");
    broken.close();
    const sl::ManifestResult read = sl::ManifestReader::readFile(m_manifests.first());
    QVERIFY(std::holds_alternative<sl::CaptureManifest>(read));
    sl::CaptureManifest orphan = std::get<sl::CaptureManifest>(read);
    orphan.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    orphan.mediaFile = QStringLiteral("gone.mp4");
    QFile missing(QDir(m_captures).filePath(QStringLiteral("missing-media.capture.json")));
    QVERIFY(sl::ManifestWriter::writeFile(orphan, missing.fileName()));

    const QString ws = m_tmp.filePath(QStringLiteral("ws"));
    CliRun r = runCli({QStringLiteral("import"), m_captures, QStringLiteral("--workspace"), ws});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("broken.capture.json")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("missing-media.capture.json")), qPrintable(r.err));

    {
        QString error;
        auto workspace = sl::Workspace::open(ws, &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->captures().count(), 3);
    }

    // Importing again replaces, never duplicates, and loses nothing.
    r = runCli({QStringLiteral("import"), m_captures, QStringLiteral("--workspace"), ws});
    QCOMPARE(r.exitCode, 1);
    QString error;
    auto workspace = sl::Workspace::open(ws, &error);
    QVERIFY2(workspace, qPrintable(error));
    QCOMPARE(workspace->captures().count(), 3);
    QFile::remove(broken.fileName());
    QFile::remove(missing.fileName());
}

void TestCli::exportFrameBurnsInMarkup()
{
    QString video;
    sl::CaptureManifest manifest;
    for (const QString &path : m_manifests) {
        const sl::ManifestResult read = sl::ManifestReader::readFile(path);
        QVERIFY2(std::holds_alternative<sl::CaptureManifest>(read), qPrintable(path));
        if (std::get<sl::CaptureManifest>(read).mediaType == sl::MediaType::Video) {
            video = path;
            manifest = std::get<sl::CaptureManifest>(read);
        }
    }
    QVERIFY2(!video.isEmpty(), "no video among the demo captures");

    const QString out = m_tmp.filePath(QStringLiteral("frame.png"));
    const CliRun r = runCli({QStringLiteral("export-frame"), video, QStringLiteral("--time"), QStringLiteral("0.5"),
                             QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage exported = QImage(out).convertToFormat(QImage::Format_RGB888);
    QVERIFY(!exported.isNull());

    // Full decoded size, and the markup is really burned in: many pixels differ from the plain frame.
    sl::FrameDecoder decoder;
    QString error;
    QVERIFY2(decoder.open(QFileInfo(video).dir().filePath(manifest.mediaFile), &error), qPrintable(error));
    const QImage plain = decoder.frameAt(0.5).convertToFormat(QImage::Format_RGB888);
    QCOMPARE(exported.size(), plain.size());
    int changed = 0;
    for (int y = 0; y < plain.height(); ++y)
        for (int x = 0; x < plain.width(); ++x)
            if (exported.pixel(x, y) != plain.pixel(x, y))
                ++changed;
    QVERIFY2(changed > 200, qPrintable(QStringLiteral("only %1 pixels carry markup").arg(changed)));

    // The CLI draws with the same renderer as everything else: identical to the in-process export.
    const QString inProcess = m_tmp.filePath(QStringLiteral("frame-inprocess.png"));
    QVERIFY2(sl::FrameExporter::exportFrame(video, 0.5, inProcess, &error), qPrintable(error));
    QCOMPARE(exported, QImage(inProcess).convertToFormat(QImage::Format_RGB888));
}

void TestCli::exportFrameErrorsAreOneLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mention");
    QTest::newRow("missing manifest") << QStringList{QStringLiteral("export-frame"), QStringLiteral("nowhere.capture.json"),
                                                     QStringLiteral("--out"), QStringLiteral("x.png")}
                                      << QStringLiteral("nowhere.capture.json");
    QTest::newRow("no --out") << QStringList{QStringLiteral("export-frame"), QStringLiteral("a.capture.json")}
                              << QStringLiteral("--out");
    QTest::newRow("bad time") << QStringList{QStringLiteral("export-frame"), QStringLiteral("a.capture.json"),
                                             QStringLiteral("--time"), QStringLiteral("soon"), QStringLiteral("--out"),
                                             QStringLiteral("x.png")}
                              << QStringLiteral("soon");
}

void TestCli::exportFrameErrorsAreOneLine()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mention);
    const CliRun r = runCli(args);
    QVERIFY(r.exitCode > 0);
    const QStringList lines = nonEmptyLines(r.err);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(mention), qPrintable(lines.first()));
}

// A workspace with damaged pages: import refuses it in one line naming the
// fix, check fails, rebuild brings every capture back and check passes.
void TestCli::damagedWorkspaceIsRebuilt()
{
    const QString ws = m_tmp.filePath(QStringLiteral("damaged-ws"));
    CliRun run = runCli({QStringLiteral("demo"), ws, QStringLiteral("--assets"), QStringLiteral("3000"),
                         QStringLiteral("--videos"), QStringLiteral("0"), QStringLiteral("--photos"),
                         QStringLiteral("2")});
    QCOMPARE(run.exitCode, 0);
    run = runCli({QStringLiteral("check"), ws});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    {
        QFile db(ws + QStringLiteral("/sightline.db"));
        QVERIFY(db.open(QIODevice::ReadWrite));
        QVERIFY(db.size() > 64 * 4096);
        QVERIFY(db.seek(16 * 4096));
        QCOMPARE(db.write(QByteArray(32 * 4096, '\x33')), qint64(32 * 4096));
    }
    run = runCli({QStringLiteral("import"), m_captures, QStringLiteral("--workspace"), ws});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(nonEmptyLines(run.err).size(), 1);
    QVERIFY2(run.err.contains(QStringLiteral("sightline-cli rebuild")), qPrintable(run.err));
    QCOMPARE(runCli({QStringLiteral("check"), ws}).exitCode, 1);

    run = runCli({QStringLiteral("rebuild"), ws});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(QStringLiteral("2 capture(s) re-imported")), qPrintable(run.out));
    QVERIFY(!QDir(ws).entryList({QStringLiteral("sightline.db.damaged-*")}, QDir::Files).isEmpty());
    run = runCli({QStringLiteral("check"), ws});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("2 capture(s)")), qPrintable(run.out));
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
