#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>

class QThread;
struct sqlite3;
struct sqlite3_stmt;

namespace sl {

// Error path of the store: every function of Database, Statement,
// Transaction and the repositories throws StoreError when SQLite fails
// (constraint violation, I/O error, corrupt file, schema too new, ...).
// Callers at the API boundary (Workspace::open, the importer, item models,
// the demo builder, the UI) catch it and turn message() into user text.
class StoreError : public std::runtime_error
{
    Q_DECLARE_TR_FUNCTIONS(StoreError)
public:
    StoreError(const QString &message, int sqliteCode = 0);
    QString message() const { return m_message; }
    int sqliteCode() const { return m_code; } // primary SQLite result code; 0 when not from SQLite
    // The database file is damaged (or is not a database): see Workspace.
    bool isDamaged() const;

    // The user-facing cause of a primary SQLite result code ("the disk is
    // full", "the workspace is read-only", ...); empty for codes with no
    // cause worth naming beyond SQLite's own text.
    static QString causeOf(int sqliteCode);
    // "<cause>: <detail>", or the detail alone when the code has no cause.
    static QString describe(int sqliteCode, const QString &detail);

private:
    QString m_message;
    int m_code = 0;
};

class Database;

// A prepared statement. Bind indices are 1-based (SQLite's), column indices
// 0-based. Moveable, not copyable; finalised (or returned to the connection's
// cache) on destruction.
class Statement
{
public:
    Statement() = default;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, const QString &value); // always text: a null QString binds ''
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QByteArray &value); // as a BLOB
    Statement &bindUtf8(int index, const QByteArray &utf8); // as text, already UTF-8 (a large JSON batch: no copy through UTF-16)
    Statement &bindNull(int index);
    // Binds NULL for an empty string (optional lookups, foreign keys).
    Statement &bindOptional(int index, const QString &value);
    // Binds integers as the text of a JSON array, for `json_each(?)`: one
    // statement for a whole list instead of one per value.
    Statement &bindIntegerList(int index, std::span<const qint64> values);
    // Binds a C++ object for an SQL function of this connection (SQLite's
    // pointer passing: the SQL sees NULL, the function gets the pointer back
    // only with the same `type`). `type` must be a string literal.
    Statement &bindPointer(int index, void *pointer, const char *type);
    // The index of a named parameter (":name"), 0 when the SQL has none.
    int parameterIndex(const char *name) const;

    // Runs one step: true when a row is available, false when done.
    bool step();
    // Steps to completion (for statements that return no rows).
    void run();
    // Ready to run again with new bindings.
    void reset();

    QString columnText(int column) const;
    qint64 columnInt64(int column) const;
    int columnInt(int column) const { return int(columnInt64(column)); }
    double columnDouble(int column) const;
    QByteArray columnBlob(int column) const;
    bool columnIsNull(int column) const;

    bool isValid() const { return m_stmt != nullptr; }

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt, bool cached);
    void check(int rc, const char *what) const;
    void release();

    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_cached = false;
};

// An SQLite connection: WAL journal, foreign keys on, a busy timeout and
// synchronous=FULL (every commit durable). Belongs to the thread that opened
// it: exec(), prepare() and cached() from any other thread throw StoreError
// (the GUI thread must never run SQL on the store worker's connection).
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    enum class Access { ReadWrite, ReadOnly };
    // Opens (creating if missing) the database file; throws StoreError.
    // ReadOnly opens an existing file as it is (no pragma is written): for
    // reading what is left of a damaged workspace.
    static std::unique_ptr<Database> open(const QString &path, int busyTimeoutMs = 5000,
                                          Access access = Access::ReadWrite);

    QString path() const { return m_path; }
    // Runs one or more statements that return no rows.
    void exec(const QString &sql);
    // A fresh prepared statement.
    Statement prepare(const QString &sql);
    // A statement from the connection's cache (prepared once, reused); for
    // the hot paths. Falls back to a fresh statement when it is in use.
    Statement cached(const char *sql);

    qint64 lastInsertRowId() const;
    int changes() const;
    int userVersion();
    void setUserVersion(int version);
    // A single-value query helper: the first column of the first row as text.
    QString queryText(const QString &sql);
    bool inTransaction() const;
    // Copies the WAL into the database and truncates it to zero bytes, when
    // no transaction is open on this connection (after bulk writes). A reader
    // on another connection can hold the WAL back: that is not an error, the
    // next checkpoint catches up. Returns whether the WAL was emptied.
    bool checkpointIfIdle();
    // The WAL is cut back to this size after each checkpoint (bytes).
    static constexpr qint64 kJournalSizeLimit = 64 * 1024 * 1024;
    enum class Check { Quick, Full };
    // SQLite's own check of the file: empty when sound, else its first
    // finding (e.g. "database disk image is malformed"). Throws StoreError
    // when the file is too damaged to be checked at all.
    QString integrityProblem(Check check = Check::Quick);

    sqlite3 *handle() const { return m_db; }
    // The connection's current error text.
    QString lastErrorMessage() const;

private:
    friend class Statement;
    friend class Transaction;
    Database() = default;
    [[noreturn]] void fail(int rc, const QString &what) const;
    // `rc` made exact by the system's error where SQLite reports only an I/O
    // error or "cannot open" (a full disk, a read-only one, permissions).
    int withSystemCause(int rc) const;
    void returnToCache(sqlite3_stmt *stmt);
    QString switchToWal(); // the journal mode read back

    void checkThread() const; // throws StoreError off the owning thread

    sqlite3 *m_db = nullptr;
    QThread *m_thread = nullptr; // the thread that opened the connection
    QString m_path;
    int m_transactionDepth = 0;
    int m_busyTimeoutMs = 0;
    struct CacheEntry
    {
        sqlite3_stmt *stmt = nullptr;
        bool inUse = false;
    };
    std::unordered_map<std::string, CacheEntry> m_cache;
};

// A transaction scope: BEGIN IMMEDIATE (Write: takes the write lock at once,
// so it never fails half-way on a busy database) or BEGIN DEFERRED (Read: a
// consistent snapshot that does not block writers) at the outermost level,
// a SAVEPOINT when nested. Rolls back on destruction unless commit() was called.
class Transaction
{
public:
    enum Kind { Write, Read };
    explicit Transaction(Database &db, Kind kind = Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_db;
    int m_level = 0; // 1 = outermost
    bool m_done = false;
};

} // namespace sl
