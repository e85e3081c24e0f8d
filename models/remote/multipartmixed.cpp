#include "remote/multipartmixed.h"

#include <QCoreApplication>

namespace sl::multipart {

namespace {

// After "--boundary" a delimiter line goes on with "--" (the close
// delimiter), spaces or the line break; anything else means the text only
// starts like the boundary (e.g. a longer boundary).
bool endsDelimiter(const QByteArray &body, qsizetype at)
{
    if (at >= body.size())
        return true;
    const char c = body.at(at);
    return c == '-' || c == '\r' || c == '\n' || c == ' ' || c == '\t';
}

// The next delimiter at the start of a line at or after `from`; -1 if none.
qsizetype findDelimiter(const QByteArray &body, const QByteArray &delimiter, qsizetype from)
{
    qsizetype at = from;
    while ((at = body.indexOf(delimiter, at)) >= 0) {
        if ((at == 0 || body.at(at - 1) == '\n') && endsDelimiter(body, at + delimiter.size()))
            return at;
        ++at;
    }
    return -1;
}

} // namespace

QByteArray boundaryOf(const QByteArray &contentType)
{
    const QList<QByteArray> fields = contentType.split(';');
    if (fields.isEmpty() || fields.first().trimmed().toLower() != "multipart/mixed")
        return {};
    for (qsizetype i = 1; i < fields.size(); ++i) {
        const QByteArray field = fields.at(i).trimmed();
        const qsizetype equals = field.indexOf('=');
        if (equals < 0 || field.left(equals).trimmed().toLower() != "boundary")
            continue;
        QByteArray value = field.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        // RFC 2046: 1 to 70 characters.
        return value.size() <= 70 ? value : QByteArray();
    }
    return {};
}

QByteArray readLine(const QByteArray &text, qsizetype from, qsizetype *next)
{
    const qsizetype end = text.indexOf('\n', from);
    if (end < 0) {
        *next = -1;
        return text.mid(from);
    }
    *next = end + 1;
    QByteArray line = text.mid(from, end - from);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

qsizetype readHeaders(const QByteArray &text, qsizetype from, HttpHeaders *headers, QString *error)
{
    qsizetype at = from;
    while (at >= 0 && at <= text.size()) {
        qsizetype next = -1;
        const QByteArray line = readLine(text, at, &next);
        if (next < 0) {
            *error = QCoreApplication::translate("sl::multipart", "its headers do not end with an empty line");
            return -1;
        }
        if (line.isEmpty())
            return next;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *error = QCoreApplication::translate("sl::multipart", "the header line \"%1\" has no name").arg(QString::fromLatin1(line.left(80)));
            return -1;
        }
        headers->append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        at = next;
    }
    *error = QCoreApplication::translate("sl::multipart", "its headers do not end with an empty line");
    return -1;
}

bool split(const QByteArray &body, const QByteArray &boundary, std::vector<MimePart> *parts, QString *error)
{
    parts->clear();
    if (boundary.isEmpty()) {
        *error = QCoreApplication::translate("sl::multipart", "it names no multipart boundary");
        return false;
    }
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = findDelimiter(body, delimiter, 0);
    if (at < 0) {
        *error = QCoreApplication::translate("sl::multipart", "the boundary \"%1\" is not in it").arg(QString::fromLatin1(boundary));
        return false;
    }
    std::vector<MimePart> found;
    for (;;) {
        const qsizetype after = at + delimiter.size();
        if (body.mid(after, 2) == "--") {
            *parts = std::move(found); // the close delimiter; the epilogue is ignored
            return true;
        }
        qsizetype contentStart = -1;
        readLine(body, after, &contentStart); // transport padding up to the line break
        if (contentStart < 0) {
            *error = QCoreApplication::translate("sl::multipart", "it ends after a delimiter (truncated)");
            return false;
        }
        const qsizetype nextAt = findDelimiter(body, delimiter, contentStart);
        if (nextAt < 0) {
            *error = QCoreApplication::translate("sl::multipart", "part %1 has no delimiter after it (truncated)").arg(found.size() + 1);
            return false;
        }
        // The line break before the delimiter belongs to the delimiter.
        qsizetype contentEnd = nextAt;
        if (contentEnd > contentStart && body.at(contentEnd - 1) == '\n')
            --contentEnd;
        if (contentEnd > contentStart && body.at(contentEnd - 1) == '\r')
            --contentEnd;
        const QByteArray content = body.mid(contentStart, contentEnd - contentStart);
        MimePart part;
        QString why;
        const qsizetype bodyStart = readHeaders(content + "\r\n", 0, &part.headers, &why);
        if (bodyStart < 0) {
            *error = QCoreApplication::translate("sl::multipart", "part %1: %2").arg(found.size() + 1).arg(why);
            return false;
        }
        part.content = content.mid(qMin(bodyStart, content.size()));
        found.push_back(std::move(part));
        at = nextAt;
    }
}

} // namespace sl::multipart
