#pragma once

#include "store/assetquery.h"

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace sl {

// Filters of the asset browser as facets with counts: account, category,
// product, active/inactive, with/without captures, review status, each a
// group of checkable values ("Contoso (1,204)"), plus "modified since".
// Several values of one facet match any of them; facets combine with AND.
class FacetPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FacetPanel(QWidget *parent = nullptr);

    // The filter the checked values make.
    AssetFilter filter() const;
    // Shows new counts, keeping what is checked (a checked value without
    // matches stays, with 0).
    void setFacets(const AssetFacets &facets);
    void clearFilter();
    // Checks or unchecks a value, as a click does; false when it is not shown.
    bool setChecked(const QString &facet, const QString &id, bool checked);
    // The counted values of a facet as shown ("accounts", "categories",
    // "products", "states", "captures", "reviewStatuses").
    QStringList shownIds(const QString &facet) const;
    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    void filterChanged();

private:
    QTreeWidgetItem *group(const QString &facet) const;
    QStringList checkedIds(const QString &facet) const;
    void fill(const QString &facet, const std::vector<FacetValue> &values);
    void updateGroupTitle(QTreeWidgetItem *group);

    QTreeWidget *m_tree = nullptr;
    QCheckBox *m_modifiedEnabled = nullptr;
    QDateEdit *m_modifiedSince = nullptr;
    bool m_filling = false; // setFacets() changes items: no filterChanged
};

} // namespace sl
