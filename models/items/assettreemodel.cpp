#include "items/assettreemodel.h"

#include "common/logging.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <functional>

namespace sl {

AssetTreeModel::AssetTreeModel(StoreWorker &store, QObject *parent)
    : QAbstractItemModel(parent), m_store(store), m_root(std::make_unique<Node>())
{
    m_root->serial = ++m_serials;
    m_live.emplace(m_root->serial, m_root.get());
}

AssetTreeModel::~AssetTreeModel() = default;

void AssetTreeModel::reset()
{
    beginResetModel();
    ++m_generation;
    m_pending = 0;
    m_live.clear();
    m_byId.clear();
    m_root = std::make_unique<Node>();
    m_root->serial = ++m_serials;
    m_live.emplace(m_root->serial, m_root.get());
    endResetModel();
    fetchMore({});
}

void AssetTreeModel::refresh()
{
    // Depth first over what is held: each expanded node reads again as many
    // children as it holds.
    std::function<void(Node *)> visit = [&](Node *node) {
        if (node->fetching)
            return;
        if (node == m_root.get() || !node->children.empty())
            requestChildren(node, {}, std::max(kPageSize, int(node->children.size())), true);
        for (const auto &child : node->children)
            visit(child.get());
    };
    visit(m_root.get());
}

QModelIndex AssetTreeModel::indexOf(const QString &assetId) const
{
    const Node *node = m_byId.value(assetId);
    return node ? indexOfNode(node) : QModelIndex();
}

AssetTreeModel::Node *AssetTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex AssetTreeModel::indexOfNode(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex AssetTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return indexOfNode(nodeOf(parent)->children[size_t(row)].get());
}

QModelIndex AssetTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int AssetTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int AssetTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool AssetTreeModel::mayHaveChildren(const Node *node) const
{
    return node == m_root.get() || node->asset.childCount > 0;
}

bool AssetTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    return !node->children.empty() || mayHaveChildren(node);
}

QVariant AssetTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    return AssetRoles::data(nodeOf(index)->asset, role);
}

QHash<int, QByteArray> AssetTreeModel::roleNames() const
{
    return AssetRoles::names(QAbstractItemModel::roleNames());
}

bool AssetTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    return mayHaveChildren(node) && !node->atEnd && !node->fetching;
}

void AssetTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *node = nodeOf(parent);
    requestChildren(node, node->next, kPageSize, false);
}

void AssetTreeModel::requestChildren(Node *node, const AssetPageCursor &after, int limit, bool replace)
{
    node->fetching = true;
    ++m_pending;
    const QString parentId = node->asset.id;
    const quint64 generation = m_generation;
    std::function<std::vector<Asset>(Workspace &)> job = [parentId, after, limit](Workspace &workspace) {
        return workspace.assets().children(parentId, {after.name, after.id}, limit);
    };
    m_store.post<std::vector<Asset>>(this, std::move(job),
                                     [this, serial = node->serial, generation, replace, limit](StoreResult<std::vector<Asset>> result) {
                                         if (generation != m_generation)
                                             return; // the node is gone with the old tree
                                         --m_pending;
                                         // A refresh may have replaced the node meanwhile.
                                         const auto live = m_live.find(serial);
                                         if (live == m_live.end())
                                             return;
                                         Node *target = live->second;
                                         target->fetching = false;
                                         if (!result.ok()) {
                                             target->atEnd = true;
                                             qCWarning(lcStore).noquote() << "asset tree:" << result.error;
                                             Q_EMIT readFailed(result.error);
                                             return;
                                         }
                                         if (replace)
                                             replaceChildren(target, std::move(*result.value), limit);
                                         else
                                             appendChildren(target, std::move(*result.value), limit);
                                         Q_EMIT childrenArrived(target->asset.id);
                                     });
}

void AssetTreeModel::appendChildren(Node *node, std::vector<Asset> rows, int limit)
{
    node->atEnd = int(rows.size()) < limit;
    if (rows.empty())
        return;
    node->next = {rows.back().name, rows.back().id};
    const int first = int(node->children.size());
    beginInsertRows(indexOfNode(node), first, first + int(rows.size()) - 1);
    for (Asset &asset : rows) {
        auto child = std::make_unique<Node>();
        child->asset = std::move(asset);
        child->parent = node;
        child->serial = ++m_serials;
        m_live.emplace(child->serial, child.get());
        m_byId.insert(child->asset.id, child.get());
        child->row = int(node->children.size());
        node->children.push_back(std::move(child));
    }
    endInsertRows();
}

void AssetTreeModel::forget(const std::vector<std::unique_ptr<Node>> &nodes)
{
    for (const auto &node : nodes) {
        m_live.erase(node->serial);
        m_byId.remove(node->asset.id);
        forget(node->children);
    }
}

void AssetTreeModel::replaceChildren(Node *node, std::vector<Asset> rows, int limit)
{
    const QModelIndex parent = indexOfNode(node);
    bool sameIds = rows.size() == node->children.size();
    for (size_t i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows[i].id == node->children[i]->asset.id;
    if (sameIds) {
        // Update in place; a node whose children appeared or went away
        // signals the change of its expander too.
        for (size_t i = 0; i < rows.size(); ++i) {
            Node *child = node->children[i].get();
            const bool hadChildren = child->asset.childCount > 0;
            child->asset = std::move(rows[i]);
            if (hadChildren != (child->asset.childCount > 0) && child->children.empty())
                child->atEnd = false;
        }
        node->atEnd = int(rows.size()) < limit;
        if (!rows.empty())
            Q_EMIT dataChanged(index(0, 0, parent), index(int(rows.size()) - 1, 0, parent));
        return;
    }
    if (!node->children.empty()) {
        beginRemoveRows(parent, 0, int(node->children.size()) - 1);
        forget(node->children);
        node->children.clear();
        endRemoveRows();
    }
    node->next = {};
    node->atEnd = false;
    appendChildren(node, std::move(rows), limit);
}

} // namespace sl
