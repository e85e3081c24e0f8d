#include "sync/syncsummary.h"

namespace sl {

QString SyncSummary::line() const
{
    const QString pulledText = capturesAdded > 0
                                   ? tr("%1 (new captures: %2)").arg(pulled).arg(capturesAdded)
                                   : QString::number(pulled);
    const QString pushedText = pushedCaptures > 0
                                   ? tr("%1 (%n capture(s))", nullptr, pushedCaptures).arg(pushed)
                                   : QString::number(pushed);
    const QString deletedText = capturesRemoved > 0
                                    ? tr("%1 (captures removed: %2)").arg(deleted).arg(capturesRemoved)
                                    : QString::number(deleted);
    QString text = tr("pulled %1, deleted %2, pushed %3, conflicts %4, failed %5")
                       .arg(pulledText)
                       .arg(deletedText)
                       .arg(pushedText)
                       .arg(conflicts)
                       .arg(failed);
    if (mediaFetched > 0)
        text += tr(", files fetched: %1").arg(mediaFetched);
    return text;
}

} // namespace sl
