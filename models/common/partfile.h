#pragma once

#include <QString>

namespace sl {

// Where a download is written until it is complete (then renamed to
// `targetPath`): the one rule, for the download job that writes it and the
// media cache that counts and sweeps what a cut-off download left.
struct PartFile
{
    static QString suffix() { return QStringLiteral(".part"); }
    static QString pathOf(const QString &targetPath) { return targetPath + suffix(); }
    // The version (ETag) the part file's bytes are of, kept beside it.
    static QString tagPathOf(const QString &targetPath) { return pathOf(targetPath) + QStringLiteral(".tag"); }
};

} // namespace sl
