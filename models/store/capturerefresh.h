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
    QByteArray viewBasis;      // CaptureOpening::viewBasis as opened; empty: not known (not compared)
};

// An open tab whose capture changed since it was read.
struct CaptureRefresh
{
    QString captureId;
    // What the tab is to show now (CaptureOpening::read); std::nullopt: the
    // capture is no longer in the workspace (removed by a sync, or elsewhere).
    std::optional<CaptureOpening> opening;
    // What changed (all false when it is gone, or only its file came).
    bool markupsChanged = false;
    bool bookmarksChanged = false;
    // What the view is built from (poses, camera, the media file): the tab
    // is opened again. Not for a file that went (evicted from the cache):
    // the view keeps showing what it has.
    bool viewChanged = false;
};

// Reads every shown capture again through CaptureOpening::read, in one
// snapshot, and returns those whose markup (image or world), bookmarks,
// basis (CaptureOpening::viewBasis) or file changed, and those that are
// gone; a capture that reads the same is left out. "File changed" means
// only that a tab waiting for its file has it now: a view whose cached file
// was evicted keeps showing what it has.
// Throws StoreError.
std::vector<CaptureRefresh> refreshShownCaptures(Workspace &workspace, const std::vector<ShownCapture> &shown);

// Whether two markup lists (or bookmark lists) are the same, field for field,
// in the same order: compared as the manifest writes them, so that a field
// added to Markup or Bookmark counts without touching this.
bool sameMarkups(const std::vector<Markup> &a, const std::vector<Markup> &b);
bool sameBookmarks(const std::vector<Bookmark> &a, const std::vector<Bookmark> &b);

} // namespace sl
