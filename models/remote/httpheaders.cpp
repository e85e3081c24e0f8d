#include "remote/httpheaders.h"

namespace sl {

QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    }
    return {};
}

bool hasHeader(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void removeHeader(HttpHeaders &headers, const QByteArray &name)
{
    headers.removeIf([&](const auto &field) { return field.first.compare(name, Qt::CaseInsensitive) == 0; });
}

void setHeader(HttpHeaders &headers, const QByteArray &name, const QByteArray &value)
{
    removeHeader(headers, name);
    headers.append({name, value});
}

} // namespace sl
