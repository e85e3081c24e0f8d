#pragma once

#include "remote/fileuploadjob.h"
#include "remote/recordcreator.h"
#include "remote/recordwriter.h"
#include "store/outboxrepository.h"
#include "sync/capturemedia.h"
#include "sync/outboxbatchsender.h"
#include "sync/fieldmerge.h"

#include <QCoreApplication>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>
#include <vector>

class QTemporaryDir;

namespace sl {

class Database;
class RequestRunner;
class Workspace;

// What a push did.
struct PushOutcome
{
    int pushed = 0;    // entries the store confirmed (and that were removed)
    int pushedCaptures = 0; // of those, captures (their attachments)
    int conflicts = 0; // entries now in state 'conflict'
    int failed = 0;    // entries kept queued after an error (e.g. 403, offline), or refused
    int uploads = 0;   // media files the store took (a capture's photo or video)
    int waiting = 0;   // entries not pushed this time (a conflict or failure before them, not an asset edit)
    QStringList errors; // one line each, naming the record
};

// Pushes the outbox's asset and capture edits in seq order: an update (or
// activate/deactivate) as a PATCH of the changed columns with If-Match
// the entry's base ETag (RecordWriter); a create under the client's GUID
// (RecordCreator: a retry never duplicates). An entry is removed, and the
// asset's new ETag stored, in one transaction only after the store
// confirmed it. A 412 fetches the store's row and merges field by field
// against the entry's base (FieldMerge): fields changed here only go with
// the store's new ETag; fields changed on both sides put the entry in state
// 'conflict', both values kept (SyncConflictRepository). A failure keeps the
// entry queued with its reason (a 403 names the missing role); later edits
// of that record wait behind it, and a lost connection stops the push.
// A capture's edit goes to its attachment (CaptureColumns): a PATCH with
// If-Match its ETag when the store is known to have it (captures.etag), else
// a create under the capture's id with the whole attachment; a create that
// finds the attachment there merges like a 412, so nothing is written twice.
// A created attachment gets its media (CaptureMedia: a photo's flattened,
// redacted export, or the video) by a chunked upload (FileUploadJob) before
// the entry is confirmed: a kill or a failure in between leaves the entry
// to send again, whose create finds the attachment ("already exists") and
// uploads again; the store keeps the file of the session that completes.
// Media the store's column cannot take refuses the entry (state
// 'refused', with the reason) before anything is sent.
// Many plain asset updates (kBatchMinimum entries or more, of records
// whose every pending entry is an update made against one ETag) go last,
// through $batch (OutboxBatchSender: one change set per record, up to
// limits::kBatchRequests requests a batch); a record the batch found
// stale (412) is then fetched and merged one entry at a time as above (a
// field written by two of its entries merged once, by the later one), and
// a batch with no readable answer confirms nothing and stops the push.
class OutboxPushJob : public QObject
{
    Q_OBJECT

public:
    OutboxPushJob(RequestRunner &runner, Workspace &workspace, const QUrl &serviceRoot, QObject *parent = nullptr);

    void start();
    void cancel();
    const PushOutcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    void entryDone(int done, int total);
    void finished();

private:
    void next();
    void push(const OutboxEntry &entry);
    void pushCapture(const OutboxEntry &entry);
    void createCapture(const OutboxEntry &entry, const QJsonObject &body);
    void upload(const OutboxEntry &entry, const CaptureMediaFile &media, std::shared_ptr<QTemporaryDir> scratch);
    void update(const OutboxEntry &entry, const QJsonObject &fields, const QByteArray &etag, int round);
    void fetchAndMerge(const OutboxEntry &entry, int round);
    void merge(const OutboxEntry &entry, const QJsonObject &row, const QByteArray &etag, int round);
    void confirm(const OutboxEntry &entry, const QByteArray &etag);
    void fail(const OutboxEntry &entry, const RemoteError &error);
    void refuse(const OutboxEntry &entry, const QString &reason);
    void conflict(const OutboxEntry &entry, const std::vector<FieldConflict> &fields, const QByteArray &etag);
    void recordFailure(const OutboxEntry &entry, const RemoteError &error); // kept queued; no next()
    void entryFinished();
    void takeBatchable();
    void sendBatch();
    void batchAnswered(const OutboxBatchSender::Outcome &outcome, const std::vector<OutboxBatchSender::Record> &sent);
    static QString recordName(const OutboxEntry &entry); // "asset <id>", "capture <id>"
    void stop();

    RequestRunner &m_runner;
    Workspace &m_workspace;
    Database &m_db;
    QUrl m_serviceRoot;
    RecordWriter m_writer;
    RecordCreator m_creator;
    FileUploadJob m_upload;
    OutboxBatchSender m_batch;
    std::vector<OutboxEntry> m_entries;
    size_t m_next = 0;
    int m_done = 0;
    int m_total = 0; // entries this push took on
    std::vector<OutboxBatchSender::Record> m_batchRecords; // go through $batch after m_entries
    size_t m_nextBatchRecord = 0;
    QSet<qint64> m_stale; // entries a batch found stale: fetched and merged, not sent as they are
    QSet<QString> m_held; // records with an entry that did not go: their later entries wait
    bool m_stopping = false;
    bool m_running = false;
    PushOutcome m_outcome;
};

} // namespace sl
