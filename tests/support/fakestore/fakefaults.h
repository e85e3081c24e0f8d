#pragma once

#include <QList>

namespace sl::test {

// The faults a test switches on in the fake Dataverse. Countdowns count
// requests from the moment they are set: 1 means the next one.
struct FakeFaults
{
    // Answers given to the next requests, one each, before anything else
    // (e.g. {429, 7} is "429 Retry-After: 7"; {503, -1} a plain 503).
    struct Canned
    {
        int status = 503;
        int retryAfterSeconds = -1; // -1: no Retry-After
    };
    QList<Canned> nextAnswers;

    bool relativeNextLinks = false;        // nextLinks relative to the request
    bool requireConditionalWrites = false; // 428 on PATCH/DELETE without If-Match/If-None-Match
    bool noUpsert = false;                 // PATCH to a missing key answers 404
    bool noChangeTracking = false;         // no @odata.deltaLink; a delta link answers 400
    long long oldestDeltaToken = 0;        // delta tokens older than this have expired (400)
    int truncatePageIn = 0;   // that page read gets half its JSON body
    int repeatNextLinkIn = 0; // that page's nextLink is the URL it was read from
    int hangRequests = 0;     // the next N requests get no answer at all
    int cutAfterCommit = 0;   // the next N writes commit, then the connection closes unanswered
    int cutBatchAnswers = 0;  // the next N $batch requests commit, then half their answer goes out and the line drops
    int garbleBatchAnswers = 0; // the next N $batch requests commit, then answer without their close delimiter
    QString refusedColumn;    // a write carrying this column answers 400 (the store refuses the column)
    // Media: the next N answers to a $value download whose range holds byte
    // cutDownloadAt send the bytes before it, then the connection closes.
    int cutDownloads = 0;
    qint64 cutDownloadAt = 0;
    int cutChunks = 0; // the next N upload chunks are read, not stored, and the connection closes
};

} // namespace sl::test
