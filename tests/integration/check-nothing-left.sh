#!/bin/sh
# Runs after every Dovecot test (a CTest cleanup fixture): no server process and no server
# directory may be left behind, whatever the tests did.
left=$(ls -d /tmp/twinbox-dovecot-* 2>/dev/null)
servers=$(pgrep -af 'dovecot.*twinbox-dovecot-' 2>/dev/null | grep -v pgrep)
if [ -n "$left" ] || [ -n "$servers" ]; then
  echo "left behind:"
  [ -n "$left" ] && echo "$left"
  [ -n "$servers" ] && echo "$servers"
  exit 1
fi
echo "no Dovecot process or directory left behind"
