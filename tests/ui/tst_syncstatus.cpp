#include "fakedataverse.h"
#include "fakesignin.h"

#include "capturegallerywidget.h"
#include "captureviewerwidget.h"
#include "editing/asseteditor.h"
#include "mainwindow.h"
#include "store/assetdetails.h"
#include "store/assetrepository.h"
#include "store/mediacache.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"
#include "photoview.h"
#include "sync/conflictdialog.h"
#include "sync/connectdialog.h"
#include "sync/remotemediapanel.h"
#include "sync/syncconflictrepository.h"
#include "sync/syncactions.h"
#include "sync/syncrunner.h"
#include "sync/syncstatuswidget.h"

#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QListWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace sl;
using namespace sl::test;

// The sync status of the main window against the fake store on loopback:
// signed in through the Connect dialog (the fake's device-code endpoints),
// Sync now pushes the edits made offline and the status bar says so; a
// store that is gone shows the offline badge and keeps the edits; a 429
// shows "Store busy"; a cancel during a long pull leaves whole pages; a
// refused token is refreshed on the GUI thread, and a refused refresh asks
// to sign in again.
class tst_SyncStatus : public QObject
{
    Q_OBJECT

    // A fake store with lookups and `assets` customer assets, the sign-in
    // approved at the first poll (1 s), a workspace in `dir`, and a main
    // window on it, signed in and done with its first sync.
    struct Rig
    {
        std::unique_ptr<FakeDataverse> server = std::make_unique<FakeDataverse>();
        std::unique_ptr<FakeSignIn> signIn = std::make_unique<FakeSignIn>(*server);
        QTemporaryDir dir;
        std::unique_ptr<MainWindow> window;
        SyncStatusWidget *status = nullptr;
        SyncRunner *runner = nullptr;
        QStringList assetIds;
    };

    static SyncOptions quickOptions(int pageSize = 5'000)
    {
        SyncOptions options;
        options.pageSize = pageSize;
        options.retry.maxAttempts = 2; // a store that is gone shows as such in well under a second
        options.retry.baseDelayMs = 20;
        return options;
    }

    // Builds the rig; false (with a failed check) when a step did not work.
    static bool build(Rig &rig, int assets, int pageSize = 5'000, bool openWorkspace = true)
    {
        rig.signIn->switches().intervalSeconds = 1;
        rig.signIn->switches().approveAfterPolls = 1;
        rig.server->seedLookups(2, 2, 2);
        rig.assetIds = rig.server->seedAssets(assets);
        if (!rig.server->start() || !rig.dir.isValid())
            return false;
        QSettings settings;
        settings.clear();
        settings.setValue(QStringLiteral("signin/authority"), rig.signIn->authority().toString());
        rig.window = std::make_unique<MainWindow>();
        rig.status = rig.window->findChild<SyncStatusWidget *>();
        rig.runner = rig.window->syncActions()->runner();
        if (!rig.status || !rig.runner)
            return false;
        rig.runner->setOptions(quickOptions(pageSize));
        rig.window->resize(1200, 700);
        rig.window->show();
        if (!openWorkspace)
            return true;
        QSignalSpy verified(rig.window.get(), &MainWindow::workspaceVerified);
        rig.window->openWorkspace(rig.dir.path());
        return verified.wait(30'000);
    }

    // Signs in through the Connect dialog as a user does; the first sync follows.
    static bool signIn(Rig &rig)
    {
        QSignalSpy finished(rig.runner, &SyncRunner::finished);
        ConnectDialog *dialog = rig.window->syncActions()->showConnect();
        dialog->environmentEdit()->setText(rig.server->serviceRoot().resolved(QUrl(QStringLiteral("/"))).toString());
        dialog->signInButton()->click();
        if (!finished.wait(20'000))
            return false;
        return finished.first().at(0).value<SyncSummary>().ok();
    }

    static void editName(const QString &directory, const QString &assetId, const QString &name)
    {
        std::unique_ptr<Workspace> workspace = Workspace::open(directory);
        QVERIFY(workspace);
        AssetEdit edit;
        edit.name = name;
        QVERIFY(AssetEditor(workspace->database()).update(assetId, edit, QStringLiteral("tester")).saved());
    }

    // With SIGHTLINE_SCREENSHOT_DIR set (run under xvfb-run): the picture the README shows.
    static void saveScreenshot(QWidget &widget, const char *name)
    {
        const QString dir = qEnvironmentVariable("SIGHTLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(300); // let the window manager place and paint it
        QVERIFY(widget.grab().save(QDir(dir).filePath(QString::fromLatin1(name))));
    }

    static SyncSummary syncNow(Rig &rig)
    {
        QSignalSpy finished(rig.runner, &SyncRunner::finished);
        QAction *action = rig.window->findChild<QAction *>(QStringLiteral("syncNowAction"));
        if (!action)
            return {};
        action->trigger();
        if (!finished.wait(30'000))
            return {};
        return finished.first().at(0).value<SyncSummary>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a scratch location
        QCoreApplication::setOrganizationName(QStringLiteral("sightline-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_syncstatus"));
    }

    void syncNowPushesOfflineEditsAndShowsTheStatus()
    {
        Rig rig;
        QVERIFY(build(rig, 5));
        QCOMPARE(rig.status->offlineText(), QStringLiteral("Offline: not signed in"));
        QCOMPARE(rig.status->lastSyncText(), QStringLiteral("Never synced"));
        QVERIFY(signIn(rig));
        QTRY_COMPARE(rig.status->lastSyncText(), QStringLiteral("Synced just now"));
        QCOMPARE(rig.status->offlineText(), QString());
        QCOMPARE(rig.status->progressText(), QString());
        QTRY_COMPARE(rig.status->pendingText(), QStringLiteral("No edits pending"));

        // Two edits made offline (by another connection: the worker notices).
        editName(rig.dir.path(), rig.assetIds.at(0), QStringLiteral("Pump A (edited)"));
        editName(rig.dir.path(), rig.assetIds.at(1), QStringLiteral("Pump B (edited)"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->pendingCount(), 2, 30'000);
        QCOMPARE(rig.status->pendingText(), QStringLiteral("Edits pending: 2"));

        const SyncSummary summary = syncNow(rig);
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join(QLatin1Char('\n'))));
        QCOMPARE(summary.pushed, 2);
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->pendingCount(), 0, 30'000);
        QCOMPARE(rig.status->lastSyncText(), QStringLiteral("Synced just now"));
        QCOMPARE(rig.server->table().row(rig.assetIds.at(0)).value(QStringLiteral("msdyn_name")).toString(),
                 QStringLiteral("Pump A (edited)"));
        QCOMPARE(rig.server->table().row(rig.assetIds.at(1)).value(QStringLiteral("msdyn_name")).toString(),
                 QStringLiteral("Pump B (edited)"));
        QVERIFY2(rig.status->lastSyncToolTip().endsWith(QStringLiteral("Last sync: ") + summary.line()),
                 qPrintable(rig.status->lastSyncToolTip()));
    }

    void aStoreThatIsGoneShowsOfflineAndKeepsTheEdits()
    {
        Rig rig;
        QVERIFY(build(rig, 3));
        QVERIFY(signIn(rig));
        rig.signIn.reset();
        rig.server.reset(); // nothing listens on the port any more
        editName(rig.dir.path(), rig.assetIds.at(2), QStringLiteral("Pump C (offline)"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->pendingCount(), 1, 30'000);

        const SyncSummary summary = syncNow(rig);
        QVERIFY(summary.unreachable);
        QVERIFY(!summary.ok());
        QCOMPARE(rig.status->offlineText(), QStringLiteral("Offline"));
        QCOMPARE(rig.status->progressText(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->pendingCount(), 1, 30'000);
        std::unique_ptr<Workspace> workspace = Workspace::open(rig.dir.path());
        QVERIFY(workspace);
        const std::vector<OutboxEntry> entries = workspace->outbox().pending(10);
        QCOMPARE(int(entries.size()), 1);
        QCOMPARE(entries.front().state, OutboxState::Queued);
        QCOMPARE(entries.front().payload.value(QStringLiteral("name")).toString(), QStringLiteral("Pump C (offline)"));
    }

    void aBusyStoreShowsStoreBusy()
    {
        Rig rig;
        QVERIFY(build(rig, 3));
        QVERIFY(signIn(rig));
        rig.server->faults().nextAnswers = {{429, 1}};
        QSignalSpy busy(rig.runner, &SyncRunner::storeBusy);
        QSignalSpy finished(rig.runner, &SyncRunner::finished);
        // Looked at as the signal arrives (the widget's slot runs first): on a
        // loaded machine the wait, the retry and the end of the sync can all
        // reach the GUI thread in one go, and a poll would miss the label.
        bool shownOnSignal = false;
        connect(rig.runner, &SyncRunner::storeBusy, rig.status,
                [&] { shownOnSignal = rig.status->isStoreBusyShown(); });
        QVERIFY(rig.runner->syncNow());
        QVERIFY(busy.wait(10'000));
        QVERIFY(shownOnSignal);
        QCOMPARE(busy.count(), 1);
        QCOMPARE(busy.first().at(0).toInt(), 1);
        QVERIFY(finished.wait(20'000));
        QVERIFY(finished.first().at(0).value<SyncSummary>().ok());
        QVERIFY(!rig.status->isStoreBusyShown());
    }

    void cancelDuringAHeldPushKeepsTheEditsQueued()
    {
        Rig rig;
        QVERIFY(build(rig, 40));
        QVERIFY(signIn(rig));
        editName(rig.dir.path(), rig.assetIds.at(0), QStringLiteral("Pump A (held)"));
        editName(rig.dir.path(), rig.assetIds.at(1), QStringLiteral("Pump B (held)"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->pendingCount(), 2, 30'000);
        rig.server->faults().hangRequests = 1; // the first edit's PATCH gets no answer
        QSignalSpy finished(rig.runner, &SyncRunner::finished);
        QVERIFY(rig.runner->syncNow());
        QTRY_VERIFY_WITH_TIMEOUT(rig.server->countRequests("PATCH") == 1, 10'000);
        QCOMPARE(rig.status->progressText(), QStringLiteral("Syncing…"));
        QVERIFY(rig.status->cancelButton()->isVisible());
        if (!qEnvironmentVariableIsEmpty("SIGHTLINE_SCREENSHOT_DIR")) {
            rig.window->statusBar()->clearMessage(); // the picture is of the sync status on the right
            saveScreenshot(*rig.window, "sync-status.png");
        }
        rig.status->cancelButton()->click();
        QCOMPARE(rig.status->progressText(), QStringLiteral("Stopping…"));
        QVERIFY(finished.wait(10'000)); // at once, not after the transfer's timeout
        QVERIFY(finished.first().at(0).value<SyncSummary>().cancelled);
        QCOMPARE(rig.status->progressText(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->pendingCount(), 2, 30'000);
        QCOMPARE(rig.server->countRequests("PATCH"), 1); // the second edit was not sent
        QCOMPARE(rig.server->table().row(rig.assetIds.at(1)).value(QStringLiteral("msdyn_name")).toString(),
                 QStringLiteral("Pump 00001"));

        // The next sync sends both.
        const SyncSummary summary = syncNow(rig);
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join(QLatin1Char('\n'))));
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->pendingCount(), 0, 30'000);
        QCOMPARE(rig.server->table().row(rig.assetIds.at(0)).value(QStringLiteral("msdyn_name")).toString(),
                 QStringLiteral("Pump A (held)"));
        QCOMPARE(rig.server->table().row(rig.assetIds.at(1)).value(QStringLiteral("msdyn_name")).toString(),
                 QStringLiteral("Pump B (held)"));
    }

    void aSignInBeforeTheWorkspaceOpensSyncsItOnceOpen()
    {
        Rig rig;
        QVERIFY(build(rig, 4, 5'000, false));
        QSignalSpy finished(rig.runner, &SyncRunner::finished);
        ConnectDialog *dialog = rig.window->syncActions()->showConnect();
        dialog->environmentEdit()->setText(rig.server->serviceRoot().resolved(QUrl(QStringLiteral("/"))).toString());
        dialog->signInButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(rig.runner->isConnected(), 20'000);
        QCOMPARE(rig.status->offlineText(), QString());
        QVERIFY(!rig.runner->isRunning()); // no workspace yet: the sync waits for one
        QCOMPARE(finished.count(), 0);
        rig.window->openWorkspace(rig.dir.path());
        QVERIFY(finished.wait(30'000));
        const SyncSummary summary = finished.first().at(0).value<SyncSummary>();
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join(QLatin1Char('\n'))));
        QCOMPARE(summary.pulled, 4 + 2 + 2 + 2); // assets and lookups
        QTRY_COMPARE(rig.status->lastSyncText(), QStringLiteral("Synced just now"));
    }

    void conflictsShowAndOpenTheConflictDialog()
    {
        Rig rig;
        QVERIFY(build(rig, 3));
        QVERIFY(signIn(rig));
        QVERIFY(!rig.status->conflictsButton()->isVisibleTo(rig.status));
        editName(rig.dir.path(), rig.assetIds.at(0), QStringLiteral("Pump A (mine)"));
        {
            // As a push's 412 with fields changed on both sides leaves it.
            std::unique_ptr<Workspace> workspace = Workspace::open(rig.dir.path());
            QVERIFY(workspace);
            const std::vector<OutboxEntry> entries = workspace->outbox().pending(10);
            QCOMPARE(int(entries.size()), 1);
            SyncConflictRepository(workspace->database())
                .record(entries.front().seq,
                        {{QStringLiteral("name"), entries.front().base.value(QStringLiteral("name")),
                          entries.front().payload.value(QStringLiteral("name")), QJsonValue(QStringLiteral("Pump A (theirs)"))}},
                        QStringLiteral("W/\"900\""));
            QVERIFY(workspace->outbox().setState(entries.front().seq, OutboxState::Conflict));
        }
        QTRY_VERIFY_WITH_TIMEOUT(rig.status->conflictsButton()->isVisibleTo(rig.status), 10'000);
        QCOMPARE(rig.status->conflictsButton()->text(), QStringLiteral("Conflicts: 1"));
        QCOMPARE(rig.status->pendingCount(), 1); // a conflict is an edit not on the store yet
        rig.status->conflictsButton()->click();
        QTRY_VERIFY(rig.window->findChild<ConflictDialog *>());
    }

    void aStoreWithoutChangeTrackingSaysDeletionsAreNotSeen()
    {
        Rig rig;
        QVERIFY(build(rig, 5));
        rig.server->faults().noChangeTracking = true;
        QVERIFY(signIn(rig));
        QTRY_VERIFY2(rig.status->lastSyncToolTip().contains(
                         QStringLiteral("msdyn_customerassets: the asset store has no change tracking for this table; "
                                        "deletions there are not seen")),
                     qPrintable(rig.status->lastSyncToolTip()));
    }

    void cancelDuringAPullLeavesWholePages()
    {
        constexpr int kPage = 100;
        Rig rig;
        QVERIFY(build(rig, 6'000, kPage));
        rig.runner->setOptions(quickOptions(kPage));
        // The first sync (after the sign-in) is the long one: cancel it at its first page of assets.
        connect(rig.runner, &SyncRunner::progress, rig.status, [&rig](const SyncProgress &progress) {
            if (progress.entitySet == QLatin1String(FakeDataverse::kAssets) && progress.done > 0
                && rig.status->cancelButton()->isVisible())
                rig.status->cancelButton()->click();
        });
        QSignalSpy finished(rig.runner, &SyncRunner::finished);
        QVERIFY(!signIn(rig)); // not ok: cancelled
        const SyncSummary summary = finished.first().at(0).value<SyncSummary>();
        QVERIFY(summary.cancelled);
        QVERIFY(!rig.runner->isRunning());
        QCOMPARE(rig.status->progressText(), QString());
        QVERIFY(!rig.status->cancelButton()->isVisibleTo(rig.status));
        QVERIFY(rig.status->lastSyncText() == QStringLiteral("Never synced")); // a cancelled sync is not a sync

        std::unique_ptr<Workspace> workspace = Workspace::open(rig.dir.path());
        QVERIFY(workspace);
        const int stored = workspace->assets().count();
        QVERIFY2(stored > 0 && stored < 6'000, qPrintable(QString::number(stored)));
        QCOMPARE(stored % kPage, 0); // whole pages only
    }

    // A photo on the store that this workspace has never had: the first sync
    // lists it as a capture; its tab offers the fetch; the file comes with a
    // sync and the photo takes the tab's place.
    void aCaptureOnTheStoreIsFetchedFromItsTab()
    {
        Rig rig;
        QImage picture(320, 240, QImage::Format_RGB32);
        picture.fill(QColor(30, 120, 200));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && picture.save(&buffer, "JPG"));
        const QString photo = QStringLiteral("5b0f3c8e-1d2a-4e6f-9a7b-0c1d2e3f4a5b");
        const QString entitySet = QString::fromLatin1(FakeDataverse::kAttachments);
        QVERIFY(build(rig, 2));
        rig.server->table(entitySet).write(photo, {{"msdyn_name", "flange.jpg"},
                                                   {"_msdyn_customerasset_value", rig.assetIds.at(0)},
                                                   {"msdyn_attachmenttype", 700610000},
                                                   {"msdyn_file_name", "flange.jpg"}});
        rig.server->media().setFile(entitySet, photo, "msdyn_image", jpeg, "flange.jpg");
        QVERIFY(signIn(rig)); // the first sync lists it

        // The gallery lists it, saying where its file is.
        auto *gallery = rig.window->findChild<CaptureGalleryWidget *>();
        QVERIFY(gallery);
        rig.window->showAsset(rig.assetIds.at(0));
        QTRY_COMPARE(gallery->count(), 1);
        QTRY_COMPARE(gallery->thumbnailsPending(), 0);
        QVERIFY2(gallery->listWidget()->item(0)->toolTip().endsWith(QStringLiteral("\nOn the asset store, not fetched yet: open it to fetch it.")),
                 qPrintable(gallery->listWidget()->item(0)->toolTip()));

        auto *viewer = rig.window->findChild<CaptureViewerWidget *>();
        QVERIFY(viewer);
        rig.window->openCapture(photo);
        QTRY_VERIFY(viewer->remoteMediaPanel(photo));
        RemoteMediaPanel *panel = viewer->remoteMediaPanel(photo);
        QCOMPARE(viewer->capturesWaitingForMedia(), QStringList{photo});
        if (!qEnvironmentVariableIsEmpty("SIGHTLINE_SCREENSHOT_DIR")) {
            rig.window->statusBar()->clearMessage(); // the picture is of the tab
            saveScreenshot(*rig.window, "remote-capture.png");
        }
        QSignalSpy finished(rig.runner, &SyncRunner::finished);
        panel->fetchButton()->click();
        QCOMPARE(panel->statusText(), QStringLiteral("Fetching…"));
        QVERIFY(finished.wait(30'000));
        QCOMPARE(finished.first().at(0).value<SyncSummary>().mediaFetched, 1);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->currentPhotoView(), 10'000);
        QVERIFY(viewer->capturesWaitingForMedia().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(viewer->currentPhotoView()->hasFrame(), 10'000);
        QCOMPARE(viewer->count(), 1);
    }

    // Sync > Keep media available offline, for the asset shown: its files
    // come at once and with every sync; the state follows the asset shown.
    void keepingAnAssetOfflineFetchesItsFiles()
    {
        Rig rig;
        QVERIFY(build(rig, 2));
        const QString entitySet = QString::fromLatin1(FakeDataverse::kAttachments);
        const QString photo = QStringLiteral("7d2f3c8e-1d2a-4e6f-9a7b-0c1d2e3f4a5d");
        rig.server->table(entitySet).write(photo, {{"msdyn_name", "valve.jpg"},
                                                   {"_msdyn_customerasset_value", rig.assetIds.at(0)},
                                                   {"msdyn_attachmenttype", 700610000},
                                                   {"msdyn_file_name", "valve.jpg"}});
        rig.server->media().setFile(entitySet, photo, "msdyn_image", QByteArray(4000, 'j'), "valve.jpg");
        QVERIFY(signIn(rig));
        auto *keep = rig.window->findChild<QAction *>(QStringLiteral("keepOfflineAction"));
        QVERIFY(keep);
        QVERIFY(!keep->isEnabled()); // no asset shown

        rig.window->showAsset(rig.assetIds.at(0));
        QTRY_VERIFY(keep->isEnabled());
        QVERIFY(!keep->isChecked());
        QSignalSpy finished(rig.runner, &SyncRunner::finished);
        keep->trigger();
        QVERIFY(finished.wait(30'000));
        QCOMPARE(finished.first().at(0).value<SyncSummary>().mediaFetched, 1);
        {
            std::unique_ptr<Workspace> workspace = Workspace::open(rig.dir.path());
            QVERIFY(workspace);
            QVERIFY(MediaCache(*workspace, 1 << 30).isKeptOffline(rig.assetIds.at(0)));
            const std::optional<CaptureOpening> opening = CaptureOpening::read(*workspace, photo);
            QVERIFY(opening && !opening->mediaToFetch);
        }

        // Another asset: not kept; back to the first: kept.
        rig.window->showAsset(rig.assetIds.at(1));
        QTRY_VERIFY(keep->isEnabled() && !keep->isChecked());
        rig.window->showAsset(rig.assetIds.at(0));
        QTRY_VERIFY(keep->isEnabled() && keep->isChecked());
    }

    void aFetchThatFindsNoFileSaysSo()
    {
        Rig rig;
        const QString photo = QStringLiteral("6c1f3c8e-1d2a-4e6f-9a7b-0c1d2e3f4a5c");
        QVERIFY(build(rig, 2));
        rig.server->table(QString::fromLatin1(FakeDataverse::kAttachments))
            .write(photo, {{"msdyn_name", "gone.jpg"},
                           {"_msdyn_customerasset_value", rig.assetIds.at(1)},
                           {"msdyn_attachmenttype", 700610000}});
        QVERIFY(signIn(rig));
        auto *viewer = rig.window->findChild<CaptureViewerWidget *>();
        QVERIFY(viewer);
        rig.window->openCapture(photo);
        QTRY_VERIFY(viewer->remoteMediaPanel(photo));
        QSignalSpy finished(rig.runner, &SyncRunner::finished);
        viewer->remoteMediaPanel(photo)->fetchButton()->click();
        QVERIFY(finished.wait(30'000));
        QTRY_VERIFY(viewer->remoteMediaPanel(photo)->statusText().startsWith(QStringLiteral("Not fetched: ")));
        QVERIFY(viewer->remoteMediaPanel(photo)->fetchButton()->isEnabled()); // it can be asked again
    }

    void aRefusedTokenIsRefreshedThenARefusedRefreshAsksToSignIn()
    {
        Rig rig;
        QVERIFY(build(rig, 3));
        QVERIFY(signIn(rig));
        // The store no longer takes the token: the sync thread's 401 refreshes it on the GUI thread.
        rig.server->setAcceptedToken("a-token-nobody-has");
        editName(rig.dir.path(), rig.assetIds.at(0), QStringLiteral("Pump A (after refresh)"));
        SyncSummary summary = syncNow(rig);
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join(QLatin1Char('\n'))));
        QCOMPARE(rig.signIn->refreshes(), 1);
        QCOMPARE(summary.pushed, 1);

        // Now the refresh is refused too: sign in again, the edit stays queued.
        rig.server->setAcceptedToken("another-token-nobody-has");
        rig.signIn->switches().refreshRevoked = true;
        editName(rig.dir.path(), rig.assetIds.at(1), QStringLiteral("Pump B (refused)"));
        summary = syncNow(rig);
        QVERIFY(summary.signInNeeded);
        QCOMPARE(summary.pushed, 0);
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->pendingCount(), 1, 30'000);
        QVERIFY(!rig.status->offlineText().isEmpty()); // signed out: the badge offers the sign-in
        QTRY_VERIFY(rig.window->findChild<QMessageBox *>(QStringLiteral("signInAgainBox")));
        QCOMPARE(rig.server->table().row(rig.assetIds.at(1)).value(QStringLiteral("msdyn_name")).toString(),
                 QStringLiteral("Pump 00001"));
    }

    // A sync's message is temporary: it hides the workspace path only for
    // a while (it used to stay until the next message, the path never shown).
    void aSyncMessageGivesTheStatusBarBack()
    {
        Rig rig;
        QVERIFY(build(rig, 3));
        rig.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(rig.window.get()));
        auto *path = rig.window->findChild<QLabel *>(QStringLiteral("workspacePathLabel"));
        QVERIFY(path);
        QVERIFY(path->isVisible());
        Q_EMIT rig.window->syncActions()->statusChanged(QStringLiteral("Connected to the store"));
        QCOMPARE(rig.window->statusBar()->currentMessage(), QStringLiteral("Connected to the store"));
        QVERIFY(!path->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(rig.window->statusBar()->currentMessage().isEmpty(), 20'000);
        QVERIFY(path->isVisible());
    }

    // The sign-in service out of order (a 503, a captive portal's page) is
    // being offline: no "sign in again", the sign-in and the edit are kept,
    // and the next sync once it answers pushes the edit.
    void aSignInServiceOutageIsOfflineNotSignedOut()
    {
        Rig rig;
        QVERIFY(build(rig, 3));
        QVERIFY(signIn(rig));
        rig.server->setAcceptedToken("a-token-nobody-has");
        rig.signIn->switches().refreshFailStatus = 503;
        editName(rig.dir.path(), rig.assetIds.at(0), QStringLiteral("Pump A (after the outage)"));
        SyncSummary summary = syncNow(rig);
        QVERIFY(!summary.signInNeeded);
        QVERIFY(summary.unreachable);
        QCOMPARE(summary.pushed, 0);
        QTRY_COMPARE_WITH_TIMEOUT(rig.status->pendingCount(), 1, 30'000);
        QCOMPARE(rig.status->offlineText(), QStringLiteral("Offline"));
        QTest::qWait(100);
        QVERIFY(!rig.window->findChild<QMessageBox *>(QStringLiteral("signInAgainBox")));

        rig.signIn->switches().refreshFailStatus = 0; // the service answers again
        summary = syncNow(rig);
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join(QLatin1Char('\n'))));
        QCOMPARE(summary.pushed, 1);
        QCOMPARE(rig.server->table().row(rig.assetIds.at(0)).value(QStringLiteral("msdyn_name")).toString(),
                 QStringLiteral("Pump A (after the outage)"));
    }
};

QTEST_MAIN(tst_SyncStatus)
#include "tst_syncstatus.moc"
