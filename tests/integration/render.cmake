# Integration tests: render (generated demo captures, exported frames, checked on pixels).
sl_add_test(tst_exportaccuracy LABEL integration TIMEOUT 900 SOURCES render/tst_exportaccuracy.cpp)
