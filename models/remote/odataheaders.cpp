#include "remote/odataheaders.h"

namespace sl::odata {

void applyStandardHeaders(HttpRequest &request, const QByteArray &accessToken)
{
    setHeader(request.headers, "Accept", "application/json");
    setHeader(request.headers, "OData-MaxVersion", "4.0");
    setHeader(request.headers, "OData-Version", "4.0");
    if (accessToken.isEmpty())
        removeHeader(request.headers, "Authorization");
    else
        setHeader(request.headers, "Authorization", "Bearer " + accessToken);
    // A body is JSON unless the caller said otherwise (a file chunk is
    // application/octet-stream).
    if (!request.body.isEmpty() && !hasHeader(request.headers, "Content-Type"))
        setHeader(request.headers, "Content-Type", "application/json");
}

void addPreference(HttpRequest &request, const QByteArray &preference)
{
    const QByteArray current = headerValue(request.headers, "Prefer");
    const QList<QByteArray> present = current.split(',');
    for (const QByteArray &item : present) {
        if (item.trimmed() == preference)
            return;
    }
    setHeader(request.headers, "Prefer", current.isEmpty() ? preference : current + ", " + preference);
}

void preferMaxPageSize(HttpRequest &request, int rows)
{
    addPreference(request, "odata.maxpagesize=" + QByteArray::number(qBound(1, rows, limits::kMaxPageSize)));
}

} // namespace sl::odata
