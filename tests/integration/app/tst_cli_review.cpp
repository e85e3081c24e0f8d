// sightline-cli review, run as a user would: the real executable on a real
// workspace; each changed capture is one outbox entry with the attachment's
// columns.
#include "capture/manifestreader.h"
#include "store/auditrepository.h"
#include "store/capturerepository.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

sl::CaptureRecord capture(const QString &id)
{
    const QJsonObject json{{QStringLiteral("format"), QStringLiteral("sightline-capture")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("media"), QJsonObject{{QStringLiteral("file"), QStringLiteral("p.jpg")},
                                                                 {QStringLiteral("type"), QStringLiteral("photo")}}}};
    const sl::ManifestResult parsed = sl::ManifestReader::parse(QJsonDocument(json).toJson(), QStringLiteral("t.capture.json"));
    sl::CaptureRecord record;
    record.manifest = std::get<sl::CaptureManifest>(parsed);
    record.id = id;
    record.mediaPath = QStringLiteral("media/%1/p.jpg").arg(id);
    return record;
}

} // namespace

class TestCliReview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_ws;
    QStringList ws() const { return {QStringLiteral("--workspace"), m_ws}; }
    std::unique_ptr<sl::Workspace> open()
    {
        QString error;
        auto workspace = sl::Workspace::open(m_ws, &error);
        if (!workspace)
            qWarning("%s", qPrintable(error));
        return workspace;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_ws = m_tmp.filePath(QStringLiteral("ws-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
        auto workspace = open();
        QVERIFY(workspace);
        workspace->captures().upsert(capture(QStringLiteral("cap-1")));
        workspace->captures().upsert(capture(QStringLiteral("cap-2")));
    }

    void reviewsSeveralCaptures()
    {
        const CliRun r = runCli(QStringList{"review", "cap-1", "cap-2", "--status", "needs-follow-up", "--note", "Check the seal"} + ws());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("cap-1: needs-follow-up"), QStringLiteral("cap-2: needs-follow-up")}));
        auto workspace = open();
        QVERIFY(workspace);
        QCOMPARE(workspace->captures().byId(QStringLiteral("cap-2"))->reviewStatus, sl::ReviewStatus::NeedsFollowUp);
        const std::vector<sl::OutboxEntry> pending = workspace->outbox().pending(10);
        QCOMPARE(pending.size(), size_t(2));
        for (const sl::OutboxEntry &entry : pending) {
            QCOMPARE(entry.entity, QStringLiteral("capture"));
            QCOMPARE(entry.operation, QStringLiteral("update"));
            QCOMPARE(entry.payload, (QJsonObject{{QStringLiteral("sl_reviewstatus"), QStringLiteral("needs-follow-up")},
                                                 {QStringLiteral("sl_reviewnote"), QStringLiteral("Check the seal")}}));
        }
        const std::vector<sl::AuditEntry> history =
            sl::AuditRepository(workspace->database()).history(QStringLiteral("capture"), QStringLiteral("cap-1"));
        QCOMPARE(history.size(), size_t(2));
        QCOMPARE(history.front().author, QStringLiteral("cli-tester"));

        // The same again: nothing to change, nothing queued.
        const CliRun again = runCli(QStringList{"review", "cap-1", "--status", "needs-follow-up"} + ws());
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QLatin1String("nothing to change")), qPrintable(again.out));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown status") << QStringList{"review", "cap-1", "--status", "fine"} << 2 << "'fine' is not a review status";
        QTest::newRow("no status") << QStringList{"review", "cap-1"} << 2 << "needs --status";
        QTest::newRow("no capture") << QStringList{"review", "--status", "approved"} << 2 << "needs a capture id";
        QTest::newRow("unknown capture") << QStringList{"review", "cap-1", "nope", "--status", "approved"} << 1 << "nope: no such capture";
    }

    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const CliRun r = runCli(args + ws());
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
        auto workspace = open();
        QVERIFY(workspace);
        QCOMPARE(workspace->outbox().count(), 0);
        QCOMPARE(workspace->captures().byId(QStringLiteral("cap-1"))->reviewStatus, sl::ReviewStatus::New);
    }

    void needsWorkspace()
    {
        const CliRun r = runCli({QStringLiteral("review"), QStringLiteral("cap-1"), QStringLiteral("--status"), QStringLiteral("approved")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--workspace")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
