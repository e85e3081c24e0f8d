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

QString markupKindName(MarkupKind kind);
std::optional<MarkupKind> markupKindFromName(const QString &name);
QString markupSpaceName(MarkupSpace space);
std::optional<MarkupSpace> markupSpaceFromName(const QString &name);

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
    QString text;                         // kind == Text
    std::optional<double> from, to;       // seconds; image markup on video only
    QString author;
    QString createdAt;                    // ISO 8601, kept as written
    QJsonObject raw;                      // the object as read: unknown fields survive a round trip

    // Whether image-space markup shows at this media time (world markup always does).
    bool visibleAt(double seconds) const;
};

} // namespace sl
