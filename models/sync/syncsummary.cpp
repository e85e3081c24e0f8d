#include "sync/syncsummary.h"

namespace sl {

QString SyncSummary::line() const
{
    return tr("pulled %1, deleted %2, pushed %3, conflicts %4, failed %5")
        .arg(pulled)
        .arg(deleted)
        .arg(pushed)
        .arg(conflicts)
        .arg(failed);
}

} // namespace sl
