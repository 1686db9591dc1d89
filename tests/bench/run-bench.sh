#!/bin/bash
# One command: build an optimised Twinbox with the benchmark, then run it against interimap.
#   tests/bench/run-bench.sh [small|large] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
preset_size=${1:-small}
runs=${2:-3}
cmake --preset release -DTWINBOX_BENCH=ON >/dev/null
cmake --build --preset release --target twinbox-cli twinbox_bench
command -v interimap >/dev/null || { echo "interimap is missing: bash installer/setup-deps.sh" >&2; exit 1; }
build/release/tests/bench/twinbox_bench --preset "$preset_size" --runs "$runs" \
    --twinbox "$PWD/build/release/app/twinbox-cli" --out "build/release/bench-$preset_size.md"
