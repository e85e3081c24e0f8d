#pragma once

#include <QJsonObject>
#include <QString>

#include <map>
#include <vector>

namespace sl::test {

// One table of the fake Dataverse: rows by key (GUID, lower case), each
// with a version that makes its weak ETag W/"<version>", in key order so
// that paging by "last key seen" is stable while rows change.
class FakeTable
{
public:
    explicit FakeTable(const QString &keyColumn = {}) : m_keyColumn(keyColumn) {}

    const QString &keyColumn() const { return m_keyColumn; }
    int size() const { return int(m_rows.size()); }
    bool contains(const QString &id) const { return m_rows.count(id) != 0; }
    // The row as the server shows it (key column and @odata.etag included);
    // empty when there is none.
    QJsonObject row(const QString &id) const;
    QByteArray etag(const QString &id) const;

    // Insert or replace the columns given; returns the new ETag.
    QByteArray write(const QString &id, const QJsonObject &columns);
    bool remove(const QString &id);
    // Keys after `afterKey` (all when empty), at most `count`, in order.
    std::vector<QString> keysAfter(const QString &afterKey, int count) const;

private:
    struct Row
    {
        QJsonObject columns;
        qint64 version = 0;
    };

    QString m_keyColumn;
    std::map<QString, Row> m_rows;
    qint64 m_lastVersion = 1000; // like Dataverse's versionnumber: only grows
};

} // namespace sl::test
