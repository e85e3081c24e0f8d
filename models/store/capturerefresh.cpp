#include "store/capturerefresh.h"

#include "capture/manifestwriter.h"
#include "store/database.h"
#include "store/workspace.h"

#include <algorithm>

namespace sl {

namespace {

template<class T, class ToJson>
bool sameAsWritten(const std::vector<T> &a, const std::vector<T> &b, ToJson toJson)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [toJson](const T &x, const T &y) { return toJson(x) == toJson(y); });
}

} // namespace

bool sameMarkups(const std::vector<Markup> &a, const std::vector<Markup> &b)
{
    return sameAsWritten(a, b, &ManifestWriter::markupToJson);
}

bool sameBookmarks(const std::vector<Bookmark> &a, const std::vector<Bookmark> &b)
{
    return sameAsWritten(a, b, &ManifestWriter::bookmarkToJson);
}

std::vector<CaptureRefresh> refreshShownCaptures(Workspace &workspace, const std::vector<ShownCapture> &shown)
{
    // One snapshot: tabs showing the same spatial frame agree on its world markup.
    Transaction snapshot(workspace.database(), Transaction::Read);
    std::vector<CaptureRefresh> changed;
    for (const ShownCapture &tab : shown) {
        CaptureRefresh refresh{tab.captureId, CaptureOpening::readForView(workspace, tab.captureId)};
        if (const std::optional<CaptureOpening> &now = refresh.opening) {
            refresh.markupsChanged = !sameMarkups(tab.imageMarkups, now->record.manifest.markups)
                                     || !sameMarkups(tab.worldMarkups, now->worldMarkups);
            refresh.bookmarksChanged = !sameBookmarks(tab.bookmarks, now->record.manifest.bookmarks);
            const bool fileCame = tab.mediaToFetch && !now->mediaToFetch;
            refresh.viewChanged = !tab.mediaToFetch && !now->mediaToFetch && !tab.viewBasis.isEmpty()
                                  && tab.viewBasis != now->viewBasis;
            if (!fileCame && !refresh.markupsChanged && !refresh.bookmarksChanged && !refresh.viewChanged)
                continue;
        }
        changed.push_back(std::move(refresh));
    }
    snapshot.commit();
    return changed;
}

} // namespace sl
