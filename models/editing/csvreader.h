#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sl {

// One data record of a CSV file.
struct CsvRecord
{
    // The record's row as a spreadsheet shows it: the header is row 1, the
    // first data record row 2; a quoted field with line breaks is still one
    // row, and blank rows count (they are skipped, not returned).
    int row = 0;
    int line = 0;       // the text line it starts on (1-based), for a text editor
    QStringList fields; // as many as the header has (missing trailing fields are empty)
};

struct CsvTable
{
    QStringList header; // the first record, as written
    std::vector<CsvRecord> records;
};

// Reads a CSV file as RFC 4180 writes it and spreadsheets save it: UTF-8
// with or without a byte-order mark, CRLF or LF line ends, fields in double
// quotes holding commas, doubled quotes and line breaks. A file it cannot
// read exactly is refused whole, with the line and the reason (unterminated
// quote, invalid UTF-8, a record with more fields than the header, a stray
// quote, a limit of common/inputlimits.h passed); nothing is half-read.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
public:
    // nullopt with *error set ("<file>: line N: reason", one line) when refused.
    static std::optional<CsvTable> readFile(const QString &path, QString *error);
    // The same for bytes already read; `sourceName` names them in errors.
    static std::optional<CsvTable> parse(const QByteArray &bytes, const QString &sourceName, QString *error);
};

} // namespace sl
