# The core includes no widget header (the same check also runs on every build).
add_test(NAME models_include_no_widgets
         COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR}/models -P ${CMAKE_SOURCE_DIR}/tests/cmake/check_no_widgets.cmake)
set_tests_properties(models_include_no_widgets PROPERTIES LABELS core)
