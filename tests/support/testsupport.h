#pragma once

#include "domain/asset.h"

#include <QImage>
#include <QJsonObject>
#include <QRect>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace sl {
class Workspace;
}

namespace sl::test {

// The source tree's root (set by ctest in SIGHTLINE_SOURCE_DIR).
QString sourceDir();
// tests/data/<name> in the source tree.
QString dataPath(const QString &name);

// Opens a fresh workspace in a new temporary folder (for a test's init());
// false, with the reason logged, when either cannot be made.
bool openTemporaryWorkspace(std::unique_ptr<QTemporaryDir> &dir, std::unique_ptr<Workspace> &workspace);
// Closes the workspace before its folder goes (for a test's cleanup()).
void closeTemporaryWorkspace(std::unique_ptr<QTemporaryDir> &dir, std::unique_ptr<Workspace> &workspace);

// An asset with just the fields most store tests need.
Asset makeAsset(const QString &id, const QString &name, const QString &tag = {}, const QString &parentId = {});

// What sampleManifestJson() writes; fields left empty are left out.
struct SampleManifest
{
    QString id;
    QString assetId;
    QString mediaFile = QStringLiteral("photo.jpg");
    QString mediaType = QStringLiteral("photo"); // "photo" or "video"
    QString capturedAt = QStringLiteral("2026-11-20T10:31:00Z");
    QString spatialFrame;
    QString arrowId; // id of its one world-space arrow; "<id>-arrow" when empty
};

// A valid version-1 manifest (CAPTURE-FORMAT.md) as a device writes it, with
// one world-space arrow, for tests of the store and the importer.
QJsonObject sampleManifestJson(const SampleManifest &sample);

// Variance of the grey level (qGray) within `area` of `image`: what a
// redaction must bring down (a hidden pattern has almost none left).
double greyVariance(const QImage &image, const QRect &area);

} // namespace sl::test
