#pragma once

#include "capture/capturemanifest.h"
#include "spatial/cameraintrinsics.h"
#include "synthetic/cameratrajectory.h"
#include "synthetic/democapturegenerator.h"

#include <QString>
#include <QStringList>
#include <QUuid>

#include <vector>

namespace sl {

// One demo capture as planned: the true camera (trajectory and the
// intrinsics of the rendered pixels) and the complete manifest to write.
struct DemoCaptureSpec
{
    QString baseName;              // e.g. "capture-01-orbit"; media and manifest names derive from it
    CameraTrajectory trajectory;   // the true camera, OpenCV axes; still for a photo
    CameraIntrinsics renderCamera; // intrinsics of the rendered (decoded) pixels
    double fps = 0;                // videos only
    int frameCount = 1;
    CaptureManifest manifest; // poses sampled at every frame time i / fps

    QString mediaFileName() const { return manifest.mediaFile; }
    QString manifestFileName() const { return baseName + QLatin1String(".capture.json"); }
    // The true camera of frame `index` (0 for a photo).
    CameraPose cameraOfFrame(int index) const { return trajectory.at(fps > 0 ? index / fps : 0.0); }
};

// Decides, deterministically, what the demo captures are: which asset each
// belongs to, camera paths, intrinsics (with and without distortion, one
// proxy), axes and pose forms, and the markup (world-space arrows, ink and
// a line on named features of DemoScene, image-space markup with time ranges,
// a redaction over the control panel label). Rendering is DemoCaptureGenerator's.
class DemoCapturePlan
{
public:
    // Videos first, then photos. Empty when assetIds is empty.
    static std::vector<DemoCaptureSpec> make(const QStringList &assetIds,
                                             const DemoCaptureGenerator::Options &options);
    // Namespace of every id the plan makes (UUID version 5).
    static QUuid idNamespace();
    // The spatial frame id of an asset's captures.
    static QString spatialFrameOf(const QString &assetId);

private:
    static DemoCaptureSpec video(int index, const QString &assetId,
                                 const DemoCaptureGenerator::Options &options);
    static DemoCaptureSpec photo(int index, int overall, const QString &assetId,
                                 const DemoCaptureGenerator::Options &options);
    static std::vector<Markup> worldMarkups(const QString &captureId, const QString &author,
                                            const QString &createdAt);
    static void addImageMarkups(DemoCaptureSpec &spec, int variant);
};

} // namespace sl
