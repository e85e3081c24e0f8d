# Runs one libFuzzer target for a bounded number of executions and fails on
# any crash, leak, sanitizer report or broken property, or when it did not
# reach the executions asked for. Called by ctest (see CMakeLists.txt):
#   cmake -DFUZZER=exe -DCORPUS=seeds -DWORK=scratch -DRUNS=n -DMAX_SECONDS=s
#         [-DDICT=file] [-DLSAN_SUPPRESSIONS=file] -P runfuzzer.cmake
# The seeds are copied into WORK/corpus, which libFuzzer grows; an input that
# fails is kept in WORK/artifacts/ (reproduce: FUZZER that-file); a run that
# passes leaves its figures in WORK/summary.txt.
foreach(var FUZZER CORPUS WORK RUNS MAX_SECONDS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "runfuzzer.cmake: ${var} is not set")
    endif()
endforeach()
get_filename_component(name ${FUZZER} NAME)

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
file(GLOB seeds ${CORPUS}/*)
list(LENGTH seeds seed_count)
if(seed_count EQUAL 0)
    message(FATAL_ERROR "${name}: the seed corpus ${CORPUS} is empty")
endif()
file(COPY ${seeds} DESTINATION ${WORK}/corpus)

# Every report is fatal; leaks of third-party libraries only are suppressed.
set(ENV{ASAN_OPTIONS} "detect_leaks=1:abort_on_error=0:check_initialization_order=1")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")
if(LSAN_SUPPRESSIONS)
    set(ENV{LSAN_OPTIONS} "suppressions=${LSAN_SUPPRESSIONS}:print_suppressions=0")
endif()

set(args -runs=${RUNS} -max_total_time=${MAX_SECONDS} -timeout=10 -rss_limit_mb=2048
         -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/)
if(DICT)
    list(APPEND args -dict=${DICT})
endif()
string(TIMESTAMP started "%s")
execute_process(COMMAND ${FUZZER} ${args} ${WORK}/corpus
                RESULT_VARIABLE status
                OUTPUT_VARIABLE log ERROR_VARIABLE log)
string(TIMESTAMP finished "%s")
math(EXPR seconds "${finished} - ${started}")
file(WRITE ${WORK}/fuzz.log "${log}")

set(problems)
if(NOT status EQUAL 0)
    list(APPEND problems "exit status ${status}")
endif()
if(log MATCHES "(ERROR: [A-Za-z]*Sanitizer|ERROR: libFuzzer|runtime error:|fuzz property violated|==[0-9]+==WARNING)")
    list(APPEND problems "a report: \"${CMAKE_MATCH_1}\"")
endif()
set(runs 0)
if(log MATCHES "\nDone ([0-9]+) runs in ([0-9]+) second")
    set(runs ${CMAKE_MATCH_1})
else()
    list(APPEND problems "no \"Done N runs\" line from libFuzzer")
endif()
if(runs LESS RUNS)
    list(APPEND problems "${runs} of ${RUNS} executions within ${MAX_SECONDS} s")
endif()
file(GLOB grown ${WORK}/corpus/*)
list(LENGTH grown corpus_count)
file(GLOB artifacts ${WORK}/artifacts/*)

if(problems)
    message("${log}")
    list(JOIN problems "; " problems)
    message("${name}: FAILED: ${problems}")
    foreach(artifact ${artifacts})
        message("${name}: failing input kept: ${artifact}")
    endforeach()
    message(FATAL_ERROR "${name}: failed (full log: ${WORK}/fuzz.log)")
endif()
if(seconds GREATER 0)
    math(EXPR rate "${runs} / ${seconds}")
else()
    set(rate "${runs}+")
endif()
set(summary "${name}: ${runs} executions in ${seconds} s (${rate}/s), no report; corpus ${seed_count} -> ${corpus_count} inputs")
message("${summary}")
file(WRITE ${WORK}/summary.txt "${summary}\n")
