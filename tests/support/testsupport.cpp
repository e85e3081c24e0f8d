#include "testsupport.h"

#include "store/workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QtDebug>

namespace sl::test {

QString sourceDir()
{
    const QString dir = qEnvironmentVariable("SIGHTLINE_SOURCE_DIR");
    return dir.isEmpty() ? QDir::currentPath() : dir;
}

QString dataPath(const QString &name)
{
    return QDir(sourceDir()).filePath(QStringLiteral("tests/data/") + name);
}

bool openTemporaryWorkspace(std::unique_ptr<QTemporaryDir> &dir, std::unique_ptr<Workspace> &workspace)
{
    dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid()) {
        qWarning() << "cannot make a temporary folder:" << dir->errorString();
        return false;
    }
    QString error;
    workspace = Workspace::open(dir->path(), &error);
    if (!workspace)
        qWarning() << "cannot open a workspace:" << error;
    return workspace != nullptr;
}

void closeTemporaryWorkspace(std::unique_ptr<QTemporaryDir> &dir, std::unique_ptr<Workspace> &workspace)
{
    workspace.reset();
    dir.reset();
}

Asset makeAsset(const QString &id, const QString &name, const QString &tag, const QString &parentId)
{
    Asset asset;
    asset.id = id;
    asset.name = name;
    asset.assetTag = tag;
    asset.parentId = parentId;
    return asset;
}

QJsonObject sampleManifestJson(const SampleManifest &sample)
{
    QJsonObject json{
        {QStringLiteral("format"), QStringLiteral("sightline-capture")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("id"), sample.id},
        {QStringLiteral("media"),
         QJsonObject{{QStringLiteral("file"), sample.mediaFile}, {QStringLiteral("type"), sample.mediaType}}},
        {QStringLiteral("markups"),
         QJsonArray{QJsonObject{
             {QStringLiteral("id"), sample.arrowId.isEmpty() ? QString(sample.id + QStringLiteral("-arrow"))
                                                              : sample.arrowId},
             {QStringLiteral("kind"), QStringLiteral("arrow")},
             {QStringLiteral("space"), QStringLiteral("world")},
             {QStringLiteral("points"), QJsonArray{QJsonArray{0.2, 1.1, -0.8}, QJsonArray{0.25, 1.0, -0.8}}},
             {QStringLiteral("color"), QStringLiteral("#FF3B30")},
             {QStringLiteral("width"), 4}}}},
    };
    for (const auto &[key, value] : {std::pair{QStringLiteral("assetId"), sample.assetId},
                                     std::pair{QStringLiteral("capturedAt"), sample.capturedAt},
                                     std::pair{QStringLiteral("spatialFrame"), sample.spatialFrame}}) {
        if (!value.isEmpty())
            json.insert(key, value);
    }
    return json;
}

double greyVariance(const QImage &image, const QRect &area)
{
    double sum = 0, squares = 0;
    qint64 n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const double g = qGray(image.pixel(x, y));
            sum += g;
            squares += g * g;
            ++n;
        }
    if (n == 0)
        return 0;
    const double mean = sum / n;
    return squares / n - mean * mean;
}

} // namespace sl::test
