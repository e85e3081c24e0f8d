#pragma once

#include <QDir>
#include <QString>

namespace sl {

// Whether `path` is absolute on any platform a capture or a workspace may
// come from: rooted ("/x", "\x", Qt's ":/x") or starting with a drive letter
// ("C:x", "C:/x"). Where a path must be relative (a manifest's media.file, a
// workspace's media path), such a path is refused whatever the host is.
inline bool isAbsoluteOnAnyPlatform(const QString &path)
{
    return QDir::isAbsolutePath(path) || path.startsWith(QLatin1Char('/')) || path.startsWith(QLatin1Char('\\'))
        || (path.size() >= 2 && path.at(1) == QLatin1Char(':'));
}

} // namespace sl
