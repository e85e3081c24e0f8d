# Reliability tests (labels "reliability" and "integration"): the real
# sightline-cli killed at fault points (models/common/faultpoint.h), run as
# concurrent processes, and fed conflicting input; each run is checked with
# the capture-set verifier (tests/support). The whole set takes a few minutes.
add_library(sightline_reliability_support STATIC reliability/clirunner.cpp reliability/clirunner.h)
target_include_directories(sightline_reliability_support PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/reliability)
target_link_libraries(sightline_reliability_support PUBLIC Qt6::Core PRIVATE sightline_warnings)
target_compile_definitions(sightline_reliability_support PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")
add_dependencies(sightline_reliability_support sightline-cli)

# sl_add_reliability_test(NAME TIMEOUT seconds): reliability/NAME.cpp.
function(sl_add_reliability_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "" ${ARGN})
    sl_add_test(${name} LABEL integration TIMEOUT ${ARG_TIMEOUT}
                SOURCES reliability/${name}.cpp LIBS sightline_reliability_support)
    set_tests_properties(${name} PROPERTIES LABELS "integration;reliability")
endfunction()

sl_add_reliability_test(tst_reliabilityharness TIMEOUT 300)
sl_add_reliability_test(tst_killcampaign TIMEOUT 1200)
sl_add_reliability_test(tst_concurrentimport TIMEOUT 900)
sl_add_reliability_test(tst_duplicateids TIMEOUT 300)
