#pragma once

#include "store/assetrepository.h"

#include <QAbstractListModel>

namespace sl {

// The asset browser's list: a search over the workspace's assets, fetched in
// keyset pages as the view scrolls (canFetchMore/fetchMore), so it stays
// instant at a million rows. Needs only Qt Core.
class AssetListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        AssetTagRole,
        AccountRole,
        ProductRole,
        CategoryRole,
        ParentIdRole,
    };

    explicit AssetListModel(AssetRepository &repository, QObject *parent = nullptr);

    void setSearch(const QString &text); // resets the model
    // Reads the search again from the first page (after a sync or an import).
    void reload();
    QString search() const { return m_search; }
    int totalMatches() const { return m_total; } // all matching rows, fetched or not

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Row of an asset already fetched, or -1.
    int rowOf(const QString &assetId) const;

Q_SIGNALS:
    void totalMatchesChanged(int total);

private:
    std::vector<Asset> nextPage() const; // throws StoreError
    // Whether a page of pageSize rows, read after the rows held, is the last.
    bool endsList(size_t pageSize) const;

    AssetRepository &m_repository;
    QString m_search;
    std::vector<Asset> m_rows;
    int m_total = 0;
    bool m_atEnd = false;     // the last page read was short: nothing more to fetch
    bool m_resetting = false; // inside endResetModel(): no fetching yet
    static constexpr int kPageSize = 256;
};

} // namespace sl
