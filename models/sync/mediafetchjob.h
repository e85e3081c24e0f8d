#pragma once

#include "remote/filedownloadjob.h"
#include "remote/pagedreadjob.h"
#include "store/mediacache.h"

#include <QObject>
#include <QStringList>

#include <vector>

namespace sl {

class Workspace;

// What fetching an asset's media did.
struct MediaFetchOutcome
{
    int downloaded = 0;  // files downloaded now
    int cached = 0;      // files already in the cache
    qint64 resumedBytes = 0; // bytes a download found from an earlier, cut one
    QStringList evicted; // capture ids whose files the cap pushed out
    QStringList errors;  // one line each, naming the capture
    bool ok() const { return errors.isEmpty(); }
};

// Fetches the media of one asset's attachments from the asset store into
// the workspace's MediaCache: lists the attachments (_msdyn_customerasset_value
// eq the asset), then for each not cached downloads the full-size photo
// (msdyn_image/$value?size=full) or the video (msdyn_file/$value) with
// FileDownloadJob (Range requests, resuming a cut download), one at a time.
// Runs on the caller's thread and event loop (never the GUI thread).
class MediaFetchJob : public QObject
{
    Q_OBJECT

public:
    MediaFetchJob(RequestRunner &runner, Workspace &workspace, const QUrl &serviceRoot, qint64 cacheCapBytes,
                  QObject *parent = nullptr);

    void start(const QString &assetId);
    // Stops after the request in flight (the sync's cancel also cuts it off);
    // a download cut off leaves its part file, which the next fetch resumes.
    void cancel();
    // Bytes per Range request (tests use small ones).
    void setChunkBytes(qint64 bytes) { m_download.setChunkBytes(bytes); }
    const MediaFetchOutcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    // After each attachment: `done` of `total`.
    void progress(int done, int total);
    void finished();

private:
    struct Attachment
    {
        QString id;
        QString fileName; // the store's name: only its suffix is looked at
        bool video = false;
        QByteArray etag;  // the record's: a part file of another version is not resumed
    };
    void onPage(const ODataPage &page);
    void next();
    void finish();

    RequestRunner &m_runner;
    Workspace &m_workspace;
    QUrl m_serviceRoot;
    MediaCache m_cache;
    FileDownloadJob m_download;
    PagedReadJob *m_list = nullptr;
    QString m_assetId;
    std::vector<Attachment> m_attachments;
    size_t m_next = 0;
    bool m_cancelled = false;
    MediaFetchOutcome m_outcome;
};

} // namespace sl
