// sightline-cli asset create|set|deactivate|activate and import-assets, run
// as a user would: the real executable on a real workspace.
#include "store/assetrepository.h"
#include "store/auditrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include "programrun.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using sl::test::CliRun;

CliRun runCli(const QStringList &args)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("USER"), QStringLiteral("cli-tester"));
    return sl::test::runProgram(QStringLiteral(SIGHTLINE_CLI_PATH), args, environment, 120000);
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCliAssets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_ws;
    QStringList ws() const { return {QStringLiteral("--workspace"), m_ws}; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_ws = m_tmp.filePath(QStringLiteral("ws"));
        QString error;
        auto workspace = sl::Workspace::open(m_ws, &error);
        QVERIFY2(workspace, qPrintable(error));
        workspace->assets().upsertAccounts({{QStringLiteral("acc-1"), QStringLiteral("Contoso")}});
        workspace->assets().upsertCategories({{QStringLiteral("cat-1"), QStringLiteral("Pumps")}});
    }

    void createSetDeactivate()
    {
        CliRun r = runCli(QStringList{"asset", "create", "name=Pump 7", "account=contoso", "latitude=47.6"} + ws());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString id = r.out.trimmed();
        QCOMPARE(id.size(), 36);

        r = runCli(QStringList{"asset", "set", id, "name=Pump 7b", "longitude=-122.3", "category=Pumps"} + ws());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli(QStringList{"asset", "set", id, "name=Pump 7b"} + ws());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("nothing to change")), qPrintable(r.out));
        r = runCli(QStringList{"asset", "deactivate", id} + ws());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        QString error;
        auto workspace = sl::Workspace::open(m_ws, &error);
        QVERIFY2(workspace, qPrintable(error));
        const std::optional<sl::Asset> asset = workspace->assets().byId(id);
        QVERIFY(asset);
        QCOMPARE(asset->name, QStringLiteral("Pump 7b"));
        QCOMPARE(asset->accountId, QStringLiteral("acc-1"));
        QCOMPARE(asset->categoryId, QStringLiteral("cat-1"));
        QCOMPARE(asset->latitude, 47.6);
        QCOMPARE(asset->longitude, -122.3);
        QCOMPARE(asset->stateCode, 1);
        const std::vector<sl::OutboxEntry> outbox = workspace->outbox().pending(10);
        QCOMPARE(outbox.size(), size_t(2)); // the set coalesced into the queued create
        QCOMPARE(outbox[0].operation, QStringLiteral("create"));
        QCOMPARE(outbox[0].payload.value(QStringLiteral("name")).toString(), QStringLiteral("Pump 7b"));
        QCOMPARE(outbox[1].operation, QStringLiteral("deactivate"));
        const std::vector<sl::AuditEntry> history = sl::AuditRepository(workspace->database()).history(QStringLiteral("asset"), id);
        QCOMPARE(history.size(), size_t(3 + 3 + 1));
        QCOMPARE(history.front().author, QStringLiteral("cli-tester"));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no name") << QStringList{"asset", "create", "tag=T-1"} << 1 << "asset create: Name: required";
        QTest::newRow("latitude out of range") << QStringList{"asset", "create", "name=X", "latitude=91"} << 1
                                               << "asset create: Latitude: 91 is not within -90 to 90 degrees";
        QTest::newRow("unknown field") << QStringList{"asset", "create", "name=X", "colour=red"} << 1
                                       << "asset create: unknown field 'colour'";
        QTest::newRow("unknown account") << QStringList{"asset", "create", "name=X", "account=Nobody"} << 1
                                         << "asset create: Account: \"Nobody\" does not exist";
        QTest::newRow("unknown asset") << QStringList{"asset", "set", "no-such-id", "name=X"} << 1
                                       << "asset set: There is no asset with id no-such-id";
        QTest::newRow("unknown subcommand") << QStringList{"asset", "delete", "x"} << 2 << "asset: unknown subcommand 'delete'";
        QTest::newRow("set without fields") << QStringList{"asset", "set", "x"} << 2 << "asset set needs";
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, reason);
        const CliRun r = runCli(arguments + ws());
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(r.err.startsWith(QLatin1String("sightline-cli: ") + reason), qPrintable(r.err));
    }

    void importAssets()
    {
        const QString csv = m_tmp.filePath(QStringLiteral("assets.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xEF\xBB\xBFName,Account,Parent Asset,Latitude,Comment\r\n"
                   "Line 9,Contoso,,47.1,x\r\n"
                   "Pump 9,Northwind,,,\r\n"
                   "\"Valve, 9\",,Line 9,95,\r\n"
                   "Gauge 9,,line 9,,\r\n");
        file.close();
        const QString report = m_tmp.filePath(QStringLiteral("rejected.csv"));

        CliRun r = runCli(QStringList{"import-assets", csv, "--dry-run", "--out", report} + ws());
        QVERIFY2(r.exitCode == 3, qPrintable(r.err)); // rows rejected: a status a script notices
        QStringList out = lines(r.out);
        QCOMPARE(out.size(), 4);
        QCOMPARE(out[0], QStringLiteral("ignored columns (not in the template): Comment"));
        QVERIFY2(out[1].startsWith(QLatin1String("row 3: Account: \"Northwind\" does not exist")), qPrintable(out[1]));
        QCOMPARE(out[2], QStringLiteral("row 4: Latitude: 95 is not within -90 to 90 degrees"));
        QCOMPARE(out[3], QStringLiteral("2 would import, 2 rejected"));
        QVERIFY(QFile::exists(report));

        int before = 0;
        {
            auto workspace = sl::Workspace::open(m_ws);
            QVERIFY(workspace);
            before = workspace->assets().count();
            QCOMPARE(workspace->database().queryText(QStringLiteral("SELECT count(*) FROM assets WHERE name = 'Gauge 9'")),
                     QStringLiteral("0")); // the dry run wrote nothing
        }
        r = runCli(QStringList{"import-assets", csv} + ws());
        QVERIFY2(r.exitCode == 3, qPrintable(r.err));
        QCOMPARE(lines(r.out).last(), QStringLiteral("2 imported, 2 rejected"));
        {
            auto workspace = sl::Workspace::open(m_ws);
            QVERIFY(workspace);
            QCOMPARE(workspace->assets().count(), before + 2);
        }

        // Every row taken (a child listed before its parent too): status 0.
        const QString clean = m_tmp.filePath(QStringLiteral("clean.csv"));
        QFile cleanFile(clean);
        QVERIFY(cleanFile.open(QIODevice::WriteOnly));
        cleanFile.write("Name,Parent Asset\nImpeller 10,Pump 10\nPump 10,\n");
        cleanFile.close();
        r = runCli(QStringList{"import-assets", clean} + ws());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(lines(r.out).last(), QStringLiteral("2 imported, 0 rejected"));
    }

    void importRefusesAMalformedFile()
    {
        const QString csv = m_tmp.filePath(QStringLiteral("broken.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Name\nPump\n\"Valve\n");
        file.close();
        const CliRun r = runCli(QStringList{"import-assets", csv} + ws());
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(r.err.contains(QLatin1String("broken.csv: line 3: the quoted field")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        const CliRun noWorkspace = runCli({QStringLiteral("import-assets"), csv});
        QCOMPARE(noWorkspace.exitCode, 2);
        QVERIFY2(noWorkspace.err.contains(QLatin1String("--workspace")), qPrintable(noWorkspace.err));
    }
};

QTEST_GUILESS_MAIN(TestCliAssets)
#include "tst_cli_assets.moc"
