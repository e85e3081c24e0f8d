// The reliability harness tested on itself: the capture set is what it claims,
// the verifier catches each kind of damage it exists to catch, and the process
// runner tells a kill from an exit. Without this a harness that always passes
// would look like a store that never fails.
#include "captureset.h"
#include "capturesetverifier.h"
#include "clirunner.h"

#include "capture/manifestreader.h"
#include "store/capturerepository.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace sl;
using namespace sl::test;

namespace {

constexpr int kCaptures = 6;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool overwrite(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_ReliabilityHarness : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    CaptureSet m_set;
    QString m_template; // a workspace holding version 1 of the set
    QString m_workspace;
    int m_round = 0;

    // Where a capture's media is stored in m_workspace.
    QString storedMedia(const QString &id) const
    {
        auto workspace = Workspace::open(m_workspace);
        const std::optional<CaptureRecord> record = workspace ? workspace->captures().byId(id) : std::nullopt;
        return record ? workspace->absoluteMediaPath(record->mediaPath) : QString();
    }

    CaptureSetVerifier::Result verifyVersion1(bool requireAll = true, bool checkOrphans = true) const
    {
        return CaptureSetVerifier::verify(m_workspace, m_set.sources(),
                                          {.expectedVersion = 1, .requireAll = requireAll, .checkOrphans = checkOrphans});
    }

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

    void init()
    {
        m_workspace = m_tmp.filePath(QStringLiteral("ws-%1").arg(++m_round));
        QVERIFY(copyFolder(m_template, m_workspace));
    }

    void captureSetHasTwoDistinctVersions()
    {
        QCOMPARE(m_set.count(), kCaptures);
        for (int index = 0; index < kCaptures; ++index) {
            const QString id = CaptureSet::idFor(index);
            QCOMPARE(m_set.sources().ids.at(index), id);
            QVERIFY(m_set.sources().mediaOf(id, 1) != m_set.sources().mediaOf(id, 2));
            for (int version = 1; version <= CaptureSet::kVersions; ++version) {
                const QString manifestPath = QDir(m_set.folder(version))
                                                 .filePath(QStringLiteral("capture-%1.capture.json")
                                                               .arg(index, 4, 10, QLatin1Char('0')));
                const ManifestResult read = ManifestReader::readFile(manifestPath);
                QVERIFY2(std::holds_alternative<CaptureManifest>(read), qPrintable(manifestPath));
                const CaptureManifest &manifest = std::get<CaptureManifest>(read);
                QCOMPARE(manifest.id, id);
                QCOMPARE(manifest.capturedBy, CaptureSet::versionTag(version));
                const QByteArray media = readAll(QDir(m_set.folder(version)).filePath(manifest.mediaFile));
                QCOMPARE(media, m_set.sources().mediaOf(id, version));
                QVERIFY(media.startsWith("\xFF\xD8")); // a JPEG
            }
        }
    }

    void verifierPassesAnIntactWorkspace()
    {
        const CaptureSetVerifier::Result result = verifyVersion1();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.records, kCaptures);
        QCOMPARE(result.perVersion[1], kCaptures);
    }

    void verifierCatchesSwappedMedia()
    {
        const QString a = storedMedia(CaptureSet::idFor(1)), b = storedMedia(CaptureSet::idFor(4));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QByteArray bytesA = readAll(a), bytesB = readAll(b);
        QVERIFY(overwrite(a, bytesB) && overwrite(b, bytesA));
        const CaptureSetVerifier::Result result = verifyVersion1();
        QCOMPARE(result.problems.size(), 2);
        QVERIFY2(result.problems.join(QLatin1Char('\n')).contains(QStringLiteral("version 1 of ") + CaptureSet::idFor(4)),
                 qPrintable(result.summary()));
    }

    void verifierCatchesTheOtherVersionsMedia()
    {
        const QString id = CaptureSet::idFor(2);
        QVERIFY(overwrite(storedMedia(id), m_set.sources().mediaOf(id, 2)));
        const CaptureSetVerifier::Result result = verifyVersion1();
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().contains(QStringLiteral("version 2 of ") + id), qPrintable(result.summary()));
    }

    void verifierCatchesMissingMedia()
    {
        QVERIFY(QFile::remove(storedMedia(CaptureSet::idFor(0))));
        const CaptureSetVerifier::Result result = verifyVersion1();
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().contains(QLatin1String("cannot be read")), qPrintable(result.summary()));
    }

    void verifierCatchesTheWrongVersion()
    {
        const CaptureSetVerifier::Result result =
            CaptureSetVerifier::verify(m_workspace, m_set.sources(), {.expectedVersion = 2});
        QCOMPARE(result.problems.size(), kCaptures);
        QCOMPARE(result.perVersion[1], kCaptures);
    }

    void verifierCatchesOrphans()
    {
        const QString stray = QDir(m_workspace).filePath(QStringLiteral("media/x/.import-stray.part"));
        QVERIFY(QDir().mkpath(QFileInfo(stray).absolutePath()));
        QVERIFY(overwrite(stray, "half a JPEG"));
        CaptureSetVerifier::Result result = verifyVersion1();
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().contains(QLatin1String("media/x/.import-stray.part")), qPrintable(result.summary()));
        result = verifyVersion1(true, false);
        QVERIFY2(result.ok(), qPrintable(result.summary()));
    }

    void verifierCatchesMissingCaptures()
    {
        // A folder without capture 3, imported into an empty workspace.
        const QString partial = m_tmp.filePath(QStringLiteral("partial-%1").arg(m_round));
        QVERIFY(copyFolder(m_set.folder(1), partial));
        QVERIFY(QFile::remove(QDir(partial).filePath(QStringLiteral("capture-0003.capture.json"))));
        QVERIFY(QFile::remove(QDir(partial).filePath(QStringLiteral("capture-0003.jpg"))));
        m_workspace = m_tmp.filePath(QStringLiteral("empty-%1").arg(m_round));
        const CliOutcome import = runCli(importArguments(partial, m_workspace));
        QVERIFY2(import.exitedWith(0), qPrintable(import.describe()));
        CaptureSetVerifier::Result result = verifyVersion1();
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.first().contains(CaptureSet::idFor(3)), qPrintable(result.summary()));
        result = verifyVersion1(false);
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.records, kCaptures - 1);
    }

    void runnerTellsAKillFromAnExit()
    {
        const QString sh = QStringLiteral("/bin/sh");
        auto process = startProcess(sh, {QStringLiteral("-c"), QStringLiteral("kill -9 $$")});
        CliOutcome outcome = finishProcess(*process, 10000);
        QVERIFY2(outcome.killedBy(SIGKILL), qPrintable(outcome.describe()));
        QVERIFY(!outcome.exitedWith(0) && !outcome.exitedWith(SIGKILL));

        process = startProcess(sh, {QStringLiteral("-c"), QStringLiteral("exit 9")});
        outcome = finishProcess(*process, 10000);
        QVERIFY2(outcome.exitedWith(9), qPrintable(outcome.describe()));
        QVERIFY(!outcome.killedBy(SIGKILL));
    }

    void runnerSetsOnlyTheFaultAskedFor()
    {
        const QString sh = QStringLiteral("/bin/sh");
        const QString probe = QStringLiteral("test \"$SIGHTLINE_FAULT_KILL\" = \"import.committed:3\"");
        auto process = startProcess(sh, {QStringLiteral("-c"), probe}, QStringLiteral("import.committed:3"));
        QVERIFY(finishProcess(*process, 10000).exitedWith(0));
        // An inherited plan never leaks into a run without a fault.
        qputenv("SIGHTLINE_FAULT_KILL", "import.committed:3");
        process = startProcess(sh, {QStringLiteral("-c"), QStringLiteral("test -z \"$SIGHTLINE_FAULT_KILL\"")});
        qunsetenv("SIGHTLINE_FAULT_KILL");
        QVERIFY(finishProcess(*process, 10000).exitedWith(0));
    }
};

QTEST_GUILESS_MAIN(tst_ReliabilityHarness)
#include "tst_reliabilityharness.moc"
