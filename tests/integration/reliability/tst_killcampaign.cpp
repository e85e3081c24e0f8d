// kill -9 campaign: an import of several hundred captures killed at 20 points
// (the importer's fault points, first imports and re-imports of version 2
// over version 1). After each kill `sightline-cli check` passes and every
// stored record is whole (its media is its own version's bytes); a re-run
// then stores every capture exactly once, matching its media, with no file
// left over in the media folder (the verifier reads every record and its
// bytes, so no second `check` is run after the re-run: it would cost a CLI
// start per point and find nothing the verifier does not).
#include "captureset.h"
#include "capturesetverifier.h"
#include "clirunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace sl::test;

namespace {

constexpr int kCaptures = 300;

// The importer's fault points, in the order each capture passes them.
const char *const kJournaled = "import.journaled";
const char *const kMediaWritten = "import.media-written";
const char *const kManifestWritten = "import.manifest-written";
const char *const kCommitted = "import.committed";
const char *const kCleaned = "import.cleaned";

bool isAfterCommit(const QString &point)
{
    return point == QLatin1String(kCommitted) || point == QLatin1String(kCleaned);
}

} // namespace

class tst_KillCampaign : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    CaptureSet m_set;
    QString m_template; // a workspace holding version 1 of the whole set
    int m_round = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_set.generate(m_tmp.filePath(QStringLiteral("set")), kCaptures, &error), qPrintable(error));
        m_template = m_tmp.filePath(QStringLiteral("template"));
        QElapsedTimer timer;
        timer.start();
        const CliOutcome import = runCli(importArguments(m_set.folder(1), m_template));
        qInfo("one import of %d captures: %lld ms", kCaptures, timer.elapsed());
        QVERIFY2(import.exitedWith(0), qPrintable(import.describe()));
        const CaptureSetVerifier::Result stored =
            CaptureSetVerifier::verify(m_template, m_set.sources(), {.expectedVersion = 1});
        QVERIFY2(stored.ok(), qPrintable(stored.summary()));
    }

    void killAndRecover_data()
    {
        QTest::addColumn<QString>("point");
        QTest::addColumn<int>("occurrence"); // 1-based arrival at the point that is killed
        QTest::addColumn<bool>("replacing"); // version 2 over a stored version 1, else a first import
        const auto row = [](const char *point, int occurrence, bool replacing) {
            QTest::addRow("%s %s #%d", replacing ? "re-import" : "first import", point, occurrence)
                << QString::fromLatin1(point) << occurrence << replacing;
        };
        // Each point four times, at the first, an early, a middle and the last
        // captures, on a first import and on a replacing one.
        row(kJournaled, 1, false);
        row(kJournaled, 150, false);
        row(kMediaWritten, 37, false);
        row(kMediaWritten, kCaptures, false);
        row(kManifestWritten, 1, false);
        row(kManifestWritten, 150, false);
        row(kCommitted, 1, false);
        row(kCommitted, 299, false);
        row(kCleaned, 37, false);
        row(kCleaned, kCaptures, false);
        row(kJournaled, 37, true);
        row(kJournaled, kCaptures, true);
        row(kMediaWritten, 1, true);
        row(kMediaWritten, 150, true);
        row(kManifestWritten, 37, true);
        row(kManifestWritten, 299, true);
        row(kCommitted, 37, true);
        row(kCommitted, kCaptures, true);
        row(kCleaned, 1, true);
        row(kCleaned, 150, true);
    }

    void killAndRecover()
    {
        QFETCH(QString, point);
        QFETCH(int, occurrence);
        QFETCH(bool, replacing);
        const QString workspace = m_tmp.filePath(QStringLiteral("ws-%1").arg(++m_round));
        if (replacing)
            QVERIFY(copyFolder(m_template, workspace));
        const int version = replacing ? 2 : 1;
        const QString fault = QStringLiteral("%1:%2").arg(point).arg(occurrence);

        // 1. The import really dies at the point, as kill -9 would kill it.
        const CliOutcome killed = runCli(importArguments(m_set.folder(version), workspace), fault);
        QVERIFY2(killed.killedBy(SIGKILL),
                 qPrintable(QStringLiteral("%1 was not killed there: %2").arg(fault, killed.describe())));

        // 2. What is left passes the integrity check...
        const CliOutcome check = runCli(checkArguments(workspace));
        QVERIFY2(check.exitedWith(0), qPrintable(QStringLiteral("check after the kill: ") + check.describe()));

        // ... and holds every capture either old or new, whole; nothing that
        // was stored before is lost. The captures before the killed one are
        // done; the killed one is done when the kill came after its commit.
        const CaptureSetVerifier::Result afterKill = CaptureSetVerifier::verify(
            workspace, m_set.sources(), {.expectedVersion = 0, .requireAll = replacing, .checkOrphans = false});
        QVERIFY2(afterKill.ok(), qPrintable(QStringLiteral("after the kill: ") + afterKill.summary()));
        const int done = afterKill.perVersion[version];
        const int least = isAfterCommit(point) ? occurrence : occurrence - 1;
        QVERIFY2(done >= least && done <= occurrence,
                 qPrintable(QStringLiteral("%1 capture(s) of version %2 stored after a kill at %3")
                                .arg(done)
                                .arg(version)
                                .arg(fault)));

        // 3. A re-run without the fault finishes the job: every capture once,
        // each record matching its media, nothing left over.
        const CliOutcome rerun = runCli(importArguments(m_set.folder(version), workspace));
        QVERIFY2(rerun.exitedWith(0), qPrintable(QStringLiteral("re-run: ") + rerun.describe()));
        const CaptureSetVerifier::Result final = CaptureSetVerifier::verify(
            workspace, m_set.sources(), {.expectedVersion = version, .requireAll = true, .checkOrphans = true});
        QVERIFY2(final.ok(), qPrintable(QStringLiteral("after the re-run: ") + final.summary()));
        QCOMPARE(final.records, kCaptures);
        QDir(workspace).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(tst_KillCampaign)
#include "tst_killcampaign.moc"
