#pragma once

#include "editing/assetedit.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace sl {

class Database;
struct CsvTable;

// A row of the file that will become a new asset.
struct AssetCsvRow
{
    int row = 0;     // spreadsheet row: the header is row 1 (CsvRecord::row)
    QString assetId; // client-generated
    AssetEdit fields; // references resolved to ids
};

// A row that will not be imported, and why (one line).
struct AssetCsvRejectedRow
{
    int row = 0; // spreadsheet row: the header is row 1
    QString reason;
    QStringList fields; // as in the file, for the rejected-rows report
};

// What an import would do; nothing is written to make it.
struct AssetCsvPreview
{
    QString sourceName;
    QStringList header;
    std::vector<AssetCsvRow> toCreate;
    std::vector<AssetCsvRejectedRow> rejected;
    QStringList ignoredColumns; // columns of the file that are not in the template, as written
};

// Imports assets from a CSV file in the shape of the Dataverse data-import
// template for Customer Asset: columns Name (required), Asset Tag, Category,
// Account, Product, Parent Asset, Latitude, Longitude, matched by header
// name case-insensitively (surrounding spaces ignored; other columns are
// ignored and reported once). References are resolved by name (or id) with
// AssetReferenceResolver; a Parent Asset may name another row of the file,
// before or after it (rows are imported parents first; rows naming each
// other are rejected). A row with the name and asset tag of an asset
// already there, or of a row above it, is rejected as the same asset again
// (a file imported twice). Every row passes AssetValidator. Row numbers are those a spreadsheet
// shows: the header is row 1, the first data row is row 2.
class AssetCsvImport
{
    Q_DECLARE_TR_FUNCTIONS(AssetCsvImport)
public:
    // Rows written so far, of `total`.
    using Progress = std::function<void(qsizetype done, qsizetype total)>;

    explicit AssetCsvImport(Database &db);

    // Reads and checks the file (CsvReader) and resolves every row. nullopt
    // with *error set (one line, naming the file) when the file is refused.
    std::optional<AssetCsvPreview> prepare(const QString &path, QString *error);
    std::optional<AssetCsvPreview> prepare(const CsvTable &table, const QString &sourceName, QString *error);

    // Writes every row of preview.toCreate in ONE transaction, each with its
    // outbox 'create' entry and audit rows; re-checks them against the
    // workspace as it is now. A cancel (checked between batches), a row the
    // workspace no longer accepts or a store failure leaves nothing, with
    // *error set. Returns the number of assets created.
    std::optional<qsizetype> commit(const AssetCsvPreview &preview, const QString &author,
                                    const Progress &progress = {}, const std::atomic<bool> *cancel = nullptr,
                                    QString *error = nullptr);

    // Writes the rejected rows as CSV (the file's header and fields, then
    // "Row" and "Reason"), so the user can fix them and import the file
    // again; through OutputFile. False with *error set when it cannot.
    static bool writeRejectedRows(const AssetCsvPreview &preview, const QString &path, QString *error);

private:
    std::optional<qsizetype> commitInTransaction(const AssetCsvPreview &preview, const QString &author,
                                                 const Progress &progress, const std::atomic<bool> *cancel,
                                                 QString *error);

    Database &m_db;
};

} // namespace sl
