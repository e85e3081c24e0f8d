# Reliability tests (labels "reliability" and "integration"): the real
# sightline-cli killed at fault points (models/common/faultpoint.h), run as
# concurrent processes, and fed conflicting input; each run is checked with
# the capture-set verifier (tests/support). The whole set takes a few minutes.
add_library(sightline_reliability_support STATIC reliability/clirunner.cpp reliability/clirunner.h)
target_include_directories(sightline_reliability_support PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/reliability)
target_link_libraries(sightline_reliability_support PUBLIC Qt6::Core PRIVATE sightline_warnings)
target_compile_definitions(sightline_reliability_support PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")
add_dependencies(sightline_reliability_support sightline-cli)

# A kill -9 ends the process, not the machine: what the page cache holds
# survives it on any file system, so these tests lose nothing by running in a
# RAM folder, and gain a disk that other work cannot slow down (an import of
# 300 captures took 1.5 s there against 4 s on a busy disk).
set(SL_RELIABILITY_TMPDIR "" CACHE PATH "Temporary folder of the reliability tests (empty: /dev/shm when it exists, else the default)")
set(SL_RELIABILITY_TMPDIR_USED "${SL_RELIABILITY_TMPDIR}")
if(NOT SL_RELIABILITY_TMPDIR_USED AND IS_DIRECTORY /dev/shm)
    set(SL_RELIABILITY_TMPDIR_USED /dev/shm)
endif()

# sl_add_reliability_test(NAME TIMEOUT seconds): reliability/NAME.cpp.
function(sl_add_reliability_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "" ${ARGN})
    sl_add_test(${name} LABEL integration TIMEOUT ${ARG_TIMEOUT}
                SOURCES reliability/${name}.cpp LIBS sightline_reliability_support)
    set_property(TEST ${name} APPEND PROPERTY LABELS reliability)
    if(SL_RELIABILITY_TMPDIR_USED)
        set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT "TMPDIR=${SL_RELIABILITY_TMPDIR_USED}")
    endif()
endfunction()

sl_add_reliability_test(tst_reliabilityharness TIMEOUT 300)
sl_add_reliability_test(tst_killcampaign TIMEOUT 1200)
sl_add_reliability_test(tst_concurrentimport TIMEOUT 900)
sl_add_reliability_test(tst_duplicateids TIMEOUT 300)
sl_add_reliability_test(tst_synckill TIMEOUT 600)
target_link_libraries(tst_synckill PRIVATE sightline_fakestore)
