# Tests of models/common.
sl_add_test(tst_mediapath LABEL core SOURCES common/tst_mediapath.cpp)
