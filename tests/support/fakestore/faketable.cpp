#include "faketable.h"

#include <QDateTime>
#include <QTimeZone>

namespace sl::test {

QJsonObject FakeTable::row(const QString &id) const
{
    const auto it = m_rows.find(id);
    if (it == m_rows.end())
        return {};
    QJsonObject shown = it->second.columns;
    shown.insert(m_keyColumn, id);
    shown.insert(QStringLiteral("@odata.etag"), QString::fromLatin1(etag(id)));
    return shown;
}

QByteArray FakeTable::etag(const QString &id) const
{
    const auto it = m_rows.find(id);
    return it == m_rows.end() ? QByteArray() : "W/\"" + QByteArray::number(it->second.version) + '"';
}

QByteArray FakeTable::write(const QString &id, const QJsonObject &columns)
{
    const bool created = m_rows.count(id) == 0;
    Row &row = m_rows[id];
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        if (!it.key().startsWith(QLatin1Char('@')) && it.key() != m_keyColumn)
            row.columns.insert(it.key(), it.value());
    }
    row.version = ++m_lastVersion;
    if (!columns.contains(QLatin1String("modifiedon")))
        row.columns.insert(QStringLiteral("modifiedon"), QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC)
                                                            .addSecs(row.version)
                                                            .toString(Qt::ISODate));
    // Like Dataverse, a row's creation time is stamped once.
    if (created && !row.columns.contains(QLatin1String("createdon")))
        row.columns.insert(QStringLiteral("createdon"), row.columns.value(QLatin1String("modifiedon")));
    m_tombstones.erase(id);
    return etag(id);
}

bool FakeTable::remove(const QString &id)
{
    if (m_rows.erase(id) == 0)
        return false;
    m_tombstones[id] = ++m_lastVersion;
    return true;
}

std::vector<QString> FakeTable::keysAfter(const QString &afterKey, int count,
                                          const std::function<bool(const QJsonObject &)> &accept) const
{
    std::vector<QString> keys;
    auto it = afterKey.isEmpty() ? m_rows.begin() : m_rows.upper_bound(afterKey);
    for (; it != m_rows.end() && int(keys.size()) < count; ++it)
        if (!accept || accept(it->second.columns))
            keys.push_back(it->first);
    return keys;
}

std::vector<FakeTable::Change> FakeTable::changesAfter(qint64 token, const QString &afterKey, int count) const
{
    std::map<QString, bool> changes; // key -> deleted
    for (auto it = afterKey.isEmpty() ? m_rows.begin() : m_rows.upper_bound(afterKey); it != m_rows.end(); ++it)
        if (it->second.version > token)
            changes.emplace(it->first, false);
    for (auto it = afterKey.isEmpty() ? m_tombstones.begin() : m_tombstones.upper_bound(afterKey);
         it != m_tombstones.end(); ++it)
        if (it->second > token)
            changes.emplace(it->first, true);
    std::vector<Change> out;
    for (auto it = changes.begin(); it != changes.end() && int(out.size()) < count; ++it)
        out.push_back({it->first, it->second});
    return out;
}

} // namespace sl::test
