# Benchmarks of models/render (run by hand; print figures).
add_executable(bench_render render/bench_render.cpp)
target_link_libraries(bench_render PRIVATE sightline_models sightline_warnings)
