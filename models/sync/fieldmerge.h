#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace sl {

// A field changed both here and on the store, to different values.
struct FieldConflict
{
    QString field;
    QJsonValue base;   // what the edit started from
    QJsonValue mine;   // this workspace's value
    QJsonValue theirs; // the store's value now
};

// The outcome of merging an edit with the store's current record.
struct FieldMergeResult
{
    QJsonObject toSend; // fields changed here only: to write with the store's new ETag
    std::vector<FieldConflict> conflicts;
};

// Field-by-field merge of an edit that the store refused as stale (412),
// against the base it started from. For each field of `mine`: unchanged on
// the store (theirs == base) → ours goes; already the same on both sides →
// nothing to send; changed differently on both → a conflict, both values
// kept. Fields only the store changed are not touched (the pull brings
// them). A field missing from `base` or `theirs` counts as null.
// `ours`: the values earlier edits of the record made here started from or
// wrote (an earlier entry of the record still being pushed, whose writes
// of these fields this edit supersedes). The store holding one of them
// counts as unchanged there, as `base` does: it is this workspace's own
// write, landed, or the value before it.
class FieldMerge
{
public:
    static FieldMergeResult merge(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                                  const std::vector<QJsonObject> &ours = {});
    // Equality as the store means it: numbers by value (1 == 1.0), null == undefined.
    static bool same(const QJsonValue &a, const QJsonValue &b);
};

} // namespace sl
