#include "sync/syncactions.h"

#include "common/inputlimits.h"
#include "remote/curltransport.h"
#include "remote/systemclock.h"
#include "signin/keychainsecretstore.h"
#include "signin/environmenturl.h"
#include "signin/signedintokensource.h"
#include "signin/tokenrelay.h"
#include "sync/conflictdialog.h"
#include "sync/connectdialog.h"
#include "sync/offlineassetaction.h"
#include "sync/syncrunner.h"

#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QWidget>

namespace sl {

SyncActions::SyncActions(StoreWorker &store, QWidget *window)
    : QObject(window), m_store(store), m_window(window), m_settings(SignInSettings::load(QSettings())),
      m_runner(new SyncRunner(this))
{
    // Minutes between background syncs while connected (0: only Sync now).
    m_runner->setIntervalMinutes(QSettings().value(QStringLiteral("sync/intervalMinutes"), 5).toInt());
    // Polls of a table without change tracking between two reads of all its
    // ids (which find the rows deleted on the store).
    SyncOptions options;
    options.idSweep.everyPolls =
        qBound(1, QSettings().value(QStringLiteral("sync/idSweepEveryPolls"), options.idSweep.everyPolls).toInt(),
               limits::kIdSweepEveryPolls);
    m_runner->setOptions(options);
    connect(m_runner, &SyncRunner::finished, this, &SyncActions::onSyncFinished);
    m_offline = new OfflineAssetAction(m_store, *m_runner, this);
    connect(m_offline, &OfflineAssetAction::statusChanged, this, &SyncActions::statusChanged);
}

SyncActions::~SyncActions()
{
    // A running sync asks m_tokens for refreshes; then the token source and
    // dialogs use the transport: they go first.
    delete m_runner;
    delete m_connect.data();
    m_relay.reset();
    m_tokens.reset();
    m_transport.reset();
}

void SyncActions::addTo(QMenuBar *menuBar)
{
    QMenu *sync = menuBar->addMenu(tr("&Sync"));
    QAction *syncNow = sync->addAction(tr("Sync &now"), this, [this] {
        if (!m_runner->syncNow())
            Q_EMIT statusChanged(tr("Not signed in: Sync > Connect to asset store."));
    });
    syncNow->setObjectName(QStringLiteral("syncNowAction"));
    // Ctrl+Shift+S: no other action of the window takes it (Save As is not used).
    syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    sync->addSeparator();
    sync->addAction(tr("&Connect to asset store…"), this, [this] { showConnect(); });
    sync->addAction(tr("&Resolve conflicts…"), this, [this] { showConflicts(); });
    sync->addSeparator();
    sync->addAction(m_offline->action());
}

void SyncActions::setCurrentAsset(const QString &assetId)
{
    m_offline->setAsset(assetId);
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
    m_tokens->resume([this](TokenRefresh outcome) {
        if (outcome == TokenRefresh::Refreshed) {
            announce();
            m_runner->syncNow(); // once at start: what changed while Sightline was closed
        } else if (outcome == TokenRefresh::Unavailable) {
            // Signed in still (the refresh token is kept), but offline: the
            // syncs go on trying and renew the token once they get through.
            Q_EMIT statusChanged(tr("Signed in to %1, but the sign-in service cannot be reached: your edits stay "
                                    "queued until it can.").arg(m_settings.environment.host()));
            m_runner->syncNow();
        } else {
            Q_EMIT statusChanged(tr("Not signed in to %1: Sync > Connect to asset store.").arg(m_settings.environment.host()));
        }
    });
}

void SyncActions::keepTokens(const TokenSet *tokens)
{
    ensureTransport();
    // A sync still running relays to the tokens replaced here: it ends first.
    m_runner->cancel();
    m_runner->setConnection({}, nullptr);
    m_relay.reset();
    m_tokens = std::make_unique<SignedInTokenSource>(*m_transport, *m_clock, *m_secrets, m_settings);
    m_relay = std::make_unique<TokenRelay>(*m_tokens);
    connect(m_tokens.get(), &SignedInTokenSource::signedOut, this, [this](const QString &reason) {
        m_runner->setConnection({}, nullptr);
        Q_EMIT statusChanged(reason);
    });
    connect(m_tokens.get(), &SignedInTokenSource::refreshed, this, [this] {
        m_runner->setConnection(EnvironmentUrl::webApiRoot(m_settings.environment), m_relay.get());
    });
    if (tokens) {
        m_tokens->setTokens(*tokens);
        m_runner->setConnection(EnvironmentUrl::webApiRoot(m_settings.environment), m_relay.get());
        announce();
        m_runner->syncNow(); // a new connection: bring the workspace up to date
    }
}

void SyncActions::setWorkspace(const QString &directory)
{
    m_runner->setWorkspace(directory);
    m_offline->setAsset(QString()); // an asset of the workspace before
}

void SyncActions::onSyncFinished(const SyncSummary &summary)
{
    if (summary.signInNeeded) {
        Q_EMIT statusChanged(tr("The asset store refused the sign-in: your edits stay queued. Sign in again "
                                "(Sync > Connect to asset store)."));
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Sign in again"),
                                    tr("The asset store no longer accepts your sign-in. Your edits stay queued "
                                       "until you sign in again."),
                                    QMessageBox::Cancel, m_window);
        box->setObjectName(QStringLiteral("signInAgainBox"));
        QPushButton *signIn = box->addButton(tr("Sign in…"), QMessageBox::AcceptRole);
        connect(signIn, &QPushButton::clicked, this, [this] { showConnect(); });
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // window-modal, does not block: the status bar keeps updating
        return;
    }
    if (summary.unreachable)
        Q_EMIT statusChanged(tr("The asset store cannot be reached: your edits stay queued."));
    else if (summary.cancelled)
        Q_EMIT statusChanged(tr("Sync cancelled: %1").arg(summary.line()));
    else if (!summary.errors.isEmpty())
        Q_EMIT statusChanged(tr("Sync failed: %1").arg(summary.errors.first()));
    // A sync that went well says so in the sync status (its tooltip has the
    // summary): no message every few minutes over the workspace's path.
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
