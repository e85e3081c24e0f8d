#pragma once

#include "fakefaults.h"
#include "fakeresponse.h"
#include "faketable.h"

#include <QUrl>

namespace sl::test {

// GETs of the fake Dataverse: one record, or a collection with
// server-driven paging (Prefer: odata.maxpagesize, $skiptoken in the
// nextLink, absolute or relative), $select honoured, and the page faults.
class FakeReads
{
public:
    FakeReads(const QUrl &serviceRoot, FakeFaults &faults) : m_serviceRoot(serviceRoot), m_faults(faults) {}

    FakeResponse record(const FakeTable &table, const QString &id) const;
    // `url` as requested; `prefer` the Prefer header.
    FakeResponse page(const FakeTable &table, const QString &entitySet, const QUrl &url, const QByteArray &prefer);

    static int maxPageSize(const QByteArray &prefer);

private:
    QUrl m_serviceRoot;
    FakeFaults &m_faults;
};

} // namespace sl::test
