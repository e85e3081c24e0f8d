#pragma once

#include "capture/markup.h"

#include <QColor>
#include <QString>

#include <vector>

namespace sl {

// What a capture's markup holds, for the view's legend: its authors (each
// with the colour most of their markup has, and a count) and its kinds
// (with a count), in order of first appearance. Redactions are left out:
// OverlayFilter never hides them.
struct OverlayLegend
{
    struct Author
    {
        QString name; // as written; "" for markup without an author
        QColor color;
        int count = 0;
    };
    struct Kind
    {
        MarkupKind kind = MarkupKind::Ink;
        int count = 0;
    };
    std::vector<Author> authors;
    std::vector<Kind> kinds;

    // The capture's image markup (`imageMarkups`, space image) and its
    // spatial frame's world markup (`worldMarkups`, space world).
    static OverlayLegend of(const std::vector<Markup> &imageMarkups, const std::vector<Markup> &worldMarkups);
    bool isEmpty() const { return authors.empty() && kinds.empty(); }
};

} // namespace sl
