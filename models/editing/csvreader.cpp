#include "editing/csvreader.h"

#include "common/inputlimits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>

namespace sl {

namespace {

// Why parsing stopped: the line (0: the whole file) and the reason.
struct CsvFailure
{
    int line = 0;
    QString reason;
};

// The first line (1-based) holding invalid UTF-8, or 0. A line is decoded
// on its own: no UTF-8 sequence contains the byte of '\n'.
int firstInvalidUtf8Line(const QByteArray &bytes)
{
    int line = 1;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString ignored = decoder(QByteArrayView(bytes).sliced(start, end - start));
        Q_UNUSED(ignored);
        if (decoder.hasError())
            return line;
        start = end + 1;
        ++line;
    }
    return 0;
}

int lineOfOffset(const QByteArray &bytes, qsizetype offset)
{
    return 1 + int(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

// The RFC 4180 state machine over decoded text.
class CsvParser
{
public:
    explicit CsvParser(CsvTable &table) : m_table(table) {}
    std::optional<CsvFailure> run(const QString &text);

private:
    std::optional<CsvFailure> endField();
    std::optional<CsvFailure> endRecord();

    CsvTable &m_table;
    QStringList m_fields;
    QString m_field;
    int m_line = 1;       // current text line
    int m_recordLine = 1; // line the current record started on
    int m_row = 0;        // records so far, blank ones and the header included
    bool m_afterQuote = false;
};

std::optional<CsvFailure> CsvParser::endField()
{
    if (m_field.size() > limits::kCsvFieldChars)
        return CsvFailure{m_line, CsvReader::tr("a field of %1 characters; at most %2 are allowed")
                                      .arg(m_field.size())
                                      .arg(limits::kCsvFieldChars)};
    m_fields.append(m_field);
    m_field.clear();
    m_afterQuote = false;
    if (m_fields.size() > limits::kCsvColumns)
        return CsvFailure{m_recordLine,
                          CsvReader::tr("more than %1 fields; that is the most allowed").arg(limits::kCsvColumns)};
    return std::nullopt;
}

std::optional<CsvFailure> CsvParser::endRecord()
{
    if (auto failure = endField())
        return failure;
    ++m_row;
    const bool blank = std::all_of(m_fields.cbegin(), m_fields.cend(), [](const QString &f) { return f.isEmpty(); });
    if (m_row == 1) {
        if (blank)
            return CsvFailure{m_recordLine, CsvReader::tr("the first line is empty; it must be the header")};
        m_table.header = m_fields;
    } else if (!blank) {
        if (m_fields.size() > m_table.header.size())
            return CsvFailure{m_recordLine, CsvReader::tr("%1 fields, but the header has %2")
                                                .arg(m_fields.size())
                                                .arg(m_table.header.size())};
        if (qsizetype(m_table.records.size()) >= limits::kCsvRows)
            return CsvFailure{m_recordLine,
                              CsvReader::tr("more than %L1 rows; that is the most one file may hold").arg(limits::kCsvRows)};
        while (m_fields.size() < m_table.header.size())
            m_fields.append(QString());
        m_table.records.push_back({m_row, m_recordLine, m_fields});
    }
    m_fields.clear();
    return std::nullopt;
}

std::optional<CsvFailure> CsvParser::run(const QString &text)
{
    const qsizetype n = text.size();
    bool inQuotes = false;
    int quoteLine = 0;
    for (qsizetype i = 0; i < n; ++i) {
        QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    m_field.append(c);
                    ++i;
                } else {
                    inQuotes = false;
                    m_afterQuote = true;
                }
                continue;
            }
            if (c == QLatin1Char('\r')) {
                // A line break inside a field (CRLF, or a lone CR as outside
                // one) is kept as LF: reading what was written gives it back.
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                    ++i;
                c = QLatin1Char('\n');
            }
            if (c == QLatin1Char('\n'))
                ++m_line;
            m_field.append(c);
            continue;
        }
        if (c == QLatin1Char(',')) {
            if (auto failure = endField())
                return failure;
            continue;
        }
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (auto failure = endRecord())
                return failure;
            ++m_line;
            m_recordLine = m_line;
            continue;
        }
        if (m_afterQuote)
            return CsvFailure{m_line, CsvReader::tr("text after the closing quote of a field")};
        if (c == QLatin1Char('"')) {
            if (!m_field.isEmpty())
                return CsvFailure{m_line, CsvReader::tr("a quote inside a field that does not start with one "
                                                        "(enclose the field in quotes and double the quote)")};
            inQuotes = true;
            quoteLine = m_line;
            continue;
        }
        m_field.append(c);
    }
    if (inQuotes)
        return CsvFailure{quoteLine, CsvReader::tr("the quoted field that starts on this line is never closed")};
    if (!m_field.isEmpty() || !m_fields.isEmpty() || m_afterQuote) {
        if (auto failure = endRecord()) // the last record, without a line break after it
            return failure;
    }
    if (m_row == 0)
        return CsvFailure{0, CsvReader::tr("the file is empty; it must start with a header line")};
    return std::nullopt;
}

} // namespace

std::optional<CsvTable> CsvReader::readFile(const QString &path, QString *error)
{
    const QString name = QDir::toNativeSeparators(path);
    const auto failWith = [&](const QString &reason) {
        if (error)
            *error = tr("%1: %2").arg(name, reason);
        return std::nullopt;
    };
    const QFileInfo info(path);
    if (!info.exists())
        return failWith(tr("no such file"));
    if (!info.isFile())
        return failWith(tr("not a regular file"));
    if (info.size() > limits::kCsvBytes)
        return failWith(tr("%L1 bytes; at most %L2 are allowed").arg(info.size()).arg(limits::kCsvBytes));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failWith(tr("cannot be read: %1").arg(file.errorString()));
    const QByteArray bytes = file.read(limits::kCsvBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return failWith(tr("cannot be read: %1").arg(file.errorString()));
    if (bytes.size() > limits::kCsvBytes) // grew since it was measured
        return failWith(tr("more than %L1 bytes; that is the most allowed").arg(limits::kCsvBytes));
    return parse(bytes, name, error);
}

std::optional<CsvTable> CsvReader::parse(const QByteArray &input, const QString &sourceName, QString *error)
{
    const auto failWith = [&](const CsvFailure &failure) {
        if (error)
            *error = failure.line > 0 ? tr("%1: line %2: %3").arg(sourceName).arg(failure.line).arg(failure.reason)
                                      : tr("%1: %2").arg(sourceName, failure.reason);
        return std::nullopt;
    };
    if (input.startsWith("\xFF\xFE") || input.startsWith("\xFE\xFF"))
        return failWith({0, tr("the file is UTF-16; save it as \"CSV UTF-8\"")});
    QByteArrayView bytes(input);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return failWith({lineOfOffset(bytes.toByteArray(), nul), tr("a NUL character (is this a text file?)")});
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return failWith({firstInvalidUtf8Line(bytes.toByteArray()),
                         tr("invalid UTF-8 (save the file as \"CSV UTF-8\")")});
    CsvTable table;
    if (const std::optional<CsvFailure> failure = CsvParser(table).run(text))
        return failWith(*failure);
    return table;
}

} // namespace sl
