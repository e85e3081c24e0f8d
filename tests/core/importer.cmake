# Tests of models/importer.
sl_add_test(tst_captureimporter LABEL core SOURCES importer/tst_captureimporter.cpp)
