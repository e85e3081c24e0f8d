#include "store/database.h"

#include "common/logging.h"
#include "store/assetbatch.h"
#include "store/rowset.h"

#include <QElapsedTimer>
#include <QThread>

#include <cerrno>

#include <sqlite3.h>

#include <utility>

namespace sl {

StoreError::StoreError(const QString &message, int sqliteCode)
    : std::runtime_error(message.toStdString()), m_message(message), m_code(sqliteCode)
{
}

bool StoreError::isDamaged() const
{
    return m_code == SQLITE_CORRUPT || m_code == SQLITE_NOTADB;
}

QString StoreError::causeOf(int sqliteCode)
{
    switch (sqliteCode & 0xff) {
    case SQLITE_FULL:
        return tr("the disk is full");
    case SQLITE_READONLY:
        return tr("the workspace is read-only");
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return tr("permission denied");
    case SQLITE_CANTOPEN:
        return tr("the database file cannot be opened (missing folder or permission denied)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return tr("the workspace is busy: another program is writing to it");
    case SQLITE_NOMEM:
        return tr("not enough memory");
    case SQLITE_IOERR:
        return tr("the disk reported an input/output error");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return tr("the workspace database is damaged");
    case SQLITE_TOOBIG:
        return tr("a value is too large to store");
    default:
        return {};
    }
}

QString StoreError::describe(int sqliteCode, const QString &detail)
{
    const QString cause = causeOf(sqliteCode);
    return cause.isEmpty() ? detail : cause + QStringLiteral(": ") + detail;
}

// --- Statement -------------------------------------------------------------

Statement::Statement(Database *db, sqlite3_stmt *stmt, bool cached) : m_db(db), m_stmt(stmt), m_cached(cached)
{
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_cached(std::exchange(other.m_cached, false))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        release();
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_cached = std::exchange(other.m_cached, false);
    }
    return *this;
}

Statement::~Statement()
{
    release();
}

void Statement::release()
{
    if (!m_stmt)
        return;
    if (m_cached && m_db)
        m_db->returnToCache(m_stmt);
    else
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
}

void Statement::check(int rc, const char *what) const
{
    if (rc != SQLITE_OK)
        m_db->fail(rc, QString::fromLatin1(what));
}

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    // A null QString binds '' (not NULL): NULL is explicit, via bindNull()/bindOptional().
    check(sqlite3_bind_text(m_stmt, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                            SQLITE_TRANSIENT),
          "bind text");
    return *this;
}

Statement &Statement::bindUtf8(int index, const QByteArray &utf8)
{
    check(sqlite3_bind_text(m_stmt, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                            SQLITE_TRANSIENT),
          "bind text");
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    check(sqlite3_bind_int64(m_stmt, index, value), "bind integer");
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value), "bind real");
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    check(sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT),
          "bind blob");
    return *this;
}

Statement &Statement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt, index), "bind null");
    return *this;
}

Statement &Statement::bindOptional(int index, const QString &value)
{
    return value.isEmpty() ? bindNull(index) : bind(index, value);
}

Statement &Statement::bindIntegerList(int index, std::span<const qint64> values)
{
    QByteArray list = "[";
    for (qint64 value : values) {
        if (list.size() > 1)
            list += ',';
        list += QByteArray::number(value);
    }
    list += ']';
    check(sqlite3_bind_text(m_stmt, index, list.constData(), int(list.size()), SQLITE_TRANSIENT), "bind text");
    return *this;
}

Statement &Statement::bindPointer(int index, void *pointer, const char *type)
{
    check(sqlite3_bind_pointer(m_stmt, index, pointer, type, nullptr), "bind pointer");
    return *this;
}

int Statement::parameterIndex(const char *name) const
{
    return sqlite3_bind_parameter_index(m_stmt, name);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // sqlite3_reset returns the same error; reset so the statement can be reused.
    const QString sql = QString::fromUtf8(sqlite3_sql(m_stmt)).simplified().left(120);
    const QString message = m_db->lastErrorMessage();
    const int code = m_db->withSystemCause(rc);
    sqlite3_reset(m_stmt);
    throw StoreError(StoreError::describe(code, QStringLiteral("%1 (in \"%2\")").arg(message, sql)), code & 0xff);
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QString Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return {};
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArray Statement::columnBlob(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    return data ? QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column))
                : QByteArray();
}

bool Statement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// --- Database --------------------------------------------------------------

std::unique_ptr<Database> Database::open(const QString &path, int busyTimeoutMs, Access access)
{
    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    db->m_thread = QThread::currentThread();
    const int flags = (access == Access::ReadOnly ? SQLITE_OPEN_READONLY
                                                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db->m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString reason = db->m_db ? db->lastErrorMessage() : QString::fromUtf8(sqlite3_errstr(rc));
        const int code = db->withSystemCause(rc);
        throw StoreError(StoreError::describe(code, QStringLiteral("Cannot open the database %1: %2").arg(path, reason)),
                         code & 0xff);
    }
    sqlite3_extended_result_codes(db->m_db, 1);
    db->m_busyTimeoutMs = busyTimeoutMs;
    sqlite3_busy_timeout(db->m_db, busyTimeoutMs);
    // The SQL functions and tables the store's queries use.
    RowSet::registerSqlFunction(*db);
    AssetBatch::registerModule(*db);
    if (access == Access::ReadOnly) // a damaged database is read as it is, never changed
        return db;
    // Reading the journal mode back also proves the file is a database.
    const QString mode = db->switchToWal();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << "journal mode of" << path << "is" << mode << "(WAL unavailable)";
    // A 32 MiB page cache (SQLite's default is 2 MiB) keeps the indices of a
    // large asset list in memory instead of re-reading them from the file.
    // synchronous=FULL: a commit is on disk when COMMIT returns, even across
    // a power cut. With NORMAL, WAL commits are durable only at the next
    // checkpoint, and an import that removes the replaced media file after
    // its commit could lose both versions. Commits here are few and large.
    db->exec(QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;"));
    // Without a limit the WAL keeps the size of the largest write ever made
    // (504 MB after inserting a million assets) until the last connection
    // closes; with it, every checkpoint that resets the WAL also truncates it.
    db->exec(QStringLiteral("PRAGMA journal_size_limit=%1").arg(kJournalSizeLimit));
    return db;
}

QString Database::switchToWal()
{
    // Switching a new file to WAL needs it alone, and SQLite answers
    // SQLITE_BUSY at once, without its busy handler, when another connection
    // is opening the same new file (a window and a command started
    // together): wait for our turn here, as long as the busy timeout allows.
    QElapsedTimer waited;
    waited.start();
    for (int pause = 1;; pause = qMin(pause * 2, 50)) {
        try {
            return queryText(QStringLiteral("PRAGMA journal_mode=WAL"));
        } catch (const StoreError &error) {
            if (error.sqliteCode() != SQLITE_BUSY || waited.elapsed() >= m_busyTimeoutMs)
                throw;
        }
        QThread::msleep(pause);
    }
}

Database::~Database()
{
    for (auto &[sql, entry] : m_cache)
        sqlite3_finalize(entry.stmt);
    m_cache.clear();
    if (m_db)
        sqlite3_close_v2(m_db);
}

void Database::fail(int rc, const QString &what) const
{
    const int code = withSystemCause(rc);
    throw StoreError(StoreError::describe(code, QStringLiteral("%1: %2").arg(what, lastErrorMessage())), code & 0xff);
}

int Database::withSystemCause(int rc) const
{
    // SQLite reports a full disk met while it makes its shared-memory or
    // journal file (or extends it) as an I/O error, or "cannot open"; the
    // system's error says what happened.
    const int primary = rc & 0xff;
    if (!m_db || (primary != SQLITE_IOERR && primary != SQLITE_CANTOPEN))
        return rc;
    switch (sqlite3_system_errno(m_db)) {
    case ENOSPC:
    case EDQUOT:
        return SQLITE_FULL;
    case EROFS:
        return SQLITE_READONLY;
    case EACCES:
    case EPERM:
        return SQLITE_PERM;
    default:
        return rc;
    }
}

QString Database::lastErrorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

void Database::checkThread() const
{
    if (QThread::currentThread() != m_thread)
        throw StoreError(QCoreApplication::translate(
            "sl::Database", "The workspace database %1 was used from a thread that does not own it.")
                             .arg(m_path));
}

void Database::exec(const QString &sql)
{
    checkThread();
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(message);
        const int code = withSystemCause(rc);
        throw StoreError(StoreError::describe(code, QStringLiteral("%1 (in \"%2\")").arg(text, sql.simplified().left(120))),
                         code & 0xff);
    }
}

Statement Database::prepare(const QString &sql)
{
    checkThread();
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        const int code = withSystemCause(rc);
        throw StoreError(StoreError::describe(code, QStringLiteral("%1 (preparing \"%2\")")
                                                        .arg(lastErrorMessage(), sql.simplified().left(120))),
                         code & 0xff);
    }
    return Statement(this, stmt, false);
}

Statement Database::cached(const char *sql)
{
    checkThread();
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        sqlite3_stmt *stmt = nullptr;
        const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) {
            const int code = withSystemCause(rc);
            throw StoreError(StoreError::describe(code, QStringLiteral("%1 (preparing \"%2\")")
                                                            .arg(lastErrorMessage(),
                                                                 QString::fromUtf8(sql).simplified().left(120))),
                             code & 0xff);
        }
        it = m_cache.emplace(sql, CacheEntry{stmt, false}).first;
    }
    if (it->second.inUse) // re-entrant use of the same query: a private copy
        return prepare(QString::fromUtf8(sql));
    it->second.inUse = true;
    return Statement(this, it->second.stmt, true);
}

void Database::returnToCache(sqlite3_stmt *stmt)
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (auto &[sql, entry] : m_cache) {
        if (entry.stmt == stmt) {
            entry.inUse = false;
            return;
        }
    }
    sqlite3_finalize(stmt); // not ours after all
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

int Database::userVersion()
{
    return queryText(QStringLiteral("PRAGMA user_version")).toInt();
}

void Database::setUserVersion(int version)
{
    exec(QStringLiteral("PRAGMA user_version=%1").arg(version));
}

QString Database::queryText(const QString &sql)
{
    Statement statement = prepare(sql);
    return statement.step() ? statement.columnText(0) : QString();
}

QString Database::integrityProblem(Check check)
{
    // quick_check verifies pages, records and constraints but not that every
    // index matches its table (O(N) instead of O(N log N)).
    Statement statement = prepare(check == Check::Quick ? QStringLiteral("PRAGMA quick_check(1)")
                                                        : QStringLiteral("PRAGMA integrity_check(1)"));
    const QString first = statement.step() ? statement.columnText(0) : QStringLiteral("no answer");
    return first == QLatin1String("ok") ? QString() : first;
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

bool Database::checkpointIfIdle()
{
    if (inTransaction())
        return false;
    // TRUNCATE waits for readers through the busy handler: never wait here
    // (a reader on the GUI's connection would stall the writer for seconds).
    sqlite3_busy_timeout(m_db, 0);
    int logFrames = -1, checkpointed = -1;
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed);
    sqlite3_busy_timeout(m_db, m_busyTimeoutMs);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return false;
    if (rc != SQLITE_OK)
        fail(rc, QStringLiteral("WAL checkpoint"));
    return true;
}

// --- Transaction -----------------------------------------------------------

Transaction::Transaction(Database &db, Kind kind) : m_db(db)
{
    m_level = m_db.m_transactionDepth + 1;
    if (m_level == 1)
        m_db.exec(kind == Write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN DEFERRED"));
    else
        m_db.exec(QStringLiteral("SAVEPOINT sl_%1").arg(m_level));
    m_db.m_transactionDepth = m_level;
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    // A destructor must not throw: roll back and log.
    const QString sql = m_level == 1 ? QStringLiteral("ROLLBACK")
                                     : QStringLiteral("ROLLBACK TO sl_%1; RELEASE sl_%1").arg(m_level);
    if (sqlite3_exec(m_db.handle(), sql.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK &&
        m_db.inTransaction())
        qCWarning(lcStore) << "rollback failed:" << m_db.lastErrorMessage();
    m_db.m_transactionDepth = m_level - 1;
}

void Transaction::commit()
{
    if (m_done)
        throw StoreError(QStringLiteral("Transaction committed twice"));
    if (m_level == 1)
        m_db.exec(QStringLiteral("COMMIT"));
    else
        m_db.exec(QStringLiteral("RELEASE sl_%1").arg(m_level));
    m_done = true;
    m_db.m_transactionDepth = m_level - 1;
}

} // namespace sl
