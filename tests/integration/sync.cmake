# Integration tests: sync with the fake Dataverse (tests/support/fakestore), specification style.
sl_add_test(tst_syncpull LABEL integration SOURCES sync/tst_syncpull.cpp sync/syncfixture.cpp sync/syncfixture.h LIBS sightline_fakestore)
sl_add_test(tst_syncpush LABEL integration SOURCES sync/tst_syncpush.cpp sync/syncfixture.cpp sync/syncfixture.h LIBS sightline_fakestore)
sl_add_test(tst_synccapturepush LABEL integration SOURCES sync/tst_synccapturepush.cpp sync/syncfixture.cpp sync/syncfixture.h LIBS sightline_fakestore)
sl_add_test(tst_syncsnapshot LABEL integration SOURCES sync/tst_syncsnapshot.cpp sync/syncfixture.cpp sync/syncfixture.h LIBS sightline_fakestore)
sl_add_test(tst_syncmediaupload LABEL integration SOURCES sync/tst_syncmediaupload.cpp sync/syncfixture.cpp sync/syncfixture.h LIBS sightline_fakestore)
sl_add_test(tst_mediafetch LABEL integration SOURCES sync/tst_mediafetch.cpp sync/syncfixture.cpp sync/syncfixture.h LIBS sightline_fakestore)
sl_add_test(tst_syncbatch LABEL integration SOURCES sync/tst_syncbatch.cpp sync/syncfixture.cpp sync/syncfixture.h LIBS sightline_fakestore)
sl_add_test(tst_syncdeletions LABEL integration SOURCES sync/tst_syncdeletions.cpp sync/syncfixture.cpp sync/syncfixture.h LIBS sightline_fakestore)
