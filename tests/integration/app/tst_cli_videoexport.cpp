// `sightline-cli export-video`: a range of a variable-rate clip as MP4 with
// the frames of the range, from a loose manifest and from a workspace;
// progress on stderr; bad input gets one line and a nonzero exit.
#include "capture/manifestwriter.h"
#include "media/framesource.h"
#include "programrun.h"
#include "testclip.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace sl;
using sl::test::CliRun;
using sl::test::TestClip;

class TestCliVideoExport : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void exportsTheRange();
    void exportsAWorkspaceCapture();
    void badInput_data();
    void badInput();

  private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static CliRun cli(const QStringList &arguments)
    {
        return sl::test::runProgram(QStringLiteral(SIGHTLINE_CLI_PATH), arguments);
    }
    // The frames shown in [from, to) by ffprobe's times: first and count.
    std::pair<int, int> rangeOf(double from, double to) const;

    QTemporaryDir m_dir;
    std::vector<double> m_times;
    const QString m_id = QStringLiteral("c0000000-0000-4000-8000-0000000000b1");
};

void TestCliVideoExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("captures")));
    TestClip::Spec spec;
    spec.frames = 75;
    spec.size = {320, 240};
    spec.variableRate = true;
    QString error;
    QVERIFY2(TestClip::write(path(QStringLiteral("captures/clip.mp4")), spec, &error), qPrintable(error));
    m_times = TestClip::probeTimes(path(QStringLiteral("captures/clip.mp4")), &error);
    QVERIFY2(m_times.size() == 75, qPrintable(error));

    CaptureManifest m;
    m.id = m_id;
    m.assetId = QStringLiteral("a8f0f1de-0000-4000-8000-000000000001");
    m.mediaFile = QStringLiteral("clip.mp4");
    m.mediaType = MediaType::Video;
    m.capturedAt = QStringLiteral("2026-03-02T08:30:00Z");
    Markup box;
    box.id = QStringLiteral("d0000000-0000-4000-8000-0000000000b1");
    box.kind = MarkupKind::Rect;
    box.space = MarkupSpace::Image;
    box.imagePoints = {{0.6, 0.05}, {0.9, 0.25}};
    m.markups = {box};
    QVERIFY2(ManifestWriter::writeFile(m, path(QStringLiteral("captures/clip.capture.json")), &error),
             qPrintable(error));
}

std::pair<int, int> TestCliVideoExport::rangeOf(double from, double to) const
{
    const int first = TestClip::frameShownAt(m_times, from);
    int last = TestClip::frameShownAt(m_times, to);
    if (m_times[size_t(last)] >= to)
        --last;
    return {first, last - first + 1};
}

void TestCliVideoExport::exportsTheRange()
{
    const QString out = path(QStringLiteral("range.mp4"));
    const CliRun run = cli({QStringLiteral("export-video"), path(QStringLiteral("captures/clip.capture.json")),
                            QStringLiteral("--from"), QStringLiteral("0.5"), QStringLiteral("--to"),
                            QStringLiteral("1.5"), QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.trimmed(), out);
    const auto [first, count] = rangeOf(0.5, 1.5);
    QVERIFY2(run.err.contains(QStringLiteral("frame %1 of %1").arg(count)), qPrintable(run.err));
    FrameSource exported;
    QString error;
    QVERIFY2(exported.open(out, &error), qPrintable(error));
    QCOMPARE(exported.frameCount(), count);
    QCOMPARE(TestClip::numberOf(exported.frame(0)), first);
    QCOMPARE(TestClip::numberOf(exported.frame(count - 1)), first + count - 1);
    QVERIFY(std::abs(exported.timeOfFrame(count - 1) - (m_times[size_t(first + count - 1)] - m_times[size_t(first)])) <
            2.0 / 90000);
}

void TestCliVideoExport::exportsAWorkspaceCapture()
{
    const QString workspace = path(QStringLiteral("workspace"));
    CliRun run = cli({QStringLiteral("import"), path(QStringLiteral("captures")), QStringLiteral("--workspace"),
                      workspace});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString out = path(QStringLiteral("whole.mp4"));
    run = cli({QStringLiteral("export-video"), m_id, QStringLiteral("--workspace"), workspace, QStringLiteral("--out"),
               out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    FrameSource exported;
    QVERIFY(exported.open(out));
    QCOMPARE(exported.frameCount(), 75);
}

void TestCliVideoExport::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    const QString manifest = path(QStringLiteral("captures/clip.capture.json"));
    const QString out = path(QStringLiteral("bad.mp4"));
    QTest::newRow("past the end") << QStringList{manifest, "--to", "99", "--out", out} << 1 << "outside the video";
    QTest::newRow("empty range") << QStringList{manifest, "--from", "1", "--to", "1", "--out", out} << 1 << "empty";
    QTest::newRow("not a time") << QStringList{manifest, "--from", "soon", "--out", out} << 2 << "--from";
    QTest::newRow("no output") << QStringList{manifest} << 2 << "--out";
    QTest::newRow("no manifest") << QStringList{path(QStringLiteral("none.capture.json")), "--out", out} << 1
                                 << "no such file";
    QTest::newRow("unknown capture") << QStringList{"c0000000-0000-4000-8000-00000000ffff", "--workspace",
                                                    path(QStringLiteral("workspace")), "--out", out}
                                     << 1 << "no such capture";
}

void TestCliVideoExport::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const CliRun run = cli(QStringList{QStringLiteral("export-video")} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY(!QFile::exists(path(QStringLiteral("bad.mp4"))));
}

QTEST_GUILESS_MAIN(TestCliVideoExport)
#include "tst_cli_videoexport.moc"
