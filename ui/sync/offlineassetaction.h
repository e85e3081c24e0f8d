#pragma once

#include <QObject>
#include <QString>

class QAction;

namespace sl {

class StoreWorker;
class SyncRunner;

// Sync > Keep media available offline, for the asset shown: a checkable
// action whose state is read from the workspace (MediaCache, on the store
// worker) each time another asset is shown. Checked, the asset's files are
// never evicted from the media cache and come with every sync (one is asked
// for at once when signed in); unchecked, they may be evicted again.
class OfflineAssetAction : public QObject
{
    Q_OBJECT

public:
    OfflineAssetAction(StoreWorker &store, SyncRunner &runner, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    // The asset shown; empty: none (the action is disabled).
    void setAsset(const QString &assetId);

Q_SIGNALS:
    void statusChanged(const QString &text);

private:
    void apply(bool keep);

    StoreWorker &m_store;
    SyncRunner &m_runner;
    QAction *m_action = nullptr;
    QString m_asset;
    quint64 m_generation = 0; // the latest read; older answers are dropped
};

} // namespace sl
