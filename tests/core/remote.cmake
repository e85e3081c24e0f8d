# Tests of models/remote (the asset store client). The loopback ones run
# the real CurlTransport against the fake Dataverse (tests/support/fakestore).
sl_add_test(tst_odatapageparser LABEL core SOURCES remote/tst_odatapageparser.cpp remote/pageparsercases.cpp remote/pageparsercases.h)
sl_add_test(tst_retrypolicy LABEL core SOURCES remote/tst_retrypolicy.cpp)
sl_add_test(tst_requestrunner LABEL core SOURCES remote/tst_requestrunner.cpp LIBS sightline_fakestore)
sl_add_test(tst_curltransport LABEL integration SOURCES remote/tst_curltransport.cpp LIBS sightline_fakestore)
sl_add_test(tst_dataverseclient LABEL integration SOURCES remote/tst_dataverseclient.cpp LIBS sightline_fakestore)
sl_add_test(tst_odatarequests LABEL core SOURCES remote/tst_odatarequests.cpp LIBS sightline_fakestore)
sl_add_test(tst_contentrange LABEL core SOURCES remote/tst_contentrange.cpp)
sl_add_test(tst_mediajobs LABEL core SOURCES remote/tst_mediajobs.cpp LIBS sightline_fakestore)
sl_add_test(tst_batchresponse LABEL core SOURCES remote/tst_batchresponse.cpp)
