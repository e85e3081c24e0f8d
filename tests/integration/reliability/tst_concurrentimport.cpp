// Four sightline-cli imports at once into one workspace, two of version 1
// and two of version 2 of the same captures, ten rounds: every process
// succeeds, and afterwards each record matches its media bytes, the
// workspace passes `sightline-cli check`, and no file is left over.
#include "captureset.h"
#include "capturesetverifier.h"
#include "clirunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace sl::test;

namespace {

constexpr int kCaptures = 60;
constexpr int kRounds = 10;
constexpr int kProcesses = 4; // alternately version 1 and version 2
constexpr int kTimeoutMs = 300000;

} // namespace

class tst_ConcurrentImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    CaptureSet m_set;
    QString m_template; // a workspace holding version 1 of the set
    int m_round = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_set.generate(m_tmp.filePath(QStringLiteral("set")), kCaptures, &error), qPrintable(error));
        m_template = m_tmp.filePath(QStringLiteral("template"));
        const CliOutcome import = runCli(importArguments(m_set.folder(1), m_template));
        QVERIFY2(import.exitedWith(0), qPrintable(import.describe()));
    }

    // Every round starts from a fresh workspace: odd rounds from an empty
    // one (racing first imports), even rounds from one holding version 1
    // (racing replacements), so that one bad round cannot spoil the next.
    void round_data()
    {
        QTest::addColumn<bool>("startsWithVersion1");
        for (int round = 1; round <= kRounds; ++round)
            QTest::addRow("round %d, %s", round, round % 2 ? "empty workspace" : "version 1 stored") << (round % 2 == 0);
    }

    void round()
    {
        QFETCH(bool, startsWithVersion1);
        const QString workspace = m_tmp.filePath(QStringLiteral("ws-%1").arg(++m_round));
        if (startsWithVersion1)
            QVERIFY(copyFolder(m_template, workspace));

        QElapsedTimer timer;
        timer.start();
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < kProcesses; ++i)
            processes.push_back(startProcess(cliPath(), importArguments(m_set.folder(1 + i % 2), workspace)));
        QStringList failures;
        for (int i = 0; i < kProcesses; ++i) {
            const CliOutcome outcome = finishProcess(*processes[i], kTimeoutMs);
            if (!outcome.exitedWith(0))
                failures.append(QStringLiteral("import %1 (version %2): %3").arg(i + 1).arg(1 + i % 2).arg(outcome.describe()));
        }
        qInfo("%d concurrent imports of %d captures: %lld ms", kProcesses, kCaptures, timer.elapsed());

        // The records first: a mismatch is the worst outcome and is shown even when a process failed too.
        const CaptureSetVerifier::Result stored =
            CaptureSetVerifier::verify(workspace, m_set.sources(), {.expectedVersion = 0});
        QVERIFY2(stored.ok(), qPrintable(stored.summary() + QLatin1Char('\n') + failures.join(QLatin1Char('\n'))));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(stored.records, kCaptures);
        qInfo("stored: %d of version 1, %d of version 2", stored.perVersion[1], stored.perVersion[2]);

        const CliOutcome check = runCli(checkArguments(workspace));
        QVERIFY2(check.exitedWith(0), qPrintable(QStringLiteral("check: ") + check.describe()));
        QDir(workspace).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(tst_ConcurrentImport)
#include "tst_concurrentimport.moc"
