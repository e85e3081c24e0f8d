#pragma once

#include <QString>

#include <memory>

namespace sl {

class Database;
class AssetRepository;
class CaptureRepository;
class OutboxRepository;

// One workspace: a directory holding `sightline.db` (SQLite, WAL) and a
// `media/` folder. The database only stores paths relative to the directory.
// A Workspace (and its connection) belongs to the thread that opened it.
class Workspace
{
public:
    ~Workspace();
    // Creates the directory and database if missing and runs migrations.
    // Returns null with *error set (a user-facing message) on failure.
    static std::unique_ptr<Workspace> open(const QString &directory, QString *error = nullptr);

    QString directory() const;
    QString databasePath() const;
    QString mediaDirectory() const;
    // Absolute path of a workspace-relative media path; empty when the path
    // is absolute or would lead outside the workspace directory.
    QString absoluteMediaPath(const QString &relativePath) const;

    Database &database();
    AssetRepository &assets();
    CaptureRepository &captures();
    OutboxRepository &outbox();

private:
    Workspace();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sl
