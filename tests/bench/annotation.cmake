# Benchmarks of models/annotation (run by hand; print figures).
add_executable(bench_snapshot annotation/bench_snapshot.cpp)
target_link_libraries(bench_snapshot PRIVATE sightline_models sightline_warnings)
