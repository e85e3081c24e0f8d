#pragma once

#include "capture/capturemanifest.h"

#include <QString>

#include <optional>

namespace sl {

// Review status of a capture (sl_reviewstatus on the asset store).
enum class ReviewStatus { New, Approved, Rejected, NeedsFollowUp };
QString reviewStatusKey(ReviewStatus status);            // "new", "approved", ...
ReviewStatus reviewStatusFromKey(const QString &key);     // unknown keys read as New
std::optional<ReviewStatus> parseReviewStatus(const QString &key); // nullopt for an unknown key (typed input)

// A capture as the workspace stores it: the manifest plus where its media is
// and what the reviewer said.
struct CaptureRecord
{
    QString id;           // the manifest's id
    QString assetId;
    QString mediaPath;    // relative to the workspace directory, never absolute
    QString mediaSha256;  // hex SHA-256 of the stored media bytes; empty for captures stored before it was kept
    QString manifestPath; // the stored manifest file, relative to the workspace; empty likewise
    MediaType mediaType = MediaType::Photo;
    QString capturedAt;
    QString spatialFrame;
    ReviewStatus reviewStatus = ReviewStatus::New;
    QString reviewNote;
    CaptureManifest manifest;
    // Why the stored manifest no longer reads (a newer, stricter reader);
    // empty when it reads. Then `manifest` holds only what the columns
    // hold, and neither its markup nor its camera may be shown or edited.
    QString manifestError;
    QString storedManifestJson; // the stored text, kept as it is, when manifestError is set
};

} // namespace sl
