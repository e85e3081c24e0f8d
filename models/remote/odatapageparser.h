#pragma once

#include "remote/odatapage.h"

#include <QCoreApplication>

namespace sl {

// Reads one Dataverse JSON page: the value array (rows, $deletedEntity
// rows, each row's @odata.etag), @odata.nextLink and @odata.deltaLink
// (absolute, or relative to the request's URL). Strict: anything that does
// not read (truncated JSON, a row that is not an object, a link to another
// host, a page past limits::kRowsPerPage or limits::kResponseBytes) is an
// error naming the reason, and no part of the page is returned.
class ODataPageParser
{
    Q_DECLARE_TR_FUNCTIONS(ODataPageParser)

public:
    // True and `page` filled, or false and `error` set (page untouched).
    static bool parse(const QByteArray &body, const QUrl &requestUrl, ODataPage *page, QString *error);

    // `link` resolved against `requestUrl`; an invalid QUrl and `error` set
    // when it is not a string, too long, not http(s), or points to another
    // scheme, host or port than the request (the token must not go there).
    static QUrl resolveLink(const QJsonValue &link, const QUrl &requestUrl, const QString &field, QString *error);
};

} // namespace sl
