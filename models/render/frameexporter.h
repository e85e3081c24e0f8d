#pragma once

#include "capture/capturemanifest.h"
#include "render/overlayrenderer.h"

#include <QString>

#include <optional>
#include <vector>

namespace sl {

class Workspace;

// The CLI's export-frame: the frame of a capture at a time, at its full
// decoded size, with all its markup burned in by OverlayRenderer.
class FrameExporter
{
public:
    // `seconds` absent: the first frame (a photo ignores it). Writes a PNG.
    // False with *error set to a one-line reason.
    static bool exportFrame(const QString &manifestPath, std::optional<double> seconds,
                            const QString &outPath, QString *error = nullptr);
    // The same, also telling what was drawn (and why 3D markup was not).
    static bool exportFrame(const QString &manifestPath, std::optional<double> seconds,
                            const QString &outPath, QString *error, OverlayResult *overlay);

    // A capture of a workspace, with the markup the viewer shows for it
    // (CaptureOpening, MarkupRepository::visibleIn): the flattened export.
    // An `outPath` ending in .jpg or .jpeg is written as JPEG, else PNG.
    // Redactions are always burned in; the evidence trail gets an audit row
    // (field "export", by `author`) with the stored original's SHA-256 and
    // the written file's, so the unredacted original can be matched to what
    // left the machine.
    static bool exportCapture(Workspace &workspace, const QString &captureId, std::optional<double> seconds,
                              const QString &outPath, QString *error = nullptr, OverlayResult *overlay = nullptr,
                              const QString &author = QString());

    // What an export draws: a capture's manifest, the world markup it shows,
    // its media, and the name its messages start with ("x.capture.json: ").
    struct Source
    {
        CaptureManifest manifest;
        std::vector<Markup> worldMarkups;
        QString mediaPath;
        QString messagePrefix;
        QString captureId;   // a workspace's capture only
        QString mediaSha256; // a workspace's capture only: the stored original
    };
    // A loose manifest and its folder's frame markup (spatialFrameMarkups).
    static bool readManifest(const QString &manifestPath, Source *source, QString *error);
    // A workspace's capture, as the viewer reads it (CaptureOpening).
    static bool readCapture(Workspace &workspace, const QString &captureId, Source *source, QString *error);
    // The one burn-in of every export: markup projected in sensor pixels on
    // `frame` (shown turned `rotation` degrees) at the frame's own time
    // `frameTime` (seconds), redactions included; the result turned back.
    static QImage burnFrame(const QImage &frame, int rotation, const Source &source, double frameTime,
                            OverlayResult *drawn = nullptr);
    // The audit row of a flattened export (field "export"): the stored
    // original's SHA-256 and the written file's.
    static bool recordExport(Workspace &workspace, const Source &source, const QString &outPath,
                             const QString &author, QString *error);

    // The world markups of `manifest`'s spatial frame: its own, then those of
    // the other valid manifests in `folder` that share the frame (each id once).
    static std::vector<Markup> spatialFrameMarkups(const CaptureManifest &manifest, const QString &folder);

private:
    // Decodes the frame at `seconds`, burns the markup in and writes the PNG.
    static bool burnAndWrite(const Source &source, std::optional<double> seconds, const QString &outPath,
                             QString *error, OverlayResult *overlay);
};

} // namespace sl
