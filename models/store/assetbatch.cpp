#include "store/assetbatch.h"

#include "store/database.h"

#include <sqlite3.h>

#include <cmath>
#include <limits>

namespace sl {

namespace {

// The table's declaration: AssetBatch::Column's order, then the hidden
// argument `batch` (the pointer bound to `sl_asset_batch(?)`).
constexpr const char *kSchema =
    "CREATE TABLE x(id TEXT, name TEXT, asset_tag TEXT, modified_on TEXT, etag TEXT, account_id TEXT, "
    "product_id TEXT, category_id TEXT, parent_id TEXT, latitude REAL, longitude REAL, state_code INTEGER, "
    "ord INTEGER, batch HIDDEN)";
constexpr int kBatchArgument = AssetBatch::ColumnCount;

struct Cursor
{
    sqlite3_vtab_cursor base{};
    const AssetBatch *batch = nullptr;
    size_t row = 0;
};

int connect(sqlite3 *db, void *, int, const char *const *, sqlite3_vtab **table, char **)
{
    const int rc = sqlite3_declare_vtab(db, kSchema);
    if (rc != SQLITE_OK)
        return rc;
    // Only the store's own statements read it, never a trigger or a view.
    sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    *table = static_cast<sqlite3_vtab *>(sqlite3_malloc(sizeof(sqlite3_vtab)));
    if (!*table)
        return SQLITE_NOMEM;
    **table = sqlite3_vtab{};
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab *table)
{
    sqlite3_free(table);
    return SQLITE_OK;
}

// The one plan: the batch argument given (else the table cannot be read),
// rows in `ord` order.
int bestIndex(sqlite3_vtab *, sqlite3_index_info *info)
{
    int batchConstraint = -1;
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto &constraint = info->aConstraint[i];
        if (constraint.iColumn != kBatchArgument)
            continue;
        if (!constraint.usable || constraint.op != SQLITE_INDEX_CONSTRAINT_EQ)
            return SQLITE_CONSTRAINT; // try another plan, with the argument
        batchConstraint = i;
    }
    if (batchConstraint < 0)
        return SQLITE_CONSTRAINT;
    info->aConstraintUsage[batchConstraint].argvIndex = 1;
    info->aConstraintUsage[batchConstraint].omit = 1;
    if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == AssetBatch::Ord && !info->aOrderBy[0].desc)
        info->orderByConsumed = 1;
    info->estimatedCost = 1;
    info->estimatedRows = 5000;
    return SQLITE_OK;
}

int open(sqlite3_vtab *, sqlite3_vtab_cursor **cursor)
{
    auto *c = new (std::nothrow) Cursor;
    if (!c)
        return SQLITE_NOMEM;
    *cursor = &c->base;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor *cursor)
{
    delete reinterpret_cast<Cursor *>(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor *cursor, int, const char *, int argc, sqlite3_value **argv)
{
    auto *c = reinterpret_cast<Cursor *>(cursor);
    c->batch = argc > 0 ? static_cast<const AssetBatch *>(sqlite3_value_pointer(argv[0], AssetBatch::kPointerType))
                        : nullptr;
    c->row = 0;
    return SQLITE_OK; // no batch bound (a NULL): no rows
}

int next(sqlite3_vtab_cursor *cursor)
{
    ++reinterpret_cast<Cursor *>(cursor)->row;
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor *cursor)
{
    const auto *c = reinterpret_cast<Cursor *>(cursor);
    return !c->batch || c->row >= c->batch->size();
}

void resultFinite(sqlite3_context *context, double value)
{
    if (std::isfinite(value))
        sqlite3_result_double(context, value);
    else
        sqlite3_result_null(context);
}

int column(sqlite3_vtab_cursor *cursor, sqlite3_context *context, int index)
{
    const auto *c = reinterpret_cast<Cursor *>(cursor);
    const AssetBatch &batch = *c->batch;
    if (index < AssetBatch::kTextColumns) {
        const AssetBatch::Text &text = batch.text(c->row, index);
        if (text.length < 0)
            sqlite3_result_null(context);
        else // the batch outlives the statement's run (AssetBatch::bindTo)
            sqlite3_result_text(context, batch.textData(text), text.length, SQLITE_STATIC);
        return SQLITE_OK;
    }
    const AssetBatch::Numbers &numbers = batch.numbers(c->row);
    switch (index) {
    case AssetBatch::Latitude:
        resultFinite(context, numbers.latitude);
        break;
    case AssetBatch::Longitude:
        resultFinite(context, numbers.longitude);
        break;
    case AssetBatch::StateCode:
        sqlite3_result_int(context, numbers.stateCode);
        break;
    case AssetBatch::Ord:
        sqlite3_result_int64(context, sqlite3_int64(c->row));
        break;
    default:
        sqlite3_result_null(context);
    }
    return SQLITE_OK;
}

int rowId(sqlite3_vtab_cursor *cursor, sqlite3_int64 *id)
{
    *id = sqlite3_int64(reinterpret_cast<Cursor *>(cursor)->row);
    return SQLITE_OK;
}

// Eponymous only (no CREATE VIRTUAL TABLE), read only.
const sqlite3_module kModule = {
    /* iVersion */ 0,
    /* xCreate */ nullptr,
    /* xConnect */ connect,
    /* xBestIndex */ bestIndex,
    /* xDisconnect */ disconnect,
    /* xDestroy */ nullptr,
    /* xOpen */ open,
    /* xClose */ close,
    /* xFilter */ filter,
    /* xNext */ next,
    /* xEof */ eof,
    /* xColumn */ column,
    /* xRowid */ rowId,
    /* xUpdate */ nullptr,
    /* xBegin */ nullptr,
    /* xSync */ nullptr,
    /* xCommit */ nullptr,
    /* xRollback */ nullptr,
    /* xFindFunction */ nullptr,
    /* xRename */ nullptr,
    /* xSavepoint */ nullptr,
    /* xRelease */ nullptr,
    /* xRollbackTo */ nullptr,
    /* xShadowName */ nullptr,
};

} // namespace

void AssetBatch::reserve(size_t rows)
{
    m_texts.reserve(rows * kTextColumns);
    m_numbers.reserve(rows);
    m_utf8.reserve(qsizetype(rows) * 200); // ~180 bytes of text per pulled asset
}

void AssetBatch::append(const QString &value, bool emptyIsNull)
{
    if (value.isEmpty()) {
        m_texts.push_back(emptyIsNull ? Text{} : Text{m_utf8.size(), 0});
        return;
    }
    // UTF-8 written straight into the buffer: at most 3 bytes per UTF-16 unit.
    const qsizetype offset = m_utf8.size();
    const qsizetype room = offset + value.size() * 3;
    if (room > m_utf8.capacity())
        m_utf8.reserve(qMax(room, m_utf8.capacity() * 2));
    m_utf8.resize(room);
    char *end = m_toUtf8.appendToBuffer(m_utf8.data() + offset, value);
    const qsizetype length = end - (m_utf8.constData() + offset);
    m_utf8.truncate(offset + length);
    if (length > std::numeric_limits<int>::max())
        throw StoreError(QStringLiteral("An asset's text of %1 bytes is too long to store").arg(length));
    m_texts.push_back(Text{offset, int(length)});
}

void AssetBatch::append(const QByteArray &utf8)
{
    if (utf8.size() > std::numeric_limits<int>::max())
        throw StoreError(QStringLiteral("An ETag of %1 bytes is too long to store").arg(utf8.size()));
    m_texts.push_back(Text{m_utf8.size(), int(utf8.size())});
    m_utf8.append(utf8);
}

void AssetBatch::add(const Asset &asset, const QString &parentId, const QByteArray &etag)
{
    // In Column's order.
    append(asset.id, false);
    append(asset.name, false);
    append(asset.assetTag, false);
    append(asset.modifiedOn, false);
    append(etag);
    append(asset.accountId, true);
    append(asset.productId, true);
    append(asset.categoryId, true);
    append(parentId, true);
    m_numbers.push_back(Numbers{asset.latitude, asset.longitude, asset.stateCode});
}

void AssetBatch::bindTo(Statement &statement, int index) const
{
    statement.bindPointer(index, const_cast<AssetBatch *>(this), kPointerType);
}

void AssetBatch::registerModule(Database &db)
{
    const int rc = sqlite3_create_module_v2(db.handle(), "sl_asset_batch", &kModule, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(StoreError::describe(rc, QStringLiteral("registering sl_asset_batch: %1")
                                                      .arg(db.lastErrorMessage())),
                         rc & 0xff);
}

} // namespace sl
