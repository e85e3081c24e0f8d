#include "capture/markup.h"

#include "common/enumnames.h"

namespace sl {

namespace {

// Names as written in the manifest (CAPTURE-FORMAT.md "markups").
constexpr EnumNames<MarkupKind, 7> kKindNames{{
    {MarkupKind::Ink, "ink"},
    {MarkupKind::Arrow, "arrow"},
    {MarkupKind::Line, "line"},
    {MarkupKind::Rect, "rect"},
    {MarkupKind::Ellipse, "ellipse"},
    {MarkupKind::Text, "text"},
    {MarkupKind::Blur, "blur"},
}};

constexpr EnumNames<MarkupSpace, 2> kSpaceNames{{
    {MarkupSpace::World, "world"},
    {MarkupSpace::Image, "image"},
}};

} // namespace

QString markupKindName(MarkupKind kind)
{
    return enumName(kKindNames, kind);
}

std::optional<MarkupKind> markupKindFromName(const QString &name)
{
    return enumFromName(kKindNames, name);
}

QString markupSpaceName(MarkupSpace space)
{
    return enumName(kSpaceNames, space);
}

std::optional<MarkupSpace> markupSpaceFromName(const QString &name)
{
    return enumFromName(kSpaceNames, name);
}

QString markupStyleName(MarkupStyle style)
{
    switch (style) {
    case MarkupStyle::Highlighter: return QStringLiteral("highlighter");
    case MarkupStyle::Pixelate: return QStringLiteral("pixelate");
    case MarkupStyle::Plain: break;
    }
    return {};
}

MarkupStyle markupStyleFor(MarkupKind kind, const QString &name)
{
    if (kind == MarkupKind::Ink && name == QLatin1String("highlighter"))
        return MarkupStyle::Highlighter;
    if (kind == MarkupKind::Blur && name == QLatin1String("pixelate"))
        return MarkupStyle::Pixelate;
    return MarkupStyle::Plain;
}

bool Markup::visibleAt(double seconds) const
{
    if (space == MarkupSpace::World)
        return true;
    if (from && seconds < *from)
        return false;
    if (to && seconds > *to)
        return false;
    return true;
}

} // namespace sl
