#pragma once

#include <QtGlobal>

// What the sign-in takes from an authority: each answer is checked against
// these before it is used, with a clear error at the limit.
namespace sl::signinlimits {

// One answer of /devicecode or /token, bytes (a real one is ~5 KB; an
// access token can reach ~3 KB).
inline constexpr qint64 kAnswerBytes = 64 * 1024;
// A token, bytes.
inline constexpr int kTokenBytes = 16 * 1024;
// The user code and the device code, characters.
inline constexpr int kUserCodeLength = 64;
inline constexpr int kDeviceCodeLength = 4 * 1024;
// Seconds the authority may give for polling (interval) and a code's life
// (expires_in; Entra ID gives 900); outside them the answer is refused.
inline constexpr int kMaxIntervalSeconds = 60;
inline constexpr int kMaxCodeLifeSeconds = 3600;
// A token's life, seconds (Entra ID gives 3600-5400).
inline constexpr int kMaxTokenLifeSeconds = 24 * 3600;
// How long before an access token expires it is refreshed, ms.
inline constexpr qint64 kRefreshAheadMs = 5 * 60 * 1000;
// The pause slow_down adds to the polling interval, seconds (RFC 8628 3.5).
inline constexpr int kSlowDownSeconds = 5;

} // namespace sl::signinlimits
