#pragma once

#include "common/partfile.h"
#include "remote/remoteerror.h"
#include "remote/remotelimits.h"

#include <QFile>
#include <QObject>
#include <QUrl>

#include <functional>

namespace sl {

class RequestRunner;

// Downloads one file column's value ($value) into a local file, a Range
// request at a time (ASSET-STORE.md, "Media"). The bytes go to
// "<target>.part", flushed after each range; a download cut off (a broken
// connection past the retries, a killed program) resumes from that file's
// size the next time, if the file is still the same one: a download is
// started with a validator (the record's ETag, which changes when its file
// is replaced), kept beside the part file ("<target>.part.tag"); a part file
// whose validator differs, or has none, is started over. Complete, the part
// file is synced and renamed over the target, so the target is whole or
// absent, never half written.
class FileDownloadJob : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const RemoteError &)>;

    FileDownloadJob(RequestRunner &runner, QObject *parent = nullptr);

    // `url` is the column's $value address (with size=full for an image);
    // `validator` names the version of the file (empty: a part file is never resumed).
    // `done` runs once, later.
    void start(const QUrl &url, const QString &targetPath, const QByteArray &validator, Done done);
    // Bytes asked for per request (tests use small ones); clamped to at least 1 KiB.
    void setChunkBytes(qint64 bytes) { m_chunkBytes = qMax<qint64>(1024, bytes); }
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }

    // Where this run started: the part file's size then (0: from the start).
    qint64 resumedFrom() const { return m_resumedFrom; }
    qint64 totalBytes() const { return m_total; }
    static QString partPathOf(const QString &targetPath) { return PartFile::pathOf(targetPath); }
    static QString tagPathOf(const QString &targetPath) { return PartFile::tagPathOf(targetPath); }

private:
    // Keeps the part file only when it belongs to `validator`; false when it cannot be set up.
    bool matchPart(const QByteArray &validator);
    void requestNext();
    void onAnswer(const HttpResponse &response, const RemoteError &error);
    bool append(const QByteArray &bytes, qint64 at);
    void complete();
    void finish(const RemoteError &error);
    RemoteError localError(const QString &reason) const;

    RequestRunner &m_runner;
    QUrl m_url;
    QString m_target;
    QFile m_part;
    Done m_done;
    qint64 m_chunkBytes = limits::kDownloadChunkBytes;
    qint64 m_maxBytes = limits::kDownloadBytes;
    qint64 m_offset = 0;      // bytes in the part file
    qint64 m_total = -1;      // the file's size, once the store said it
    qint64 m_resumedFrom = 0;
    bool m_restarted = false; // the part file was found longer than the file, once
};

} // namespace sl
