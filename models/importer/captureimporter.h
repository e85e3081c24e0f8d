#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sl {

class Workspace;

struct ImportReport
{
    QStringList importedIds;
    QStringList errors; // one line each: "<file>: <field>: <reason>"
};

// Imports every `*.capture.json` of a folder (recursively) with its media into
// a workspace: validates the manifest and decodes the media first, copies the
// media under the workspace's media/ folder, then stores the record. One bad
// capture is reported and skipped; nothing already stored is lost.
class CaptureImporter
{
    Q_DECLARE_TR_FUNCTIONS(CaptureImporter)
public:
    explicit CaptureImporter(Workspace &workspace);
    ImportReport importFolder(const QString &folder);
    // One manifest; returns an empty string on success, else the error line.
    QString importManifest(const QString &manifestPath, QString *importedId = nullptr);

private:
    // displayName names the manifest in error lines (its path below the
    // imported folder, or its file name).
    QString importOne(const QString &manifestPath, const QString &displayName, QString *importedId);
    QString importChecked(const QString &manifestPath, const QString &displayName, QString *importedId);

    Workspace &m_workspace;
};

} // namespace sl
