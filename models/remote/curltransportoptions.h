#pragma once

#include <QString>

namespace sl {

// How CurlTransport connects. TLS is always verified; there is no switch.
struct CurlTransportOptions
{
    // Requests running at once; more wait in line. Dataverse refuses past 52
    // concurrent requests per user, so stay well under it.
    int maxConcurrent = 8;
    int connectTimeoutMs = 15'000;
    // The whole request, connect to last byte.
    int totalTimeoutMs = 120'000;
    // A CA bundle file in place of the system's; empty for the system's.
    QString caBundle;
};

} // namespace sl
