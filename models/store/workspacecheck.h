#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sl {

// What `sightline-cli check` reports of a workspace.
struct WorkspaceCheckReport
{
    int captures = 0;     // capture records checked
    QStringList problems; // one user-facing line each; empty when all is sound
};

// A full check of a workspace, for people and for the reliability tests: the
// database passes SQLite's integrity check and the search index holds the
// assets' text; every capture's media and manifest
// file exist, and the media's bytes hash to the SHA-256 the record names; no
// file under media/ is referenced by no record. Waits for the write lock so
// that no import is half-way while it looks. Read-only, except that, like any
// open, it collects the files an interrupted import left (see MediaStore).
class WorkspaceCheck
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceCheck)
public:
    static WorkspaceCheckReport run(const QString &directory);
};

} // namespace sl
