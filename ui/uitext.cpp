#include "uitext.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace sl {

QString UiText::reviewStatus(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::New:
        return tr("New");
    case ReviewStatus::Approved:
        return tr("Approved");
    case ReviewStatus::Rejected:
        return tr("Rejected");
    case ReviewStatus::NeedsFollowUp:
        return tr("Needs follow-up");
    }
    return tr("New");
}

QString UiText::mediaType(MediaType type)
{
    return type == MediaType::Video ? tr("Video") : tr("Photo");
}

QString UiText::assets(int count)
{
    return count == 1 ? tr("1 asset") : tr("%L1 assets").arg(count);
}

QString UiText::matchingAssets(int count)
{
    return count == 1 ? tr("1 matching asset") : tr("%L1 matching assets").arg(count);
}

QString UiText::captures(int count)
{
    return count == 1 ? tr("1 capture") : tr("%L1 captures").arg(count);
}

QString UiText::mediaTime(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        seconds = 0;
    const qint64 totalMs = std::llround(seconds * 1000.0);
    const qint64 ms = totalMs % 1000;
    const qint64 totalSeconds = totalMs / 1000;
    const qint64 s = totalSeconds % 60;
    const qint64 totalMinutes = totalSeconds / 60;
    const QLatin1Char zero('0');
    const QString tail = QStringLiteral("%1.%2").arg(s, 2, 10, zero).arg(ms, 3, 10, zero);
    if (totalMinutes < 60)
        return QStringLiteral("%1:").arg(totalMinutes, 2, 10, zero) + tail;
    return QStringLiteral("%1:%2:").arg(totalMinutes / 60).arg(totalMinutes % 60, 2, 10, zero) + tail;
}

QString UiText::captureDate(const QString &iso)
{
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!when.isValid())
        return iso;
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

} // namespace sl
