#pragma once

#include "signin/signinanswers.h"
#include "signin/signinsettings.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QMenu;
class QMenuBar;
class QWidget;

namespace sl {

class ConflictDialog;
class ConnectDialog;
class CurlTransport;
class KeychainSecretStore;
class OfflineAssetAction;
class SignedInTokenSource;
class StoreWorker;
class SyncRunner;
struct SyncSummary;
class SystemClock;
class TokenRelay;

// The Sync menu of the main window: Sync now (a SyncRunner with the
// signed-in token; also every few minutes while connected and once after a
// sign-in), Connect… (the ConnectDialog, then the signed-in tokens kept in a
// SignedInTokenSource, the refresh token in the keychain), Conflicts…
// (the ConflictDialog on the view store worker) and Keep media available
// offline (OfflineAssetAction) for the asset shown.
class SyncActions : public QObject
{
    Q_OBJECT

public:
    SyncActions(StoreWorker &store, QWidget *window);
    ~SyncActions() override;

    void addTo(QMenuBar *menuBar);
    // Signs in again with the refresh token the keychain kept for the
    // environment of the last sign-in, if any; statusChanged() says how it went.
    void resume();
    ConnectDialog *showConnect();
    ConflictDialog *showConflicts();
    // The signed-in user's tokens; null before a sign-in.
    SignedInTokenSource *tokens() const { return m_tokens.get(); }
    // Runs the syncs; connected once signed in.
    SyncRunner *runner() const { return m_runner; }
    // The workspace the syncs are of (empty: none open).
    void setWorkspace(const QString &directory);
    // The asset shown (empty: none): what Keep media available offline is of.
    void setCurrentAsset(const QString &assetId);

Q_SIGNALS:
    // One line for the status bar, e.g. "Connected to contoso.crm.dynamics.com as ana@contoso.com".
    void statusChanged(const QString &text);

private:
    void ensureTransport();
    void keepTokens(const TokenSet *tokens);
    void announce();
    void onSyncFinished(const SyncSummary &summary);

    StoreWorker &m_store;
    QWidget *m_window;
    SignInSettings m_settings;
    std::unique_ptr<CurlTransport> m_transport;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<SignedInTokenSource> m_tokens;
    std::unique_ptr<TokenRelay> m_relay; // m_tokens for the sync threads
    SyncRunner *m_runner = nullptr;
    OfflineAssetAction *m_offline = nullptr;
    QPointer<ConnectDialog> m_connect;
    QPointer<ConflictDialog> m_conflicts;
};

} // namespace sl
