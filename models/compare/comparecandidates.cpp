#include "compare/comparecandidates.h"

#include <algorithm>

namespace sl {

std::optional<QDateTime> CompareCandidates::capturedTime(const QString &capturedAt)
{
    QDateTime time = QDateTime::fromString(capturedAt, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

bool CompareCandidates::isEarlier(const CaptureRecord &a, const CaptureRecord &b)
{
    const std::optional<QDateTime> ta = capturedTime(a.capturedAt);
    const std::optional<QDateTime> tb = capturedTime(b.capturedAt);
    if (ta && tb && *ta != *tb)
        return *ta < *tb;
    if (ta.has_value() != tb.has_value())
        return ta.has_value(); // a readable time before an unreadable one
    if (!ta && a.capturedAt != b.capturedAt)
        return a.capturedAt < b.capturedAt;
    return a.id < b.id;
}

std::vector<CaptureRecord> CompareCandidates::ofAsset(const std::vector<CaptureRecord> &all, const QString &assetId)
{
    std::vector<CaptureRecord> same;
    std::copy_if(all.begin(), all.end(), std::back_inserter(same),
                 [&assetId](const CaptureRecord &r) { return !assetId.isEmpty() && r.assetId == assetId; });
    std::sort(same.begin(), same.end(), &CompareCandidates::isEarlier);
    return same;
}

std::vector<CaptureRecord> CompareCandidates::partnersOf(const std::vector<CaptureRecord> &all,
                                                         const QString &selectedId)
{
    const auto selected =
        std::find_if(all.begin(), all.end(), [&selectedId](const CaptureRecord &r) { return r.id == selectedId; });
    if (selected == all.end())
        return {};
    std::vector<CaptureRecord> partners = ofAsset(all, selected->assetId);
    partners.erase(std::remove_if(partners.begin(), partners.end(),
                                  [&selectedId](const CaptureRecord &r) { return r.id == selectedId; }),
                   partners.end());
    return partners;
}

QString CompareCandidates::defaultPartnerOf(const std::vector<CaptureRecord> &all, const QString &selectedId)
{
    const auto selected =
        std::find_if(all.begin(), all.end(), [&selectedId](const CaptureRecord &r) { return r.id == selectedId; });
    if (selected == all.end())
        return {};
    const std::vector<CaptureRecord> partners = partnersOf(all, selectedId);
    if (partners.empty())
        return {};
    const bool selectedIsNewest = isEarlier(partners.back(), *selected);
    return selectedIsNewest ? partners.front().id : partners.back().id;
}

std::pair<CaptureRecord, CaptureRecord> CompareCandidates::leftToRight(const CaptureRecord &a, const CaptureRecord &b)
{
    return isEarlier(b, a) ? std::pair(b, a) : std::pair(a, b);
}

} // namespace sl
