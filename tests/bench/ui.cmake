# Benchmarks of the asset browser window (offscreen; run by hand; prints figures).
add_executable(bench_browserui ui/bench_browserui.cpp)
target_link_libraries(bench_browserui PRIVATE sightline_ui sightline_warnings SQLite::SQLite3 Qt6::Test)
# Playback of a long video with its overlay, against a bare QMediaPlayer.
add_executable(bench_playback ui/bench_playback.cpp)
# Its index floors read the clip with libavformat (the target made in media.cmake).
target_link_libraries(bench_playback PRIVATE sightline_ui sightline_warnings Qt6::Test PkgConfig::SL_BENCH_FFMPEG)
