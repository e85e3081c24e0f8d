#include "fakedataverse.h"
#include "programrun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

using namespace sl::test;

// `sightline-cli sync` and `outbox` through the real executable, against the
// fake Dataverse served by this process: exit codes, the one-line summary on
// stdout, progress and reasons on stderr.
class tst_CliSync : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    // Runs the CLI while this thread's event loop keeps serving the fake.
    Run cli(const QStringList &arguments, const QByteArray &token = "test-token")
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("SIGHTLINE_TOKEN"));
        if (!token.isEmpty())
            environment.insert(QStringLiteral("SIGHTLINE_TOKEN"), QString::fromLatin1(token));
        const CliRun ran = runProgramServing(QStringLiteral(SIGHTLINE_CLI_PATH), arguments, environment, 120'000);
        return {ran.exitCode, ran.out, ran.err};
    }

    FakeDataverse m_server;
    QStringList m_ids;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_server.seedLookups(3, 2, 1);
        m_ids = m_server.seedAssets(120);
    }

    void syncPullsThenPushesAnEdit()
    {
        QTemporaryDir dir;
        const QString root = m_server.serviceRoot().toString();
        // The environment's address without the API path works too.
        const QString environment = root.left(root.indexOf(QLatin1String("/api/")));
        Run run = cli({"sync", "--url", environment, "--workspace", dir.path()});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QString("pulled 126, deleted 0, pushed 0, conflicts 0, failed 0\n"));
        QVERIFY2(run.err.contains("pulling msdyn_customerassets: 120 rows"), qPrintable(run.err));

        run = cli({"asset", "set", m_ids[3], "name=From the command line", "--workspace", dir.path()});
        QCOMPARE(run.code, 0);
        run = cli({"outbox", "--workspace", dir.path()});
        QCOMPARE(run.code, 0);
        const QStringList fields = run.out.chopped(1).split('\t'); // the last error is empty
        QCOMPARE(fields.size(), 8);
        QCOMPARE(fields[1], QString("queued"));
        QCOMPARE(fields[3], m_ids[3]);
        QCOMPARE(fields[5], QString("name"));

        run = cli({"sync", "--url", root, "--workspace", dir.path()});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains("pushed 1,"), qPrintable(run.out));
        QCOMPARE(m_server.table().row(m_ids[3]).value("msdyn_name").toString(), QString("From the command line"));
        QCOMPARE(cli({"outbox", "--workspace", dir.path()}).out, QString());
    }

    void conflictIsListedAndSettled()
    {
        QTemporaryDir dir;
        const QString root = m_server.serviceRoot().toString();
        QCOMPARE(cli({"sync", "--url", root, "--workspace", dir.path()}).code, 0);
        QCOMPARE(cli({"asset", "set", m_ids[7], "name=Mine", "--workspace", dir.path()}).code, 0);
        m_server.table().write(m_ids[7], {{"msdyn_name", "Theirs"}});
        Run run = cli({"sync", "--url", root, "--workspace", dir.path()});
        QCOMPARE(run.code, 0); // a conflict waits for the user: not a failure
        QVERIFY2(run.out.contains("conflicts 1"), qPrintable(run.out));
        run = cli({"outbox", "--workspace", dir.path()});
        const QStringList fields = run.out.chopped(1).split('\t');
        QCOMPARE(fields.value(1), QString("conflict"));
        QVERIFY2(fields.value(7).contains("name"), qPrintable(run.out));

        QCOMPARE(cli({"outbox", "resolve", fields[0], "ours", "--workspace", dir.path()}).code, 2);
        QCOMPARE(cli({"outbox", "resolve", "999", "mine", "--workspace", dir.path()}).code, 1);
        QCOMPARE(cli({"outbox", "resolve", fields[0], "mine", "--workspace", dir.path()}).code, 0);
        run = cli({"sync", "--url", root, "--workspace", dir.path()});
        QVERIFY2(run.out.contains("pushed 1,"), qPrintable(run.out));
        QCOMPARE(m_server.table().row(m_ids[7]).value("msdyn_name").toString(), QString("Mine"));
    }

    void failuresExitNonzeroWithOneLine()
    {
        QTemporaryDir dir;
        Run run = cli({"sync", "--url", m_server.serviceRoot().toString(), "--workspace", dir.path()}, QByteArray());
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("SIGHTLINE_TOKEN"), qPrintable(run.err));

        run = cli({"sync", "--url", m_server.serviceRoot().toString(), "--workspace", dir.path()}, "wrong-token");
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("sign in again"), qPrintable(run.err));
        QVERIFY(run.out.startsWith("pulled 0,"));

        run = cli({"sync", "--url", "ftp://example.org", "--workspace", dir.path()});
        QCOMPARE(run.code, 2);
        run = cli({"sync", "--workspace", dir.path()});
        QCOMPARE(run.code, 2);
    }

    void mediaFetchDownloadsIntoTheCache()
    {
        QTemporaryDir dir;
        const QString attachments = QString::fromLatin1(FakeDataverse::kAttachments);
        const QString captureId = QStringLiteral("6f1c2b3a-0000-4000-8000-00000000a001");
        m_server.table(attachments).write(captureId, {{"msdyn_name", "walkround.mp4"},
                                                      {"_msdyn_customerasset_value", m_ids[5]},
                                                      {"msdyn_attachmenttype", 700610001},
                                                      {"msdyn_file_name", "walkround.mp4"}});
        const QByteArray bytes(300'000, 'v');
        m_server.media().setFile(attachments, captureId, "msdyn_file", bytes, "walkround.mp4");
        const QString root = m_server.serviceRoot().toString();
        QCOMPARE(cli({"media", "offline", m_ids[5], "on", "--workspace", dir.path()}).code, 0);
        Run run = cli({"media", "fetch", m_ids[5], "--url", root, "--workspace", dir.path(), "--cache-mb", "1"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out, QString("downloaded 1, already cached 0, evicted 0, failed 0\n"));
        QVERIFY2(run.err.contains("media 1 of 1"), qPrintable(run.err));
        QFile cached(QDir(dir.path()).filePath("cache/" + captureId + ".mp4"));
        QVERIFY(cached.open(QIODevice::ReadOnly));
        QCOMPARE(cached.readAll(), bytes);
        run = cli({"media", "fetch", "not-an-id", "--url", root, "--workspace", dir.path()});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains("not-an-id"), qPrintable(run.err));
    }

    // Last: it deletes a row on the shared server.
    void withoutChangeTrackingDeletionsAreSweptEveryNthSync()
    {
        QTemporaryDir dir;
        const QString root = m_server.serviceRoot().toString();
        m_server.faults().noChangeTracking = true;
        const auto restore = qScopeGuard([this] { m_server.faults().noChangeTracking = false; });
        const QStringList sync{"sync", "--url", root, "--workspace", dir.path(), "--id-sweep-every", "2"};
        Run run = cli(sync);
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.contains("msdyn_customerassets: the asset store has no change tracking for this table; "
                                  "deletions there are not seen"),
                 qPrintable(run.err));

        m_server.table().remove(m_ids[100]);
        run = cli(sync); // the first poll cannot see it
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains("deleted 0,"), qPrintable(run.out));
        run = cli(sync); // the second reads every id
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains("deleted 1,"), qPrintable(run.out));
        QVERIFY2(run.err.contains("(done this time)"), qPrintable(run.err));

        run = cli({"sync", "--url", root, "--workspace", dir.path(), "--id-sweep-every", "0"});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains("--id-sweep-every: '0' is not a whole number from 1 to 1000"), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(tst_CliSync)
#include "tst_cli_sync.moc"
