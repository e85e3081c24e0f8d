# The part of the core the fuzzers link: models/common and the areas in
# SL_FUZZ_AREAS, built as a `sightline_models` of their own so that each
# area's sources.cmake (target_sources(sightline_models ...)) is reused as it
# is, and a file added to an area is fuzzed without an edit here.
# Instrumented for libFuzzer's coverage (fuzzer-no-link) and sanitized.
set(sl_models_dir ${CMAKE_SOURCE_DIR}/models)

# models/CMakeLists.txt lists common/ by hand; it holds only Qt Core helpers,
# so the fuzzers take all of it.
file(GLOB sl_fuzz_common_sources CONFIGURE_DEPENDS ${sl_models_dir}/common/*.cpp ${sl_models_dir}/common/*.h)
add_library(sightline_models STATIC ${sl_fuzz_common_sources})
foreach(area ${SL_FUZZ_AREAS})
    include(${sl_models_dir}/${area}/sources.cmake)
endforeach()

# The areas name their files relative to models/, and target_sources() keeps
# them relative to the folder that made the target (this one; an absolute path
# under it if a call came from elsewhere): move them to where they are.
get_target_property(sl_fuzz_sources sightline_models SOURCES)
set(sl_fuzz_fixed_sources)
string(LENGTH "${CMAKE_CURRENT_SOURCE_DIR}/" sl_here_length)
foreach(source ${sl_fuzz_sources})
    string(FIND "${source}" "${CMAKE_CURRENT_SOURCE_DIR}/" at)
    if(at EQUAL 0)
        string(SUBSTRING "${source}" ${sl_here_length} -1 source)
    endif()
    if(NOT IS_ABSOLUTE "${source}")
        set(source ${sl_models_dir}/${source})
    endif()
    list(APPEND sl_fuzz_fixed_sources ${source})
endforeach()
set_property(TARGET sightline_models PROPERTY SOURCES ${sl_fuzz_fixed_sources})

target_include_directories(sightline_models PUBLIC ${sl_models_dir})
target_include_directories(sightline_models SYSTEM PUBLIC ${OpenCV_INCLUDE_DIRS})
target_link_libraries(sightline_models
    PUBLIC Qt6::Core Qt6::Gui Qt6::Concurrent ${OpenCV_LIBS}
    PRIVATE sightline_warnings SQLite::SQLite3 CURL::libcurl)
target_compile_options(sightline_models PRIVATE -fsanitize=fuzzer-no-link ${sl_fuzz_sanitizers} -Wno-unknown-warning-option)
