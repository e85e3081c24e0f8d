# Benchmarks of models/render (run by hand; print figures).
add_executable(bench_render render/bench_render.cpp)
target_link_libraries(bench_render PRIVATE sightline_models sightline_warnings)
# Overlay of 1,000 world strokes against decoding a frame, and full-frame redaction.
add_executable(bench_overlay render/bench_overlay.cpp)
if(NOT TARGET PkgConfig::SL_BENCH_FFMPEG)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(SL_BENCH_FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libavutil)
endif()
target_link_libraries(bench_overlay PRIVATE sightline_models sightline_warnings PkgConfig::SL_BENCH_FFMPEG)
