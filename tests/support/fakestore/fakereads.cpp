#include "fakereads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace sl::test {

namespace {

// Dataverse's skip token is an encoded XML paging cookie; ours looks alike
// so that a client must follow the link verbatim.
QString skipTokenFor(const QString &lastKey)
{
    return QStringLiteral("<cookie pagenumber=\"2\" last=\"%1\" />").arg(lastKey);
}

QString lastKeyOf(const QString &skipToken)
{
    const qsizetype start = skipToken.indexOf(QLatin1String("last=\""));
    if (start < 0)
        return {};
    const qsizetype end = skipToken.indexOf(QLatin1Char('"'), start + 6);
    return skipToken.mid(start + 6, end - start - 6);
}

QJsonObject selected(const QJsonObject &row, const QStringList &select, const QString &keyColumn)
{
    if (select.isEmpty())
        return row;
    QJsonObject out;
    out.insert(QStringLiteral("@odata.etag"), row.value(QStringLiteral("@odata.etag")));
    out.insert(keyColumn, row.value(keyColumn));
    for (const QString &column : select) {
        if (row.contains(column))
            out.insert(column, row.value(column));
    }
    return out;
}

} // namespace

int FakeReads::maxPageSize(const QByteArray &prefer)
{
    for (const QByteArray &item : prefer.split(',')) {
        const QByteArray trimmed = item.trimmed();
        if (trimmed.startsWith("odata.maxpagesize="))
            return qBound(1, trimmed.mid(18).toInt(), 5000);
    }
    return 5000;
}

FakeResponse FakeReads::record(const FakeTable &table, const QString &id) const
{
    if (!table.contains(id))
        return FakeResponse::error(404, QStringLiteral("0x80040217"), QStringLiteral("Entity with id %1 Does Not Exist").arg(id));
    return {200, QJsonDocument(table.row(id)).toJson(QJsonDocument::Compact), {{"ETag", table.etag(id)}}};
}

FakeResponse FakeReads::page(const FakeTable &table, const QString &entitySet, const QUrl &url,
                             const QByteArray &prefer)
{
    const QUrlQuery query(url);
    const QString selectText = query.queryItemValue(QStringLiteral("$select"), QUrl::FullyDecoded);
    const QStringList select = selectText.isEmpty() ? QStringList() : selectText.split(QLatin1Char(','));
    const QString after = lastKeyOf(query.queryItemValue(QStringLiteral("$skiptoken"), QUrl::FullyDecoded));
    const int size = maxPageSize(prefer);
    const std::vector<QString> keys = table.keysAfter(after, size + 1);

    QJsonArray rows;
    for (int i = 0; i < int(keys.size()) && i < size; ++i)
        rows.append(selected(table.row(keys[size_t(i)]), select, table.keyColumn()));

    QJsonObject page;
    page.insert(QStringLiteral("@odata.context"),
                QString(m_serviceRoot.toString() + QStringLiteral("$metadata#") + entitySet + QLatin1Char('(')
                        + selectText + QLatin1Char(')')));
    page.insert(QStringLiteral("value"), rows);
    const bool repeat = m_faults.repeatNextLinkIn > 0 && --m_faults.repeatNextLinkIn == 0;
    if (repeat) {
        page.insert(QStringLiteral("@odata.nextLink"), url.toString(QUrl::FullyEncoded));
    } else if (int(keys.size()) > size) {
        QUrlQuery next;
        if (!selectText.isEmpty())
            next.addQueryItem(QStringLiteral("$select"), selectText);
        next.addQueryItem(QStringLiteral("$skiptoken"),
                          QString::fromLatin1(QUrl::toPercentEncoding(skipTokenFor(keys[size_t(size - 1)]))));
        QUrl link(m_faults.relativeNextLinks ? entitySet : QString(m_serviceRoot.toString() + entitySet));
        link.setQuery(next.query(QUrl::FullyEncoded), QUrl::StrictMode);
        page.insert(QStringLiteral("@odata.nextLink"), link.toString(QUrl::FullyEncoded));
    }
    QByteArray body = QJsonDocument(page).toJson(QJsonDocument::Compact);
    if (m_faults.truncatePageIn > 0 && --m_faults.truncatePageIn == 0)
        body.truncate(body.size() / 2);
    return {200, body, {{"Preference-Applied", "odata.maxpagesize=" + QByteArray::number(size)}}};
}

} // namespace sl::test
