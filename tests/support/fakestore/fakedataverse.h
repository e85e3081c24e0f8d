#pragma once

#include "fakefaults.h"
#include "fakemedia.h"
#include "fakerequest.h"
#include "fakeresponse.h"
#include "faketable.h"
#include "remote/httpheaders.h"

#include <QAbstractHttpServer>
#include <QUrl>

#include <functional>
#include <map>
#include <optional>

namespace sl::test {

struct FakeResponse;

// A fake Dataverse Web API on 127.0.0.1 (an ephemeral port), faithful to
// ASSET-STORE.md for what the client speaks so far: the customer assets,
// their lookups and their attachments (captures) as entity sets (more
// tables can be added), server-driven paging, weak ETags
// with 412, the upsert rules, bearer tokens (401), the error shape, and
// the faults a test switches on (FakeFaults), and the file and image
// columns of attachments (FakeMedia), and $batch with atomic change sets
// (FakeBatch), each inner request run through the same routes.
class FakeDataverse : public QAbstractHttpServer
{
    Q_OBJECT

public:
    static constexpr const char *kServicePath = "/api/data/v9.2/";
    static constexpr const char *kAssets = "msdyn_customerassets";
    static constexpr const char *kAccounts = "accounts";
    static constexpr const char *kProducts = "products";
    static constexpr const char *kCategories = "msdyn_customerassetcategories";
    static constexpr const char *kAttachments = "msdyn_customerassetattachments"; // captures; seed with table().write()

    // A request as it arrived, for assertions.
    struct LoggedRequest
    {
        QByteArray method;
        QUrl url;
        HttpHeaders headers;
        QByteArray body;
        int status = 0; // what the server answered (or committed, then cut); 0 for none
        bool inBatch = false;    // one request inside a $batch (the batch itself is logged too)
        bool rolledBack = false; // inside a change set that failed: the store undid it
    };

    explicit FakeDataverse(QObject *parent = nullptr);

    // Listens on 127.0.0.1 on `port` (a free one when 0); false when it cannot.
    bool start(quint16 port = 0);
    // http://127.0.0.1:<port>/api/data/v9.2/
    QUrl serviceRoot() const { return m_serviceRoot; }

    FakeTable &table(const QString &entitySet = QString::fromLatin1(kAssets));
    void addTable(const QString &entitySet, const QString &keyColumn);
    // Adds `count` customer assets with deterministic ids; returns their
    // ids. Each refers to an account, product and category (round robin)
    // when those tables have rows.
    QStringList seedAssets(int count);
    // Adds accounts, products and categories with deterministic ids.
    void seedLookups(int accounts, int products, int categories);

    // The bearer token the server takes; anything else answers 401.
    void setAcceptedToken(const QByteArray &token) { m_acceptedToken = token; }
    FakeFaults &faults() { return m_faults; }
    // The file and image columns' files (msdyn_image, msdyn_file).
    FakeMedia &media() { return m_media; }
    // Answers requests outside the Web API (e.g. FakeSignIn's endpoints)
    // before the token check: nullopt lets the request through.
    using ExtraRoute = std::function<std::optional<FakeResponse>(const QHttpServerRequest &)>;
    void setExtraRoute(ExtraRoute route) { m_extraRoute = std::move(route); }

    const QList<LoggedRequest> &requests() const { return m_requests; }
    // Requests with this method on the wire, and inside batches (whether
    // or not a change set was rolled back).
    int countRequests(const QByteArray &method) const;
    void clearRequests() { m_requests.clear(); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    FakeResponse route(const FakeRequest &request, bool *isWrite);
    bool isBatch(const FakeRequest &request) const;
    FakeResponse batch(const FakeRequest &request, bool *isWrite);
    FakeResponse routeMedia(const FakeRequest &request, const QString &entitySet, const QString &id,
                            const QString &column, bool value);
    void respondCut(QTcpSocket *socket, const FakeResponse &response);
    void respond(const QHttpServerRequest &request, QTcpSocket *socket, const FakeResponse &response);

    QUrl m_serviceRoot;
    std::map<QString, FakeTable> m_tables;
    QByteArray m_acceptedToken = "test-token";
    FakeFaults m_faults;
    FakeMedia m_media;
    ExtraRoute m_extraRoute;
    QList<LoggedRequest> m_requests;
};

} // namespace sl::test
