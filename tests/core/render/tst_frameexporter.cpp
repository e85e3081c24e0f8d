#include "testsupport.h"
#include "capture/manifestwriter.h"
#include "media/framesource.h"
#include "render/frameexporter.h"
#include "annotation/markupeditor.h"
#include "importer/captureimporter.h"
#include "store/assetdetails.h"
#include "store/auditrepository.h"
#include "store/capturerepository.h"
#include "store/workspace.h"

#include <QCryptographicHash>

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace sl;

// export-frame: manifest + media -> PNG with the markup burned in, or a
// one-line reason.
class TestFrameExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void photoShowsWorldMarkupOfItsSpatialFrame();
    void videoFrameAtTime();
    void defaultTimeIsFirstFrame();
    void errors_data();
    void errors();
    void mediaPathRule_data();
    void mediaPathRule();
    void mediaThroughALinkInsideTheFolder();
    void siblingBreakingThePathRuleLendsNoMarkup();
    void refusesOutputThatIsNotAFile_data();
    void refusesOutputThatIsNotAFile();
    void replacesAnExistingOutputWhole();
    void workspaceExportShowsWhatTheViewerShows();
    void redactedExportRecordsTheOriginalsHash();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    CaptureManifest manifest(const QString &id, MediaType type, const QString &media) const;
    bool write(const CaptureManifest &m, const QString &name) const;

    QTemporaryDir m_dir;
    static constexpr int kFrames = 20;
    static constexpr double kFps = 10;
};

CaptureManifest TestFrameExporter::manifest(const QString &id, MediaType type, const QString &media) const
{
    CaptureManifest m;
    m.id = id;
    m.assetId = QStringLiteral("a8f0f1de-0000-4000-8000-000000000001");
    m.mediaFile = media;
    m.mediaType = type;
    m.capturedAt = QStringLiteral("2026-03-02T08:30:00Z");
    m.spatialFrame = QStringLiteral("5a3d61e4-0000-4000-8000-0000000000f1");
    CameraIntrinsics k;
    k.width = 320;
    k.height = 180;
    k.fx = k.fy = 260;
    k.cx = 159.5;
    k.cy = 89.5;
    m.camera = k;
    m.axes = Axes::OpenCV;
    ManifestPose p; // identity: at the origin looking along +z
    m.poses = {p};
    if (type == MediaType::Video) {
        ManifestPose later;
        later.t = 1.9;
        m.poses.push_back(later);
    }
    return m;
}

bool TestFrameExporter::write(const CaptureManifest &m, const QString &name) const
{
    QString error;
    const bool ok = ManifestWriter::writeFile(m, path(name), &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

void TestFrameExporter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const cv::Size size(320, 180);
    cv::VideoWriter writer(path(QStringLiteral("clip.mp4")).toStdString(), cv::CAP_FFMPEG,
                           cv::VideoWriter::fourcc('a', 'v', 'c', '1'), kFps, size, true);
    QVERIFY(writer.isOpened());
    for (int i = 0; i < kFrames; ++i) {
        cv::Mat frame(size, CV_8UC3, cv::Scalar(10 * i, 60, 200 - 5 * i));
        cv::putText(frame, std::to_string(i), {20, 120}, cv::FONT_HERSHEY_SIMPLEX, 3, {255, 255, 255}, 5);
        writer.write(frame);
    }
    writer.release();
    QVERIFY(cv::imwrite(path(QStringLiteral("photo.png")).toStdString(),
                        cv::Mat(size, CV_8UC3, cv::Scalar(90, 90, 90))));

    // The video carries a world arrow; the photo, in the same spatial frame, none.
    CaptureManifest video = manifest(QStringLiteral("c0000000-0000-4000-8000-000000000001"), MediaType::Video,
                                     QStringLiteral("clip.mp4"));
    Markup arrow;
    arrow.id = QStringLiteral("d0000000-0000-4000-8000-000000000001");
    arrow.kind = MarkupKind::Arrow;
    arrow.space = MarkupSpace::World;
    arrow.worldPoints = {{-0.3, -0.2, 2.0}, {0.2, 0.1, 2.0}};
    arrow.color = QColor(0xFF, 0x3B, 0x30);
    arrow.width = 4;
    video.markups = {arrow};
    QVERIFY(write(video, QStringLiteral("video.capture.json")));
    QVERIFY(write(manifest(QStringLiteral("c0000000-0000-4000-8000-000000000002"), MediaType::Photo,
                           QStringLiteral("photo.png")),
                  QStringLiteral("photo.capture.json")));

    QVERIFY(write(manifest(QStringLiteral("c0000000-0000-4000-8000-000000000003"), MediaType::Photo,
                           QStringLiteral("gone.png")),
                  QStringLiteral("missing-media.capture.json")));
    QFile junk(path(QStringLiteral("junk.png")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(1000, 'x'));
    junk.close();
    QVERIFY(write(manifest(QStringLiteral("c0000000-0000-4000-8000-000000000004"), MediaType::Photo,
                           QStringLiteral("junk.png")),
                  QStringLiteral("corrupt-media.capture.json")));
    QFile notJson(path(QStringLiteral("broken.capture.json")));
    QVERIFY(notJson.open(QIODevice::WriteOnly));
    notJson.write("{ \"format\": \"sightline-capture\", ");
}

void TestFrameExporter::photoShowsWorldMarkupOfItsSpatialFrame()
{
    const QString out = path(QStringLiteral("photo-out.png"));
    QString error;
    OverlayResult drawn;
    QVERIFY2(FrameExporter::exportFrame(path(QStringLiteral("photo.capture.json")), 3.0, out, &error, &drawn),
             qPrintable(error));
    QCOMPARE(drawn.worldMarkupsDrawn, 1);
    const QImage image(out);
    QCOMPARE(image.size(), QSize(320, 180));
    // The head at (0.2, 0.1, 2) projects to (185.5, 102.5); red there, grey far away.
    const QColor head = image.pixelColor(183, 102);
    QVERIFY2(head.red() > 200 && head.green() < 120, qPrintable(head.name()));
    QCOMPARE(image.pixelColor(10, 10), QColor(90, 90, 90));
}

void TestFrameExporter::videoFrameAtTime()
{
    const QString out = path(QStringLiteral("video-out.png"));
    QString error;
    // 1.05 s at 10 fps shows frame 10.
    QVERIFY2(FrameExporter::exportFrame(path(QStringLiteral("video.capture.json")), 1.05, out, &error),
             qPrintable(error));
    const QImage image = QImage(out).convertToFormat(QImage::Format_RGB888);
    FrameSource decoder;
    QVERIFY(decoder.open(path(QStringLiteral("clip.mp4"))));
    const QImage frame10 = decoder.frame(10);
    const QImage frame11 = decoder.frame(11);
    QCOMPARE(image.size(), frame10.size());
    // Away from the arrow the PNG is the decoded frame, bit for bit.
    for (int y = 0; y < 60; ++y) {
        for (int x = 0; x < 320; ++x)
            QCOMPARE(image.pixel(x, y), frame10.pixel(x, y));
    }
    QVERIFY(image.pixel(5, 5) != frame11.pixel(5, 5));
    QVERIFY(image.pixel(183, 102) != frame10.pixel(183, 102)); // the arrow
}

void TestFrameExporter::defaultTimeIsFirstFrame()
{
    const QString out = path(QStringLiteral("first.png"));
    QVERIFY(FrameExporter::exportFrame(path(QStringLiteral("video.capture.json")), std::nullopt, out));
    FrameSource decoder;
    QVERIFY(decoder.open(path(QStringLiteral("clip.mp4"))));
    QCOMPARE(QImage(out).convertToFormat(QImage::Format_RGB888).pixel(5, 5),
             decoder.frame(0).pixel(5, 5));
}

void TestFrameExporter::errors_data()
{
    QTest::addColumn<QString>("manifest");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QStringList>("says");

    QTest::newRow("no manifest") << "nowhere.capture.json" << 0.0 << "a.png"
                                 << QStringList{"nowhere.capture.json"};
    QTest::newRow("not json") << "broken.capture.json" << 0.0 << "a.png"
                              << QStringList{"broken.capture.json"};
    QTest::newRow("missing media") << "missing-media.capture.json" << 0.0 << "a.png"
                                   << QStringList{"missing-media.capture.json", "gone.png", "not found"};
    QTest::newRow("corrupt media") << "corrupt-media.capture.json" << 0.0 << "a.png"
                                   << QStringList{"junk.png", "cannot be decoded"};
    QTest::newRow("beyond the end") << "video.capture.json" << 2.5 << "a.png"
                                    << QStringList{"video.capture.json", "beyond the end", "2.000"};
    QTest::newRow("negative time") << "video.capture.json" << -1.0 << "a.png" << QStringList{"invalid time"};
    QTest::newRow("unwritable output")
        << "photo.capture.json" << 0.0 << "no/such/dir/a.png" << QStringList{"cannot write", "a.png"};
    QTest::newRow("no output") << "photo.capture.json" << 0.0 << "" << QStringList{"output"};
}

void TestFrameExporter::errors()
{
    QFETCH(QString, manifest);
    QFETCH(double, seconds);
    QFETCH(QString, out);
    QFETCH(QStringList, says);
    QString error;
    const QString outPath = out.isEmpty() ? QString() : path(out);
    QVERIFY(!FrameExporter::exportFrame(path(manifest), seconds, outPath, &error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    for (const QString &s : says)
        QVERIFY2(error.contains(s), qPrintable(error));
    if (!outPath.isEmpty())
        QVERIFY(!QFile::exists(outPath));
}

void TestFrameExporter::mediaPathRule_data()
{
    QTest::addColumn<QString>("mediaFile");
    QTest::addColumn<QString>("reason");
    QTest::newRow("absolute") << m_dir.filePath(QStringLiteral("photo.png")) << "must be a path relative to its folder";
    QTest::newRow("dot dot") << "../outside/photo.png" << "leads outside its folder";
    QTest::newRow("link leaving the folder") << "escape.png" << "through a symbolic link";
    QTest::newRow("folder") << "subfolder" << "is not a regular file";
    QTest::newRow("FIFO") << "pipe.png" << "is not a regular file";
}

void TestFrameExporter::mediaPathRule()
{
    QFETCH(QString, mediaFile);
    QFETCH(QString, reason);
    // Each case in a folder of its own, beside a photo outside it.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString folder = root.filePath(QStringLiteral("captures"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("outside"))));
    QVERIFY(QFile::copy(path(QStringLiteral("photo.png")), root.filePath(QStringLiteral("outside/photo.png"))));
    QVERIFY(QFile::link(root.filePath(QStringLiteral("outside/photo.png")), folder + QStringLiteral("/escape.png")));
    QVERIFY(QDir(folder).mkdir(QStringLiteral("subfolder")));
    QCOMPARE(::mkfifo(QFile::encodeName(folder + QStringLiteral("/pipe.png")).constData(), 0644), 0);

    CaptureManifest m = manifest(QStringLiteral("c0000000-0000-4000-8000-000000000010"), MediaType::Photo, mediaFile);
    const QString manifestPath = folder + QStringLiteral("/case.capture.json");
    QString error;
    QVERIFY2(ManifestWriter::writeFile(m, manifestPath, &error), qPrintable(error));
    const QString out = root.filePath(QStringLiteral("out.png"));
    QVERIFY(!FrameExporter::exportFrame(manifestPath, 0.0, out, &error));
    QVERIFY2(error.startsWith(QLatin1String("case.capture.json: media.file: ")) && error.contains(reason),
             qPrintable(error));
    QVERIFY(!QFile::exists(out));
}

void TestFrameExporter::mediaThroughALinkInsideTheFolder()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(QFile::copy(path(QStringLiteral("photo.png")), root.filePath(QStringLiteral("photo.png"))));
    QVERIFY(QFile::link(root.filePath(QStringLiteral("photo.png")), root.filePath(QStringLiteral("alias.png"))));
    CaptureManifest m =
        manifest(QStringLiteral("c0000000-0000-4000-8000-000000000011"), MediaType::Photo, QStringLiteral("alias.png"));
    QString error;
    QVERIFY(ManifestWriter::writeFile(m, root.filePath(QStringLiteral("a.capture.json")), &error));
    QVERIFY2(FrameExporter::exportFrame(root.filePath(QStringLiteral("a.capture.json")), 0.0,
                                        root.filePath(QStringLiteral("out.png")), &error),
             qPrintable(error));
    QCOMPARE(QImage(root.filePath(QStringLiteral("out.png"))).size(), QSize(320, 180));
}

void TestFrameExporter::siblingBreakingThePathRuleLendsNoMarkup()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString folder = root.filePath(QStringLiteral("captures"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(path(QStringLiteral("photo.png")), folder + QStringLiteral("/photo.png")));
    QVERIFY(QFile::copy(path(QStringLiteral("photo.png")), root.filePath(QStringLiteral("elsewhere.png"))));
    CaptureManifest own =
        manifest(QStringLiteral("c0000000-0000-4000-8000-000000000020"), MediaType::Photo, QStringLiteral("photo.png"));
    QString error;
    QVERIFY(ManifestWriter::writeFile(own, folder + QStringLiteral("/own.capture.json"), &error));

    // Two siblings in the same spatial frame, each with a world arrow: one
    // whose media is in the folder, one whose media is outside it.
    const auto sibling = [&](const QString &id, const QString &media, const QString &arrowId, const QString &name) {
        CaptureManifest m = manifest(id, MediaType::Photo, media);
        Markup arrow;
        arrow.id = arrowId;
        arrow.kind = MarkupKind::Arrow;
        arrow.space = MarkupSpace::World;
        arrow.worldPoints = {{-0.3, -0.2, 2.0}, {0.2, 0.1, 2.0}};
        arrow.color = QColor(0xFF, 0x3B, 0x30);
        arrow.width = 4;
        m.markups = {arrow};
        return ManifestWriter::writeFile(m, folder + QLatin1Char('/') + name, &error);
    };
    QVERIFY(sibling(QStringLiteral("c0000000-0000-4000-8000-000000000021"), QStringLiteral("photo.png"),
                    QStringLiteral("d0000000-0000-4000-8000-000000000021"), QStringLiteral("good.capture.json")));
    QVERIFY(sibling(QStringLiteral("c0000000-0000-4000-8000-000000000022"), QStringLiteral("../elsewhere.png"),
                    QStringLiteral("d0000000-0000-4000-8000-000000000022"), QStringLiteral("bad.capture.json")));

    const std::vector<Markup> markups = FrameExporter::spatialFrameMarkups(own, folder);
    QCOMPARE(markups.size(), size_t(1));
    QCOMPARE(markups.front().id, QStringLiteral("d0000000-0000-4000-8000-000000000021"));
}

void TestFrameExporter::refusesOutputThatIsNotAFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("FIFO") << "fifo";
    QTest::newRow("link to /dev/null") << "devnull";
    QTest::newRow("folder") << "folder";
}

void TestFrameExporter::refusesOutputThatIsNotAFile()
{
    QFETCH(QString, kind);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString out = root.filePath(QStringLiteral("out.png"));
    if (kind == QLatin1String("fifo"))
        QCOMPARE(::mkfifo(QFile::encodeName(out).constData(), 0644), 0);
    else if (kind == QLatin1String("devnull"))
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), out));
    else
        QVERIFY(QDir().mkdir(out));
    struct stat before = {};
    QCOMPARE(::lstat(QFile::encodeName(out).constData(), &before), 0);

    QString error;
    QVERIFY(!FrameExporter::exportFrame(path(QStringLiteral("photo.capture.json")), 0.0, out, &error));
    QCOMPARE(error, out + QStringLiteral(" exists and is not a regular file; refusing to replace it"));
    struct stat after = {};
    QCOMPARE(::lstat(QFile::encodeName(out).constData(), &after), 0);
    QCOMPARE(after.st_mode, before.st_mode);
    QCOMPARE(after.st_ino, before.st_ino);
    QCOMPARE(QDir(root.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("out.png")});
}

void TestFrameExporter::replacesAnExistingOutputWhole()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString out = root.filePath(QStringLiteral("out.png"));
    QFile old(out);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(QByteArray(5000, 'o'));
    old.close();
    QString error;
    QVERIFY2(FrameExporter::exportFrame(path(QStringLiteral("photo.capture.json")), 0.0, out, &error),
             qPrintable(error));
    QCOMPARE(QImage(out).size(), QSize(320, 180));
    QCOMPARE(QDir(root.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("out.png")});
}

// From a workspace, export-frame draws the markup the viewer reads
// (CaptureOpening): the same picture as from the folder before any edit, and
// an edit made here (a rectangle added, the shared world arrow deleted) shows
// in both.
void TestFrameExporter::workspaceExportShowsWhatTheViewerShows()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(root.filePath(QStringLiteral("ws")), &error);
    QVERIFY2(workspace, qPrintable(error));
    CaptureImporter importer(*workspace);
    const ImportReport report = importer.importFolder(m_dir.path());
    const QString photoId = QStringLiteral("c0000000-0000-4000-8000-000000000002");
    QVERIFY2(report.importedIds.contains(photoId), qPrintable(report.errors.join(QLatin1Char('\n'))));

    const QString fromFolder = root.filePath(QStringLiteral("folder.png"));
    const QString fromWorkspace = root.filePath(QStringLiteral("workspace.png"));
    QVERIFY2(FrameExporter::exportFrame(path(QStringLiteral("photo.capture.json")), {}, fromFolder, &error), qPrintable(error));
    OverlayResult drawn;
    QVERIFY2(FrameExporter::exportCapture(*workspace, photoId, {}, fromWorkspace, &error, &drawn), qPrintable(error));
    QCOMPARE(drawn.worldMarkupsDrawn, 1);
    QCOMPARE(QImage(fromWorkspace), QImage(fromFolder));

    // Edits made here: a green rectangle on the photo, the frame's arrow deleted.
    Markup rect;
    rect.id = QStringLiteral("e0000000-0000-4000-8000-000000000001");
    rect.kind = MarkupKind::Rect;
    rect.space = MarkupSpace::Image;
    rect.imagePoints = {{0.1, 0.1}, {0.3, 0.4}};
    rect.color = QColor(0x00, 0xFF, 0x00);
    rect.width = 4;
    MarkupEditor editor(workspace->database());
    editor.apply({photoId, rect, false, QStringLiteral("Ana")});
    const std::optional<CaptureOpening> opening = CaptureOpening::read(*workspace, photoId);
    QVERIFY(opening);
    QCOMPARE(opening->worldMarkups.size(), size_t(1));
    editor.apply({photoId, opening->worldMarkups.front(), true, QStringLiteral("Ana")});

    QVERIFY2(FrameExporter::exportCapture(*workspace, photoId, {}, fromWorkspace, &error, &drawn), qPrintable(error));
    QCOMPARE(drawn.worldMarkupsDrawn, 0);
    QCOMPARE(drawn.imageMarkupsDrawn, 1);
    const QImage image(fromWorkspace);
    const QColor edge = image.pixelColor(32, 40); // the rectangle's left edge at x = 0.1 * 320
    QVERIFY2(edge.green() > 200 && edge.red() < 100, qPrintable(edge.name()));
    QCOMPARE(image.pixelColor(183, 102), QColor(90, 90, 90)); // the arrow's head is gone
    // The viewer reads the same markup.
    const std::optional<CaptureOpening> after = CaptureOpening::read(*workspace, photoId);
    QVERIFY(after->worldMarkups.empty());
    QCOMPARE(after->record.manifest.markups.size(), size_t(1));
    QVERIFY(!FrameExporter::exportCapture(*workspace, QStringLiteral("no-such"), {}, fromWorkspace, &error));
    QVERIFY2(error.contains(QStringLiteral("no-such")), qPrintable(error));
}

// A blur rectangle drawn here hides what is under it in the export, and the
// audit log keeps the original's SHA-256 beside the exported file's.
void TestFrameExporter::redactedExportRecordsTheOriginalsHash()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(root.filePath(QStringLiteral("ws")), &error);
    QVERIFY2(workspace, qPrintable(error));
    CaptureImporter importer(*workspace);
    importer.importFolder(m_dir.path());
    const QString videoId = QStringLiteral("c0000000-0000-4000-8000-000000000001");
    QVERIFY(workspace->captures().byId(videoId));

    const QString plain = root.filePath(QStringLiteral("plain.png"));
    const QString redacted = root.filePath(QStringLiteral("redacted.png"));
    QVERIFY2(FrameExporter::exportCapture(*workspace, videoId, 0.0, plain, &error), qPrintable(error));
    Markup blur;
    blur.id = QStringLiteral("e0000000-0000-4000-8000-0000000000b1");
    blur.kind = MarkupKind::Blur;
    blur.space = MarkupSpace::Image;
    blur.imagePoints = {{0.0, 0.2}, {0.4, 0.8}}; // over the frame number
    MarkupEditor(workspace->database()).apply({videoId, blur, false, QStringLiteral("Ana")});
    QVERIFY2(FrameExporter::exportCapture(*workspace, videoId, 0.0, redacted, &error, nullptr, QStringLiteral("Ana")),
             qPrintable(error));

    const QRect area(10, 45, 100, 90); // inside the blur rectangle, around the digit
    const double before = test::greyVariance(QImage(plain), area);
    const double after = test::greyVariance(QImage(redacted), area);
    QVERIFY2(before > 500, qPrintable(QString::number(before)));
    QVERIFY2(after < before / 4, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));

    QFile file(redacted);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString exportedHash = QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
    const std::vector<AuditEntry> history = AuditRepository(workspace->database()).history(QStringLiteral("capture"), videoId);
    QVERIFY(!history.empty());
    const AuditEntry &row = history.front(); // newest first
    QCOMPARE(row.field, QStringLiteral("export"));
    QCOMPARE(row.author, QStringLiteral("Ana"));
    QCOMPARE(row.oldValue, workspace->captures().byId(videoId)->mediaSha256);
    QVERIFY(!row.oldValue.isEmpty());
    QCOMPARE(row.newValue, exportedHash + QStringLiteral(" redacted.png"));
}

QTEST_MAIN(TestFrameExporter)
#include "tst_frameexporter.moc"
