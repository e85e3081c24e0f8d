#include "sync/syncsummary.h"

namespace sl {

QString SyncSummary::line() const
{
    const QString pushedText = pushedCaptures > 0
                                   ? tr("%1 (%n capture(s))", nullptr, pushedCaptures).arg(pushed)
                                   : QString::number(pushed);
    return tr("pulled %1, deleted %2, pushed %3, conflicts %4, failed %5")
        .arg(pulled)
        .arg(deleted)
        .arg(pushedText)
        .arg(conflicts)
        .arg(failed);
}

} // namespace sl
