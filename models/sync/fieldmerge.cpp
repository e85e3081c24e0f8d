#include "sync/fieldmerge.h"

#include <algorithm>
#include <cmath>

namespace sl {

bool FieldMerge::same(const QJsonValue &a, const QJsonValue &b)
{
    const bool aNull = a.isNull() || a.isUndefined();
    const bool bNull = b.isNull() || b.isUndefined();
    if (aNull || bNull)
        return aNull == bNull;
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble() || std::abs(a.toDouble() - b.toDouble()) < 1e-12;
    return a == b;
}

FieldMergeResult FieldMerge::merge(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                                   const std::vector<QJsonObject> &ours)
{
    FieldMergeResult result;
    for (auto it = mine.begin(); it != mine.end(); ++it) {
        const QJsonValue before = base.value(it.key());
        const QJsonValue now = theirs.value(it.key());
        if (same(now, it.value()))
            continue; // both sides agree already
        const bool oursThere = std::any_of(ours.begin(), ours.end(), [&](const QJsonObject &values) {
            return values.contains(it.key()) && same(now, values.value(it.key()));
        });
        if (same(now, before) || oursThere)
            result.toSend.insert(it.key(), it.value()); // only we changed it
        else
            result.conflicts.push_back({it.key(), before, it.value(), now});
    }
    return result;
}

} // namespace sl
