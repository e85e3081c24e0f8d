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

# A push of 1,000 queued edits through $batch against plain libcurl POSTing the same bodies.
add_executable(bench_batchpush remote/bench_batchpush.cpp)
target_link_libraries(bench_batchpush PRIVATE sightline_models sightline_warnings CURL::libcurl)
target_compile_definitions(bench_batchpush PRIVATE SIGHTLINE_FAKESTORE="$<TARGET_FILE:sightline-fakestore>")
add_dependencies(bench_batchpush sightline-fakestore)
