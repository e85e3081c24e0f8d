#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;

namespace sl {

class AssetListModel;

// The asset browser: a search box (debounced), the matching assets as a list
// paged in as it scrolls, and how many assets match.
class AssetBrowserWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AssetBrowserWidget(QWidget *parent = nullptr);

    // The model is not owned; nullptr detaches it.
    void setModel(AssetListModel *model);
    AssetListModel *model() const { return m_model; }

    QLineEdit *searchEdit() const { return m_search; }
    QListView *listView() const { return m_list; }
    QString currentAssetId() const;
    // Selects an asset in the list, paging further in when it is not fetched
    // yet (up to a bound); false when it is not in the current results.
    bool selectAsset(const QString &assetId);
    void clearSelection();
    // Applies the search text now instead of after the debounce.
    void applySearchNow();
    void focusSearch();
    // The search debounce, milliseconds.
    static constexpr int kDebounceMs = 150;

Q_SIGNALS:
    // The current asset changed (empty: none).
    void assetSelected(const QString &assetId);

private:
    void applySearch();
    void onCurrentChanged(const QModelIndex &current);
    void updateCount();

    AssetListModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_count = nullptr;
    QTimer m_debounce;
    QString m_lastSelected;
};

} // namespace sl
