#include "fakereads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
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
    const QString filter = query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
    const QString deltaToken = query.queryItemValue(QStringLiteral("$deltatoken"), QUrl::FullyDecoded);
    const bool isDelta = query.hasQueryItem(QStringLiteral("$deltatoken"));
    const int size = maxPageSize(prefer);
    const QString context = m_serviceRoot.toString() + QStringLiteral("$metadata#") + entitySet;

    // The filters the fake knows: "modifiedon gt <ISO 8601>" (the polling
    // fallback) and "<column> eq <guid>" (e.g. an asset's attachments).
    static const QRegularExpression kEquals(QStringLiteral("^([a-z0-9_]+) eq ([0-9a-fA-F-]{36})$"));
    QString modifiedAfter;
    QString equalsColumn, equalsValue;
    if (!filter.isEmpty()) {
        const QRegularExpressionMatch equals = kEquals.match(filter.trimmed());
        if (equals.hasMatch()) {
            equalsColumn = equals.captured(1);
            equalsValue = equals.captured(2).toLower();
        } else if (filter.startsWith(QLatin1String("modifiedon gt "))) {
            modifiedAfter = filter.mid(14).trimmed();
        } else {
            return FakeResponse::error(400, QStringLiteral("0x80060888"), QStringLiteral("The fake knows no filter %1").arg(filter));
        }
    }
    bool tokenOk = false;
    const qint64 token = deltaToken.toLongLong(&tokenOk);
    if (isDelta && (!tokenOk || token < m_faults.oldestDeltaToken || m_faults.noChangeTracking))
        return FakeResponse::error(400, QStringLiteral("0x80044352"), QStringLiteral("The delta token has expired or is not valid."));

    QJsonArray rows;
    QString lastKey;
    bool more = false;
    if (isDelta) {
        const std::vector<FakeTable::Change> changes = table.changesAfter(token, after, size + 1);
        for (int i = 0; i < int(changes.size()) && i < size; ++i) {
            const FakeTable::Change &change = changes[size_t(i)];
            if (change.deleted)
            {
                QJsonObject deleted;
                deleted.insert(QStringLiteral("@odata.context"), QString(context + QStringLiteral("/$deletedEntity")));
                deleted.insert(QStringLiteral("id"), change.key);
                deleted.insert(QStringLiteral("reason"), QStringLiteral("deleted"));
                rows.append(deleted);
            }
            else
                rows.append(selected(table.row(change.key), select, table.keyColumn()));
            lastKey = change.key;
        }
        more = int(changes.size()) > size;
    } else {
        const auto accept = [&](const QJsonObject &columns) {
            if (!equalsColumn.isEmpty())
                return columns.value(equalsColumn).toString().toLower() == equalsValue;
            return columns.value(QLatin1String("modifiedon")).toString() > modifiedAfter;
        };
        const std::vector<QString> keys = modifiedAfter.isEmpty() && equalsColumn.isEmpty()
                                              ? table.keysAfter(after, size + 1)
                                              : table.keysAfter(after, size + 1, accept);
        for (int i = 0; i < int(keys.size()) && i < size; ++i) {
            rows.append(selected(table.row(keys[size_t(i)]), select, table.keyColumn()));
            lastKey = keys[size_t(i)];
        }
        more = int(keys.size()) > size;
    }

    QJsonObject page;
    page.insert(QStringLiteral("@odata.context"), QString(context + QLatin1Char('(') + selectText + QLatin1Char(')')));
    page.insert(QStringLiteral("value"), rows);
    const auto linkWith = [&](QUrlQuery linkQuery) {
        if (!selectText.isEmpty())
            linkQuery.addQueryItem(QStringLiteral("$select"), selectText);
        QUrl link(m_faults.relativeNextLinks ? entitySet : QString(m_serviceRoot.toString() + entitySet));
        link.setQuery(linkQuery.query(QUrl::FullyEncoded), QUrl::StrictMode);
        return link.toString(QUrl::FullyEncoded);
    };
    const bool repeat = m_faults.repeatNextLinkIn > 0 && --m_faults.repeatNextLinkIn == 0;
    if (repeat) {
        page.insert(QStringLiteral("@odata.nextLink"), url.toString(QUrl::FullyEncoded));
    } else if (more) {
        QUrlQuery next;
        if (isDelta)
            next.addQueryItem(QStringLiteral("$deltatoken"), deltaToken);
        if (!filter.isEmpty())
            next.addQueryItem(QStringLiteral("$filter"), QString::fromLatin1(QUrl::toPercentEncoding(filter)));
        next.addQueryItem(QStringLiteral("$skiptoken"),
                          QString::fromLatin1(QUrl::toPercentEncoding(skipTokenFor(lastKey))));
        page.insert(QStringLiteral("@odata.nextLink"), linkWith(next));
    } else if ((isDelta || prefer.contains("odata.track-changes")) && !m_faults.noChangeTracking) {
        QUrlQuery delta;
        delta.addQueryItem(QStringLiteral("$deltatoken"), QString::number(table.lastVersion()));
        page.insert(QStringLiteral("@odata.deltaLink"), linkWith(delta));
    }
    QByteArray body = QJsonDocument(page).toJson(QJsonDocument::Compact);
    if (m_faults.truncatePageIn > 0 && --m_faults.truncatePageIn == 0)
        body.truncate(body.size() / 2);
    QList<QPair<QByteArray, QByteArray>> headers{{"Preference-Applied", "odata.maxpagesize=" + QByteArray::number(size)}};
    return {200, body, headers};
}

} // namespace sl::test
