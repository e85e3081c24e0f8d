#!/usr/bin/env bash
# One entry point for people and CI:
#   scripts/sightline.sh run    install what is missing, build, start on the demo workspace
#   scripts/sightline.sh test   install what is missing, build, run the whole test suite
#   scripts/sightline.sh build | deps | package | screenshots
# Environment: BUILD_DIR (default: build), JOBS (default: number of cores).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$here/build}"
jobs="${JOBS:-$(nproc)}"

# Everything comes from Debian 12's archive.
packages=(
    g++ cmake ninja-build ccache pkg-config file dpkg-dev
    qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins
    libopencv-dev libcurl4-openssl-dev libsqlite3-dev
    gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
    libavformat-dev libavutil-dev qt6-image-formats-plugins
    xvfb xauth appstream desktop-file-utils fonts-dejavu-core ffmpeg
)

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

package() {
    (cd "$build_dir" && cpack -G DEB)
}

screenshots() {
    mkdir -p "$here/docs/screenshots"
    local ws
    ws="$(mktemp -d)"
    QT_QPA_PLATFORM=offscreen "$build_dir/app/sightline-cli" demo "$ws/demo"
    local shot kind
    for shot in main-window:photo video-player:video; do
        kind="${shot#*:}"
        QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" "$build_dir/app/sightline" \
            --workspace "$ws/demo" --lang en --screenshot "$here/docs/screenshots/${shot%%:*}.png" --screenshot-of "$kind"
    done
    rm -rf "$ws"
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
    deps) deps ;;
    build) deps; build ;;
    run) deps; build; run "$@" ;;
    test) deps; build; run_tests ;;
    package) deps; build; package ;;
    screenshots) deps; build; screenshots ;;
    *) echo "usage: $0 run|test|build|deps|package|screenshots" >&2; exit 64 ;;
esac
