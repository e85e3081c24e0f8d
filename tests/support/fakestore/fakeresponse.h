#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace sl::test {

// An answer of the fake Dataverse before it goes on the wire.
struct FakeResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    // The OData error shape {"error":{"code","message"}}.
    static FakeResponse error(int status, const QString &code, const QString &message);
};

} // namespace sl::test
