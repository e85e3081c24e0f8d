#include "remote/recordwriter.h"

#include "remote/odataquery.h"
#include "remote/requestrunner.h"

#include <QJsonDocument>

namespace sl {

RecordWriter::RecordWriter(RequestRunner &runner, const QUrl &serviceRoot)
    : m_runner(runner), m_serviceRoot(serviceRoot)
{
}

bool RecordWriter::refuse(const QUrl &url, const QByteArray &etag, const WriteDone &done)
{
    WriteResult result;
    result.error.kind = RemoteError::Kind::PreconditionRequired;
    if (!url.isValid())
        result.error.message = tr("A write names no valid entity set and record id.");
    else if (etag.isEmpty())
        result.error.message = tr("A write to %1 has no version (ETag) to check against.").arg(url.path());
    else
        return false;
    done(result);
    return true;
}

void RecordWriter::update(const QString &entitySet, const QUuid &id, const QJsonObject &changed,
                          const QByteArray &etag, WriteDone done)
{
    HttpRequest request;
    request.method = "PATCH";
    request.url = ODataQuery::recordUrl(m_serviceRoot, entitySet, id);
    if (refuse(request.url, etag, done))
        return;
    request.body = QJsonDocument(changed).toJson(QJsonDocument::Compact);
    setHeader(request.headers, "If-Match", etag);
    m_runner.run(request, [done](const HttpResponse &response, const RemoteError &error) {
        WriteResult result;
        result.status = response.status;
        result.error = error;
        result.etag = etagOf(response);
        done(result);
    });
}

void RecordWriter::remove(const QString &entitySet, const QUuid &id, const QByteArray &etag, WriteDone done)
{
    HttpRequest request;
    request.method = "DELETE";
    request.url = ODataQuery::recordUrl(m_serviceRoot, entitySet, id);
    if (refuse(request.url, etag, done))
        return;
    setHeader(request.headers, "If-Match", etag);
    m_runner.run(request, [done](const HttpResponse &response, const RemoteError &error) {
        WriteResult result;
        result.status = response.status;
        result.error = error.kind == RemoteError::Kind::NotFound ? RemoteError{} : error;
        done(result);
    });
}

} // namespace sl
