// sightline-cli end to end: the real executable run as a user would.
#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "media/framesource.h"
#include "render/frameexporter.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/workspace.h"
#include "synthetic/democapturegenerator.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include "programrun.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

using sl::test::CliRun;

CliRun runCli(const QStringList &args)
{
    return sl::test::runProgram(QStringLiteral(SIGHTLINE_CLI_PATH), args);
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
    void emptiedDatabaseIsDamageNotANewWorkspace();
    void searchPrintsMatchesBestFirst_data();
    void searchPrintsMatchesBestFirst();
    void searchRefusals_data();
    void searchRefusals();

private:
    QString searchWorkspace();
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
    sl::FrameSource decoder;
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

// A database file emptied (a bad copy, a damaged disk) beside its media:
// check reports the damage and leaves the file as it is (it once made a new,
// empty database in its place); rebuild brings the captures back and says
// nothing could be read from the old file; a rebuild with no old database
// says there was none.
void TestCli::emptiedDatabaseIsDamageNotANewWorkspace()
{
    const QString ws = m_tmp.filePath(QStringLiteral("emptied-ws"));
    CliRun run = runCli({QStringLiteral("demo"), ws, QStringLiteral("--assets"), QStringLiteral("50"),
                         QStringLiteral("--videos"), QStringLiteral("0"), QStringLiteral("--photos"),
                         QStringLiteral("2")});
    QCOMPARE(run.exitCode, 0);
    const QString db = ws + QStringLiteral("/sightline.db");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile(db + suffix).resize(0);
    run = runCli({QStringLiteral("check"), ws});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("database file is empty")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("sightline-cli rebuild")), qPrintable(run.err));
    QCOMPARE(QFileInfo(db).size(), qint64(0));
    run = runCli({QStringLiteral("search"), QStringLiteral("pump"), QStringLiteral("--workspace"), ws});
    QCOMPARE(run.exitCode, 1);

    run = runCli({QStringLiteral("rebuild"), ws});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(QStringLiteral("2 capture(s) re-imported")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Nothing could be read back from the old database.")), qPrintable(run.out));

    QVERIFY(QFile::remove(db));
    QFile::remove(db + QStringLiteral("-wal"));
    QFile::remove(db + QStringLiteral("-shm"));
    run = runCli({QStringLiteral("rebuild"), ws});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(QStringLiteral("There was no old database.")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QStringLiteral("kept as")), qPrintable(run.out));
    QCOMPARE(runCli({QStringLiteral("check"), ws}).exitCode, 0);
}

// A workspace with a few assets for the search command (made once).
QString TestCli::searchWorkspace()
{
    const QString ws = m_tmp.filePath(QStringLiteral("search-ws"));
    if (QFileInfo::exists(ws))
        return ws;
    QString error;
    auto workspace = sl::Workspace::open(ws, &error);
    if (!workspace)
        return {};
    const auto asset = [](const char *id, const char *name, const char *tag, const char *account, const char *category) {
        sl::Asset a;
        a.id = QString::fromLatin1(id);
        a.name = QString::fromUtf8(name);
        a.assetTag = QString::fromLatin1(tag);
        a.accountId = QStringLiteral("acc-") + QString::fromUtf8(account).left(4).toLower();
        a.accountName = QString::fromUtf8(account);
        a.categoryId = QStringLiteral("cat-") + QString::fromUtf8(category).left(4).toLower();
        a.categoryName = QString::fromUtf8(category);
        return a;
    };
    workspace->assets().upsertAssets({
        asset("a1", "Chiller CH-210", "AT-001002", "Contoso Foods", "Chillers"),
        asset("a2", "Condenser fan motor", "AT-001003", "Contoso Foods", "Motors"),
        asset("a3", "Chiller CH-305", "AT-002001", "Fabrikam Ärzte", "Chillers"),
        asset("a4", "Pump P-101", "ver1.1", "Fabrikam Ärzte", "Pumps"),
    });
    return ws;
}

void TestCli::searchPrintsMatchesBestFirst_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("ids"); // in order
    QTest::newRow("words, best first") << QStringList{QStringLiteral("chiller")}
                                       << QStringList{QStringLiteral("a1"), QStringLiteral("a3")};
    QTest::newRow("tag fragment") << QStringList{QStringLiteral("01002")} << QStringList{QStringLiteral("a1")};
    QTest::newRow("serial") << QStringList{QStringLiteral("1.1")} << QStringList{QStringLiteral("a4")};
    QTest::newRow("account, any case") << QStringList{QStringLiteral("chiller"), QStringLiteral("--account"),
                                                      QStringLiteral("fabrikam ärzte")}
                                       << QStringList{QStringLiteral("a3")};
    QTest::newRow("category") << QStringList{QStringLiteral("at"), QStringLiteral("--category"), QStringLiteral("MOTORS")}
                              << QStringList{QStringLiteral("a2")};
    QTest::newRow("limit") << QStringList{QStringLiteral("chiller"), QStringLiteral("--limit"), QStringLiteral("1")}
                           << QStringList{QStringLiteral("a1")};
    QTest::newRow("two words") << QStringList{QStringLiteral("chiller"), QStringLiteral("305")}
                               << QStringList{QStringLiteral("a3")};
    QTest::newRow("nothing") << QStringList{QStringLiteral("zebra")} << QStringList();
}

void TestCli::searchPrintsMatchesBestFirst()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, ids);
    const QString ws = searchWorkspace();
    QVERIFY(!ws.isEmpty());
    const CliRun r = runCli(QStringList{QStringLiteral("search")} + args + QStringList{QStringLiteral("--workspace"), ws});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QStringList got;
    for (const QString &line : nonEmptyLines(r.out)) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), 3);
        got.append(fields.first());
    }
    QCOMPARE(got, ids);
    if (ids.contains(QStringLiteral("a1")))
        QVERIFY(r.out.contains(QStringLiteral("a1\tAT-001002\tChiller CH-210\n")));
}

void TestCli::searchRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown account") << QStringList{QStringLiteral("pump"), QStringLiteral("--account"), QStringLiteral("Nobody")}
                                     << 1 << QStringLiteral("no account is named 'Nobody'");
    QTest::newRow("unknown category") << QStringList{QStringLiteral("pump"), QStringLiteral("--category"), QStringLiteral("Boats")}
                                      << 1 << QStringLiteral("no category is named 'Boats'");
    QTest::newRow("bad limit") << QStringList{QStringLiteral("pump"), QStringLiteral("--limit"), QStringLiteral("many")}
                               << 2 << QStringLiteral("--limit: 'many'");
    QTest::newRow("no query") << QStringList{} << 2 << QStringLiteral("search needs QUERY");
    QTest::newRow("no workspace") << QStringList{QStringLiteral("pump"), QStringLiteral("--workspace"),
                                                 QStringLiteral("/nonexistent/sightline-ws")}
                                  << 1 << QStringLiteral("is not a Sightline workspace");
}

void TestCli::searchRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);
    const QString ws = searchWorkspace();
    QVERIFY(!ws.isEmpty());
    QStringList all = QStringList{QStringLiteral("search")} + args;
    if (!all.contains(QStringLiteral("--workspace")))
        all += QStringList{QStringLiteral("--workspace"), ws};
    const CliRun r = runCli(all);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(nonEmptyLines(r.err).size(), 1);
    QVERIFY2(r.err.contains(reason), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/nonexistent/sightline-ws")));
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
