#include "items/assetlistmodel.h"

#include "common/logging.h"
#include "store/database.h"

namespace sl {

AssetListModel::AssetListModel(AssetRepository &repository, QObject *parent)
    : QAbstractListModel(parent), m_repository(repository)
{
    reload();
}

void AssetListModel::setSearch(const QString &text)
{
    m_search = text;
    reload();
}

void AssetListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    const int previousTotal = m_total;
    try {
        m_total = m_repository.countMatching(m_search);
        std::vector<Asset> page = nextPage();
        m_atEnd = endsList(page.size());
        m_rows = std::move(page);
    } catch (const StoreError &e) {
        // A model is the API boundary towards views: report, show nothing.
        qCWarning(lcStore).noquote() << "asset list: cannot read the workspace:" << e.message();
        m_rows.clear();
        m_total = 0;
        m_atEnd = true;
    }
    // Listeners run their reset handling inside endResetModel(); rows must
    // not arrive before all of them have (a view asks again after layout).
    m_resetting = true;
    endResetModel();
    m_resetting = false;
    if (m_total != previousTotal)
        Q_EMIT totalMatchesChanged(m_total);
}

// The page after the last row held (or the first page).
std::vector<Asset> AssetListModel::nextPage() const
{
    AssetPageCursor cursor;
    if (!m_rows.empty())
        cursor = {m_rows.back().name, m_rows.back().id};
    return m_repository.page(m_search, cursor, kPageSize);
}

bool AssetListModel::endsList(size_t pageSize) const
{
    // A short page is the end; so is having every counted match (which
    // spares a last search through the rest of the list).
    return int(pageSize) < kPageSize || int(m_rows.size() + pageSize) >= m_total;
}

int AssetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AssetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Asset &asset = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return asset.name;
    case Qt::ToolTipRole:
        return asset.assetTag.isEmpty()
                   ? asset.name
                   : QString(asset.name + QStringLiteral(" (") + asset.assetTag + QLatin1Char(')'));
    case IdRole:
        return asset.id;
    case AssetTagRole:
        return asset.assetTag;
    case AccountRole:
        return asset.accountName;
    case ProductRole:
        return asset.productName;
    case CategoryRole:
        return asset.categoryName;
    case ParentIdRole:
        return asset.parentId;
    default:
        return {};
    }
}

QHash<int, QByteArray> AssetListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "assetId");
    names.insert(NameRole, "name");
    names.insert(AssetTagRole, "assetTag");
    names.insert(AccountRole, "account");
    names.insert(ProductRole, "product");
    names.insert(CategoryRole, "category");
    names.insert(ParentIdRole, "parentId");
    return names;
}

bool AssetListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_resetting;
}

void AssetListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_resetting)
        return;
    std::vector<Asset> page;
    try {
        page = nextPage();
    } catch (const StoreError &e) {
        qCWarning(lcStore).noquote() << "asset list: cannot read the next page:" << e.message();
        m_atEnd = true;
        return;
    }
    // Before the insertion: views may ask again while it is signalled.
    m_atEnd = endsList(page.size());
    if (page.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
    endInsertRows();
}

int AssetListModel::rowOf(const QString &assetId) const
{
    for (size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == assetId)
            return int(row);
    }
    return -1;
}

} // namespace sl
