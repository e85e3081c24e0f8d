#pragma once

#include "capture/capturemanifest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace sl {

// Writes a manifest back as version-1 JSON, starting from the fields it was
// read with so that unknown ones survive.
class ManifestWriter
{
public:
    static QJsonObject toJson(const CaptureManifest &manifest);
    static QByteArray toBytes(const CaptureManifest &manifest); // indented JSON
    static QByteArray toBytes(const QJsonObject &json);         // the same, for toJson()'s result
    // One markup as the manifest's "markups" array holds it, starting from
    // the object it was read from (unknown fields survive).
    static QJsonObject markupToJson(const Markup &markup);
    static QJsonObject bookmarkToJson(const Bookmark &bookmark);
    // Writes atomically (QSaveFile); false with errorMessage set on failure.
    static bool writeFile(const CaptureManifest &manifest, const QString &path, QString *errorMessage = nullptr);
};

} // namespace sl
