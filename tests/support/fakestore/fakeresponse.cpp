#include "fakeresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sl::test {

FakeResponse FakeResponse::error(int status, const QString &code, const QString &message)
{
    const QJsonObject shape{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
    return {status, QJsonDocument(shape).toJson(QJsonDocument::Compact), {}};
}

} // namespace sl::test
