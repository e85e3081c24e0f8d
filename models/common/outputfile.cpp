#include "common/outputfile.h"

#include "common/durablefile.h"

#include "common/faultpoint.h"
#include "common/logging.h"
#include "common/systemerror.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sl {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// A new, empty file in `folder` named after `name`, created with mode 0666
// less the umask (what a plain file gets). -1 with errno set on failure.
int createTemporary(const QString &folder, const QString &name, QString *temporary)
{
    // Hidden, and short enough for any file system's name limit.
    const QString stem = QLatin1Char('.') + name.left(180) + QLatin1Char('.');
    for (int attempt = 0; attempt < 32; ++attempt) {
        *temporary = folder + QLatin1Char('/') + stem +
                     QString::number(QRandomGenerator::global()->generate64(), 36) + QLatin1String(".tmp");
        const int fd = ::open(QFile::encodeName(*temporary).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

} // namespace

QString OutputFile::resolveTarget(const QString &path, QString *error)
{
    const auto refuse = [&]() {
        fail(error, tr("%1 exists and is not a regular file; refusing to replace it").arg(shown(path)));
        return QString();
    };
    if (path.isEmpty()) {
        fail(error, tr("no output file given"));
        return {};
    }
    const QByteArray name = QFile::encodeName(path);
    struct stat link = {};
    if (::lstat(name.constData(), &link) != 0) {
        if (errno == ENOENT)
            return path; // a new file (a missing folder shows when it is created)
        fail(error, tr("cannot write %1: %2").arg(shown(path), SystemError::describe(errno)));
        return {};
    }
    if (S_ISREG(link.st_mode))
        return path;
    if (!S_ISLNK(link.st_mode))
        return refuse();
    struct stat followed = {};
    if (::stat(name.constData(), &followed) != 0 || !S_ISREG(followed.st_mode))
        return refuse(); // a dangling link, or one to a device, FIFO or folder
    const QString real = QFileInfo(path).canonicalFilePath();
    return real.isEmpty() ? refuse() : real;
}

bool OutputFile::checkTarget(const QString &path, QString *error)
{
    return !resolveTarget(path, error).isEmpty();
}

bool OutputFile::write(const QString &path, const QByteArray &bytes, QString *error)
{
    const QString target = resolveTarget(path, error);
    if (target.isEmpty())
        return false;
    const auto cannotWrite = [&](int errnum) {
        return fail(error, tr("cannot write %1: %2").arg(shown(path), SystemError::describe(errnum)));
    };

    const QFileInfo info(target);
    const QString folder = info.absolutePath();
    QString temporary;
    const int fd = createTemporary(folder, info.fileName(), &temporary);
    if (fd < 0)
        return cannotWrite(errno);
    const QByteArray temporaryName = QFile::encodeName(temporary);
    const auto abandon = [&](int errnum) {
        ::close(fd);
        ::unlink(temporaryName.constData());
        return cannotWrite(errnum);
    };

    // A replaced file keeps its permission bits.
    struct stat old = {};
    if (::stat(QFile::encodeName(target).constData(), &old) == 0 && ::fchmod(fd, old.st_mode & 07777) != 0)
        qCDebug(lcApp) << "cannot keep the permissions of" << target << SystemError::describe(errno);

    if (!writeAllBytes(fd, bytes.constData(), bytes.size()))
        return abandon(errno);
    if (::fsync(fd) != 0)
        return abandon(errno);
    if (::close(fd) != 0) {
        const int errnum = errno;
        ::unlink(temporaryName.constData());
        return cannotWrite(errnum);
    }
    faultPoint("outputfile.before-rename");
    if (::rename(temporaryName.constData(), QFile::encodeName(target).constData()) != 0) {
        const int errnum = errno;
        ::unlink(temporaryName.constData());
        return cannotWrite(errnum);
    }
    syncFolder(folder);
    return true;
}

bool OutputFile::writeFile(const QString &path, const FileWriter &writer, QString *error)
{
    const QString target = resolveTarget(path, error);
    if (target.isEmpty())
        return false;
    const auto cannotWrite = [&](const QString &reason) {
        return fail(error, tr("cannot write %1: %2").arg(shown(path), reason));
    };
    const QFileInfo info(target);
    const QString folder = info.absolutePath();
    QString temporary;
    const int created = createTemporary(folder, info.fileName(), &temporary);
    if (created < 0)
        return cannotWrite(SystemError::describe(errno));
    ::close(created);
    const QByteArray temporaryName = QFile::encodeName(temporary);
    const auto abandon = [&](const QString &reason) {
        ::unlink(temporaryName.constData());
        return cannotWrite(reason);
    };
    QString reason;
    if (!writer(temporary, &reason))
        return abandon(reason.isEmpty() ? tr("the data could not be produced") : reason);

    // The producer closed its file: open it again to sync it to disk.
    const int fd = ::open(temporaryName.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return abandon(SystemError::describe(errno));
    struct stat old = {};
    if (::stat(QFile::encodeName(target).constData(), &old) == 0 && ::fchmod(fd, old.st_mode & 07777) != 0)
        qCDebug(lcApp) << "cannot keep the permissions of" << target << SystemError::describe(errno);
    if (::fsync(fd) != 0) {
        const int errnum = errno;
        ::close(fd);
        return abandon(SystemError::describe(errnum));
    }
    ::close(fd);
    faultPoint("outputfile.before-rename");
    if (::rename(temporaryName.constData(), QFile::encodeName(target).constData()) != 0)
        return abandon(SystemError::describe(errno));
    syncFolder(folder);
    return true;
}

bool OutputFile::write(const QString &path, const Writer &writer, QString *error)
{
    // Refuse a bad target before the writer does its work.
    if (!checkTarget(path, error))
        return false;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString reason;
    if (!writer(buffer, &reason))
        return fail(error,
                    tr("cannot write %1: %2")
                        .arg(shown(path), reason.isEmpty() ? tr("the data could not be produced") : reason));
    buffer.close();
    return write(path, buffer.data(), error);
}

} // namespace sl
