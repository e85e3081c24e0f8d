#include "common/systemerror.h"

#include <opencv2/core.hpp>

#include <cerrno>
#include <cstring>
#include <new>

namespace sl {

QString SystemError::notEnoughMemory()
{
    return tr("not enough memory");
}

QString SystemError::describe(int errnum)
{
    switch (errnum) {
    case EACCES:
    case EPERM:
        return tr("permission denied");
    case ENOSPC:
        return tr("no space left on the device (disk full)");
    case EDQUOT:
        return tr("disk quota exceeded");
    case ENOMEM:
        return notEnoughMemory();
    case EROFS:
        return tr("the file system is read-only");
    case ENOENT:
        return tr("no such file or folder");
    case ENOTDIR:
        return tr("a part of the path is not a folder");
    case EISDIR:
        return tr("it is a folder");
    case EIO:
        return tr("input/output error (the disk or device may be failing)");
    case EFBIG:
        return tr("the file is too large");
    case ENAMETOOLONG:
        return tr("the name is too long");
    case ELOOP:
        return tr("too many levels of symbolic links");
    case EMFILE:
    case ENFILE:
        return tr("too many open files");
    case EXDEV:
        return tr("it is on another file system");
    case EBUSY:
    case ETXTBSY:
        return tr("the file is busy");
    default:
        break;
    }
    // Anything rarer: the system's own words, or at least the number.
    const QString text = QString::fromLocal8Bit(std::strerror(errnum));
    if (text.isEmpty() || text.startsWith(QLatin1String("Unknown error")))
        return tr("system error %1").arg(errnum);
    return text.left(1).toLower() + text.mid(1);
}

QString SystemError::describe(const std::exception &exception, const QString &fallback)
{
    if (dynamic_cast<const std::bad_alloc *>(&exception))
        return notEnoughMemory();
    if (const auto *cv = dynamic_cast<const cv::Exception *>(&exception)) {
        if (cv->code == cv::Error::StsNoMem)
            return notEnoughMemory();
        // OpenCV reports a failed allocation as "Failed to allocate N bytes"
        // (code StsNoMem) or "Insufficient memory" in its message.
        const QString what = QString::fromStdString(cv->err);
        if (what.contains(QLatin1String("Insufficient memory"), Qt::CaseInsensitive) ||
            what.contains(QLatin1String("Failed to allocate"), Qt::CaseInsensitive))
            return notEnoughMemory();
    }
    return fallback;
}

} // namespace sl
