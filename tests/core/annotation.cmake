# Tests of models/annotation.
sl_add_test(tst_annotationdocument LABEL core SOURCES annotation/tst_annotationdocument.cpp)
sl_add_test(tst_bookmarkeditor LABEL core SOURCES annotation/tst_bookmarkeditor.cpp)
sl_add_test(tst_snapshotmaker LABEL core SOURCES annotation/tst_snapshotmaker.cpp ${SL_MEDIA_TEST_CLIP})
sl_add_test(tst_snapshotturn LABEL core SOURCES annotation/tst_snapshotturn.cpp)
sl_add_test(tst_markuphandles LABEL core SOURCES annotation/tst_markuphandles.cpp)
