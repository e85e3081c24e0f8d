#pragma once

// Helpers shared by the manifest tests: load and parse the sample manifests
// and change one field of a JSON document by its path ("poses[3].rotation").

#include "capture/capturemanifest.h"
#include "capture/manifestreader.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QVariant>

namespace sl::test {

inline QByteArray manifestBytes(const QString &name)
{
    QFile file(dataPath(QStringLiteral("manifests/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test manifest %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline QJsonObject manifestObject(const QString &name)
{
    return QJsonDocument::fromJson(manifestBytes(name)).object();
}

// A manifest the test expects to be valid; stops the test run if it is not.
inline CaptureManifest parseOk(const QByteArray &bytes, const QString &name = QStringLiteral("t.capture.json"))
{
    const ManifestResult result = ManifestReader::parse(bytes, name);
    if (const auto *error = std::get_if<ManifestError>(&result))
        qFatal("unexpected error: %s", qPrintable(error->message()));
    return std::get<CaptureManifest>(result);
}

// Path tokens: object keys as QString, array indices as int.
inline QVariantList splitJsonPath(const QString &path)
{
    QVariantList tokens;
    static const QRegularExpression token(QStringLiteral(R"(([^.\[\]]+)|\[(\d+)\])"));
    auto it = token.globalMatch(path);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedLength(1) > 0)
            tokens.append(m.captured(1));
        else
            tokens.append(m.captured(2).toInt());
    }
    return tokens;
}

// Sets the value at `tokens` (creating nothing on the way); an undefined
// value removes the key or array element.
inline QJsonValue withValue(const QJsonValue &node, QVariantList tokens, const QJsonValue &value)
{
    if (tokens.isEmpty())
        return value;
    const QVariant head = tokens.takeFirst();
    if (head.typeId() == QMetaType::Int) {
        QJsonArray array = node.toArray();
        const int i = head.toInt();
        if (i < 0 || i > array.size())
            qFatal("test path index %d out of range (size %lld)", i, qlonglong(array.size()));
        if (tokens.isEmpty() && value.isUndefined())
            array.removeAt(i);
        else if (i == array.size())
            array.append(withValue(QJsonValue(), tokens, value)); // one past the end appends
        else
            array[i] = withValue(array.at(i), tokens, value);
        return array;
    }
    QJsonObject object = node.toObject();
    const QString key = head.toString();
    if (tokens.isEmpty() && value.isUndefined())
        object.remove(key);
    else
        object[key] = withValue(object.value(key), tokens, value);
    return object;
}

inline QJsonObject withValue(const QJsonObject &root, const QString &path, const QJsonValue &value)
{
    return withValue(QJsonValue(root), splitJsonPath(path), value).toObject();
}

inline QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The first difference between two manifests' known fields, or an empty
// string when they are equal (numbers compared exactly unless a tolerance is
// given for poses, which go through quaternion <-> matrix conversions).
inline QString manifestDifference(const CaptureManifest &a, const CaptureManifest &b, double poseTolerance = 0)
{
    const auto differ = [](const char *what) { return QString::fromLatin1(what); };
    if (a.id != b.id) return differ("id");
    if (a.assetId != b.assetId) return differ("assetId");
    if (a.mediaFile != b.mediaFile) return differ("mediaFile");
    if (a.mediaType != b.mediaType) return differ("mediaType");
    if (a.capturedAt != b.capturedAt) return differ("capturedAt");
    if (a.capturedBy != b.capturedBy) return differ("capturedBy");
    if (a.spatialFrame != b.spatialFrame) return differ("spatialFrame");
    if (a.camera.has_value() != b.camera.has_value()) return differ("camera");
    if (a.camera) {
        const CameraIntrinsics &x = *a.camera, &y = *b.camera;
        if (x.width != y.width || x.height != y.height || x.fx != y.fx || x.fy != y.fy || x.cx != y.cx
            || x.cy != y.cy || x.distortion != y.distortion)
            return differ("camera values");
    }
    if (a.axes != b.axes) return differ("axes");
    if (a.poses.size() != b.poses.size()) return differ("poses count");
    for (size_t i = 0; i < a.poses.size(); ++i) {
        const ManifestPose &p = a.poses[i], &q = b.poses[i];
        if (p.t != q.t || p.form != q.form)
            return QStringLiteral("poses[%1] t/form").arg(i);
        const Quaternion &r = p.pose.rotation, &s = q.pose.rotation;
        if (poseTolerance == 0) {
            if (p.pose.position != q.pose.position || r.x != s.x || r.y != s.y || r.z != s.z || r.w != s.w)
                return QStringLiteral("poses[%1] pose").arg(i);
            continue;
        }
        // q and -q are one rotation.
        const double dot = std::abs(r.x * s.x + r.y * s.y + r.z * s.z + r.w * s.w);
        if (cv::norm(p.pose.position - q.pose.position) > poseTolerance || 1 - dot > poseTolerance)
            return QStringLiteral("poses[%1] pose").arg(i);
    }
    if (a.markups.size() != b.markups.size()) return differ("markups count");
    for (size_t i = 0; i < a.markups.size(); ++i) {
        const Markup &m = a.markups[i], &n = b.markups[i];
        if (m.id != n.id || m.kind != n.kind || m.space != n.space || m.worldPoints != n.worldPoints
            || m.imagePoints != n.imagePoints || m.color != n.color || m.width != n.width || m.text != n.text
            || m.from != n.from || m.to != n.to || m.author != n.author || m.createdAt != n.createdAt)
            return QStringLiteral("markups[%1]").arg(i);
    }
    return QString();
}

} // namespace sl::test
