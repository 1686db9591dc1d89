#!/bin/bash
# Screenshots of the window, the wizard, the conflicts view and the tray icon, in English
# and in French, on a virtual X display with a tray host (trayer): for a person to check.
#   tests/gui/screenshots.sh [BUILD_DIR] [OUT_DIR]
# Needs xvfb-run, trayer and ImageMagick; build the target gui_screenshots first.
set -euo pipefail

if [[ ${1:-} == --inner ]]; then
    program=$2
    out=$3
    trayer --edge top --align right --widthtype request --height 24 --iconspacing 6 \
        --transparent false --tint 0xd0d0d0 --SetDockType true --expand true &
    trayer_pid=$!
    trap 'kill "$trayer_pid" 2>/dev/null || true' EXIT
    sleep 1
    LANG=C.UTF-8 LANGUAGE=en "$program" "$out" en
    LANG=fr_FR.UTF-8 LANGUAGE=fr "$program" "$out" fr
    exit 0
fi

build=${1:-build/dev}
out=${2:-/tmp/shots}
program=$(realpath "$build/tests/gui/gui_screenshots")
[[ -x $program ]] || { echo "no $program: build the target gui_screenshots" >&2; exit 1; }
for tool in xvfb-run trayer import; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
mkdir -p "$out"
out=$(realpath "$out")
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" "$(realpath "$0")" --inner "$program" "$out"
ls "$out"/*.png
