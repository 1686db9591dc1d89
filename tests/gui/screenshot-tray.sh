#!/bin/bash
# Screenshots of the tray icon in each state, on a virtual X display with a real tray host
# (trayer), to check by eye that the five states look right and differ at tray size.
#   tests/gui/screenshot-tray.sh [BUILD_DIR] [OUT_DIR]
# Needs xvfb-run, trayer and ImageMagick (import, convert); builds nothing: run
# `cmake --build --preset dev --target tray_preview` first.
set -euo pipefail

# Runs inside xvfb-run: one trayer for the whole session, then one preview per shot.
if [[ ${1:-} == --inner ]]; then
    preview=$2
    out=$3
    trayer --edge top --align left --widthtype request --height 24 --iconspacing 6 \
        --transparent false --tint 0xd0d0d0 --SetDockType true --expand true &
    trayer_pid=$!
    trap 'kill "$trayer_pid" 2>/dev/null || true' EXIT
    sleep 1
    shoot() { # name, states...
        local name=$1
        shift
        TWINBOX_QUIT_AFTER_MS=2500 "$preview" "$@" &
        local pid=$!
        sleep 1.5
        import -window root -crop 200x24+0+0 "$out/tray-$name.png"
        # The same, eight times bigger, pixel for pixel.
        convert "$out/tray-$name.png" -filter point -resize 800% "$out/tray-$name-x8.png"
        wait "$pid"
    }
    shoot all idle syncing paused error attention
    for state in idle syncing paused error attention; do
        shoot "$state" "$state"
    done
    exit 0
fi

build=${1:-build/dev}
out=${2:-/tmp/shots}
preview=$(realpath "$build/tests/gui/tray_preview")
[[ -x $preview ]] || { echo "no $preview: build the target tray_preview" >&2; exit 1; }
for tool in xvfb-run trayer import convert; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
mkdir -p "$out"
out=$(realpath "$out")


xvfb-run -a -s "-screen 0 640x120x24" "$(realpath "$0")" --inner "$preview" "$out"
ls "$out"/tray-*.png
