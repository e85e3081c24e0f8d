#include "sync/syncstatuswidget.h"

#include "store/storeworker.h"
#include "sync/syncactions.h"
#include "sync/syncrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace sl {

namespace {

constexpr int kTickMs = 30'000; // how often "n min ago" is written again
constexpr int kRetryMs = 2'000; // after a count that could not be read
constexpr int kMaxRetries = 5;  // in a row; the next change counts again

QToolButton *flatButton(QWidget *parent, const QString &name)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QLabel *label(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    return label;
}

} // namespace

SyncStatusWidget::SyncStatusWidget(StoreWorker &store, SyncActions &actions, QWidget *parent)
    : QWidget(parent), m_store(store), m_actions(actions)
{
    setObjectName(QStringLiteral("syncStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progressLabel = label(this, QStringLiteral("syncProgressLabel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgressBar"));
    m_progress->setRange(0, 0); // rows to come are unknown while pulling
    m_progress->setMaximumWidth(90);
    m_progress->setTextVisible(false);
    m_cancel = flatButton(this, QStringLiteral("syncCancelButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the sync; what was applied stays, the edits not sent stay queued"));
    m_busy = label(this, QStringLiteral("syncBusyLabel"));
    m_busy->setText(tr("Store busy"));
    m_busy->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: bold;"));
    m_offline = flatButton(this, QStringLiteral("syncOfflineBadge"));
    m_offline->setStyleSheet(QStringLiteral("QToolButton { color: white; background: #a33; border-radius: 3px; "
                                            "padding: 0 6px; font-weight: bold; }"));
    m_conflicts = flatButton(this, QStringLiteral("syncConflictsButton"));
    m_conflicts->setStyleSheet(QStringLiteral("QToolButton { color: #a33; font-weight: bold; }"));
    m_conflicts->setToolTip(tr("Edits changed here and on the asset store: choose which to keep"));
    m_pending = label(this, QStringLiteral("syncPendingLabel"));
    m_lastSync = label(this, QStringLiteral("syncLastLabel"));
    for (QWidget *widget : std::initializer_list<QWidget *>{m_progressLabel, m_progress, m_cancel, m_busy, m_offline,
                                                            m_conflicts, m_pending, m_lastSync})
        layout->addWidget(widget);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_progressLabel, m_progress, m_cancel, m_busy, m_conflicts})
        widget->hide();

    SyncRunner &runner = *m_actions.runner();
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_actions.runner()->cancel();
        // A page being applied is finished first; requests on the wire are cut off.
        m_cancel->setEnabled(false);
        m_progressLabel->setText(tr("Stopping…"));
    });
    connect(m_conflicts, &QToolButton::clicked, &m_actions, [this] { m_actions.showConflicts(); });
    connect(m_offline, &QToolButton::clicked, &m_actions, [this] {
        if (!m_actions.runner()->isConnected() || m_signInNeeded)
            m_actions.showConnect();
        else
            m_actions.runner()->syncNow();
    });
    connect(&runner, &SyncRunner::started, this, [this] {
        m_cancel->setEnabled(true);
        showProgress({});
    });
    connect(&runner, &SyncRunner::progress, this, &SyncStatusWidget::showProgress);
    connect(&runner, &SyncRunner::storeBusy, this, &SyncStatusWidget::showStoreBusy);
    connect(&runner, &SyncRunner::reachabilityChanged, this, [this](bool reachable) {
        m_reachable = reachable;
        updateOffline();
    });
    connect(&runner, &SyncRunner::connectionChanged, this, [this](bool connected) {
        if (connected)
            m_signInNeeded = false;
        updateOffline();
    });
    connect(&runner, &SyncRunner::finished, this, &SyncStatusWidget::onFinished);
    connect(&m_store, &StoreWorker::changed, this, &SyncStatusWidget::recount);
    connect(&m_store, &StoreWorker::opened, this, &SyncStatusWidget::recount);

    m_busyEnds.setSingleShot(true);
    connect(&m_busyEnds, &QTimer::timeout, m_busy, &QWidget::hide);
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &SyncStatusWidget::updateLastSync);
    m_ticker.start();
    showCounts({});
    updateOffline();
}

void SyncStatusWidget::recount()
{
    const quint64 generation = ++m_generation;
    m_store.post<SyncStatusCounts>(
        this, [](Workspace &workspace) { return SyncStatusCounts::read(workspace.database()); },
        [this, generation](StoreResult<SyncStatusCounts> result) {
            if (generation != m_generation)
                return; // overtaken by a newer count
            if (!result.value) {
                // No workspace (nothing to show), or the read failed (e.g. the
                // file busy with another program's write): try again shortly.
                if (!m_store.directory().isEmpty() && ++m_retries <= kMaxRetries)
                    QTimer::singleShot(kRetryMs, this, [this, generation] {
                        if (generation == m_generation)
                            recount();
                    });
                return;
            }
            m_retries = 0;
            showCounts(*result.value);
            Q_EMIT countsShown();
        });
}

void SyncStatusWidget::showCounts(const SyncStatusCounts &counts)
{
    m_counts = counts;
    m_pending->setText(pendingText());
    m_pending->setToolTip(tr("Edits made here that the asset store does not have yet"));
    m_conflicts->setText(tr("Conflicts: %1").arg(counts.conflicts));
    m_conflicts->setVisible(counts.conflicts > 0);
    updateLastSync();
}

QString SyncStatusWidget::pendingText() const
{
    return m_counts.pending() == 0 ? tr("No edits pending") : tr("Edits pending: %1").arg(m_counts.pending());
}

QString SyncStatusWidget::lastSyncText() const { return m_lastSync->text(); }

QString SyncStatusWidget::lastSyncToolTip() const { return m_lastSync->toolTip(); }

QString SyncStatusWidget::offlineText() const { return m_offline->isVisibleTo(this) ? m_offline->text() : QString(); }

QString SyncStatusWidget::progressText() const
{
    return m_progressLabel->isVisibleTo(this) ? m_progressLabel->text() : QString();
}

bool SyncStatusWidget::isStoreBusyShown() const { return m_busy->isVisibleTo(this); }

void SyncStatusWidget::showProgress(const SyncProgress &progress)
{
    if (!m_cancel->isEnabled() && progress.phase != SyncProgress::Phase::Done)
        return; // stopping: keep saying so
    const bool running = progress.phase != SyncProgress::Phase::Done;
    QString text;
    if (progress.phase == SyncProgress::Phase::Pushing)
        text = progress.total > 0 ? tr("Sending edits: %1 of %2").arg(progress.done).arg(progress.total)
                                  : tr("Syncing…");
    else if (progress.phase == SyncProgress::Phase::Pulling)
        text = tr("Receiving %1 (%2 so far)").arg(progress.entitySet).arg(progress.done);
    m_progressLabel->setText(text);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_progressLabel, m_progress, m_cancel})
        widget->setVisible(running);
    if (progress.phase == SyncProgress::Phase::Pulling)
        m_busy->hide(); // answers arrive again
}

void SyncStatusWidget::showStoreBusy(int seconds)
{
    m_busy->setToolTip(tr("The asset store asked to wait %1 s (too many requests)").arg(seconds));
    m_busy->show();
    m_busyEnds.start(qMax(1, seconds) * 1000);
}

void SyncStatusWidget::onFinished(const SyncSummary &summary)
{
    for (QWidget *widget : std::initializer_list<QWidget *>{m_progressLabel, m_progress, m_cancel, m_busy})
        widget->hide();
    m_busyEnds.stop();
    m_signInNeeded = summary.signInNeeded;
    m_reachable = !summary.unreachable;
    m_lastSummary = summary.cancelled ? tr("Last sync cancelled: %1").arg(summary.line())
                                      : tr("Last sync: %1").arg(summary.line());
    // What the user should know besides the counts (e.g. that deletions on
    // the store are not seen for a table): the first few, one a line.
    constexpr int kNoticesShown = 5;
    for (int i = 0; i < summary.notices.size() && i < kNoticesShown; ++i)
        m_lastSummary += QLatin1Char('\n') + summary.notices.at(i);
    if (summary.notices.size() > kNoticesShown)
        m_lastSummary +=
            QLatin1Char('\n') + tr("… and %n more", nullptr, int(summary.notices.size() - kNoticesShown));
    updateOffline();
    updateLastSync();
    recount();
}

void SyncStatusWidget::updateOffline()
{
    const bool connected = m_actions.runner()->isConnected();
    QString text, tip;
    if (!connected) {
        text = tr("Offline: not signed in");
        tip = tr("Sync > Connect to asset store signs in");
    } else if (m_signInNeeded) {
        text = tr("Sign in again");
        tip = tr("The asset store refused the sign-in; your edits stay queued. Click to sign in.");
    } else if (!m_reachable) {
        text = tr("Offline");
        tip = tr("The asset store cannot be reached; your edits stay queued. Click to try again.");
    }
    m_offline->setText(text);
    m_offline->setToolTip(tip);
    m_offline->setVisible(!text.isEmpty());
}

void SyncStatusWidget::updateLastSync()
{
    QDateTime last = m_actions.runner()->lastSuccessAt();
    if (m_counts.lastPulledAt.isValid() && (!last.isValid() || m_counts.lastPulledAt > last))
        last = m_counts.lastPulledAt;
    QString text;
    if (!last.isValid()) {
        text = tr("Never synced");
    } else {
        const qint64 minutes = last.secsTo(QDateTime::currentDateTimeUtc()) / 60;
        if (minutes < 1)
            text = tr("Synced just now");
        else if (minutes < 60)
            text = tr("Synced %n min ago", nullptr, int(minutes));
        else if (last.toLocalTime().date() == QDate::currentDate())
            text = tr("Synced at %1").arg(QLocale().toString(last.toLocalTime().time(), QLocale::ShortFormat));
        else
            text = tr("Synced on %1").arg(QLocale().toString(last.toLocalTime().date(), QLocale::ShortFormat));
    }
    m_lastSync->setText(text);
    QStringList tip;
    if (last.isValid())
        tip.append(QLocale().toString(last.toLocalTime(), QLocale::LongFormat));
    if (!m_lastSummary.isEmpty())
        tip.append(m_lastSummary);
    m_lastSync->setToolTip(tip.join(QLatin1Char('\n')));
}

} // namespace sl
