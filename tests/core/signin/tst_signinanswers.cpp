#include "signin/signinanswers.h"
#include "signin/signinlimits.h"

#include <QTest>

using namespace sl;

Q_DECLARE_METATYPE(sl::TokenAnswer::Kind)

// The authority's answers are read whole or refused with a reason.
class tst_SignInAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deviceCode_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("userCode"); // empty: refused
        QTest::addColumn<QString>("errorPart");

        const QByteArray good = "{\"device_code\":\"D\",\"user_code\":\"ABCD-EFGH\",\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":5}";
        QTest::newRow("good") << 200 << good << "ABCD-EFGH" << "";
        QTest::newRow("quoted numbers") << 200
            << QByteArray("{\"device_code\":\"D\",\"user_code\":\"C\",\"verification_url\":\"https://x.example/d\",\"expires_in\":\"900\",\"interval\":\"5\"}")
            << "C" << "";
        QTest::newRow("not json") << 200 << QByteArray("<html>gateway</html>") << "" << "not a JSON object";
        QTest::newRow("html error page") << 404 << QByteArray("<html>Not Found</html>") << "" << "answered 404, not JSON";
        QTest::newRow("array") << 200 << QByteArray("[1,2]") << "" << "not a JSON object";
        QTest::newRow("no user code") << 200
            << QByteArray("{\"device_code\":\"D\",\"verification_uri\":\"https://x.example\",\"expires_in\":900}") << "" << "user_code";
        QTest::newRow("no link") << 200 << QByteArray("{\"device_code\":\"D\",\"user_code\":\"C\",\"expires_in\":900}") << "" << "verification_ur";
        QTest::newRow("no expiry") << 200
            << QByteArray("{\"device_code\":\"D\",\"user_code\":\"C\",\"verification_uri\":\"https://x.example\"}") << "" << "expires_in";
        QTest::newRow("interval 0") << 200
            << QByteArray("{\"device_code\":\"D\",\"user_code\":\"C\",\"verification_uri\":\"https://x.example\",\"expires_in\":900,\"interval\":0}")
            << "" << "interval";
        QTest::newRow("interval huge") << 200
            << QByteArray("{\"device_code\":\"D\",\"user_code\":\"C\",\"verification_uri\":\"https://x.example\",\"expires_in\":900,\"interval\":1e9}")
            << "" << "interval";
        QTest::newRow("link not web") << 200
            << QByteArray("{\"device_code\":\"D\",\"user_code\":\"C\",\"verification_uri\":\"file:///etc/passwd\",\"expires_in\":900}")
            << "" << "not a web address";
        QTest::newRow("user code too long") << 200
            << QByteArray("{\"device_code\":\"D\",\"user_code\":\"" + QByteArray(100, 'A') + "\",\"verification_uri\":\"https://x.example\",\"expires_in\":900}")
            << "" << "too long";
        QTest::newRow("too large") << 200 << QByteArray(signinlimits::kAnswerBytes + 1, ' ') << "" << "too large";
        QTest::newRow("refused") << 400
            << QByteArray("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000218: no such client\\nTrace ID: 1\"}") << ""
            << "AADSTS7000218: no such client";
    }

    void deviceCode()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, userCode);
        QFETCH(QString, errorPart);
        QString error;
        const std::optional<DeviceCode> code = SignInAnswers::readDeviceCode(status, body, &error);
        if (userCode.isEmpty()) {
            QVERIFY(!code);
            QVERIFY2(error.contains(errorPart), qPrintable(error));
            QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
        } else {
            QVERIFY2(code, qPrintable(error));
            QCOMPARE(code->userCode, userCode);
            QCOMPARE(code->intervalSeconds, 5);
            QCOMPARE(code->expiresInSeconds, 900);
        }
    }

    void token_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<TokenAnswer::Kind>("kind");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("tokens") << 200
            << QByteArray("{\"token_type\":\"Bearer\",\"access_token\":\"A\",\"refresh_token\":\"R\",\"expires_in\":3599}")
            << TokenAnswer::Kind::Tokens << "";
        QTest::newRow("no refresh token") << 200 << QByteArray("{\"token_type\":\"bearer\",\"access_token\":\"A\",\"expires_in\":3599}")
                                          << TokenAnswer::Kind::Tokens << "";
        QTest::newRow("pending") << 400 << QByteArray("{\"error\":\"authorization_pending\"}") << TokenAnswer::Kind::Pending << "";
        QTest::newRow("slow down") << 400 << QByteArray("{\"error\":\"slow_down\"}") << TokenAnswer::Kind::SlowDown << "";
        QTest::newRow("declined") << 400 << QByteArray("{\"error\":\"authorization_declined\"}") << TokenAnswer::Kind::Declined << "";
        QTest::newRow("expired") << 400 << QByteArray("{\"error\":\"expired_token\"}") << TokenAnswer::Kind::Expired << "";
        QTest::newRow("bad code") << 400 << QByteArray("{\"error\":\"bad_verification_code\"}") << TokenAnswer::Kind::BadCode << "";
        QTest::newRow("revoked") << 400 << QByteArray("{\"error\":\"invalid_grant\"}") << TokenAnswer::Kind::InvalidGrant << "";
        QTest::newRow("other error") << 401 << QByteArray("{\"error\":\"invalid_client\",\"error_description\":\"bad client\"}")
                                     << TokenAnswer::Kind::Failed << "401: bad client";
        QTest::newRow("not json") << 200 << QByteArray("{\"access_token\":") << TokenAnswer::Kind::Failed << "not a JSON object";
        QTest::newRow("gateway page") << 502 << QByteArray("<html>Bad Gateway</html>") << TokenAnswer::Kind::Failed << "answered 502, not JSON";
        QTest::newRow("no access token") << 200 << QByteArray("{\"token_type\":\"Bearer\",\"expires_in\":3599}")
                                         << TokenAnswer::Kind::Failed << "access_token";
        QTest::newRow("not bearer") << 200 << QByteArray("{\"token_type\":\"mac\",\"access_token\":\"A\",\"expires_in\":3599}")
                                    << TokenAnswer::Kind::Failed << "Bearer";
        QTest::newRow("no expiry") << 200 << QByteArray("{\"token_type\":\"Bearer\",\"access_token\":\"A\"}")
                                   << TokenAnswer::Kind::Failed << "expires_in";
        QTest::newRow("negative expiry") << 200 << QByteArray("{\"token_type\":\"Bearer\",\"access_token\":\"A\",\"expires_in\":-5}")
                                         << TokenAnswer::Kind::Failed << "expires_in";
        QTest::newRow("refresh token a number") << 200
            << QByteArray("{\"token_type\":\"Bearer\",\"access_token\":\"A\",\"refresh_token\":7,\"expires_in\":3599}")
            << TokenAnswer::Kind::Failed << "refresh_token";
    }

    void token()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(TokenAnswer::Kind, kind);
        QFETCH(QString, messagePart);
        const TokenAnswer answer = SignInAnswers::readToken(status, body);
        QCOMPARE(answer.kind, kind);
        QVERIFY2(answer.message.contains(messagePart), qPrintable(answer.message));
        if (kind == TokenAnswer::Kind::Tokens) {
            QCOMPARE(answer.tokens.accessToken, QByteArray("A"));
            QCOMPARE(answer.tokens.expiresInSeconds, 3599);
        } else {
            QVERIFY(answer.tokens.accessToken.isEmpty());
        }
    }

    void accountFromClaims()
    {
        const QByteArray claims = QByteArray("{\"upn\":\"ana@contoso.example\"}").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(SignInAnswers::accountOf("eyJhbGciOiJub25lIn0." + claims + ".sig"), QStringLiteral("ana@contoso.example"));
        QCOMPARE(SignInAnswers::accountOf("opaque-token"), QString());
    }
};

QTEST_GUILESS_MAIN(tst_SignInAnswers)
#include "tst_signinanswers.moc"
