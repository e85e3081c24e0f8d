#pragma once

#include <QColor>
#include <QJsonObject>
#include <QString>

#include <opencv2/core.hpp>

#include <optional>
#include <vector>

namespace sl {

enum class MarkupKind { Ink, Arrow, Line, Rect, Ellipse, Text, Blur };
enum class MarkupSpace { World, Image };
// How a kind looks (the manifest's optional "style"): ink drawn as a
// translucent highlighter, a redaction pixelated instead of blurred.
// Plain is the kind's own look, and what a reader that knows no style draws.
enum class MarkupStyle { Plain, Highlighter, Pixelate };

QString markupKindName(MarkupKind kind);
std::optional<MarkupKind> markupKindFromName(const QString &name);
QString markupSpaceName(MarkupSpace space);
std::optional<MarkupSpace> markupSpaceFromName(const QString &name);
// "highlighter", "pixelate"; empty for Plain.
QString markupStyleName(MarkupStyle style);
// The style a kind may have by that name; Plain for a name it cannot have
// (a newer writer's style: the kind's own look, the field kept as written).
MarkupStyle markupStyleFor(MarkupKind kind, const QString &name);

// One piece of markup (CAPTURE-FORMAT.md "markups").
struct Markup
{
    QString id;
    MarkupKind kind = MarkupKind::Ink;
    MarkupSpace space = MarkupSpace::Image;
    std::vector<cv::Vec3d> worldPoints;   // metres, spatial frame; space == World
    std::vector<cv::Point2d> imagePoints; // normalised 0..1, (0,0) top-left; space == Image
    QColor color = QColor(0xFF, 0x3B, 0x30);
    double width = 3;                     // pixels at the media's full size
    MarkupStyle style = MarkupStyle::Plain; // Highlighter: ink only; Pixelate: blur only
    QString text;                         // kind == Text
    std::optional<double> from, to;       // seconds; image markup on video only
    QString author;
    QString createdAt;                    // ISO 8601, kept as written
    QJsonObject raw;                      // the object as read: unknown fields survive a round trip

    // Whether image-space markup shows at this media time (world markup always does).
    bool visibleAt(double seconds) const;
};

} // namespace sl
