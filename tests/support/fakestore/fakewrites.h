#pragma once

#include "fakefaults.h"
#include "fakeresponse.h"
#include "faketable.h"

#include <QUrl>

namespace sl::test {

// Writes to the fake Dataverse, by Dataverse's rules: PATCH updates with
// If-Match (412 when stale), creates with If-None-Match: * (412 when the
// key exists), upserts without a condition (or 404 under noUpsert, or
// 428 under requireConditionalWrites); POST creates (the key from the
// body, duplicate key 412 0x80040237; 201 with the row under
// Prefer: return=representation, else 204); DELETE with If-Match.
class FakeWrites
{
public:
    struct Request
    {
        QByteArray method;
        QString entitySet;
        QString id; // empty for a POST to the set
        QByteArray body;
        QByteArray ifMatch;
        QByteArray ifNoneMatch;
        QByteArray prefer;
    };

    FakeWrites(const QUrl &serviceRoot, const FakeFaults &faults) : m_serviceRoot(serviceRoot), m_faults(faults) {}

    FakeResponse apply(FakeTable &table, const Request &request) const;

private:
    FakeResponse patch(FakeTable &table, const Request &request) const;
    FakeResponse post(FakeTable &table, const Request &request) const;
    FakeResponse remove(FakeTable &table, const Request &request) const;
    FakeResponse written(const FakeTable &table, const QString &entitySet, const QString &id, bool created,
                         const QByteArray &prefer) const;

    QUrl m_serviceRoot;
    const FakeFaults &m_faults;
};

} // namespace sl::test
