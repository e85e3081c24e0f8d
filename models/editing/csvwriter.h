#pragma once

#include <QByteArray>
#include <QStringList>

namespace sl {

// Writes CSV the way CsvReader reads it (RFC 4180, UTF-8, CRLF): a field
// with a comma, a quote, a line break or surrounding spaces is quoted, with
// its quotes doubled.
class CsvWriter
{
public:
    // The UTF-8 byte-order mark that tells spreadsheets the encoding.
    static QByteArray byteOrderMark();
    // One record, with its CRLF.
    static QByteArray record(const QStringList &fields);
};

} // namespace sl
