#pragma once

#include "render/overlayfilter.h"
#include "render/overlaylegend.h"

#include <QFrame>

class QVBoxLayout;

namespace sl {

// The legend over a viewer's picture: the capture's authors (colour swatch,
// count) and markup kinds (count), each with a checkbox; unticking one hides
// that author's or kind's markup in the view at once (filterChanged).
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

Q_SIGNALS:
    void filterChanged(const OverlayFilter &filter);

private:
    void rebuild();
    void addHeading(const QString &text);

    OverlayLegend m_legend;
    OverlayFilter m_filter;
    QVBoxLayout *m_rows = nullptr;
};

} // namespace sl
