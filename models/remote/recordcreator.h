#pragma once

#include "remote/writeresult.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>

namespace sl {

class RequestRunner;

// Creates a record made offline under the client's own GUID, so that a
// retried create never makes a duplicate: PATCH <set>(<guid>) with
// If-None-Match: *, where 412 means "already there" (a retry of a create
// that went through). A server that does not upsert answers 404 to that
// PATCH; then a POST carries the GUID in the key column, and a duplicate
// key answer means "already there" too. 201 and 204 both mean created.
class RecordCreator
{
    Q_DECLARE_TR_FUNCTIONS(RecordCreator)

public:
    RecordCreator(RequestRunner &runner, const QUrl &serviceRoot);

    void create(const QString &entitySet, const QString &keyColumn, const QUuid &id, const QJsonObject &fields,
                WriteDone done);

    // The error codes Dataverse gives for a key that is already there:
    // "Cannot insert duplicate key" and "A record with matching key values
    // already exists".
    static bool isDuplicateKey(const RemoteError &error);

private:
    RequestRunner &m_runner;
    QUrl m_serviceRoot;
};

} // namespace sl
