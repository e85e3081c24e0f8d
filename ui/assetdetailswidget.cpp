#include "assetdetailswidget.h"

#include <QFormLayout>
#include <QLabel>
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
    addField(QStringLiteral("tag"), tr("Asset tag:"));
    addField(QStringLiteral("account"), tr("Account:"));
    addField(QStringLiteral("product"), tr("Product:"));
    addField(QStringLiteral("category"), tr("Category:"));
    QLabel *parentLabel = addField(QStringLiteral("parent"), tr("Parent:"));
    parentLabel->setTextFormat(Qt::RichText);
    parentLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(parentLabel, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(kAssetLinkScheme))
            Q_EMIT assetLinkActivated(link.mid(kAssetLinkScheme.size()));
    });
    addField(QStringLiteral("children"), tr("Children:"));
    addField(QStringLiteral("captures"), tr("Captures:"));
    addField(QStringLiteral("location"), tr("Location:"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addStretch(1);
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
    setEnabled(false);
}

void AssetDetailsWidget::showAsset(const Asset &asset, const std::optional<Asset> &parentAsset, int childCount,
                                   int captureCount)
{
    setEnabled(true);
    m_assetId = asset.id;
    m_title->setText(asset.name.isEmpty() ? tr("(unnamed asset)") : asset.name);
    m_title->setToolTip(asset.stateCode == 0 ? QString() : tr("Inactive asset"));
    m_fields[QStringLiteral("tag")]->setText(orDash(asset.assetTag));
    m_fields[QStringLiteral("account")]->setText(orDash(asset.accountName));
    m_fields[QStringLiteral("product")]->setText(orDash(asset.productName));
    m_fields[QStringLiteral("category")]->setText(orDash(asset.categoryName));

    QLabel *parentLabel = m_fields[QStringLiteral("parent")];
    if (asset.parentId.isEmpty()) {
        parentLabel->setText(tr("None (top-level asset)").toHtmlEscaped());
        parentLabel->setToolTip(QString());
    } else {
        const QString name = parentAsset ? parentAsset->name : tr("Unknown asset");
        parentLabel->setText(QStringLiteral("<a href=\"%1%2\">%3</a>")
                                 .arg(kAssetLinkScheme, asset.parentId.toHtmlEscaped(), name.toHtmlEscaped()));
        parentLabel->setToolTip(tr("Show the parent asset"));
    }
    const QLocale locale;
    m_fields[QStringLiteral("children")]->setText(locale.toString(childCount));
    m_fields[QStringLiteral("captures")]->setText(locale.toString(captureCount));
    m_fields[QStringLiteral("location")]->setText(location(asset.latitude, asset.longitude));
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
