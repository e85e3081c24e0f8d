#pragma once

#include "domain/capturerecord.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace sl {

// Which captures may be compared with which, and in what order: captures of
// one asset only, oldest first, so that "before repair / after repair" is
// the oldest against the newest.
class CompareCandidates
{
public:
    // `capturedAt` as an instant; nullopt when it does not read as ISO 8601.
    static std::optional<QDateTime> capturedTime(const QString &capturedAt);
    // True when `a` was captured before `b` (by time; a capture whose time
    // does not read sorts after one whose does; ties by id, so the order is total).
    static bool isEarlier(const CaptureRecord &a, const CaptureRecord &b);
    // The captures of `assetId` among `all`, oldest first.
    static std::vector<CaptureRecord> ofAsset(const std::vector<CaptureRecord> &all, const QString &assetId);
    // What `selectedId` may be compared with: the other captures of its
    // asset, oldest first. Empty when it is not among `all`.
    static std::vector<CaptureRecord> partnersOf(const std::vector<CaptureRecord> &all, const QString &selectedId);
    // The partner offered first: the newest of its asset's captures, or the
    // oldest when the selected one is itself the newest (so the default pair
    // is always the oldest against the newest when one of them is selected).
    // Empty when there is none.
    static QString defaultPartnerOf(const std::vector<CaptureRecord> &all, const QString &selectedId);
    // The pair as shown: the earlier capture left (first).
    static std::pair<CaptureRecord, CaptureRecord> leftToRight(const CaptureRecord &a, const CaptureRecord &b);
};

} // namespace sl
