#pragma once

#include "store/assetdetails.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QListWidget;
class QTabWidget;
class QTreeWidget;

namespace sl {

// The selected asset: a Details tab (name, tag, account, product, category,
// the master-asset path with links, how many sub-assets and captures it has,
// where it is), a Sub-assets tab (links), and a History tab (who changed what).
class AssetDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AssetDetailsWidget(QWidget *parent = nullptr);

    void showAsset(const AssetDetails &details);
    void clear();
    QString assetId() const { return m_assetId; }
    // The text shown for a field ("name", "tag", "account", "product",
    // "category", "path", "parent", "children", "captures", "location", "status").
    QString fieldText(const QString &field) const;

    QListWidget *subAssetList() const { return m_children; }
    QTreeWidget *historyView() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    // The user followed a link to another asset (an ancestor or a sub-asset).
    void assetLinkActivated(const QString &assetId);

private:
    QLabel *addField(const QString &key, const QString &label);
    void setHistory(const std::vector<AuditEntry> &history);
    static QString orDash(const QString &text);
    static QString location(double latitude, double longitude);

    QString m_assetId;
    QLabel *m_title = nullptr;
    QHash<QString, QLabel *> m_fields;
    QFormLayout *m_form = nullptr;
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_children = nullptr;
    QTreeWidget *m_history = nullptr;
};

} // namespace sl
