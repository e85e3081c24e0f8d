#pragma once

#include "store/assetquery.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QModelIndex;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace sl {

class AssetItemDelegate;
class AssetListModel;
class AssetTreeModel;
class FacetPanel;
class StoreWorker;

// The asset browser: a search box (debounced), sort order, facets with
// counts, and the matching assets as a list (read in pages as it scrolls) or
// the parent/child hierarchy as a tree (children read on expand). Nothing
// here touches the store: the models and the facet counts are read on store
// workers.
class AssetBrowserWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { List, Tree };

    explicit AssetBrowserWidget(QWidget *parent = nullptr);
    ~AssetBrowserWidget() override;

    // The models are not owned; facet counts are read on `facets`. Null
    // detaches everything (no workspace).
    void setModels(AssetListModel *list, AssetTreeModel *tree, StoreWorker *facets);
    AssetListModel *model() const { return m_model; }
    AssetTreeModel *treeModel() const { return m_treeModel; }

    QLineEdit *searchEdit() const { return m_search; }
    QTableView *listView() const { return m_list; }
    QTreeView *treeView() const { return m_tree; }
    QComboBox *sortBox() const { return m_sort; }
    FacetPanel *facetPanel() const { return m_facets; }
    QLabel *countLabel() const { return m_count; }

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // The query the list shows (search text, facets, sort).
    AssetQuery query() const;

    QString currentAssetId() const;
    // Selects an asset when the current view holds it; false otherwise.
    bool selectAsset(const QString &assetId);
    void clearSelection();
    // Applies the search text now instead of after the debounce.
    void applySearchNow();
    void focusSearch();
    // Reads what is shown again (the workspace changed), keeping the
    // selection and the scroll position.
    void refresh();
    // The search debounce, milliseconds.
    static constexpr int kDebounceMs = 150;

Q_SIGNALS:
    // The current asset changed (empty: none).
    void assetSelected(const QString &assetId);
    // Facet counts for the current query were shown.
    void facetsShown();

private:
    void applyQuery();
    void requestFacets();
    void onCurrentChanged(const QModelIndex &current);
    void reselect();
    void updateCount();

    AssetListModel *m_model = nullptr;
    AssetTreeModel *m_treeModel = nullptr;
    StoreWorker *m_facetWorker = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_sort = nullptr;
    QToolButton *m_listButton = nullptr;
    QToolButton *m_treeButton = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_list = nullptr;
    QTreeView *m_tree = nullptr;
    FacetPanel *m_facets = nullptr;
    AssetItemDelegate *m_delegate = nullptr;
    QLabel *m_count = nullptr;
    QTimer m_debounce;
    QTimer m_facetDebounce;
    Mode m_mode = Mode::List;
    QString m_lastSelected;
    quint64 m_facetGeneration = 0;
};

} // namespace sl
