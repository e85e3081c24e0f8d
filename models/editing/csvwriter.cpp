#include "editing/csvwriter.h"

namespace sl {

namespace {

bool needsQuotes(const QString &field)
{
    if (field.isEmpty())
        return false;
    if (field.front().isSpace() || field.back().isSpace())
        return true;
    // At the start of a file a leading U+FEFF would be read as the byte-order
    // mark and dropped; in quotes it is text.
    if (field.front() == QChar(0xFEFF))
        return true;
    for (const QChar c : field) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            return true;
    }
    return false;
}

} // namespace

QByteArray CsvWriter::byteOrderMark()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

QByteArray CsvWriter::record(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line.append(',');
        const QString &field = fields.at(i);
        if (needsQuotes(field)) {
            QString quoted = field;
            quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
            line.append('"').append(quoted.toUtf8()).append('"');
        } else {
            line.append(field.toUtf8());
        }
    }
    line.append("\r\n");
    return line;
}

} // namespace sl
