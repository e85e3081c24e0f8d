#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sl {

// What `sightline-cli rebuild` did.
struct RebuildReport
{
    bool ok = false;
    QString error;              // why nothing was changed, when !ok
    int capturesReimported = 0; // from the manifest files in media/
    QStringList captureErrors;  // one line per capture folder that could not be re-imported
    QStringList salvaged;       // "assets: 2400 rows", one per table read back from the old database
    QString keptAs;             // file name the old database is kept under; empty when there was none
};

// Makes a new database for a workspace whose database is damaged: re-imports
// every stored capture from the manifest and media files of its media folder,
// reads back what it can of the old database's tables (assets and lookups,
// reviews, the outbox of unsent edits, where each synced table ended, the sync
// conflicts and the media cache rows; the captures too, so that one from the
// asset store that no media folder holds stays, its markup filed from its
// stored manifest), and only then puts the new database in
// place, keeping the old one (with its WAL) beside it under a new name. Holds
// the workspace's write lock throughout. Sightline should not have the
// workspace open meanwhile.
class WorkspaceRebuilder
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceRebuilder)
public:
    static RebuildReport rebuild(const QString &directory);
};

} // namespace sl
