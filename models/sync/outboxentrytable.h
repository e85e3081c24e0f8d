#pragma once

#include "store/outboxrepository.h"
#include "sync/synctable.h"

#include <QJsonObject>

namespace sl::OutboxEntryTable {

// Which of the store's tables an outbox entry's record is in, and how its
// fields are written and read there: a customer asset (StoreColumns) or a
// capture's attachment (CaptureColumns). One place for the push's single
// requests and its batches.
bool isCapture(const OutboxEntry &entry);
SyncTableSpec tableOf(const OutboxEntry &entry);
// The body of a write of `fields` (outbox field keys) of the entry's record.
QJsonObject writeBodyOf(const OutboxEntry &entry, const QJsonObject &fields);
// A store row as outbox field keys, to merge against.
QJsonObject fieldValuesOf(const OutboxEntry &entry, const QJsonObject &row);

} // namespace sl::OutboxEntryTable
