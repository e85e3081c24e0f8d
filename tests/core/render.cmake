# Tests of models/render.
sl_add_test(tst_overlayrenderer LABEL core SOURCES render/tst_overlayrenderer.cpp render/overlayprobe.cpp render/overlayprobe.h)
sl_add_test(tst_frameexporter LABEL core SOURCES render/tst_frameexporter.cpp)
sl_add_test(tst_strokesimplifier LABEL core SOURCES render/tst_strokesimplifier.cpp)
sl_add_test(tst_markupplan LABEL core SOURCES render/tst_markupplan.cpp)
sl_add_test(tst_frameburner LABEL core SOURCES render/tst_frameburner.cpp)
sl_add_test(tst_redaction LABEL core SOURCES render/tst_redaction.cpp)
sl_add_test(tst_videoexporter LABEL core SOURCES render/tst_videoexporter.cpp ${SL_MEDIA_TEST_CLIP} ${SL_BAD_MEDIA}
    LIBS ZLIB::ZLIB)
target_include_directories(tst_videoexporter PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
sl_add_test(tst_edgeindicator LABEL core SOURCES render/tst_edgeindicator.cpp)
sl_add_test(tst_overlayfilter LABEL core SOURCES render/tst_overlayfilter.cpp render/overlayprobe.cpp render/overlayprobe.h)
sl_add_test(tst_markupdensity LABEL core SOURCES render/tst_markupdensity.cpp)
sl_add_test(tst_strokebatch LABEL core SOURCES render/tst_strokebatch.cpp)
