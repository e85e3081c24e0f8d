#pragma once

#include <QCoreApplication>
#include <QString>

#include <exception>

namespace sl {

// Why a system call or an allocation failed, as a short user-facing cause
// ("permission denied", "no space left on the device", "not enough memory"):
// the one place that turns errno values and exceptions into words, so that
// no message ever says "Unknown error".
class SystemError
{
    Q_DECLARE_TR_FUNCTIONS(SystemError)
  public:
    // The cause behind an errno value (from errno right after the failing call).
    static QString describe(int errnum);
    // The cause behind an exception from a library (std::bad_alloc, an OpenCV
    // "Insufficient memory" error, ...); `fallback` when it tells nothing.
    static QString describe(const std::exception &exception, const QString &fallback);
    static QString notEnoughMemory();
};

} // namespace sl
