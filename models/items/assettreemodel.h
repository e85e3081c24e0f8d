#pragma once

#include "items/assetroles.h"
#include "store/assetrepository.h"
#include "store/storeresult.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <unordered_map>
#include <vector>

namespace sl {

class StoreWorker;

// The parent/child hierarchy of the workspace's assets: the top-level
// assets, and each asset's sub-assets read when it is expanded, in keyset
// pages by name on a StoreWorker (canFetchMore/fetchMore per parent). Only
// what was expanded is held. Roles: AssetRoles.
class AssetTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 256;

    explicit AssetTreeModel(StoreWorker &store, QObject *parent = nullptr);
    ~AssetTreeModel() override;

    // Forgets everything and reads the top-level assets again.
    void reset();
    // Reads again the children held under every expanded node; rows whose
    // id list is unchanged update in place (expansion stays).
    void refresh();
    // No read is pending.
    bool isIdle() const { return m_pending == 0; }
    // The index of an asset held in the tree, or an invalid index.
    QModelIndex indexOf(const QString &assetId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // Children of `parentId` arrived ("" for the top level).
    void childrenArrived(const QString &parentId);
    void readFailed(const QString &error);

private:
    struct Node
    {
        Asset asset;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
        AssetPageCursor next; // where the next page of children starts
        bool atEnd = false;
        bool fetching = false;
        quint64 serial = 0; // names the node in answers still on their way
    };
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node) const;
    bool mayHaveChildren(const Node *node) const;
    void requestChildren(Node *node, const AssetPageCursor &after, int limit, bool replace);
    void onChildren(Node *node, bool replace, StoreResult<std::vector<Asset>> result);
    void replaceChildren(Node *node, std::vector<Asset> rows, int limit);
    void appendChildren(Node *node, std::vector<Asset> rows, int limit);
    // Takes nodes about to be deleted (and their subtrees) out of m_live.
    void forget(const std::vector<std::unique_ptr<Node>> &nodes);

    StoreWorker &m_store;
    std::unique_ptr<Node> m_root;
    quint64 m_generation = 0;
    int m_pending = 0;
    // The nodes that exist, by serial: an answer finds its node here, or
    // knows it is gone (replaced by a refresh).
    std::unordered_map<quint64, Node *> m_live;
    QHash<QString, Node *> m_byId; // the held nodes by asset id, for indexOf()
    quint64 m_serials = 0;
};

} // namespace sl
