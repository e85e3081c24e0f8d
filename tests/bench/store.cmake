# Benchmarks of models/store and models/items (run by hand; prints figures).
add_executable(bench_assetbrowser store/bench_assetbrowser.cpp)
target_link_libraries(bench_assetbrowser PRIVATE sightline_models sightline_warnings SQLite::SQLite3)
add_executable(bench_markupfiling store/bench_markupfiling.cpp)
target_link_libraries(bench_markupfiling PRIVATE sightline_models sightline_warnings SQLite::SQLite3)
