#pragma once

// Helpers shared by the manifest tests: load the sample manifests and change
// one field of a JSON document by its path ("poses[3].rotation").

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
        if (tokens.isEmpty() && value.isUndefined())
            array.removeAt(i);
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

} // namespace sl::test
