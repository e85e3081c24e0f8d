#pragma once

namespace sl {

// A named point in a multi-step write (import, rebuild) where the reliability
// tests kill the process to prove that no crash can lose stored data.
//
// With SIGHTLINE_FAULT_KILL="<name>:<n>" in the environment, the n-th time
// (1-based) the point <name> is reached the process kills itself with
// SIGKILL, exactly as `kill -9` would. Without the variable this is one
// relaxed atomic load: free on every path that ships.
void faultPoint(const char *name);

} // namespace sl
