#pragma once

#include "capture/bookmark.h"
#include "capture/markup.h"
#include "store/assetdetails.h"

#include <QString>

#include <optional>
#include <vector>

namespace sl {

class Workspace;

// What an open viewer tab shows of its capture, as it was last read
// (CaptureOpening): what a new read is compared with.
struct ShownCapture
{
    QString captureId;
    std::vector<Markup> imageMarkups; // the manifest's, as CaptureOpening gives them
    std::vector<Markup> worldMarkups;
    std::vector<Bookmark> bookmarks;
    bool mediaToFetch = false; // the tab waits for its file from the asset store
};

// An open tab whose capture changed since it was read.
struct CaptureRefresh
{
    QString captureId;
    // What the tab is to show now (CaptureOpening::read); std::nullopt: the
    // capture is no longer in the workspace (removed by a sync, or elsewhere).
    std::optional<CaptureOpening> opening;
    // What changed (both false when it is gone, or only its file came).
    bool markupsChanged = false;
    bool bookmarksChanged = false;
};

// Reads every shown capture again through CaptureOpening::read, in one
// snapshot, and returns those whose markup (image or world), bookmarks or
// file changed, and those that are gone; a capture that reads the same is
// left out. "File changed" means only that a tab waiting for its file has
// it now: a view whose cached file was evicted keeps showing what it has.
// Throws StoreError.
std::vector<CaptureRefresh> refreshShownCaptures(Workspace &workspace, const std::vector<ShownCapture> &shown);

// Whether two markup lists (or bookmark lists) are the same, field for field,
// in the same order: compared as the manifest writes them, so that a field
// added to Markup or Bookmark counts without touching this.
bool sameMarkups(const std::vector<Markup> &a, const std::vector<Markup> &b);
bool sameBookmarks(const std::vector<Bookmark> &a, const std::vector<Bookmark> &b);

} // namespace sl
