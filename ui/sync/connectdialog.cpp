#include "sync/connectdialog.h"

#include "remote/clock.h"
#include "signin/devicecodesignin.h"
#include "signin/environmenturl.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace sl {

ConnectDialog::ConnectDialog(HttpTransport &transport, Clock &clock, SignInSettings settings, QWidget *parent)
    : QDialog(parent), m_transport(transport), m_clock(clock), m_settings(std::move(settings))
{
    setWindowTitle(tr("Connect to the asset store"));
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_environment = new QLineEdit(m_settings.environment.toString(), this);
    m_environment->setPlaceholderText(QStringLiteral("https://contoso.crm.dynamics.com"));
    form->addRow(tr("&Environment:"), m_environment);
    m_environmentProblem = new QLabel(this);
    m_environmentProblem->setWordWrap(true);
    form->addRow(QString(), m_environmentProblem);
    layout->addLayout(form);

    // The sign-in service, hidden until asked for: most people keep the defaults.
    auto *serviceToggle = new QToolButton(this);
    serviceToggle->setText(tr("Sign-in service"));
    serviceToggle->setCheckable(true);
    serviceToggle->setArrowType(Qt::RightArrow);
    serviceToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    serviceToggle->setAutoRaise(true);
    layout->addWidget(serviceToggle);
    m_service = new QWidget(this);
    auto *serviceForm = new QFormLayout(m_service);
    serviceForm->setContentsMargins(0, 0, 0, 0);
    m_authority = new QLineEdit(m_settings.authority.toString(), m_service);
    m_clientId = new QLineEdit(m_settings.clientId, m_service);
    serviceForm->addRow(tr("Authority:"), m_authority);
    serviceForm->addRow(tr("Client ID:"), m_clientId);
    m_service->hide();
    connect(serviceToggle, &QToolButton::toggled, this, [this, serviceToggle](bool shown) {
        serviceToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        m_service->setVisible(shown);
    });
    layout->addWidget(m_service);

    m_signIn = new QPushButton(tr("&Sign in"), this);
    m_signIn->setDefault(true);
    layout->addWidget(m_signIn, 0, Qt::AlignLeft);

    m_codePanel = new QWidget(this);
    auto *codeLayout = new QVBoxLayout(m_codePanel);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    m_link = new QLabel(m_codePanel);
    m_link->setOpenExternalLinks(true);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_link->setWordWrap(true);
    codeLayout->addWidget(m_link);
    auto *codeRow = new QHBoxLayout;
    m_code = new QLineEdit(m_codePanel);
    m_code->setReadOnly(true); // selectable, not editable
    m_code->setAlignment(Qt::AlignCenter);
    QFont big = m_code->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    big.setLetterSpacing(QFont::AbsoluteSpacing, 3);
    m_code->setFont(big);
    m_code->setAccessibleName(tr("Code to enter"));
    codeRow->addWidget(m_code, 1);
    m_copy = new QPushButton(tr("&Copy"), m_codePanel);
    codeRow->addWidget(m_copy);
    codeLayout->addLayout(codeRow);
    m_countdown = new QLabel(m_codePanel);
    codeLayout->addWidget(m_countdown);
    m_codePanel->hide();
    layout->addWidget(m_codePanel);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ConnectDialog::updateCountdown);
    connect(m_signIn, &QPushButton::clicked, this, &ConnectDialog::startSignIn);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_code->text()); });
    connect(m_environment, &QLineEdit::textChanged, this, &ConnectDialog::validateEnvironment);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_flow) {
            cancelSignIn();
            m_status->setText(tr("Sign-in cancelled."));
        } else {
            reject();
        }
    });
    validateEnvironment();
    resize(560, sizeHint().height());
}

ConnectDialog::~ConnectDialog() = default;

QString ConnectDialog::userCode() const { return m_code->text(); }
QString ConnectDialog::statusText() const { return m_status->text(); }
QString ConnectDialog::countdownText() const { return m_countdown->text(); }

void ConnectDialog::validateEnvironment()
{
    QString error;
    const bool ok = m_environment->text().trimmed().isEmpty() || EnvironmentUrl::check(m_environment->text(), &error);
    m_environmentProblem->setText(ok ? QString() : error);
    m_environmentProblem->setVisible(!ok);
    m_signIn->setEnabled(!m_flow && EnvironmentUrl::check(m_environment->text(), &error).has_value());
}

void ConnectDialog::startSignIn()
{
    QString error;
    const std::optional<QUrl> environment = EnvironmentUrl::check(m_environment->text(), &error);
    const QUrl authority(m_authority->text().trimmed(), QUrl::StrictMode);
    if (!environment)
        return m_status->setText(error);
    if (!authority.isValid() || (authority.scheme() != QLatin1String("https") && authority.scheme() != QLatin1String("http")))
        return m_status->setText(tr("The sign-in service's authority is not a web address."));
    if (m_clientId->text().trimmed().isEmpty())
        return m_status->setText(tr("Enter the client ID Sightline is registered under."));
    m_settings.environment = *environment;
    m_settings.authority = authority;
    m_settings.clientId = m_clientId->text().trimmed();

    m_flow = std::make_unique<DeviceCodeSignIn>(m_transport, m_clock, m_settings);
    connect(m_flow.get(), &DeviceCodeSignIn::codeReady, this, &ConnectDialog::showCode);
    connect(m_flow.get(), &DeviceCodeSignIn::succeeded, this, &ConnectDialog::onSucceeded);
    connect(m_flow.get(), &DeviceCodeSignIn::failed, this, &ConnectDialog::onFailed);
    setWaiting(true);
    m_status->setText(tr("Asking %1 for a code…").arg(authority.host()));
    m_flow->start();
}

void ConnectDialog::cancelSignIn()
{
    if (m_flow) {
        m_flow->cancel();
        m_flow.release()->deleteLater(); // may be inside one of its signals
    }
    m_tick->stop();
    m_codePanel->hide();
    setWaiting(false);
}

void ConnectDialog::showCode(const DeviceCode &code)
{
    const QString link = code.verificationUri.toString();
    m_link->setText(tr("Open <a href=\"%1\">%2</a> in a browser, sign in, and enter this code:")
                        .arg(link.toHtmlEscaped(), link.toHtmlEscaped()));
    m_code->setText(code.userCode);
    m_code->selectAll();
    m_codePanel->show();
    m_status->setText(tr("Waiting for the sign-in to be approved…"));
    updateCountdown();
    m_tick->start();
}

void ConnectDialog::updateCountdown()
{
    if (!m_flow || m_flow->expiresAtMs() == 0)
        return;
    const qint64 leftSeconds = qMax<qint64>(0, (m_flow->expiresAtMs() - m_clock.nowMs() + 999) / 1000);
    m_countdown->setText(tr("The code expires in %1:%2.").arg(leftSeconds / 60).arg(leftSeconds % 60, 2, 10, QLatin1Char('0')));
}

void ConnectDialog::onSucceeded(const TokenSet &tokens)
{
    const QString account = SignInAnswers::accountOf(tokens.accessToken);
    cancelSignIn();
    m_status->setText(account.isEmpty() ? tr("Signed in to %1.").arg(m_settings.environment.host())
                                        : tr("Signed in as %1 to %2.").arg(account, m_settings.environment.host()));
    m_cancel->setText(tr("Close"));
    Q_EMIT signedIn(m_settings, tokens, account);
}

void ConnectDialog::onFailed(const QString &reason)
{
    cancelSignIn();
    m_status->setText(reason);
}

void ConnectDialog::setWaiting(bool waiting)
{
    m_environment->setEnabled(!waiting);
    m_service->setEnabled(!waiting);
    m_signIn->setEnabled(!waiting);
    if (!waiting)
        validateEnvironment();
}

} // namespace sl
