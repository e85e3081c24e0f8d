# Tests of models/demo.
sl_add_test(tst_demoassetgenerator LABEL core SOURCES demo/tst_demoassetgenerator.cpp)
