#include "domain/capturerecord.h"

#include "common/enumnames.h"

namespace sl {

namespace {

// Keys as stored in captures.review_status and sent to the asset store.
constexpr EnumNames<ReviewStatus, 4> kReviewStatusKeys{{
    {ReviewStatus::New, "new"},
    {ReviewStatus::Approved, "approved"},
    {ReviewStatus::Rejected, "rejected"},
    {ReviewStatus::NeedsFollowUp, "needs-follow-up"},
}};

} // namespace

QString reviewStatusKey(ReviewStatus status)
{
    return enumName(kReviewStatusKeys, status);
}

ReviewStatus reviewStatusFromKey(const QString &key)
{
    return enumFromName(kReviewStatusKeys, key).value_or(ReviewStatus::New);
}

std::optional<ReviewStatus> parseReviewStatus(const QString &key)
{
    return enumFromName(kReviewStatusKeys, key);
}

} // namespace sl
