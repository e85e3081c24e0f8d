#include "sync/outboxpushjob.h"

#include "common/faultpoint.h"
#include "editing/capturechanges.h"
#include "remote/odataquery.h"
#include "remote/remotelimits.h"
#include "remote/requestrunner.h"
#include "store/auditrepository.h"
#include "store/database.h"
#include "store/workspace.h"
#include "sync/capturecolumns.h"
#include "sync/outboxentrytable.h"
#include "sync/pushconfirmation.h"
#include "sync/storecolumns.h"
#include "sync/syncconflictrepository.h"
#include "sync/synclogging.h"
#include "sync/synctable.h"

#include <QHash>
#include <QJsonDocument>
#include <QPointer>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

#include <optional>

namespace sl {

using OutboxEntryTable::fieldValuesOf;
using OutboxEntryTable::isCapture;
using OutboxEntryTable::tableOf;
using OutboxEntryTable::writeBodyOf;

namespace {

const QLatin1String kAsset("asset");
const QLatin1String kCapture("capture"); // a capture's attachment (msdyn_customerassetattachments)
// Merge rounds of one entry: the store may change the record again between
// our read and our write; past this the entry waits for the next sync.
constexpr int kMergeRounds = 3;
// Outbox entries read per push; the rest go next time.
constexpr int kEntriesPerPush = 100'000;
// Batchable updates below this go one request each: a handful costs a few
// round trips, and their answers stay the plain ones.
constexpr int kBatchMinimum = 10;

bool isUpdate(const QString &operation)
{
    return operation == QLatin1String("update") || operation == QLatin1String("activate")
           || operation == QLatin1String("deactivate");
}

// Errors after which no further write can go either: stop the push.
bool stopsPush(RemoteError::Kind kind)
{
    switch (kind) {
    case RemoteError::Kind::Network:
    case RemoteError::Kind::Timeout:
    case RemoteError::Kind::Tls:
    case RemoteError::Kind::Unavailable:
    case RemoteError::Kind::StoreBusy:
    case RemoteError::Kind::SignInAgain:
    case RemoteError::Kind::Cancelled:
        return true;
    default:
        return false;
    }
}

} // namespace

OutboxPushJob::OutboxPushJob(RequestRunner &runner, Workspace &workspace, const QUrl &serviceRoot, QObject *parent)
    : QObject(parent), m_runner(runner), m_workspace(workspace), m_db(workspace.database()), m_serviceRoot(serviceRoot),
      m_writer(runner, serviceRoot), m_creator(runner, serviceRoot), m_upload(runner, serviceRoot),
      m_batch(runner, workspace.database(), serviceRoot)
{
}

void OutboxPushJob::start()
{
    m_outcome = {};
    m_entries.clear();
    m_next = 0;
    m_done = 0;
    m_held.clear();
    m_batchRecords.clear();
    m_nextBatchRecord = 0;
    m_stale.clear();
    m_stopping = false;
    m_running = true;
    try {
        for (OutboxEntry &entry : OutboxRepository(m_db).pending(kEntriesPerPush)) {
            // 'sending' is an entry a killed push left: sending it again is
            // safe (If-Match or the client GUID makes a repeat harmless).
            if (entry.state == OutboxState::Queued || entry.state == OutboxState::Sending)
                m_entries.push_back(std::move(entry));
            else
                m_held.insert(entry.entity + QLatin1Char('/') + entry.entityId); // a conflict waits for the user
        }
        m_total = int(m_entries.size());
        takeBatchable();
    } catch (const StoreError &error) {
        m_outcome.errors.append(error.message());
        m_running = false;
        Q_EMIT finished();
        return;
    }
    next();
}

void OutboxPushJob::takeBatchable()
{
    // One record's entries, in seq order, by order of the record's first entry.
    std::vector<QString> order;
    QHash<QString, std::vector<size_t>> byRecord;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const QString key = m_entries[i].entity + QLatin1Char('/') + m_entries[i].entityId;
        auto it = byRecord.find(key);
        if (it == byRecord.end()) {
            order.push_back(key);
            it = byRecord.insert(key, {});
        }
        it->push_back(i);
    }
    // The ETag a record's entries go with in a batch (empty for a create),
    // or none when they cannot go in one. They can: a customer asset's plain
    // updates made against one ETag, or its create (made offline under our
    // GUID) and the updates after it; a capture's review (status, note) of
    // an attachment the store has, with the ETag it was made against or
    // else the one last pulled (as a single request would). A markup edit
    // carries the whole manifest (megabytes for a long video): it goes alone.
    Statement storedEtag = m_db.cached("SELECT etag FROM captures WHERE id = ?");
    const auto batchEtag = [&](const QString &key, const std::vector<size_t> &indexes) -> std::optional<QString> {
        const OutboxEntry &first = m_entries[indexes.front()];
        if (m_held.contains(key) || int(indexes.size()) > limits::kBatchRequests
            || QUuid::fromString(first.entityId).isNull() || (first.entity != kAsset && first.entity != kCapture))
            return std::nullopt;
        const bool capture = isCapture(first);
        const bool created = !capture && first.operation == QLatin1String("create");
        QString etag = first.baseEtag;
        if (capture && etag.isEmpty()) {
            storedEtag.bind(1, first.entityId);
            etag = storedEtag.step() ? storedEtag.columnText(0) : QString();
            storedEtag.reset();
        }
        if (etag.isEmpty() && !created)
            return std::nullopt;
        const bool all = std::all_of(indexes.begin(), indexes.end(), [&](size_t i) {
            const OutboxEntry &entry = m_entries[i];
            const bool operation = (created && i == indexes.front()) || isUpdate(entry.operation);
            const bool version = created || entry.baseEtag == etag || (capture && entry.baseEtag.isEmpty());
            return entry.entity == first.entity && operation && version
                   && !(capture && entry.payload.contains(CaptureChanges::kManifestColumn));
        });
        return all ? std::optional<QString>(etag) : std::nullopt;
    };
    std::vector<OutboxBatchSender::Record> records;
    QSet<qint64> taken;
    for (const QString &key : order) {
        const std::vector<size_t> &indexes = byRecord[key];
        const std::optional<QString> etag = batchEtag(key, indexes);
        if (!etag)
            continue;
        OutboxBatchSender::Record record;
        for (size_t i : indexes) {
            record.push_back(m_entries[i]);
            taken.insert(m_entries[i].seq);
        }
        record.front().baseEtag = *etag; // what the change set's first write checks
        records.push_back(std::move(record));
    }
    if (taken.size() < kBatchMinimum)
        return;
    std::vector<OutboxEntry> rest;
    for (OutboxEntry &entry : m_entries)
        if (!taken.contains(entry.seq))
            rest.push_back(std::move(entry));
    m_entries = std::move(rest);
    m_batchRecords = std::move(records);
}

void OutboxPushJob::sendBatch()
{
    std::vector<OutboxBatchSender::Record> records;
    int requests = 0;
    size_t end = m_nextBatchRecord;
    while (end < m_batchRecords.size() && requests + int(m_batchRecords[end].size()) <= limits::kBatchRequests)
        requests += int(m_batchRecords[end++].size());
    records.assign(m_batchRecords.begin() + qsizetype(m_nextBatchRecord), m_batchRecords.begin() + qsizetype(end));
    try {
        Transaction transaction(m_db);
        OutboxRepository outbox(m_db);
        for (const OutboxBatchSender::Record &record : records)
            for (const OutboxEntry &entry : record)
                outbox.setState(entry.seq, OutboxState::Sending);
        transaction.commit();
    } catch (const StoreError &error) {
        m_outcome.errors.append(error.message());
        m_stopping = true;
        next(); // the records wait for the next sync
        return;
    }
    m_nextBatchRecord = end;
    QPointer<OutboxPushJob> self(this);
    m_batch.send(records, [self, records](const OutboxBatchSender::Outcome &outcome) {
        if (self)
            self->batchAnswered(outcome, records);
    });
}

void OutboxPushJob::batchAnswered(const OutboxBatchSender::Outcome &outcome,
                                  const std::vector<OutboxBatchSender::Record> &sent)
{
    if (outcome.error.isError() || !outcome.storeError.isEmpty()) {
        // No answer to go by (or none recorded): every entry stays queued,
        // and the push stops; the next one sends them again (If-Match makes
        // a write that did land answer 412, which merges to "already there").
        RemoteError error = outcome.error;
        if (!outcome.storeError.isEmpty()) {
            error.kind = RemoteError::Kind::BadResponse;
            error.message = outcome.storeError;
        }
        for (const OutboxBatchSender::Record &record : sent)
            for (const OutboxEntry &entry : record) {
                recordFailure(entry, error);
                ++m_done;
            }
        m_stopping = true;
    } else {
        for (const OutboxBatchSender::Record &record : outcome.confirmed) {
            m_outcome.pushed += int(record.size());
            if (isCapture(record.front()))
                m_outcome.pushedCaptures += int(record.size());
            m_done += int(record.size());
        }
        for (const OutboxBatchSender::Record &record : outcome.stale)
            for (const OutboxEntry &entry : record) {
                m_stale.insert(entry.seq);
                m_entries.push_back(entry); // next() fetches and merges it
            }
        for (const OutboxBatchSender::Record &record : outcome.alone)
            for (const OutboxEntry &entry : record)
                m_entries.push_back(entry); // next() sends it on its own (RecordCreator)
        for (const auto &[record, error] : outcome.refused)
            for (const OutboxEntry &entry : record) {
                recordFailure(entry, error);
                ++m_done;
            }
    }
    Q_EMIT entryDone(m_done, m_total);
    next();
}

void OutboxPushJob::cancel()
{
    m_stopping = true;
}

void OutboxPushJob::next()
{
    while (m_next < m_entries.size()) {
        const OutboxEntry &entry = m_entries[m_next++];
        const QString key = entry.entity + QLatin1Char('/') + entry.entityId;
        const bool pushable = (entry.entity == kAsset || entry.entity == kCapture)
                              && (entry.operation == QLatin1String("create") || isUpdate(entry.operation));
        if (m_stopping || m_held.contains(key) || !pushable) {
            ++m_outcome.waiting;
            m_held.insert(key); // keep the order of one record's edits
            continue;
        }
        if (m_stale.remove(entry.seq)) {
            fetchAndMerge(entry, 1);
            return;
        }
        push(entry);
        return;
    }
    if (m_nextBatchRecord < m_batchRecords.size()) {
        if (!m_stopping) {
            sendBatch();
            return;
        }
        for (; m_nextBatchRecord < m_batchRecords.size(); ++m_nextBatchRecord)
            m_outcome.waiting += int(m_batchRecords[m_nextBatchRecord].size());
    }
    m_running = false;
    Q_EMIT finished();
}

void OutboxPushJob::push(const OutboxEntry &entry)
{
    try {
        OutboxRepository(m_db).setState(entry.seq, OutboxState::Sending);
    } catch (const StoreError &error) {
        m_outcome.errors.append(error.message());
        stop();
        return;
    }
    faultPoint("push.sending");
    if (isCapture(entry)) {
        pushCapture(entry);
        return;
    }
    QPointer<OutboxPushJob> self(this);
    const SyncTableSpec assets = syncTableSpec(SyncTable::Assets);
    if (entry.operation == QLatin1String("create")) {
        m_creator.create(assets.entitySet, assets.keyColumn, QUuid::fromString(entry.entityId),
                         StoreColumns::assetWriteBody(entry.payload), [self, entry](const WriteResult &result) {
                             if (!self)
                                 return;
                             if (result.ok())
                                 self->confirm(entry, result.etag);
                             else
                                 self->fail(entry, result.error);
                         });
        return;
    }
    update(entry, entry.payload, entry.baseEtag.toUtf8(), 0);
}

void OutboxPushJob::pushCapture(const OutboxEntry &entry)
{
    const QUuid id = QUuid::fromString(entry.entityId);
    if (id.isNull()) {
        fail(entry, RemoteError::badResponse(tr("its id is not a GUID, so the asset store cannot hold it")));
        return;
    }
    // Known on the store (it has an ETag): a PATCH with If-Match. Not known:
    // created under its own id; one already there (a retried create, or an
    // attachment this workspace has not pulled yet) is merged like a 412.
    QByteArray etag = entry.baseEtag.toUtf8();
    std::optional<QJsonObject> body;
    try {
        if (etag.isEmpty()) {
            Statement query = m_db.cached("SELECT etag FROM captures WHERE id = ?");
            query.bind(1, entry.entityId);
            if (query.step())
                etag = query.columnText(0).toUtf8();
        }
        if (etag.isEmpty())
            body = CaptureColumns::createBody(m_db, entry.entityId, entry.payload);
    } catch (const StoreError &error) {
        m_outcome.errors.append(error.message());
        stop();
        return;
    }
    if (!etag.isEmpty()) {
        update(entry, entry.payload, etag, 0);
        return;
    }
    if (!body) {
        fail(entry, RemoteError::badResponse(tr("the capture is no longer in this workspace")));
        return;
    }
    createCapture(entry, *body);
}

void OutboxPushJob::createCapture(const OutboxEntry &entry, const QJsonObject &body)
{
    // The media is made ready first: what the store's column cannot take
    // refuses the entry before anything is written.
    auto scratch = std::make_shared<QTemporaryDir>();
    CaptureMediaFile media;
    QString reason;
    const CaptureMedia::Outcome prepared =
        scratch->isValid() ? CaptureMedia::prepare(m_workspace, entry.entityId, scratch->path(), &media, &reason)
                           : CaptureMedia::Outcome::Failed;
    if (prepared == CaptureMedia::Outcome::Refused) {
        refuse(entry, reason);
        return;
    }
    if (prepared != CaptureMedia::Outcome::Ready) {
        RemoteError error;
        error.kind = RemoteError::Kind::BadResponse;
        error.message = reason.isEmpty() ? tr("no temporary folder for its media") : reason;
        fail(entry, error);
        return;
    }
    const SyncTableSpec attachments = syncTableSpec(SyncTable::Attachments);
    QPointer<OutboxPushJob> self(this);
    m_creator.create(attachments.entitySet, attachments.keyColumn, QUuid::fromString(entry.entityId), body,
                     [self, entry, media, scratch](const WriteResult &result) {
                         if (!self)
                             return;
                         // Created now or by an earlier try ("already exists"):
                         // either way the media goes (again), then the merge
                         // reads the store's row and its new ETag.
                         if (result.ok())
                             self->upload(entry, media, scratch);
                         else
                             self->fail(entry, result.error);
                     });
}

void OutboxPushJob::upload(const OutboxEntry &entry, const CaptureMediaFile &media,
                           std::shared_ptr<QTemporaryDir> scratch)
{
    faultPoint("push.created");
    const SyncTableSpec attachments = syncTableSpec(SyncTable::Attachments);
    const FileUploadJob::Target target{attachments.entitySet, QUuid::fromString(entry.entityId), media.column,
                                       media.fileName};
    QPointer<OutboxPushJob> self(this);
    m_upload.start(target, media.localPath, [self, entry, media, scratch](const RemoteError &error) {
        if (!self)
            return;
        if (error.isError()) {
            self->fail(entry, error);
            return;
        }
        // The evidence trail: what left the machine beside the original that stays.
        AuditEntry row;
        row.entity = QStringLiteral("capture");
        row.entityId = entry.entityId;
        row.author = QStringLiteral("sync");
        row.field = QStringLiteral("upload");
        row.oldValue = media.originalSha256;
        row.newValue = QStringLiteral("%1 %2 %3").arg(media.sha256, media.column, media.fileName);
        try {
            AuditRepository(self->m_db).append(row);
        } catch (const StoreError &storeError) {
            self->m_outcome.errors.append(storeError.message());
        }
        ++self->m_outcome.uploads;
        faultPoint("push.uploaded");
        self->fetchAndMerge(entry, 1);
    });
}

void OutboxPushJob::update(const OutboxEntry &entry, const QJsonObject &fields, const QByteArray &etag, int round)
{
    QPointer<OutboxPushJob> self(this);
    const SyncTableSpec table = tableOf(entry);
    m_writer.update(table.entitySet, QUuid::fromString(entry.entityId), writeBodyOf(entry, fields), etag,
                    [self, entry, round](const WriteResult &result) {
                        if (!self)
                            return;
                        if (result.ok())
                            self->confirm(entry, result.etag);
                        else if (result.error.kind == RemoteError::Kind::Conflict && round < kMergeRounds)
                            self->fetchAndMerge(entry, round + 1);
                        else
                            self->fail(entry, result.error);
                    });
}

void OutboxPushJob::fetchAndMerge(const OutboxEntry &entry, int round)
{
    const SyncTableSpec table = tableOf(entry);
    HttpRequest request;
    request.url = ODataQuery::recordUrl(m_serviceRoot, table.entitySet, QUuid::fromString(entry.entityId));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$select"), table.columns.join(QLatin1Char(',')));
    request.url.setQuery(query);
    QPointer<OutboxPushJob> self(this);
    m_runner.run(request, [self, entry, round](const HttpResponse &response, const RemoteError &error) {
        if (!self)
            return;
        if (error.isError()) {
            self->fail(entry, error);
            return;
        }
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        if (!document.isObject()) {
            self->fail(entry, RemoteError::badResponse(tr("the record %1 is not a JSON object").arg(entry.entityId)));
            return;
        }
        QByteArray etag = document.object().value(QLatin1String("@odata.etag")).toString().toUtf8();
        if (etag.isEmpty())
            etag = etagOf(response);
        self->merge(entry, document.object(), etag, round);
    });
}

// A stale record's entries are merged one at a time, each against the
// store's record as it is then. A field a later entry of the record writes
// in this push is left to that entry: the store may hold the later value
// already (the set landed, its answer was lost, and the set sent again met
// 412), and the earlier value merged against it would look like somebody
// else's edit. The later entry then takes the earlier ones' values as its
// own (FieldMerge's `ours`). An entry left with no field is confirmed.
void OutboxPushJob::merge(const OutboxEntry &entry, const QJsonObject &row, const QByteArray &etag, int round)
{
    QJsonObject mine = entry.payload;
    std::vector<QJsonObject> ours;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const OutboxEntry &other = m_entries[i];
        if (other.entity != entry.entity || other.entityId != entry.entityId || other.seq == entry.seq)
            continue;
        if (other.seq < entry.seq) {
            ours.push_back(other.base);
            ours.push_back(other.payload);
        } else if (i >= m_next && !m_stopping) {
            for (auto field = other.payload.constBegin(); field != other.payload.constEnd(); ++field)
                mine.remove(field.key());
        }
    }
    const FieldMergeResult merged = FieldMerge::merge(entry.base, mine, fieldValuesOf(entry, row), ours);
    if (!merged.conflicts.empty()) {
        conflict(entry, merged.conflicts, etag);
        return;
    }
    if (merged.toSend.isEmpty()) {
        confirm(entry, etag); // the store already has every value of the edit
        return;
    }
    qCInfo(lcSync) << "merged" << entry.entityId << ": sending" << merged.toSend.keys() << "with the store's ETag";
    update(entry, merged.toSend, etag, round);
}

void OutboxPushJob::confirm(const OutboxEntry &entry, const QByteArray &etag)
{
    faultPoint("push.confirmed");
    try {
        Transaction transaction(m_db);
        PushConfirmation::apply(m_db, entry, etag);
        transaction.commit();
    } catch (const StoreError &error) {
        m_outcome.errors.append(error.message());
        stop();
        return;
    }
    ++m_outcome.pushed;
    if (isCapture(entry))
        ++m_outcome.pushedCaptures;
    entryFinished();
}

void OutboxPushJob::fail(const OutboxEntry &entry, const RemoteError &error)
{
    recordFailure(entry, error);
    entryFinished();
}

void OutboxPushJob::recordFailure(const OutboxEntry &entry, const RemoteError &error)
{
    // An update of a record the store no longer has (deleted there; a pull
    // kept the row here because of this edit): sending it again cannot
    // succeed, so it is refused, and kept in the outbox for the user.
    const bool gone = error.kind == RemoteError::Kind::NotFound && isUpdate(entry.operation);
    const QString reason =
        gone ? tr("refused: the store no longer has this record (deleted there); the edit is kept here")
             : error.message;
    const QString line = recordName(entry) + QStringLiteral(": ") + reason;
    qCWarning(lcSync).noquote() << "push failed:" << line;
    m_held.insert(entry.entity + QLatin1Char('/') + entry.entityId);
    try {
        Transaction transaction(m_db);
        OutboxRepository outbox(m_db);
        if (gone) {
            outbox.setState(entry.seq, OutboxState::Refused, reason);
        } else {
            outbox.markFailed(entry.seq, error.message);
            outbox.setState(entry.seq, OutboxState::Queued);
        }
        transaction.commit();
    } catch (const StoreError &storeError) {
        m_outcome.errors.append(storeError.message());
    }
    ++m_outcome.failed;
    m_outcome.errors.append(line);
    if (stopsPush(error.kind))
        m_stopping = true;
}

void OutboxPushJob::refuse(const OutboxEntry &entry, const QString &reason)
{
    const QString line = recordName(entry) + QStringLiteral(": ") + tr("refused: %1").arg(reason);
    qCWarning(lcSync).noquote() << "push refused:" << line;
    m_held.insert(entry.entity + QLatin1Char('/') + entry.entityId);
    try {
        OutboxRepository(m_db).setState(entry.seq, OutboxState::Refused, reason);
    } catch (const StoreError &storeError) {
        m_outcome.errors.append(storeError.message());
    }
    ++m_outcome.failed;
    m_outcome.errors.append(line);
    entryFinished();
}

void OutboxPushJob::conflict(const OutboxEntry &entry, const std::vector<FieldConflict> &fields,
                             const QByteArray &etag)
{
    QStringList names;
    for (const FieldConflict &field : fields)
        names.append(field.field);
    const QString message = tr("changed here and in the asset store: %1").arg(names.join(QStringLiteral(", ")));
    m_held.insert(entry.entity + QLatin1Char('/') + entry.entityId);
    try {
        Transaction transaction(m_db);
        OutboxRepository(m_db).setState(entry.seq, OutboxState::Conflict, message);
        SyncConflictRepository(m_db).record(entry.seq, fields, QString::fromUtf8(etag));
        transaction.commit();
    } catch (const StoreError &error) {
        m_outcome.errors.append(error.message());
        stop();
        return;
    }
    ++m_outcome.conflicts;
    m_outcome.errors.append(recordName(entry) + QStringLiteral(": ") + message);
    entryFinished();
}

QString OutboxPushJob::recordName(const OutboxEntry &entry)
{
    return isCapture(entry) ? tr("capture %1").arg(entry.entityId) : tr("asset %1").arg(entry.entityId);
}

void OutboxPushJob::entryFinished()
{
    ++m_done;
    Q_EMIT entryDone(m_done, m_total);
    next();
}

void OutboxPushJob::stop()
{
    m_stopping = true;
    entryFinished();
}

} // namespace sl
