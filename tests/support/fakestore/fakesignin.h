#pragma once

#include "fakeresponse.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

class QHttpServerRequest;

namespace sl::test {

class FakeDataverse;

// The sign-in endpoints of Microsoft Entra ID as the device code flow uses
// them (RFC 8628), served by the fake store on its port under
// /organizations/oauth2/v2.0: /devicecode, /token (device code and refresh
// token grants). The store then takes the access tokens it issued.
// Switches say how the "user" behaves. /devicelogin?approve=1 approves the
// waiting code by hand (sightline-fakestore prints the link).
class FakeSignIn
{
public:
    struct Switches
    {
        int approveAfterPolls = -1; // approve at this poll (1 = the first); -1: only by hand
        bool decline = false;       // the user declines (at the first poll)
        bool expireCode = false;    // the code has expired (at the first poll)
        int slowDownPolls = 0;      // the first N polls answer slow_down
        bool refreshRevoked = false; // every refresh token is refused (invalid_grant)
        // Every refresh is answered with this status and body instead (a
        // server failure, a captive portal's page); 0: answered as usual.
        int refreshFailStatus = 0;
        QByteArray refreshFailBody;
        int intervalSeconds = 5;
        int codeLifeSeconds = 900;
        int tokenLifeSeconds = 3600;
    };

    // Registers the endpoints on `server`.
    explicit FakeSignIn(FakeDataverse &server);

    // http://127.0.0.1:<port>/organizations/oauth2/v2.0
    QUrl authority() const;
    // The link a person opens to approve the waiting code.
    QUrl approveLink() const;

    Switches &switches() { return m_switches; }
    void approve() { m_approved = true; }

    QString userCode() const { return m_userCode; }
    int polls() const { return m_polls; }
    int refreshes() const { return m_refreshes; }
    QByteArray lastAccessToken() const { return m_accessToken; }
    QByteArray lastRefreshToken() const { return m_refreshToken; }
    // Called with each new user code (sightline-fakestore prints it).
    std::function<void(const QString &userCode)> onCodeIssued;

private:
    FakeResponse answer(const QHttpServerRequest &request);
    FakeResponse deviceCode(const QUrlQuery &form);
    FakeResponse token(const QUrlQuery &form);
    FakeResponse tokens();

    FakeDataverse &m_server;
    Switches m_switches;
    QString m_userCode;
    QByteArray m_deviceCode;
    bool m_approved = false;
    int m_polls = 0;
    int m_refreshes = 0;
    int m_issued = 0;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
};

} // namespace sl::test
