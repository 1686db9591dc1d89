#!/bin/bash
# One command: build an optimised Twinbox with the benchmark, then run it against interimap
# and dsync (tests/bench/README.md).
#   tests/bench/run-bench.sh [small|large] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
preset_size=${1:-small}
runs=${2:-3}
command -v interimap >/dev/null || { echo "interimap is missing: bash installer/setup-deps.sh" >&2; exit 1; }
cmake --preset release -DTWINBOX_BENCH=ON >/dev/null
cmake --build --preset release --target twinbox-cli twinbox_bench
# The servers' Maildirs on a tmpfs, as in the anchor figures: on a disk, Maildir's fsync
# makes runs vary threefold.
if [ -z "${TWINBOX_DOVECOT_DIR:-}" ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
    export TWINBOX_DOVECOT_DIR=/dev/shm
fi
build/release/tests/bench/twinbox_bench --preset "$preset_size" --runs "$runs" \
    --twinbox "$PWD/build/release/app/twinbox-cli" --out "build/release/bench-$preset_size.md"
