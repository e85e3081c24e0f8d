#include "remote/fileuploadjob.h"

#include "remote/contentrange.h"
#include "remote/odataquery.h"
#include "remote/remotelimits.h"
#include "remote/remotelogging.h"
#include "remote/requestrunner.h"

#include <QPointer>
#include <QUrlQuery>

namespace sl {

FileUploadJob::FileUploadJob(RequestRunner &runner, const QUrl &serviceRoot, QObject *parent)
    : QObject(parent), m_runner(runner), m_serviceRoot(serviceRoot)
{
}

void FileUploadJob::start(const Target &target, const QString &localPath, Done done)
{
    m_target = target;
    m_done = std::move(done);
    m_offset = 0;
    m_file.setFileName(localPath);
    if (!m_file.open(QIODevice::ReadOnly)) {
        finish(refusal(tr("%1 cannot be read: %2").arg(localPath, m_file.errorString())));
        return;
    }
    m_total = m_file.size();
    if (m_total <= 0) {
        finish(refusal(tr("%1 is empty").arg(localPath)));
        return;
    }
    openSession();
}

void FileUploadJob::openSession()
{
    if (!ODataQuery::isValidName(m_target.column)) {
        finish(refusal(tr("'%1' is not a column name").arg(m_target.column)));
        return;
    }
    HttpRequest request;
    request.method = "PATCH";
    request.url = ODataQuery::recordUrl(m_serviceRoot, m_target.entitySet, m_target.id);
    request.url.setPath(request.url.path() + QLatin1Char('/') + m_target.column);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("x-ms-file-name"), QString::fromLatin1(QUrl::toPercentEncoding(m_target.fileName)));
    request.url.setQuery(query);
    setHeader(request.headers, "x-ms-transfer-mode", "chunked");
    QPointer<FileUploadJob> self(this);
    m_runner.run(request, [self, request](const HttpResponse &response, const RemoteError &error) {
        if (!self)
            return;
        if (error.isError()) {
            self->finish(error);
            return;
        }
        // The session's address; relative to the request when not absolute.
        // It must stay on the store's host: the token goes with every chunk.
        const QUrl location = request.url.resolved(QUrl::fromEncoded(headerValue(response.headers, "Location")));
        bool sized = false;
        const qint64 chunk = headerValue(response.headers, "x-ms-chunk-size").trimmed().toLongLong(&sized);
        if (headerValue(response.headers, "Location").isEmpty() || !location.isValid()
            || location.host() != self->m_serviceRoot.host() || location.port() != self->m_serviceRoot.port()
            || location.scheme() != self->m_serviceRoot.scheme()) {
            self->finish(RemoteError::badResponse(
                tr("the store opened no upload session on its own address (Location: '%1')")
                    .arg(QString::fromLatin1(headerValue(response.headers, "Location")))));
            return;
        }
        self->m_session = location;
        self->m_chunkBytes = qBound(limits::kMinUploadChunkBytes, sized ? chunk : limits::kMinUploadChunkBytes,
                                    limits::kMaxUploadChunkBytes);
        self->sendChunk();
    });
}

void FileUploadJob::sendChunk()
{
    const qint64 length = qMin(m_chunkBytes, m_total - m_offset);
    HttpRequest request;
    request.method = "PATCH";
    request.url = m_session;
    if (!m_file.seek(m_offset)) {
        finish(refusal(tr("%1 cannot be read: %2").arg(m_file.fileName(), m_file.errorString())));
        return;
    }
    request.body = m_file.read(length);
    if (request.body.size() != length) {
        finish(refusal(tr("%1 changed while it was uploaded").arg(m_file.fileName())));
        return;
    }
    const ContentRange range{m_offset, m_offset + length - 1, m_total};
    setHeader(request.headers, "Content-Range", range.toHeader());
    setHeader(request.headers, "Content-Type", "application/octet-stream");
    setHeader(request.headers, "x-ms-file-name", QUrl::toPercentEncoding(m_target.fileName));
    const bool last = range.last + 1 == m_total;
    QPointer<FileUploadJob> self(this);
    m_runner.run(request, [self, range, last](const HttpResponse &response, const RemoteError &error) {
        if (!self)
            return;
        if (error.isError()) {
            self->finish(error);
            return;
        }
        // 206: more is expected; 204 (or 200): the file is complete.
        if (last != (response.status != 206)) {
            self->finish(RemoteError::badResponse(
                tr("the store answered %1 to the chunk %2").arg(response.status).arg(QString::fromLatin1(range.toHeader()))));
            return;
        }
        self->m_offset = range.last + 1;
        if (last)
            self->finish({});
        else
            self->sendChunk();
    });
}

RemoteError FileUploadJob::refusal(const QString &reason) const
{
    RemoteError error;
    error.kind = RemoteError::Kind::BadResponse;
    error.message = reason;
    return error;
}

void FileUploadJob::finish(const RemoteError &error)
{
    m_file.close();
    if (error.isError())
        qCWarning(lcRemote).noquote() << "upload of" << m_target.fileName << "failed:" << error.message;
    if (Done done = std::move(m_done))
        done(error);
}

} // namespace sl
