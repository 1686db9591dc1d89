#!/bin/sh
# A short libFuzzer run of every target, for the test suite: builds the clang "fuzz" preset
# (ASan + UBSan) when needed, then fuzzes each target for SECONDS from the kept corpus.
# New inputs go to a temporary directory, not into the tree; a finding fails the run and
# leaves its reproducer in the temporary directory named in the output.
# usage: short-run.sh SOURCE_DIR SECONDS TARGET...
set -eu
source_dir=$1
seconds=$2
shift 2
cd "$source_dir"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "$@"
work=$(mktemp -d /tmp/twinbox-fuzz.XXXXXX)
for target in "$@"; do
  name=${target#fuzz_}
  mkdir -p "$work/$name"
  echo "fuzzing $target for ${seconds}s (new inputs in $work/$name)"
  "build/fuzz/tests/fuzz/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -entropic=0 \
    -artifact_prefix="$work/" -print_final_stats=1 "$work/$name" "tests/fuzz/corpus/$name" 2>&1 \
    | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==|SUMMARY|artifact)" || true
  if ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* >/dev/null 2>&1; then
    echo "finding in $target: $(ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null)"
    exit 1
  fi
done
rm -rf "$work"
