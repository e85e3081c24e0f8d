#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace sl {

// The per-workspace write lock: whoever writes media files into a workspace
// (an import, a rebuild, collecting unreferenced files) holds it, so that N
// processes writing one workspace never see each other's half-done work.
// It is an advisory lock (flock) on the file ".write.lock" in the workspace
// folder: the kernel releases it when its holder exits, even by kill -9, so a
// crash never leaves a stale lock behind. Released on destruction.
class WorkspaceLock
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLock)
public:
    WorkspaceLock(WorkspaceLock &&other) noexcept;
    WorkspaceLock &operator=(WorkspaceLock &&other) noexcept;
    WorkspaceLock(const WorkspaceLock &) = delete;
    WorkspaceLock &operator=(const WorkspaceLock &) = delete;
    ~WorkspaceLock();

    // How long a writer waits for another program's write to finish,
    // milliseconds (a long video being copied in).
    static constexpr int kDefaultTimeoutMs = 120'000;

    // Waits up to timeoutMs (milliseconds) for the lock of the workspace in
    // `directory`. On failure: nullopt, with *error set to a user-facing reason
    // (busy, or the lock file cannot be created).
    static std::optional<WorkspaceLock> acquire(const QString &directory, int timeoutMs, QString *error);
    static std::optional<WorkspaceLock> acquire(const QString &directory, QString *error)
    {
        return acquire(directory, kDefaultTimeoutMs, error);
    }
    // Takes the lock only when it is free right now.
    static std::optional<WorkspaceLock> tryAcquire(const QString &directory);

private:
    explicit WorkspaceLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace sl
