#include "sync/mediafetchfollower.h"

#include "captureviewerwidget.h"
#include "store/assetdetails.h"
#include "store/storeworker.h"
#include "sync/remotemediapanel.h"
#include "sync/syncactions.h"
#include "sync/syncrunner.h"

namespace sl {

MediaFetchFollower::MediaFetchFollower(StoreWorker &store, CaptureViewerWidget &viewer, SyncActions &actions,
                                       QObject *parent)
    : QObject(parent), m_store(store), m_viewer(&viewer), m_actions(actions)
{
    connect(&viewer, &CaptureViewerWidget::mediaFetchRequested, this, &MediaFetchFollower::fetch);
    connect(actions.runner(), &SyncRunner::finished, this, &MediaFetchFollower::onSyncFinished);
}

void MediaFetchFollower::fetch(const QString &assetId, const QString &captureId)
{
    if (m_actions.runner()->fetchMedia(assetId))
        return;
    if (RemoteMediaPanel *panel = m_viewer ? m_viewer->remoteMediaPanel(captureId) : nullptr)
        panel->setFailed(tr("not signed in to the asset store; sign in, then fetch again"));
    m_actions.showConnect();
}

void MediaFetchFollower::onSyncFinished(const SyncSummary &summary)
{
    if (!m_viewer)
        return;
    QString why;
    if (summary.cancelled)
        why = tr("the sync was cancelled");
    else if (summary.unreachable)
        why = tr("the asset store cannot be reached");
    else if (summary.signInNeeded)
        why = tr("the asset store asks to sign in again");
    else if (!summary.errors.isEmpty())
        why = summary.errors.first();
    else
        why = tr("the asset store has no file for it");
    for (const QString &captureId : m_viewer->capturesWaitingForMedia()) {
        std::function<std::optional<CaptureOpening>(Workspace &)> job = [captureId](Workspace &workspace) {
            return CaptureOpening::readForView(workspace, captureId);
        };
        m_store.post<std::optional<CaptureOpening>>(
            this, std::move(job), [this, captureId, why](StoreResult<std::optional<CaptureOpening>> result) {
                RemoteMediaPanel *panel = m_viewer ? m_viewer->remoteMediaPanel(captureId) : nullptr;
                if (!panel)
                    return; // closed meanwhile
                if (!result.ok() || !result.value->has_value()) {
                    panel->setFailed(result.ok() ? tr("the capture is no longer in this workspace") : result.error);
                    return;
                }
                CaptureOpening &opening = **result.value;
                if (opening.mediaToFetch) {
                    if (panel->isFetching()) // it asked: say why nothing came
                        panel->setFailed(why);
                    return;
                }
                m_viewer->openCapture(std::move(opening));
            });
    }
}

} // namespace sl
