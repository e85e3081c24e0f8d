#include "browser/assetdetailswidget.h"

#include "editing/assetfield.h"
#include "uitext.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QLocale>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <cmath>

namespace sl {

namespace {

const QString kAssetLinkScheme = QStringLiteral("asset:");

} // namespace

AssetDetailsWidget::AssetDetailsWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("assetDetails"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("assetTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight);
    addField(QStringLiteral("status"), tr("Status:"));
    addField(QStringLiteral("tag"), tr("Asset tag:"));
    addField(QStringLiteral("account"), tr("Account:"));
    addField(QStringLiteral("product"), tr("Product:"));
    addField(QStringLiteral("category"), tr("Category:"));
    for (const auto &[key, label] : {std::pair{QStringLiteral("path"), tr("Master asset path:")},
                                     std::pair{QStringLiteral("parent"), tr("Parent:")}}) {
        QLabel *links = addField(key, label);
        links->setTextFormat(Qt::RichText);
        links->setTextInteractionFlags(Qt::TextBrowserInteraction);
        connect(links, &QLabel::linkActivated, this, [this](const QString &link) {
            if (link.startsWith(kAssetLinkScheme))
                Q_EMIT assetLinkActivated(link.mid(kAssetLinkScheme.size()));
        });
    }
    addField(QStringLiteral("children"), tr("Children:"));
    addField(QStringLiteral("captures"), tr("Captures:"));
    addField(QStringLiteral("location"), tr("Location:"));
    addField(QStringLiteral("modified"), tr("Modified:"));

    auto *detailsPage = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPage);
    detailsLayout->addLayout(m_form);
    detailsLayout->addStretch(1);

    m_children = new QListWidget(this);
    m_children->setObjectName(QStringLiteral("subAssetList"));
    m_children->setUniformItemSizes(true);
    connect(m_children, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            Q_EMIT assetLinkActivated(id);
    });

    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("assetHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->setHeaderLabels({tr("When"), tr("Who"), tr("Field"), tr("Before"), tr("After")});

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("assetDetailTabs"));
    m_tabs->addTab(detailsPage, tr("Details"));
    m_tabs->addTab(m_children, tr("Sub-assets"));
    m_tabs->addTab(m_history, tr("History"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    clear();
}

QLabel *AssetDetailsWidget::addField(const QString &key, const QString &label)
{
    auto *value = new QLabel(this);
    value->setObjectName(key + QStringLiteral("Value"));
    value->setWordWrap(true);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    m_fields.insert(key, value);
    return value;
}

void AssetDetailsWidget::clear()
{
    m_assetId.clear();
    m_title->setText(tr("No asset selected"));
    for (QLabel *value : std::as_const(m_fields))
        value->clear();
    m_children->clear();
    m_history->clear();
    setEnabled(false);
}

void AssetDetailsWidget::showAsset(const AssetDetails &details)
{
    const Asset &asset = details.asset;
    setEnabled(true);
    m_assetId = asset.id;
    m_title->setText(asset.name.isEmpty() ? tr("(unnamed asset)") : asset.name);
    m_fields[QStringLiteral("status")]->setText(asset.stateCode == 0 ? tr("Active") : tr("Inactive"));
    m_fields[QStringLiteral("tag")]->setText(orDash(asset.assetTag));
    m_fields[QStringLiteral("account")]->setText(orDash(asset.accountName));
    m_fields[QStringLiteral("product")]->setText(orDash(asset.productName));
    m_fields[QStringLiteral("category")]->setText(orDash(asset.categoryName));

    auto link = [](const QString &id, const QString &name) {
        return QStringLiteral("<a href=\"%1%2\">%3</a>").arg(kAssetLinkScheme, id.toHtmlEscaped(), name.toHtmlEscaped());
    };
    QStringList path;
    for (const Asset &ancestor : details.ancestors)
        path.append(link(ancestor.id, ancestor.name));
    m_fields[QStringLiteral("path")]->setText(path.isEmpty() ? tr("None (top-level asset)").toHtmlEscaped()
                                                             : path.join(QStringLiteral(" › ")));
    QLabel *parentLabel = m_fields[QStringLiteral("parent")];
    if (asset.parentId.isEmpty()) {
        parentLabel->setText(tr("None (top-level asset)").toHtmlEscaped());
        parentLabel->setToolTip(QString());
    } else {
        const QString name = details.ancestors.empty() ? tr("Unknown asset") : details.ancestors.back().name;
        parentLabel->setText(link(asset.parentId, name));
        parentLabel->setToolTip(tr("Show the parent asset"));
    }
    const QLocale locale;
    m_fields[QStringLiteral("children")]->setText(locale.toString(details.childCount));
    m_fields[QStringLiteral("captures")]->setText(locale.toString(int(details.captures.size())));
    m_fields[QStringLiteral("location")]->setText(location(asset.latitude, asset.longitude));
    m_fields[QStringLiteral("modified")]->setText(asset.modifiedOn.isEmpty() ? QStringLiteral("—")
                                                                             : UiText::captureDate(asset.modifiedOn));

    m_children->clear();
    for (const Asset &child : details.children) {
        auto *item = new QListWidgetItem(child.assetTag.isEmpty() ? child.name
                                                                  : tr("%1  ·  %2").arg(child.name, child.assetTag),
                                         m_children);
        item->setData(Qt::UserRole, child.id);
    }
    if (details.childCount > int(details.children.size()))
        new QListWidgetItem(tr("… and %1 more (see the hierarchy)").arg(locale.toString(details.childCount - int(details.children.size()))),
                            m_children);
    m_tabs->setTabText(1, details.childCount > 0 ? tr("Sub-assets (%1)").arg(locale.toString(details.childCount))
                                                 : tr("Sub-assets"));
    setHistory(details.history);
}

void AssetDetailsWidget::setHistory(const std::vector<AuditEntry> &history)
{
    m_history->clear();
    for (const AuditEntry &entry : history) {
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, UiText::captureDate(entry.at));
        item->setText(1, entry.author);
        const std::optional<AssetField> field = enumFromName(kAssetFieldKeys, entry.field);
        item->setText(2, field ? assetFieldLabel(*field) : entry.field);
        item->setText(3, entry.oldValue);
        item->setText(4, entry.newValue);
    }
    m_tabs->setTabText(2, history.empty() ? tr("History") : tr("History (%1)").arg(QLocale().toString(int(history.size()))));
}

QString AssetDetailsWidget::fieldText(const QString &field) const
{
    if (field == QLatin1String("name"))
        return m_title->text();
    const QLabel *value = m_fields.value(field);
    if (!value)
        return {};
    return value->textFormat() == Qt::RichText ? QTextDocumentFragment::fromHtml(value->text()).toPlainText()
                                               : value->text();
}

QString AssetDetailsWidget::orDash(const QString &text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("—") : text;
}

QString AssetDetailsWidget::location(double latitude, double longitude)
{
    if (!std::isfinite(latitude) || !std::isfinite(longitude) || (latitude == 0 && longitude == 0))
        return tr("Not recorded");
    const QLocale locale;
    const QString lat = latitude >= 0 ? tr("%1° N").arg(locale.toString(latitude, 'f', 5))
                                      : tr("%1° S").arg(locale.toString(-latitude, 'f', 5));
    const QString lon = longitude >= 0 ? tr("%1° E").arg(locale.toString(longitude, 'f', 5))
                                       : tr("%1° W").arg(locale.toString(-longitude, 'f', 5));
    return tr("%1, %2").arg(lat, lon);
}

} // namespace sl
