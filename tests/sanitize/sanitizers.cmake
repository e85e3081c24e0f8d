# The sanitizer build (SIGHTLINE_SANITIZE=ON, its own build folder):
#   cmake -S . -B build-sanitize -G Ninja -DSIGHTLINE_SANITIZE=ON
#   cmake --build build-sanitize --target sanitize_tests
#   ctest --test-dir build-sanitize -L sanitize
# Every target of ours is compiled and linked with AddressSanitizer (with
# LeakSanitizer) and UndefinedBehaviorSanitizer; the first report aborts the
# process, so a test with any report fails.
add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)

# What the sanitized tests run with (sl_add_test adds it to their environment;
# child processes such as sightline-cli inherit it). Reports go to files in
# SL_SANITIZE_REPORTS, checked by the test sanitizer_reports_check after all
# others (reports.cmake). Leaks inside third-party libraries only are
# suppressed, in lsan.supp beside this file.
set(SL_SANITIZE_REPORTS ${CMAKE_BINARY_DIR}/sanitizer-reports)
set(SL_SANITIZE_ENVIRONMENT
    "ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:log_path=${SL_SANITIZE_REPORTS}/asan"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=${SL_SANITIZE_REPORTS}/ubsan"
    "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/lsan.supp:print_suppressions=0")

# Sanitized code runs 2-5x slower: test timeouts are multiplied by this.
set(SL_SANITIZE_TIMEOUT_FACTOR 3)

# Tests (of sl_add_test) that are built and run without the label `sanitize`,
# each with the reason. The CMake-script tests (metadata, package, include
# check) run no code of ours and are never part of it; benchmarks neither.
set(SL_SANITIZE_SKIP
    tst_translations # runs Qt's lupdate over the sources and compares .ts files: no code of ours under test
    # Hundreds of short sightline-cli processes each (6,000 imports, 40
    # concurrent runs): minutes in the normal build, too long sanitized for
    # CI. The importer's code they drive runs sanitized in tst_captureimporter,
    # tst_workspacerebuilder, tst_duplicateids and tst_reliabilityharness.
    tst_killcampaign
    tst_concurrentimport
)
