#include "fakeclock.h"
#include "fakedataverse.h"
#include "fakesignin.h"

#include "editing/asseteditor.h"
#include "remote/curltransport.h"
#include "store/assetrepository.h"
#include "store/outboxrepository.h"
#include "store/storeworker.h"
#include "store/workspace.h"
#include "sync/conflictdialog.h"
#include "sync/connectdialog.h"
#include "sync/syncconflictrepository.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sl;
using namespace sl::test;

// The Connect dialog against the fake sign-in endpoints on loopback, and
// the conflict dialog settling conflicts mine, theirs and edited. With
// SIGHTLINE_SCREENSHOT_DIR set (run under xvfb-run), each saves the picture
// the README shows.
class tst_SyncDialogs : public QObject
{
    Q_OBJECT

    static void saveScreenshot(QWidget &widget, const char *name)
    {
        const QString dir = qEnvironmentVariable("SIGHTLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(200); // let the window manager place and paint it
        QVERIFY(widget.grab().save(QDir(dir).filePath(QString::fromLatin1(name))));
    }

    // An asset as a pull would have stored it, then edited here, then put in
    // conflict with the store's values as a push's 412 would: one
    // sync_conflicts row per field in `theirs`.
    static qint64 conflictedAsset(Workspace &workspace, const QString &name, const QString &tag, const AssetEdit &mine,
                                  const QJsonObject &theirs)
    {
        Asset asset;
        asset.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        asset.name = name;
        asset.assetTag = tag;
        workspace.assets().upsertAssets({asset});
        if (!AssetEditor(workspace.database()).update(asset.id, mine, QStringLiteral("tester")).saved())
            return 0;
        const std::vector<OutboxEntry> entries = workspace.outbox().pending(100);
        const OutboxEntry &entry = entries.back();
        std::vector<FieldConflict> fields;
        for (auto it = theirs.begin(); it != theirs.end(); ++it)
            fields.push_back({it.key(), entry.base.value(it.key()), entry.payload.value(it.key()), it.value()});
        workspace.outbox().setState(entry.seq, OutboxState::Conflict);
        SyncConflictRepository(workspace.database()).record(entry.seq, fields, QStringLiteral("W/\"900\""));
        return entry.seq;
    }

private Q_SLOTS:
    void connectShowsTheCodeAndSignsIn()
    {
        FakeDataverse server;
        FakeSignIn signIn(server);
        QVERIFY(server.start());
        signIn.switches().approveAfterPolls = 2;
        CurlTransport transport;
        FakeClock clock;
        SignInSettings settings;
        settings.authority = signIn.authority();
        ConnectDialog dialog(transport, clock, settings);
        dialog.show();
        QSignalSpy signedIn(&dialog, &ConnectDialog::signedIn);

        dialog.environmentEdit()->setText(QStringLiteral("http://contoso.crm.dynamics.com"));
        QVERIFY(!dialog.signInButton()->isEnabled()); // http only on loopback
        const QUrl environment = server.serviceRoot().resolved(QUrl(QStringLiteral("/")));
        dialog.environmentEdit()->setText(environment.toString());
        QVERIFY(dialog.signInButton()->isEnabled());
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(!dialog.userCode().isEmpty(), 10'000);
        QCOMPARE(dialog.userCode(), signIn.userCode());
        QCOMPARE(dialog.countdownText(), QStringLiteral("The code expires in 15:00."));
        for (QPushButton *button : dialog.findChildren<QPushButton *>())
            if (button->text() == QLatin1String("&Copy"))
                QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), signIn.userCode());
        saveScreenshot(dialog, "connect-dialog.png");

        QCOMPARE(clock.pendingTimers(), 1);
        clock.advance(5'000); // first poll: pending
        QTRY_COMPARE_WITH_TIMEOUT(signIn.polls(), 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(clock.pendingTimers(), 1, 10'000); // the answer came: the next poll waits
        clock.advance(5'000); // second: approved
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 10'000);
        QCOMPARE(dialog.statusText(), QStringLiteral("Signed in as reviewer@contoso.example to 127.0.0.1."));
        const auto settingsUsed = signedIn.first().at(0).value<SignInSettings>();
        QCOMPARE(settingsUsed.environment.toString(), QStringLiteral("http://127.0.0.1:%1").arg(server.serviceRoot().port()));
        QCOMPARE(signedIn.first().at(1).value<TokenSet>().accessToken, signIn.lastAccessToken());
    }

    void connectSaysWhyItFailed()
    {
        FakeDataverse server;
        FakeSignIn signIn(server);
        QVERIFY(server.start());
        signIn.switches().decline = true;
        CurlTransport transport;
        FakeClock clock;
        SignInSettings settings;
        settings.authority = signIn.authority();
        ConnectDialog dialog(transport, clock, settings);
        dialog.environmentEdit()->setText(QStringLiteral("http://127.0.0.1:9"));
        dialog.signInButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.userCode().isEmpty(), 10'000);
        QCOMPARE(clock.pendingTimers(), 1);
        clock.advance(5'000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.statusText(), QStringLiteral("The sign-in was declined."), 10'000);
        QVERIFY(dialog.signInButton()->isEnabled()); // can try again
    }

    void conflictsResolvedMineTheirsAndEdited()
    {
        QTemporaryDir dir;
        qint64 mixed = 0, theirs = 0, edited = 0;
        {
            std::unique_ptr<Workspace> workspace = Workspace::open(dir.path());
            QVERIFY(workspace);
            AssetEdit both;
            both.name = QStringLiteral("Pump 7 (north)");
            both.assetTag = QStringLiteral("AT-007-N");
            mixed = conflictedAsset(*workspace, QStringLiteral("Pump 7"), QStringLiteral("AT-007"), both,
                                    {{"name", "Pump 7 north"}, {"assetTag", "AT-0007"}});
            AssetEdit rename;
            rename.name = QStringLiteral("Valve 2 mine");
            theirs = conflictedAsset(*workspace, QStringLiteral("Valve 2"), QString(), rename, {{"name", "Valve 2 theirs"}});
            rename.name = QStringLiteral("Fan 3 mine");
            edited = conflictedAsset(*workspace, QStringLiteral("Fan 3"), QString(), rename, {{"name", "Fan 3 theirs"}});
            QVERIFY(mixed && theirs && edited);
        }

        StoreWorker store;
        QSignalSpy opened(&store, &StoreWorker::opened);
        store.open(dir.path());
        QVERIFY(opened.wait(10'000));
        ConflictDialog dialog(store);
        dialog.show();
        QSignalSpy loaded(&dialog, &ConflictDialog::loaded);
        QSignalSpy resolved(&dialog, &ConflictDialog::resolved);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.recordCount(), 3, 10'000);
        QCOMPARE(dialog.fieldCount(), 2); // Pump 7: name and tag
        saveScreenshot(dialog, "conflict-dialog.png");

        // Pump 7: my name, their tag.
        const int tagRow = dialog.fieldAt(0) == QLatin1String("assetTag") ? 0 : 1;
        QCOMPARE(dialog.fieldAt(tagRow), QStringLiteral("assetTag"));
        dialog.choose(tagRow, ConflictDialog::Keep::Theirs);
        dialog.resolve();
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 10'000);
        QVERIFY2(resolved.last().first().toBool(), qPrintable(dialog.statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.recordCount(), 2, 10'000);

        // Valve 2: theirs.
        dialog.showRecord(0);
        dialog.choose(0, ConflictDialog::Keep::Theirs);
        dialog.resolve();
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 2, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.recordCount(), 1, 10'000);

        // Fan 3: a typed name; an empty one is refused first, with the rule's words.
        dialog.showRecord(0);
        dialog.choose(0, ConflictDialog::Keep::Typed, QStringLiteral("   "));
        dialog.resolve();
        QCOMPARE(resolved.count(), 3);
        QVERIFY(!resolved.last().first().toBool());
        QVERIFY2(dialog.statusText().contains(QLatin1String("name"), Qt::CaseInsensitive), qPrintable(dialog.statusText()));
        dialog.choose(0, ConflictDialog::Keep::Typed, QStringLiteral("Fan 3 agreed"));
        dialog.resolve();
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 4, 10'000);
        QVERIFY2(resolved.last().first().toBool(), qPrintable(dialog.statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.recordCount(), 0, 10'000);
        store.close();
        store.drain();

        std::unique_ptr<Workspace> workspace = Workspace::open(dir.path());
        QCOMPARE(SyncConflictRepository(workspace->database()).count(), 0);
        std::map<qint64, OutboxEntry> entries;
        for (OutboxEntry &entry : workspace->outbox().pending(100))
            entries[entry.seq] = entry;
        // Mine goes again (my name only, against their ETag); their tag is taken here.
        QVERIFY(entries.count(mixed));
        QCOMPARE(entries[mixed].state, OutboxState::Queued);
        QCOMPARE(entries[mixed].payload.value("name").toString(), QStringLiteral("Pump 7 (north)"));
        QVERIFY(!entries[mixed].payload.contains("assetTag"));
        QCOMPARE(entries[mixed].baseEtag, QStringLiteral("W/\"900\""));
        const Asset pump = *workspace->assets().byId(entries[mixed].entityId);
        QCOMPARE(pump.name, QStringLiteral("Pump 7 (north)"));
        QCOMPARE(pump.assetTag, QStringLiteral("AT-0007"));
        // Theirs: nothing left to send.
        QVERIFY(!entries.count(theirs));
        // Edited: the typed value goes, and is here.
        QVERIFY(entries.count(edited));
        QCOMPARE(entries[edited].payload.value("name").toString(), QStringLiteral("Fan 3 agreed"));
        QCOMPARE(workspace->assets().byId(entries[edited].entityId)->name, QStringLiteral("Fan 3 agreed"));
    }
};

QTEST_MAIN(tst_SyncDialogs)
#include "tst_syncdialogs.moc"
