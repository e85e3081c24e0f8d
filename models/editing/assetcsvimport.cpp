#include "editing/assetcsvimport.h"

#include "common/outputfile.h"
#include "domain/asset.h"
#include "editing/assetchangelog.h"
#include "editing/asseteditor.h"
#include "editing/assetfieldparser.h"
#include "editing/assetreferenceresolver.h"
#include "editing/assetvalidator.h"
#include "editing/csvreader.h"
#include "editing/csvwriter.h"
#include "store/assetrepository.h"
#include "store/database.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <array>
#include <deque>
#include <utility>

namespace sl {

namespace {

// The template's columns (as Dataverse's data-import template names them)
// and the fields they fill.
constexpr std::array<std::pair<const char *, AssetField>, 8> kColumns{{
    {"Name", AssetField::Name},
    {"Asset Tag", AssetField::AssetTag},
    {"Category", AssetField::Category},
    {"Account", AssetField::Account},
    {"Product", AssetField::Product},
    {"Parent Asset", AssetField::Parent},
    {"Latitude", AssetField::Latitude},
    {"Longitude", AssetField::Longitude},
}};

// Assets written per AssetRepository::upsertAssets call: progress and
// cancel are looked at between batches.
constexpr qsizetype kBatch = 2000;

QString headerKey(const QString &name)
{
    return name.simplified().toCaseFolded();
}




} // namespace

AssetCsvImport::AssetCsvImport(Database &db) : m_db(db) {}

std::optional<AssetCsvPreview> AssetCsvImport::prepare(const QString &path, QString *error)
{
    const std::optional<CsvTable> table = CsvReader::readFile(path, error);
    if (!table)
        return std::nullopt;
    return prepare(*table, QDir::toNativeSeparators(path), error);
}

std::optional<AssetCsvPreview> AssetCsvImport::prepare(const CsvTable &table, const QString &sourceName,
                                                       QString *error)
{
    const auto failWith = [&](const QString &reason) {
        if (error)
            *error = tr("%1: %2").arg(sourceName, reason);
        return std::nullopt;
    };
    AssetCsvPreview preview;
    preview.sourceName = sourceName;
    preview.header = table.header;

    // Which column is which.
    std::array<qsizetype, kColumns.size()> columnOf;
    columnOf.fill(-1);
    for (qsizetype c = 0; c < table.header.size(); ++c) {
        const QString key = headerKey(table.header.at(c));
        const auto known = std::find_if(kColumns.begin(), kColumns.end(), [&](const auto &column) {
            return headerKey(QLatin1String(column.first)) == key;
        });
        if (known == kColumns.end()) {
            if (!key.isEmpty())
                preview.ignoredColumns.append(table.header.at(c).trimmed());
            continue;
        }
        qsizetype &slot = columnOf[size_t(known - kColumns.begin())];
        if (slot >= 0)
            return failWith(tr("the column \"%1\" appears twice (columns %2 and %3)")
                                .arg(QLatin1String(known->first))
                                .arg(slot + 1)
                                .arg(c + 1));
        slot = c;
    }
    if (columnOf[0] < 0)
        return failWith(tr("no \"Name\" column; the header must name the template's columns (%1)")
                            .arg([] {
                                QStringList names;
                                for (const auto &column : kColumns)
                                    names.append(QLatin1String(column.first));
                                return names.join(QStringLiteral(", "));
                            }()));

    try {
        Transaction snapshot(m_db, Transaction::Read); // every row resolved against one state
        AssetReferenceResolver references(m_db);
        AssetValidator validator(m_db, references);
        QHash<QString, int> rejectedNames; // case-folded name -> row, to explain a parent that was rejected
        // Rows not yet imported or rejected, by case-folded name: a parent
        // named by a row may come later in the file, so that row waits.
        QHash<QString, int> undecided;
        const auto nameOf = [&](const CsvRecord &record) {
            return columnOf[0] < 0 ? QString() : record.fields.at(columnOf[0]).trimmed().toCaseFolded();
        };
        for (const CsvRecord &record : table.records)
            ++undecided[nameOf(record)];

        // One row's edit and problems; `waitsFor`: the name of a parent that
        // is a row of the file not decided yet (no problem recorded for it).
        const auto readRow = [&](const CsvRecord &record, QString *waitsFor) {
            AssetEdit edit;
            QStringList problems;
            for (size_t k = 0; k < kColumns.size(); ++k) {
                if (columnOf[k] < 0)
                    continue;
                const AssetField field = kColumns[k].second;
                const QString value = record.fields.at(columnOf[k]);
                if (field == AssetField::Name) {
                    edit.name = value;
                } else if (field == AssetField::AssetTag) {
                    edit.assetTag = value;
                } else if (field == AssetField::Latitude || field == AssetField::Longitude) {
                    if (value.trimmed().isEmpty())
                        continue;
                    const std::optional<double> number = AssetFieldParser::parseNumber(value);
                    if (!number)
                        problems.append(tr("%1: '%2' is not a number").arg(assetFieldLabel(field), value.trimmed()));
                    else
                        (field == AssetField::Latitude ? edit.latitude : edit.longitude) = *number;
                } else if (!value.trimmed().isEmpty()) {
                    QString reason;
                    const std::optional<QString> id = references.resolve(field, value, &reason);
                    const QString folded = value.trimmed().toCaseFolded();
                    const int rejectedRow = rejectedNames.value(folded);
                    const int others = undecided.value(folded) - (folded == nameOf(record) ? 1 : 0);
                    if (!id && field == AssetField::Parent && rejectedRow == 0 && others > 0) {
                        *waitsFor = value.trimmed();
                        continue;
                    }
                    if (!id && field == AssetField::Parent && rejectedRow > 0)
                        reason = tr("%1: \"%2\" is row %3, which is not imported")
                                     .arg(assetFieldLabel(field), value.trimmed())
                                     .arg(rejectedRow);
                    if (id)
                        *edit.referenceSlot(field) = *id;
                    else
                        problems.append(reason);
                }
            }
            edit = edit.normalised();
            problems += validator.problemsForNew(edit);
            return std::make_pair(edit, problems);
        };
        // Rows waiting for a parent, by its case-folded name; once a row of
        // that name is decided, they are decided again (parents go first).
        QHash<QString, std::vector<const CsvRecord *>> waitingFor;
        QSet<const CsvRecord *> waiting;
        std::deque<const CsvRecord *> again;
        const auto settled = [&](const CsvRecord &record) {
            const QString folded = nameOf(record);
            --undecided[folded];
            if (const auto it = waitingFor.find(folded); it != waitingFor.end()) {
                for (const CsvRecord *waiter : *it)
                    if (waiting.remove(waiter))
                        again.push_back(waiter);
                waitingFor.erase(it);
            }
        };
        const auto reject = [&](const CsvRecord &record, const AssetEdit &edit, const QStringList &problems) {
            if (edit.name && !edit.name->isEmpty())
                rejectedNames.insert(edit.name->toCaseFolded(), record.row);
            preview.rejected.push_back({record.row, problems.join(QStringLiteral("; ")), record.fields});
            settled(record);
        };
        // A row with the name and asset tag of an asset already there, or of
        // a row imported above it, is the same asset again (a file imported
        // twice): refused, never a duplicate. (Rows without a tag cannot be
        // told apart from a second asset of the same name.)
        QHash<QString, int> importedKeys; // sameAssetKey -> row
        const auto sameAssetKey = [](const AssetEdit &edit) -> QString { // (a QString, not a builder of temporaries)
            return edit.name->toCaseFolded() + QLatin1Char('\n') + edit.assetTag->toCaseFolded();
        };
        Statement sameAsset = m_db.cached("SELECT id FROM assets WHERE name = ? AND asset_tag = ? COLLATE NOCASE LIMIT 1");
        const auto duplicateProblem = [&](const CsvRecord &record, const AssetEdit &edit) {
            if (!edit.name || !edit.assetTag || edit.assetTag->isEmpty())
                return QString();
            if (const int row = importedKeys.value(sameAssetKey(edit)); row > 0 && row != record.row)
                return tr("the same name and asset tag as row %1: the same asset twice").arg(row);
            sameAsset.bind(1, *edit.name).bind(2, *edit.assetTag);
            const QString existing = sameAsset.step() ? sameAsset.columnText(0) : QString();
            sameAsset.reset();
            if (!existing.isEmpty())
                return tr("an asset with this name and asset tag is already there (%1): was the file imported before?")
                    .arg(existing);
            return QString();
        };
        // `last`: nothing will be decided any more (rows naming each other).
        const auto decide = [&](const CsvRecord &record, bool last) {
            QString waitsFor;
            auto [edit, problems] = readRow(record, &waitsFor);
            if (const QString duplicate = duplicateProblem(record, edit); !duplicate.isEmpty())
                problems.append(duplicate);
            if (problems.isEmpty() && !waitsFor.isEmpty() && last)
                problems.append(tr("%1: \"%2\" is a row of this file that is not imported (rows naming each other "
                                   "as parent)")
                                    .arg(assetFieldLabel(AssetField::Parent), waitsFor));
            if (!problems.isEmpty()) {
                reject(record, edit, problems);
            } else if (!waitsFor.isEmpty()) {
                waitingFor[waitsFor.toCaseFolded()].push_back(&record);
                waiting.insert(&record);
            } else {
                const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                references.addPendingAsset(id, *edit.name);
                if (edit.assetTag && !edit.assetTag->isEmpty())
                    importedKeys.insert(sameAssetKey(edit), record.row);
                preview.toCreate.push_back({record.row, id, edit});
                settled(record);
            }
        };
        const auto decideWithWaiting = [&](const CsvRecord &record, bool last) {
            decide(record, last);
            while (!again.empty()) {
                const CsvRecord *next = again.front();
                again.pop_front();
                decide(*next, false);
            }
        };
        for (const CsvRecord &record : table.records)
            decideWithWaiting(record, false);
        // What still waits, waits for rows that wait too: rejected in file
        // order, each with why (the rows waiting for it learn it is rejected).
        std::vector<const CsvRecord *> stuck(waiting.begin(), waiting.end());
        std::sort(stuck.begin(), stuck.end(), [](const CsvRecord *a, const CsvRecord *b) { return a->row < b->row; });
        for (const CsvRecord *record : stuck)
            if (waiting.remove(record)) // (not decided meanwhile)
                decideWithWaiting(*record, true);
        std::sort(preview.rejected.begin(), preview.rejected.end(),
                  [](const AssetCsvRejectedRow &a, const AssetCsvRejectedRow &b) { return a.row < b.row; });
    } catch (const StoreError &storeError) {
        return failWith(storeError.message());
    }
    return preview;
}

std::optional<qsizetype> AssetCsvImport::commit(const AssetCsvPreview &preview, const QString &author,
                                                const Progress &progress, const std::atomic<bool> *cancel,
                                                QString *error)
{
    try {
        return commitInTransaction(preview, author, progress, cancel, error);
    } catch (const StoreError &storeError) {
        if (error)
            *error = tr("%1: nothing was imported: %2").arg(preview.sourceName, storeError.message());
        return std::nullopt;
    }
}

std::optional<qsizetype> AssetCsvImport::commitInTransaction(const AssetCsvPreview &preview, const QString &author,
                                                             const Progress &progress,
                                                             const std::atomic<bool> *cancel, QString *error)
{
    const qsizetype total = qsizetype(preview.toCreate.size());
    Transaction transaction(m_db);
    AssetReferenceResolver references(m_db);
    AssetValidator validator(m_db, references);
    AssetRepository repository(m_db);
    AssetChangeLog log(m_db);
    const QString now = AssetEditor::nowText();
    Statement markCreatedHere =
        m_db.cached("UPDATE assets SET created_here = 1 WHERE id IN (SELECT value FROM json_each(?))");
    if (progress)
        progress(0, total);
    for (qsizetype first = 0; first < total; first += kBatch) {
        if (cancel && cancel->load()) {
            if (error)
                *error = tr("%1: the import was cancelled; nothing was imported").arg(preview.sourceName);
            return std::nullopt;
        }
        const qsizetype end = std::min(total, first + kBatch);
        std::vector<Asset> batch;
        std::vector<AssetChange> changes;
        QJsonArray ids;
        batch.reserve(size_t(end - first));
        for (qsizetype i = first; i < end; ++i) {
            const AssetCsvRow &row = preview.toCreate[size_t(i)];
            // The workspace may have changed since the preview (another
            // program's edit): the rules are checked again on what commits.
            const QStringList problems = validator.problemsForNew(row.fields);
            if (!problems.isEmpty()) {
                if (error)
                    *error = tr("%1: row %2: %3; the workspace changed since the preview, nothing was imported")
                                 .arg(preview.sourceName)
                                 .arg(row.row)
                                 .arg(problems.join(QStringLiteral("; ")));
                return std::nullopt;
            }
            references.addPendingAsset(row.assetId, *row.fields.name);
            Asset asset;
            asset.id = row.assetId;
            row.fields.applyTo(asset);
            asset.modifiedOn = now;
            asset.accountName = asset.accountId.isEmpty() ? QString() : references.displayName(AssetField::Account, asset.accountId);
            asset.productName = asset.productId.isEmpty() ? QString() : references.displayName(AssetField::Product, asset.productId);
            asset.categoryName = asset.categoryId.isEmpty() ? QString() : references.displayName(AssetField::Category, asset.categoryId);
            changes.push_back({row.assetId, QStringLiteral("create"), QString(),
                               row.fields.changesFrom(Asset(), references)});
            batch.push_back(std::move(asset));
            ids.append(row.assetId);
        }
        repository.upsertAssets(batch);
        markCreatedHere.bind(1, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))).run();
        markCreatedHere.reset();
        for (const AssetChange &change : changes)
            log.record(change, author, now);
        if (progress)
            progress(end, total);
    }
    if (cancel && cancel->load()) {
        if (error)
            *error = tr("%1: the import was cancelled; nothing was imported").arg(preview.sourceName);
        return std::nullopt;
    }
    transaction.commit();
    return total;
}

bool AssetCsvImport::writeRejectedRows(const AssetCsvPreview &preview, const QString &path, QString *error)
{
    QByteArray bytes = CsvWriter::byteOrderMark();
    bytes += CsvWriter::record(QStringList(preview.header) << tr("Row") << tr("Reason"));
    for (const AssetCsvRejectedRow &row : preview.rejected)
        bytes += CsvWriter::record(QStringList(row.fields) << QString::number(row.row) << row.reason);
    return OutputFile::write(path, bytes, error);
}

} // namespace sl
