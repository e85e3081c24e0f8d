#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace sl {

// Builds the built-in demo workspace, deterministically: accounts, products,
// categories and >= 2,000 assets in a parent/child hierarchy with
// Field-Service-like names, plus rendered demo captures (see
// DemoCaptureGenerator) imported onto a handful of assets.
class DemoWorkspaceBuilder
{
    Q_DECLARE_TR_FUNCTIONS(DemoWorkspaceBuilder)
public:
    struct Options
    {
        int assetCount = 2400;
        int videoCount = 6;
        int photoCount = 6;
        double videoSeconds = 12;
    };
    // progress: a user-facing step description and a fraction 0..1; called on
    // the building thread.
    using Progress = std::function<void(const QString &step, double fraction)>;

    // Builds into `directory` (created if missing). False with *error set.
    static bool build(const QString &directory, const Options &options, QString *error = nullptr,
                      const Progress &progress = {});
    // Builds only when `directory` holds no workspace with assets yet.
    static bool ensure(const QString &directory, QString *error = nullptr, const Progress &progress = {});
    // Where the GUI keeps its demo workspace (under QStandardPaths::AppLocalDataLocation).
    static QString defaultDirectory();
};

} // namespace sl
