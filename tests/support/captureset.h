#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace sl::test {

// The source media bytes a workspace should hold, per capture id and per
// version (1 or 2): what CaptureSetVerifier compares stored media with.
struct CaptureSources
{
    QStringList ids;                             // in import order
    QHash<QString, QHash<int, QByteArray>> media; // id -> version -> JPEG bytes

    QByteArray mediaOf(const QString &id, int version) const { return media.value(id).value(version); }
};

// A set of N photo captures in two versions, written at test time for the
// reliability tests: <root>/v1 and <root>/v2 each hold, for every capture id,
// "capture-NNNN.capture.json" (written with ManifestWriter) and its 64x48
// JPEG "capture-NNNN.jpg". Version 1 and 2 of an id have the same file names
// but differ in their media bytes and in the manifest (capturedBy
// "version-1"/"version-2" and an image-space text markup saying the same),
// so that a stored record tells which version it is, and its media bytes too.
// Every one of the 2N media files is distinct.
class CaptureSet
{
public:
    static constexpr int kVersions = 2;

    // Writes the set; false with *error set when a file cannot be written or
    // two media files came out identical.
    bool generate(const QString &root, int count, QString *error);

    int count() const { return int(m_sources.ids.size()); }
    QString folder(int version) const; // the folder to import for a version
    const CaptureSources &sources() const { return m_sources; }

    // The id of the index-th capture (a UUID, lower case).
    static QString idFor(int index);
    // "version-1" or "version-2": the manifest's capturedBy.
    static QString versionTag(int version);
    // Writes one capture: <folder>/<stem>.jpg (pixels from index and version)
    // and <folder>/<stem>.capture.json naming it with the given id; returns
    // the media bytes, or empty with *error set.
    static QByteArray writeCapture(const QString &folder, const QString &stem, const QString &id, int index,
                                   int version, QString *error);

private:
    QString m_root;
    CaptureSources m_sources;
};

} // namespace sl::test
