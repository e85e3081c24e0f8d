#pragma once

#include "render/overlayfilter.h"
#include "render/overlaylegend.h"

#include <QFrame>

class QToolButton;
class QVBoxLayout;

namespace sl {

// The legend over a viewer's picture: the capture's authors (colour swatch,
// count) and markup kinds (count), each with a checkbox; unticking one hides
// that author's or kind's markup in the view at once (filterChanged). Its
// header folds the lists away (a small picture is not covered by them).
class OverlayLegendPanel : public QFrame
{
    Q_OBJECT
public:
    explicit OverlayLegendPanel(QWidget *parent = nullptr);

    // Lists `legend`; the toggles of authors and kinds still present are kept.
    void setLegend(const OverlayLegend &legend);
    const OverlayFilter &filter() const { return m_filter; }
    bool isEmpty() const { return m_legend.isEmpty(); }

    // A kind as the user reads it ("Ink", "Arrow", ...), translated.
    static QString kindText(MarkupKind kind);
    // An author as the user reads it ("(no author)" for none).
    static QString authorText(const QString &author);

    // Folded: only the header ("Legend") shows.
    bool isExpanded() const;
    void setExpanded(bool expanded);
    QToolButton *header() const { return m_header; }
    // Its size unfolded (whether it is or not).
    QSize expandedSize() const;

Q_SIGNALS:
    void filterChanged(const OverlayFilter &filter);
    // The user folded or unfolded it (its header clicked).
    void expandedByUser(bool expanded);

private:
    void rebuild();
    void addHeading(const QString &text);

    OverlayLegend m_legend;
    OverlayFilter m_filter;
    QToolButton *m_header = nullptr;
    QWidget *m_body = nullptr;
    QVBoxLayout *m_rows = nullptr;
};

} // namespace sl
