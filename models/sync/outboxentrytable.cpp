#include "sync/outboxentrytable.h"

#include "sync/capturecolumns.h"
#include "sync/storecolumns.h"

namespace sl::OutboxEntryTable {

bool isCapture(const OutboxEntry &entry)
{
    return entry.entity == QLatin1String("capture");
}

SyncTableSpec tableOf(const OutboxEntry &entry)
{
    return syncTableSpec(isCapture(entry) ? SyncTable::Attachments : SyncTable::Assets);
}

QJsonObject writeBodyOf(const OutboxEntry &entry, const QJsonObject &fields)
{
    return isCapture(entry) ? CaptureColumns::writeBody(fields) : StoreColumns::assetWriteBody(fields);
}

QJsonObject fieldValuesOf(const OutboxEntry &entry, const QJsonObject &row)
{
    return isCapture(entry) ? CaptureColumns::fieldValues(row) : StoreColumns::assetFieldValues(row);
}

} // namespace sl::OutboxEntryTable
