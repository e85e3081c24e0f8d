#include "signin/keychainsecretstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace sl;

// Where no keychain service runs (this headless test has no session bus),
// the keychain store says so once, does not crash, and keeps the secret in
// memory for this run.
class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // No D-Bus session: QtKeychain's Secret Service backend answers an error.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sightline-test-bus");
    }

    void withoutAKeychainKeepsTheSecretInMemory()
    {
        KeychainSecretStore store(QStringLiteral("Sightline test"));
        QSignalSpy unavailable(&store, &KeychainSecretStore::unavailable);
        store.write(QStringLiteral("k"), "secret-1");
        QVERIFY(unavailable.wait(10'000));
        QVERIFY2(unavailable.first().first().toString().startsWith(QLatin1String("No keychain: you will sign in again next time")),
                 qPrintable(unavailable.first().first().toString()));
        QVERIFY(!store.isAvailable());

        std::optional<QByteArray> read;
        store.read(QStringLiteral("k"), [&](std::optional<QByteArray> secret) { read = secret; });
        QCOMPARE(read, std::optional<QByteArray>("secret-1"));

        store.write(QStringLiteral("k"), "secret-2"); // said once only
        store.remove(QStringLiteral("other"));
        QTest::qWait(50);
        QCOMPARE(unavailable.count(), 1);
        store.read(QStringLiteral("k"), [&](std::optional<QByteArray> secret) { read = secret; });
        QCOMPARE(read, std::optional<QByteArray>("secret-2"));
        store.remove(QStringLiteral("k"));
        store.read(QStringLiteral("k"), [&](std::optional<QByteArray> secret) { read = secret; });
        QCOMPARE(read, std::nullopt);
    }

    void memoryStoreReadsWhatWasWritten()
    {
        MemorySecretStore store;
        std::optional<QByteArray> read = "x";
        store.read(QStringLiteral("k"), [&](std::optional<QByteArray> secret) { read = secret; });
        QCOMPARE(read, std::nullopt);
        store.write(QStringLiteral("k"), "s");
        store.read(QStringLiteral("k"), [&](std::optional<QByteArray> secret) { read = secret; });
        QCOMPARE(read, std::optional<QByteArray>("s"));
    }
};

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
