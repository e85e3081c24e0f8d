#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"

#include "manifesttestutil.h"

#include <QtTest>

using namespace sl;
using sl::test::parseOk;

// ManifestWriter: unknown fields and pose forms survive a round trip, and
// what is written reads back to the same manifest.
class TestManifestWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsUnknownFields();
    void keepsPoseForms();
    void unchangedPosesKeepTheirNumbers();
    void editedPosesAreWrittenInTheirForm_data();
    void editedPosesAreWrittenInTheirForm();
    void roundTripKeepsEveryValue_data();
    void roundTripKeepsEveryValue();
    void editedManifestReadsBack();
    void clearedFieldsAreRemoved();
    void toBytesIsIndentedJson();
    void writeFile();
    void writeFileFails();
    void markupStyle_data();
    void markupStyle();
};

namespace {

CaptureManifest sample(const QString &name)
{
    return parseOk(test::manifestBytes(name), name);
}

QJsonObject pathObject(const QJsonObject &root, const QString &key, int index)
{
    return root.value(key).toArray().at(index).toObject();
}

} // namespace

void TestManifestWriter::keepsUnknownFields()
{
    QJsonObject json = test::manifestObject(QStringLiteral("video.capture.json"));
    json = test::withValue(json, QStringLiteral("vendor"), QJsonObject{{"name", "Contoso"}, {"build", 17}});
    json = test::withValue(json, QStringLiteral("media.durationHint"), 12.5);
    json = test::withValue(json, QStringLiteral("camera.rollingShutter"), QJsonArray{0.1, 0.2});
    json = test::withValue(json, QStringLiteral("poses[3].tracking"), "limited");
    json = test::withValue(json, QStringLiteral("markups[6].reason"), QJsonObject{{"gdpr", true}});

    const QJsonObject out = ManifestWriter::toJson(parseOk(test::toBytes(json)));
    QCOMPARE(out.value(QStringLiteral("vendor")), json.value(QStringLiteral("vendor")));
    QCOMPARE(out.value(QStringLiteral("device")), json.value(QStringLiteral("device")));
    const QJsonObject media = out.value(QStringLiteral("media")).toObject();
    QCOMPARE(media.value(QStringLiteral("durationHint")).toDouble(), 12.5);
    QCOMPARE(media.value(QStringLiteral("sha256")).toString(), QStringLiteral("9f2c4e1d"));
    const QJsonObject camera = out.value(QStringLiteral("camera")).toObject();
    QCOMPARE(camera.value(QStringLiteral("rollingShutter")), QJsonValue(QJsonArray{0.1, 0.2}));
    QCOMPARE(camera.value(QStringLiteral("model")).toString(), QStringLiteral("pv-camera"));
    QCOMPARE(pathObject(out, QStringLiteral("poses"), 3).value(QStringLiteral("tracking")).toString(), QStringLiteral("limited"));
    QCOMPARE(pathObject(out, QStringLiteral("poses"), 1).value(QStringLiteral("confidence")).toDouble(), 0.93);
    QCOMPARE(pathObject(out, QStringLiteral("markups"), 6).value(QStringLiteral("reason")), QJsonValue(QJsonObject{{"gdpr", true}}));
    QCOMPARE(pathObject(out, QStringLiteral("markups"), 0).value(QStringLiteral("layer")).toString(), QStringLiteral("inspection"));
    // Bookmarks, with their own unknown fields.
    QCOMPARE(out.value(QStringLiteral("bookmarks")), json.value(QStringLiteral("bookmarks")));
    QCOMPARE(pathObject(out, QStringLiteral("bookmarks"), 0).value(QStringLiteral("severity")).toString(), QStringLiteral("high"));
    // Known fields are still there and right.
    QCOMPARE(out.value(QStringLiteral("format")).toString(), QStringLiteral("sightline-capture"));
    QCOMPARE(out.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(out.value(QStringLiteral("axes")).toString(), QStringLiteral("opengl"));
}

void TestManifestWriter::keepsPoseForms()
{
    const QJsonObject out = ManifestWriter::toJson(sample(QStringLiteral("video.capture.json")));
    const QJsonArray poses = out.value(QStringLiteral("poses")).toArray();
    QCOMPARE(poses.size(), 5);
    for (int i : {0, 3}) {
        const QJsonObject p = poses.at(i).toObject();
        QVERIFY(p.contains(QStringLiteral("matrix")));
        QVERIFY(!p.contains(QStringLiteral("position")) && !p.contains(QStringLiteral("rotation")));
    }
    for (int i : {1, 2, 4}) {
        const QJsonObject p = poses.at(i).toObject();
        QVERIFY(!p.contains(QStringLiteral("matrix")));
        QVERIFY(p.contains(QStringLiteral("position")) && p.contains(QStringLiteral("rotation")));
    }
    // A photo's pose had no t, and gets none.
    const QJsonObject photo = ManifestWriter::toJson(sample(QStringLiteral("photo.capture.json")));
    QVERIFY(!pathObject(photo, QStringLiteral("poses"), 0).contains(QStringLiteral("t")));
}

void TestManifestWriter::unchangedPosesKeepTheirNumbers()
{
    const QJsonObject in = test::manifestObject(QStringLiteral("video.capture.json"));
    const QJsonObject out = ManifestWriter::toJson(sample(QStringLiteral("video.capture.json")));
    // The device's slightly-off-unit quaternion and its matrix stay verbatim.
    QCOMPARE(pathObject(out, QStringLiteral("poses"), 2).value(QStringLiteral("rotation")),
             pathObject(in, QStringLiteral("poses"), 2).value(QStringLiteral("rotation")));
    QCOMPARE(pathObject(out, QStringLiteral("poses"), 3).value(QStringLiteral("matrix")),
             pathObject(in, QStringLiteral("poses"), 3).value(QStringLiteral("matrix")));
}

void TestManifestWriter::editedPosesAreWrittenInTheirForm_data()
{
    QTest::addColumn<int>("form"); // PoseForm
    QTest::addColumn<bool>("fresh"); // a new pose with no raw object
    QTest::newRow("matrix, read") << int(PoseForm::Matrix) << false;
    QTest::newRow("position/rotation, read") << int(PoseForm::PositionRotation) << false;
    QTest::newRow("matrix, new") << int(PoseForm::Matrix) << true;
    QTest::newRow("position/rotation, new") << int(PoseForm::PositionRotation) << true;
}

void TestManifestWriter::editedPosesAreWrittenInTheirForm()
{
    QFETCH(int, form);
    QFETCH(bool, fresh);
    CaptureManifest m = sample(QStringLiteral("video.capture.json"));
    ManifestPose edited;
    if (!fresh)
        edited = m.poses[form == int(PoseForm::Matrix) ? 3 : 4];
    edited.t = 0.2;
    edited.form = PoseForm(form);
    edited.pose.position = cv::Vec3d(1.25, -0.5, 3);
    edited.pose.rotation = Quaternion{0.1, -0.2, 0.3, 0.9}.normalized();
    m.poses.push_back(edited);

    const QJsonObject written = pathObject(ManifestWriter::toJson(m), QStringLiteral("poses"), 5);
    QCOMPARE(written.contains(QStringLiteral("matrix")), form == int(PoseForm::Matrix));
    QCOMPARE(written.contains(QStringLiteral("rotation")), form == int(PoseForm::PositionRotation));
    QCOMPARE(written.value(QStringLiteral("t")).toDouble(), 0.2);

    const CaptureManifest back = parseOk(ManifestWriter::toBytes(m));
    QCOMPARE(back.poses.size(), size_t(6));
    QCOMPARE(back.poses[5].form, PoseForm(form));
    QVERIFY(cv::norm(back.poses[5].pose.position - edited.pose.position) < 1e-15);
    const cv::Matx33d r = back.poses[5].pose.rotation.toRotationMatrix();
    QVERIFY(cv::norm(r - edited.pose.rotation.toRotationMatrix(), cv::NORM_INF) < 1e-12);
}

void TestManifestWriter::roundTripKeepsEveryValue_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("video") << QStringLiteral("video.capture.json");
    QTest::newRow("photo") << QStringLiteral("photo.capture.json");
}

void TestManifestWriter::roundTripKeepsEveryValue()
{
    QFETCH(QString, name);
    const CaptureManifest first = sample(name);
    const CaptureManifest second = parseOk(ManifestWriter::toBytes(first), name);
    // Exactly: numbers are written shortest-round-trip and poses keep theirs.
    const QString difference = test::manifestDifference(first, second);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    // And writing again changes nothing.
    QCOMPARE(ManifestWriter::toBytes(second), ManifestWriter::toBytes(first));
}

void TestManifestWriter::editedManifestReadsBack()
{
    CaptureManifest m = sample(QStringLiteral("video.capture.json"));
    m.assetId = QStringLiteral("a-new-asset");
    m.camera->fx = 1399.123456789012;
    m.camera->distortion = {0.1, -0.2, 0.001, 0.0002, 0.05, 0.01, 0.02, 0.03};
    m.markups[0].color = QColor(0x12, 0xab, 0xef);
    m.markups[0].worldPoints[1] = cv::Vec3d(1.0 / 3, 2.0 / 7, -0.1);
    m.markups[1].from.reset();
    m.markups[1].to = 9.75;
    m.markups.erase(m.markups.begin() + 4);

    Markup added; // created in the app: no raw object
    added.id = QStringLiteral("new-1");
    added.kind = MarkupKind::Text;
    added.space = MarkupSpace::Image;
    added.imagePoints = {{0.5, 0.25}};
    added.text = QStringLiteral("Ölstand prüfen");
    added.width = 2.5;
    added.author = QStringLiteral("me");
    m.markups.push_back(added);

    const CaptureManifest back = parseOk(ManifestWriter::toBytes(m));
    const QString difference = test::manifestDifference(m, back, 1e-12);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QCOMPARE(back.markups.back().text, QStringLiteral("Ölstand prüfen"));
    const QJsonObject written = pathObject(ManifestWriter::toJson(m), QStringLiteral("markups"), 0);
    QCOMPARE(written.value(QStringLiteral("color")).toString(), QStringLiteral("#12ABEF"));
}

void TestManifestWriter::clearedFieldsAreRemoved()
{
    CaptureManifest m = sample(QStringLiteral("video.capture.json"));
    m.assetId.clear();
    m.camera.reset();
    m.markups[1].from.reset();
    m.markups[1].to.reset();
    m.markups[0].author.clear();
    m.poses.clear();
    m.axes.reset();
    const QJsonObject out = ManifestWriter::toJson(m);
    QVERIFY(!out.contains(QStringLiteral("assetId")));
    QVERIFY(!out.contains(QStringLiteral("camera")));
    QVERIFY(!out.contains(QStringLiteral("poses")));
    QVERIFY(!out.contains(QStringLiteral("axes")));
    const QJsonObject ink = pathObject(out, QStringLiteral("markups"), 1);
    QVERIFY(!ink.contains(QStringLiteral("from")) && !ink.contains(QStringLiteral("to")));
    QVERIFY(!pathObject(out, QStringLiteral("markups"), 0).contains(QStringLiteral("author")));
    QVERIFY(out.contains(QStringLiteral("device"))); // unknown ones stay
    const CaptureManifest back = parseOk(ManifestWriter::toBytes(m));
    QVERIFY(!back.camera && !back.hasPoses());
}

void TestManifestWriter::toBytesIsIndentedJson()
{
    const QByteArray bytes = ManifestWriter::toBytes(sample(QStringLiteral("photo.capture.json")));
    QVERIFY(bytes.contains("\n    \"format\": \"sightline-capture\""));
    QJsonParseError error;
    QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestManifestWriter::writeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.capture.json"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous contents");
    }
    const CaptureManifest m = sample(QStringLiteral("video.capture.json"));
    QString error;
    QVERIFY2(ManifestWriter::writeFile(m, path, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    const ManifestResult back = ManifestReader::readFile(path);
    QVERIFY(std::holds_alternative<CaptureManifest>(back));
    const QString difference = test::manifestDifference(m, std::get<CaptureManifest>(back));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    // Nothing but the manifest is left in the folder (no temporary file).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.capture.json")});
}

void TestManifestWriter::writeFileFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-folder/out.capture.json"));
    QString error;
    QVERIFY(!ManifestWriter::writeFile(sample(QStringLiteral("photo.capture.json")), path, &error));
    QVERIFY2(error.contains(QStringLiteral("out.capture.json")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

// A markup's "style": read for the kinds that have it, written from the
// markup; absent in an old manifest (the plain look); a style this version
// does not know for the kind is read as plain and kept as written.
void TestManifestWriter::markupStyle_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonValue>("style"); // as in the manifest; undefined: absent
    QTest::addColumn<int>("read");         // MarkupStyle
    QTest::addColumn<QJsonValue>("written");
    const QJsonValue absent(QJsonValue::Undefined);
    const QJsonValue highlighter(QStringLiteral("highlighter")), pixelate(QStringLiteral("pixelate"));
    QTest::newRow("old ink") << "ink" << absent << int(MarkupStyle::Plain) << absent;
    QTest::newRow("highlighter") << "ink" << highlighter << int(MarkupStyle::Highlighter) << highlighter;
    QTest::newRow("old blur") << "blur" << absent << int(MarkupStyle::Plain) << absent;
    QTest::newRow("pixelate") << "blur" << pixelate << int(MarkupStyle::Pixelate) << pixelate;
    QTest::newRow("newer ink style") << "ink" << QJsonValue(QStringLiteral("neon")) << int(MarkupStyle::Plain)
                                     << QJsonValue(QStringLiteral("neon"));
    QTest::newRow("style of another kind") << "rect" << pixelate << int(MarkupStyle::Plain) << pixelate;
}

void TestManifestWriter::markupStyle()
{
    QFETCH(QString, kind);
    QFETCH(QJsonValue, style);
    QFETCH(int, read);
    QFETCH(QJsonValue, written);
    QJsonObject markup{{QStringLiteral("id"), QStringLiteral("m1")},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("space"), QStringLiteral("image")},
                       {QStringLiteral("points"), QJsonArray{QJsonArray{0.1, 0.2}, QJsonArray{0.3, 0.4}}}};
    if (!style.isUndefined())
        markup.insert(QStringLiteral("style"), style);
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("sightline-capture")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("id"), QStringLiteral("c1")},
                           {QStringLiteral("media"), QJsonObject{{QStringLiteral("file"), QStringLiteral("p.png")},
                                                                 {QStringLiteral("type"), QStringLiteral("photo")}}},
                           {QStringLiteral("markups"), QJsonArray{markup}}};
    const CaptureManifest m = parseOk(test::toBytes(root));
    QCOMPARE(m.markups.size(), size_t(1));
    QCOMPARE(int(m.markups.front().style), read);
    const QJsonObject out = ManifestWriter::markupToJson(m.markups.front());
    QCOMPARE(out.value(QStringLiteral("style")), written);

    // A highlighter made plain ink, a pixelation made a blur: the field goes.
    if (read != int(MarkupStyle::Plain)) {
        Markup plain = m.markups.front();
        plain.style = MarkupStyle::Plain;
        QVERIFY(!ManifestWriter::markupToJson(plain).contains(QStringLiteral("style")));
    }
}

QTEST_GUILESS_MAIN(TestManifestWriter)
#include "tst_manifestwriter.moc"
