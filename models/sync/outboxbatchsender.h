#pragma once

#include "remote/remoteerror.h"
#include "store/outboxrepository.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <vector>

namespace sl {

class Database;
class RequestRunner;

// Sends plain updates of customer assets, creates of assets made offline,
// and reviews of captures' attachments, through one $batch (BatchRequest),
// each to its record's table (OutboxEntryTable): one change set per record,
// its entries in seq order (the first with If-Match the entries' base ETag,
// or for a create If-None-Match: * on our GUID, the later ones with
// If-Match: *, which the change set's atomicity makes safe), so a record's
// entries land together while a 412 on one record does not stop the others.
// A create answered 412 (already there: an earlier try landed) or 404 (a
// store that does not upsert) comes back as `alone`: RecordCreator, which
// knows both, sends it again on its own. Each other set's answer is what a
// single request's would be: taken (204/200) is confirmed here, for every
// record of the batch in one transaction (PushConfirmation) after the whole
// answer was read; 412 comes back as stale (the caller fetches and merges);
// any other refusal comes back with its error (a 403 names the missing
// role). A batch that gets no readable
// answer (a cut, a malformed answer, 403 or 429 for the whole batch after
// the retry rule) confirms nothing.
class OutboxBatchSender : public QObject
{
    Q_OBJECT

public:
    // One record's entries, in seq order: updates made against one ETag, or
    // a create and the updates after it.
    using Record = std::vector<OutboxEntry>;

    struct Outcome
    {
        RemoteError error;             // the batch as a whole failed: nothing below, nothing confirmed
        std::vector<Record> confirmed; // removed from the outbox, new ETags stored
        std::vector<Record> stale;     // 412: the store's record changed meanwhile
        std::vector<Record> alone;     // a create answered 412 or 404: to be sent on its own
        std::vector<std::pair<Record, RemoteError>> refused; // kept queued
        QString storeError;            // the confirming transaction failed (nothing confirmed)
    };
    using Done = std::function<void(const Outcome &)>;

    OutboxBatchSender(RequestRunner &runner, Database &db, const QUrl &serviceRoot, QObject *parent = nullptr);

    // Sends `records` (at most limits::kBatchRequests entries in all) as
    // one batch; `done` runs once, later, unless the runner or this sender
    // goes first.
    void send(std::vector<Record> records, Done done);

private:
    void answered(const std::vector<Record> &records, const std::vector<int> &layout, const HttpResponse &response,
                  const RemoteError &error, const Done &done);

    RequestRunner &m_runner;
    Database &m_db;
    QUrl m_serviceRoot;
};

} // namespace sl
