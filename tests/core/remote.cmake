# Tests of models/remote (the asset store client). The loopback ones run
# the real CurlTransport against the fake Dataverse (tests/support/fakestore).
sl_add_test(tst_odatapageparser LABEL core SOURCES remote/tst_odatapageparser.cpp remote/pageparsercases.cpp remote/pageparsercases.h)
