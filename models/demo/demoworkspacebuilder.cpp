#include "demo/demoworkspacebuilder.h"

#include "common/logging.h"
#include "demo/demoassetgenerator.h"
#include "importer/captureimporter.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/workspace.h"
#include "synthetic/democapturegenerator.h"

#include <QDir>
#include <QStandardPaths>

#include <algorithm>

namespace sl {

namespace {

// Removes the temporary capture folder however build() ends.
class FolderRemover
{
public:
    explicit FolderRemover(QString path) : m_path(std::move(path)) {}
    ~FolderRemover()
    {
        if (!QDir(m_path).removeRecursively())
            qCWarning(lcDemo) << "could not remove the temporary folder" << m_path;
    }
    FolderRemover(const FolderRemover &) = delete;
    FolderRemover &operator=(const FolderRemover &) = delete;

private:
    QString m_path;
};

} // namespace

bool DemoWorkspaceBuilder::build(const QString &directory, const Options &options, QString *error,
                                 const Progress &progress)
{
    auto report = [&progress](const QString &step, double fraction) {
        if (progress)
            progress(step, std::clamp(fraction, 0.0, 1.0));
    };
    auto fail = [error](const QString &message) {
        qCWarning(lcDemo).noquote() << "demo workspace:" << message;
        if (error)
            *error = message;
        return false;
    };

    report(tr("Opening the workspace"), 0.0);
    QString openError;
    std::unique_ptr<Workspace> workspace = Workspace::open(directory, &openError);
    if (!workspace)
        return fail(openError);

    // 1. Assets, in one transaction (stored in slices only to report progress).
    const DemoAssetSet set = DemoAssetGenerator().generate(options.assetCount);
    report(tr("Creating %1 demo assets").arg(set.assets.size()), 0.02);
    try {
        AssetRepository &assets = workspace->assets();
        Transaction transaction(workspace->database());
        assets.upsertCategories(set.categories);
        assets.upsertAccounts(set.accounts);
        assets.upsertProducts(set.products);
        constexpr size_t kSlice = 500;
        for (size_t first = 0; first < set.assets.size(); first += kSlice) {
            const size_t last = std::min(first + kSlice, set.assets.size());
            assets.upsertAssets(std::vector<Asset>(set.assets.begin() + qsizetype(first),
                                                   set.assets.begin() + qsizetype(last)));
            report(tr("Creating %1 demo assets").arg(set.assets.size()),
                   0.02 + 0.13 * double(last) / double(set.assets.size()));
        }
        transaction.commit();
    } catch (const StoreError &e) {
        return fail(tr("Cannot store the demo assets: %1").arg(e.message()));
    }
    qCInfo(lcDemo) << "demo workspace" << workspace->directory() << "holds" << set.assets.size() << "assets";

    // 2. Captures, rendered into a folder inside the workspace and imported
    // like any other capture folder.
    if (options.videoCount + options.photoCount > 0) {
        const QString importFolder = workspace->directory() + QStringLiteral("/.demo-import");
        QDir(importFolder).removeRecursively();
        if (!QDir().mkpath(importFolder))
            return fail(tr("Cannot create the folder %1").arg(QDir::toNativeSeparators(importFolder)));
        const FolderRemover remover(importFolder);

        report(tr("Rendering demo captures"), 0.15);
        DemoCaptureGenerator::Options captureOptions;
        captureOptions.videoCount = options.videoCount;
        captureOptions.photoCount = options.photoCount;
        captureOptions.videoSeconds = options.videoSeconds;
        QString generateError;
        const QStringList manifests = DemoCaptureGenerator::generate(importFolder, set.featuredAssetIds,
                                                                     captureOptions, &generateError);
        if (manifests.isEmpty())
            return fail(tr("Cannot render the demo captures: %1")
                            .arg(generateError.isEmpty() ? tr("no capture was written") : generateError));

        report(tr("Importing demo captures"), 0.85);
        CaptureImporter importer(*workspace);
        const ImportReport imported = importer.importFolder(importFolder);
        if (!imported.errors.isEmpty())
            return fail(
                tr("Some demo captures did not import:\n%1").arg(imported.errors.join(QLatin1Char('\n'))));
        qCInfo(lcDemo) << "imported" << imported.importedIds.size() << "demo captures";
    }
    report(tr("The demo workspace is ready"), 1.0);
    return true;
}

bool DemoWorkspaceBuilder::ensure(const QString &directory, QString *error, const Progress &progress)
{
    {
        std::unique_ptr<Workspace> workspace = Workspace::open(directory, error);
        if (!workspace)
            return false;
        try {
            if (workspace->assets().count() > 0)
                return true;
        } catch (const StoreError &e) {
            if (error)
                *error = e.message();
            return false;
        }
    }
    return build(directory, Options{}, error, progress);
}

QString DemoWorkspaceBuilder::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/demo-workspace");
}

} // namespace sl
