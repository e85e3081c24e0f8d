#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace sl {

// One asset row: its name with the searched words highlighted, its tag after
// it (many assets share a name, e.g. "Battery charger"), inactive assets
// greyed, and "12" sub-assets in the tree.
class AssetItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The words to highlight (what the user searched for).
    void setTerms(const QStringList &terms) { m_terms = terms; }
    // The text a row shows, as plain text (for tests and accessibility).
    static QString rowText(const QModelIndex &index);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QStringList m_terms;
};

} // namespace sl
