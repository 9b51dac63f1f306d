#!/bin/sh
# cluster: --nodes 3 --all --bare
# omdiscd forms the cluster by itself: the nodes boot with no map and no key;
# each loads the test key and starts omdiscd on eth0, and within 60 s every
# node has its id (the host part of 10.77.0.ID/24), the whole table, and
# sees every node up.
. /usr/lib/hpc/testlib.sh

# is FILE TEXT: FILE holds TEXT.
is() { [ "$(cat "$1" 2>/dev/null)" = "$2" ]; }
# is_up ID: node ID's status starts with "up".
is_up() {
	read -r _s _flags < "/proc/hpc/nodes/$1/status" 2>/dev/null && [ "$_s" = up ]
}

check_eq "node $NODE boots with an empty table" "" "$(cat /proc/hpc/admin/config)"
check_eq "node $NODE boots with id 0" 0 "$(cat /proc/hpc/admin/mospe)"
check "node $NODE loads the test key" sh -c 'cat /etc/hpc/test-key > /proc/hpc/admin/key'

omdiscd -n -i eth0 > /tmp/omdiscd.log 2>&1 &
pid=$!

check "node $NODE gets id $NODE from its address" wait_for 60 is /proc/hpc/admin/mospe "$NODE"
check "node $NODE's table holds the $NODES nodes" \
	wait_for 60 is /proc/hpc/admin/config "1 10.77.0.1 $NODES"
for id in $(seq 1 "$NODES"); do
	check "node $NODE sees node $id up" wait_for 60 is_up "$id"
done
for id in $(seq 1 "$NODES"); do
	[ "$id" = "$NODE" ] && continue
	check "node $NODE logged node $id joining" \
		grep -qx "node $id (10.77.0.$id) joined" /tmp/omdiscd.log
done
check_eq "node $NODE's omdiscd introduced itself" \
	"this is node $NODE (10.77.0.$NODE/24 on eth0); announcing to 239.77.0.1 port 4661" \
	"$(head -1 /tmp/omdiscd.log)"
check "node $NODE's omdiscd is still running" kill -0 "$pid"

if [ "$failures" != 0 ]; then
	echo "# node $NODE: /tmp/omdiscd.log"
	sed 's/^/#   /' /tmp/omdiscd.log
	echo "# node $NODE: /proc/hpc/admin/config"
	sed 's/^/#   /' /proc/hpc/admin/config
	for id in $(seq 1 "$NODES"); do
		echo "# node $NODE: node $id is $(cat "/proc/hpc/nodes/$id/status" 2>&1)"
	done
	echo "# node $NODE: TCP sockets (/proc/net/tcp)"
	sed 's/^/#   /' /proc/net/tcp
fi
# omdiscd stays up: the other nodes may still be waiting for this one.
finish
