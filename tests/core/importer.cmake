# Tests of models/importer.
sl_add_test(tst_captureimporter LABEL core SOURCES importer/tst_captureimporter.cpp)
sl_add_test(tst_workspacerebuilder LABEL core SOURCES importer/tst_workspacerebuilder.cpp)
