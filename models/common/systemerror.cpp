#include "common/systemerror.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>

namespace sl {

QString systemErrorText(int errorNumber)
{
    switch (errorNumber) {
    case ENOSPC:
        return QCoreApplication::translate("sl::SystemError", "the disk is full");
    case EDQUOT:
        return QCoreApplication::translate("sl::SystemError", "the disk quota is exceeded");
    case EACCES:
    case EPERM:
        return QCoreApplication::translate("sl::SystemError", "permission denied");
    case EROFS:
        return QCoreApplication::translate("sl::SystemError", "the file system is read-only");
    case ENOMEM:
        return QCoreApplication::translate("sl::SystemError", "not enough memory");
    case EIO:
        return QCoreApplication::translate("sl::SystemError", "the disk reported an input/output error");
    case ENOENT:
        return QCoreApplication::translate("sl::SystemError", "no such file or folder");
    default:
        return QString::fromLocal8Bit(std::strerror(errorNumber));
    }
}

} // namespace sl
