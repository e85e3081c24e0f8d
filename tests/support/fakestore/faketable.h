#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>
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

    // Insert or replace the columns given; returns the new ETag. Like
    // Dataverse, a write stamps modifiedon (unless the columns carry one):
    // a time that grows with the version.
    QByteArray write(const QString &id, const QJsonObject &columns);
    // Removes the row and keeps a tombstone for delta reads.
    bool remove(const QString &id);
    // Keys after `afterKey` (all when empty), at most `count`, in order;
    // only rows `accept` takes, when given.
    std::vector<QString> keysAfter(const QString &afterKey, int count,
                                   const std::function<bool(const QJsonObject &)> &accept = {}) const;

    // Change tracking: the version of the newest change (a delta token).
    qint64 lastVersion() const { return m_lastVersion; }
    // A change since a delta token: the key, and whether it is a deletion.
    struct Change
    {
        QString key;
        bool deleted = false;
    };
    // Changes after version `token`, keys after `afterKey`, at most `count`, in key order.
    std::vector<Change> changesAfter(qint64 token, const QString &afterKey, int count) const;

private:
    struct Row
    {
        QJsonObject columns;
        qint64 version = 0;
    };

    QString m_keyColumn;
    std::map<QString, Row> m_rows;
    std::map<QString, qint64> m_tombstones; // key -> version of its deletion
    qint64 m_lastVersion = 1000; // like Dataverse's versionnumber: only grows
};

} // namespace sl::test
