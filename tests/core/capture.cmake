# Tests of models/capture.
sl_add_test(tst_manifestreader LABEL core SOURCES capture/tst_manifestreader.cpp capture/manifesttestutil.h)
sl_add_test(tst_manifestwriter LABEL core SOURCES capture/tst_manifestwriter.cpp capture/manifesttestutil.h)
sl_add_test(tst_capturemanifest LABEL core SOURCES capture/tst_capturemanifest.cpp capture/manifesttestutil.h)
sl_add_test(tst_manifestfuzz LABEL core SOURCES capture/tst_manifestfuzz.cpp capture/manifesttestutil.h)
