#include "remote/writeresult.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sl {

QByteArray etagOf(const HttpResponse &response)
{
    const QByteArray header = headerValue(response.headers, "ETag");
    if (!header.isEmpty())
        return header;
    if (response.body.isEmpty())
        return {};
    return QJsonDocument::fromJson(response.body).object().value(QLatin1String("@odata.etag")).toString().toUtf8();
}

} // namespace sl
