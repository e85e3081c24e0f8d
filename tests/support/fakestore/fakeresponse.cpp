#include "fakeresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sl::test {

FakeResponse FakeResponse::error(int status, const QString &code, const QString &message)
{
    const QJsonObject shape{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
    FakeResponse response;
    response.status = status;
    response.body = QJsonDocument(shape).toJson(QJsonDocument::Compact);
    return response;
}

} // namespace sl::test
