#include "common/mediapath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace sl {

namespace {

bool fail(QString *reason, const QString &text)
{
    if (reason)
        *reason = text;
    return false;
}

QString refuse(QString *reason, const QString &text)
{
    fail(reason, text);
    return {};
}

// Rooted ("/x", "\x", Qt's ":/x") or with a drive letter ("C:x", "C:/x"):
// absolute on some platform a capture may come from.
bool isAbsoluteAnywhere(const QString &path)
{
    return QDir::isAbsolutePath(path) || path.startsWith(QLatin1Char('/')) ||
           path.startsWith(QLatin1Char('\\')) || (path.size() >= 2 && path.at(1) == QLatin1Char(':'));
}

} // namespace

QString MediaPath::normalised(const QString &relative, QString *reason)
{
    if (relative.isEmpty())
        return refuse(reason, tr("no media file given"));
    if (relative.size() > kMaxLength)
        return refuse(reason, tr("the path is longer than %1 characters").arg(kMaxLength));
    if (relative.contains(QChar(0)))
        return refuse(reason, tr("the path contains a NUL character"));
    if (isAbsoluteAnywhere(relative))
        return refuse(reason, tr("must be a path relative to its folder, not \"%1\"").arg(relative));
    QStringList kept;
    const QStringList parts = QString(relative).replace(QLatin1Char('\\'), QLatin1Char('/')).split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part == QLatin1String(".."))
            return refuse(reason, tr("leads outside its folder (\"..\"): \"%1\"").arg(relative));
        if (!part.isEmpty() && part != QLatin1String("."))
            kept.append(part);
    }
    if (kept.isEmpty())
        return refuse(reason, tr("names a folder, not a file: \"%1\"").arg(relative));
    return kept.join(QLatin1Char('/'));
}

QString MediaPath::resolve(const QString &folder, const QString &relative, QString *reason)
{
    const QString clean = normalised(relative, reason);
    if (clean.isEmpty())
        return {};
    const QString base = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const QString path = base + QLatin1Char('/') + clean;
    const QFileInfo info(path);
    if (!info.exists()) {
        // A dangling symbolic link "exists" as a link only: same answer.
        fail(reason, tr("file not found: \"%1\"").arg(relative));
        return {};
    }
    if (!info.isFile()) {
        fail(reason, tr("is not a regular file: \"%1\"").arg(relative));
        return {};
    }
    // A symbolic link (of the file or of a folder on the way) must not bring
    // in a file from elsewhere.
    const QString realBase = QFileInfo(base).canonicalFilePath();
    const QString realPath = info.canonicalFilePath();
    if (realBase.isEmpty() || realPath.isEmpty() || !isInside(realPath, realBase)) {
        fail(reason, tr("leads outside its folder through a symbolic link: \"%1\"").arg(relative));
        return {};
    }
    return path;
}

bool MediaPath::isInside(const QString &path, const QString &folder)
{
    if (path == folder)
        return true;
    return path.startsWith(folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/'));
}

} // namespace sl
