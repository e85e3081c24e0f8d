#pragma once

#include <QByteArray>
#include <QString>

// Page texts for tst_odatapageparser (see pageparsercases.cpp).
namespace sl::test {

extern const QString kDeletedGuid;

// Columns body, ok, rows, deleted, nextLink, deltaLink, errorContains and
// one row per case, for a _data() function.
void addPageParserRows();
// A row with ETag W/"4711" and a deleted row of kDeletedGuid (upper case, braces).
QByteArray pageWithEtagAndDeletedRow();
// Two rows, a deleted row and a relative nextLink.
QByteArray smallValidPage();

} // namespace sl::test
