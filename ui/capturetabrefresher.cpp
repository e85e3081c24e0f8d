#include "capturetabrefresher.h"

#include "captureviewerwidget.h"
#include "store/capturerefresh.h"
#include "store/storeworker.h"

namespace sl {

CaptureTabRefresher::CaptureTabRefresher(StoreWorker &store, CaptureViewerWidget &viewer, QObject *parent)
    : QObject(parent), m_store(store), m_viewer(&viewer)
{
}

void CaptureTabRefresher::refresh()
{
    if (!m_viewer)
        return;
    std::vector<ShownCapture> shown = m_viewer->shownCaptures();
    if (shown.empty())
        return;
    const quint64 generation = ++m_generation;
    // One job for every tab, compared on the worker: the GUI thread only applies what changed.
    std::function<std::vector<CaptureRefresh>(Workspace &)> job = [shown = std::move(shown)](Workspace &workspace) {
        return refreshShownCaptures(workspace, shown);
    };
    m_store.post<std::vector<CaptureRefresh>>(
        this, std::move(job), [this, generation](StoreResult<std::vector<CaptureRefresh>> result) {
            if (generation != m_generation || !m_viewer)
                return; // a newer refresh is on its way
            if (!result.ok()) {
                Q_EMIT readFailed(result.error);
                return;
            }
            const int changed = int(result.value->size());
            m_viewer->applyRefresh(std::move(*result.value));
            Q_EMIT refreshed(changed);
        });
}

} // namespace sl
