#include "sync/outboxbatchsender.h"

#include "common/faultpoint.h"
#include "remote/batchrequest.h"
#include "remote/batchresponse.h"
#include "remote/odataquery.h"
#include "remote/requestrunner.h"
#include "remote/writeresult.h"
#include "store/database.h"
#include "sync/outboxentrytable.h"
#include "sync/pushconfirmation.h"
#include "sync/synclogging.h"

#include <QJsonDocument>
#include <QPointer>
#include <QUuid>

namespace sl {

OutboxBatchSender::OutboxBatchSender(RequestRunner &runner, Database &db, const QUrl &serviceRoot, QObject *parent)
    : QObject(parent), m_runner(runner), m_db(db), m_serviceRoot(serviceRoot)
{
}

void OutboxBatchSender::send(std::vector<Record> records, Done done)
{
    BatchRequest batch(m_serviceRoot);
    for (const Record &record : records) {
        std::vector<BatchPart> parts;
        for (size_t i = 0; i < record.size(); ++i) {
            const OutboxEntry &entry = record[i];
            BatchPart part;
            part.method = "PATCH";
            part.path = ODataQuery::recordUrl(m_serviceRoot, OutboxEntryTable::tableOf(entry).entitySet,
                                              QUuid::fromString(entry.entityId))
                            .toString(QUrl::FullyEncoded);
            // The first write checks the version the edits were made
            // against (a create: that there is none yet); the set is atomic,
            // so the later ones need only the record to be there (a
            // conditional write still).
            if (i == 0 && entry.operation == QLatin1String("create"))
                setHeader(part.headers, "If-None-Match", "*");
            else
                setHeader(part.headers, "If-Match", i == 0 ? entry.baseEtag.toUtf8() : QByteArray("*"));
            part.body = QJsonDocument(OutboxEntryTable::writeBodyOf(entry, entry.payload)).toJson(QJsonDocument::Compact);
            parts.push_back(std::move(part));
        }
        if (!batch.addChangeSet(std::move(parts))) {
            Outcome outcome;
            outcome.error = RemoteError::badResponse(tr("more than %1 edits for one batch").arg(limits::kBatchRequests));
            done(outcome);
            return;
        }
    }
    const std::vector<int> layout = batch.layout();
    faultPoint("push.sending");
    QPointer<OutboxBatchSender> self(this);
    m_runner.run(batch.httpRequest(), [self, records = std::move(records), layout,
                                       done = std::move(done)](const HttpResponse &response, const RemoteError &error) {
        if (self)
            self->answered(records, layout, response, error, done);
    });
}

void OutboxBatchSender::answered(const std::vector<Record> &records, const std::vector<int> &layout,
                                 const HttpResponse &response, const RemoteError &error, const Done &done)
{
    Outcome outcome;
    if (error.isError()) {
        outcome.error = error;
        done(outcome);
        return;
    }
    QString why;
    const std::optional<std::vector<ChangeSetAnswer>> sets = BatchResponse::parse(response, layout, &why);
    if (!sets) {
        outcome.error = RemoteError::badResponse(why);
        done(outcome);
        return;
    }
    std::vector<QByteArray> etags;
    for (size_t i = 0; i < sets->size(); ++i) {
        const ChangeSetAnswer &set = sets->at(i);
        // The set's refusal; in a set taken every answer is a 2xx (a store
        // that says otherwise gets it read as a refusal all the same).
        const HttpResponse *refusal = nullptr;
        for (const HttpResponse &one : set.answers)
            if (!one.isSuccess())
                refusal = &one;
        if (!refusal) {
            outcome.confirmed.push_back(records[i]);
            etags.push_back(etagOf(set.answers.back()));
            continue;
        }
        const RemoteError refused = RemoteError::fromResponse(*refusal);
        const bool create = records[i].front().operation == QLatin1String("create");
        if (create && (refused.kind == RemoteError::Kind::Conflict || refused.kind == RemoteError::Kind::NotFound))
            outcome.alone.push_back(records[i]);
        else if (refused.kind == RemoteError::Kind::Conflict)
            outcome.stale.push_back(records[i]);
        else
            outcome.refused.emplace_back(records[i], refused);
    }
    faultPoint("push.confirmed");
    try {
        Transaction transaction(m_db);
        for (size_t i = 0; i < outcome.confirmed.size(); ++i)
            for (const OutboxEntry &entry : outcome.confirmed[i])
                PushConfirmation::apply(m_db, entry, etags[i]);
        transaction.commit();
    } catch (const StoreError &storeError) {
        outcome.storeError = storeError.message();
        outcome.confirmed.clear();
    }
    qCInfo(lcSync) << "batch of" << records.size() << "records:" << outcome.confirmed.size() << "taken,"
                   << outcome.stale.size() << "stale," << outcome.alone.size() << "to send alone," << outcome.refused.size()
                   << "refused";
    done(outcome);
}

} // namespace sl
