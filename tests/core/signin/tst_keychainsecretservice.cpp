#include "signin/keychainsecretstore.h"

#include "secretservicesession.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace sl;
using namespace sl::test;

// KeychainSecretStore against a real Secret Service (gnome-keyring on a
// private session bus): what it writes is kept by the service, where a new
// store (and libsecret's own secret-tool) finds it, and in no file but the
// keyring's encrypted one.
class tst_KeychainSecretService : public QObject
{
    Q_OBJECT

    const QString m_service = QStringLiteral("Sightline test");
    SecretServiceSession m_session;

    // What a NEW store reads under `key`: only the service can hand it over.
    std::optional<QByteArray> readWithNewStore(const QString &key, bool *answered)
    {
        KeychainSecretStore store(m_service);
        QSignalSpy unavailable(&store, &KeychainSecretStore::unavailable);
        std::optional<QByteArray> read;
        *answered = false;
        store.read(key, [&](std::optional<QByteArray> secret) {
            read = std::move(secret);
            *answered = true;
        });
        *answered = QTest::qWaitFor([&] { return *answered; }, 10'000) && unavailable.isEmpty();
        return read;
    }

    // Writes with a store of its own and waits for the service's answer.
    bool writeAndWait(const QString &key, const QByteArray &secret)
    {
        KeychainSecretStore store(m_service);
        QSignalSpy unavailable(&store, &KeychainSecretStore::unavailable);
        QSignalSpy written(&store, &KeychainSecretStore::written);
        store.write(key, secret);
        // The signal may come before write() returns.
        return QTest::qWaitFor([&] { return !written.isEmpty(); }, 10'000) && written.first().first().toBool()
               && unavailable.isEmpty() && store.isAvailable();
    }

    static QByteArray uniqueSecret() { return "secret-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_session.start(&error))
            QSKIP(qPrintable(QStringLiteral("no Secret Service can run here: ") + error));
    }

    void cleanupTestCase()
    {
        const QStringList left = m_session.stop(); // none left behind
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void aNewStoreReadsWhatWasWritten()
    {
        const QByteArray secret = uniqueSecret();
        KeychainSecretStore store(m_service);
        QSignalSpy unavailable(&store, &KeychainSecretStore::unavailable);
        QSignalSpy written(&store, &KeychainSecretStore::written);
        store.write(QStringLiteral("refresh/a"), secret);
        QTRY_VERIFY_WITH_TIMEOUT(!written.isEmpty(), 10'000);
        QCOMPARE(written.first().first().toBool(), true); // kept by the keychain, not only in memory
        QVERIFY(store.isAvailable());

        bool answered = false;
        QCOMPARE(readWithNewStore(QStringLiteral("refresh/a"), &answered), std::optional<QByteArray>(secret));
        QVERIFY(answered);
        QCOMPARE(unavailable.count(), 0);
    }

    void aSecretNeverWrittenReadsAsNone()
    {
        bool answered = false;
        QCOMPARE(readWithNewStore(QStringLiteral("refresh/never"), &answered), std::nullopt);
        QVERIFY(answered);
    }

    void anOverwriteReplacesTheSecret()
    {
        const QByteArray first = uniqueSecret();
        const QByteArray second = uniqueSecret();
        QVERIFY(writeAndWait(QStringLiteral("refresh/b"), first));
        QVERIFY(writeAndWait(QStringLiteral("refresh/b"), second));
        bool answered = false;
        QCOMPARE(readWithNewStore(QStringLiteral("refresh/b"), &answered), std::optional<QByteArray>(second));
        QVERIFY(answered);
        // One item, not two: the service replaced it.
        QString error;
        QCOMPARE(m_session.itemPaths({{"server", m_service}, {"user", "refresh/b"}}, &error).size(), 1);
    }

    void aRemovedSecretIsGone()
    {
        const QByteArray secret = uniqueSecret();
        QVERIFY(writeAndWait(QStringLiteral("refresh/c"), secret));
        KeychainSecretStore store(m_service);
        QSignalSpy unavailable(&store, &KeychainSecretStore::unavailable);
        QSignalSpy removed(&store, &KeychainSecretStore::removed);
        store.remove(QStringLiteral("refresh/c"));
        QTRY_VERIFY_WITH_TIMEOUT(!removed.isEmpty(), 10'000);
        QCOMPARE(unavailable.count(), 0);
        bool answered = false;
        QCOMPARE(readWithNewStore(QStringLiteral("refresh/c"), &answered), std::nullopt);
        QVERIFY(answered);
        QString error;
        QCOMPARE(m_session.itemPaths({{"server", m_service}, {"user", "refresh/c"}}, &error), QStringList());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const CliRun lookup = m_session.secretTool({"lookup", "server", m_service, "user", "refresh/c"});
        QCOMPARE(lookup.exitCode, 1); // nothing found
        QVERIFY(lookup.out.isEmpty());
    }

    // libsecret's own client finds the item under QtKeychain's attributes
    // (server = the store's service, user = the key), with the secret, in
    // the default collection.
    void secretToolFindsItInTheKeyring()
    {
        const QByteArray secret = uniqueSecret();
        QVERIFY(writeAndWait(QStringLiteral("refresh/d"), secret));
        const CliRun search = m_session.secretTool({"search", "--all", "server", m_service, "user", "refresh/d"});
        QCOMPARE(search.exitCode, 0);
        // secret-tool prints the secret on stdout and the attributes on stderr.
        QVERIFY2(search.out.contains(QLatin1String("schema = org.qt.keychain")), qPrintable(search.out));
        QVERIFY2(search.err.contains(QLatin1String("attribute.server = ") + m_service), qPrintable(search.err));
        // Binary data is kept base64-encoded, and the item says so.
        QVERIFY2(search.err.contains(QLatin1String("attribute.type = base64")), qPrintable(search.err));
        QVERIFY2(search.out.contains(QLatin1String("secret = ") + QString::fromLatin1(secret.toBase64())),
                 qPrintable(search.out));
        const CliRun lookup = m_session.secretTool({"lookup", "server", m_service, "user", "refresh/d"});
        QCOMPARE(lookup.exitCode, 0);
        QCOMPARE(QByteArray::fromBase64(lookup.out.trimmed().toLatin1()), secret);

        QString error;
        const QString collection = m_session.defaultCollection(&error);
        QVERIFY2(collection.endsWith(QLatin1String("/collection/login")), qPrintable(collection + error));
        const QStringList items = m_session.itemPaths({{"server", m_service}, {"user", "refresh/d"}}, &error);
        QCOMPARE(items.size(), 1);
        QVERIFY2(items.first().startsWith(collection + QLatin1Char('/')), qPrintable(items.first()));
    }

    // The plain secret (or its base64) is in no file of the session's HOME,
    // XDG and runtime folders: the keyring's own file is encrypted.
    void theSecretIsInNoFile()
    {
        const QByteArray secret = uniqueSecret();
        QVERIFY(writeAndWait(QStringLiteral("refresh/e"), secret));
        const QByteArrayList forms = {secret, secret.toBase64()};
        QVERIFY(QFile::exists(m_session.keyringsPath() + QStringLiteral("/login.keyring")));
        QVERIFY(QFile(m_session.keyringsPath() + QStringLiteral("/login.keyring")).size() > 0);
        const QStringList holding = filesHolding(m_session.rootPath(), forms);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char(' '))));

        // The scan itself finds a file that holds the secret.
        QFile probe(m_session.rootPath() + QStringLiteral("/home/probe"));
        QVERIFY(probe.open(QIODevice::WriteOnly));
        probe.write("x" + secret.toBase64() + "x");
        probe.close();
        QCOMPARE(filesHolding(m_session.rootPath(), forms), QStringList{probe.fileName()});
        probe.remove();
    }

    // Last: the collection stays locked for the rest of this session (an
    // unlock needs a prompt, and none can show here).
    void aLockedKeyringKeepsNothingNewAndHandsNothingOver()
    {
        const QByteArray kept = uniqueSecret();
        QVERIFY(writeAndWait(QStringLiteral("refresh/locked"), kept));
        QString error;
        QVERIFY2(m_session.lockDefaultCollection(&error), qPrintable(error));

        // The item is still there, locked.
        const QStringList items = m_session.itemPaths({{"server", m_service}, {"user", "refresh/locked"}}, &error);
        QCOMPARE(items.size(), 1);

        // Reading it would need the unlock prompt; with none shown, QtKeychain's
        // libsecret backend answers "not found", promptly: the store cannot
        // tell a locked keyring from no sign-in (a user who dismisses the
        // prompt gets the same).
        bool answered = false;
        QCOMPARE(readWithNewStore(QStringLiteral("refresh/locked"), &answered), std::nullopt);
        QVERIFY(answered);

        // A write is refused by the service: said once, not kept, and no file
        // takes it instead.
        const QByteArray refused = uniqueSecret();
        KeychainSecretStore store(m_service);
        QSignalSpy unavailable(&store, &KeychainSecretStore::unavailable);
        QSignalSpy written(&store, &KeychainSecretStore::written);
        store.write(QStringLiteral("refresh/new"), refused);
        QTRY_VERIFY_WITH_TIMEOUT(!written.isEmpty(), 10'000);
        QCOMPARE(written.first().first().toBool(), false);
        QCOMPARE(unavailable.count(), 1);
        // The service's own reason, and that it is a refusal, not a missing keychain.
        QVERIFY2(unavailable.first().first().toString().startsWith(
                     QLatin1String("The keychain refused access (is it locked?): you will sign in again next time (")),
                 qPrintable(unavailable.first().first().toString()));
        QVERIFY2(unavailable.first().first().toString().contains(QLatin1String("locked collection")),
                 qPrintable(unavailable.first().first().toString()));
        QVERIFY(!store.isAvailable());
        QVERIFY(store.wasRefused());
        QCOMPARE(m_session.itemPaths({{"server", m_service}, {"user", "refresh/new"}}, &error), QStringList());
        const QStringList holding = filesHolding(m_session.rootPath(), {refused, refused.toBase64()});
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char(' '))));

        // A removal, which QtKeychain answers as done, is found refused (a
        // write to the same key is), said once, and the item stays.
        KeychainSecretStore remover(m_service);
        QSignalSpy removerUnavailable(&remover, &KeychainSecretStore::unavailable);
        QSignalSpy removed(&remover, &KeychainSecretStore::removed);
        remover.remove(QStringLiteral("refresh/locked"));
        QTRY_VERIFY_WITH_TIMEOUT(!removed.isEmpty(), 10'000);
        QCOMPARE(removerUnavailable.count(), 1);
        QVERIFY(remover.wasRefused());
        QCOMPARE(m_session.itemPaths({{"server", m_service}, {"user", "refresh/locked"}}, &error).size(), 1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_KeychainSecretService)
#include "tst_keychainsecretservice.moc"
