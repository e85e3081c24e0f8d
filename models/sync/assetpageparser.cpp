#include "sync/assetpageparser.h"

#include "remote/odatapageparser.h"
#include "remote/remotelimits.h"
#include "sync/decodedassets.h"
#include "sync/storecolumns.h"

#include <QJsonValue>
#include <QUuid>

#include <simdjson.h>

#include <limits>
#include <optional>
#include <string_view>

namespace sl {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

constexpr int kMaxEtagLength = 256; // UTF-16 code units, as ODataPageParser counts

QString textOf(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// QJsonValue::toString(): the text of a string, else empty.
QString stringOf(element value)
{
    std::string_view text;
    return value.get_string().get(text) == simdjson::SUCCESS ? textOf(text) : QString();
}

bool isNumber(element value)
{
    const element_type type = value.type();
    return type == element_type::INT64 || type == element_type::UINT64 || type == element_type::DOUBLE;
}

// QJsonValue::toDouble(): a number's value, else 0.
double doubleOf(element value)
{
    if (!isNumber(value))
        return 0;
    double number = 0;
    return value.get_double().get(number) == simdjson::SUCCESS ? number : 0;
}

// QJsonValue::toInt(): a number that is a whole int, else 0.
int intOf(element value)
{
    const double number = doubleOf(value);
    if (number < double(std::numeric_limits<int>::min()) || number > double(std::numeric_limits<int>::max()))
        return 0;
    return double(int(number)) == number ? int(number) : 0;
}

// What ODataPageParser::resolveLink reads: the value as Qt's JSON would hold it.
QJsonValue jsonOf(element value)
{
    if (value.is_string())
        return QJsonValue(stringOf(value));
    if (isNumber(value))
        return QJsonValue(doubleOf(value));
    if (value.is_bool())
        return QJsonValue(bool(value.get_bool()));
    return value.is_null() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonValue::Object);
}

// The fields StoreColumns::assetFromRow reads, by their column names; a
// column twice in a row takes its last value, as Qt's JSON does.
void readAssetField(std::string_view key, element value, Asset &asset)
{
    static constexpr std::string_view kFormatted = "@OData.Community.Display.V1.FormattedValue";
    const auto is = [key](std::string_view column, bool formatted = false) {
        if (!formatted)
            return key == column;
        return key.size() == column.size() + kFormatted.size() && key.substr(0, column.size()) == column
               && key.substr(column.size()) == kFormatted;
    };
    if (is("msdyn_customerassetid"))
        asset.id = StoreColumns::guidText(stringOf(value));
    else if (is("msdyn_name"))
        asset.name = stringOf(value);
    else if (is("msdyn_assettag"))
        asset.assetTag = stringOf(value);
    else if (is("_msdyn_account_value"))
        asset.accountId = StoreColumns::guidText(stringOf(value));
    else if (is("_msdyn_account_value", true))
        asset.accountName = stringOf(value);
    else if (is("_msdyn_product_value"))
        asset.productId = StoreColumns::guidText(stringOf(value));
    else if (is("_msdyn_product_value", true))
        asset.productName = stringOf(value);
    else if (is("_msdyn_customerassetcategory_value"))
        asset.categoryId = StoreColumns::guidText(stringOf(value));
    else if (is("_msdyn_customerassetcategory_value", true))
        asset.categoryName = stringOf(value);
    else if (is("_msdyn_parentasset_value"))
        asset.parentId = StoreColumns::guidText(stringOf(value));
    else if (is("msdyn_latitude"))
        asset.latitude = doubleOf(value);
    else if (is("msdyn_longitude"))
        asset.longitude = doubleOf(value);
    else if (is("statecode"))
        asset.stateCode = intOf(value);
    else if (is("modifiedon"))
        asset.modifiedOn = stringOf(value);
}

// One entry of "value", as ODataPageParser's readRow, then assetFromRow.
bool readRow(element value, int index, DecodedAssets &decoded, ODataPage &page, QString *error)
{
    object row;
    if (value.get_object().get(row) != simdjson::SUCCESS) {
        *error = ODataPageParser::tr("row %1 is not an object").arg(index);
        return false;
    }
    // The last of a key twice, as Qt's JSON keeps it.
    std::optional<element> context, etag, deletedId, reason;
    Asset asset;
    for (const auto field : row) {
        const std::string_view key = field.key;
        if (key == "@odata.context")
            context = field.value;
        else if (key == "@odata.etag")
            etag = field.value;
        else if (key == "id")
            deletedId = field.value;
        else if (key == "reason")
            reason = field.value;
        readAssetField(key, field.value, asset);
    }
    if (context && stringOf(*context).contains(QLatin1String("$deletedEntity"))) {
        const QUuid id = QUuid::fromString(deletedId ? stringOf(*deletedId) : QString());
        if (id.isNull()) {
            *error = ODataPageParser::tr("row %1: a deleted row without a GUID \"id\"").arg(index);
            return false;
        }
        page.deleted.push_back({id.toString(QUuid::WithoutBraces), reason ? stringOf(*reason) : QString()});
        return true;
    }
    QString etagText;
    if (etag) {
        etagText = stringOf(*etag);
        if (!etag->is_string() || etagText.isEmpty() || etagText.size() > kMaxEtagLength) {
            *error = ODataPageParser::tr("row %1: @odata.etag is not a version string").arg(index);
            return false;
        }
    }
    ++page.rowsRead;
    if (asset.id.isEmpty())
        return true; // no key: nothing to file it under
    if (asset.modifiedOn > decoded.newestModified)
        decoded.newestModified = asset.modifiedOn;
    decoded.etags.push_back(etagText.toUtf8());
    decoded.rows.push_back(std::move(asset));
    return true;
}

} // namespace

bool AssetPageParser::parse(const QByteArray &body, const QUrl &requestUrl, ODataPage *page, QString *error)
{
    if (body.size() > limits::kResponseBytes) {
        *error = ODataPageParser::tr("the page is larger than %1 bytes").arg(limits::kResponseBytes);
        return false;
    }
    // One parser per thread: it keeps its buffers between pages.
    thread_local simdjson::dom::parser parser;
    const simdjson::padded_string text(body.constData(), size_t(body.size()));
    element document;
    if (const auto failure = parser.parse(text).get(document); failure != simdjson::SUCCESS) {
        *error = ODataPageParser::tr("not valid JSON (%1 bytes): %2")
                     .arg(body.size())
                     .arg(QString::fromUtf8(simdjson::error_message(failure)));
        return false;
    }
    object top;
    if (document.get_object().get(top) != simdjson::SUCCESS) {
        *error = ODataPageParser::tr("the page is not a JSON object");
        return false;
    }
    std::optional<element> value, nextLink, deltaLink, storeError;
    for (const auto field : top) {
        if (field.key == "value")
            value = field.value;
        else if (field.key == "@odata.nextLink")
            nextLink = field.value;
        else if (field.key == "@odata.deltaLink")
            deltaLink = field.value;
        else if (field.key == "error")
            storeError = field.value;
    }
    if (storeError) {
        object shape;
        QString code, message;
        if (storeError->get_object().get(shape) == simdjson::SUCCESS) {
            for (const auto field : shape) {
                if (field.key == "code")
                    code = stringOf(field.value);
                else if (field.key == "message")
                    message = stringOf(field.value);
            }
        }
        *error = ODataPageParser::tr("the store answered an error: %1 %2").arg(code, message.simplified().left(1000));
        return false;
    }
    simdjson::dom::array rows;
    if (!value || value->get_array().get(rows) != simdjson::SUCCESS) {
        *error = ODataPageParser::tr("the page has no \"value\" array");
        return false;
    }
    if (rows.size() > size_t(limits::kRowsPerPage)) {
        *error = ODataPageParser::tr("the page has %1 rows, more than %2").arg(rows.size()).arg(limits::kRowsPerPage);
        return false;
    }

    ODataPage read;
    auto decoded = std::make_shared<DecodedAssets>();
    decoded->rows.reserve(rows.size());
    decoded->etags.reserve(rows.size());
    int index = 0;
    for (const element row : rows) {
        if (!readRow(row, index++, *decoded, read, error))
            return false;
    }
    if (nextLink && deltaLink) {
        *error = ODataPageParser::tr("the page has both a nextLink and a deltaLink");
        return false;
    }
    if (nextLink) {
        read.nextLink = ODataPageParser::resolveLink(jsonOf(*nextLink), requestUrl,
                                                     QStringLiteral("@odata.nextLink"), error);
        if (!read.nextLink.isValid())
            return false;
    }
    if (deltaLink) {
        read.deltaLink = ODataPageParser::resolveLink(jsonOf(*deltaLink), requestUrl,
                                                      QStringLiteral("@odata.deltaLink"), error);
        if (!read.deltaLink.isValid())
            return false;
    }
    read.decoded = SharedDecodedAssets(std::move(decoded));
    *page = std::move(read);
    return true;
}

} // namespace sl
