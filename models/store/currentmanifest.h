#pragma once

#include "capture/capturemanifest.h"

#include <QString>

#include <optional>

namespace sl {

class Database;

// A capture's manifest as it is now: the stored manifest (unknown fields
// kept) with the markups its capture carries in the markups table
// (MarkupRepository::carriedBy). What an export writes and a push sends as
// sl_manifest. Throws StoreError.
//
// A stored manifest that no longer reads (a newer, stricter reader) is never
// rewritten from what could be read of it: of() refuses it (StoreError
// naming the capture and the reason), and jsonOf() gives the stored text as
// it is, so that a push or a comparison carries what was stored.
class CurrentManifest
{
public:
    static std::optional<CaptureManifest> of(Database &db, const QString &captureId);
    // The same as the JSON text a push sends (compact).
    static std::optional<QString> jsonOf(Database &db, const QString &captureId);
};

} // namespace sl
