#pragma once

#include "remote/clock.h"
#include "remote/httptransport.h"
#include "signin/signinanswers.h"
#include "signin/signinsettings.h"

#include <QObject>

namespace sl {

// One device-code sign-in (OAuth 2.0 device authorization grant, RFC 8628):
// asks the authority for a code, then polls /token at the interval it gave
// (slow_down adds 5 s) on the Clock until the user approved, declined, or
// the code ran out. Form-encoded POSTs; no token ever reaches a log.
class DeviceCodeSignIn : public QObject
{
    Q_OBJECT

public:
    DeviceCodeSignIn(HttpTransport &transport, Clock &clock, SignInSettings settings, QObject *parent = nullptr);
    ~DeviceCodeSignIn() override;

    // Starts (once): codeReady(), then succeeded() or failed().
    void start();
    // Stops polling; neither succeeded() nor failed() follows.
    void cancel();

    // When the code runs out, on the Clock's scale (ms); 0 before codeReady().
    qint64 expiresAtMs() const { return m_expiresAtMs; }

Q_SIGNALS:
    void codeReady(const sl::DeviceCode &code);
    void succeeded(const sl::TokenSet &tokens);
    // One line for the user, e.g. "The sign-in was declined."
    void failed(const QString &reason);

private:
    void onDeviceCode(const HttpResponse &response);
    void poll();
    void onToken(const HttpResponse &response);
    void schedulePoll();
    void fail(const QString &reason);

    HttpTransport &m_transport;
    Clock &m_clock;
    SignInSettings m_settings;
    DeviceCode m_code;
    qint64 m_expiresAtMs = 0;
    int m_intervalSeconds = 5;
    HttpTransport::RequestId m_sending = 0;
    Clock::TimerId m_waiting = 0;
    bool m_done = false;
};

// The form-encoded POST both sign-in endpoints take.
HttpRequest signInFormPost(const QUrl &url, const QList<QPair<QString, QString>> &fields);

} // namespace sl
