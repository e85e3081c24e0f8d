#pragma once

#include "fakeresponse.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <map>

namespace sl::test {

// The file and image columns of the fake Dataverse (ASSET-STORE.md,
// "Media"): chunked upload sessions (PATCH <record>/<column>?x-ms-file-name=
// with x-ms-transfer-mode: chunked answers Location with a session token and
// x-ms-chunk-size; chunks are PATCHes to it with Content-Range, 206 then
// 204; a range that does not start where the session stands, or whose
// total changes, is refused with 400; a chunk sent again after a cut
// replaces its earlier copy) and $value downloads with Range (206) and, for
// an image, size=full (without it, a thumbnail). A file is stored only when
// its session completes.
class FakeMedia
{
public:
    // A column's file: its bytes and its name.
    struct File
    {
        QByteArray bytes;
        QString name;
        int uploads = 0; // sessions that completed into this column
    };

    // A file as a test seeds it (or what an upload left): nullptr when none.
    const File *file(const QString &entitySet, const QString &id, const QString &column) const;
    void setFile(const QString &entitySet, const QString &id, const QString &column, const QByteArray &bytes,
                 const QString &name);
    // Chunk size the server asks for, bytes (Dataverse: 4 MB).
    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes; }
    int openSessions() const { return int(m_sessions.size()); }

    // PATCH <record>/<column>: opens a session (`requestUrl` for Location).
    FakeResponse begin(const QString &entitySet, const QString &id, const QString &column, const QUrl &requestUrl,
                       const QByteArray &transferMode);
    // PATCH <record>/<column>?sessiontoken=...: one chunk.
    FakeResponse chunk(const QString &token, const QByteArray &contentRange, const QByteArray &body);
    // GET <record>/<column>/$value, with the request's Range field.
    FakeResponse download(const QString &entitySet, const QString &id, const QString &column, bool fullSize,
                          const QByteArray &range) const;
    // The first and last byte a Range field asks for within `size` bytes;
    // false when it asks for none of them.
    static bool parseRange(const QByteArray &range, qint64 size, qint64 *first, qint64 *last);

private:
    struct Session
    {
        QString key; // "<set>(<id>)/<column>"
        QString name;
        QByteArray bytes;
        qint64 total = -1;
    };
    static QString keyOf(const QString &entitySet, const QString &id, const QString &column);

    std::map<QString, File> m_files;
    std::map<QString, Session> m_sessions; // by token
    qint64 m_chunkBytes = 4LL * 1024 * 1024;
    int m_lastToken = 0;
};

} // namespace sl::test
