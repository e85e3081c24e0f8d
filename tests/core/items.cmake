# Tests of models/items.
sl_add_test(tst_assetlistmodel LABEL core SOURCES items/tst_assetlistmodel.cpp)
sl_add_test(tst_assettreemodel LABEL core SOURCES items/tst_assettreemodel.cpp)
