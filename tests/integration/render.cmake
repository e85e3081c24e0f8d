# Integration tests: render (generated demo captures, exported frames, checked on pixels).
# The pixel probes are the overlay renderer tests' own (tests/core/render).
set(SL_OVERLAY_PROBE_DIR ${CMAKE_CURRENT_SOURCE_DIR}/../core/render)
sl_add_test(tst_exportaccuracy LABEL integration TIMEOUT 900 SOURCES render/tst_exportaccuracy.cpp
    ${SL_OVERLAY_PROBE_DIR}/overlayprobe.cpp ${SL_OVERLAY_PROBE_DIR}/overlayprobe.h)
target_include_directories(tst_exportaccuracy PRIVATE ${SL_OVERLAY_PROBE_DIR})
