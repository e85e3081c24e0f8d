#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace sl {

class Database;

// The media folder of a workspace, where stored files are immutable: a new
// version is written under a new name (named by its content), the record is
// switched to it in a database transaction, and the replaced file is removed
// only after the commit. Files that may end up referenced by no record (written
// before a commit that did not happen, or replaced by one that did) are first
// recorded in the media journal, and collected by whoever next holds the
// workspace's write lock (WorkspaceLock). All paths are workspace-relative
// ("media/<capture>/<file>") unless said otherwise.
class MediaStore
{
    Q_DECLARE_TR_FUNCTIONS(MediaStore)
public:
    MediaStore(Database &db, const QString &workspaceDirectory);

    // Absolute path of a stored path; empty when the path breaks MediaPath's
    // rule (absolute, "..", ...).
    QString absolutePath(const QString &relative) const;

    // Journals files about to be written, in a transaction of its own (or the
    // caller's). Throws StoreError.
    void journal(const QStringList &relativePaths);
    // The same on a connection alone: for a record removed in the caller's
    // transaction, whose files go once it committed (collectUnreferenced).
    static void journal(Database &db, const QStringList &relativePaths);
    // Removes every journaled file that no capture references, and its journal
    // row. The caller holds the write lock. Returns the number of files removed.
    // Throws StoreError.
    int collectUnreferenced();
    // Whether any capture refers to the stored path (as media or manifest).
    bool isReferenced(const QString &relative) const;
    // Every file below media/ that no capture references, sorted: a full scan,
    // for checks and tests (a normal open only collects the journal).
    QStringList unreferencedFiles() const;

    // Copies `sourcePath` (absolute) to `relativeTarget`, computing the SHA-256
    // of the bytes written; the data is on disk (fsync) when this returns true.
    // On failure the target is removed and *error names the cause.
    bool copyWithHash(const QString &sourcePath, const QString &relativeTarget, QByteArray *sha256Hex,
                      QString *error);
    // Writes `bytes` to `relativeTarget` (created or replaced); on disk
    // (fsync) when this returns true. Write to a journaled temporary name,
    // then rename(): the same steps as a copied file.
    bool writeFile(const QString &relativeTarget, const QByteArray &bytes, QString *error);
    // Renames a stored file, atomically replacing the target, and makes the
    // rename durable.
    bool rename(const QString &fromRelative, const QString &toRelative, QString *error);
    // The SHA-256 (hex) of a stored file's bytes; empty with *error on failure.
    QByteArray sha256Of(const QString &relative, QString *error) const;

private:
    // Streams `source` into `relativeTarget`, hashing it; synced on success,
    // removed on failure. `sourceName` names the source in errors.
    bool streamInto(QIODevice &source, const QString &sourceName, const QString &relativeTarget,
                    QByteArray *sha256Hex, QString *error);

    Database &m_db;
    QString m_directory; // absolute workspace folder
};

} // namespace sl
