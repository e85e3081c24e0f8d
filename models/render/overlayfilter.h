#pragma once

#include "capture/markup.h"

#include <QSet>
#include <QString>

namespace sl {

// Which markup a view hides, by author and by kind: the legend's toggles,
// applied by MarkupPlan (so drawing, edge indicators and picking follow the
// same rule). A value type; the empty filter shows everything.
//
// Redactions (kind blur) are never hidden: they hide pixels, and a toggle
// meant to declutter the view must not uncover what a redaction hides.
class OverlayFilter
{
public:
    // `author` as written in the markup ("" for markup without one).
    void setAuthorShown(const QString &author, bool shown);
    void setKindShown(MarkupKind kind, bool shown);
    bool authorShown(const QString &author) const { return !m_hiddenAuthors.contains(author); }
    bool kindShown(MarkupKind kind) const { return !(m_hiddenKinds & bitOf(kind)); }

    // Whether `markup` is drawn under this filter.
    bool shows(const Markup &markup) const;
    bool isEmpty() const { return m_hiddenAuthors.isEmpty() && m_hiddenKinds == 0; }

    bool operator==(const OverlayFilter &other) const = default;

private:
    static unsigned bitOf(MarkupKind kind) { return 1u << unsigned(kind); }

    QSet<QString> m_hiddenAuthors;
    unsigned m_hiddenKinds = 0; // one bit per MarkupKind
};

} // namespace sl
