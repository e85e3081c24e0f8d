#include "capture/markup.h"

#include <array>
#include <utility>

namespace sl {

namespace {

// Names as written in the manifest (CAPTURE-FORMAT.md "markups").
constexpr std::array<std::pair<MarkupKind, const char *>, 7> kKindNames{{
    {MarkupKind::Ink, "ink"},
    {MarkupKind::Arrow, "arrow"},
    {MarkupKind::Line, "line"},
    {MarkupKind::Rect, "rect"},
    {MarkupKind::Ellipse, "ellipse"},
    {MarkupKind::Text, "text"},
    {MarkupKind::Blur, "blur"},
}};

} // namespace

QString markupKindName(MarkupKind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return QString();
}

std::optional<MarkupKind> markupKindFromName(const QString &name)
{
    for (const auto &[k, n] : kKindNames) {
        if (name == QLatin1String(n))
            return k;
    }
    return std::nullopt;
}

QString markupSpaceName(MarkupSpace space)
{
    return space == MarkupSpace::World ? QStringLiteral("world") : QStringLiteral("image");
}

std::optional<MarkupSpace> markupSpaceFromName(const QString &name)
{
    if (name == QLatin1String("world"))
        return MarkupSpace::World;
    if (name == QLatin1String("image"))
        return MarkupSpace::Image;
    return std::nullopt;
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
