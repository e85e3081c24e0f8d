// Two manifests with the same capture id in one import folder: neither is
// imported, each is reported as an error naming the other file (exit 1), the
// rest of the folder is imported, and a stored capture of that id is kept.
#include "captureset.h"
#include "capturesetverifier.h"
#include "clirunner.h"

#include "store/capturerepository.h"
#include "store/workspace.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using namespace sl::test;

namespace {

// The stderr line about a manifest: it starts with the manifest's path.
QString lineAbout(const QString &err, const QString &manifest)
{
    for (const QString &line : err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (line.startsWith(manifest + QLatin1Char(':')))
            return line;
    return {};
}

} // namespace

class tst_DuplicateIds : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_round = 0;

    QString freshPath(const QString &what) { return m_tmp.filePath(QStringLiteral("%1-%2").arg(what).arg(++m_round)); }

    // Writes capture `index` (with `id`) as <folder>/<stem>.*, recording its media in *sources.
    static bool write(const QString &folder, const QString &stem, const QString &id, int index, int version,
                      CaptureSources *sources)
    {
        QString error;
        const QByteArray bytes = CaptureSet::writeCapture(folder, stem, id, index, version, &error);
        if (bytes.isEmpty()) {
            qWarning().noquote() << error;
            return false;
        }
        if (!sources->ids.contains(id))
            sources->ids.append(id);
        sources->media[id].insert(version, bytes);
        return true;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void neitherIsImported_data()
    {
        QTest::addColumn<QString>("first");  // manifest stems, relative to the import folder
        QTest::addColumn<QString>("second");
        QTest::newRow("one folder") << QStringLiteral("a") << QStringLiteral("b");
        QTest::newRow("two sub-folders, same name") << QStringLiteral("site-a/x") << QStringLiteral("site-b/x");
    }

    void neitherIsImported()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        const QString folder = freshPath(QStringLiteral("in"));
        const QString duplicated = CaptureSet::idFor(0), other = CaptureSet::idFor(1);
        CaptureSources sources;
        QVERIFY(write(QFileInfo(QDir(folder).filePath(first)).absolutePath(), QFileInfo(first).fileName(), duplicated, 0, 1, &sources));
        QVERIFY(write(QFileInfo(QDir(folder).filePath(second)).absolutePath(), QFileInfo(second).fileName(), duplicated, 0, 2, &sources));
        QVERIFY(write(folder, QStringLiteral("other"), other, 1, 1, &sources));

        const QString workspace = freshPath(QStringLiteral("ws"));
        const CliOutcome import = runCli(importArguments(folder, workspace));
        QVERIFY2(import.exitedWith(1), qPrintable(import.describe()));
        QVERIFY2(!import.out.contains(QLatin1String("Imported 2 captures")) && !import.out.contains(QLatin1String("Imported 3 captures")),
                 qPrintable(import.out));
        const QString firstManifest = first + QStringLiteral(".capture.json");
        const QString secondManifest = second + QStringLiteral(".capture.json");
        const QString aboutFirst = lineAbout(import.err, firstManifest);
        const QString aboutSecond = lineAbout(import.err, secondManifest);
        QVERIFY2(aboutFirst.contains(secondManifest), qPrintable(import.err));
        QVERIFY2(aboutSecond.contains(firstManifest), qPrintable(import.err));

        // Only the other capture is stored, with its own media.
        const CaptureSetVerifier::Result stored = CaptureSetVerifier::verify(
            workspace, sources, {.expectedVersion = 1, .requireAll = false, .checkOrphans = true});
        QVERIFY2(stored.ok(), qPrintable(stored.summary()));
        QCOMPARE(stored.records, 1);
        auto opened = Workspace::open(workspace);
        QVERIFY(opened);
        QVERIFY(opened->captures().byId(other));
        QVERIFY(!opened->captures().byId(duplicated));
    }

    void storedCaptureIsKept()
    {
        // Version 1 of capture 0 is stored; the folder then brings two version-2 manifests of it.
        CaptureSources sources;
        const QString id = CaptureSet::idFor(0);
        const QString workspace = freshPath(QStringLiteral("ws"));
        const QString before = freshPath(QStringLiteral("v1"));
        QVERIFY(write(before, QStringLiteral("capture"), id, 0, 1, &sources));
        CliOutcome import = runCli(importArguments(before, workspace));
        QVERIFY2(import.exitedWith(0), qPrintable(import.describe()));

        const QString folder = freshPath(QStringLiteral("in"));
        QVERIFY(write(folder, QStringLiteral("a"), id, 0, 2, &sources));
        QVERIFY(write(folder, QStringLiteral("b"), id, 0, 2, &sources));
        import = runCli(importArguments(folder, workspace));
        QVERIFY2(import.exitedWith(1), qPrintable(import.describe()));
        QVERIFY2(lineAbout(import.err, QStringLiteral("a.capture.json")).contains(QLatin1String("b.capture.json")),
                 qPrintable(import.err));
        const CaptureSetVerifier::Result stored =
            CaptureSetVerifier::verify(workspace, sources, {.expectedVersion = 1});
        QVERIFY2(stored.ok(), qPrintable(stored.summary()));
        QCOMPARE(stored.records, 1);
    }

    // Ids that differ only in letter case are the same UUID. Whether they are
    // refused as duplicates or stored as two captures, no record may end up
    // with the other's media or with none.
    void idsDifferingInCaseKeepTheirOwnMedia()
    {
        CaptureSources sources;
        const QString folder = freshPath(QStringLiteral("in"));
        const QString lower = CaptureSet::idFor(0).replace(QLatin1String("c0ffee"), QLatin1String("abcdef"));
        QVERIFY(write(folder, QStringLiteral("a"), lower, 0, 1, &sources));
        QVERIFY(write(folder, QStringLiteral("b"), lower.toUpper(), 1, 1, &sources));
        const QString workspace = freshPath(QStringLiteral("ws"));
        const CliOutcome import = runCli(importArguments(folder, workspace));
        QVERIFY2(import.finished && !import.crashed, qPrintable(import.describe()));
        const CaptureSetVerifier::Result stored =
            CaptureSetVerifier::verify(workspace, sources, {.expectedVersion = 1, .requireAll = false});
        QVERIFY2(stored.ok(), qPrintable(stored.summary()));
        // Refusing both is an error, storing both is a success: the exit code says which.
        QCOMPARE(import.code, stored.records == 2 ? 0 : 1);
    }
};

QTEST_GUILESS_MAIN(tst_DuplicateIds)
#include "tst_duplicateids.moc"
