#include "fakemedia.h"

#include "remote/contentrange.h"
#include "remote/httpheaders.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace sl::test {

QString FakeMedia::keyOf(const QString &entitySet, const QString &id, const QString &column)
{
    return entitySet + QLatin1Char('(') + id + QStringLiteral(")/") + column;
}

const FakeMedia::File *FakeMedia::file(const QString &entitySet, const QString &id, const QString &column) const
{
    const auto it = m_files.find(keyOf(entitySet, id.toLower(), column));
    return it == m_files.end() ? nullptr : &it->second;
}

void FakeMedia::setFile(const QString &entitySet, const QString &id, const QString &column, const QByteArray &bytes,
                        const QString &name)
{
    File &file = m_files[keyOf(entitySet, id.toLower(), column)];
    file.bytes = bytes;
    file.name = name;
}

FakeResponse FakeMedia::begin(const QString &entitySet, const QString &id, const QString &column,
                              const QUrl &requestUrl, const QByteArray &transferMode)
{
    const QString name = QUrlQuery(requestUrl).queryItemValue(QStringLiteral("x-ms-file-name"), QUrl::FullyDecoded);
    if (transferMode != "chunked")
        return FakeResponse::error(400, QString(), QStringLiteral("Only chunked transfers are supported here."));
    if (name.isEmpty())
        return FakeResponse::error(400, QString(), QStringLiteral("x-ms-file-name is required."));
    const QString token = QStringLiteral("session-%1").arg(++m_lastToken);
    m_sessions[token] = Session{keyOf(entitySet, id, column), name, {}, -1};
    QUrl location = requestUrl;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sessiontoken"), token);
    location.setQuery(query);
    FakeResponse response;
    response.status = 200;
    setHeader(response.headers, "Location", location.toEncoded());
    setHeader(response.headers, "x-ms-chunk-size", QByteArray::number(m_chunkBytes));
    return response;
}

FakeResponse FakeMedia::chunk(const QString &token, const QByteArray &contentRange, const QByteArray &body)
{
    const auto it = m_sessions.find(token);
    if (it == m_sessions.end())
        return FakeResponse::error(404, QString(), QStringLiteral("No such upload session."));
    Session &session = it->second;
    const std::optional<ContentRange> range = ContentRange::parse(contentRange);
    // A chunk sent again (a retry after a cut) may start before where the
    // session stands: it replaces what follows. A gap, or a total that
    // changes, is refused.
    if (!range || range->length() != body.size() || range->first > session.bytes.size()
        || (session.total >= 0 && range->total != session.total))
        return FakeResponse::error(400, QStringLiteral("0x80090001"),
                                   QStringLiteral("Invalid Content-Range '%1' for %2 bytes; the session holds %3.")
                                       .arg(QString::fromLatin1(contentRange))
                                       .arg(body.size())
                                       .arg(session.bytes.size()));
    session.total = range->total;
    session.bytes.truncate(range->first);
    session.bytes.append(body);
    FakeResponse response;
    if (session.bytes.size() < session.total) {
        response.status = 206;
        return response;
    }
    File &file = m_files[session.key];
    file.bytes = session.bytes;
    file.name = session.name;
    ++file.uploads;
    m_sessions.erase(it);
    response.status = 204;
    return response;
}

bool FakeMedia::parseRange(const QByteArray &range, qint64 size, qint64 *first, qint64 *last)
{
    static const QRegularExpression kForm(QStringLiteral("^bytes=(\\d+)-(\\d*)$"));
    const QRegularExpressionMatch match = kForm.match(QString::fromLatin1(range.trimmed()));
    if (!match.hasMatch())
        return false;
    *first = match.captured(1).toLongLong();
    *last = match.captured(2).isEmpty() ? size - 1 : qMin(match.captured(2).toLongLong(), size - 1);
    return *first < size && *first <= *last;
}

FakeResponse FakeMedia::download(const QString &entitySet, const QString &id, const QString &column, bool fullSize,
                                 const QByteArray &range) const
{
    const File *stored = file(entitySet, id, column);
    if (!stored)
        return FakeResponse::error(404, QStringLiteral("0x80060891"), QStringLiteral("No file attachment found."));
    // An image column's plain value is its 144x144 thumbnail: not the file.
    const QByteArray bytes = column == QLatin1String("msdyn_image") && !fullSize ? QByteArray("thumbnail") : stored->bytes;
    FakeResponse response;
    setHeader(response.headers, "Content-Type", "application/octet-stream");
    setHeader(response.headers, "x-ms-file-name", stored->name.toUtf8());
    setHeader(response.headers, "x-ms-file-size", QByteArray::number(bytes.size()));
    setHeader(response.headers, "Accept-Ranges", "bytes");
    if (range.isEmpty()) {
        response.status = 200;
        response.body = bytes;
        return response;
    }
    qint64 first = 0, last = 0;
    if (!parseRange(range, bytes.size(), &first, &last)) {
        FakeResponse refused = FakeResponse::error(416, QString(), QStringLiteral("Range not satisfiable."));
        setHeader(refused.headers, "Content-Range", "bytes */" + QByteArray::number(bytes.size()));
        return refused;
    }
    response.status = 206;
    response.body = bytes.mid(first, last - first + 1);
    setHeader(response.headers, "Content-Range", ContentRange{first, last, bytes.size()}.toHeader());
    return response;
}

} // namespace sl::test
