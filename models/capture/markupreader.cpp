#include "capture/markupreader.h"

#include "capture/jsonfieldreader.h"
#include "common/inputlimits.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace sl {

bool MarkupReader::checkCounts(const QJsonArray &array, JsonFieldReader &reader)
{
    if (array.size() > limits::kMarkupsPerCapture)
        return reader.fail(QStringLiteral("markups"),
                           QCoreApplication::translate("sl::ManifestReader", "%1 markups; the limit is %2 per capture")
                               .arg(array.size())
                               .arg(limits::kMarkupsPerCapture));
    // Points are counted from the arrays' sizes, before any is converted.
    qint64 total = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue points = array.at(i).toObject().value(QStringLiteral("points"));
        if (!points.isArray())
            continue; // readPoints() says what is wrong with it
        const qsizetype count = points.toArray().size();
        const QString path = JsonFieldReader::member(JsonFieldReader::element(QStringLiteral("markups"), i),
                                                     QStringLiteral("points"));
        if (count > limits::kPointsPerMarkup)
            return reader.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                                 "%1 points; the limit is %2 per markup")
                                         .arg(count)
                                         .arg(limits::kPointsPerMarkup));
        total += count;
        if (total > limits::kPointsPerCapture)
            return reader.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                                 "%1 points in markups[0] to markups[%2]; the limit is %3 per capture")
                                         .arg(total)
                                         .arg(i)
                                         .arg(limits::kPointsPerCapture));
    }
    return true;
}

bool MarkupReader::read(const QJsonArray &array, JsonFieldReader &reader, std::vector<Markup> *out)
{
    if (!checkCounts(array, reader))
        return false;
    QHash<QString, qsizetype> seen; // id -> index of the markup that has it
    out->reserve(size_t(array.size()));
    qsizetype text = 0; // characters of text so far
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = JsonFieldReader::element(QStringLiteral("markups"), i);
        Markup markup;
        if (!readOne(array.at(i), path, reader, &markup))
            return false;
        text += markup.text.size();
        if (text > limits::kTextPerCapture)
            return reader.fail(JsonFieldReader::member(path, QStringLiteral("text")),
                               QCoreApplication::translate("sl::ManifestReader",
                                                           "%1 characters of text in markups[0] to markups[%2]; the limit is %3 per capture")
                                   .arg(text)
                                   .arg(i)
                                   .arg(limits::kTextPerCapture));
        const auto previous = seen.constFind(markup.id);
        if (previous != seen.constEnd())
            return reader.fail(JsonFieldReader::member(path, QStringLiteral("id")),
                               QCoreApplication::translate("sl::ManifestReader", "\"%1\" is already the id of markups[%2]")
                                   .arg(markup.id)
                                   .arg(*previous));
        seen.insert(markup.id, i);
        out->push_back(std::move(markup));
    }
    return true;
}

bool MarkupReader::readOne(const QJsonValue &value, const QString &path, JsonFieldReader &reader, Markup *out)
{
    if (!value.isObject())
        return reader.fail(path, QCoreApplication::translate("sl::ManifestReader", "must be an object"));
    const QJsonObject o = value.toObject();
    out->raw = o;

    QString kind, space;
    if (!reader.readNonEmptyString(o, QStringLiteral("id"), path, &out->id)
        || !reader.readString(o, QStringLiteral("kind"), path, true, &kind))
        return false;
    const auto k = markupKindFromName(kind);
    if (!k)
        return reader.fail(JsonFieldReader::member(path, QStringLiteral("kind")),
                           QCoreApplication::translate("sl::ManifestReader",
                                                       "\"%1\" is not a known kind (ink, arrow, line, rect, ellipse, text, blur)")
                               .arg(kind));
    out->kind = *k;

    if (!reader.readString(o, QStringLiteral("space"), path, true, &space))
        return false;
    const auto s = markupSpaceFromName(space);
    if (!s)
        return reader.fail(JsonFieldReader::member(path, QStringLiteral("space")),
                           QCoreApplication::translate("sl::ManifestReader", "must be \"world\" or \"image\", not \"%1\"")
                               .arg(space));
    out->space = *s;
    if (out->kind == MarkupKind::Blur && out->space != MarkupSpace::Image)
        return reader.fail(JsonFieldReader::member(path, QStringLiteral("space")),
                           QCoreApplication::translate("sl::ManifestReader", "a blur is a redaction of the image: its space must be \"image\""));

    return readPoints(o, path, reader, out) && readStyle(o, path, reader, out);
}

bool MarkupReader::readPoints(const QJsonObject &o, const QString &path, JsonFieldReader &reader, Markup *out)
{
    QJsonArray points;
    if (!reader.readArray(o, QStringLiteral("points"), path, true, &points))
        return false;
    const QString pointsPath = JsonFieldReader::member(path, QStringLiteral("points"));

    // Arrows and lines are [tail, head]; rectangles, ellipses and blurs are
    // two opposite corners; ink and text need at least one point.
    qsizetype exactly = 0;
    switch (out->kind) {
    case MarkupKind::Arrow:
    case MarkupKind::Line:
    case MarkupKind::Rect:
    case MarkupKind::Ellipse:
    case MarkupKind::Blur:
        exactly = 2;
        break;
    case MarkupKind::Ink:
    case MarkupKind::Text:
        break;
    }
    if (exactly > 0 && points.size() != exactly)
        return reader.fail(pointsPath, QCoreApplication::translate("sl::ManifestReader", "must have exactly %1 points for kind \"%2\", not %3")
                                           .arg(exactly)
                                           .arg(markupKindName(out->kind))
                                           .arg(points.size()));
    if (points.isEmpty())
        return reader.fail(pointsPath, QCoreApplication::translate("sl::ManifestReader", "needs at least one point"));

    const bool world = out->space == MarkupSpace::World;
    const size_t dimension = world ? 3 : 2;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QString pointPath = JsonFieldReader::element(pointsPath, i);
        std::vector<double> v;
        if (!reader.toNumbers(points.at(i), pointPath, &v))
            return false;
        if (v.size() != dimension)
            return reader.fail(pointPath, world
                                   ? QCoreApplication::translate("sl::ManifestReader",
                                                                 "a world point has 3 numbers [x, y, z], not %1").arg(v.size())
                                   : QCoreApplication::translate("sl::ManifestReader",
                                                                 "an image point has 2 numbers [u, v], not %1").arg(v.size()));
        if (world)
            out->worldPoints.emplace_back(v[0], v[1], v[2]);
        else
            out->imagePoints.emplace_back(v[0], v[1]);
    }
    return true;
}

bool MarkupReader::readStyle(const QJsonObject &o, const QString &path, JsonFieldReader &reader, Markup *out)
{
    QString color;
    if (!reader.readString(o, QStringLiteral("color"), path, false, &color))
        return false;
    if (JsonFieldReader::has(o, QStringLiteral("color"))) {
        static const QRegularExpression rgb(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
        if (!rgb.match(color).hasMatch())
            return reader.fail(JsonFieldReader::member(path, QStringLiteral("color")),
                               QCoreApplication::translate("sl::ManifestReader", "must be #RRGGBB, not \"%1\"").arg(color));
        out->color = QColor(color);
    }

    if (JsonFieldReader::has(o, QStringLiteral("width"))) {
        if (!reader.readPositive(o, QStringLiteral("width"), path, &out->width))
            return false;
        if (out->width > limits::kMarkupWidth)
            return reader.fail(JsonFieldReader::member(path, QStringLiteral("width")),
                               QCoreApplication::translate("sl::ManifestReader", "%1 pixels wide; the limit is %2 pixels")
                                   .arg(out->width)
                                   .arg(limits::kMarkupWidth));
    }

    // Optional; a style this kind cannot have reads as its plain look (the
    // field stays in `raw`, so a newer writer's style survives a round trip).
    QString style;
    if (!reader.readString(o, QStringLiteral("style"), path, false, &style))
        return false;
    out->style = markupStyleFor(out->kind, style);

    if (!reader.readString(o, QStringLiteral("text"), path, out->kind == MarkupKind::Text, &out->text))
        return false;
    if (out->text.size() > limits::kTextLength)
        return reader.fail(JsonFieldReader::member(path, QStringLiteral("text")),
                           QCoreApplication::translate("sl::ManifestReader", "%1 characters; the limit is %2 characters")
                               .arg(out->text.size())
                               .arg(limits::kTextLength));
    if (!reader.readString(o, QStringLiteral("author"), path, false, &out->author)
        || !reader.readString(o, QStringLiteral("createdAt"), path, false, &out->createdAt)
        || !reader.readNumber(o, QStringLiteral("from"), path, false, &out->from)
        || !reader.readNumber(o, QStringLiteral("to"), path, false, &out->to))
        return false;
    if (out->from && out->to && *out->from > *out->to)
        return reader.fail(JsonFieldReader::member(path, QStringLiteral("to")),
                           QCoreApplication::translate("sl::ManifestReader", "ends (%1 s) before it starts (%2 s)")
                               .arg(*out->to)
                               .arg(*out->from));
    return true;
}

} // namespace sl
