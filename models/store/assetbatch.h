#pragma once

#include "domain/asset.h"

#include <QByteArray>
#include <QString>
#include <QStringEncoder>

#include <vector>

namespace sl {

class Database;
class Statement;

// The rows of one asset upsert, encoded once as UTF-8 and read by SQL as a
// table: `SELECT ... FROM sl_asset_batch(?) b`, the batch bound with
// bindTo(). SQLite reads the values where they are: nothing is copied into
// a JSON text and parsed again per column (over json_each, the rows of a
// 5,000-asset page cost twice as much to store).
//
// Columns: id, name, asset_tag, modified_on, etag (text; etag '' when the
// rows carry none), account_id, product_id, category_id, parent_id (text,
// NULL when empty), latitude, longitude (real; NULL when not finite, which
// the NOT NULL columns then refuse), state_code (integer), and `ord`, the
// row's position: `ORDER BY b.ord` costs nothing (the table says its rows
// come in that order), and an id twice in a batch is applied in the order
// given.
class AssetBatch
{
public:
    void reserve(size_t rows);
    // `parentId` is the parent link to store (the caller drops a link to itself).
    void add(const Asset &asset, const QString &parentId, const QByteArray &etag = {});
    size_t size() const { return m_numbers.size(); }

    // Binds this batch to parameter `index` of `statement`; it must outlive
    // the statement's run (until its reset).
    void bindTo(Statement &statement, int index) const;

    // Registers the sl_asset_batch table on the connection.
    static void registerModule(Database &db);
    static constexpr const char *kPointerType = "sl::AssetBatch";

    // Text columns (0-8), then latitude, longitude, state_code, ord.
    enum Column { Id, Name, AssetTag, ModifiedOn, Etag, AccountId, ProductId, CategoryId, ParentId,
                  Latitude, Longitude, StateCode, Ord, ColumnCount };
    static constexpr int kTextColumns = ParentId + 1;

    struct Text
    {
        qsizetype offset = 0;
        int length = -1; // -1: NULL
    };
    struct Numbers
    {
        double latitude = 0;
        double longitude = 0;
        int stateCode = 0;
    };
    // For the table's cursor.
    const char *textData(const Text &text) const { return m_utf8.constData() + text.offset; }
    const Text &text(size_t row, int column) const { return m_texts[row * kTextColumns + size_t(column)]; }
    const Numbers &numbers(size_t row) const { return m_numbers[row]; }

private:
    void append(const QString &value, bool emptyIsNull);
    void append(const QByteArray &utf8);

    QByteArray m_utf8;          // every text value, back to back
    std::vector<Text> m_texts;  // kTextColumns per row
    std::vector<Numbers> m_numbers;
    QStringEncoder m_toUtf8{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
};

} // namespace sl
