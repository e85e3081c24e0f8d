#include "common/faultpoint.h"

#include <QByteArray>

#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>
#include <unistd.h>

namespace sl {

namespace {

struct FaultPlan
{
    QByteArray name; // empty: no fault planned
    long hit = 0;    // 1-based occurrence that kills
    std::atomic<long> seen{0};
};

FaultPlan &plan()
{
    static FaultPlan instance;
    static std::once_flag once;
    std::call_once(once, [] {
        const QByteArray spec = qgetenv("SIGHTLINE_FAULT_KILL");
        const qsizetype colon = spec.lastIndexOf(':');
        if (colon <= 0)
            return;
        bool ok = false;
        const long n = spec.mid(colon + 1).toLong(&ok);
        if (ok && n >= 1) {
            instance.name = spec.left(colon);
            instance.hit = n;
        }
    });
    return instance;
}

} // namespace

void faultPoint(const char *name)
{
    FaultPlan &p = plan();
    if (p.name.isEmpty() || std::strcmp(p.name.constData(), name) != 0)
        return;
    if (p.seen.fetch_add(1) + 1 == p.hit)
        ::kill(::getpid(), SIGKILL);
}

} // namespace sl
