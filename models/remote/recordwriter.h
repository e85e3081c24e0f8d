#pragma once

#include "remote/writeresult.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>

namespace sl {

class RequestRunner;

// Conditional changes of existing records: every update and delete sends
// If-Match with the ETag the edit was made against, so a record changed on
// the server meanwhile answers 412 (Kind::Conflict) and is never
// overwritten. An update sends only the changed columns. 200 and 204 (and
// 201) all mean done.
class RecordWriter
{
    Q_DECLARE_TR_FUNCTIONS(RecordWriter)

public:
    RecordWriter(RequestRunner &runner, const QUrl &serviceRoot);

    void update(const QString &entitySet, const QUuid &id, const QJsonObject &changed, const QByteArray &etag,
                WriteDone done);
    // A record already gone (404) counts as removed.
    void remove(const QString &entitySet, const QUuid &id, const QByteArray &etag, WriteDone done);

private:
    // Refuses a write that breaks a rule before it goes out; true if refused.
    static bool refuse(const QUrl &url, const QByteArray &etag, const WriteDone &done);

    RequestRunner &m_runner;
    QUrl m_serviceRoot;
};

} // namespace sl
