# Tests of models/compare: candidates and their order, time alignment and
# stepping, the shared view and the wipe split.
sl_add_test(tst_comparemath LABEL core SOURCES compare/tst_comparemath.cpp)
sl_add_test(tst_soundfollow LABEL core SOURCES compare/tst_soundfollow.cpp)
