#include "testsupport.h"

#include <QDir>

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

} // namespace sl::test
