# Integration tests of the executables, the metadata and the package.
sl_add_test(tst_cli LABEL integration SOURCES app/tst_cli.cpp)
add_dependencies(tst_cli sightline-cli)
target_compile_definitions(tst_cli PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")

sl_add_test(tst_cli_assets LABEL integration SOURCES app/tst_cli_assets.cpp)
add_dependencies(tst_cli_assets sightline-cli)
target_compile_definitions(tst_cli_assets PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")

sl_add_test(tst_cli_review LABEL integration SOURCES app/tst_cli_review.cpp)
add_dependencies(tst_cli_review sightline-cli)
target_compile_definitions(tst_cli_review PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")

# Bad media and bad output targets through the real executable; the media is
# made at test time with the core media tests' helpers.
set(SL_MEDIA_TEST_DIR ${CMAKE_CURRENT_SOURCE_DIR}/../core/media)
find_package(ZLIB REQUIRED)
sl_add_test(tst_cli_badmedia LABEL integration TIMEOUT 600 SOURCES app/tst_cli_badmedia.cpp
    ${SL_MEDIA_TEST_DIR}/badmedia.cpp ${SL_MEDIA_TEST_DIR}/badmedia.h
    ${SL_MEDIA_TEST_DIR}/testclip.cpp ${SL_MEDIA_TEST_DIR}/testclip.h
    LIBS ZLIB::ZLIB)
target_include_directories(tst_cli_badmedia PRIVATE ${SL_MEDIA_TEST_DIR})
add_dependencies(tst_cli_badmedia sightline-cli)
target_compile_definitions(tst_cli_badmedia PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")

sl_add_test(tst_translations LABEL integration SOURCES app/tst_translations.cpp)
target_compile_definitions(tst_translations PRIVATE SIGHTLINE_LUPDATE_PATH="$<TARGET_FILE:Qt6::lupdate>")

add_test(NAME desktop_metadata_valid
         COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR}/resources -P ${CMAKE_SOURCE_DIR}/tests/cmake/validate_metadata.cmake)
set_tests_properties(desktop_metadata_valid PROPERTIES LABELS integration)

add_test(NAME deb_package
         COMMAND ${CMAKE_COMMAND} -DBUILD=${CMAKE_BINARY_DIR} -P ${CMAKE_SOURCE_DIR}/tests/cmake/check_deb_package.cmake)
set_tests_properties(deb_package PROPERTIES LABELS integration TIMEOUT 600 RUN_SERIAL TRUE)

# The widget-include check must really fail on a widget include.
add_test(NAME nowidgets_check_catches_widget_include
         COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR}/tests/data/widget-include-fixture -P ${CMAKE_SOURCE_DIR}/tests/cmake/check_no_widgets.cmake)
set_tests_properties(nowidgets_check_catches_widget_include PROPERTIES LABELS integration WILL_FAIL TRUE)

sl_add_test(tst_cli_sync LABEL integration SOURCES app/tst_cli_sync.cpp LIBS sightline_fakestore)
add_dependencies(tst_cli_sync sightline-cli)
target_compile_definitions(tst_cli_sync PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")
# signin and signout (device code against the fake sign-in; the no-keychain path and its message).
sl_add_test(tst_cli_signin LABEL integration SOURCES app/tst_cli_signin.cpp LIBS sightline_fakestore)
add_dependencies(tst_cli_signin sightline-cli)
target_compile_definitions(tst_cli_signin PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")
# signin, sync with the kept sign-in and signout with a real keychain (gnome-keyring on a private session bus).
sl_add_test(tst_cli_signin_keychain LABEL integration SOURCES app/tst_cli_signin_keychain.cpp LIBS sightline_fakestore)
add_dependencies(tst_cli_signin_keychain sightline-cli)
target_compile_definitions(tst_cli_signin_keychain PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")

# export-frame's frame timing and rotation through the real executable.
sl_add_test(tst_cli_frametiming LABEL integration TIMEOUT 300 SOURCES app/tst_cli_frametiming.cpp
    ${SL_MEDIA_TEST_DIR}/testclip.cpp ${SL_MEDIA_TEST_DIR}/testclip.h)
target_include_directories(tst_cli_frametiming PRIVATE ${SL_MEDIA_TEST_DIR})
add_dependencies(tst_cli_frametiming sightline-cli)
target_compile_definitions(tst_cli_frametiming PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")

# snapshot through the real executable, on a clip made at test time.
sl_add_test(tst_cli_snapshot LABEL integration TIMEOUT 300 SOURCES app/tst_cli_snapshot.cpp
    ${SL_MEDIA_TEST_DIR}/testclip.cpp ${SL_MEDIA_TEST_DIR}/testclip.h)
target_include_directories(tst_cli_snapshot PRIVATE ${SL_MEDIA_TEST_DIR})
add_dependencies(tst_cli_snapshot sightline-cli)
target_compile_definitions(tst_cli_snapshot PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")

# export-video through the real executable, on a clip made at test time.
sl_add_test(tst_cli_videoexport LABEL integration TIMEOUT 300 SOURCES app/tst_cli_videoexport.cpp
    ${SL_MEDIA_TEST_DIR}/testclip.cpp ${SL_MEDIA_TEST_DIR}/testclip.h)
target_include_directories(tst_cli_videoexport PRIVATE ${SL_MEDIA_TEST_DIR})
add_dependencies(tst_cli_videoexport sightline-cli)
target_compile_definitions(tst_cli_videoexport PRIVATE SIGHTLINE_CLI_PATH="$<TARGET_FILE:sightline-cli>")
