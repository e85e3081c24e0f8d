#pragma once

#include "fakeclock.h"
#include "fakedataverse.h"
#include "faketokensource.h"
#include "remote/curltransport.h"
#include "store/workspace.h"
#include "sync/mediafetchjob.h"
#include "sync/syncengine.h"

#include <QTemporaryDir>

#include <map>
#include <memory>

namespace sl::test {

// An asset as both sides can show it, for comparing the two states.
struct AssetState
{
    QString name;
    QString assetTag;
    QString accountId;
    double latitude = 0;
    QString etag;
    bool operator==(const AssetState &) const = default;
};
using AssetStates = std::map<QString, AssetState>; // by id

// The world of a sync test: the fake Dataverse on loopback, the real
// CurlTransport, a fake clock (retry waits pass at once, and are counted),
// and a fresh workspace. The fault set of the whole run ("hard": relative
// nextLinks, no change tracking, 428 on unconditional writes, no upsert)
// is switched on by harden().
class SyncFixture
{
public:
    bool setUp();
    void tearDown();
    // Every specification runs against both stores: initTestCase_data()
    // adds the global column "hard" with a plain and a hard row, and
    // setUpForRow() is setUp() plus harden() on the hard row.
    static void addStoreRows();
    bool setUpForRow();
    void harden();
    bool hardened() const { return m_hard; }

    // Runs one sync to its end; the fake clock jumps over every wait.
    // `onProgress` sees each progress report (e.g. to cancel).
    SyncSummary sync(SyncOptions options = {},
                     const std::function<void(SyncEngine &, const SyncProgress &)> &onProgress = {});
    // Fetches an asset's media into the workspace's cache, the fake clock
    // jumping over every wait like sync()'s.
    MediaFetchOutcome fetchMedia(const QString &assetId, qint64 chunkBytes, qint64 cacheCapBytes);
    // The milliseconds the last sync waited on the fake clock.
    qint64 waitedMs() const { return m_waitedMs; }
    QList<int> busySeconds() const { return m_busySeconds; }

    AssetStates localAssets();
    AssetStates serverAssets();
    // Ids whose state differs between two snapshots (added, removed or changed).
    static QStringList changedIds(const AssetStates &before, const AssetStates &after);
    // Local equals server, the ETags aside (the pull never sees a row with a pending edit).
    bool sameAssets(const AssetStates &local, const AssetStates &server, QString *why);

    // Closes the workspace and opens a new, empty one in its place (the
    // same store): its next sync is a first pull.
    bool startOverInFreshWorkspace();

    // The attachment types of ASSET-STORE.md (msdyn_attachmenttype).
    static constexpr int kImage = 700610000;
    static constexpr int kVideo = 700610001;
    // An attachment of `assetId` on the store with its file (msdyn_image for
    // a photo, msdyn_file for a video); returns its new id.
    QString addAttachment(const QString &assetId, int type, const QByteArray &bytes,
                          const QString &fileName = QStringLiteral("walkround.mp4"));

    // A file's bytes, or "<unreadable>" (compared with the store's bytes).
    static QByteArray fileBytes(const QString &path);

    FakeDataverse &server() { return *m_server; }
    Workspace &workspace() { return *m_workspace; }
    QString workspaceDirectory() const { return m_dir->path(); }

private:
    // Runs the event loop until `done`, passing the fake clock's waits; false after 120 s.
    bool runUntil(const bool &done);

    std::unique_ptr<FakeDataverse> m_server;
    std::unique_ptr<CurlTransport> m_transport;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<FakeTokenSource> m_tokens;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    bool m_hard = false;
    qint64 m_waitedMs = 0;
    QList<int> m_busySeconds;
};

} // namespace sl::test
