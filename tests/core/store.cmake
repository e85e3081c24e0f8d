# Tests of models/store.
sl_add_test(tst_database LABEL core SOURCES store/tst_database.cpp)
sl_add_test(tst_searchquery LABEL core SOURCES store/tst_searchquery.cpp)
sl_add_test(tst_assetrepository LABEL core SOURCES store/tst_assetrepository.cpp)
sl_add_test(tst_capturerepository LABEL core SOURCES store/tst_capturerepository.cpp)
sl_add_test(tst_outboxrepository LABEL core SOURCES store/tst_outboxrepository.cpp)
sl_add_test(tst_workspacelock LABEL core SOURCES store/tst_workspacelock.cpp)
sl_add_test(tst_workspaceintegrity LABEL core SOURCES store/tst_workspaceintegrity.cpp)
sl_add_test(tst_storeworker LABEL core SOURCES store/tst_storeworker.cpp)
