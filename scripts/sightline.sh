#!/usr/bin/env bash
# One entry point for people and CI:
#   scripts/sightline.sh run    install what is missing, build, start on the demo workspace
#   scripts/sightline.sh test   install what is missing, build, run the whole test suite,
#                               then the sanitizer suite and the fuzzers (what CI runs)
#   scripts/sightline.sh sanitize   only the sanitizer suite (build-sanitize, label sanitize)
#   scripts/sightline.sh fuzz       only the fuzzers (build-fuzz, clang, label fuzz)
#   scripts/sightline.sh build | deps | package | screenshots
# Environment: BUILD_DIR (default: build), SANITIZE_BUILD_DIR (build-sanitize),
# FUZZ_BUILD_DIR (build-fuzz), JOBS (default: number of cores).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$here/build}"
sanitize_dir="${SANITIZE_BUILD_DIR:-$here/build-sanitize}"
fuzz_dir="${FUZZ_BUILD_DIR:-$here/build-fuzz}"
jobs="${JOBS:-$(nproc)}"

# Everything comes from Debian 12's archive.
packages=(
    g++ cmake ninja-build ccache pkg-config file dpkg-dev
    qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins
    libopencv-dev libcurl4-openssl-dev libsqlite3-dev qtkeychain-qt6-dev libsimdjson-dev
    gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
    libavformat-dev libavcodec-dev libswscale-dev libavutil-dev qt6-image-formats-plugins
    xvfb xauth appstream desktop-file-utils fonts-dejavu-core ffmpeg
    libffmpegthumbnailer-dev ffmpegthumbnailer
    clang-14 libclang-rt-14-dev llvm-14
    libsecret-1-0 gnome-keyring libsecret-tools dbus-daemon libglib2.0-dev
    pulseaudio
)
# clang-14 and libclang-rt-14-dev: the fuzzers (libFuzzer is in the runtime);
# llvm-14: llvm-symbolizer, which turns sanitizer reports into file:line.
# libsecret-1-0: QtKeychain loads it at run time (dlopen, not a dependency of
# libqt6keychain1) to reach the Secret Service; without it there is no keychain.
# gnome-keyring, dbus-daemon: the real Secret Service the keychain tests run
# on a private session bus; libsecret-tools: secret-tool, which checks what
# they kept; libglib2.0-dev: GIO, for the session bus connection libsecret
# shares (tests/support/secretservicesession).
# pulseaudio: a private null sound device for the tests that play sound
# (tests/support/nullsoundserver), on machines with no sound card.

deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$build_dir" --parallel "$jobs"
}

run() {
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "Sightline is built, but there is no display to show it on." >&2
        echo "Run it under a virtual X server instead:" >&2
        echo "  xvfb-run -a $build_dir/app/sightline $*" >&2
        exit 2
    fi
    exec "$build_dir/app/sightline" "$@"
}

run_tests() {
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$build_dir" --output-on-failure --timeout 600 -j "$jobs"
}

# The core, integration and GUI tests built with AddressSanitizer and
# UndefinedBehaviorSanitizer (tests/sanitize/).
sanitize() {
    cmake -S "$here" -B "$sanitize_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIGHTLINE_SANITIZE=ON
    cmake --build "$sanitize_dir" --parallel "$jobs" --target sanitize_tests
    ctest --test-dir "$sanitize_dir" -L sanitize --output-on-failure -j "$jobs"
}

# The libFuzzer targets, each for a bounded number of executions (tests/fuzz/).
fuzz() {
    cmake -S "$here" -B "$fuzz_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIGHTLINE_FUZZ=ON \
        -DCMAKE_CXX_COMPILER=clang++-14
    cmake --build "$fuzz_dir" --parallel "$jobs"
    ctest --test-dir "$fuzz_dir" -L fuzz --output-on-failure -j "$jobs"
    cat "$fuzz_dir"/tests/fuzz/*.run/summary.txt
}

# Every suite runs even when an earlier one failed, so one CI run shows all
# failures; the exit status is non-zero if any failed. (Each runs in a
# subshell with -e outside any condition: inside `if` or `||`, bash would
# ignore -e and carry on past a failed build.)
all_tests() {
    local failed=() suite status started
    for suite in run_tests sanitize fuzz; do
        started=$SECONDS
        echo "=== $suite: started"
        set +e
        (set -e; "$suite")
        status=$?
        set -e
        echo "=== $suite: exit status $status after $((SECONDS - started)) s"
        [ "$status" -eq 0 ] || failed+=("$suite")
    done
    if [ ${#failed[@]} -gt 0 ]; then
        echo "Failed suites: ${failed[*]}" >&2
        return 1
    fi
}

package() {
    (cd "$build_dir" && cpack -G DEB)
}

screenshots() {
    mkdir -p "$here/docs/screenshots"
    local ws
    ws="$(mktemp -d)"
    QT_QPA_PLATFORM=offscreen "$build_dir/app/sightline-cli" demo "$ws/demo"
    local shot kind
    for shot in main-window:photo video-player:video asset-browser:browser annotation-editor:annotate compare-wipe:compare; do
        kind="${shot#*:}"
        QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" "$build_dir/app/sightline" \
            --workspace "$ws/demo" --lang en --screenshot "$here/docs/screenshots/${shot%%:*}.png" --screenshot-of "$kind"
    done
    rm -rf "$ws"
    # The sync dialogs (Connect with a code, conflicts) from their test, against the fake store.
    SIGHTLINE_SCREENSHOT_DIR="$here/docs/screenshots" LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1400x900x24" "$build_dir/tests/ui/tst_syncdialogs"
    # The main window's sync status (a sync under way with two edits pending) against the fake store.
    SIGHTLINE_SCREENSHOT_DIR="$here/docs/screenshots" LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1400x900x24" "$build_dir/tests/ui/tst_syncstatus" cancelDuringAHeldPushKeepsTheEditsQueued
    # A capture pulled from the store, its tab offering the fetch of its file.
    SIGHTLINE_SCREENSHOT_DIR="$here/docs/screenshots" LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1400x900x24" "$build_dir/tests/ui/tst_syncstatus" aCaptureOnTheStoreIsFetchedFromItsTab
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
    deps) deps ;;
    build) deps; build ;;
    run) deps; build; run "$@" ;;
    test) deps; build; all_tests ;;
    sanitize) deps; sanitize ;;
    fuzz) deps; fuzz ;;
    package) deps; build; package ;;
    screenshots) deps; build; screenshots ;;
    *) echo "usage: $0 run|test|sanitize|fuzz|build|deps|package|screenshots" >&2; exit 64 ;;
esac
