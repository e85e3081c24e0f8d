#include "browser/assetbrowserwidget.h"

#include "browser/assetitemdelegate.h"
#include "browser/facetpanel.h"
#include "items/assetlistmodel.h"
#include "items/assettreemodel.h"
#include "store/assetfinder.h"
#include "store/assetrepository.h"
#include "store/searchquery.h"
#include "store/storeworker.h"
#include "store/workspace.h"
#include "uitext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace sl {

namespace {

// Facet counts wait until typing pauses a little longer than the list does.
constexpr int kFacetDebounceMs = 300;

} // namespace

AssetBrowserWidget::AssetBrowserWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("assetBrowser"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("assetSearch"));
    m_search->setPlaceholderText(tr("Search assets by name, tag, account, product…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Words match from their beginning; tags and serial numbers by any part (Ctrl+F)"));

    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("assetSort"));
    m_sort->addItem(tr("Name"), int(AssetSort::Name));
    m_sort->addItem(tr("Recently modified"), int(AssetSort::Modified));
    m_sort->addItem(tr("Best match"), int(AssetSort::Relevance));
    m_sort->setToolTip(tr("Sort order of the list"));

    m_listButton = new QToolButton(this);
    m_listButton->setObjectName(QStringLiteral("listModeButton"));
    m_listButton->setText(tr("List"));
    m_listButton->setCheckable(true);
    m_listButton->setChecked(true);
    m_listButton->setToolTip(tr("Matching assets as a list (Ctrl+1)"));
    m_listButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_treeButton = new QToolButton(this);
    m_treeButton->setObjectName(QStringLiteral("treeModeButton"));
    m_treeButton->setText(tr("Hierarchy"));
    m_treeButton->setCheckable(true);
    m_treeButton->setToolTip(tr("All assets by parent and sub-asset (Ctrl+2)"));
    m_treeButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_listButton, &QToolButton::clicked, this, [this] { setMode(Mode::List); });
    connect(m_treeButton, &QToolButton::clicked, this, [this] { setMode(Mode::Tree); });

    m_delegate = new AssetItemDelegate(this);
    // A one-column table rather than a QListView: a QListView lays out every
    // row again when rows are added (tens of ms at a million rows, at every
    // page); a table with fixed row heights adds them in about 2 ms.
    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("assetList"));
    m_list->horizontalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 6);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setItemDelegate(m_delegate);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("assetTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setItemDelegate(m_delegate);

    m_views = new QStackedWidget(this);
    m_views->addWidget(m_list);
    m_views->addWidget(m_tree);

    m_facets = new FacetPanel(this);
    connect(m_facets, &FacetPanel::filterChanged, this, [this] {
        if (m_mode == Mode::Tree && !m_facets->filter().isEmpty())
            setMode(Mode::List); // a filter shows matches, not the hierarchy (as a search does)
        applyQuery();
    });

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("assetCount"));

    auto *tools = new QHBoxLayout;
    tools->addWidget(new QLabel(tr("Sort:"), this));
    tools->addWidget(m_sort, 1);
    tools->addWidget(m_listButton);
    tools->addWidget(m_treeButton);

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(tools);
    listLayout->addWidget(m_views, 1);
    listLayout->addWidget(m_count);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("browserSplitter"));
    split->addWidget(m_facets);
    split->addWidget(listSide);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(split, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &AssetBrowserWidget::applyQuery);
    m_facetDebounce.setSingleShot(true);
    m_facetDebounce.setInterval(kFacetDebounceMs);
    connect(&m_facetDebounce, &QTimer::timeout, this, &AssetBrowserWidget::requestFacets);
    connect(m_search, &QLineEdit::textChanged, this, [this]() {
        if (m_mode == Mode::Tree && !m_search->text().trimmed().isEmpty())
            setMode(Mode::List); // a search shows matches, not the hierarchy
        m_debounce.start();
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] { applyQuery(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this]() {
        applySearchNow();
        m_list->setFocus(Qt::TabFocusReason);
    });
    updateCount();
}

AssetBrowserWidget::~AssetBrowserWidget() = default;

void AssetBrowserWidget::setModels(AssetListModel *list, AssetTreeModel *tree, StoreWorker *facets)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    if (m_treeModel)
        disconnect(m_treeModel, nullptr, this, nullptr);
    m_model = list;
    m_treeModel = tree;
    m_facetWorker = facets;
    ++m_facetGeneration;
    m_lastSelected.clear();
    for (QAbstractItemView *view : {static_cast<QAbstractItemView *>(m_list), static_cast<QAbstractItemView *>(m_tree)}) {
        QItemSelectionModel *old = view->selectionModel();
        view->setModel(view == m_list ? static_cast<QAbstractItemModel *>(list) : tree);
        if (old && old != view->selectionModel())
            old->deleteLater(); // the view does not delete the one it made for the old model
        if (view->selectionModel())
            connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                    [this](const QModelIndex &current) { onCurrentChanged(current); });
    }
    if (list) {
        connect(list, &AssetListModel::matchCountChanged, this, &AssetBrowserWidget::updateCount);
        connect(list, &QAbstractItemModel::modelReset, this, &AssetBrowserWidget::updateCount);
        connect(list, &AssetListModel::pageArrived, this, [this] { reselect(); });
        applyQuery();
    }
    if (tree)
        connect(tree, &AssetTreeModel::childrenArrived, this, [this] { reselect(); });
    if (tree && m_mode == Mode::Tree)
        tree->reset();
    updateCount();
}

void AssetBrowserWidget::setMode(Mode mode)
{
    m_mode = mode;
    m_listButton->setChecked(mode == Mode::List);
    m_treeButton->setChecked(mode == Mode::Tree);
    m_views->setCurrentWidget(mode == Mode::List ? static_cast<QWidget *>(m_list) : m_tree);
    if (mode == Mode::Tree && m_treeModel && m_treeModel->rowCount() == 0)
        m_treeModel->reset();
    updateCount();
}

AssetQuery AssetBrowserWidget::query() const
{
    AssetQuery query;
    query.text = m_search->text().trimmed();
    query.filter = m_facets->filter();
    query.sort = AssetSort(m_sort->currentData().toInt());
    return query;
}

QString AssetBrowserWidget::currentAssetId() const
{
    const QAbstractItemView *view = m_mode == Mode::List ? static_cast<QAbstractItemView *>(m_list) : m_tree;
    const QModelIndex current = view->currentIndex();
    return current.isValid() ? current.data(AssetRoles::IdRole).toString() : QString();
}

bool AssetBrowserWidget::selectAsset(const QString &assetId)
{
    if (assetId.isEmpty())
        return false;
    QModelIndex index;
    QAbstractItemView *view = nullptr;
    if (m_mode == Mode::List && m_model) {
        const int row = m_model->rowOf(assetId);
        if (row >= 0)
            index = m_model->index(row);
        view = m_list;
    } else if (m_mode == Mode::Tree && m_treeModel) {
        index = m_treeModel->indexOf(assetId);
        view = m_tree;
    }
    if (!index.isValid())
        return false;
    m_lastSelected = assetId;
    const QSignalBlocker blocker(view->selectionModel());
    view->setCurrentIndex(index);
    view->scrollTo(index);
    return true;
}

void AssetBrowserWidget::clearSelection()
{
    for (QAbstractItemView *view : {static_cast<QAbstractItemView *>(m_list), static_cast<QAbstractItemView *>(m_tree)}) {
        if (view->selectionModel()) {
            const QSignalBlocker blocker(view->selectionModel());
            view->selectionModel()->clear();
        }
    }
    m_lastSelected.clear();
}

void AssetBrowserWidget::applySearchNow()
{
    m_debounce.stop();
    applyQuery();
}

void AssetBrowserWidget::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void AssetBrowserWidget::refresh()
{
    if (m_model)
        m_model->refresh();
    if (m_treeModel && m_treeModel->rowCount() > 0)
        m_treeModel->refresh();
    requestFacets();
}

void AssetBrowserWidget::applyQuery()
{
    m_debounce.stop();
    if (!m_model)
        return;
    const AssetQuery next = query();
    if (next == m_model->query() && m_model->isIdle() && m_model->rowCount() > 0)
        return;
    m_delegate->setTerms(SearchQuery::terms(next.text));
    m_model->setQuery(next);
    m_facetDebounce.start();
    updateCount();
}

void AssetBrowserWidget::requestFacets()
{
    if (!m_facetWorker || !m_model)
        return;
    const quint64 generation = ++m_facetGeneration;
    std::function<AssetFacets(Workspace &)> job = [query = m_model->query()](Workspace &workspace) {
        return workspace.assets().finder().facets(query);
    };
    m_facetWorker->post<AssetFacets>(this, std::move(job), [this, generation](StoreResult<AssetFacets> result) {
        if (generation != m_facetGeneration || !result.ok())
            return;
        m_facets->setFacets(*result.value);
        Q_EMIT facetsShown();
    });
}

void AssetBrowserWidget::onCurrentChanged(const QModelIndex &current)
{
    if (!current.isValid() || !current.data(AssetRoles::LoadedRole).toBool())
        return; // a reset clears the selection: keep showing the last asset
    const QString id = current.data(AssetRoles::IdRole).toString();
    if (id == m_lastSelected)
        return;
    m_lastSelected = id;
    Q_EMIT assetSelected(id);
}

void AssetBrowserWidget::reselect()
{
    // After rows arrived or were read again: the selected asset stays
    // selected where it now is, without announcing a change.
    if (m_lastSelected.isEmpty() || currentAssetId() == m_lastSelected)
        return;
    const int scroll = m_list->verticalScrollBar()->value();
    if (selectAsset(m_lastSelected) && m_mode == Mode::List)
        m_list->verticalScrollBar()->setValue(scroll);
}

void AssetBrowserWidget::updateCount()
{
    if (!m_model) {
        m_count->setText(tr("No workspace open"));
        return;
    }
    const bool filtered = !m_model->query().text.isEmpty() || !m_model->query().filter.isEmpty();
    if (m_mode == Mode::Tree) {
        // The hierarchy is the whole tree: say so while the list is narrowed.
        m_count->setText(filtered ? tr("Every asset, top level first (the search and filters narrow the list)")
                                  : tr("Top-level assets and their sub-assets"));
        return;
    }
    const std::optional<AssetCount> count = m_model->matchCount();
    if (!count)
        m_count->setText(tr("Counting…"));
    else if (count->capped)
        m_count->setText(filtered ? tr("%1+ matching assets").arg(QLocale().toString(count->value))
                                  : tr("%1+ assets").arg(QLocale().toString(count->value)));
    else
        m_count->setText(filtered ? UiText::matchingAssets(count->value) : UiText::assets(count->value));
}

} // namespace sl
