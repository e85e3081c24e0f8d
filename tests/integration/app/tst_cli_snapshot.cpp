// sightline-cli snapshot, run as a user would: the real executable on a
// real workspace; the new capture holds the frame shown at the time, and one
// outbox entry creates it.
#include "testclip.h"

#include "capture/manifestwriter.h"
#include "importer/captureimporter.h"
#include "media/framesource.h"
#include "store/assetdetails.h"
#include "store/capturerepository.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"
#include "programrun.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

using sl::test::CliRun;
using sl::test::TestClip;

const QString kVideo = QStringLiteral("c7c7c7c7-0000-4000-8000-000000000001");

CliRun runCli(const QStringList &args)
{
    return sl::test::runProgram(QStringLiteral(SIGHTLINE_CLI_PATH), args, QProcessEnvironment::systemEnvironment(),
                                120000);
}

} // namespace

class TestCliSnapshot : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_ws;
    std::vector<double> m_times;
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
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        TestClip::Spec spec;
        spec.frames = 30;
        spec.fps = 10;
        QString error;
        const QString clip = m_tmp.filePath(QStringLiteral("source/clip.mp4"));
        QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("source"))));
        QVERIFY2(TestClip::write(clip, spec, &error), qPrintable(error));
        m_times = TestClip::probeTimes(clip, &error);
        QVERIFY2(!m_times.empty(), qPrintable(error));
        sl::CaptureManifest manifest;
        manifest.id = kVideo;
        manifest.mediaFile = QStringLiteral("clip.mp4");
        manifest.mediaType = sl::MediaType::Video;
        manifest.capturedAt = QStringLiteral("2026-05-04T09:00:00Z");
        sl::CameraIntrinsics k;
        k.width = 320;
        k.height = 240;
        k.fx = k.fy = 250;
        k.cx = 160;
        k.cy = 120;
        manifest.camera = k;
        manifest.axes = sl::Axes::OpenCV;
        sl::ManifestPose first, last;
        last.t = 2.5;
        last.pose.position = {0.5, 0, 0};
        manifest.poses = {first, last};
        QVERIFY(sl::ManifestWriter::writeFile(manifest, m_tmp.filePath(QStringLiteral("source/clip.capture.json"))));
    }

    void init()
    {
        m_ws = m_tmp.filePath(QStringLiteral("ws-%1-%2")
                                  .arg(QString::fromLatin1(QTest::currentTestFunction()),
                                       QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        auto workspace = open();
        QVERIFY(workspace);
        const sl::ImportReport report = sl::CaptureImporter(*workspace).importFolder(m_tmp.filePath(QStringLiteral("source")));
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
    }

    void snapshotPrintsTheNewCapture_data()
    {
        QTest::addColumn<bool>("bake");
        QTest::newRow("clean") << false;
        QTest::newRow("baked") << true;
    }

    void snapshotPrintsTheNewCapture()
    {
        QFETCH(bool, bake);
        QStringList args{QStringLiteral("snapshot"), kVideo, QStringLiteral("--time"), QStringLiteral("1.23")};
        if (bake)
            args.append(QStringLiteral("--bake"));
        const CliRun r = runCli(args + ws());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString id = r.out.trimmed();
        QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(r.out));

        auto workspace = open();
        QVERIFY(workspace);
        const std::optional<sl::CaptureOpening> shot = sl::CaptureOpening::read(*workspace, id);
        QVERIFY(shot);
        QCOMPARE(shot->record.manifest.mediaType, sl::MediaType::Photo);
        const QJsonObject origin = shot->record.manifest.raw.value(QStringLiteral("snapshot")).toObject();
        QCOMPARE(origin.value(QStringLiteral("sourceCapture")).toString(), kVideo);
        QCOMPARE(origin.value(QStringLiteral("overlay")).toString(), bake ? QStringLiteral("baked") : QStringLiteral("clean"));
        sl::FrameSource stored;
        QVERIFY(stored.open(shot->mediaPath));
        QCOMPARE(TestClip::numberOf(stored.frame(0)), TestClip::frameShownAt(m_times, 1.23));

        const std::vector<sl::OutboxEntry> outbox = sl::OutboxRepository(workspace->database()).pending(10);
        QCOMPARE(outbox.size(), size_t(1));
        QCOMPARE(outbox.front().entityId, id);
        QCOMPARE(outbox.front().operation, QStringLiteral("create"));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("breakMedia");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown capture") << QStringList{"snapshot", "no-such-capture"} << false << 1
                                         << "snapshot: no-such-capture: no such capture in the workspace";
        QTest::newRow("time past the end") << QStringList{"snapshot", kVideo, "--time", "99"} << false << 1
                                           << "is beyond the end of the video";
        QTest::newRow("negative time") << QStringList{"snapshot", kVideo, "--time", "-1"} << false << 1
                                       << "must be 0 or more";
        QTest::newRow("time not a number") << QStringList{"snapshot", kVideo, "--time", "soon"} << false << 2
                                           << "--time: 'soon' is not a time in seconds";
        QTest::newRow("broken media") << QStringList{"snapshot", kVideo, "--time", "1"} << true << 1
                                      << "media.file";
        QTest::newRow("no capture id") << QStringList{"snapshot"} << false << 2 << "snapshot needs one capture id";
    }

    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, breakMedia);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        if (breakMedia) {
            auto workspace = open();
            const std::optional<sl::CaptureRecord> record = workspace->captures().byId(kVideo);
            QVERIFY(record);
            QFile media(workspace->absoluteMediaPath(record->mediaPath));
            QVERIFY(media.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
            QVERIFY(media.open(QIODevice::WriteOnly | QIODevice::Truncate));
            media.write(QByteArray(500, 'x'));
        }
        const CliRun r = runCli(args + ws());
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0); // one line
        QVERIFY(r.out.isEmpty());
        auto workspace = open();
        QCOMPARE(workspace->captures().count(), 1);
        QCOMPARE(sl::OutboxRepository(workspace->database()).count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliSnapshot)
#include "tst_cli_snapshot.moc"
