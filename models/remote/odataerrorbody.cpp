#include "remote/odataerrorbody.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sl {

ODataErrorBody ODataErrorBody::parse(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject error = document.object().value(QLatin1String("error")).toObject();
    ODataErrorBody parsed;
    // A message is kept to one line and a sane length: it ends up in the UI.
    parsed.code = error.value(QLatin1String("code")).toString().left(64);
    parsed.message = error.value(QLatin1String("message")).toString().simplified().left(1000);
    return parsed;
}

} // namespace sl
