# Benchmarks of models/media, render and synthetic (run by hand; print figures).
add_executable(bench_decode media/bench_decode.cpp)
target_link_libraries(bench_decode PRIVATE sightline_models sightline_warnings)
add_executable(bench_demogeneration media/bench_demogeneration.cpp)
target_link_libraries(bench_demogeneration PRIVATE sightline_models sightline_warnings)
