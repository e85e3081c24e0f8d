#include "faketable.h"

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
    Row &row = m_rows[id];
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        if (!it.key().startsWith(QLatin1Char('@')) && it.key() != m_keyColumn)
            row.columns.insert(it.key(), it.value());
    }
    row.version = ++m_lastVersion;
    return etag(id);
}

bool FakeTable::remove(const QString &id)
{
    return m_rows.erase(id) != 0;
}

std::vector<QString> FakeTable::keysAfter(const QString &afterKey, int count) const
{
    std::vector<QString> keys;
    auto it = afterKey.isEmpty() ? m_rows.begin() : m_rows.upper_bound(afterKey);
    for (; it != m_rows.end() && int(keys.size()) < count; ++it)
        keys.push_back(it->first);
    return keys;
}

} // namespace sl::test
