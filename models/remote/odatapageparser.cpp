#include "remote/odatapageparser.h"

#include "remote/remotelimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace sl {

namespace {

const QLatin1String kValue("value");
const QLatin1String kNextLink("@odata.nextLink");
const QLatin1String kDeltaLink("@odata.deltaLink");
const QLatin1String kContext("@odata.context");
const QLatin1String kEtag("@odata.etag");
constexpr int kMaxEtagLength = 256;

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(a.scheme() == QLatin1String("https") ? 443 : 80)
                  == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

// One entry of "value": a changed row or a deleted one.
bool readRow(const QJsonValue &value, int index, ODataPage *page, QString *error)
{
    if (!value.isObject()) {
        *error = ODataPageParser::tr("row %1 is not an object").arg(index);
        return false;
    }
    const QJsonObject row = value.toObject();
    if (row.value(kContext).toString().contains(QLatin1String("$deletedEntity"))) {
        const QUuid id = QUuid::fromString(row.value(QLatin1String("id")).toString());
        if (id.isNull()) {
            *error = ODataPageParser::tr("row %1: a deleted row without a GUID \"id\"").arg(index);
            return false;
        }
        page->deleted.push_back({id.toString(QUuid::WithoutBraces), row.value(QLatin1String("reason")).toString()});
        return true;
    }
    const QJsonValue etag = row.value(kEtag);
    if (!etag.isUndefined()
        && (!etag.isString() || etag.toString().isEmpty() || etag.toString().size() > kMaxEtagLength)) {
        *error = ODataPageParser::tr("row %1: @odata.etag is not a version string").arg(index);
        return false;
    }
    page->rows.push_back({row, etag.toString().toUtf8()});
    return true;
}

} // namespace

QUrl ODataPageParser::resolveLink(const QJsonValue &link, const QUrl &requestUrl, const QString &field, QString *error)
{
    if (!link.isString() || link.toString().isEmpty()) {
        *error = tr("%1 is not a URL string").arg(field);
        return {};
    }
    if (link.toString().size() > limits::kLinkLength) {
        *error = tr("%1 is longer than %2 characters").arg(field).arg(limits::kLinkLength);
        return {};
    }
    const QUrl relative(link.toString(), QUrl::StrictMode);
    if (!relative.isValid()) {
        *error = tr("%1 is not a valid URL").arg(field);
        return {};
    }
    const QUrl resolved = requestUrl.resolved(relative);
    if (!sameOrigin(resolved, requestUrl)) {
        *error = tr("%1 points to %2, not to the store that was asked")
                     .arg(field, resolved.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery));
        return {};
    }
    return resolved;
}

bool ODataPageParser::parse(const QByteArray &body, const QUrl &requestUrl, ODataPage *page, QString *error)
{
    if (body.size() > limits::kResponseBytes) {
        *error = tr("the page is larger than %1 bytes").arg(limits::kResponseBytes);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("not valid JSON at byte %1 of %2: %3")
                     .arg(parseError.offset)
                     .arg(body.size())
                     .arg(parseError.errorString());
        return false;
    }
    if (!document.isObject()) {
        *error = tr("the page is not a JSON object");
        return false;
    }
    const QJsonObject top = document.object();
    if (top.contains(QLatin1String("error"))) {
        const QJsonObject shape = top.value(QLatin1String("error")).toObject();
        *error = tr("the store answered an error: %1 %2")
                     .arg(shape.value(QLatin1String("code")).toString(),
                          shape.value(QLatin1String("message")).toString().simplified().left(1000));
        return false;
    }
    const QJsonValue value = top.value(kValue);
    if (!value.isArray()) {
        *error = tr("the page has no \"value\" array");
        return false;
    }
    const QJsonArray rows = value.toArray();
    if (rows.size() > limits::kRowsPerPage) {
        *error = tr("the page has %1 rows, more than %2").arg(rows.size()).arg(limits::kRowsPerPage);
        return false;
    }

    ODataPage read;
    read.rows.reserve(size_t(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        if (!readRow(rows.at(i), i, &read, error))
            return false;
    }
    if (top.contains(kNextLink) && top.contains(kDeltaLink)) {
        *error = tr("the page has both a nextLink and a deltaLink");
        return false;
    }
    if (top.contains(kNextLink)) {
        read.nextLink = resolveLink(top.value(kNextLink), requestUrl, kNextLink, error);
        if (!read.nextLink.isValid())
            return false;
    }
    if (top.contains(kDeltaLink)) {
        read.deltaLink = resolveLink(top.value(kDeltaLink), requestUrl, kDeltaLink, error);
        if (!read.deltaLink.isValid())
            return false;
    }
    read.rowsRead = int(read.rows.size());
    *page = std::move(read);
    return true;
}

} // namespace sl
