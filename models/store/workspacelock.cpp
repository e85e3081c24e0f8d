#include "store/workspacelock.h"

#include "common/logging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace sl {

namespace {

constexpr int kPollMs = 20;

int openLockFile(const QString &directory, int *error)
{
    const QByteArray path = QFile::encodeName(QDir(directory).filePath(QStringLiteral(".write.lock")));
    int fd;
    do {
        fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        *error = errno;
    return fd;
}

// true: taken; false with *error 0: held by another; false with *error set: failed.
bool tryLock(int fd, int *error)
{
    int rc;
    do {
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    if (rc == 0)
        return true;
    *error = errno == EWOULDBLOCK ? 0 : errno;
    return false;
}

} // namespace

WorkspaceLock::WorkspaceLock(WorkspaceLock &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

WorkspaceLock &WorkspaceLock::operator=(WorkspaceLock &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

WorkspaceLock::~WorkspaceLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing the last descriptor releases the flock
}

std::optional<WorkspaceLock> WorkspaceLock::acquire(const QString &directory, int timeoutMs, QString *error)
{
    int err = 0;
    const int fd = openLockFile(directory, &err);
    if (fd < 0) {
        if (error)
            *error = tr("cannot create the workspace's lock file: %1").arg(QString::fromLocal8Bit(std::strerror(err)));
        return std::nullopt;
    }
    QElapsedTimer waited;
    waited.start();
    bool reported = false;
    for (;;) {
        if (tryLock(fd, &err))
            return WorkspaceLock(fd);
        if (err != 0) {
            ::close(fd);
            if (error)
                *error = tr("cannot lock the workspace: %1").arg(QString::fromLocal8Bit(std::strerror(err)));
            return std::nullopt;
        }
        if (waited.elapsed() >= timeoutMs) {
            ::close(fd);
            if (error)
                *error = tr("the workspace is busy: another program has been writing to it for %1 s")
                             .arg(timeoutMs / 1000);
            return std::nullopt;
        }
        if (!reported) {
            qCInfo(lcStore) << "waiting for the write lock of" << directory;
            reported = true;
        }
        QThread::msleep(kPollMs);
    }
}

std::optional<WorkspaceLock> WorkspaceLock::tryAcquire(const QString &directory)
{
    int err = 0;
    const int fd = openLockFile(directory, &err);
    if (fd < 0)
        return std::nullopt;
    if (tryLock(fd, &err))
        return WorkspaceLock(fd);
    ::close(fd);
    return std::nullopt;
}

} // namespace sl
