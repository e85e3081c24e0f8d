#pragma once

#include "remote/remoteerror.h"

#include <QCoreApplication>
#include <QFile>
#include <QObject>
#include <QUrl>
#include <QUuid>

#include <functional>

namespace sl {

class RequestRunner;

// Uploads one local file to a file or image column of a record with the
// store's chunked protocol (ASSET-STORE.md, "Media"): a PATCH of
// <record>/<column>?x-ms-file-name=<name> with x-ms-transfer-mode: chunked
// opens a session (Location, x-ms-chunk-size); each chunk is a PATCH to
// that location with Content-Range, answered 206, the last one 204. A
// chunk is sent again by the RequestRunner's retry rule after a cut (the
// same range: the store keeps one copy). A session that failed is not
// resumed: the next upload opens a new one and the store replaces the
// column's file only when a session completes, so the file is there whole
// exactly once.
class FileUploadJob : public QObject
{
    Q_OBJECT

public:
    struct Target
    {
        QString entitySet;
        QUuid id;
        QString column;   // e.g. msdyn_image, msdyn_file
        QString fileName; // what the store calls the file (x-ms-file-name)
    };
    using Done = std::function<void(const RemoteError &)>;

    FileUploadJob(RequestRunner &runner, const QUrl &serviceRoot, QObject *parent = nullptr);

    // Reads `localPath` a chunk at a time; `done` runs once, later.
    void start(const Target &target, const QString &localPath, Done done);
    qint64 sentBytes() const { return m_offset; }

private:
    void openSession();
    void sendChunk();
    void finish(const RemoteError &error);
    RemoteError refusal(const QString &reason) const;

    RequestRunner &m_runner;
    QUrl m_serviceRoot;
    Target m_target;
    QFile m_file;
    Done m_done;
    QUrl m_session;
    qint64 m_chunkBytes = 0;
    qint64 m_offset = 0; // bytes the store has confirmed
    qint64 m_total = 0;
};

} // namespace sl
