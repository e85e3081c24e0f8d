# Tests of models/annotation.
sl_add_test(tst_annotationdocument LABEL core SOURCES annotation/tst_annotationdocument.cpp)
sl_add_test(tst_markuphandles LABEL core SOURCES annotation/tst_markuphandles.cpp)
