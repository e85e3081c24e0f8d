#pragma once

#include <cstdio>
#include <cstdlib>

// A property a fuzz target checks on every input. A failure prints what was
// violated and aborts, which libFuzzer reports as a crash and saves the input.
#define SL_FUZZ_CHECK(condition)                                                              \
    do {                                                                                      \
        if (!(condition)) {                                                                   \
            std::fprintf(stderr, "%s:%d: fuzz property violated: %s\n", __FILE__, __LINE__, \
                         #condition);                                                         \
            std::abort();                                                                     \
        }                                                                                     \
    } while (false)
