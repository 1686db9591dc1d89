#!/usr/bin/env bash
# Set up a fresh Debian 12 / Ubuntu 24.04 machine, build Twinbox and run it or its tests.
#
#   installer/bootstrap.sh demo   install what is missing, build (release), run a demo sync
#   installer/bootstrap.sh test   install what is missing, build (ci preset), run every test;
#                                 then the same suite under ASan+UBSan (asan preset) and the
#                                 worker-thread tests under ThreadSanitizer (tsan preset)
#
# .ci/run calls `bootstrap.sh test`, so CI runs exactly what README.md tells a newcomer.
set -euo pipefail

mode=${1:-}
case "$mode" in
  demo) preset=release ;;
  test) preset=ci ;;
  *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
bash installer/setup-deps.sh

# Qt wants a private runtime directory; root's default does not exist in a fresh container.
if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "${XDG_RUNTIME_DIR}" ]; then
  XDG_RUNTIME_DIR=$(mktemp -d /tmp/twinbox-runtime.XXXXXX)
  export XDG_RUNTIME_DIR
  trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
fi

cmake --preset "$preset"
cmake --build --preset "$preset"

case "$mode" in
  demo)
    # A real two-way sync without any account: two private Dovecot mail stores (served over
    # stdio tunnels, no daemon, no network), seeded, synced and removed again. On a desktop
    # the window shows it (close it, or quit from the tray, to end); in a terminal,
    # twinbox-cli syncs twice and prints what it did.
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      "build/$preset/app/twinbox" --demo
    else
      "build/$preset/app/twinbox-cli" --demo
    fi
    ;;
  test)
    ctest --preset "$preset"
    # The sanitizer builds: every test under AddressSanitizer and UndefinedBehaviorSanitizer,
    # and the tests that run a pair's worker thread under ThreadSanitizer.
    for sanitized in asan tsan; do
      cmake --preset "$sanitized"
      cmake --build --preset "$sanitized"
      ctest --preset "$sanitized"
    done
    ;;
esac
