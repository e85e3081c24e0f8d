# The sanitized tests write every sanitizer report to a file in one folder
# (log_path in sanitizers.cmake), so that a report from a child process
# (sightline-cli started by a test) counts even when the test does not look
# at the child's exit status. Run by ctest around the label `sanitize`:
#   cmake -DMODE=clear -DDIR=folder -P reports.cmake   before the tests (fixture setup)
#   cmake -DMODE=check -DDIR=folder -P reports.cmake   after them: fails on any report
if(MODE STREQUAL "clear")
    file(REMOVE_RECURSE ${DIR})
    file(MAKE_DIRECTORY ${DIR})
    return()
endif()
file(GLOB reports ${DIR}/*)
list(LENGTH reports count)
if(count EQUAL 0)
    message("No sanitizer report.")
    return()
endif()
foreach(report ${reports})
    file(READ ${report} text)
    message("---- ${report}\n${text}")
endforeach()
message(FATAL_ERROR "${count} sanitizer report(s), above (files in ${DIR})")
