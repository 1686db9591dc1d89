#!/bin/sh
# Runs after every Dovecot test (a CTest cleanup fixture): no server process and no server
# directory may be left behind, whatever the tests did.
left=$(ls -d /tmp/twinbox-dovecot-* 2>/dev/null)
servers=$(pgrep -af 'dovecot.*twinbox-dovecot-' 2>/dev/null | grep -v pgrep)
if [ -n "$left" ] || [ -n "$servers" ]; then
  echo "left behind:"
  # Who owned each directory and when it last changed tell a leak from a killed earlier run.
  for dir in $left; do
    owner=$(cat "$dir/owner.pid" 2>/dev/null || echo "no owner file")
    echo "$dir (owner: $owner, changed $(stat -c %y "$dir"))"
  done
  [ -n "$servers" ] && echo "$servers"
  exit 1
fi
echo "no Dovecot process or directory left behind"
