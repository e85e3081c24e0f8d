# Tests of models/common.
sl_add_test(tst_mediapath LABEL core SOURCES common/tst_mediapath.cpp)
sl_add_test(tst_outputfile LABEL core SOURCES common/tst_outputfile.cpp)
sl_add_test(tst_settingswriter LABEL core SOURCES common/tst_settingswriter.cpp)
sl_add_test(tst_systemerror LABEL core SOURCES common/tst_systemerror.cpp)
