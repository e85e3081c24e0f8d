#pragma once

#include <QObject>
#include <QPointer>

namespace sl {

class CaptureViewerWidget;
class StoreWorker;

// Keeps the viewer's open tabs in step with the workspace: after a change
// (a sync, another process, an edit here) refresh() reads every open tab's
// capture again in one store job (refreshShownCaptures) and hands what
// changed to the viewer, which updates those views in place. An answer
// overtaken by a newer refresh is dropped.
class CaptureTabRefresher : public QObject
{
    Q_OBJECT
public:
    CaptureTabRefresher(StoreWorker &store, CaptureViewerWidget &viewer, QObject *parent = nullptr);

    void refresh();

Q_SIGNALS:
    // A refresh was read and shown; `changedTabs`: how many tabs it touched.
    void refreshed(int changedTabs);
    void readFailed(const QString &error);

private:
    StoreWorker &m_store;
    QPointer<CaptureViewerWidget> m_viewer;
    quint64 m_generation = 0; // of the refresh asked for last
};

} // namespace sl
