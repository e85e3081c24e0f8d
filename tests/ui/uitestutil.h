#pragma once

#include "capture/capturemanifest.h"

#include <QColor>
#include <QImage>
#include <QPoint>
#include <QString>

#include <optional>
#include <vector>

namespace sl::test {

// A generated demo capture and where its media is.
struct DemoCapture
{
    CaptureManifest manifest;
    QString mediaPath; // absolute
};

// Generates one demo capture of `type` (a video lasts 2 s) for `assetId` into
// `folder`: posed, and carrying its spatial frame's world markup. Null with
// *error set when generating or reading it back fails.
std::optional<DemoCapture> makeDemoCapture(const QString &folder, const QString &assetId, MediaType type,
                                           QString *error);

// The world-space markups of a manifest.
std::vector<Markup> worldMarkupsOf(const CaptureManifest &manifest);

// The colour of a grab at a point in the widget's (logical) pixels, on a
// screen of any density (the grab has devicePixelRatio() pixels to each).
QColor pixelAt(const QImage &grab, QPoint logical);
QColor pixelAt(const QImage &grab, int x, int y);
// Pixels within `radius` of `at` (logical pixels, as pixelAt) whose every
// channel is within `tolerance` of `color`.
int pixelsNear(const QImage &image, QPoint at, int radius, const QColor &color, int tolerance);

} // namespace sl::test
