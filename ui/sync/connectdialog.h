#pragma once

#include "signin/signinanswers.h"
#include "signin/signinsettings.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace sl {

class Clock;
class DeviceCodeSignIn;
class HttpTransport;

// Connects Sightline to an asset store environment: the environment's
// address (checked by EnvironmentUrl), Sign in, then the device code shown
// large and selectable with a Copy button, the link to enter it at and the
// time left; on success, who signed in to which environment. The sign-in
// service (authority, client id) can be changed under "Sign-in service".
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectDialog(HttpTransport &transport, Clock &clock, SignInSettings settings, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // The settings the last sign-in used (environment, authority, client).
    SignInSettings settings() const { return m_settings; }

    // For tests and screenshots.
    QLineEdit *environmentEdit() const { return m_environment; }
    QPushButton *signInButton() const { return m_signIn; }
    QString userCode() const;
    QString statusText() const;
    QString countdownText() const;

Q_SIGNALS:
    // Signed in: the caller keeps the tokens (SignedInTokenSource).
    void signedIn(const sl::SignInSettings &settings, const sl::TokenSet &tokens, const QString &account);

private:
    void startSignIn();
    void cancelSignIn();
    void showCode(const DeviceCode &code);
    void onSucceeded(const TokenSet &tokens);
    void onFailed(const QString &reason);
    void updateCountdown();
    void validateEnvironment();
    void setWaiting(bool waiting);

    HttpTransport &m_transport;
    Clock &m_clock;
    SignInSettings m_settings;
    std::unique_ptr<DeviceCodeSignIn> m_flow;

    QLineEdit *m_environment = nullptr;
    QLabel *m_environmentProblem = nullptr;
    QWidget *m_service = nullptr; // authority and client id
    QLineEdit *m_authority = nullptr;
    QLineEdit *m_clientId = nullptr;
    QPushButton *m_signIn = nullptr;
    QWidget *m_codePanel = nullptr;
    QLabel *m_link = nullptr;
    QLineEdit *m_code = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_countdown = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer *m_tick = nullptr; // repaints the countdown; the time itself comes from the Clock
};

} // namespace sl
