# Integration tests: store.
sl_add_test(tst_demoworkspace LABEL integration TIMEOUT 900 SOURCES store/tst_demoworkspace.cpp)
