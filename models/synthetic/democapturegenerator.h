#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace sl {

// Renders demo captures of a synthetic piece of equipment (see DemoScene)
// seen by a moving camera: H.264 videos and JPEG photos, each with a
// version-1 manifest carrying exact poses and intrinsics, world-space ink and
// arrows on real features of the model, and image-space markup with time
// ranges. Deterministic for the same options.
class DemoCaptureGenerator
{
public:
    struct Options
    {
        int videoCount = 6;
        int photoCount = 6;
        double videoSeconds = 12; // 10-20 s
        double fps = 30;
        QSize size{960, 540};     // rendered pixels
    };

    // Writes media and `*.capture.json` files into `folder`, spreading the
    // captures over `assetIds` (at least one). Returns the manifest paths, or
    // an empty list with *error set.
    static QStringList generate(const QString &folder, const QStringList &assetIds, const Options &options,
                                QString *error = nullptr);
};

} // namespace sl
