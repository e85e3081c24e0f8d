#include "testsupport.h"

#include "store/workspace.h"

#include <QDir>
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

} // namespace sl::test
