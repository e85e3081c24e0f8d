#pragma once

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
public:
    explicit CaptureImporter(Workspace &workspace);
    ImportReport importFolder(const QString &folder);
    // One manifest; returns an empty string on success, else the error line.
    QString importManifest(const QString &manifestPath, QString *importedId = nullptr);

private:
    Workspace &m_workspace;
};

} // namespace sl
