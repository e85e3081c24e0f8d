#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sl {

// The asset commands of sightline-cli: `asset create|set|deactivate|activate`
// and `import-assets`. Each returns the exit code (0 done, 1 refused or
// failed, 2 the command line is wrong) and gives a refusal as one line on
// stderr. No workspace write lock is taken: these commands write database
// rows only (no media files), and each write is one BEGIN IMMEDIATE
// transaction, which SQLite serialises against every other writer; the
// rules are checked inside it.
class AssetCommands
{
    Q_DECLARE_TR_FUNCTIONS(AssetCommands)
public:
    // `arguments`: what follows "asset" (the subcommand, an id, field=value...).
    static int asset(const QStringList &arguments, const QString &workspaceDirectory);
    // Exit code 0 when the import ran, even with rejected rows (they are
    // listed as "row N: reason"); 1 when the file is refused or nothing
    // could be written. `rejectedReport`: where to write the rejected rows
    // as CSV; empty for none.
    static int importAssets(const QString &csvPath, const QString &workspaceDirectory, bool dryRun,
                            const QString &rejectedReport);
};

} // namespace sl
