# Tests of models/sync that need no server (the loopback ones are in tests/integration/sync).
sl_add_test(tst_fieldmerge LABEL core SOURCES sync/tst_fieldmerge.cpp)
sl_add_test(tst_capturecolumns LABEL core SOURCES sync/tst_capturecolumns.cpp)
sl_add_test(tst_syncconflictsettlement LABEL core SOURCES sync/tst_syncconflictsettlement.cpp)
sl_add_test(tst_idsweepschedule LABEL core SOURCES sync/tst_idsweepschedule.cpp)
sl_add_test(tst_storecolumns LABEL core SOURCES sync/tst_storecolumns.cpp)
sl_add_test(tst_syncstatuscounts LABEL core SOURCES sync/tst_syncstatuscounts.cpp)
sl_add_test(tst_syncsummary LABEL core SOURCES sync/tst_syncsummary.cpp)
sl_add_test(tst_deletedattachment LABEL core SOURCES sync/tst_deletedattachment.cpp)
