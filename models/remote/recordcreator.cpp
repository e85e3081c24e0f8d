#include "remote/recordcreator.h"

#include "remote/odataquery.h"
#include "remote/remotelogging.h"
#include "remote/requestrunner.h"

#include <QJsonDocument>

namespace sl {

namespace {

WriteResult resultOf(const HttpResponse &response, const RemoteError &error)
{
    WriteResult result;
    result.status = response.status;
    result.error = error;
    result.etag = etagOf(response);
    return result;
}

WriteResult alreadyThere(const HttpResponse &response)
{
    WriteResult result;
    result.status = response.status;
    result.alreadyExisted = true;
    return result;
}

// The fallback for a store that does not upsert: POST with the GUID in the key column.
void post(RequestRunner &runner, const QUrl &serviceRoot, const QString &entitySet, const QString &keyColumn,
          const QUuid &id, const QJsonObject &fields, WriteDone done)
{
    QJsonObject withKey = fields;
    withKey.insert(keyColumn, id.toString(QUuid::WithoutBraces));
    HttpRequest request;
    request.method = "POST";
    request.url = ODataQuery::entitySetUrl(serviceRoot, entitySet);
    request.body = QJsonDocument(withKey).toJson(QJsonDocument::Compact);
    runner.run(request, [done](const HttpResponse &response, const RemoteError &error) {
        if (error.kind == RemoteError::Kind::Conflict || RecordCreator::isDuplicateKey(error))
            done(alreadyThere(response));
        else
            done(resultOf(response, error));
    });
}

} // namespace

RecordCreator::RecordCreator(RequestRunner &runner, const QUrl &serviceRoot)
    : m_runner(runner), m_serviceRoot(serviceRoot)
{
}

bool RecordCreator::isDuplicateKey(const RemoteError &error)
{
    const QString code = error.serverCode.toLower();
    return error.status == 409 || code == QLatin1String("0x80040237") || code == QLatin1String("0x80060892");
}

void RecordCreator::create(const QString &entitySet, const QString &keyColumn, const QUuid &id,
                           const QJsonObject &fields, WriteDone done)
{
    HttpRequest request;
    request.method = "PATCH";
    request.url = ODataQuery::recordUrl(m_serviceRoot, entitySet, id);
    if (!request.url.isValid() || !ODataQuery::isValidName(keyColumn)) {
        WriteResult refused;
        refused.error.kind = RemoteError::Kind::PreconditionRequired;
        refused.error.message = tr("A new record names no valid entity set (%1), key column (%2) or id.")
                                    .arg(entitySet, keyColumn);
        done(refused);
        return;
    }
    request.body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    setHeader(request.headers, "If-None-Match", "*");
    RequestRunner &runner = m_runner;
    const QUrl root = m_serviceRoot;
    runner.run(request, [&runner, root, entitySet, keyColumn, id, fields, done](const HttpResponse &response,
                                                                               const RemoteError &error) {
        if (error.kind == RemoteError::Kind::Conflict) {
            done(alreadyThere(response)); // 412 on If-None-Match: it exists
        } else if (error.kind == RemoteError::Kind::NotFound) {
            qCInfo(lcRemote) << "the store does not upsert" << entitySet << "; creating by POST";
            post(runner, root, entitySet, keyColumn, id, fields, done);
        } else {
            done(resultOf(response, error));
        }
    });
}

} // namespace sl
