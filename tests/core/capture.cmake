# Tests of models/capture.
sl_add_test(tst_manifestreader LABEL core SOURCES capture/tst_manifestreader.cpp capture/manifesttestutil.h)
