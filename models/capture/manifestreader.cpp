#include "capture/manifestreader.h"

#include "capture/bookmarkreader.h"
#include "capture/jsonfieldreader.h"
#include "capture/jsonunicode.h"
#include "capture/markupreader.h"
#include "common/inputlimits.h"
#include "common/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace sl {

namespace {

constexpr double kUnitQuaternionTolerance = 1e-3;     // | |q| - 1 |, CAPTURE-FORMAT.md "Errors"
constexpr double kLastRowTolerance = 1e-6;
constexpr double kOrthonormalTolerance = 1e-3;        // max |R^T R - I|, as loose as the quaternion rule

bool readHeader(const QJsonObject &root, JsonFieldReader &r)
{
    QString format;
    if (!r.readString(root, QStringLiteral("format"), {}, true, &format))
        return false;
    if (format != QLatin1String("sightline-capture"))
        return r.fail(QStringLiteral("format"),
                      QCoreApplication::translate("sl::ManifestReader", "is \"%1\", not \"sightline-capture\"").arg(format));

    std::optional<double> version;
    if (!r.readNumber(root, QStringLiteral("version"), {}, true, &version))
        return false;
    if (std::floor(*version) != *version)
        return r.fail(QStringLiteral("version"),
                      QCoreApplication::translate("sl::ManifestReader", "must be a whole number, not %1").arg(*version));
    if (*version > CaptureManifest::kFormatVersion)
        return r.fail(QStringLiteral("version"),
                      QCoreApplication::translate("sl::ManifestReader", "version %1 is newer than this Sightline reads (%2)")
                          .arg(*version)
                          .arg(CaptureManifest::kFormatVersion));
    if (*version < 1)
        return r.fail(QStringLiteral("version"),
                      QCoreApplication::translate("sl::ManifestReader", "version %1 does not exist (the first is 1)")
                          .arg(*version));
    return true;
}

bool readMedia(const QJsonObject &root, JsonFieldReader &r, CaptureManifest *m)
{
    QJsonObject media;
    if (!r.readObject(root, QStringLiteral("media"), {}, true, &media)
        || !r.readNonEmptyString(media, QStringLiteral("file"), QStringLiteral("media"), &m->mediaFile))
        return false;
    QString type;
    if (!r.readString(media, QStringLiteral("type"), QStringLiteral("media"), true, &type))
        return false;
    const auto mediaType = mediaTypeFromName(type);
    if (!mediaType)
        return r.fail(QStringLiteral("media.type"),
                      QCoreApplication::translate("sl::ManifestReader", "must be \"photo\" or \"video\", not \"%1\"").arg(type));
    m->mediaType = *mediaType;
    return true;
}

bool readCamera(const QJsonObject &root, JsonFieldReader &r, CaptureManifest *m)
{
    if (!JsonFieldReader::has(root, QStringLiteral("camera")))
        return true;
    QJsonObject camera;
    if (!r.readObject(root, QStringLiteral("camera"), {}, true, &camera))
        return false;
    const QString at = QStringLiteral("camera");
    CameraIntrinsics k;
    std::optional<double> cx, cy;
    if (!r.readPositiveInt(camera, QStringLiteral("width"), at, &k.width)
        || !r.readPositiveInt(camera, QStringLiteral("height"), at, &k.height)
        || !r.readPositive(camera, QStringLiteral("fx"), at, &k.fx)
        || !r.readPositive(camera, QStringLiteral("fy"), at, &k.fy)
        || !r.readNumber(camera, QStringLiteral("cx"), at, true, &cx)
        || !r.readNumber(camera, QStringLiteral("cy"), at, true, &cy))
        return false;
    k.cx = *cx;
    k.cy = *cy;
    if (JsonFieldReader::has(camera, QStringLiteral("distortion"))) {
        const QString path = QStringLiteral("camera.distortion");
        if (!r.toNumbers(camera.value(QStringLiteral("distortion")), path, &k.distortion))
            return false;
        const size_t n = k.distortion.size();
        if (n != 4 && n != 5 && n != 8 && n != 12 && n != 14) // what cv::projectPoints accepts
            return r.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                            "must have 4, 5, 8, 12 or 14 coefficients, not %1")
                                    .arg(n));
    }
    m->camera = k;
    return true;
}

bool readMatrix(const QJsonValue &value, const QString &path, JsonFieldReader &r, Pose *out)
{
    std::vector<double> v;
    if (!r.toNumbers(value, path, &v))
        return false;
    if (v.size() != 16)
        return r.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                        "must have 16 numbers (a row-major 4x4), not %1")
                                .arg(v.size()));
    if (std::abs(v[12]) > kLastRowTolerance || std::abs(v[13]) > kLastRowTolerance
        || std::abs(v[14]) > kLastRowTolerance || std::abs(v[15] - 1) > kLastRowTolerance)
        return r.fail(path, QCoreApplication::translate("sl::ManifestReader", "the last row must be 0 0 0 1, not %1 %2 %3 %4")
                                .arg(v[12]).arg(v[13]).arg(v[14]).arg(v[15]));
    const cv::Matx33d rot(v[0], v[1], v[2], v[4], v[5], v[6], v[8], v[9], v[10]);
    const double off = cv::norm(rot.t() * rot - cv::Matx33d::eye(), cv::NORM_INF);
    if (off > kOrthonormalTolerance)
        return r.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                        "the upper-left 3x3 is not a rotation (R^T R differs from I by %1)")
                                .arg(off));
    const double det = cv::determinant(rot);
    if (det < 0)
        return r.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                        "the upper-left 3x3 is a reflection (determinant %1)")
                                .arg(det));
    *out = Pose::fromMatrix(cv::Matx44d(v.data()));
    return true;
}

bool readPositionRotation(const QJsonObject &o, const QString &path, JsonFieldReader &r, Pose *out)
{
    const QString positionPath = JsonFieldReader::member(path, QStringLiteral("position"));
    const QString rotationPath = JsonFieldReader::member(path, QStringLiteral("rotation"));
    if (!JsonFieldReader::has(o, QStringLiteral("position")))
        return r.fail(positionPath, QCoreApplication::translate("sl::ManifestReader", "is required with a rotation"));
    if (!JsonFieldReader::has(o, QStringLiteral("rotation")))
        return r.fail(rotationPath, QCoreApplication::translate("sl::ManifestReader", "is required with a position"));
    std::vector<double> p, q;
    if (!r.toNumbers(o.value(QStringLiteral("position")), positionPath, &p))
        return false;
    if (p.size() != 3)
        return r.fail(positionPath, QCoreApplication::translate("sl::ManifestReader", "must have 3 numbers [x, y, z], not %1")
                                        .arg(p.size()));
    if (!r.toNumbers(o.value(QStringLiteral("rotation")), rotationPath, &q))
        return false;
    if (q.size() != 4)
        return r.fail(rotationPath, QCoreApplication::translate("sl::ManifestReader",
                                                                "must have 4 numbers [x, y, z, w], not %1")
                                        .arg(q.size()));
    const Quaternion quat{q[0], q[1], q[2], q[3]};
    const double n = quat.norm();
    if (!(std::abs(n - 1) <= kUnitQuaternionTolerance))
        return r.fail(rotationPath, QCoreApplication::translate("sl::ManifestReader", "is not a unit quaternion (|q| = %1)")
                                        .arg(n));
    out->position = cv::Vec3d(p[0], p[1], p[2]);
    out->rotation = quat.normalized();
    return true;
}

bool readPose(const QJsonValue &value, const QString &path, MediaType mediaType, JsonFieldReader &r, ManifestPose *out)
{
    if (!value.isObject())
        return r.fail(path, QCoreApplication::translate("sl::ManifestReader", "must be an object"));
    const QJsonObject o = value.toObject();
    out->raw = o;

    // A photo's t is ignored, but a number that is there must still be a number.
    std::optional<double> t;
    if (!r.readNumber(o, QStringLiteral("t"), path, mediaType == MediaType::Video, &t))
        return false;
    out->t = t.value_or(0.0);

    const bool hasMatrix = JsonFieldReader::has(o, QStringLiteral("matrix"));
    const bool hasPosition = JsonFieldReader::has(o, QStringLiteral("position"));
    const bool hasRotation = JsonFieldReader::has(o, QStringLiteral("rotation"));
    if (hasMatrix && (hasPosition || hasRotation))
        return r.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                        "has both a matrix and a position/rotation; give only one"));
    if (hasMatrix) {
        out->form = PoseForm::Matrix;
        return readMatrix(o.value(QStringLiteral("matrix")), JsonFieldReader::member(path, QStringLiteral("matrix")), r,
                          &out->pose);
    }
    if (!hasPosition && !hasRotation)
        return r.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                        "needs a matrix, or a position and a rotation"));
    out->form = PoseForm::PositionRotation;
    return readPositionRotation(o, path, r, &out->pose);
}

bool readPoses(const QJsonObject &root, JsonFieldReader &r, CaptureManifest *m)
{
    // Axes are checked whenever given, and required as soon as a pose is.
    if (JsonFieldReader::has(root, QStringLiteral("axes"))) {
        QString axes;
        if (!r.readString(root, QStringLiteral("axes"), {}, true, &axes))
            return false;
        m->axes = axesFromName(axes);
        if (!m->axes)
            return r.fail(QStringLiteral("axes"),
                          QCoreApplication::translate("sl::ManifestReader", "must be \"opencv\" or \"opengl\", not \"%1\"")
                              .arg(axes));
    }

    QJsonArray poses;
    if (!r.readArray(root, QStringLiteral("poses"), {}, false, &poses))
        return false;
    if (poses.isEmpty())
        return true;
    if (!m->axes)
        return r.fail(QStringLiteral("axes"), QCoreApplication::translate("sl::ManifestReader", "is required when poses are given"));
    if (m->mediaType == MediaType::Photo && poses.size() != 1)
        return r.fail(QStringLiteral("poses"),
                      QCoreApplication::translate("sl::ManifestReader", "a photo has exactly one pose, not %1").arg(poses.size()));

    m->poses.reserve(size_t(poses.size()));
    for (qsizetype i = 0; i < poses.size(); ++i) {
        const QString path = JsonFieldReader::element(QStringLiteral("poses"), i);
        ManifestPose pose;
        if (!readPose(poses.at(i), path, m->mediaType, r, &pose))
            return false;
        if (m->mediaType == MediaType::Video && i > 0 && !(pose.t > m->poses.back().t))
            return r.fail(JsonFieldReader::member(path, QStringLiteral("t")),
                          QCoreApplication::translate("sl::ManifestReader",
                                                      "times must increase: %1 s does not follow %2 s")
                              .arg(pose.t)
                              .arg(m->poses.back().t));
        m->poses.push_back(std::move(pose));
    }
    return true;
}

QString tooLarge(qint64 size)
{
    return QCoreApplication::translate("sl::ManifestReader", "is too large for a manifest: %1 bytes; the limit is %2 bytes")
        .arg(size)
        .arg(limits::kManifestBytes);
}

// Qt reports bytes that are not UTF-8 by offset only: name the field too.
void failNotUtf8(const QByteArray &json, qsizetype offset, JsonFieldReader &r)
{
    const JsonUnicode::Location at = JsonUnicode::locate(json, offset);
    const QString byte = offset >= 0 && offset < json.size()
        ? QStringLiteral("0x") + QString::number(uchar(json[offset]), 16).toUpper().rightJustified(2, QLatin1Char('0'))
        : QString();
    r.fail(at.path, at.inKey ? QCoreApplication::translate("sl::ManifestReader", "a key is not valid UTF-8 (byte %1 at offset %2)")
                                   .arg(byte)
                                   .arg(offset)
                             : QCoreApplication::translate("sl::ManifestReader", "is not valid UTF-8 (byte %1 at offset %2)")
                                   .arg(byte)
                                   .arg(offset));
}

} // namespace

ManifestResult ManifestReader::parse(const QByteArray &json, const QString &fileName)
{
    JsonFieldReader r(fileName);
    if (json.size() > limits::kManifestBytes) {
        r.fail({}, tooLarge(json.size()));
        return r.error();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error == QJsonParseError::IllegalUTF8String) {
        failNotUtf8(json, parseError.offset, r);
        return r.error();
    }
    if (parseError.error != QJsonParseError::NoError) {
        r.fail({}, QCoreApplication::translate("sl::ManifestReader", "is not valid JSON: %1 at byte %2")
                       .arg(parseError.errorString())
                       .arg(parseError.offset));
        return r.error();
    }
    if (!doc.isObject()) {
        r.fail({}, QCoreApplication::translate("sl::ManifestReader", "the top level must be a JSON object"));
        return r.error();
    }

    const QJsonObject root = doc.object();
    CaptureManifest m;
    m.raw = root;
    QJsonArray markups;
    QJsonArray bookmarks;
    // Every string first (unknown fields too): a field's own check would
    // otherwise report a lone surrogate as some other fault.
    const bool ok = JsonUnicode::checkStrings(root, {}, r)
        && readHeader(root, r)
        && r.readNonEmptyString(root, QStringLiteral("id"), {}, &m.id)
        && r.readString(root, QStringLiteral("assetId"), {}, false, &m.assetId)
        && r.readString(root, QStringLiteral("capturedAt"), {}, false, &m.capturedAt)
        && r.readString(root, QStringLiteral("capturedBy"), {}, false, &m.capturedBy)
        && r.readString(root, QStringLiteral("spatialFrame"), {}, false, &m.spatialFrame)
        && readMedia(root, r, &m)
        && readCamera(root, r, &m)
        && readPoses(root, r, &m)
        && r.readArray(root, QStringLiteral("markups"), {}, false, &markups)
        && MarkupReader::read(markups, r, &m.markups)
        && r.readArray(root, QStringLiteral("bookmarks"), {}, false, &bookmarks)
        && BookmarkReader::read(bookmarks, r, &m.bookmarks);
    if (!ok) {
        qCDebug(lcCapture) << "Refused manifest:" << r.error().message();
        return r.error();
    }
    return m;
}

ManifestResult ManifestReader::readFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    const auto unreadable = [&] {
        return ManifestError{name, {}, QCoreApplication::translate("sl::ManifestReader", "cannot be read: %1")
                                           .arg(file.errorString())};
    };
    // A FIFO or a device would block or never end: only regular files (or
    // links to them) are opened.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return ManifestError{name, {}, QCoreApplication::translate("sl::ManifestReader", "is not a regular file")};
    if (!file.open(QIODevice::ReadOnly))
        return unreadable();
    if (file.size() > limits::kManifestBytes) // refused before reading it
        return ManifestError{name, {}, tooLarge(file.size())};
    const QByteArray bytes = file.read(limits::kManifestBytes + 1);
    if (bytes.size() > limits::kManifestBytes) // a device that did not know its size
        return ManifestError{name, {}, tooLarge(bytes.size())};
    if (file.error() != QFileDevice::NoError)
        return unreadable();
    return parse(bytes, name);
}

} // namespace sl
