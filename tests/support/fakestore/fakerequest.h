#pragma once

#include "remote/httpheaders.h"

#include <QUrl>

namespace sl::test {

// A request as the fake Dataverse routes it: from the wire, or one part of
// a $batch.
struct FakeRequest
{
    QByteArray method;
    QUrl url;
    HttpHeaders headers;
    QByteArray body;

    QByteArray value(const QByteArray &name) const { return headerValue(headers, name); }
};

} // namespace sl::test
