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
    // A fault: the status line, the headers and only this many bytes of the
    // body go out, then the connection closes (-1: the whole answer).
    qint64 cutAfterBytes = -1;
    // A fault: no answer at all, the connection closes.
    bool dropConnection = false;

    // The OData error shape {"error":{"code","message"}}.
    static FakeResponse error(int status, const QString &code, const QString &message);
};

} // namespace sl::test
