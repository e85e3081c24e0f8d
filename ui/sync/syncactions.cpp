#include "sync/syncactions.h"

#include "remote/curltransport.h"
#include "remote/systemclock.h"
#include "signin/keychainsecretstore.h"
#include "signin/signedintokensource.h"
#include "sync/conflictdialog.h"
#include "sync/connectdialog.h"

#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QWidget>

namespace sl {

SyncActions::SyncActions(StoreWorker &store, QWidget *window)
    : QObject(window), m_store(store), m_window(window), m_settings(SignInSettings::load(QSettings()))
{
}

SyncActions::~SyncActions()
{
    // The token source and dialogs use the transport: they go first.
    delete m_connect.data();
    m_tokens.reset();
    m_transport.reset();
}

void SyncActions::addTo(QMenuBar *menuBar)
{
    QMenu *sync = menuBar->addMenu(tr("&Sync"));
    sync->addAction(tr("&Connect to asset store…"), this, [this] { showConnect(); });
    sync->addAction(tr("&Resolve conflicts…"), this, [this] { showConflicts(); });
}

void SyncActions::ensureTransport()
{
    if (m_transport)
        return;
    m_transport = std::make_unique<CurlTransport>();
    m_clock = std::make_unique<SystemClock>();
    m_secrets = std::make_unique<KeychainSecretStore>();
    connect(m_secrets.get(), &KeychainSecretStore::unavailable, this, &SyncActions::statusChanged);
}

ConnectDialog *SyncActions::showConnect()
{
    ensureTransport();
    if (!m_connect) {
        m_connect = new ConnectDialog(*m_transport, *m_clock, m_settings, m_window);
        m_connect->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_connect, &ConnectDialog::signedIn, this, [this](const SignInSettings &settings, const TokenSet &tokens) {
            m_settings = settings;
            QSettings stored;
            m_settings.save(stored);
            keepTokens(&tokens);
        });
    }
    m_connect->show();
    m_connect->raise();
    return m_connect;
}

void SyncActions::resume()
{
    if (!m_settings.environment.isValid() || m_settings.environment.host().isEmpty())
        return;
    keepTokens(nullptr);
    m_tokens->resume([this](bool ok) {
        if (ok)
            announce();
        else
            Q_EMIT statusChanged(tr("Not signed in to %1: Sync > Connect to asset store.").arg(m_settings.environment.host()));
    });
}

void SyncActions::keepTokens(const TokenSet *tokens)
{
    ensureTransport();
    m_tokens = std::make_unique<SignedInTokenSource>(*m_transport, *m_clock, *m_secrets, m_settings);
    connect(m_tokens.get(), &SignedInTokenSource::signedOut, this, &SyncActions::statusChanged);
    if (tokens) {
        m_tokens->setTokens(*tokens);
        announce();
    }
}

void SyncActions::announce()
{
    const QString account = m_tokens ? m_tokens->account() : QString();
    Q_EMIT statusChanged(account.isEmpty() ? tr("Connected to %1").arg(m_settings.environment.host())
                                           : tr("Connected to %1 as %2").arg(m_settings.environment.host(), account));
}

ConflictDialog *SyncActions::showConflicts()
{
    if (!m_conflicts) {
        m_conflicts = new ConflictDialog(m_store, m_window);
        m_conflicts->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_conflicts->reload();
    }
    m_conflicts->show();
    m_conflicts->raise();
    return m_conflicts;
}

} // namespace sl
