#include "synthetic/democaptureplan.h"

#include "synthetic/demoscene.h"

#include <QDateTime>
#include <QSet>
#include <QTimeZone>

#include <opencv2/calib3d.hpp>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

const QStringList kTechnicians = {QStringLiteral("ana.ruiz@contoso.example"),
                                  QStringLiteral("jonas.berg@contoso.example"),
                                  QStringLiteral("mei.tanaka@contoso.example")};

QString uuidFor(const QString &name)
{
    return QUuid::createUuidV5(DemoCapturePlan::idNamespace(), name).toString(QUuid::WithoutBraces);
}

cv::Vec3d featureAt(const char *name)
{
    const FeaturePoint *f = DemoScene::pumpSkid().feature(QString::fromLatin1(name));
    return f ? f->position : DemoScene::centre();
}

// Pinhole intrinsics for `size` with a focal length of `focal` x width and a
// principal point slightly off centre, as a calibrated camera has.
CameraIntrinsics intrinsicsFor(QSize size, double focal, double dx, double dy,
                               std::vector<double> distortion = {})
{
    CameraIntrinsics k;
    k.width = size.width();
    k.height = size.height();
    k.fx = focal * size.width();
    k.fy = k.fx * 1.0004; // not quite square pixels
    k.cx = (size.width() - 1) / 2.0 + dx;
    k.cy = (size.height() - 1) / 2.0 + dy;
    k.distortion = std::move(distortion);
    return k;
}

Markup makeMarkup(const QString &id, MarkupKind kind, const QColor &color, double width,
                  const QString &author, const QString &createdAt)
{
    Markup m;
    m.id = id;
    m.kind = kind;
    m.space = MarkupSpace::Image; // world markup says so itself
    m.color = color;
    m.width = width;
    m.author = author;
    m.createdAt = createdAt;
    return m;
}

// Normalised image position of a world point in frame `index` of `spec`.
std::optional<cv::Point2d> normalisedProjection(const DemoCaptureSpec &spec, const cv::Vec3d &world,
                                                int index = 0)
{
    const cv::Vec3d c = spec.cameraOfFrame(index).worldToCamera(world);
    if (c[2] <= 0.05)
        return std::nullopt;
    std::vector<cv::Point2d> pixels;
    cv::projectPoints(std::vector<cv::Point3d>{{c[0], c[1], c[2]}}, cv::Vec3d(0, 0, 0), cv::Vec3d(0, 0, 0),
                      spec.renderCamera.cameraMatrix(), spec.renderCamera.distortionCoeffs(), pixels);
    return cv::Point2d(pixels[0].x / spec.renderCamera.width, pixels[0].y / spec.renderCamera.height);
}

void samplePoses(DemoCaptureSpec &spec, Axes axes, PoseForm form)
{
    spec.manifest.axes = axes;
    spec.manifest.poses.clear();
    spec.manifest.poses.reserve(size_t(spec.frameCount));
    for (int i = 0; i < spec.frameCount; ++i) {
        ManifestPose pose;
        pose.t = spec.fps > 0 ? i / spec.fps : 0.0;
        pose.pose = spec.cameraOfFrame(i).toPose(axes);
        pose.form = form;
        spec.manifest.poses.push_back(pose);
    }
}

void fillCommon(DemoCaptureSpec &spec, int overall, const QString &assetId, const QString &name,
                MediaType type)
{
    spec.baseName = QStringLiteral("capture-%1-%2").arg(overall + 1, 2, 10, QLatin1Char('0')).arg(name);
    CaptureManifest &m = spec.manifest;
    m.id = uuidFor(QStringLiteral("capture/%1/%2").arg(assetId).arg(overall));
    m.assetId = assetId;
    m.mediaType = type;
    m.mediaFile = spec.baseName + (type == MediaType::Video ? QLatin1String(".mp4") : QLatin1String(".jpg"));
    const QDateTime start(QDate(2026, 3, 2), QTime(8, 30), QTimeZone::utc());
    m.capturedAt = start.addSecs(qint64(overall) * 23 * 60).toString(Qt::ISODate);
    m.capturedBy = kTechnicians[overall % kTechnicians.size()];
    m.spatialFrame = DemoCapturePlan::spatialFrameOf(assetId);
}

} // namespace

QUuid DemoCapturePlan::idNamespace()
{
    return QUuid(QStringLiteral("{3c6f1e0a-4d2b-5a8e-9f17-6b0c2d4e8a51}"));
}

QString DemoCapturePlan::spatialFrameOf(const QString &assetId)
{
    return uuidFor(QStringLiteral("frame/%1").arg(assetId));
}

std::vector<DemoCaptureSpec> DemoCapturePlan::make(const QStringList &assetIds,
                                                   const DemoCaptureGenerator::Options &options)
{
    std::vector<DemoCaptureSpec> specs;
    if (assetIds.isEmpty())
        return specs;
    const int videos = std::max(0, options.videoCount);
    const int photos = std::max(0, options.photoCount);
    for (int v = 0; v < videos; ++v)
        specs.push_back(video(v, assetIds[v % assetIds.size()], options));
    for (int p = 0; p < photos; ++p)
        specs.push_back(photo(p, videos + p, assetIds[p % assetIds.size()], options));

    // World markup belongs to the spatial frame: it rides on the first
    // capture of each asset and shows in all of them.
    QSet<QString> carried;
    for (DemoCaptureSpec &spec : specs) {
        if (carried.contains(spec.manifest.assetId))
            continue;
        carried.insert(spec.manifest.assetId);
        std::vector<Markup> world =
            worldMarkups(spec.manifest.id, spec.manifest.capturedBy, spec.manifest.capturedAt);
        spec.manifest.markups.insert(spec.manifest.markups.begin(), world.begin(), world.end());
    }
    return specs;
}

DemoCaptureSpec DemoCapturePlan::video(int index, const QString &assetId,
                                       const DemoCaptureGenerator::Options &options)
{
    static const char *const names[] = {"orbit",       "walk-panel",     "pan-motor-inlet",
                                        "orbit-proxy", "walk-nameplate", "orbit-high"};
    const int variant = index % 6;
    const double cycle = index / 6;
    const double length = options.videoSeconds;
    const QSize size = options.size;
    const cv::Vec3d centre = DemoScene::centre();

    DemoCaptureSpec spec;
    fillCommon(spec, index, assetId, QString::fromLatin1(names[variant]), MediaType::Video);
    spec.fps = options.fps;
    spec.frameCount = std::max(1, int(std::lround(length * options.fps)));

    Axes axes = Axes::OpenCV;
    PoseForm form = PoseForm::Matrix;
    switch (variant) {
    case 0:
        spec.trajectory =
            CameraTrajectory::orbit(centre, 2.5, 1.65, -0.9 + 0.35 * cycle, 0.5 + 0.35 * cycle, length);
        spec.renderCamera = intrinsicsFor(size, 0.80, 2.3, -1.7);
        axes = Axes::OpenGL;
        break;
    case 1:
        spec.trajectory =
            CameraTrajectory::walkIn({0.55, 1.0, -0.15}, {1.9, 1.75, 2.9}, {1.05, 1.5, 1.35}, length);
        spec.renderCamera = intrinsicsFor(size, 0.74, -3.1, 2.2, {-0.06, 0.015, 0.0004, -0.0003});
        form = PoseForm::PositionRotation;
        break;
    case 2:
        spec.trajectory = CameraTrajectory::pan({-0.5, 1.7, 2.4}, {-0.6, 0.4, 0}, {0.75, 0.45, 0}, length);
        spec.renderCamera = intrinsicsFor(size, 0.82, 1.2, 0.9, {0.035, -0.018, -0.0002, 0.0003});
        axes = Axes::OpenGL;
        form = PoseForm::PositionRotation;
        break;
    case 3: {
        // A downscaled proxy: the manifest describes the full-size camera.
        spec.trajectory =
            CameraTrajectory::orbit(centre, 2.2, 1.9, 0.9 - 0.35 * cycle, -0.4 - 0.35 * cycle, length);
        spec.renderCamera = intrinsicsFor(size, 0.78, -1.5, 1.1);
        break;
    }
    case 4:
        spec.trajectory =
            CameraTrajectory::walkIn({-0.4, 0.4, 0.2}, {-1.8, 1.6, 2.6}, {-0.75, 0.95, 1.15}, length);
        spec.renderCamera = intrinsicsFor(size, 0.76, 0.6, -2.4, {-0.08, 0.03, 0.0, 0.0, -0.005});
        axes = Axes::OpenGL;
        break;
    default:
        spec.trajectory =
            CameraTrajectory::orbit(centre, 2.7, 2.2, 0.3 + 0.35 * cycle, 1.6 + 0.35 * cycle, length);
        spec.renderCamera = intrinsicsFor(size, 0.79, 3.4, 1.6);
        form = PoseForm::PositionRotation;
        break;
    }
    spec.trajectory = spec.trajectory.withSway(0.012, 0.012, quint32(1000 + index));

    const CameraIntrinsics &rendered = spec.renderCamera;
    spec.manifest.camera =
        variant == 3 ? rendered.scaledTo(2 * rendered.width, 2 * rendered.height) : rendered;
    samplePoses(spec, axes, form);
    addImageMarkups(spec, index);
    return spec;
}

DemoCaptureSpec DemoCapturePlan::photo(int index, int overall, const QString &assetId,
                                       const DemoCaptureGenerator::Options &options)
{
    struct View
    {
        const char *name;
        cv::Vec3d eye;
        cv::Vec3d target;
        const char *feature; // what the photo is of
        const char *note;
    };
    static const View views[] = {
        {"photo-panel",
         {1.15, 1.55, 0.95},
         {0.78, 1.25, -0.2},
         "control panel button",
         "Start button sticks"},
        {"photo-overview",
         {-1.6, 1.8, 2.4},
         {0.0, 0.55, 0.0},
         "pump casing drain plug",
         "Drain plug weeping"},
        {"photo-inlet", {1.7, 0.95, 0.9}, {0.75, 0.4, 0.0}, "inlet flange top bolt", "Check bolt torque"},
        {"photo-nameplate",
         {-0.55, 0.75, 1.1},
         {-0.4, 0.36, 0.2},
         "motor nameplate corner",
         "Nameplate: 7.5 kW"},
        {"photo-valve", {0.6, 1.9, 1.3}, {0.15, 1.0, 0.0}, "valve handwheel rim", "Handwheel stiff"},
        {"photo-rear", {2.2, 1.7, -1.8}, {0.0, 0.55, 0.0}, "outlet flange front bolt", "Flange gasket"},
    };
    const int variant = index % 6;
    const View &view = views[variant];
    const double cycle = index / 6;

    DemoCaptureSpec spec;
    fillCommon(spec, overall, assetId, QString::fromLatin1(view.name), MediaType::Photo);
    const cv::Vec3d eye = view.eye + cv::Vec3d(0.15 * cycle, 0.05 * cycle, -0.1 * cycle);
    spec.trajectory =
        CameraTrajectory::still(CameraPose::lookAt(eye, view.target, 0.02 * ((variant % 3) - 1)));
    spec.fps = 0;
    spec.frameCount = 1;
    const bool distorted = variant == 2 || variant == 4;
    spec.renderCamera =
        intrinsicsFor(options.size, 0.75 + 0.02 * variant, 1.7 - variant, 0.8 * variant - 2,
                      distorted ? std::vector<double>{-0.05, 0.012, 0.0002, -0.0001} : std::vector<double>{});
    spec.manifest.camera = spec.renderCamera;
    samplePoses(spec, variant % 2 ? Axes::OpenGL : Axes::OpenCV,
                variant % 3 == 0 ? PoseForm::PositionRotation : PoseForm::Matrix);

    const QString author = spec.manifest.capturedBy;
    const QString created = spec.manifest.capturedAt;
    const QString id = spec.manifest.id;
    // A box around what the photo is of, with a note above it.
    if (const auto at = normalisedProjection(spec, featureAt(view.feature))) {
        const double half = 0.07;
        Markup rect = makeMarkup(uuidFor(id + QLatin1String("/rect")), MarkupKind::Rect,
                                 QColor(0xFF, 0xD6, 0x0A), 3, author, created);
        rect.imagePoints = {{std::clamp(at->x - half, 0.0, 1.0), std::clamp(at->y - half, 0.0, 1.0)},
                            {std::clamp(at->x + half, 0.0, 1.0), std::clamp(at->y + half, 0.0, 1.0)}};
        spec.manifest.markups.push_back(rect);
        Markup note =
            makeMarkup(uuidFor(id + QLatin1String("/note")), MarkupKind::Text, Qt::white, 3, author, created);
        note.text = QString::fromUtf8(view.note);
        note.imagePoints = {{std::clamp(at->x - half, 0.0, 0.8), std::clamp(at->y - half - 0.09, 0.0, 0.9)}};
        spec.manifest.markups.push_back(note);
    }
    // The panel photo: its label is redacted.
    if (variant == 0) {
        const FeaturePoint *label = DemoScene::pumpSkid().feature(QStringLiteral("control panel label"));
        double u0 = 1, v0 = 1, u1 = 0, v1 = 0;
        bool any = false;
        if (label) {
            for (const cv::Vec3d &corner : DemoScene::pumpSkid().faces()[size_t(label->face)].vertices) {
                if (const auto p = normalisedProjection(spec, corner)) {
                    u0 = std::min(u0, p->x), v0 = std::min(v0, p->y);
                    u1 = std::max(u1, p->x), v1 = std::max(v1, p->y);
                    any = true;
                }
            }
        }
        if (any && u1 > u0 && v1 > v0) {
            const double mu = 0.15 * (u1 - u0) + 4.0 / options.size.width();
            const double mv = 0.15 * (v1 - v0) + 4.0 / options.size.height();
            Markup blur = makeMarkup(uuidFor(id + QLatin1String("/redaction")), MarkupKind::Blur, Qt::black,
                                     1, author, created);
            blur.imagePoints = {{std::clamp(u0 - mu, 0.0, 1.0), std::clamp(v0 - mv, 0.0, 1.0)},
                                {std::clamp(u1 + mu, 0.0, 1.0), std::clamp(v1 + mv, 0.0, 1.0)}};
            spec.manifest.markups.push_back(blur);
        }
    }
    return spec;
}

std::vector<Markup> DemoCapturePlan::worldMarkups(const QString &captureId, const QString &author,
                                                  const QString &createdAt)
{
    std::vector<Markup> markups;
    const auto next = [&](MarkupKind kind, const QColor &color, double width) {
        Markup m = makeMarkup(uuidFor(captureId + QStringLiteral("/world/%1").arg(markups.size())), kind,
                              color, width, author, createdAt);
        m.space = MarkupSpace::World;
        return m;
    };

    // Arrows: the head exactly on a feature, the tail a little away from it.
    const struct
    {
        const char *feature;
        cv::Vec3d tailOffset;
        QColor color;
    } arrows[] = {
        {"inlet flange top bolt", {0.16, 0.12, 0.05}, QColor(0xFF, 0x3B, 0x30)},
        {"control panel button", {0.12, 0.10, 0.20}, QColor(0x0A, 0x84, 0xFF)},
        {"valve handwheel rim", {-0.10, 0.16, 0.12}, QColor(0xBF, 0x5A, 0xF2)},
        {"motor nameplate corner", {-0.12, 0.14, 0.14}, QColor(0xFF, 0x9F, 0x0A)},
    };
    for (const auto &a : arrows) {
        Markup arrow = next(MarkupKind::Arrow, a.color, 5);
        const cv::Vec3d head = featureAt(a.feature);
        arrow.worldPoints = {head + a.tailOffset, head};
        markups.push_back(arrow);
    }

    // Ink circling the drain plug, a little in front of the casing, drawn by
    // hand: the radius wobbles and the stroke overshoots its start.
    Markup ink = next(MarkupKind::Ink, QColor(0xFF, 0xD6, 0x0A), 4);
    const cv::Vec3d plug = featureAt("pump casing drain plug") + cv::Vec3d(0.012, 0, 0);
    for (int k = 0; k <= 28; ++k) {
        const double angle = 0.3 + k * (2 * CV_PI + 0.45) / 28;
        const double radius = 0.055 + 0.005 * std::sin(3 * angle + 1.0);
        ink.worldPoints.push_back(plug + cv::Vec3d(0, radius * std::cos(angle), radius * std::sin(angle)));
    }
    markups.push_back(ink);

    // A line between two features.
    Markup line = next(MarkupKind::Line, QColor(0x30, 0xD1, 0x58), 4);
    line.worldPoints = {featureAt("base plate anchor bolt"), featureAt("pump casing drain plug")};
    markups.push_back(line);

    Markup note = next(MarkupKind::Text, Qt::white, 3);
    note.text = QStringLiteral("Replace gasket");
    note.worldPoints = {featureAt("inlet flange top bolt") + cv::Vec3d(0, 0.22, 0)};
    markups.push_back(note);
    return markups;
}

void DemoCapturePlan::addImageMarkups(DemoCaptureSpec &spec, int variant)
{
    const double length = spec.frameCount / spec.fps;
    const double d = 0.03 * (variant % 3);
    const QString id = spec.manifest.id;
    const QString author = spec.manifest.capturedBy;
    const QString created = spec.manifest.capturedAt;
    int n = 0;
    const auto add = [&](MarkupKind kind, const QColor &color, double width, double from, double to,
                         std::vector<cv::Point2d> points, const QString &text = {}) {
        Markup m = makeMarkup(uuidFor(id + QStringLiteral("/image/%1").arg(n++)), kind, color, width, author,
                              created);
        m.imagePoints = std::move(points);
        m.from = from * length;
        m.to = to * length;
        m.text = text;
        spec.manifest.markups.push_back(m);
    };
    add(MarkupKind::Rect, QColor(0xFF, 0xD6, 0x0A), 3, 0.15, 0.45, {{0.58 + d, 0.22}, {0.82 + d, 0.50}});
    add(MarkupKind::Text, Qt::white, 3, 0.15, 0.45, {{0.58 + d, 0.13}}, QStringLiteral("Leak here?"));
    add(MarkupKind::Ellipse, QColor(0x30, 0xD1, 0x58), 3, 0.05, 0.30, {{0.34, 0.60 - d}, {0.50, 0.80 - d}});
    std::vector<cv::Point2d> squiggle;
    for (int k = 0; k < 14; ++k)
        squiggle.emplace_back(0.16 + 0.012 * k, 0.72 + 0.03 * std::sin(k * 0.9));
    add(MarkupKind::Ink, QColor(0xFF, 0x9F, 0x0A), 4, 0.55, 0.85, squiggle);
    add(MarkupKind::Arrow, QColor(0x64, 0xD2, 0xFF), 4, 0.60, 0.95, {{0.10, 0.18 + d}, {0.26, 0.33 + d}});

    // Where a reviewer would come back to: the leak's time range and a moment.
    const auto bookmark = [&](const char *key, const QString &name, double from, double to) {
        Bookmark b;
        b.id = uuidFor(id + QLatin1String("/bookmark/") + QLatin1String(key));
        b.name = name;
        b.from = from * length;
        b.to = to * length;
        b.author = author;
        b.createdAt = created;
        spec.manifest.bookmarks.push_back(b);
    };
    bookmark("leak", QStringLiteral("Possible leak at the inlet"), 0.15, 0.45);
    bookmark("gauge", QStringLiteral("Pressure gauge in view"), 0.62, 0.62);
}

} // namespace sl
