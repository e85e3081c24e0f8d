#include "render/overlayfilter.h"

namespace sl {

void OverlayFilter::setAuthorShown(const QString &author, bool shown)
{
    if (shown)
        m_hiddenAuthors.remove(author);
    else
        m_hiddenAuthors.insert(author);
}

void OverlayFilter::setKindShown(MarkupKind kind, bool shown)
{
    if (kind == MarkupKind::Blur)
        return; // redactions always show (see the class comment)
    if (shown)
        m_hiddenKinds &= ~bitOf(kind);
    else
        m_hiddenKinds |= bitOf(kind);
}

bool OverlayFilter::shows(const Markup &markup) const
{
    if (markup.kind == MarkupKind::Blur)
        return true;
    return kindShown(markup.kind) && authorShown(markup.author);
}

} // namespace sl
