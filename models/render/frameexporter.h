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

    // The world markups of `manifest`'s spatial frame: its own, then those of
    // the other valid manifests in `folder` that share the frame (each id once).
    static std::vector<Markup> spatialFrameMarkups(const CaptureManifest &manifest, const QString &folder);

private:
    // Decodes the frame at `seconds`, burns the markup in and writes the PNG.
    static bool burnAndWrite(const CaptureManifest &manifest, const std::vector<Markup> &worldMarkups,
                             const QString &mediaPath, const QString &manifestName,
                             std::optional<double> seconds, const QString &outPath, QString *error,
                             OverlayResult *overlay);
};

} // namespace sl
