#include "capture/capturemanifest.h"
#include "capture/manifesterror.h"
#include "capture/manifestreader.h"
#include "capture/markup.h"
#include "domain/capturerecord.h"

#include "manifesttestutil.h"

#include <QtTest>

using namespace sl;

// The small pieces of the capture model: names as written in the manifest,
// markup time bounds, error messages and the pose track of a manifest.
class TestCaptureManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markupKindNames_data();
    void markupKindNames();
    void unknownNames();
    void enumNamesRoundTrip();
    void markupVisibleAt_data();
    void markupVisibleAt();
    void errorMessage_data();
    void errorMessage();
    void videoPoseTrack();
    void photoPoseHoldsForAllTimes();
};

void TestCaptureManifest::markupKindNames_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("ink") << int(MarkupKind::Ink) << "ink";
    QTest::newRow("arrow") << int(MarkupKind::Arrow) << "arrow";
    QTest::newRow("line") << int(MarkupKind::Line) << "line";
    QTest::newRow("rect") << int(MarkupKind::Rect) << "rect";
    QTest::newRow("ellipse") << int(MarkupKind::Ellipse) << "ellipse";
    QTest::newRow("text") << int(MarkupKind::Text) << "text";
    QTest::newRow("blur") << int(MarkupKind::Blur) << "blur";
}

void TestCaptureManifest::markupKindNames()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    QCOMPARE(markupKindName(MarkupKind(kind)), name);
    QCOMPARE(markupKindFromName(name), std::optional<MarkupKind>(MarkupKind(kind)));
}

void TestCaptureManifest::unknownNames()
{
    for (const QString &name : {QStringLiteral("Arrow"), QStringLiteral("circle"), QString(), QStringLiteral(" ink")})
        QVERIFY2(!markupKindFromName(name), qPrintable(name));
    QVERIFY(!markupSpaceFromName(QStringLiteral("World")));
    QVERIFY(!mediaTypeFromName(QStringLiteral("audio")));
    QVERIFY(!axesFromName(QStringLiteral("OpenGL")));
}

void TestCaptureManifest::enumNamesRoundTrip()
{
    for (MarkupSpace s : {MarkupSpace::World, MarkupSpace::Image})
        QCOMPARE(markupSpaceFromName(markupSpaceName(s)), std::optional<MarkupSpace>(s));
    QCOMPARE(markupSpaceName(MarkupSpace::World), QStringLiteral("world"));
    for (MediaType t : {MediaType::Photo, MediaType::Video})
        QCOMPARE(mediaTypeFromName(mediaTypeName(t)), std::optional<MediaType>(t));
    QCOMPARE(mediaTypeName(MediaType::Video), QStringLiteral("video"));
    for (Axes a : {Axes::OpenCV, Axes::OpenGL})
        QCOMPARE(axesFromName(axesName(a)), std::optional<Axes>(a));
    QCOMPARE(axesName(Axes::OpenGL), QStringLiteral("opengl"));
    for (ReviewStatus r : {ReviewStatus::New, ReviewStatus::Approved, ReviewStatus::Rejected, ReviewStatus::NeedsFollowUp})
        QCOMPARE(reviewStatusFromKey(reviewStatusKey(r)), r);
    QCOMPARE(reviewStatusKey(ReviewStatus::NeedsFollowUp), QStringLiteral("needs-follow-up"));
    QCOMPARE(reviewStatusFromKey(QStringLiteral("Approved")), ReviewStatus::New); // unknown keys read as New
}

void TestCaptureManifest::markupVisibleAt_data()
{
    QTest::addColumn<bool>("world");
    QTest::addColumn<double>("from"); // NaN: absent
    QTest::addColumn<double>("to");   // NaN: absent
    QTest::addColumn<double>("t");
    QTest::addColumn<bool>("visible");

    const double none = qQNaN();
    QTest::newRow("unbounded") << false << none << none << 123.0 << true;
    QTest::newRow("before from") << false << 2.0 << 4.5 << 1.99 << false;
    QTest::newRow("at from") << false << 2.0 << 4.5 << 2.0 << true;
    QTest::newRow("inside") << false << 2.0 << 4.5 << 3.0 << true;
    QTest::newRow("at to") << false << 2.0 << 4.5 << 4.5 << true;
    QTest::newRow("after to") << false << 2.0 << 4.5 << 4.51 << false;
    QTest::newRow("only from, later") << false << 2.0 << none << 1000.0 << true;
    QTest::newRow("only to, earlier") << false << none << 1.0 << 0.0 << true;
    QTest::newRow("only to, later") << false << none << 1.0 << 1.5 << false;
    QTest::newRow("world ignores bounds") << true << 2.0 << 4.5 << 10.0 << true;
}

void TestCaptureManifest::markupVisibleAt()
{
    QFETCH(bool, world);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(double, t);
    QFETCH(bool, visible);
    Markup m;
    m.space = world ? MarkupSpace::World : MarkupSpace::Image;
    if (!std::isnan(from))
        m.from = from;
    if (!std::isnan(to))
        m.to = to;
    QCOMPARE(m.visibleAt(t), visible);
}

void TestCaptureManifest::errorMessage_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");
    QTest::newRow("all three") << "pump.capture.json" << "poses[3].rotation" << "is not a unit quaternion (|q| = 1.2)"
                               << "pump.capture.json: poses[3].rotation: is not a unit quaternion (|q| = 1.2)";
    QTest::newRow("no field") << "pump.capture.json" << "" << "is not valid JSON"
                              << "pump.capture.json: is not valid JSON";
    QTest::newRow("no file") << "" << "camera.fx" << "must be positive" << "camera.fx: must be positive";
}

void TestCaptureManifest::errorMessage()
{
    QFETCH(QString, file);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    QFETCH(QString, message);
    QCOMPARE((ManifestError{file, field, reason}.message()), message);
}

void TestCaptureManifest::videoPoseTrack()
{
    const CaptureManifest m = test::parseOk(test::manifestBytes(QStringLiteral("video.capture.json")));
    const PoseTrack track = m.poseTrack();
    QCOMPARE(track.samples().size(), m.poses.size());
    QCOMPARE(track.samples()[2].t, 0.066);
    // Half way between the samples at 0.000 (y 1.6) and 0.033 (x 0.01, y 1.6).
    const auto p = track.poseAt(0.0165);
    QVERIFY(p.has_value());
    QVERIFY(cv::norm(p->position - cv::Vec3d(0.005, 1.6, 0)) < 1e-12);
    // Clamped after the last sample.
    QCOMPARE(track.poseAt(60.0)->position, m.poses.back().pose.position);
}

void TestCaptureManifest::photoPoseHoldsForAllTimes()
{
    const CaptureManifest m = test::parseOk(test::manifestBytes(QStringLiteral("photo.capture.json")));
    const PoseTrack track = m.poseTrack();
    QCOMPARE(track.samples().size(), size_t(1));
    for (double t : {-5.0, 0.0, 17.25})
        QCOMPARE(track.poseAt(t)->position, cv::Vec3d(0.4, 1.2, -2.5));
    CaptureManifest none = m;
    none.poses.clear();
    QVERIFY(none.poseTrack().isEmpty());
}

QTEST_GUILESS_MAIN(TestCaptureManifest)
#include "tst_capturemanifest.moc"
