#include "uitestutil.h"

#include "capture/manifestreader.h"
#include "synthetic/democapturegenerator.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstdlib>

namespace sl::test {

std::optional<DemoCapture> makeDemoCapture(const QString &folder, const QString &assetId, MediaType type,
                                           QString *error)
{
    DemoCaptureGenerator::Options options;
    options.videoCount = type == MediaType::Video ? 1 : 0;
    options.photoCount = type == MediaType::Photo ? 1 : 0;
    options.videoSeconds = 2;
    const QStringList manifests = DemoCaptureGenerator::generate(folder, {assetId}, options, error);
    if (manifests.isEmpty())
        return std::nullopt;
    const ManifestResult read = ManifestReader::readFile(manifests.front());
    if (const auto *e = std::get_if<ManifestError>(&read)) {
        *error = e->message();
        return std::nullopt;
    }
    DemoCapture capture{std::get<CaptureManifest>(read), {}};
    capture.mediaPath = QFileInfo(manifests.front()).dir().filePath(capture.manifest.mediaFile);
    // The first capture of an asset carries the spatial frame's world markup.
    if (capture.manifest.mediaType != type || !capture.manifest.hasPoses() ||
        worldMarkupsOf(capture.manifest).empty()) {
        *error = QStringLiteral("the demo capture is not a posed %1 with world markup").arg(mediaTypeName(type));
        return std::nullopt;
    }
    return capture;
}

std::vector<Markup> worldMarkupsOf(const CaptureManifest &manifest)
{
    std::vector<Markup> world;
    std::copy_if(manifest.markups.begin(), manifest.markups.end(), std::back_inserter(world),
                 [](const Markup &m) { return m.space == MarkupSpace::World; });
    return world;
}

QColor pixelAt(const QImage &grab, QPoint logical)
{
    return grab.pixelColor((QPointF(logical) * grab.devicePixelRatio()).toPoint());
}

QColor pixelAt(const QImage &grab, int x, int y)
{
    return pixelAt(grab, QPoint(x, y));
}

int pixelsNear(const QImage &image, QPoint at, int radius, const QColor &color, int tolerance)
{
    // `at` and `radius` are in the widget's (logical) pixels; a grab on a
    // high-density screen has devicePixelRatio() image pixels to each.
    const qreal dpr = image.devicePixelRatio();
    const QPoint centre = (QPointF(at) * dpr).toPoint();
    const int reach = qRound(radius * dpr);
    int hits = 0;
    for (int y = centre.y() - reach; y <= centre.y() + reach; ++y) {
        for (int x = centre.x() - reach; x <= centre.x() + reach; ++x) {
            if (!image.valid(x, y))
                continue;
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < tolerance && std::abs(c.green() - color.green()) < tolerance &&
                std::abs(c.blue() - color.blue()) < tolerance)
                ++hits;
        }
    }
    return hits;
}

} // namespace sl::test
