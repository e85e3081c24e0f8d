#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QMenu;

namespace sl {

class CompareWindow;
class MainWindow;

// Compare in the main window: Capture > Compare with… (Ctrl+Shift+C) and
// the gallery's context menu (Compare with > a capture, two clicks), both
// offering the selected capture's asset's other captures by capture date.
// The two captures are read on the view store worker (CaptureOpening) and
// shown in a CompareWindow, the earlier one left.
class CompareActions : public QObject
{
    Q_OBJECT
public:
    explicit CompareActions(MainWindow *window);

    void addTo(QMenu *menu);
    QAction *compareWithAction() const { return m_compareWith; }
    // The gallery's selected capture (else the one in the viewer) and the
    // chooser, its default partner chosen.
    void compareWithSelected();
    // Compares two captures of one asset: emits compareOpened() once both
    // are read, or shows why not in the status bar.
    void compare(const QString &captureId, const QString &otherId);
    // The window opened last (null once closed).
    CompareWindow *lastWindow() const;

Q_SIGNALS:
    void compareOpened(sl::CompareWindow *window);

private:
    void extendGalleryMenu(QMenu *menu, const QStringList &selectedIds);
    QString selectedCaptureId() const;
    void showStatus(const QString &text);

    MainWindow *m_window;
    QAction *m_compareWith = nullptr;
    QPointer<CompareWindow> m_last;
};

} // namespace sl
