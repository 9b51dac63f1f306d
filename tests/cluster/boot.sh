#!/bin/sh
# cluster: --nodes 3 --all
# Every node boots, has its address, reaches every other node, and has
# /proc/hpc and the host's root.
. /usr/lib/hpc/testlib.sh

check_eq "node $NODE knows its id from the command line" "node$NODE" "$(hostname)"
check "node $NODE has its address" sh -c "ip addr show eth0 | grep -q 'inet $(node_addr "$NODE")/24'"
check "node $NODE has /proc/hpc/admin" test -d /proc/hpc/admin
check "node $NODE has the host root at /host" test -d /host/usr/bin

for peer in $(seq 1 "$NODES"); do
	[ "$peer" = "$NODE" ] && continue
	check "node $NODE reaches node $peer" wait_for 60 ping -c 1 -W 1 "$(node_addr "$peer")"
done
finish
