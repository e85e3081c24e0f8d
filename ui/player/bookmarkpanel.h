#pragma once

#include "capture/bookmark.h"

#include <QWidget>

#include <vector>

class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;

namespace sl {

// The bookmarks of the video on screen, listed beside the player: each with
// its name and time range, in time order; activating one jumps to its
// start. Names are edited in place (F2 or a click on the selected one). The panel holds no data of its own: edits are requested
// by signal and the list shows what setBookmarks() was last given (what the
// store wrote).
class BookmarkPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BookmarkPanel(QWidget *parent = nullptr);

    void setBookmarks(std::vector<Bookmark> bookmarks);
    const std::vector<Bookmark> &bookmarks() const { return m_bookmarks; }
    QTreeWidget *list() const { return m_list; }

    // Whether bookmarks may be added, renamed and deleted here (not for a
    // capture no longer in the workspace); jumping to one always works.
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    // Starts editing the name of bookmark `id` in place.
    void editName(const QString &id);
    // The id of the selected bookmark, or empty.
    QString selectedId() const;

    // How a time range is shown: "0:12.0–0:19.5", or one time for a moment.
    static QString rangeText(const Bookmark &bookmark);

Q_SIGNALS:
    // Show the media at `seconds`.
    void jumpRequested(double seconds);
    // Store this bookmark (renamed).
    void putRequested(const sl::Bookmark &bookmark);
    void removeRequested(const QString &bookmarkId);
    void addRequested();

private:
    void onItemChanged(QTreeWidgetItem *item, int column);
    void removeSelected();

    QTreeWidget *m_list = nullptr; // columns: name (edited in place), time range
    QToolButton *m_addButton = nullptr;
    QToolButton *m_removeButton = nullptr;
    std::vector<Bookmark> m_bookmarks;
    bool m_filling = false; // setBookmarks() is filling the list: no edits
    bool m_editable = true;
};

} // namespace sl
