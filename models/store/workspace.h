#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace sl {

class Database;
class AssetRepository;
class CaptureRepository;
class OutboxRepository;
class MediaStore;

// One workspace: a directory holding `sightline.db` (SQLite, WAL) and a
// `media/` folder. The database only stores paths relative to the directory.
// A Workspace (and its connection) belongs to the thread that opened it.
class Workspace
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)
public:
    ~Workspace();
    // Creates the directory and database if missing, refuses a database that
    // fails SQLite's quick check (damaged: nothing is written to it, and the
    // message says how to rebuild it), runs migrations, and, when no other
    // program is writing to the workspace, collects the files an interrupted
    // import left unreferenced. Returns null with *error set (a user-facing
    // message) on failure.
    static std::unique_ptr<Workspace> open(const QString &directory, QString *error = nullptr);
    // When SQLite's check of the file runs. Deferred skips it (and the
    // collection of unreferenced media) when the database needs no
    // migration, so that a window shows rows at once; whoever opens
    // Deferred must only read until another connection, opened with the
    // check, has found the file sound (a full check reads the whole file:
    // seconds at a million assets). A database that needs a migration is
    // always checked first.
    enum class Check { BeforeOpening, Deferred };
    static std::unique_ptr<Workspace> open(const QString &directory, Check check, QString *error);
    // The same with another database file in the directory (a rebuild makes
    // its new database beside the damaged one).
    static std::unique_ptr<Workspace> open(const QString &directory, const QString &databaseFileName,
                                           QString *error, Check check = Check::BeforeOpening);
    static constexpr const char *kDatabaseFileName = "sightline.db";
    // The user-facing message for a damaged workspace in `directory`, telling
    // what to do; `finding` is SQLite's.
    static QString damagedMessage(const QString &directory, const QString &finding);

    QString directory() const;
    QString databasePath() const;
    QString mediaDirectory() const;
    // Absolute path of a workspace-relative media path; empty when the path
    // breaks MediaPath's rule (absolute, "..", ...).
    QString absoluteMediaPath(const QString &relativePath) const;

    Database &database();
    AssetRepository &assets();
    CaptureRepository &captures();
    OutboxRepository &outbox();
    MediaStore &media();

private:
    Workspace();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sl
