#include "player/playeractions.h"

#include "videoplayerwidget.h"

#include <QAction>
#include <QMenu>

namespace sl {

QMenu *PlayerActions::build(VideoPlayerWidget *player)
{
    auto *menu = new QMenu(player);
    const auto add = [player, menu](const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, player);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QObject::connect(action, &QAction::triggered, player, slot);
        player->addAction(action); // the shortcut works anywhere in the player
        menu->addAction(action);   // and the menu shows it
        return action;
    };
    using P = VideoPlayerWidget;
    add(VideoPlayerWidget::tr("Play / pause"), {QKeySequence(Qt::Key_Space)}, &P::togglePlayPause);
    add(VideoPlayerWidget::tr("Play backwards / faster"), {QKeySequence(Qt::Key_J)}, &P::shuttleBackward);
    add(VideoPlayerWidget::tr("Stop"), {QKeySequence(Qt::Key_K)}, &P::stopShuttle);
    add(VideoPlayerWidget::tr("Play / faster"), {QKeySequence(Qt::Key_L)}, &P::shuttleForward);
    menu->addSeparator();
    add(VideoPlayerWidget::tr("Previous frame"), {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Comma)}, &P::stepBackward);
    add(VideoPlayerWidget::tr("Next frame"), {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_Period)}, &P::stepForward);
    add(VideoPlayerWidget::tr("Back one second"), {QKeySequence(Qt::SHIFT | Qt::Key_Left)}, &P::stepSecondBackward);
    add(VideoPlayerWidget::tr("Forward one second"), {QKeySequence(Qt::SHIFT | Qt::Key_Right)}, &P::stepSecondForward);
    add(VideoPlayerWidget::tr("First frame"), {QKeySequence(Qt::Key_Home)}, &P::goToFirstFrame);
    add(VideoPlayerWidget::tr("Last frame"), {QKeySequence(Qt::Key_End)}, &P::goToLastFrame);
    menu->addSeparator();
    add(VideoPlayerWidget::tr("Set loop start"), {QKeySequence(Qt::Key_I)}, &P::markIn);
    add(VideoPlayerWidget::tr("Set loop end"), {QKeySequence(Qt::Key_O)}, &P::markOut);
    add(VideoPlayerWidget::tr("Clear loop"), {QKeySequence(Qt::SHIFT | Qt::Key_O)}, &P::clearLoop);
    menu->addSeparator();
    add(VideoPlayerWidget::tr("Add bookmark"), {QKeySequence(Qt::Key_M)}, &P::addBookmark)
        ->setObjectName(QStringLiteral("addBookmarkAction"));
    add(VideoPlayerWidget::tr("Next bookmark"), {QKeySequence(Qt::Key_BracketRight)}, &P::nextBookmark);
    add(VideoPlayerWidget::tr("Previous bookmark"), {QKeySequence(Qt::Key_BracketLeft)}, &P::previousBookmark);
    menu->addSeparator();
    add(VideoPlayerWidget::tr("Snapshot"), {QKeySequence(Qt::Key_S)}, &P::requestCleanSnapshot)
        ->setObjectName(QStringLiteral("snapshotAction"));
    add(VideoPlayerWidget::tr("Snapshot with overlay"), {QKeySequence(Qt::SHIFT | Qt::Key_S)}, &P::requestBakedSnapshot)
        ->setObjectName(QStringLiteral("bakedSnapshotAction"));
    add(VideoPlayerWidget::tr("Export video…"), {QKeySequence(Qt::CTRL | Qt::Key_E)}, &P::requestVideoExport)
        ->setObjectName(QStringLiteral("exportVideoAction"));
    QAction *range = add(VideoPlayerWidget::tr("Export in–out range…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
                         &P::requestRangeExport);
    range->setObjectName(QStringLiteral("exportRangeAction"));
    range->setEnabled(false); // until an in or out point is set
    QMenu *speeds = menu->addMenu(VideoPlayerWidget::tr("Speed"));
    for (const double speed : {0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0}) {
        QAction *action = speeds->addAction(VideoPlayerWidget::tr("%1×").arg(speed));
        action->setObjectName(QStringLiteral("speed-%1").arg(speed));
        QObject::connect(action, &QAction::triggered, player, [player, speed]() { player->setSpeed(speed); });
    }
    return menu;
}

} // namespace sl
