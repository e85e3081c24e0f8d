# Tests of models/editing.
sl_add_test(tst_csvreader LABEL core SOURCES editing/tst_csvreader.cpp)
sl_add_test(tst_assetvalidator LABEL core SOURCES editing/tst_assetvalidator.cpp)
sl_add_test(tst_asseteditor LABEL core SOURCES editing/tst_asseteditor.cpp)
sl_add_test(tst_assetfieldparser LABEL core SOURCES editing/tst_assetfieldparser.cpp)
sl_add_test(tst_assetcsvimport LABEL core SOURCES editing/tst_assetcsvimport.cpp)
sl_add_test(tst_revieweditor LABEL core SOURCES editing/tst_revieweditor.cpp)
