#!/bin/sh
# Runs a test program as an unprivileged user, so that CI (root) also covers the way
# developers run the Dovecot fixture. The program is copied to /tmp first: a checkout under
# /root is not reachable for another user. Without root the program just runs.
set -eu
program=$1
shift
if [ "$(id -u)" -ne 0 ]; then
  exec "$program" "$@"
fi
dir=$(mktemp -d /tmp/twinbox-unprivileged.XXXXXX)
trap 'rm -rf "$dir"' EXIT
cp "$program" "$dir/"
chmod 755 "$dir" "$dir/$(basename "$program")"
cd "$dir"
setpriv --reuid=nobody --regid=nogroup --clear-groups \
  env HOME="$dir" XDG_RUNTIME_DIR="$dir" TMPDIR=/tmp "$dir/$(basename "$program")" "$@"
