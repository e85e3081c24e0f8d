# Benchmarks of models/sync against the fake Dataverse in its own process (run by hand; prints figures).
add_executable(bench_sync remote/bench_sync.cpp)
target_link_libraries(bench_sync PRIVATE sightline_models sightline_warnings CURL::libcurl)
target_compile_definitions(bench_sync PRIVATE SIGHTLINE_FAKESTORE="$<TARGET_FILE:sightline-fakestore>")
add_dependencies(bench_sync sightline-fakestore)

# Media transfer (chunked upload, ranged download) of a 20 MB file against plain libcurl.
add_executable(bench_mediatransfer remote/bench_mediatransfer.cpp)
target_link_libraries(bench_mediatransfer PRIVATE sightline_models sightline_warnings CURL::libcurl)
target_compile_definitions(bench_mediatransfer PRIVATE SIGHTLINE_FAKESTORE="$<TARGET_FILE:sightline-fakestore>")
add_dependencies(bench_mediatransfer sightline-fakestore)
