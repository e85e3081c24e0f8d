#pragma once

#include <QCoreApplication>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <functional>

namespace sl {

class Database;
class Workspace;
class WorkspaceLock;
struct CaptureManifest;
struct CaptureRecord;

struct ImportReport
{
    QStringList importedIds;
    QStringList errors; // one line each: "<file>: <field>: <reason>"
};

// Imports every `*.capture.json` of a folder (recursively) with its media into
// a workspace. Each capture: the manifest is validated and its media decoded
// first; then, holding the workspace's write lock, the media is copied under a
// name made of its SHA-256 (stored files are never overwritten with other
// bytes), the manifest is written beside it, and the record is switched to
// them in one transaction; what the record referred to before is removed only
// after the commit. A crash or a failure at any point leaves the old capture
// or the new one, whole. One bad capture is reported and skipped; two
// manifests of one folder with the same capture id are both refused.
class CaptureImporter
{
    Q_DECLARE_TR_FUNCTIONS(CaptureImporter)
public:
    // With `heldLock`, the caller already holds the workspace's write lock
    // (a rebuild) and the importer does not take it again.
    explicit CaptureImporter(Workspace &workspace, const WorkspaceLock *heldLock = nullptr);
    ImportReport importFolder(const QString &folder);
    // One manifest; returns an empty string on success, else the error line.
    QString importManifest(const QString &manifestPath, QString *importedId = nullptr);
    // Runs inside the transaction that switches each capture's record, after
    // the row is written: what must commit with the capture or not at all
    // (the outbox entry of a capture made here, e.g. a snapshot). A
    // StoreError it throws undoes that capture's import.
    using WithinCommit = std::function<void(Database &, const CaptureRecord &)>;
    void setWithinCommit(WithinCommit hook) { m_withinCommit = std::move(hook); }

private:
    // displayName names the manifest in error lines (its path below the
    // imported folder, or its file name).
    QString importOne(const QString &manifestPath, const QString &displayName, QString *importedId);
    QString importChecked(const QString &manifestPath, const QString &displayName, QString *importedId);
    // Copies the checked media in and switches the record; under the lock.
    QString store(const CaptureManifest &manifest, const QFileInfo &decoded, const QString &displayName);

    Workspace &m_workspace;
    const WorkspaceLock *m_heldLock = nullptr;
    WithinCommit m_withinCommit;
};

} // namespace sl
