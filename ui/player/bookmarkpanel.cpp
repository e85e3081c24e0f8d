#include "player/bookmarkpanel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sl {

namespace {

constexpr int kIdRole = Qt::UserRole;
enum Column { NameColumn = 0, TimeColumn = 1 };

QString clockText(double seconds)
{
    const double clamped = std::max(0.0, seconds);
    const int minutes = int(clamped / 60.0);
    const double rest = clamped - minutes * 60.0;
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, 4, 'f', 1, QLatin1Char('0'));
}

// The time column is shown, never edited.
class ReadOnlyDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *, const QStyleOptionViewItem &, const QModelIndex &) const override { return nullptr; }
};

} // namespace

BookmarkPanel::BookmarkPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("bookmarkPanel"));
    auto *title = new QLabel(tr("Bookmarks"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_addButton = new QToolButton(this);
    m_addButton->setObjectName(QStringLiteral("addBookmarkButton"));
    m_addButton->setText(QStringLiteral("+"));
    m_addButton->setAutoRaise(true);
    m_addButton->setToolTip(tr("Bookmark the loop range, or the frame on screen (M)"));
    m_removeButton = new QToolButton(this);
    m_removeButton->setObjectName(QStringLiteral("removeBookmarkButton"));
    m_removeButton->setText(QStringLiteral("\u2212"));
    m_removeButton->setAutoRaise(true);
    m_removeButton->setToolTip(tr("Delete the selected bookmark (Delete)"));
    m_removeButton->setEnabled(false);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("bookmarkList"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Name"), tr("Time")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    m_list->setItemDelegateForColumn(TimeColumn, new ReadOnlyDelegate(m_list));
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_list->setToolTip(tr("Double-click or Enter to jump to a bookmark; F2 to rename it"));

    // Delete works while the list has focus (the player's keys stay the player's).
    auto *remove = new QAction(tr("Delete bookmark"), m_list);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(remove);
    connect(remove, &QAction::triggered, this, &BookmarkPanel::removeSelected);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 2, 0);
    header->addWidget(title, 1);
    header->addWidget(m_addButton);
    header->addWidget(m_removeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);

    connect(m_addButton, &QToolButton::clicked, this, &BookmarkPanel::addRequested);
    connect(m_removeButton, &QToolButton::clicked, this, &BookmarkPanel::removeSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(NameColumn, kIdRole).toString();
        const auto it = std::find_if(m_bookmarks.begin(), m_bookmarks.end(), [&](const Bookmark &b) { return b.id == id; });
        if (it != m_bookmarks.end())
            Q_EMIT jumpRequested(it->from);
    });
    connect(m_list, &QTreeWidget::itemChanged, this, &BookmarkPanel::onItemChanged);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { m_removeButton->setEnabled(m_editable && current != nullptr); });
}

QString BookmarkPanel::rangeText(const Bookmark &bookmark)
{
    if (bookmark.to <= bookmark.from)
        return clockText(bookmark.from);
    return QStringLiteral("%1\u2013%2").arg(clockText(bookmark.from), clockText(bookmark.to));
}

void BookmarkPanel::setBookmarks(std::vector<Bookmark> bookmarks)
{
    const QString selected = selectedId();
    // Shown in time order, whatever order the manifest keeps.
    std::stable_sort(bookmarks.begin(), bookmarks.end(),
                     [](const Bookmark &a, const Bookmark &b) { return a.from < b.from; });
    m_bookmarks = std::move(bookmarks);
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Bookmark &b : m_bookmarks) {
        auto *item = new QTreeWidgetItem(m_list, {b.name, rangeText(b)});
        item->setData(NameColumn, kIdRole, b.id);
        if (m_editable)
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setTextAlignment(TimeColumn, Qt::AlignRight | Qt::AlignVCenter);
        const QString tip = tr("%1 · %2").arg(rangeText(b), b.author.isEmpty() ? tr("unknown author") : b.author);
        item->setToolTip(NameColumn, tip);
        item->setToolTip(TimeColumn, tip);
        if (b.id == selected)
            m_list->setCurrentItem(item);
    }
    m_removeButton->setEnabled(m_editable && m_list->currentItem() != nullptr);
}

void BookmarkPanel::setEditable(bool editable)
{
    m_editable = editable;
    m_addButton->setEnabled(editable);
    setBookmarks(std::vector<Bookmark>(m_bookmarks)); // the items' editable flag and the remove button
}

QString BookmarkPanel::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(NameColumn, kIdRole).toString() : QString();
}

void BookmarkPanel::editName(const QString &id)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->data(NameColumn, kIdRole).toString() != id)
            continue;
        m_list->setCurrentItem(item, NameColumn);
        m_list->editItem(item, NameColumn);
        return;
    }
}

void BookmarkPanel::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (column != NameColumn)
        return;
    const QString id = item->data(NameColumn, kIdRole).toString();
    const auto it = std::find_if(m_bookmarks.begin(), m_bookmarks.end(), [&](const Bookmark &b) { return b.id == id; });
    if (it == m_bookmarks.end())
        return;
    const QString name = item->text(NameColumn).trimmed();
    if (name.isEmpty() || name == it->name) {
        const QSignalBlocker blocker(m_list);
        item->setText(NameColumn, it->name); // back to what is stored
        return;
    }
    Bookmark renamed = *it;
    renamed.name = name;
    Q_EMIT putRequested(renamed);
}

void BookmarkPanel::removeSelected()
{
    const QString id = selectedId();
    if (!id.isEmpty() && m_editable)
        Q_EMIT removeRequested(id);
}

} // namespace sl
