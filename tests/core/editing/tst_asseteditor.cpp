// AssetEditor: each edit is one transaction writing the asset, its outbox
// entry (with base values) and its audit rows, or nothing at all.
#include "editing/asseteditor.h"
#include "editing/editauthor.h"
#include "store/assetrepository.h"
#include "store/auditrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using sl::test::makeAsset;

class tst_AssetEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    Database &db() { return m_workspace->database(); }
    AssetEditor editor() { return AssetEditor(db()); }
    std::vector<AuditEntry> history(const QString &id) { return AuditRepository(db()).history(QStringLiteral("asset"), id); }
    int count(const char *table)
    {
        return db().queryText(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toInt();
    }
    const QString kAuthor = QStringLiteral("Ines Inspector");

private Q_SLOTS:
    void init()
    {
        QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace));
        AssetRepository &assets = m_workspace->assets();
        assets.upsertAccounts({{QStringLiteral("acc-contoso"), QStringLiteral("Contoso")},
                               {QStringLiteral("acc-fabrikam"), QStringLiteral("Fabrikam")}});
        Asset pump = makeAsset(QStringLiteral("pump"), QStringLiteral("Pump 7"), QStringLiteral("P-7"));
        pump.accountId = QStringLiteral("acc-contoso");
        pump.latitude = 47.5;
        pump.modifiedOn = QStringLiteral("2026-01-01T00:00:00Z");
        assets.upsertAssets({pump, makeAsset(QStringLiteral("line"), QStringLiteral("Line 3"))});
        db().exec(QStringLiteral("UPDATE assets SET etag = 'W/\"101\"' WHERE id = 'pump'"));
    }

    void cleanup() { sl::test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void updateWritesAssetOutboxAndAudit()
    {
        AssetEdit edit;
        edit.name = QStringLiteral("  Pump 7b ");
        edit.accountId = QStringLiteral("acc-fabrikam");
        edit.latitude = 47.6;
        edit.assetTag = QStringLiteral("P-7"); // unchanged: no change
        const AssetEditOutcome outcome = editor().update(QStringLiteral("pump"), edit, kAuthor);
        QVERIFY2(outcome.saved(), qPrintable(outcome.message()));

        const Asset after = *m_workspace->assets().byId(QStringLiteral("pump"));
        QCOMPARE(after.name, QStringLiteral("Pump 7b")); // trimmed
        QCOMPARE(after.accountId, QStringLiteral("acc-fabrikam"));
        QCOMPARE(after.latitude, 47.6);
        QVERIFY(after.modifiedOn > QStringLiteral("2026-01-01T00:00:00Z"));
        QVERIFY(after.modifiedOn.endsWith(QLatin1Char('Z')));
        QCOMPARE(m_workspace->assets().countMatching(QStringLiteral("fabrikam")), 1); // the search index follows

        const std::vector<OutboxEntry> outbox = m_workspace->outbox().pending(10);
        QCOMPARE(outbox.size(), size_t(1));
        QCOMPARE(outbox[0].seq, outcome.outboxSeq);
        QCOMPARE(outbox[0].entity, QStringLiteral("asset"));
        QCOMPARE(outbox[0].entityId, QStringLiteral("pump"));
        QCOMPARE(outbox[0].operation, QStringLiteral("update"));
        QCOMPARE(outbox[0].state, OutboxState::Queued);
        QCOMPARE(outbox[0].baseEtag, QStringLiteral("W/\"101\""));
        QCOMPARE(outbox[0].payload, (QJsonObject{{QStringLiteral("name"), QStringLiteral("Pump 7b")},
                                                 {QStringLiteral("account"), QStringLiteral("acc-fabrikam")},
                                                 {QStringLiteral("latitude"), 47.6}}));
        QCOMPARE(outbox[0].base, (QJsonObject{{QStringLiteral("name"), QStringLiteral("Pump 7")},
                                              {QStringLiteral("account"), QStringLiteral("acc-contoso")},
                                              {QStringLiteral("latitude"), 47.5}}));

        const std::vector<AuditEntry> rows = history(QStringLiteral("pump"));
        QCOMPARE(rows.size(), size_t(3));
        // Newest first: latitude, account, name (written in field order).
        QCOMPARE(rows[0].field, QStringLiteral("latitude"));
        QCOMPARE(rows[0].oldValue, QStringLiteral("47.5"));
        QCOMPARE(rows[0].newValue, QStringLiteral("47.6"));
        QCOMPARE(rows[1].field, QStringLiteral("account"));
        QCOMPARE(rows[1].oldValue, QStringLiteral("Contoso")); // display names, not ids
        QCOMPARE(rows[1].newValue, QStringLiteral("Fabrikam"));
        QCOMPARE(rows[2].field, QStringLiteral("name"));
        for (const AuditEntry &row : rows) {
            QCOMPARE(row.author, kAuthor);
            QCOMPARE(row.outboxSeq, outcome.outboxSeq);
            QCOMPARE(row.at, after.modifiedOn);
        }
    }

    void sameValueIsNoChange()
    {
        AssetEdit edit;
        edit.name = QStringLiteral("Pump 7");
        edit.accountId = QStringLiteral("acc-contoso");
        const AssetEditOutcome outcome = editor().update(QStringLiteral("pump"), edit, kAuthor);
        QCOMPARE(outcome.status, AssetEditOutcome::Status::NothingToChange);
        QCOMPARE(outcome.message(), QStringLiteral("nothing to change"));
        QCOMPARE(count("outbox"), 0);
        QCOMPARE(count("audit_log"), 0);
        QCOMPARE(m_workspace->assets().byId(QStringLiteral("pump"))->modifiedOn, QStringLiteral("2026-01-01T00:00:00Z"));
    }

    void coalescingKeepsTheFirstBase()
    {
        AssetEdit first;
        first.name = QStringLiteral("Pump A");
        QVERIFY(editor().update(QStringLiteral("pump"), first, kAuthor).saved());
        AssetEdit second;
        second.name = QStringLiteral("Pump B");
        second.assetTag = QStringLiteral("P-8");
        const AssetEditOutcome outcome = editor().update(QStringLiteral("pump"), second, kAuthor);
        QVERIFY(outcome.saved());

        const std::vector<OutboxEntry> outbox = m_workspace->outbox().pending(10);
        QCOMPARE(outbox.size(), size_t(1));
        QCOMPARE(outbox[0].seq, outcome.outboxSeq);
        QCOMPARE(outbox[0].payload, (QJsonObject{{QStringLiteral("name"), QStringLiteral("Pump B")},
                                                 {QStringLiteral("assetTag"), QStringLiteral("P-8")}}));
        QCOMPARE(outbox[0].base, (QJsonObject{{QStringLiteral("name"), QStringLiteral("Pump 7")},
                                              {QStringLiteral("assetTag"), QStringLiteral("P-7")}}));
        // The audit keeps every step.
        const std::vector<AuditEntry> rows = history(QStringLiteral("pump"));
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[1].oldValue, QStringLiteral("Pump A"));
        QCOMPARE(rows[1].newValue, QStringLiteral("Pump B"));
        QCOMPARE(rows[2].oldValue, QStringLiteral("Pump 7"));
    }

    void noCoalescingIntoAnEntryBeingSent()
    {
        AssetEdit first;
        first.name = QStringLiteral("Pump A");
        const qint64 seq = editor().update(QStringLiteral("pump"), first, kAuthor).outboxSeq;
        db().exec(QStringLiteral("UPDATE outbox SET state = 'sending' WHERE seq = %1").arg(seq));
        AssetEdit second;
        second.name = QStringLiteral("Pump B");
        const AssetEditOutcome outcome = editor().update(QStringLiteral("pump"), second, kAuthor);
        QVERIFY(outcome.saved());
        QVERIFY(outcome.outboxSeq > seq);
        const std::vector<OutboxEntry> outbox = m_workspace->outbox().pending(10);
        QCOMPARE(outbox.size(), size_t(2));
        QCOMPARE(outbox[1].base.value(QStringLiteral("name")).toString(), QStringLiteral("Pump A"));
    }

    void createMakesAClientIdRecord()
    {
        AssetEdit edit;
        edit.name = QStringLiteral("Compressor");
        edit.accountId = QStringLiteral("acc-contoso");
        edit.parentId = QStringLiteral("line");
        const AssetEditOutcome outcome = editor().create(edit, kAuthor);
        QVERIFY2(outcome.saved(), qPrintable(outcome.message()));
        QCOMPARE(outcome.assetId.size(), 36);
        QCOMPARE(outcome.assetId, outcome.assetId.toLower());
        const std::optional<Asset> created = m_workspace->assets().byId(outcome.assetId);
        QVERIFY(created);
        QCOMPARE(created->parentId, QStringLiteral("line"));
        QCOMPARE(db().queryText(QStringLiteral("SELECT created_here FROM assets WHERE id = '%1'").arg(outcome.assetId)),
                 QStringLiteral("1"));
        const std::vector<OutboxEntry> outbox = m_workspace->outbox().pending(10);
        QCOMPARE(outbox.size(), size_t(1));
        QCOMPARE(outbox[0].operation, QStringLiteral("create"));
        QVERIFY(outbox[0].base.isEmpty());
        QCOMPARE(outbox[0].payload.value(QStringLiteral("parent")).toString(), QStringLiteral("line"));
        const std::vector<AuditEntry> rows = history(outcome.assetId);
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0].field, QStringLiteral("parent"));
        QCOMPARE(rows[0].newValue, QStringLiteral("Line 3"));
        QCOMPARE(rows[1].newValue, QStringLiteral("Contoso"));

        // An edit before the create was pushed goes into the create.
        AssetEdit later;
        later.assetTag = QStringLiteral("C-1");
        QCOMPARE(editor().update(outcome.assetId, later, kAuthor).outboxSeq, outbox[0].seq);
        const OutboxEntry merged = m_workspace->outbox().pending(10).at(0);
        QCOMPARE(merged.payload.value(QStringLiteral("assetTag")).toString(), QStringLiteral("C-1"));
        QVERIFY(merged.base.isEmpty());
    }

    void refusedEditWritesNothing()
    {
        AssetEdit edit;
        edit.name = QStringLiteral(" ");
        edit.latitude = 91;
        const AssetEditOutcome outcome = editor().update(QStringLiteral("pump"), edit, kAuthor);
        QCOMPARE(outcome.status, AssetEditOutcome::Status::Refused);
        QCOMPARE(outcome.problems.size(), 2);
        QVERIFY2(outcome.message().contains(QLatin1String("Name: required")), qPrintable(outcome.message()));
        QVERIFY(!outcome.message().contains(QLatin1Char('\n')));
        QCOMPARE(count("outbox"), 0);
        QCOMPARE(count("audit_log"), 0);
        QCOMPARE(m_workspace->assets().byId(QStringLiteral("pump"))->name, QStringLiteral("Pump 7"));

        QCOMPARE(editor().update(QStringLiteral("missing"), edit, kAuthor).status, AssetEditOutcome::Status::Refused);
        QCOMPARE(editor().create(AssetEdit(), kAuthor).message(), QStringLiteral("Name: required"));
        QCOMPARE(count("assets"), 2);
    }

    void failedWriteLeavesNothing_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("audit row fails") << "audit_log";
        QTest::newRow("outbox entry fails") << "outbox";
    }

    void failedWriteLeavesNothing()
    {
        QFETCH(QString, table);
        db().exec(QStringLiteral("CREATE TEMP TRIGGER fail_write BEFORE INSERT ON main.%1 BEGIN "
                                 "SELECT RAISE(ABORT, 'simulated failure'); END").arg(table));
        AssetEdit edit;
        edit.name = QStringLiteral("Pump 8");
        const AssetEditOutcome update = editor().update(QStringLiteral("pump"), edit, kAuthor);
        QCOMPARE(update.status, AssetEditOutcome::Status::Refused);
        QVERIFY2(update.message().contains(QLatin1String("simulated failure")), qPrintable(update.message()));
        const AssetEditOutcome create = editor().create(edit, kAuthor);
        QCOMPARE(create.status, AssetEditOutcome::Status::Refused);
        const AssetEditOutcome deactivate = editor().setActive(QStringLiteral("pump"), false, kAuthor);
        QCOMPARE(deactivate.status, AssetEditOutcome::Status::Refused);
        db().exec(QStringLiteral("DROP TRIGGER temp.fail_write"));

        const Asset pump = *m_workspace->assets().byId(QStringLiteral("pump"));
        QCOMPARE(pump.name, QStringLiteral("Pump 7"));
        QCOMPARE(pump.stateCode, 0);
        QCOMPARE(pump.modifiedOn, QStringLiteral("2026-01-01T00:00:00Z"));
        QCOMPARE(count("assets"), 2);
        QCOMPARE(count("outbox"), 0);
        QCOMPARE(count("audit_log"), 0);
        QCOMPARE(m_workspace->assets().countMatching(QStringLiteral("8")), 0);
    }

    void deactivateAndReactivate()
    {
        const AssetEditOutcome off = editor().setActive(QStringLiteral("pump"), false, kAuthor);
        QVERIFY(off.saved());
        QCOMPARE(m_workspace->assets().byId(QStringLiteral("pump"))->stateCode, 1);
        QCOMPARE(editor().setActive(QStringLiteral("pump"), false, kAuthor).status,
                 AssetEditOutcome::Status::NothingToChange);
        const AssetEditOutcome on = editor().setActive(QStringLiteral("pump"), true, kAuthor);
        QVERIFY(on.saved());
        QCOMPARE(m_workspace->assets().byId(QStringLiteral("pump"))->stateCode, 0);

        const std::vector<OutboxEntry> outbox = m_workspace->outbox().pending(10);
        QCOMPARE(outbox.size(), size_t(2));
        QCOMPARE(outbox[0].operation, QStringLiteral("deactivate"));
        QCOMPARE(outbox[0].payload, (QJsonObject{{QStringLiteral("stateCode"), 1}}));
        QCOMPARE(outbox[0].base, (QJsonObject{{QStringLiteral("stateCode"), 0}}));
        QCOMPARE(outbox[1].operation, QStringLiteral("activate"));
        const std::vector<AuditEntry> rows = history(QStringLiteral("pump"));
        QCOMPARE(rows.size(), size_t(2));
        QCOMPARE(rows[1].field, QStringLiteral("stateCode"));
        QCOMPARE(rows[1].newValue, QStringLiteral("Inactive"));
        // An update after a queued deactivation does not jump ahead of it.
        AssetEdit edit;
        edit.name = QStringLiteral("Pump 9");
        QVERIFY(editor().update(QStringLiteral("pump"), edit, kAuthor).outboxSeq > outbox[1].seq);
    }

    void authorIsNeverEmpty()
    {
        QCOMPARE(EditAuthor::current(QStringLiteral("  Ann\nOther ")), QStringLiteral("Ann Other"));
        qputenv("USER", "field-user");
        QCOMPARE(EditAuthor::current(), QStringLiteral("field-user"));
        qputenv("USER", "");
        qputenv("USERNAME", "WinUser");
        QCOMPARE(EditAuthor::current(), QStringLiteral("WinUser"));
        qputenv("USERNAME", "");
        QVERIFY(!EditAuthor::current().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_AssetEditor)
#include "tst_asseteditor.moc"
