#pragma once

#include "sync/syncsummary.h"

#include <QObject>
#include <QPointer>

namespace sl {

class CaptureViewerWidget;
class StoreWorker;
class SyncActions;

// Carries a viewer tab's "Fetch from the asset store" to the sync: asks the
// runner for a sync that fetches the files of the capture's asset (the
// Connect dialog first when not signed in); when a sync ends, every tab
// still waiting for its file reads its capture again (on the store worker)
// and gives way to the photo or the player if the file came, or says why
// it did not.
class MediaFetchFollower : public QObject
{
    Q_OBJECT

public:
    MediaFetchFollower(StoreWorker &store, CaptureViewerWidget &viewer, SyncActions &actions,
                       QObject *parent = nullptr);

private:
    void fetch(const QString &assetId, const QString &captureId);
    void onSyncFinished(const SyncSummary &summary);

    StoreWorker &m_store;
    QPointer<CaptureViewerWidget> m_viewer;
    SyncActions &m_actions;
};

} // namespace sl
