#!/bin/sh
# The demo: what a 3-node openMosix cluster shows today. It grows with the
# project: process migration joins it as soon as the engine can move one.
. /usr/lib/hpc/testlib.sh

echo "== This is node $NODE of $NODES, $(uname -r)"
for peer in $(seq 1 "$NODES"); do
	[ "$peer" = "$NODE" ] && continue
	if wait_for 60 ping -c 1 -W 1 "$(node_addr "$peer")"; then
		echo "== node $peer ($(node_addr "$peer")) answers"
	else
		echo "== node $peer does not answer"
	fi
done
echo "== /proc/hpc/admin on this node:"
for f in /proc/hpc/admin/*; do printf '  %-16s %s\n' "${f##*/}" "$(cat "$f")"; done
echo "== mosctl getdecay:"
mosctl getdecay
echo "== mosctl setspeed 20000, then getspeed:"
mosctl setspeed 20000 && mosctl getspeed
if [ -d /proc/hpc/nodes ]; then
	echo "== mosmon --once:"
	mosmon --once --width 60 --height 16
fi
