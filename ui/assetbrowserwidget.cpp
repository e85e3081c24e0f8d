#include "assetbrowserwidget.h"

#include "items/assetlistmodel.h"
#include "uitext.h"

#include <QLabel>
#include <QLineEdit>
#include <QItemSelectionModel>
#include <QListView>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace sl {

namespace {

constexpr int kMaxPagesToFind = 64; // bound on paging when selecting an asset not fetched yet

// Many assets share a name ("Battery charger"): each row shows its tag too.
class AssetItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString tag = index.data(AssetListModel::AssetTagRole).toString();
        if (!tag.isEmpty())
            option->text = AssetBrowserWidget::tr("%1  ·  %2").arg(option->text, tag);
    }
};

} // namespace

AssetBrowserWidget::AssetBrowserWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("assetBrowser"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("assetSearch"));
    m_search->setPlaceholderText(tr("Search assets by name, tag, account, product…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Words match from their beginning (Ctrl+F)"));

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("assetList"));
    m_list->setUniformItemSizes(true); // constant row height: scrolling a million rows stays cheap
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setItemDelegate(new AssetItemDelegate(m_list));

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("assetCount"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_count);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &AssetBrowserWidget::applySearch);
    connect(m_search, &QLineEdit::textChanged, this, [this]() { m_debounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this]() {
        applySearchNow();
        if (m_model && m_model->rowCount() > 0) {
            if (!m_list->currentIndex().isValid())
                m_list->setCurrentIndex(m_model->index(0));
            m_list->setFocus(Qt::TabFocusReason);
        }
    });
    updateCount();
}

void AssetBrowserWidget::setModel(AssetListModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_lastSelected.clear();
    QItemSelectionModel *oldSelection = m_list->selectionModel();
    m_list->setModel(model);
    if (oldSelection && oldSelection != m_list->selectionModel())
        oldSelection->deleteLater(); // the view does not delete the one it made for the old model
    if (model) {
        connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex &current) { onCurrentChanged(current); });
        connect(model, &AssetListModel::totalMatchesChanged, this, &AssetBrowserWidget::updateCount);
        connect(model, &QAbstractItemModel::modelReset, this, &AssetBrowserWidget::updateCount);
        if (model->search() != m_search->text().trimmed())
            model->setSearch(m_search->text().trimmed());
    }
    updateCount();
}

QString AssetBrowserWidget::currentAssetId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(AssetListModel::IdRole).toString() : QString();
}

bool AssetBrowserWidget::selectAsset(const QString &assetId)
{
    if (!m_model || assetId.isEmpty())
        return false;
    int row = m_model->rowOf(assetId);
    for (int pages = 0; row < 0 && pages < kMaxPagesToFind && m_model->canFetchMore({}); ++pages) {
        m_model->fetchMore({});
        row = m_model->rowOf(assetId);
    }
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
    return true;
}

void AssetBrowserWidget::clearSelection()
{
    if (m_list->selectionModel()) {
        const QSignalBlocker blocker(m_list->selectionModel());
        m_list->selectionModel()->clear();
    }
    m_lastSelected.clear();
}

void AssetBrowserWidget::applySearchNow()
{
    m_debounce.stop();
    applySearch();
}

void AssetBrowserWidget::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void AssetBrowserWidget::applySearch()
{
    if (!m_model)
        return;
    const QString text = m_search->text().trimmed();
    if (text == m_model->search())
        return;
    const QString selected = m_lastSelected;
    m_model->setSearch(text);
    // Keep the selection when the asset still matches; the details stay either way.
    const int row = selected.isEmpty() ? -1 : m_model->rowOf(selected);
    if (row >= 0) {
        const QSignalBlocker blocker(m_list->selectionModel());
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row));
    }
    updateCount();
}

void AssetBrowserWidget::onCurrentChanged(const QModelIndex &current)
{
    if (!current.isValid())
        return; // a reset clears the selection: keep showing the last asset
    const QString id = current.data(AssetListModel::IdRole).toString();
    if (id == m_lastSelected)
        return;
    m_lastSelected = id;
    Q_EMIT assetSelected(id);
}

void AssetBrowserWidget::updateCount()
{
    if (!m_model) {
        m_count->setText(tr("No workspace open"));
        return;
    }
    const int total = m_model->totalMatches();
    m_count->setText(m_model->search().isEmpty() ? UiText::assets(total) : UiText::matchingAssets(total));
}

} // namespace sl
