#include "editing/asseteditor.h"

#include "domain/asset.h"
#include "editing/assetchangelog.h"
#include "editing/assetreferenceresolver.h"
#include "editing/assetvalidator.h"
#include "store/assetrepository.h"
#include "store/database.h"

#include <QDateTime>
#include <QUuid>

namespace sl {

namespace {

AssetEditOutcome refused(const QString &assetId, const QStringList &problems)
{
    AssetEditOutcome outcome;
    outcome.status = AssetEditOutcome::Status::Refused;
    outcome.assetId = assetId;
    outcome.problems = problems;
    return outcome;
}

// Fills the display names of the asset's references (upsertAssets keeps the
// lookup rows from them; an empty name never blanks a known one).
void fillNames(Asset &asset, AssetReferenceResolver &references)
{
    const auto nameOf = [&](AssetField field, const QString &id) {
        const QString name = references.displayName(field, id);
        return name == id ? QString() : name;
    };
    asset.accountName = nameOf(AssetField::Account, asset.accountId);
    asset.productName = nameOf(AssetField::Product, asset.productId);
    asset.categoryName = nameOf(AssetField::Category, asset.categoryId);
}

} // namespace

QString AssetEditOutcome::message() const
{
    if (status == Status::NothingToChange)
        return AssetEditor::tr("nothing to change");
    return problems.join(QStringLiteral("; "));
}

AssetEditor::AssetEditor(Database &db) : m_db(db) {}

QString AssetEditor::nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString AssetEditor::etagOf(const QString &assetId)
{
    Statement query = m_db.cached("SELECT etag FROM assets WHERE id = ?");
    query.bind(1, assetId);
    return query.step() ? query.columnText(0) : QString();
}

AssetEditOutcome AssetEditor::create(const AssetEdit &fields, const QString &author)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    try {
        Transaction transaction(m_db);
        const AssetEdit edit = fields.normalised();
        AssetReferenceResolver references(m_db);
        AssetValidator validator(m_db, references);
        const QStringList problems = validator.problemsForNew(edit);
        if (!problems.isEmpty())
            return refused(QString(), problems);

        Asset asset;
        asset.id = id;
        edit.applyTo(asset);
        AssetChange change{id, QStringLiteral("create"), QString(), edit.changesFrom(Asset(), references)};
        fillNames(asset, references);
        return save(transaction, asset, change, author, true);
    } catch (const StoreError &error) {
        return refused(QString(), {tr("The asset could not be created: %1").arg(error.message())});
    }
}

AssetEditOutcome AssetEditor::update(const QString &assetId, const AssetEdit &fields, const QString &author)
{
    try {
        return updateInTransaction(assetId, fields, author);
    } catch (const StoreError &error) {
        return refused(assetId, {tr("The asset %1 could not be saved: %2").arg(assetId, error.message())});
    }
}

AssetEditOutcome AssetEditor::updateInTransaction(const QString &assetId, const AssetEdit &fields,
                                                  const QString &author)
{
    Transaction transaction(m_db);
    AssetRepository repository(m_db);
    const std::optional<Asset> before = repository.byId(assetId);
    if (!before)
        return refused(assetId, {tr("There is no asset with id %1").arg(assetId)});
    const AssetEdit edit = fields.normalised();
    AssetReferenceResolver references(m_db);
    AssetValidator validator(m_db, references);
    const QStringList problems = validator.problemsForUpdate(assetId, edit);
    if (!problems.isEmpty())
        return refused(assetId, problems);

    AssetChange change{assetId, QStringLiteral("update"), etagOf(assetId), edit.changesFrom(*before, references)};
    if (change.fields.empty()) {
        AssetEditOutcome outcome;
        outcome.status = AssetEditOutcome::Status::NothingToChange;
        outcome.assetId = assetId;
        return outcome;
    }
    Asset after = *before;
    edit.applyTo(after);
    fillNames(after, references);
    return save(transaction, after, change, author, false);
}

AssetEditOutcome AssetEditor::setActive(const QString &assetId, bool active, const QString &author)
{
    try {
        return setActiveInTransaction(assetId, active, author);
    } catch (const StoreError &error) {
        return refused(assetId, {tr("The asset %1 could not be saved: %2").arg(assetId, error.message())});
    }
}

AssetEditOutcome AssetEditor::setActiveInTransaction(const QString &assetId, bool active, const QString &author)
{
    Transaction transaction(m_db);
    AssetRepository repository(m_db);
    const std::optional<Asset> before = repository.byId(assetId);
    if (!before)
        return refused(assetId, {tr("There is no asset with id %1").arg(assetId)});
    const int stateCode = active ? 0 : 1; // msdyn_customerasset statecode: 0 active, 1 inactive
    if (before->stateCode == stateCode) {
        AssetEditOutcome outcome;
        outcome.status = AssetEditOutcome::Status::NothingToChange;
        outcome.assetId = assetId;
        return outcome;
    }
    const auto stateText = [](int code) { return code == 0 ? tr("Active") : tr("Inactive"); };
    AssetChange change{assetId,
                       active ? QStringLiteral("activate") : QStringLiteral("deactivate"),
                       etagOf(assetId),
                       {{AssetField::State, QJsonValue(before->stateCode), QJsonValue(stateCode),
                         stateText(before->stateCode), stateText(stateCode)}}};
    Asset after = *before;
    after.stateCode = stateCode;
    return save(transaction, after, change, author, false);
}

AssetEditOutcome AssetEditor::save(Transaction &transaction, Asset asset, const AssetChange &change,
                                   const QString &author, bool createdHere)
{
    const QString now = nowText();
    asset.modifiedOn = now;
    AssetRepository(m_db).upsertAssets({asset});
    if (createdHere) {
        Statement mark = m_db.cached("UPDATE assets SET created_here = 1 WHERE id = ?");
        mark.bind(1, asset.id).run();
    }
    AssetEditOutcome outcome;
    outcome.outboxSeq = AssetChangeLog(m_db).record(change, author, now);
    transaction.commit();
    outcome.status = AssetEditOutcome::Status::Saved;
    outcome.assetId = asset.id;
    return outcome;
}

} // namespace sl
