#include "sync/offlineassetaction.h"

#include "remote/remotelimits.h"
#include "store/mediacache.h"
#include "store/storeworker.h"
#include "sync/syncrunner.h"

#include <QAction>
#include <QSignalBlocker>

namespace sl {

OfflineAssetAction::OfflineAssetAction(StoreWorker &store, SyncRunner &runner, QObject *parent)
    : QObject(parent), m_store(store), m_runner(runner)
{
    m_action = new QAction(tr("&Keep media available offline"), this);
    m_action->setObjectName(QStringLiteral("keepOfflineAction"));
    m_action->setCheckable(true);
    m_action->setEnabled(false);
    m_action->setToolTip(tr("The photos and videos of the asset shown come with every sync and are never evicted "
                            "from the media cache"));
    connect(m_action, &QAction::toggled, this, &OfflineAssetAction::apply);
}

void OfflineAssetAction::setAsset(const QString &assetId)
{
    m_asset = assetId;
    const quint64 generation = ++m_generation;
    m_action->setEnabled(false);
    {
        const QSignalBlocker quiet(m_action);
        m_action->setChecked(false);
    }
    if (assetId.isEmpty())
        return;
    std::function<bool(Workspace &)> job = [assetId](Workspace &workspace) {
        return MediaCache(workspace, limits::kMediaCacheBytes).isKeptOffline(assetId);
    };
    m_store.post<bool>(this, std::move(job), [this, generation](StoreResult<bool> result) {
        if (generation != m_generation || !result.ok())
            return; // another asset is shown now, or no workspace
        const QSignalBlocker quiet(m_action);
        m_action->setChecked(*result.value);
        m_action->setEnabled(true);
    });
}

void OfflineAssetAction::apply(bool keep)
{
    const QString asset = m_asset;
    if (asset.isEmpty())
        return;
    std::function<bool(Workspace &)> job = [asset, keep](Workspace &workspace) {
        MediaCache(workspace, limits::kMediaCacheBytes).setKeptOffline(asset, keep);
        return true;
    };
    m_store.post<bool>(this, std::move(job), [this, asset, keep](StoreResult<bool> result) {
        if (!result.ok()) {
            Q_EMIT statusChanged(tr("The asset's media could not be kept offline: %1").arg(result.error));
            if (asset == m_asset)
                setAsset(asset); // show what the workspace holds
            return;
        }
        if (!keep)
            Q_EMIT statusChanged(tr("The asset's media may be evicted from the cache again."));
        else if (m_runner.fetchMedia(asset))
            Q_EMIT statusChanged(tr("Fetching the asset's media; it stays available offline."));
        else
            Q_EMIT statusChanged(tr("Kept offline: the asset's media comes with the next sync once signed in."));
    });
}

} // namespace sl
