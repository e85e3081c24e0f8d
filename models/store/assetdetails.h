#pragma once

#include "capture/markup.h"
#include "domain/asset.h"
#include "domain/capturerecord.h"
#include "store/auditrepository.h"

#include <QString>

#include <optional>
#include <vector>

namespace sl {

class Workspace;

// A capture as a list shows it: its record read from columns (no manifest
// parsed) and the absolute path of its media.
struct CaptureListing
{
    CaptureRecord record;
    QString mediaPath; // absolute; empty when the stored path breaks the media path rule
};

// Everything the details panel and the gallery show for one asset, read in
// one go on the store worker.
struct AssetDetails
{
    Asset asset;
    std::vector<Asset> ancestors; // the master-asset path, top first
    std::vector<Asset> children;  // the first kMaxChildrenListed sub-assets by name
    int childCount = 0;           // all sub-assets (counted up to 10,000)
    std::vector<CaptureListing> captures; // newest first
    std::vector<AuditEntry> history;      // who changed what, newest first (at most kMaxHistoryListed)

    static constexpr int kMaxChildrenListed = 200;
    static constexpr int kMaxHistoryListed = 1000;
    // std::nullopt when there is no such asset. Throws StoreError.
    static std::optional<AssetDetails> read(Workspace &workspace, const QString &assetId);
};

// What the viewer and the exports need to show one capture: the record with
// its parsed manifest, whose markups are the capture's visible image markup,
// the media's absolute path and the world markup it shows (both from
// MarkupRepository::visibleIn, the one rule).
struct CaptureOpening
{
    CaptureRecord record;
    QString mediaPath;
    std::vector<Markup> worldMarkups;
    // Pulled from the asset store and its file not in the media cache (not
    // fetched yet, or evicted): the viewer offers to fetch it.
    bool mediaToFetch = false;
    // What a view of it is built from besides its markup and bookmarks: a
    // digest of the manifest without them (poses, camera, axes, media) and of
    // the media file's path, size and modification time. A tab whose basis
    // changed is opened again. Filled by readForView() only.
    QByteArray viewBasis;
    // std::nullopt when there is no such capture. Throws StoreError.
    static std::optional<CaptureOpening> read(Workspace &workspace, const QString &captureId);
    // read() with viewBasis, for a viewer tab (stats the media: off the GUI thread).
    static std::optional<CaptureOpening> readForView(Workspace &workspace, const QString &captureId);
};

} // namespace sl
