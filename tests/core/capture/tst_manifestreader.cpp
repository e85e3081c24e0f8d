#include "capture/manifestreader.h"

#include "capture/jsonfieldreader.h"
#include "capture/jsonunicode.h"
#include "common/inputlimits.h"

#include "manifesttestutil.h"

#include <QtTest>

#include <cmath>
#include <sys/stat.h>

using namespace sl;
using sl::test::parseOk;

// ManifestReader: the sample manifests parse to the right values, and each
// rule of CAPTURE-FORMAT.md's "Fields" and "Errors" refuses a broken variant
// with a message naming the file, the field and why.
class TestManifestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsVideo();
    void readsPhoto();
    void keepsRawObjects();
    void acceptsMinimalManifest();
    void refusesBrokenVariant_data();
    void refusesBrokenVariant();
    void refusesNonFiniteNumbers_data();
    void refusesNonFiniteNumbers();
    void refusesInfinityInValues_data();
    void refusesInfinityInValues();
    void refusesNonJson_data();
    void refusesNonJson();
    void enforcesLimits_data();
    void enforcesLimits();
    void refusesManifestOverSizeLimit();
    void refusesInvalidUnicode_data();
    void refusesInvalidUnicode();
    void acceptsSurrogatePairs();
    void locatesByteOffsets_data();
    void locatesByteOffsets();
    void readFile();
    void readFileMissing();
    void readFileRefusesWhatIsNotAFile();
};

namespace {

const QString kVideo = QStringLiteral("video.capture.json");
const QString kPhoto = QStringLiteral("photo.capture.json");

bool near(double a, double b, double tolerance = 1e-12)
{
    return std::abs(a - b) <= tolerance;
}

// An image ink markup with `count` points.
QJsonObject inkWith(const QString &id, int count)
{
    QJsonArray points;
    for (int i = 0; i < count; ++i)
        points.append(QJsonArray{(i % 100) / 100.0, (i / 100 % 100) / 100.0});
    return QJsonObject{{"id", id}, {"kind", "ink"}, {"space", "image"}, {"points", points}};
}

// The video sample with its markups replaced by `markups`.
QByteArray videoWithMarkups(const QJsonArray &markups)
{
    return test::toBytes(test::withValue(test::manifestObject(kVideo), QStringLiteral("markups"), markups));
}

// The video sample with one markup's field set to `value`.
QByteArray videoWith(const QString &path, const QJsonValue &value)
{
    return test::toBytes(test::withValue(test::manifestObject(kVideo), path, value));
}

} // namespace

void TestManifestReader::readsVideo()
{
    const CaptureManifest m = parseOk(test::manifestBytes(kVideo), kVideo);
    QCOMPARE(m.id, QStringLiteral("0b5c0c52-5a8e-4b7e-9a57-1c1f6f0e2d11"));
    QCOMPARE(m.assetId, QStringLiteral("5f0d7c8e-3a41-4c55-9d0e-2b7f0c9a6e13"));
    QCOMPARE(m.mediaFile, QStringLiteral("pump-inlet.mp4"));
    QCOMPARE(m.mediaType, MediaType::Video);
    QCOMPARE(m.capturedAt, QStringLiteral("2026-11-20T10:31:00Z"));
    QCOMPARE(m.capturedBy, QStringLiteral("ana.ruiz@contoso.example"));
    QCOMPARE(m.spatialFrame, QStringLiteral("e1c2a7f4-0d3b-4e8c-b1a2-77c9e0f5d6a1"));

    QVERIFY(m.camera.has_value());
    QCOMPARE(m.camera->width, 1920);
    QCOMPARE(m.camera->height, 1080);
    QCOMPARE(m.camera->fx, 1402.1);
    QCOMPARE(m.camera->fy, 1401.7);
    QCOMPARE(m.camera->cx, 957.3);
    QCOMPARE(m.camera->cy, 541.0);
    QCOMPARE(m.camera->distortion, (std::vector<double>{0.0578, -0.0805, -0.00098, 0.00016}));
    QCOMPARE(m.axes, std::optional<Axes>(Axes::OpenGL));

    QCOMPARE(m.poses.size(), size_t(5));
    QCOMPARE(m.poses[0].form, PoseForm::Matrix);
    QCOMPARE(m.poses[1].form, PoseForm::PositionRotation);
    QCOMPARE(m.poses[3].form, PoseForm::Matrix);
    QCOMPARE(m.poses[2].t, 0.066);
    QCOMPARE(m.poses[0].pose.position, cv::Vec3d(0, 1.6, 0));
    QCOMPARE(m.poses[2].pose.position, cv::Vec3d(0.02, 1.61, -0.01));
    // Rotations are stored as unit quaternions: pose 3 turns 0.1 rad about y.
    const Quaternion q3 = m.poses[3].pose.rotation;
    QVERIFY(near(q3.y, std::sin(0.05)) && near(q3.w, std::cos(0.05)) && near(q3.x, 0) && near(q3.z, 0));
    QVERIFY(near(m.poses[2].pose.rotation.norm(), 1));

    QCOMPARE(m.markups.size(), size_t(7));
    const Markup &arrow = m.markups[0];
    QCOMPARE(arrow.id, QStringLiteral("m-arrow-1"));
    QCOMPARE(arrow.kind, MarkupKind::Arrow);
    QCOMPARE(arrow.space, MarkupSpace::World);
    QCOMPARE(arrow.worldPoints.size(), size_t(2));
    QCOMPARE(arrow.worldPoints[1], cv::Vec3d(0.25, 1.0, -0.8));
    QCOMPARE(arrow.color, QColor(0xFF, 0x3B, 0x30));
    QCOMPARE(arrow.width, 4.0);
    QCOMPARE(arrow.author, QStringLiteral("ana.ruiz@contoso.example"));
    QCOMPARE(arrow.createdAt, QStringLiteral("2026-11-20T10:32:10Z"));
    QVERIFY(!arrow.from && !arrow.to);

    const Markup &ink = m.markups[1];
    QCOMPARE(ink.kind, MarkupKind::Ink);
    QCOMPARE(ink.space, MarkupSpace::Image);
    QCOMPARE(ink.imagePoints.size(), size_t(3));
    QCOMPARE(ink.imagePoints[2], cv::Point2d(0.47, 0.56));
    QCOMPARE(ink.from, std::optional<double>(2.0));
    QCOMPARE(ink.to, std::optional<double>(4.5));
    QCOMPARE(ink.color, QColor(0xFF, 0xD6, 0x0A));

    QCOMPARE(m.markups[3].from, std::optional<double>(0.5));
    QVERIFY(!m.markups[3].to);
    QCOMPARE(m.markups[3].width, 2.5);
    QCOMPARE(m.markups[5].kind, MarkupKind::Text);
    QCOMPARE(m.markups[5].text, QStringLiteral("Check the inlet seal"));
    QCOMPARE(m.markups[6].kind, MarkupKind::Blur);
}

void TestManifestReader::readsPhoto()
{
    const CaptureManifest m = parseOk(test::manifestBytes(kPhoto), kPhoto);
    QCOMPARE(m.mediaType, MediaType::Photo);
    QVERIFY(m.assetId.isEmpty());
    QCOMPARE(m.camera->distortion.size(), size_t(5));
    QCOMPARE(m.axes, std::optional<Axes>(Axes::OpenCV));
    QCOMPARE(m.poses.size(), size_t(1));
    QCOMPARE(m.poses[0].t, 0.0); // absent: a photo's time means nothing
    QCOMPARE(m.poses[0].pose.position, cv::Vec3d(0.4, 1.2, -2.5));
    QCOMPARE(m.markups.size(), size_t(2));
    QCOMPARE(m.markups[1].imagePoints.size(), size_t(1));
    QCOMPARE(m.markups[1].text, QStringLiteral("Reads 4.2 bar"));
}

void TestManifestReader::keepsRawObjects()
{
    const CaptureManifest m = parseOk(test::manifestBytes(kVideo), kVideo);
    QCOMPARE(m.raw.value(QStringLiteral("device")).toObject().value(QStringLiteral("model")).toString(),
             QStringLiteral("HoloLens 2"));
    QCOMPARE(m.poses[1].raw.value(QStringLiteral("confidence")).toDouble(), 0.93);
    QCOMPARE(m.markups[0].raw.value(QStringLiteral("layer")).toString(), QStringLiteral("inspection"));
    QCOMPARE(m.bookmarks.size(), size_t(2));
    QCOMPARE(m.bookmarks[0].name, QStringLiteral("loose flange"));
    QCOMPARE(m.bookmarks[0].from, 0.033);
    QCOMPARE(m.bookmarks[0].to, 0.1);
    QCOMPARE(m.bookmarks[0].raw.value(QStringLiteral("severity")).toString(), QStringLiteral("high"));
    QCOMPARE(m.bookmarks[1].from, m.bookmarks[1].to);
}

void TestManifestReader::acceptsMinimalManifest()
{
    // No camera, no poses, no markups: still a capture (world markup just
    // cannot be drawn for it). JSON null reads as absent.
    const QByteArray json = R"({"format": "sightline-capture", "version": 1, "id": "x",
        "media": {"file": "a.jpg", "type": "photo"}, "assetId": null, "poses": [], "markups": []})";
    const CaptureManifest m = parseOk(json, QStringLiteral("min.capture.json"));
    QVERIFY(!m.camera);
    QVERIFY(!m.axes);
    QVERIFY(!m.hasPoses());
    QVERIFY(m.markups.empty());
    QVERIFY(m.poseTrack().isEmpty());
}

void TestManifestReader::refusesBrokenVariant_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value"); // undefined: remove the field
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");

    const QJsonValue remove(QJsonValue::Undefined);
    const auto row = [](const char *name, const QString &base, const QString &path, const QJsonValue &value,
                        const QString &field, const QString &reason) {
        QTest::newRow(name) << base << path << value << field << reason;
    };
    const auto a = [](std::initializer_list<QJsonValue> values) { return QJsonValue(QJsonArray(values)); };
    const QString s = QStringLiteral("video.capture.json");
    const QString p = QStringLiteral("photo.capture.json");

    // Header.
    row("format missing", s, "format", remove, "format", "is required");
    row("format other", s, "format", "other-capture", "format", "not \"sightline-capture\"");
    row("format number", s, "format", 5, "format", "must be a string");
    row("version missing", s, "version", remove, "version", "is required");
    row("version string", s, "version", "1", "version", "must be a number");
    row("version fraction", s, "version", 1.5, "version", "whole number");
    row("version newer", s, "version", 2, "version", "version 2 is newer than this Sightline reads (1)");
    row("version zero", s, "version", 0, "version", "does not exist");
    row("id missing", s, "id", remove, "id", "is required");
    row("id empty", s, "id", "", "id", "must not be empty");
    row("id number", s, "id", 42, "id", "must be a string");
    row("assetId number", s, "assetId", 7, "assetId", "must be a string");
    row("capturedAt array", s, "capturedAt", QJsonArray(), "capturedAt", "must be a string");
    row("capturedBy bool", s, "capturedBy", true, "capturedBy", "must be a string");
    row("spatialFrame object", s, "spatialFrame", QJsonObject(), "spatialFrame", "must be a string");
    // Media.
    row("media missing", s, "media", remove, "media", "is required");
    row("media string", s, "media", "x.mp4", "media", "must be an object");
    row("media.file missing", s, "media.file", remove, "media.file", "is required");
    row("media.file empty", s, "media.file", "", "media.file", "must not be empty");
    row("media.type missing", s, "media.type", remove, "media.type", "is required");
    row("media.type audio", s, "media.type", "audio", "media.type", "\"photo\" or \"video\", not \"audio\"");
    // Camera.
    row("camera string", s, "camera", "none", "camera", "must be an object");
    row("camera.width zero", s, "camera.width", 0, "camera.width", "positive whole number");
    row("camera.width fraction", s, "camera.width", 1920.5, "camera.width", "positive whole number");
    row("camera.height negative", s, "camera.height", -1080, "camera.height", "positive whole number");
    row("camera.height missing", s, "camera.height", remove, "camera.height", "is required");
    row("camera.fx zero", s, "camera.fx", 0, "camera.fx", "must be positive");
    row("camera.fy negative", s, "camera.fy", -3, "camera.fy", "must be positive");
    row("camera.fx missing", s, "camera.fx", remove, "camera.fx", "is required");
    row("camera.cx missing", s, "camera.cx", remove, "camera.cx", "is required");
    row("camera.cy string", s, "camera.cy", "541", "camera.cy", "must be a number");
    row("distortion 3", s, "camera.distortion", a({0.1, 0.2, 0.3}), "camera.distortion", "4, 5, 8, 12 or 14");
    row("distortion 6", s, "camera.distortion", a({0.1, 0.2, 0.3, 0, 0, 0}), "camera.distortion", "not 6");
    row("distortion item", s, "camera.distortion", a({0.1, "x", 0, 0}), "camera.distortion[1]", "must be a number");
    row("distortion number", s, "camera.distortion", 0.1, "camera.distortion", "must be an array");
    // Axes.
    row("axes missing with poses", s, "axes", remove, "axes", "is required when poses are given");
    row("axes unknown", s, "axes", "directx", "axes", "\"opencv\" or \"opengl\", not \"directx\"");
    row("axes number", s, "axes", 1, "axes", "must be a string");
    // Poses.
    row("poses object", s, "poses", QJsonObject(), "poses", "must be an array");
    row("pose not object", s, "poses[2]", "x", "poses[2]", "must be an object");
    row("video pose t missing", s, "poses[1].t", remove, "poses[1].t", "is required");
    row("pose t string", s, "poses[1].t", "0.1", "poses[1].t", "must be a number");
    row("pose t repeated", s, "poses[2].t", 0.033, "poses[2].t", "times must increase");
    row("pose t backwards", s, "poses[4].t", 0.01, "poses[4].t", "times must increase");
    row("pose both forms", s, "poses[0].position", a({0, 0, 0}), "poses[0]", "both a matrix and a position");
    row("pose no form", s, "poses[1]", QJsonObject{{"t", 0.033}}, "poses[1]", "needs a matrix, or a position and a rotation");
    row("rotation missing", s, "poses[1].rotation", remove, "poses[1].rotation", "is required with a position");
    row("position missing", s, "poses[1].position", remove, "poses[1].position", "is required with a rotation");
    row("position 2", s, "poses[1].position", a({0, 0}), "poses[1].position", "3 numbers");
    row("position item", s, "poses[1].position[0]", "0", "poses[1].position[0]", "must be a number");
    row("rotation 3", s, "poses[1].rotation", a({0, 0, 1}), "poses[1].rotation", "4 numbers");
    row("rotation not unit", s, "poses[1].rotation", a({0, 0, 0, 1.2}), "poses[1].rotation", "not a unit quaternion (|q| = 1.2)");
    row("rotation just off unit", s, "poses[1].rotation", a({0, 0, 0, 1.0011}), "poses[1].rotation", "not a unit quaternion");
    row("rotation zero", s, "poses[1].rotation", a({0, 0, 0, 0}), "poses[1].rotation", "not a unit quaternion (|q| = 0)");
    row("rotation item", s, "poses[1].rotation[2]", "0", "poses[1].rotation[2]", "must be a number");
    row("matrix 15", s, "poses[0].matrix", a({1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0}), "poses[0].matrix", "16 numbers");
    row("matrix last row w", s, "poses[0].matrix[15]", 2, "poses[0].matrix", "last row must be 0 0 0 1");
    row("matrix last row y", s, "poses[0].matrix[13]", 0.001, "poses[0].matrix", "last row must be 0 0 0 1");
    row("matrix scaled", s, "poses[0].matrix", a({2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1}), "poses[0].matrix", "not a rotation");
    row("matrix reflection", s, "poses[0].matrix", a({-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}), "poses[0].matrix", "reflection");
    row("matrix item null", s, "poses[0].matrix[5]", QJsonValue(), "poses[0].matrix[5]", "must be a number");
    row("photo two poses", p, "poses[1]", QJsonObject{{"position", a({0, 0, 0})}, {"rotation", a({0, 0, 0, 1})}},
        "poses", "a photo has exactly one pose, not 2");
    row("photo pose t string", p, "poses[0].t", "now", "poses[0].t", "must be a number");
    // Markups.
    row("markups object", s, "markups", QJsonObject(), "markups", "must be an array");
    row("bookmarks object", s, "bookmarks", QJsonObject(), "bookmarks", "must be an array");
    row("bookmark not object", s, "bookmarks[1]", 5, "bookmarks[1]", "must be an object");
    row("bookmark id duplicate", s, "bookmarks[1].id", "b-flange", "bookmarks[1].id", "\"b-flange\" is already the id of bookmarks[0]");
    row("bookmark name missing", s, "bookmarks[0].name", remove, "bookmarks[0].name", "is required");
    row("bookmark name empty", s, "bookmarks[0].name", "", "bookmarks[0].name", "must not be empty");
    row("bookmark from string", s, "bookmarks[0].from", "0:12", "bookmarks[0].from", "must be a number");
    row("bookmark to missing", s, "bookmarks[0].to", remove, "bookmarks[0].to", "is required");
    row("bookmark from negative", s, "bookmarks[0].from", -0.5, "bookmarks[0].from", "before the start of the media");
    row("bookmark to before from", s, "bookmarks[0].to", 0.01, "bookmarks[0].to", "before \"from\"");
    row("bookmark name too long", s, "bookmarks[0].name", QString(201, QLatin1Char('n')), "bookmarks[0].name", "the limit is 200 characters");
    row("markup not object", s, "markups[1]", 5, "markups[1]", "must be an object");
    row("markup id missing", s, "markups[1].id", remove, "markups[1].id", "is required");
    row("markup id duplicate", s, "markups[2].id", "m-arrow-1", "markups[2].id", "\"m-arrow-1\" is already the id of markups[0]");
    row("markup kind unknown", s, "markups[0].kind", "circle", "markups[0].kind", "\"circle\" is not a known kind");
    row("markup kind missing", s, "markups[0].kind", remove, "markups[0].kind", "is required");
    row("markup space unknown", s, "markups[0].space", "screen", "markups[0].space", "\"world\" or \"image\", not \"screen\"");
    row("markup space missing", s, "markups[0].space", remove, "markups[0].space", "is required");
    row("blur in world", s, "markups[6].space", "world", "markups[6].space", "its space must be \"image\"");
    row("points missing", s, "markups[0].points", remove, "markups[0].points", "is required");
    row("points not array", s, "markups[0].points", "0,0", "markups[0].points", "must be an array");
    row("arrow no points", s, "markups[0].points", QJsonArray(), "markups[0].points", "exactly 2 points for kind \"arrow\", not 0");
    row("arrow three points", s, "markups[0].points[2]", a({0, 0, 0}), "markups[0].points", "exactly 2 points for kind \"arrow\", not 3");
    row("line one point", s, "markups[2].points[1]", remove, "markups[2].points", "exactly 2 points for kind \"line\", not 1");
    row("rect one corner", s, "markups[3].points[1]", remove, "markups[3].points", "exactly 2 points for kind \"rect\"");
    row("ellipse three", s, "markups[4].points[2]", a({0, 0, 0}), "markups[4].points", "for kind \"ellipse\"");
    row("blur one corner", s, "markups[6].points[0]", remove, "markups[6].points", "for kind \"blur\"");
    row("ink no points", s, "markups[1].points", QJsonArray(), "markups[1].points", "needs at least one point");
    row("text no points", s, "markups[5].points", QJsonArray(), "markups[5].points", "needs at least one point");
    row("world point 2d", s, "markups[0].points[1]", a({0.25, 1.0}), "markups[0].points[1]", "a world point has 3 numbers");
    row("image point 3d", s, "markups[1].points[0]", a({0.1, 0.2, 0.3}), "markups[1].points[0]", "an image point has 2 numbers");
    row("point not array", s, "markups[1].points[0]", 0.1, "markups[1].points[0]", "must be an array");
    row("point item string", s, "markups[1].points[2][1]", "x", "markups[1].points[2][1]", "must be a number");
    row("color name", s, "markups[0].color", "red", "markups[0].color", "#RRGGBB, not \"red\"");
    row("color short", s, "markups[0].color", "#FF3B3", "markups[0].color", "#RRGGBB");
    row("color not hex", s, "markups[0].color", "#GG0000", "markups[0].color", "#RRGGBB");
    row("color with alpha", s, "markups[0].color", "#FF3B30FF", "markups[0].color", "#RRGGBB");
    row("color number", s, "markups[0].color", 255, "markups[0].color", "must be a string");
    row("width zero", s, "markups[0].width", 0, "markups[0].width", "must be positive");
    row("width negative", s, "markups[0].width", -2, "markups[0].width", "must be positive");
    row("width string", s, "markups[0].width", "4", "markups[0].width", "must be a number");
    row("from after to", s, "markups[1].from", 5.0, "markups[1].to", "ends (4.5 s) before it starts (5 s)");
    row("to string", s, "markups[1].to", "later", "markups[1].to", "must be a number");
    row("from bool", s, "markups[3].from", false, "markups[3].from", "must be a number");
    row("text missing for text", s, "markups[5].text", remove, "markups[5].text", "is required");
    row("text number", s, "markups[5].text", 12, "markups[5].text", "must be a string");
    row("text on arrow number", s, "markups[0].text", 12, "markups[0].text", "must be a string");
    row("author object", s, "markups[0].author", QJsonObject(), "markups[0].author", "must be a string");
    row("createdAt number", s, "markups[0].createdAt", 1, "markups[0].createdAt", "must be a string");
}

void TestManifestReader::refusesBrokenVariant()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QFETCH(QString, reason);

    const QJsonObject broken = test::withValue(test::manifestObject(base), path, value);
    // The unchanged sample must parse, so that the mutation is what fails.
    QVERIFY(std::holds_alternative<CaptureManifest>(ManifestReader::parse(test::manifestBytes(base), base)));

    const ManifestResult result = ManifestReader::parse(test::toBytes(broken), base);
    const auto *error = std::get_if<ManifestError>(&result);
    QVERIFY2(error, "a broken manifest was accepted");
    QCOMPARE(error->file, base);
    QCOMPARE(error->field, field);
    QVERIFY2(error->reason.contains(reason), qPrintable(error->reason));
    QVERIFY(error->message().startsWith(base + QStringLiteral(": ") + field + QStringLiteral(": ")));
}

void TestManifestReader::refusesNonFiniteNumbers_data()
{
    // Numbers too large for a double: Qt 6.4's parser refuses them, others
    // read them as infinity; either way the manifest is refused.
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("field");

    QTest::newRow("version") << "\"version\": 1," << "\"version\": 1e999," << "version";
    QTest::newRow("camera.fx") << "\"fx\": 1402.1" << "\"fx\": 1e999" << "camera.fx";
    QTest::newRow("camera.cy") << "\"cy\": 541.0" << "\"cy\": -1e999" << "camera.cy";
    QTest::newRow("distortion") << "[0.0578," << "[1e999," << "camera.distortion[0]";
    QTest::newRow("pose t") << "\"t\": 0.066" << "\"t\": 1e400" << "poses[2].t";
    QTest::newRow("matrix") << "0, 1, 0, 1.6," << "0, 1, 0, 1e999," << "poses[0].matrix[7]";
    QTest::newRow("position") << "[0.01, 1.6, 0]" << "[0.01, 1e999, 0]" << "poses[1].position[1]";
    QTest::newRow("rotation") << "0.9987503]" << "1e999]" << "poses[2].rotation[3]";
    QTest::newRow("markup point") << "[0.2, 1.1, -0.8]" << "[0.2, 1e999, -0.8]" << "markups[0].points[0][1]";
    QTest::newRow("markup width") << "\"width\": 4," << "\"width\": 1e999," << "markups[0].width";
    QTest::newRow("markup from") << "\"from\": 2.0" << "\"from\": -1e999" << "markups[1].from";
}

void TestManifestReader::refusesNonFiniteNumbers()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, field);

    QByteArray bytes = test::manifestBytes(kVideo);
    QCOMPARE(bytes.count(from.toUtf8()), 1);
    const qsizetype at = bytes.indexOf(from.toUtf8());
    bytes.replace(from.toUtf8(), to.toUtf8());
    const ManifestResult result = ManifestReader::parse(bytes, kVideo);
    const auto *error = std::get_if<ManifestError>(&result);
    QVERIFY2(error, "a non-finite number was accepted");
    if (error->field.isEmpty()) {
        // Qt 6.4's parser refuses the number itself: the message points at it.
        QVERIFY2(error->reason.contains(QStringLiteral("not valid JSON")), qPrintable(error->reason));
        static const QRegularExpression byte(QStringLiteral("at byte (\\d+)"));
        const auto match = byte.match(error->reason);
        QVERIFY2(match.hasMatch(), qPrintable(error->reason));
        const qsizetype offset = match.captured(1).toLongLong();
        QVERIFY2(offset >= at && offset <= at + to.size() + 1, qPrintable(error->reason));
    } else {
        // Parsers that turn it into infinity meet the reader's own check.
        QCOMPARE(error->field, field);
        QVERIFY2(error->reason.contains(QStringLiteral("not a finite number")), qPrintable(error->reason));
    }
}

void TestManifestReader::refusesInfinityInValues_data()
{
    QTest::addColumn<double>("number");
    QTest::newRow("inf") << qInf();
    QTest::newRow("-inf") << -qInf();
    QTest::newRow("nan") << qQNaN();
}

void TestManifestReader::refusesInfinityInValues()
{
    // Whatever the JSON parser does, a non-finite double never gets through.
    QFETCH(double, number);
    JsonFieldReader reader(QStringLiteral("x.capture.json"));
    double out = 7;
    QVERIFY(!reader.toNumber(QJsonValue(number), QStringLiteral("camera.fx"), &out));
    QCOMPARE(out, 7.0);
    QCOMPARE(reader.error().field, QStringLiteral("camera.fx"));
    QVERIFY(reader.error().reason.contains(QStringLiteral("not a finite number")));

    std::vector<double> list;
    JsonFieldReader second(QStringLiteral("x.capture.json"));
    QVERIFY(!second.toNumbers(QJsonArray{1.0, number}, QStringLiteral("camera.distortion"), &list));
    QCOMPARE(second.error().field, QStringLiteral("camera.distortion[1]"));
}

void TestManifestReader::refusesNonJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QByteArray() << "not valid JSON";
    QTest::newRow("open brace") << QByteArray("{") << "not valid JSON";
    QTest::newRow("missing value") << QByteArray("{\"format\": }") << "at byte 12"; // Qt counts past the bad byte
    QTest::newRow("trailing comma") << QByteArray("{\"format\": \"sightline-capture\",}") << "not valid JSON";
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << "not valid JSON";
    QTest::newRow("truncated sample") << test::manifestBytes(kVideo).left(500) << "not valid JSON";
    QTest::newRow("array") << QByteArray("[1, 2]") << "top level must be a JSON object";
}

void TestManifestReader::refusesNonJson()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const ManifestResult result = ManifestReader::parse(bytes, QStringLiteral("bad.capture.json"));
    const auto *error = std::get_if<ManifestError>(&result);
    QVERIFY(error);
    QCOMPARE(error->file, QStringLiteral("bad.capture.json"));
    QVERIFY(error->field.isEmpty());
    QVERIFY2(error->reason.contains(reason), qPrintable(error->reason));
    // No field: "file: reason", without an empty field between.
    QCOMPARE(error->message(), QStringLiteral("bad.capture.json: ") + error->reason);
}

void TestManifestReader::enforcesLimits_data()
{
    // Each limit of common/inputlimits.h: exactly at it the manifest reads,
    // one over it is refused with the field, the amount and the limit.
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("field");  // empty: accepted
    QTest::addColumn<QString>("reason");

    using namespace sl::limits;
    const auto manyMarkups = [](int count) {
        QJsonArray markups;
        for (int i = 0; i < count; ++i)
            markups.append(inkWith(QStringLiteral("m%1").arg(i), 1));
        return markups;
    };
    QTest::newRow("markups at limit") << videoWithMarkups(manyMarkups(kMarkupsPerCapture)) << QString() << QString();
    QTest::newRow("markups over limit") << videoWithMarkups(manyMarkups(kMarkupsPerCapture + 1)) << "markups"
                                        << "10001 markups; the limit is 10000 per capture";

    QTest::newRow("points per markup at limit")
        << videoWith(QStringLiteral("markups[1]"), inkWith(QStringLiteral("m-ink-1"), kPointsPerMarkup)) << QString()
        << QString();
    QTest::newRow("points per markup over limit")
        << videoWith(QStringLiteral("markups[1]"), inkWith(QStringLiteral("m-ink-1"), kPointsPerMarkup + 1))
        << "markups[1].points" << "10001 points; the limit is 10000 per markup";

    const auto fullStrokes = [](int extra) {
        QJsonArray markups;
        for (int i = 0; i < kPointsPerCapture / kPointsPerMarkup; ++i)
            markups.append(inkWith(QStringLiteral("m%1").arg(i), kPointsPerMarkup));
        if (extra > 0)
            markups.append(inkWith(QStringLiteral("extra"), extra));
        return markups;
    };
    QTest::newRow("points per capture at limit") << videoWithMarkups(fullStrokes(0)) << QString() << QString();
    QTest::newRow("points per capture over limit")
        << videoWithMarkups(fullStrokes(1)) << "markups[10].points"
        << "100001 points in markups[0] to markups[10]; the limit is 100000 per capture";

    QTest::newRow("width at limit") << videoWith(QStringLiteral("markups[0].width"), kMarkupWidth) << QString()
                                    << QString();
    QTest::newRow("width over limit") << videoWith(QStringLiteral("markups[0].width"), kMarkupWidth + 0.5)
                                      << "markups[0].width" << "256.5 pixels wide; the limit is 256 pixels";
    QTest::newRow("width 1e9") << videoWith(QStringLiteral("markups[2].width"), 1e9) << "markups[2].width"
                               << "1e+09 pixels wide; the limit is 256 pixels";

    QTest::newRow("text at limit") << videoWith(QStringLiteral("markups[5].text"), QString(kTextLength, QLatin1Char('a')))
                                   << QString() << QString();
    QTest::newRow("text over limit")
        << videoWith(QStringLiteral("markups[5].text"), QString(kTextLength + 1, QLatin1Char('a')))
        << "markups[5].text" << "501 characters; the limit is 500 characters";
    // The limit counts UTF-16 code units: a character outside the BMP is two.
    QTest::newRow("text over limit by a pair")
        << videoWith(QStringLiteral("markups[5].text"),
                     QString(QString(kTextLength - 1, QLatin1Char('a')) + QString::fromUtf8("\xF0\x9F\x98\x80")))
        << "markups[5].text" << "501 characters";
    QTest::newRow("text over limit on a non-text markup")
        << videoWith(QStringLiteral("markups[0].text"), QString(kTextLength + 1, QLatin1Char('a')))
        << "markups[0].text" << "501 characters";

    // Text of all markups together: labels of the longest text.
    const auto labels = [](int count, int lastLength) {
        QJsonArray markups;
        for (int i = 0; i < count; ++i) {
            QJsonObject label = inkWith(QStringLiteral("t%1").arg(i), 1);
            label.insert(QStringLiteral("kind"), QStringLiteral("text"));
            label.insert(QStringLiteral("text"), QString(i + 1 == count ? lastLength : kTextLength, QLatin1Char('a')));
            markups.append(label);
        }
        return markups;
    };
    static_assert(kTextPerCapture % kTextLength == 0, "the rows below fill the capture's text exactly");
    const int fullLabels = kTextPerCapture / kTextLength;
    QTest::newRow("text per capture at limit") << videoWithMarkups(labels(fullLabels, kTextLength)) << QString()
                                               << QString();
    QTest::newRow("text per capture over limit")
        << videoWithMarkups(labels(fullLabels + 1, 1)) << QStringLiteral("markups[%1].text").arg(fullLabels)
        << QStringLiteral("%1 characters of text in markups[0] to markups[%2]; the limit is %3 per capture")
               .arg(kTextPerCapture + 1)
               .arg(fullLabels)
               .arg(kTextPerCapture);
}

void TestManifestReader::enforcesLimits()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, field);
    QFETCH(QString, reason);

    const ManifestResult result = ManifestReader::parse(bytes, kVideo);
    const auto *error = std::get_if<ManifestError>(&result);
    if (field.isEmpty()) {
        QVERIFY2(!error, error ? qPrintable(error->message()) : "");
        return;
    }
    QVERIFY2(error, "a manifest over a limit was accepted");
    QCOMPARE(error->field, field);
    QVERIFY2(error->reason.contains(reason), qPrintable(error->reason));
    QVERIFY(error->message().startsWith(kVideo + QStringLiteral(": ") + field + QStringLiteral(": ")));
}

void TestManifestReader::refusesManifestOverSizeLimit()
{
    // A valid manifest padded with white space to exactly the limit reads;
    // one byte more is refused by parse() and by readFile() (before reading).
    QByteArray bytes = test::manifestBytes(kPhoto);
    bytes.append(QByteArray(limits::kManifestBytes - bytes.size(), ' '));
    QCOMPARE(bytes.size(), limits::kManifestBytes);
    QVERIFY(std::holds_alternative<CaptureManifest>(ManifestReader::parse(bytes, kPhoto)));

    bytes.append(' ');
    const ManifestResult parsed = ManifestReader::parse(bytes, kPhoto);
    QVERIFY(std::holds_alternative<ManifestError>(parsed));
    QCOMPARE(std::get<ManifestError>(parsed).message(),
             kPhoto + QStringLiteral(": is too large for a manifest: 67108865 bytes; the limit is 67108864 bytes"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(kPhoto));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    const ManifestResult read = ManifestReader::readFile(file.fileName());
    QVERIFY(std::holds_alternative<ManifestError>(read));
    QCOMPARE(std::get<ManifestError>(read).message(), std::get<ManifestError>(parsed).message());
}

void TestManifestReader::refusesInvalidUnicode_data()
{
    // Raw edits of the video sample: `from` (found once) becomes `to`.
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");

    const QString lone = QStringLiteral("is not valid Unicode: a lone surrogate ");
    // Lone surrogate escapes, which Qt's parser keeps without complaint.
    QTest::newRow("high alone") << QByteArray("\"Check the") << QByteArray("\"Check \\ud800the") << "markups[5].text"
                                << lone + "\\ud800 at character 6";
    QTest::newRow("high at end") << QByteArray("inlet seal\"") << QByteArray("inlet seal\\uD83D\"") << "markups[5].text"
                                 << lone + "\\ud83d at character 20";
    QTest::newRow("low alone") << QByteArray("\"Check") << QByteArray("\"\\udc00Check") << "markups[5].text"
                               << lone + "\\udc00 at character 0";
    QTest::newRow("two highs") << QByteArray("\"Check") << QByteArray("\"\\ud800\\ud800Check") << "markups[5].text"
                               << lone + "\\ud800 at character 0";
    QTest::newRow("low before high") << QByteArray("\"Check") << QByteArray("\"\\ude00\\ud83dCheck")
                                     << "markups[5].text" << lone + "\\ude00 at character 0";
    QTest::newRow("capture id") << QByteArray("\"0b5c0c52") << QByteArray("\"\\ud800") << "id" << lone;
    QTest::newRow("format") << QByteArray("\"sightline-capture\"") << QByteArray("\"sightline-capture\\ud800\"")
                            << "format" << lone;
    QTest::newRow("unknown field") << QByteArray("\"HoloLens 2\"") << QByteArray("\"HoloLens \\udfff\"") << "device.model"
                                   << lone;
    QTest::newRow("key") << QByteArray("\"layer\"") << QByteArray("\"lay\\ud800er\"") << "markups[0]"
                         << "a key is not valid Unicode: a lone surrogate \\ud800 at character 3";
    // Bytes that are not UTF-8: Qt's parser refuses them by offset only.
    const QString utf8 = QStringLiteral("is not valid UTF-8 (byte ");
    QTest::newRow("0xFF") << QByteArray("\"Check the") << QByteArray("\"Check \xFF" "the") << "markups[5].text"
                          << utf8 + "0xFF at offset";
    QTest::newRow("truncated sequence") << QByteArray("inlet seal\"") << QByteArray("inlet seal\xC3\"")
                                        << "markups[5].text" << utf8 + "0xC3";
    QTest::newRow("encoded surrogate") << QByteArray("\"Check") << QByteArray("\"\xED\xA0\x80") << "markups[5].text"
                                       << utf8 + "0xED";
    QTest::newRow("overlong") << QByteArray("\"HoloLens") << QByteArray("\"\xC0\x80") << "device.model" << utf8 + "0xC0";
    QTest::newRow("in an array") << QByteArray("\"#FFD60A\"") << QByteArray("\"#FFD60A\xFF\"") << "markups[1].color"
                                 << utf8;
    QTest::newRow("in a key") << QByteArray("\"layer\"") << QByteArray("\"lay\xFF" "er\"") << "markups[0]"
                              << "a key is not valid UTF-8 (byte 0xFF";
    QTest::newRow("after escapes") << QByteArray("\"inspection\"") << QByteArray("\"in\\\"sp\\\\\xFE\"")
                                   << "markups[0].layer" << utf8 + "0xFE";
}

void TestManifestReader::refusesInvalidUnicode()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, field);
    QFETCH(QString, reason);

    QByteArray bytes = test::manifestBytes(kVideo);
    QCOMPARE(bytes.count(from), 1);
    bytes.replace(from, to);
    const ManifestResult result = ManifestReader::parse(bytes, kVideo);
    const auto *error = std::get_if<ManifestError>(&result);
    QVERIFY2(error, "invalid Unicode was accepted");
    QCOMPARE(error->field, field);
    QVERIFY2(error->reason.contains(reason), qPrintable(error->reason));
}

void TestManifestReader::acceptsSurrogatePairs()
{
    // A pair, escaped or as UTF-8, is one character outside the BMP.
    QByteArray bytes = test::manifestBytes(kVideo);
    bytes.replace("\"Check the", "\"\\ud83d\\ude00 \xF0\x9F\x98\x80 Check the");
    const CaptureManifest m = parseOk(bytes, kVideo);
    QCOMPARE(m.markups[5].text, QString::fromUtf8("\xF0\x9F\x98\x80 \xF0\x9F\x98\x80 Check the inlet seal"));
}

void TestManifestReader::locatesByteOffsets_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("marker"); // the offset is where this first occurs
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("inKey");

    QTest::newRow("top value") << QByteArray(R"({"a": "xHERE"})") << "HERE" << "a" << false;
    QTest::newRow("top key") << QByteArray(R"({"a": 1, "bHERE": 2})") << "HERE" << "" << true;
    QTest::newRow("nested") << QByteArray(R"({"m": [{"p": [1, 2]}, {"t": "HERE"}]})") << "HERE" << "m[1].t" << false;
    QTest::newRow("nested key") << QByteArray(R"({"m": [{"p": [1, 2]}, {"t": 1, "HERE": 0}]})") << "HERE" << "m[1]"
                                << true;
    QTest::newRow("array of strings") << QByteArray(R"({"m": ["a", "b,]}", "HERE"]})") << "HERE" << "m[2]" << false;
    QTest::newRow("escaped quote") << QByteArray(R"({"k\"": "v", "x": "\\\"HERE"})") << "HERE" << "x" << false;
}

void TestManifestReader::locatesByteOffsets()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, marker);
    QFETCH(QString, path);
    QFETCH(bool, inKey);
    const JsonUnicode::Location at = JsonUnicode::locate(json, json.indexOf(marker.toUtf8()));
    QCOMPARE(at.path, path);
    QCOMPARE(at.inKey, inKey);
}

void TestManifestReader::readFile()
{
    const ManifestResult result = ManifestReader::readFile(test::dataPath(QStringLiteral("manifests/") + kPhoto));
    QVERIFY(std::holds_alternative<CaptureManifest>(result));
    QCOMPARE(std::get<CaptureManifest>(result).mediaFile, QStringLiteral("gauge.jpg"));

    // Errors from a file name it by its name, not its folder.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.capture.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(test::toBytes(test::withValue(test::manifestObject(kPhoto), QStringLiteral("media.type"), "audio")));
    file.close();
    const ManifestResult broken = ManifestReader::readFile(path);
    QVERIFY(std::holds_alternative<ManifestError>(broken));
    QCOMPARE(std::get<ManifestError>(broken).message(),
             QStringLiteral("broken.capture.json: media.type: must be \"photo\" or \"video\", not \"audio\""));
}

void TestManifestReader::readFileMissing()
{
    QTemporaryDir dir;
    const ManifestResult result = ManifestReader::readFile(dir.filePath(QStringLiteral("gone.capture.json")));
    const auto *error = std::get_if<ManifestError>(&result);
    QVERIFY(error);
    QCOMPARE(error->file, QStringLiteral("gone.capture.json"));
    QVERIFY2(error->reason.contains(QStringLiteral("cannot be read")), qPrintable(error->reason));
}

// A FIFO would block the reader forever, a folder cannot be read: both are
// refused before they are opened.
void TestManifestReader::readFileRefusesWhatIsNotAFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("pipe.capture.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString folder = dir.filePath(QStringLiteral("folder.capture.json"));
    QVERIFY(QDir().mkpath(folder));
    for (const QString &path : {fifo, folder}) {
        const ManifestResult result = ManifestReader::readFile(path);
        const auto *error = std::get_if<ManifestError>(&result);
        QVERIFY(error);
        QCOMPARE(error->reason, QStringLiteral("is not a regular file"));
    }
}

QTEST_GUILESS_MAIN(TestManifestReader)
#include "tst_manifestreader.moc"
