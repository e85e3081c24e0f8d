#include "store/mediastore.h"

#include "common/durablefile.h"
#include "common/logging.h"
#include "common/mediapath.h"
#include "common/systemerror.h"
#include "store/database.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sl {

namespace {

constexpr qint64 kChunkBytes = 1 << 20; // copy and hash in 1 MiB pieces

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

} // namespace

MediaStore::MediaStore(Database &db, const QString &workspaceDirectory)
    : m_db(db), m_directory(workspaceDirectory)
{
}

QString MediaStore::absolutePath(const QString &relative) const
{
    const QString clean = MediaPath::normalised(relative, nullptr);
    return clean.isEmpty() ? QString() : m_directory + QLatin1Char('/') + clean;
}

void MediaStore::journal(const QStringList &relativePaths)
{
    journal(m_db, relativePaths);
}

void MediaStore::journal(Database &db, const QStringList &relativePaths)
{
    Transaction transaction(db);
    Statement insert = db.cached("INSERT OR IGNORE INTO media_journal(path) VALUES (?)");
    for (const QString &path : relativePaths) {
        insert.bind(1, path).run();
        insert.reset();
    }
    transaction.commit();
}

bool MediaStore::isReferenced(const QString &relative) const
{
    Statement query = m_db.cached("SELECT EXISTS(SELECT 1 FROM captures WHERE media_path = ?1) "
                                  "OR EXISTS(SELECT 1 FROM captures WHERE manifest_path = ?1)");
    query.bind(1, relative);
    return query.step() && query.columnInt(0) != 0;
}

int MediaStore::collectUnreferenced()
{
    QStringList journaled;
    {
        Statement rows = m_db.cached("SELECT path FROM media_journal ORDER BY path");
        while (rows.step())
            journaled.append(rows.columnText(0));
    }
    int removed = 0;
    Statement forget = m_db.cached("DELETE FROM media_journal WHERE path = ?");
    for (const QString &path : std::as_const(journaled)) {
        const QString absolute = absolutePath(path);
        if (!isReferenced(path) && !absolute.isEmpty() && QFileInfo::exists(absolute)) {
            if (::unlink(native(absolute).constData()) != 0) {
                // Kept in the journal: the next holder of the lock tries again.
                qCWarning(lcStore) << "cannot remove the unreferenced file" << absolute << ":"
                                   << SystemError::describe(errno);
                continue;
            }
            ++removed;
        }
        forget.bind(1, path).run();
        forget.reset();
    }
    if (removed > 0)
        qCInfo(lcStore) << "removed" << removed << "unreferenced media file(s)";
    return removed;
}

QStringList MediaStore::unreferencedFiles() const
{
    QStringList unreferenced;
    QDirIterator it(m_directory + QStringLiteral("/media"), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    const QDir root(m_directory);
    while (it.hasNext()) {
        const QString relative = root.relativeFilePath(it.next());
        if (!isReferenced(relative))
            unreferenced.append(relative);
    }
    unreferenced.sort();
    return unreferenced;
}

bool MediaStore::copyWithHash(const QString &sourcePath, const QString &relativeTarget, QByteArray *sha256Hex,
                              QString *error)
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("cannot read %1: %2").arg(QFileInfo(sourcePath).fileName(), source.errorString());
        return false;
    }
    return streamInto(source, QFileInfo(sourcePath).fileName(), relativeTarget, sha256Hex, error);
}

bool MediaStore::writeFile(const QString &relativeTarget, const QByteArray &bytes, QString *error)
{
    QBuffer source;
    source.setData(bytes);
    source.open(QIODevice::ReadOnly);
    return streamInto(source, relativeTarget, relativeTarget, nullptr, error);
}

bool MediaStore::streamInto(QIODevice &source, const QString &sourceName, const QString &relativeTarget,
                            QByteArray *sha256Hex, QString *error)
{
    const QString target = absolutePath(relativeTarget);
    if (target.isEmpty()) {
        if (error)
            *error = tr("invalid stored path \"%1\"").arg(relativeTarget);
        return false;
    }
    const int fd = ::open(native(target).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (error)
            *error = tr("cannot write into the workspace: %1").arg(SystemError::describe(errno));
        return false;
    }
    const auto failWith = [&](const QString &reason) {
        ::close(fd);
        ::unlink(native(target).constData());
        if (error)
            *error = reason;
        return false;
    };
    const auto cannotWrite = [&](int err) {
        return tr("cannot write into the workspace: %1").arg(SystemError::describe(err));
    };
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(kChunkBytes, Qt::Uninitialized);
    for (;;) {
        const qint64 got = source.read(buffer.data(), buffer.size());
        if (got < 0)
            return failWith(tr("cannot read %1: %2").arg(sourceName, source.errorString()));
        if (got == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), got));
        if (!writeAllBytes(fd, buffer.constData(), got))
            return failWith(cannotWrite(errno));
    }
    if (::fsync(fd) != 0)
        return failWith(cannotWrite(errno));
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(native(target).constData());
        if (error)
            *error = cannotWrite(err);
        return false;
    }
    if (sha256Hex)
        *sha256Hex = hash.result().toHex();
    return true;
}

bool MediaStore::rename(const QString &fromRelative, const QString &toRelative, QString *error)
{
    const QString from = absolutePath(fromRelative);
    const QString to = absolutePath(toRelative);
    if (from.isEmpty() || to.isEmpty())
        errno = EINVAL;
    if (from.isEmpty() || to.isEmpty() || ::rename(native(from).constData(), native(to).constData()) != 0) {
        if (error)
            *error = tr("cannot move into the workspace: %1").arg(SystemError::describe(errno));
        return false;
    }
    syncFolder(QFileInfo(to).absolutePath());
    return true;
}

QByteArray MediaStore::sha256Of(const QString &relative, QString *error) const
{
    QFile file(absolutePath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        if (error)
            *error = file.errorString();
        return {};
    }
    return hash.result().toHex();
}

} // namespace sl
