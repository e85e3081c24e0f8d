#pragma once

class QMenu;

namespace sl {

class VideoPlayerWidget;

// The player's actions with their review-tool keys (Space, J/K/L, arrows,
// Home/End, I/O, M, [ ], S, Ctrl+E): each is added to the player (its shortcut works
// anywhere in it) and to the returned menu, which shows the keys.
struct PlayerActions
{
    static QMenu *build(VideoPlayerWidget *player);
};

} // namespace sl
