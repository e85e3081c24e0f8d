#include "syncfixture.h"

#include "store/database.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

namespace sl::test {

void SyncFixture::addStoreRows()
{
    QTest::addColumn<bool>("hard");
    QTest::newRow("plain store") << false;
    QTest::newRow("hard store") << true;
}

bool SyncFixture::setUpForRow()
{
    if (!setUp())
        return false;
    QFETCH_GLOBAL(bool, hard);
    if (hard)
        harden();
    return true;
}

bool SyncFixture::setUp()
{
    m_server = std::make_unique<FakeDataverse>();
    if (!m_server->start())
        return false;
    m_transport = std::make_unique<CurlTransport>();
    m_clock = std::make_unique<FakeClock>();
    m_tokens = std::make_unique<FakeTokenSource>();
    m_hard = false;
    return openTemporaryWorkspace(m_dir, m_workspace);
}

void SyncFixture::tearDown()
{
    closeTemporaryWorkspace(m_dir, m_workspace);
    m_transport.reset();
    m_server.reset();
}

bool SyncFixture::startOverInFreshWorkspace()
{
    closeTemporaryWorkspace(m_dir, m_workspace);
    return openTemporaryWorkspace(m_dir, m_workspace);
}

void SyncFixture::harden()
{
    m_hard = true;
    FakeFaults &faults = m_server->faults();
    faults.relativeNextLinks = true;
    faults.noChangeTracking = true;
    faults.requireConditionalWrites = true;
    faults.noUpsert = true;
}

SyncSummary SyncFixture::sync(SyncOptions options,
                              const std::function<void(SyncEngine &, const SyncProgress &)> &onProgress)
{
    m_waitedMs = 0;
    m_busySeconds.clear();
    SyncEngine engine(*m_transport, *m_clock, *m_tokens, *m_workspace, m_server->serviceRoot(), options);
    QObject::connect(&engine, &SyncEngine::storeBusy, [this](int seconds) { m_busySeconds.append(seconds); });
    bool done = false;
    QObject::connect(&engine, &SyncEngine::finished, [&done] { done = true; });
    if (onProgress)
        QObject::connect(&engine, &SyncEngine::progress,
                         [&engine, &onProgress](const SyncProgress &progress) { onProgress(engine, progress); });
    engine.start();
    if (!runUntil(done))
        qWarning() << "the sync did not finish"; // the caller's checks of the summary then fail
    return engine.summary();
}

bool SyncFixture::runUntil(const bool &done)
{
    return QTest::qWaitFor([&] {
        // Nothing on the wire but a timer waiting: the wait passes at once.
        if (!done && m_transport->pendingCount() == 0 && m_clock->pendingTimers() > 0) {
            const qint64 due = m_clock->nextDueInMs();
            m_waitedMs += due;
            m_clock->advance(due);
        }
        return done;
    }, 120'000);
}

MediaFetchOutcome SyncFixture::fetchMedia(const QString &assetId, qint64 chunkBytes, qint64 cacheCapBytes)
{
    m_waitedMs = 0;
    RequestRunner runner(*m_transport, *m_clock, *m_tokens, RetryPolicy());
    MediaFetchJob job(runner, *m_workspace, m_server->serviceRoot(), cacheCapBytes);
    job.setChunkBytes(chunkBytes);
    bool done = false;
    QObject::connect(&job, &MediaFetchJob::finished, [&done] { done = true; });
    job.start(assetId);
    if (!runUntil(done))
        qWarning() << "the media fetch did not finish";
    return job.outcome();
}

AssetStates SyncFixture::localAssets()
{
    AssetStates states;
    Statement query = m_workspace->database().prepare(
        QStringLiteral("SELECT id, name, asset_tag, coalesce(account_id, ''), latitude, etag FROM assets"));
    while (query.step())
        states[query.columnText(0)] = {query.columnText(1), query.columnText(2), query.columnText(3),
                                       query.columnDouble(4), query.columnText(5)};
    return states;
}

AssetStates SyncFixture::serverAssets()
{
    AssetStates states;
    FakeTable &table = m_server->table();
    for (const QString &id : table.keysAfter(QString(), table.size())) {
        const QJsonObject row = table.row(id);
        states[id] = {row.value(QLatin1String("msdyn_name")).toString(),
                      row.value(QLatin1String("msdyn_assettag")).toString(),
                      row.value(QLatin1String("_msdyn_account_value")).toString(),
                      row.value(QLatin1String("msdyn_latitude")).toDouble(), QString::fromLatin1(table.etag(id))};
    }
    return states;
}

QStringList SyncFixture::changedIds(const AssetStates &before, const AssetStates &after)
{
    QStringList ids;
    for (const auto &[id, state] : before) {
        const auto it = after.find(id);
        if (it == after.end() || !(it->second == state))
            ids.append(id);
    }
    for (const auto &[id, state] : after)
        if (!before.count(id))
            ids.append(id);
    ids.sort();
    return ids;
}

bool SyncFixture::sameAssets(const AssetStates &local, const AssetStates &server, QString *why)
{
    if (local.size() != server.size()) {
        *why = QStringLiteral("%1 assets here, %2 on the server").arg(local.size()).arg(server.size());
        return false;
    }
    for (const auto &[id, state] : server) {
        const auto it = local.find(id);
        if (it == local.end()) {
            *why = QStringLiteral("%1 is not here").arg(id);
            return false;
        }
        if (!(it->second == state)) {
            *why = QStringLiteral("%1: here %2/%3/%4/%5, server %6/%7/%8/%9")
                       .arg(id, it->second.name, it->second.assetTag, it->second.etag, QString::number(it->second.latitude),
                            state.name, state.assetTag, state.etag, QString::number(state.latitude));
            return false;
        }
    }
    return true;
}

QString SyncFixture::addAttachment(const QString &assetId, int type, const QByteArray &bytes, const QString &fileName)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString entitySet = QString::fromLatin1(FakeDataverse::kAttachments);
    m_server->table(entitySet).write(id, {{"msdyn_name", fileName},
                                          {"_msdyn_customerasset_value", assetId},
                                          {"msdyn_attachmenttype", type},
                                          {"msdyn_file_name", fileName}});
    m_server->media().setFile(entitySet, id, type == kVideo ? "msdyn_file" : "msdyn_image", bytes, fileName);
    return id;
}

QByteArray SyncFixture::fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

} // namespace sl::test
