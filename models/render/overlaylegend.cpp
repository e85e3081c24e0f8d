#include "render/overlaylegend.h"

#include <QHash>

#include <algorithm>

namespace sl {

OverlayLegend OverlayLegend::of(const std::vector<Markup> &imageMarkups, const std::vector<Markup> &worldMarkups)
{
    OverlayLegend legend;
    std::vector<QHash<QRgb, int>> colorCounts; // per author, parallel to legend.authors
    const auto add = [&](const Markup &markup) {
        if (markup.kind == MarkupKind::Blur)
            return;
        auto author = std::find_if(legend.authors.begin(), legend.authors.end(),
                                   [&](const Author &a) { return a.name == markup.author; });
        if (author == legend.authors.end()) {
            legend.authors.push_back({markup.author, markup.color, 0});
            colorCounts.emplace_back();
            author = legend.authors.end() - 1;
        }
        ++author->count;
        QHash<QRgb, int> &counts = colorCounts[size_t(author - legend.authors.begin())];
        const int n = ++counts[markup.color.rgb()];
        if (n > counts.value(author->color.rgb()) || author->color == markup.color)
            author->color = markup.color;

        auto kind = std::find_if(legend.kinds.begin(), legend.kinds.end(),
                                 [&](const Kind &k) { return k.kind == markup.kind; });
        if (kind == legend.kinds.end())
            legend.kinds.push_back({markup.kind, 1});
        else
            ++kind->count;
    };
    for (const Markup &markup : imageMarkups)
        if (markup.space == MarkupSpace::Image)
            add(markup);
    for (const Markup &markup : worldMarkups)
        if (markup.space == MarkupSpace::World)
            add(markup);
    return legend;
}

} // namespace sl
