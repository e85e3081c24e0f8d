#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace sl {

// HTTP header fields in the order they were given; names compare without case.
using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// The value of the first field called `name`; empty when there is none.
QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name);
bool hasHeader(const HttpHeaders &headers, const QByteArray &name);
// Replaces every field called `name` by one with `value`.
void setHeader(HttpHeaders &headers, const QByteArray &name, const QByteArray &value);
void removeHeader(HttpHeaders &headers, const QByteArray &name);

} // namespace sl
