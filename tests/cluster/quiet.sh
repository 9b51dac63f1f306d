#!/bin/sh
# cluster: --nodes 2 --all
# quiet stops a node's load information: the others soon show it down; noquiet
# brings it back. The node's own flags travel with its load information.
. /usr/lib/hpc/testlib.sh

up() { [ "$(cut -d' ' -f1 /proc/hpc/nodes/$1/status)" = up ]; }
down() { [ "$(cut -d' ' -f1 /proc/hpc/nodes/$1/status)" = down ]; }
for n in 1 2; do check "node $NODE sees node $n up" wait_for 30 up "$n"; done

case $NODE in
1)
	check "node 1 sees node 2's flags" wait_for 20 sh -c \
		'[ "$(cat /proc/hpc/nodes/2/status)" = "up stay block" ]'
	check "node 1 sees node 2 down once it is quiet" wait_for 30 down 2
	check "node 1 sees node 2 up again after noquiet" wait_for 30 up 2
	check_eq "node 2's flags are gone" up "$(cat /proc/hpc/nodes/2/status)"
	;;
2)
	mosctl stay && mosctl block
	check "node 2 shows its own flags" wait_for 10 sh -c \
		'[ "$(cat /proc/hpc/nodes/2/status)" = "up stay block" ]'
	sleep 5
	mosctl nostay && mosctl noblock && mosctl quiet
	check "node 2 is quiet" test "$(cat /proc/hpc/admin/quiet)" = 1
	sleep 12
	mosctl noquiet
	check "node 2 sees node 1 all along" up 1
	;;
esac
finish
