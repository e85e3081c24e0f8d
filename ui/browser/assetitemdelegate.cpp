#include "browser/assetitemdelegate.h"

#include "items/assetroles.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace sl {

QString AssetItemDelegate::rowText(const QModelIndex &index)
{
    QString text = index.data(Qt::DisplayRole).toString();
    const QString tag = index.data(AssetRoles::AssetTagRole).toString();
    if (!tag.isEmpty())
        text = tr("%1  ·  %2").arg(text, tag);
    const int children = index.data(AssetRoles::ChildCountRole).toInt();
    if (children > 0)
        text = tr("%1  (%2)").arg(text, QLocale().toString(children));
    if (index.data(AssetRoles::StateRole).toInt() != 0)
        text = tr("%1  [inactive]").arg(text);
    return text;
}

void AssetItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = rowText(index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    // The searched words, marked where they occur in the row (a case-blind
    // match of each word, as FTS5 matches them).
    QList<QTextLayout::FormatRange> marks;
    for (const QString &term : m_terms) {
        if (term.isEmpty())
            continue;
        for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(term, at + term.size(), Qt::CaseInsensitive)) {
            QTextLayout::FormatRange range;
            range.start = int(at);
            range.length = int(term.size());
            range.format.setFontWeight(QFont::Bold);
            range.format.setBackground(QColor(255, 214, 0, opt.state & QStyle::State_Selected ? 110 : 150));
            marks.append(range);
        }
    }
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(3, 0, -3, 0);
    const QString elided = opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width());
    QTextLayout layout(elided, opt.font);
    layout.setFormats(marks);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(textRect.width());
    layout.endLayout();
    painter->save();
    const bool inactive = index.data(AssetRoles::StateRole).toInt() != 0;
    const QPalette::ColorGroup group = (opt.state & QStyle::State_Enabled) && !inactive ? QPalette::Normal : QPalette::Disabled;
    painter->setPen(opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    const qreal y = textRect.top() + (textRect.height() - line.height()) / 2;
    layout.draw(painter, QPointF(textRect.left(), y));
    painter->restore();
}

} // namespace sl
