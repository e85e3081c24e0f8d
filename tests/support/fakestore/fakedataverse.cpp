#include "fakedataverse.h"

#include "fakereads.h"
#include "fakeresponse.h"
#include "fakebatch.h"
#include "fakewrites.h"
#include "remote/contentrange.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>

namespace sl::test {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Head: return "HEAD";
    default: return "OTHER";
    }
}

} // namespace

FakeDataverse::FakeDataverse(QObject *parent) : QAbstractHttpServer(parent)
{
    addTable(QString::fromLatin1(kAssets), QStringLiteral("msdyn_customerassetid"));
    addTable(QString::fromLatin1(kAccounts), QStringLiteral("accountid"));
    addTable(QString::fromLatin1(kProducts), QStringLiteral("productid"));
    addTable(QString::fromLatin1(kCategories), QStringLiteral("msdyn_customerassetcategoryid"));
    addTable(QString::fromLatin1(kAttachments), QStringLiteral("msdyn_customerassetattachmentid"));
}

bool FakeDataverse::start(quint16 wanted)
{
    const quint16 port = listen(QHostAddress::LocalHost, wanted);
    if (port == 0)
        return false;
    m_serviceRoot = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(QLatin1String(kServicePath)));
    return true;
}

FakeTable &FakeDataverse::table(const QString &entitySet)
{
    return m_tables.at(entitySet);
}

void FakeDataverse::addTable(const QString &entitySet, const QString &keyColumn)
{
    m_tables.emplace(entitySet, FakeTable(keyColumn));
}

namespace {

const QUuid kNamespace(QStringLiteral("{5b7d1e43-2f0c-4a8e-9a51-3c2d9b1f6e70}"));

QString seededId(const QString &kind, int i)
{
    return QUuid::createUuidV5(kNamespace, kind + QString::number(i)).toString(QUuid::WithoutBraces);
}

// The key of the i-th row of a seeded lookup table, round robin; null when it is empty.
QJsonValue seededLookup(FakeTable &lookup, const QString &kind, int i)
{
    return lookup.size() == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(seededId(kind, i % lookup.size()));
}

} // namespace

QStringList FakeDataverse::seedAssets(int count)
{
    FakeTable &assets = table();
    FakeTable &accounts = table(QString::fromLatin1(kAccounts));
    FakeTable &products = table(QString::fromLatin1(kProducts));
    FakeTable &categories = table(QString::fromLatin1(kCategories));
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QString id = QUuid::createUuidV5(kNamespace, QString::number(i)).toString(QUuid::WithoutBraces);
        assets.write(id, {{QStringLiteral("msdyn_name"), QStringLiteral("Pump %1").arg(i, 5, 10, QLatin1Char('0'))},
                          {QStringLiteral("msdyn_assettag"), QStringLiteral("TAG-%1").arg(i)},
                          {QStringLiteral("msdyn_latitude"), 47.0 + i * 1e-4},
                          {QStringLiteral("msdyn_longitude"), 8.0 + i * 1e-4},
                          {QStringLiteral("_msdyn_account_value"), seededLookup(accounts, QStringLiteral("account"), i)},
                          {QStringLiteral("_msdyn_product_value"), seededLookup(products, QStringLiteral("product"), i)},
                          {QStringLiteral("_msdyn_customerassetcategory_value"),
                           seededLookup(categories, QStringLiteral("category"), i)},
                          {QStringLiteral("statecode"), 0},
                          {QStringLiteral("modifiedon"), QStringLiteral("2024-05-01T10:00:00Z")}});
        ids.append(id);
    }
    return ids;
}

void FakeDataverse::seedLookups(int accounts, int products, int categories)
{
    for (int i = 0; i < accounts; ++i)
        table(QString::fromLatin1(kAccounts))
            .write(seededId(QStringLiteral("account"), i), {{QStringLiteral("name"), QStringLiteral("Account %1").arg(i)}});
    for (int i = 0; i < products; ++i)
        table(QString::fromLatin1(kProducts))
            .write(seededId(QStringLiteral("product"), i), {{QStringLiteral("name"), QStringLiteral("Product %1").arg(i)},
                                                            {QStringLiteral("productnumber"), QStringLiteral("P-%1").arg(i)}});
    for (int i = 0; i < categories; ++i)
        table(QString::fromLatin1(kCategories))
            .write(seededId(QStringLiteral("category"), i), {{QStringLiteral("msdyn_name"), QStringLiteral("Category %1").arg(i)}});
}

int FakeDataverse::countRequests(const QByteArray &method) const
{
    return int(std::count_if(m_requests.begin(), m_requests.end(),
                             [&](const LoggedRequest &r) { return r.method == method; }));
}

bool FakeDataverse::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpHeaders headers;
    for (const auto &field : request.headers())
        headers.append({field.first, field.second});
    m_requests.append({methodName(request.method()), request.url(), headers, request.body(), 0});
    const qsizetype logged = m_requests.size() - 1; // a $batch logs its parts after it

    if (m_extraRoute)
        if (const std::optional<FakeResponse> extra = m_extraRoute(request)) {
            m_requests[logged].status = extra->status;
            respond(request, socket, *extra);
            return true;
        }
    if (m_faults.hangRequests > 0) {
        --m_faults.hangRequests;
        return true; // no answer: the client's timeout has to end it
    }
    if (!m_faults.nextAnswers.isEmpty()) {
        const FakeFaults::Canned canned = m_faults.nextAnswers.takeFirst();
        FakeResponse response = FakeResponse::error(canned.status, QString(), QStringLiteral("Injected failure."));
        if (canned.retryAfterSeconds >= 0)
            response.headers.append({"Retry-After", QByteArray::number(canned.retryAfterSeconds)});
        respond(request, socket, response);
        return true;
    }
    if (!m_acceptedToken.isEmpty() && headerValue(headers, "Authorization") != "Bearer " + m_acceptedToken) {
        respond(request, socket, FakeResponse::error(401, QString(), QStringLiteral("The access token is not valid.")));
        return true;
    }
    bool isWrite = false;
    const FakeRequest plain{methodName(request.method()), request.url(), headers, request.body()};
    FakeResponse response = isBatch(plain) ? batch(plain, &isWrite) : route(plain, &isWrite);
    m_requests[logged].status = response.status;
    if (response.dropConnection) {
        m_requests[logged].status = 0;
        socket->disconnectFromHost();
        return true;
    }
    if (response.cutAfterBytes >= 0) {
        respondCut(socket, response);
        return true;
    }
    if (isBatch(plain) && m_faults.cutBatchAnswers > 0 && response.status < 300) {
        --m_faults.cutBatchAnswers;
        response.cutAfterBytes = response.body.size() / 2; // committed; half the answer goes out
        respondCut(socket, response);
        return true;
    }
    if (isBatch(plain) && m_faults.garbleBatchAnswers > 0 && response.status < 300) {
        --m_faults.garbleBatchAnswers;
        response.body.truncate(response.body.lastIndexOf("--batchresponse_")); // committed; a malformed answer
    }
    if (isWrite && m_faults.cutAfterCommit > 0 && response.status < 300) {
        --m_faults.cutAfterCommit;
        socket->disconnectFromHost(); // committed, but the client never hears of it
        return true;
    }
    respond(request, socket, response);
    return true;
}

FakeResponse FakeDataverse::route(const FakeRequest &request, bool *isWrite)
{
    static const QRegularExpression kPath(QStringLiteral(
        "^/api/data/v9\\.2/([a-z0-9_]+)(?:\\(([0-9a-fA-F-]{36})\\)(?:/(msdyn_image|msdyn_file)(/\\$value)?)?)?$"));
    const QRegularExpressionMatch match = kPath.match(request.url.path());
    if (!match.hasMatch() || !m_tables.count(match.captured(1)))
        return FakeResponse::error(404, QStringLiteral("0x8006088a"), QStringLiteral("Resource not found for the segment."));
    const QString entitySet = match.captured(1);
    const QString id = match.captured(2).toLower();
    FakeTable &rows = m_tables.at(entitySet);
    if (!match.captured(3).isEmpty()) {
        *isWrite = request.method != "GET";
        if (!rows.contains(id))
            return FakeResponse::error(404, QStringLiteral("0x80040217"), QStringLiteral("The record does not exist."));
        return routeMedia(request, entitySet, id, match.captured(3), !match.captured(4).isEmpty());
    }

    if (request.method == "GET") {
        FakeReads reads(m_serviceRoot, m_faults);
        if (!id.isEmpty())
            return reads.record(rows, id);
        return reads.page(rows, entitySet, request.url, request.value("Prefer"));
    }
    *isWrite = true;
    const FakeWrites writes(m_serviceRoot, m_faults);
    return writes.apply(rows, {request.method, entitySet, id, request.body, request.value("If-Match"),
                               request.value("If-None-Match"), request.value("Prefer")});
}

FakeResponse FakeDataverse::routeMedia(const FakeRequest &request, const QString &entitySet, const QString &id,
                                       const QString &column, bool value)
{
    const QUrlQuery query(request.url);
    if (request.method == "GET") {
        if (!value)
            return FakeResponse::error(400, QString(), QStringLiteral("Read a file column's $value."));
        FakeResponse response = m_media.download(entitySet, id, column,
                                                 query.queryItemValue(QStringLiteral("size")) == QLatin1String("full"),
                                                 request.value("Range"));
        // The cut: the bytes before cutDownloadAt go out, then the line drops.
        const std::optional<ContentRange> range = ContentRange::parse(headerValue(response.headers, "Content-Range"));
        const qint64 first = range ? range->first : 0;
        if (m_faults.cutDownloads > 0 && response.status < 300 && m_faults.cutDownloadAt >= first
            && m_faults.cutDownloadAt < first + response.body.size()) {
            --m_faults.cutDownloads;
            response.cutAfterBytes = m_faults.cutDownloadAt - first;
        }
        return response;
    }
    if (request.method != "PATCH" || value)
        return FakeResponse::error(405, QString(), QStringLiteral("Method not allowed on a file column."));
    const QString token = query.queryItemValue(QStringLiteral("sessiontoken"));
    if (token.isEmpty())
        return m_media.begin(entitySet, id, column, request.url, request.value("x-ms-transfer-mode"));
    if (m_faults.cutChunks > 0) {
        --m_faults.cutChunks;
        FakeResponse cut;
        cut.dropConnection = true;
        return cut;
    }
    FakeResponse response = m_media.chunk(token, request.value("Content-Range"), request.body);
    if (response.status == 204) {
        // Like Dataverse, the row changes with its file (a new ETag).
        const FakeMedia::File *file = m_media.file(entitySet, id, column);
        m_tables.at(entitySet).write(id, column == QLatin1String("msdyn_file")
                                             ? QJsonObject{{QStringLiteral("msdyn_file_name"), file->name}}
                                             : QJsonObject{{QStringLiteral("msdyn_image_timestamp"), file->uploads}});
    }
    return response;
}

bool FakeDataverse::isBatch(const FakeRequest &request) const
{
    return request.method == "POST" && request.url.path() == QLatin1String(kServicePath) + QLatin1String("$batch");
}

FakeResponse FakeDataverse::batch(const FakeRequest &request, bool *isWrite)
{
    *isWrite = true;
    std::map<QString, FakeTable> saved;
    FakeBatch::Hooks hooks;
    // Each inner request goes through the same routes as a single one, and
    // is logged (inBatch) so that tests count what the store took.
    hooks.run = [this](const FakeRequest &inner) {
        bool innerWrite = false;
        const FakeResponse response = route(inner, &innerWrite);
        m_requests.append({inner.method, inner.url, inner.headers, inner.body, response.status, true});
        return response;
    };
    // A change set is all or nothing: the tables as they were before it,
    // and its requests logged as rolled back.
    qsizetype setStart = 0;
    hooks.save = [this, &saved, &setStart] {
        saved = m_tables;
        setStart = m_requests.size();
    };
    hooks.restore = [this, &saved, &setStart] {
        m_tables = saved;
        for (qsizetype i = setStart; i < m_requests.size(); ++i)
            m_requests[i].rolledBack = true;
    };
    return FakeBatch(m_serviceRoot).answer(request, hooks);
}

void FakeDataverse::respondCut(QTcpSocket *socket, const FakeResponse &response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Partial\r\n";
    for (const auto &field : response.headers)
        head += field.first + ": " + field.second + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    socket->write(head);
    socket->write(response.body.left(response.cutAfterBytes));
    socket->disconnectFromHost(); // after the bytes written so far go out
}

void FakeDataverse::respond(const QHttpServerRequest &request, QTcpSocket *socket, const FakeResponse &response)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    responder.writeHeader("OData-Version", "4.0");
    for (const auto &field : response.headers)
        responder.writeHeader(field.first, field.second);
    if (!response.body.isEmpty() && !hasHeader(response.headers, "Content-Type"))
        responder.writeHeader("Content-Type", "application/json; odata.metadata=minimal");
    if (response.status != 204)
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
}

void FakeDataverse::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    respond(request, socket, FakeResponse::error(404, QString(), QStringLiteral("No handler.")));
}

} // namespace sl::test
