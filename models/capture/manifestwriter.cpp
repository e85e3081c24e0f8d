#include "capture/manifestwriter.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace sl {

namespace {

QJsonArray numbers(std::initializer_list<double> values)
{
    QJsonArray array;
    for (double v : values)
        array.append(v);
    return array;
}

// Numbers of a raw JSON array, or nothing when it is not an array of `size` numbers.
std::optional<std::vector<double>> rawNumbers(const QJsonObject &raw, const QString &key, qsizetype size)
{
    const QJsonValue value = raw.value(key);
    if (!value.isArray() || value.toArray().size() != size)
        return std::nullopt;
    std::vector<double> v;
    for (const QJsonValue &n : value.toArray()) {
        if (!n.isDouble())
            return std::nullopt;
        v.push_back(n.toDouble());
    }
    return v;
}

bool sameRotation(const Quaternion &a, const Quaternion &b)
{
    return a.x == b.x && a.y == b.y && a.z == b.z && a.w == b.w;
}

bool samePose(const Pose &a, const Pose &b)
{
    return a.position == b.position && sameRotation(a.rotation, b.rotation);
}

void setOrRemove(QJsonObject &o, const QString &key, const QString &value)
{
    if (value.isEmpty())
        o.remove(key);
    else
        o.insert(key, value);
}

// A pose in the form it was read. An unchanged pose keeps its numbers as
// written (a device's matrix is not re-derived from our quaternion).
QJsonObject poseJson(const ManifestPose &p, bool writeTime)
{
    QJsonObject o = p.raw;
    if (writeTime)
        o.insert(QStringLiteral("t"), p.t);
    else
        o.remove(QStringLiteral("t"));

    if (p.form == PoseForm::Matrix) {
        o.remove(QStringLiteral("position"));
        o.remove(QStringLiteral("rotation"));
        const auto raw = rawNumbers(p.raw, QStringLiteral("matrix"), 16);
        if (raw && samePose(Pose::fromMatrix(cv::Matx44d(raw->data())), p.pose))
            return o;
        const cv::Matx44d m = p.pose.toMatrix();
        QJsonArray matrix;
        for (int i = 0; i < 16; ++i)
            matrix.append(m.val[i]); // row-major, as Matx stores it
        o.insert(QStringLiteral("matrix"), matrix);
        return o;
    }

    o.remove(QStringLiteral("matrix"));
    o.insert(QStringLiteral("position"), numbers({p.pose.position[0], p.pose.position[1], p.pose.position[2]}));
    const auto raw = rawNumbers(p.raw, QStringLiteral("rotation"), 4);
    const Quaternion &q = p.pose.rotation;
    const bool unchanged =
        raw && sameRotation(Quaternion{(*raw)[0], (*raw)[1], (*raw)[2], (*raw)[3]}.normalized(), q);
    if (!unchanged)
        o.insert(QStringLiteral("rotation"), numbers({q.x, q.y, q.z, q.w}));
    return o;
}

} // namespace

QJsonObject ManifestWriter::markupToJson(const Markup &m)
{
    QJsonObject o = m.raw;
    o.insert(QStringLiteral("id"), m.id);
    o.insert(QStringLiteral("kind"), markupKindName(m.kind));
    o.insert(QStringLiteral("space"), markupSpaceName(m.space));
    QJsonArray points;
    if (m.space == MarkupSpace::World) {
        for (const cv::Vec3d &p : m.worldPoints)
            points.append(numbers({p[0], p[1], p[2]}));
    } else {
        for (const cv::Point2d &p : m.imagePoints)
            points.append(numbers({p.x, p.y}));
    }
    o.insert(QStringLiteral("points"), points);
    o.insert(QStringLiteral("color"), m.color.name(QColor::HexRgb).toUpper());
    o.insert(QStringLiteral("width"), m.width);
    // A style this version knows is written from `style`; one it does not
    // know (a newer writer's) is left as read.
    const QString styleKey = QStringLiteral("style");
    if (m.style != MarkupStyle::Plain)
        o.insert(styleKey, markupStyleName(m.style));
    else if (markupStyleFor(m.kind, o.value(styleKey).toString()) != MarkupStyle::Plain
             || o.value(styleKey).toString().isEmpty())
        o.remove(styleKey);
    if (m.kind == MarkupKind::Text)
        o.insert(QStringLiteral("text"), m.text);
    else
        setOrRemove(o, QStringLiteral("text"), m.text);
    setOrRemove(o, QStringLiteral("author"), m.author);
    setOrRemove(o, QStringLiteral("createdAt"), m.createdAt);
    for (const auto &[key, value] : {std::pair{QStringLiteral("from"), m.from}, std::pair{QStringLiteral("to"), m.to}}) {
        if (value)
            o.insert(key, *value);
        else
            o.remove(key);
    }
    return o;
}

QJsonObject ManifestWriter::bookmarkToJson(const Bookmark &bookmark)
{
    QJsonObject o = bookmark.raw;
    o.insert(QStringLiteral("id"), bookmark.id);
    o.insert(QStringLiteral("name"), bookmark.name);
    o.insert(QStringLiteral("from"), bookmark.from);
    o.insert(QStringLiteral("to"), bookmark.to);
    setOrRemove(o, QStringLiteral("author"), bookmark.author);
    setOrRemove(o, QStringLiteral("createdAt"), bookmark.createdAt);
    return o;
}

QJsonObject ManifestWriter::toJson(const CaptureManifest &manifest)
{
    QJsonObject o = manifest.raw;
    o.insert(QStringLiteral("format"), QStringLiteral("sightline-capture"));
    o.insert(QStringLiteral("version"), CaptureManifest::kFormatVersion);
    o.insert(QStringLiteral("id"), manifest.id);
    setOrRemove(o, QStringLiteral("assetId"), manifest.assetId);
    setOrRemove(o, QStringLiteral("capturedAt"), manifest.capturedAt);
    setOrRemove(o, QStringLiteral("capturedBy"), manifest.capturedBy);
    setOrRemove(o, QStringLiteral("spatialFrame"), manifest.spatialFrame);

    QJsonObject media = manifest.raw.value(QStringLiteral("media")).toObject();
    media.insert(QStringLiteral("file"), manifest.mediaFile);
    media.insert(QStringLiteral("type"), mediaTypeName(manifest.mediaType));
    o.insert(QStringLiteral("media"), media);

    if (manifest.camera) {
        const CameraIntrinsics &k = *manifest.camera;
        QJsonObject camera = manifest.raw.value(QStringLiteral("camera")).toObject();
        camera.insert(QStringLiteral("width"), k.width);
        camera.insert(QStringLiteral("height"), k.height);
        camera.insert(QStringLiteral("fx"), k.fx);
        camera.insert(QStringLiteral("fy"), k.fy);
        camera.insert(QStringLiteral("cx"), k.cx);
        camera.insert(QStringLiteral("cy"), k.cy);
        if (k.distortion.empty()) {
            camera.remove(QStringLiteral("distortion"));
        } else {
            QJsonArray d;
            for (double c : k.distortion)
                d.append(c);
            camera.insert(QStringLiteral("distortion"), d);
        }
        o.insert(QStringLiteral("camera"), camera);
    } else {
        o.remove(QStringLiteral("camera"));
    }

    if (manifest.axes)
        o.insert(QStringLiteral("axes"), axesName(*manifest.axes));
    else
        o.remove(QStringLiteral("axes"));

    if (manifest.poses.empty()) {
        o.remove(QStringLiteral("poses"));
    } else {
        if (!manifest.axes)
            qCWarning(lcCapture) << "Writing poses without axes: the manifest will not read back" << manifest.id;
        QJsonArray poses;
        for (const ManifestPose &p : manifest.poses) {
            // A photo's t means nothing: keep it only if it was written.
            const bool writeTime = manifest.mediaType == MediaType::Video || p.raw.contains(QStringLiteral("t"));
            poses.append(poseJson(p, writeTime));
        }
        o.insert(QStringLiteral("poses"), poses);
    }

    QJsonArray markups;
    for (const Markup &m : manifest.markups)
        markups.append(markupToJson(m));
    o.insert(QStringLiteral("markups"), markups);
    // Optional: a manifest without bookmarks is written without the field.
    if (manifest.bookmarks.empty()) {
        o.remove(QStringLiteral("bookmarks"));
    } else {
        QJsonArray bookmarks;
        for (const Bookmark &b : manifest.bookmarks)
            bookmarks.append(bookmarkToJson(b));
        o.insert(QStringLiteral("bookmarks"), bookmarks);
    }
    return o;
}

QByteArray ManifestWriter::toBytes(const CaptureManifest &manifest)
{
    return toBytes(toJson(manifest));
}

QByteArray ManifestWriter::toBytes(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

bool ManifestWriter::writeFile(const CaptureManifest &manifest, const QString &path, QString *errorMessage)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorMessage)
            *errorMessage = QCoreApplication::translate("sl::ManifestWriter", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = toBytes(manifest);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (errorMessage)
            *errorMessage = QCoreApplication::translate("sl::ManifestWriter", "Cannot save %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace sl
