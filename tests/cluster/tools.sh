#!/bin/sh
# cluster: --nodes 3 --all
# The tools on a live cluster: showmap, mosctl and mosmon show the real
# figures of every node, and a setting made on one node reaches the others.
. /usr/lib/hpc/testlib.sh

up() { [ "$(cut -d' ' -f1 /proc/hpc/nodes/$1/status)" = up ]; }
# same_as_proc CMD ID FILE: mosctl's figure is the one in /proc/hpc/nodes/ID/FILE
# just before or just after (the figures are live: they change every second).
same_as_proc() {
	_a=$(cat /proc/hpc/nodes/$2/$3)
	_m=$(mosctl -m "$1" "$2")
	_b=$(cat /proc/hpc/nodes/$2/$3)
	[ "$_m" = "$_a" ] || [ "$_m" = "$_b" ] || { echo "mosctl $_m, /proc $_a then $_b"; return 1; }
}
for n in 1 2 3; do check "node $NODE sees node $n up" wait_for 30 up "$n"; done

check_eq "showmap names this node and the table" \
"This is openMosix node #$NODE (of 3 configured)

Base Node-Id  Address         Count
------------  --------------- -----
1             10.77.0.1       3" "$(showmap)"
for n in 1 2 3; do
	check_eq "mosctl whois $n" "10.77.0.$n" "$(mosctl -m whois $n)"
	check_eq "mosctl isup $n" up "$(mosctl isup $n)"
	check "mosctl getload $n matches /proc" same_as_proc getload "$n" load
	check "mosctl getmem $n matches /proc" same_as_proc getmem "$n" mem
	check "mosctl status $n says up" sh -c "mosctl status $n | grep -q '^node $n: up, 1 CPUs*,'"
done
check_eq "mosctl whois 10.77.0.2" 2 "$(mosctl -m whois 10.77.0.2)"
check_fails "mosctl refuses a node outside the table" "no node 7" mosctl getload 7
check "mosmon --once draws every node" sh -c \
	"mosmon --once --width 60 --height 12 | tail -1 | grep -q '1 *2 *3'"

case $NODE in
1)
	check "mosctl setspeed 20000 on node 1" mosctl setspeed 20000
	;;
*)
	check "node $NODE sees node 1's new speed" wait_for 20 sh -c \
		'[ "$(mosctl -m getspeed 1)" = 20000 ]'
	check "mosmon --once --view speed shows it" wait_for 5 sh -c \
		'mosmon --once --view speed --width 60 --height 12 | grep -q "20000\|20K\|2.00"'
	;;
esac
finish
