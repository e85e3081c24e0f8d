#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <any>
#include <vector>

namespace sl {

// A row of a page as the server sent it (annotations included), with its
// weak ETag, e.g. W/"12345".
struct ODataRow
{
    QJsonObject values;
    QByteArray etag; // empty when the server sent none
};

// A row a delta read reports deleted ($deletedEntity).
struct ODataDeletedRow
{
    QString id; // GUID without braces, lower case
    QString reason; // "deleted" or "changed" (left the filter)
};

// One page of an OData read, whole or not at all.
struct ODataPage
{
    std::vector<ODataRow> rows;
    std::vector<ODataDeletedRow> deleted;
    QUrl nextLink;  // absolute; empty on the last page
    QUrl deltaLink; // absolute; only on the last page of a change-tracked read
    // The changed rows the page held: rows.size(), or their number where a
    // parser of its own (PagedReadJob::setPageParser) decoded them into
    // `decoded` and left `rows` empty.
    int rowsRead = 0;
    // What the reader's page decoder or parser (PagedReadJob::setPageDecoder,
    // setPageParser) made of the rows, on the transport's thread where it
    // could; empty without one.
    std::any decoded;
};

} // namespace sl
