#include "overlaylegendpanel.h"

#include <QCheckBox>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sl {

namespace {

// Swatch size, device-independent pixels.
constexpr int kSwatch = 12;

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(kSwatch, kSwatch);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0, 0, 0, 160));
    painter.setBrush(QColor(color.red(), color.green(), color.blue()));
    painter.drawRect(0, 0, kSwatch - 1, kSwatch - 1);
    return QIcon(pixmap);
}

} // namespace

OverlayLegendPanel::OverlayLegendPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("overlayLegend"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::StyledPanel);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0x1e, 0x1f, 0x22, 225));
    pal.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    pal.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    setPalette(pal);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(4, 2, 8, 6);
    column->setSpacing(0);
    m_header = new QToolButton(this);
    m_header->setObjectName(QStringLiteral("legendHeader"));
    m_header->setText(tr("Legend"));
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setAutoRaise(true);
    m_header->setCheckable(true);
    m_header->setChecked(true);
    m_header->setArrowType(Qt::DownArrow);
    m_header->setFocusPolicy(Qt::NoFocus); // keys stay with the view
    m_header->setToolTip(tr("Fold or unfold the legend"));
    column->addWidget(m_header);
    m_body = new QWidget(this);
    m_rows = new QVBoxLayout(m_body);
    m_rows->setContentsMargins(4, 0, 0, 0);
    m_rows->setSpacing(2);
    column->addWidget(m_body);
    connect(m_header, &QToolButton::clicked, this, [this](bool expanded) {
        setExpanded(expanded);
        Q_EMIT expandedByUser(expanded);
    });
}

bool OverlayLegendPanel::isExpanded() const
{
    return m_header->isChecked();
}

QSize OverlayLegendPanel::expandedSize() const
{
    const QMargins margins = layout()->contentsMargins();
    const QSize header = m_header->sizeHint();
    const QSize body = m_body->sizeHint();
    return {std::max(header.width(), body.width()) + margins.left() + margins.right(),
            header.height() + body.height() + margins.top() + margins.bottom()};
}

void OverlayLegendPanel::setExpanded(bool expanded)
{
    m_header->setChecked(expanded);
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
    adjustSize();
}

QString OverlayLegendPanel::kindText(MarkupKind kind)
{
    switch (kind) {
    case MarkupKind::Ink:
        return tr("Ink");
    case MarkupKind::Arrow:
        return tr("Arrow");
    case MarkupKind::Line:
        return tr("Line");
    case MarkupKind::Rect:
        return tr("Rectangle");
    case MarkupKind::Ellipse:
        return tr("Ellipse");
    case MarkupKind::Text:
        return tr("Text");
    case MarkupKind::Blur:
        return tr("Redaction");
    }
    return {};
}

QString OverlayLegendPanel::authorText(const QString &author)
{
    return author.isEmpty() ? tr("(no author)") : author;
}

void OverlayLegendPanel::setLegend(const OverlayLegend &legend)
{
    m_legend = legend;
    // Toggles of what is no longer listed go.
    OverlayFilter kept;
    for (const OverlayLegend::Author &a : legend.authors)
        kept.setAuthorShown(a.name, m_filter.authorShown(a.name));
    for (const OverlayLegend::Kind &k : legend.kinds)
        kept.setKindShown(k.kind, m_filter.kindShown(k.kind));
    const bool changed = !(kept == m_filter);
    m_filter = kept;
    rebuild();
    if (changed)
        Q_EMIT filterChanged(m_filter);
}

void OverlayLegendPanel::addHeading(const QString &text)
{
    auto *heading = new QLabel(text, m_body);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    m_rows->addWidget(heading);
}

void OverlayLegendPanel::rebuild()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_legend.authors.empty() && m_legend.kinds.empty()) {
        adjustSize();
        return;
    }
    addHeading(tr("Authors"));
    for (const OverlayLegend::Author &a : m_legend.authors) {
        auto *box = new QCheckBox(tr("%1 (%2)").arg(authorText(a.name)).arg(a.count), m_body);
        box->setObjectName(QStringLiteral("legendAuthor:") + a.name);
        box->setIcon(swatch(a.color));
        box->setChecked(m_filter.authorShown(a.name));
        box->setFocusPolicy(Qt::NoFocus); // keys stay with the view
        connect(box, &QCheckBox::toggled, this, [this, name = a.name](bool on) {
            m_filter.setAuthorShown(name, on);
            Q_EMIT filterChanged(m_filter);
        });
        m_rows->addWidget(box);
    }
    addHeading(tr("Kinds"));
    for (const OverlayLegend::Kind &k : m_legend.kinds) {
        auto *box = new QCheckBox(tr("%1 (%2)").arg(kindText(k.kind)).arg(k.count), m_body);
        box->setObjectName(QStringLiteral("legendKind:") + markupKindName(k.kind));
        box->setChecked(m_filter.kindShown(k.kind));
        box->setFocusPolicy(Qt::NoFocus);
        connect(box, &QCheckBox::toggled, this, [this, kind = k.kind](bool on) {
            m_filter.setKindShown(kind, on);
            Q_EMIT filterChanged(m_filter);
        });
        m_rows->addWidget(box);
    }
    adjustSize();
}

} // namespace sl
