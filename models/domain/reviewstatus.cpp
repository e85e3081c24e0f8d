#include "domain/capturerecord.h"

namespace sl {

QString reviewStatusKey(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::New: return QStringLiteral("new");
    case ReviewStatus::Approved: return QStringLiteral("approved");
    case ReviewStatus::Rejected: return QStringLiteral("rejected");
    case ReviewStatus::NeedsFollowUp: return QStringLiteral("needs-follow-up");
    }
    return QStringLiteral("new");
}

ReviewStatus reviewStatusFromKey(const QString &key)
{
    if (key == QLatin1String("approved"))
        return ReviewStatus::Approved;
    if (key == QLatin1String("rejected"))
        return ReviewStatus::Rejected;
    if (key == QLatin1String("needs-follow-up"))
        return ReviewStatus::NeedsFollowUp;
    return ReviewStatus::New;
}

} // namespace sl
