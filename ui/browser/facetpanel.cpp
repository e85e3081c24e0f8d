#include "browser/facetpanel.h"

#include "uitext.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <array>

namespace sl {

namespace {

constexpr int kFacetRole = Qt::UserRole + 1; // on a group: the facet key
constexpr int kIdRole = Qt::UserRole + 2;    // on a value: its id
constexpr int kTitleRole = Qt::UserRole + 3; // on a group: its title without the selection note

struct FacetGroup
{
    const char *key;
    const char *title;
};

// The groups in the order shown. Titles are translated in the constructor.
constexpr std::array<FacetGroup, 6> kGroups{{
    {"accounts", QT_TRANSLATE_NOOP("sl::FacetPanel", "Account")},
    {"categories", QT_TRANSLATE_NOOP("sl::FacetPanel", "Category")},
    {"products", QT_TRANSLATE_NOOP("sl::FacetPanel", "Product")},
    {"states", QT_TRANSLATE_NOOP("sl::FacetPanel", "Status")},
    {"captures", QT_TRANSLATE_NOOP("sl::FacetPanel", "Captures")},
    {"reviewStatuses", QT_TRANSLATE_NOOP("sl::FacetPanel", "Review")},
}};

// What a value is called: the lookup's name, or for the fixed facets a
// translated word for their key.
QString labelOf(const QString &facet, const FacetValue &value)
{
    if (facet == QLatin1String("states"))
        return value.id == AssetFacetIds::kActive ? FacetPanel::tr("Active") : FacetPanel::tr("Inactive");
    if (facet == QLatin1String("captures"))
        return value.id == AssetFacetIds::kWithCaptures ? FacetPanel::tr("With captures")
                                                        : FacetPanel::tr("Without captures");
    if (facet == QLatin1String("reviewStatuses"))
        return UiText::reviewStatus(reviewStatusFromKey(value.id));
    return value.label.isEmpty() ? FacetPanel::tr("(none)") : value.label;
}

} // namespace

FacetPanel::FacetPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("facetPanel"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("facetTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    for (const FacetGroup &facet : kGroups) {
        auto *item = new QTreeWidgetItem(m_tree);
        const QString title = tr(facet.title);
        item->setText(0, title);
        item->setData(0, kTitleRole, title);
        item->setData(0, kFacetRole, QString::fromLatin1(facet.key));
        item->setFlags(Qt::ItemIsEnabled);
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
    }
    m_tree->expandAll();
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_filling || !item->parent())
            return;
        updateGroupTitle(item->parent());
        Q_EMIT filterChanged();
    });

    m_modifiedEnabled = new QCheckBox(tr("Modified since"), this);
    m_modifiedEnabled->setObjectName(QStringLiteral("modifiedSinceEnabled"));
    m_modifiedSince = new QDateEdit(QDate::currentDate().addMonths(-1), this);
    m_modifiedSince->setObjectName(QStringLiteral("modifiedSince"));
    m_modifiedSince->setCalendarPopup(true);
    m_modifiedSince->setEnabled(false);
    connect(m_modifiedEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_modifiedSince->setEnabled(on);
        Q_EMIT filterChanged();
    });
    connect(m_modifiedSince, &QDateEdit::dateChanged, this, [this] {
        if (m_modifiedEnabled->isChecked())
            Q_EMIT filterChanged();
    });
    auto *clear = new QPushButton(tr("Clear filters"), this);
    clear->setObjectName(QStringLiteral("clearFilters"));
    connect(clear, &QPushButton::clicked, this, &FacetPanel::clearFilter);

    auto *modified = new QHBoxLayout;
    modified->addWidget(m_modifiedEnabled);
    modified->addWidget(m_modifiedSince, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addLayout(modified);
    layout->addWidget(clear);
}

QTreeWidgetItem *FacetPanel::group(const QString &facet) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, kFacetRole).toString() == facet)
            return item;
    }
    return nullptr;
}

QStringList FacetPanel::checkedIds(const QString &facet) const
{
    QStringList ids;
    const QTreeWidgetItem *item = group(facet);
    for (int i = 0; item && i < item->childCount(); ++i) {
        if (item->child(i)->checkState(0) == Qt::Checked)
            ids.append(item->child(i)->data(0, kIdRole).toString());
    }
    return ids;
}

QStringList FacetPanel::shownIds(const QString &facet) const
{
    QStringList ids;
    const QTreeWidgetItem *item = group(facet);
    for (int i = 0; item && i < item->childCount(); ++i)
        ids.append(item->child(i)->data(0, kIdRole).toString());
    return ids;
}

AssetFilter FacetPanel::filter() const
{
    AssetFilter filter;
    filter.accountIds = checkedIds(QStringLiteral("accounts"));
    filter.categoryIds = checkedIds(QStringLiteral("categories"));
    filter.productIds = checkedIds(QStringLiteral("products"));
    filter.reviewStatuses = checkedIds(QStringLiteral("reviewStatuses"));
    // Both values of a two-valued facet checked is the same as none.
    const QStringList states = checkedIds(QStringLiteral("states"));
    if (states.size() == 1)
        filter.state = AssetFacetIds::stateOf(states.front());
    const QStringList captures = checkedIds(QStringLiteral("captures"));
    if (captures.size() == 1)
        filter.captures = AssetFacetIds::capturesOf(captures.front());
    if (m_modifiedEnabled->isChecked())
        filter.modifiedSince = m_modifiedSince->date().toString(Qt::ISODate);
    return filter;
}

void FacetPanel::setFacets(const AssetFacets &facets)
{
    m_filling = true;
    fill(QStringLiteral("accounts"), facets.accounts);
    fill(QStringLiteral("categories"), facets.categories);
    fill(QStringLiteral("products"), facets.products);
    fill(QStringLiteral("states"), facets.states);
    fill(QStringLiteral("captures"), facets.captures);
    fill(QStringLiteral("reviewStatuses"), facets.reviewStatuses);
    m_filling = false;
}

void FacetPanel::fill(const QString &facet, const std::vector<FacetValue> &values)
{
    QTreeWidgetItem *item = group(facet);
    const QStringList checked = checkedIds(facet);
    const QLocale locale;
    // Values are replaced in place where possible, so the view does not jump.
    std::vector<const FacetValue *> shown;
    for (const FacetValue &value : values)
        shown.push_back(&value);
    // A checked value the counts no longer list stays visible with 0.
    std::vector<FacetValue> kept;
    for (const QString &id : checked) {
        if (std::none_of(values.begin(), values.end(), [&](const FacetValue &v) { return v.id == id; })) {
            for (int i = 0; i < item->childCount(); ++i) {
                if (item->child(i)->data(0, kIdRole).toString() == id)
                    kept.push_back({id, item->child(i)->data(0, Qt::UserRole).toString(), 0});
            }
        }
    }
    for (const FacetValue &value : kept)
        shown.push_back(&value);
    while (item->childCount() > int(shown.size()))
        delete item->takeChild(item->childCount() - 1);
    for (size_t i = 0; i < shown.size(); ++i) {
        QTreeWidgetItem *child = int(i) < item->childCount() ? item->child(int(i)) : new QTreeWidgetItem(item);
        const FacetValue &value = *shown[i];
        child->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        child->setData(0, kIdRole, value.id);
        child->setData(0, Qt::UserRole, value.label);
        child->setText(0, tr("%1 (%2)").arg(labelOf(facet, value), locale.toString(value.count)));
        child->setCheckState(0, checked.contains(value.id) ? Qt::Checked : Qt::Unchecked);
    }
    updateGroupTitle(item);
}

void FacetPanel::updateGroupTitle(QTreeWidgetItem *groupItem)
{
    const QString facet = groupItem->data(0, kFacetRole).toString();
    const int checked = int(checkedIds(facet).size());
    const QString title = groupItem->data(0, kTitleRole).toString();
    const bool filling = m_filling;
    m_filling = true;
    groupItem->setText(0, checked == 0 ? title : tr("%1 (%2 selected)").arg(title).arg(checked));
    m_filling = filling;
}

void FacetPanel::clearFilter()
{
    m_filling = true;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *item = m_tree->topLevelItem(g);
        for (int i = 0; i < item->childCount(); ++i)
            item->child(i)->setCheckState(0, Qt::Unchecked);
        updateGroupTitle(item);
    }
    m_filling = false;
    const QSignalBlocker blocker(m_modifiedEnabled);
    m_modifiedEnabled->setChecked(false);
    m_modifiedSince->setEnabled(false);
    Q_EMIT filterChanged();
}

bool FacetPanel::setChecked(const QString &facet, const QString &id, bool checked)
{
    QTreeWidgetItem *item = group(facet);
    for (int i = 0; item && i < item->childCount(); ++i) {
        if (item->child(i)->data(0, kIdRole).toString() == id) {
            item->child(i)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

} // namespace sl
