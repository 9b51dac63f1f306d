#!/bin/sh
# cluster: --nodes 3 --all
# Load information: every node sees every other up with live figures; a CPU
# hog on node 2 raises node 2's load as node 1 sees it; node 3 cut off the
# network is shown down on node 1 and comes back up by itself.
. /usr/lib/hpc/testlib.sh

up() { [ "$(cut -d' ' -f1 /proc/hpc/nodes/$1/status)" = up ]; }
down() { [ "$(cut -d' ' -f1 /proc/hpc/nodes/$1/status)" = down ]; }
load_at_least() { [ "$(cat /proc/hpc/nodes/$1/load)" -ge "$2" ]; }

for n in 1 2 3; do
	check "node $NODE sees node $n up" wait_for 30 up "$n"
done
for n in 1 2 3; do
	d=/proc/hpc/nodes/$n
	for f in CPUs load mem rmem speed status tmem util; do
		check_eq "node $NODE: $d/$f has mode 444" 444 "$(stat -c %a "$d/$f")"
	done
	check_eq "node $NODE: node $n has 1 CPU" 1 "$(cat "$d/CPUs")"
	check_eq "node $NODE: node $n has the reference speed" 10000 "$(cat "$d/speed")"
	check "node $NODE: node $n has memory" test "$(cat "$d/tmem")" -gt 100000000
	check "node $NODE: node $n's free memory is below its total" \
		test "$(cat "$d/rmem")" -le "$(cat "$d/tmem")"
	check "node $NODE: node $n's utilisation is a percentage" \
		test "$(cat "$d/util")" -ge 0 -a "$(cat "$d/util")" -le 100
done

case $NODE in
1)
	check "node 1 sees node 2's load rise with a CPU hog" wait_for 40 load_at_least 2 50
	check "node 1 sees node 2's utilisation rise" wait_for 20 sh -c \
		'[ "$(cat /proc/hpc/nodes/2/util)" -ge 50 ]'
	check "node 1 sees node 3 down once it is cut off" wait_for 40 down 3
	check "node 1 still sees node 2 up meanwhile" up 2
	check "node 1 sees node 3 come back up by itself" wait_for 60 up 3
	;;
2)
	( while :; do :; done ) &
	hog=$!
	check "node 2 sees its own load rise" wait_for 40 load_at_least 2 50
	# Node 3 leaves once it has seen the hog too; keep it up until then.
	wait_for 60 down 3
	kill "$hog"
	;;
3)
	check "node 3 sees node 2's hog" wait_for 40 load_at_least 2 50
	sleep 2
	ip link set eth0 down
	sleep 15
	ip link set eth0 up
	check "node 3 sees node 1 again once back" wait_for 60 up 1
	;;
esac
finish
