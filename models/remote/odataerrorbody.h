#pragma once

#include <QByteArray>
#include <QString>

namespace sl {

// The OData error shape {"error":{"code":"0x…","message":"…"}}; the code
// is often empty.
struct ODataErrorBody
{
    QString code;
    QString message;

    // Empty (both fields) when `body` is not that shape.
    static ODataErrorBody parse(const QByteArray &body);
    bool isEmpty() const { return code.isEmpty() && message.isEmpty(); }
};

} // namespace sl
