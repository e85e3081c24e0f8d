#pragma once

#include "domain/asset.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;

namespace sl {

// The selected asset's details: name, tag, account, product, category, a link
// to its parent, how many children and captures it has, and where it is.
class AssetDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AssetDetailsWidget(QWidget *parent = nullptr);

    void showAsset(const Asset &asset, const std::optional<Asset> &parentAsset, int childCount, int captureCount);
    void clear();
    QString assetId() const { return m_assetId; }
    // The text shown for a field ("name", "tag", "account", "product",
    // "category", "parent", "children", "captures", "location").
    QString fieldText(const QString &field) const;

Q_SIGNALS:
    // The user followed the link to another asset (the parent).
    void assetLinkActivated(const QString &assetId);

private:
    QLabel *addField(const QString &key, const QString &label);
    static QString orDash(const QString &text);
    static QString location(double latitude, double longitude);

    QString m_assetId;
    QLabel *m_title = nullptr;
    QHash<QString, QLabel *> m_fields;
    QFormLayout *m_form = nullptr;
};

} // namespace sl
