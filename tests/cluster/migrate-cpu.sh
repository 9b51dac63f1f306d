#!/bin/sh
# cluster: --nodes 3 --all
# A computing process moves away and back, from node to node, and is
# bounced between the nodes many times: its registers, FPU, __thread
# variable and heap come through (migtest checks them on every iteration)
# and its result is the one of a run that never moved. Nodes 2 and 3 list
# it in /proc/hpc/remote while it runs there.
. /usr/lib/hpc/testlib.sh
M=/usr/lib/hpc/migtest

# Node 3 blocks guests while node 1 shows lstay (see "blocks" below).
if [ "$NODE" = 3 ]; then
	(
		wait_for 900 node_flag 1 lstay || exit
		echo 1 > /proc/hpc/admin/block
		wait_for 300 node_flag_gone 1 lstay
		echo 0 > /proc/hpc/admin/block
	) &
fi

# On nodes 2 and 3: watch the guest come and go.
if [ "$NODE" != 1 ]; then
	# Read everything about a guest; keep it only if the guest was still
	# there afterwards (it may leave at any time), else wait for the next.
	seen=0
	for attempt in $(seq 20); do
		wait_for 300 has_guests || break
		g=$(ls /proc/hpc/remote | head -1)
		from=$(cat /proc/hpc/remote/$g/from 2>/dev/null)
		identity=$(cat /proc/hpc/remote/$g/identity 2>/dev/null)
		statm=$(cat /proc/hpc/remote/$g/statm 2>/dev/null)
		stats=$(cat /proc/hpc/remote/$g/stats 2>/dev/null)
		w=$(cat /proc/$g/where 2>/dev/null)
		refusal=$(sh -c "echo 1 > /proc/$g/goto" 2>&1)
		[ -d "/proc/hpc/remote/$g" ] || continue
		seen=1
		break
	done
	if [ "$seen" = 1 ]; then
		ok "node $NODE lists the guest in /proc/hpc/remote"
		check_eq "node $NODE: the guest comes from node 1" 1 "$from"
		check "node $NODE: its identity is node 1 and a pid" \
			sh -c "echo '$identity' | grep -q '^1 [0-9][0-9]*$'"
		check "node $NODE: its statm has 7 numbers" \
			sh -c "echo '$statm' | grep -q '^[0-9]* [0-9]* [0-9]* [0-9]* 0 [0-9]* 0$'"
		check "node $NODE: its stats" sh -c "echo '$stats' | grep -q '^utime_ms [0-9]'"
		check_eq "node $NODE: the guest's where is this node" "$NODE" "$w"
		check "node $NODE: goto of a guest is refused" \
			sh -c "echo '$refusal' | grep -q 'Operation not permitted'"
	else
		not_ok "node $NODE never saw a guest long enough"
	fi
	check "node $NODE: every guest is gone in the end" wait_for 400 no_guests
	check_no_leaks
	finish
fi

check "node 2 is up" wait_for 60 node_up 2
check "node 3 is up" wait_for 60 node_up 3
# Away and back. The process computes until told to stop; then a run at
# home of as many iterations must give the same result.
rm -f /tmp/migtest-stop
$M spin 8 0 > /tmp/out &
pid=$!
check_eq "cantmove is empty for a plain process" "" "$(cat /proc/$pid/cantmove)"
check_eq "nmigs starts at 0" 0 "$(cat /proc/$pid/nmigs)"
check "migrate PID 2" migrate "$pid" 2
check "it runs on node 2" wait_where 60 "$pid" 2
check_eq "nmigs is 1" 1 "$(cat /proc/$pid/nmigs)"
check_eq "its command line shows at home while it is away" "$M spin 8 0 " \
	"$(tr '\0' ' ' < /proc/$pid/cmdline)"
check "mps shows it on node 2 with its command line" sh -c \
	"mps -p $pid | grep -Eq '^ *$pid +2 .* $M spin 8 0\$'"
check "echo home > goto" sh -c "echo home > /proc/$pid/goto"
check "it is back home" wait_where 60 "$pid" 0
check_eq "nmigs is 2" 2 "$(cat /proc/$pid/nmigs)"
# Node to node, straight: it does not come home on the way (one move).
check "migrate PID 2 again" migrate "$pid" 2
check "it runs on node 2 again" wait_where 60 "$pid" 2
check "migrate PID 3 while on node 2" migrate "$pid" 3
check "it runs on node 3" wait_where 60 "$pid" 3
check_eq "nmigs is 4: from node 2 to node 3 is one move" 4 "$(cat /proc/$pid/nmigs)"
check "migrate PID 2 while on node 3" migrate "$pid" 2
check "it runs on node 2 once more" wait_where 60 "$pid" 2
check_eq "nmigs is 5" 5 "$(cat /proc/$pid/nmigs)"
# A node that blocks guests refuses it: it runs on where it was.
echo 1 > /proc/hpc/admin/lstay
check "node 3 blocks guests" wait_for 60 node_flag 3 block
check "migrate PID 3 while node 3 blocks" migrate "$pid" 3
check "the log says why it stays on node 2" wait_for 30 sh -c \
	"dmesg | grep -q 'process $pid (migtest) stays on node 2: node 3: it accepts no guests'"
check_eq "it still runs on node 2" 2 "$(where "$pid")"
check_eq "nmigs is still 5" 5 "$(cat /proc/$pid/nmigs)"
echo 0 > /proc/hpc/admin/lstay
check "node 3 takes guests again" wait_for 60 node_flag_gone 3 block
sleep 3
end_spin "the moved process" "$pid" 8 /tmp/out

# A process that spends its time in forwarded calls (write, nanosleep)
# passes on straight too: the call ends at home, then it moves.
$M io 100000 > /tmp/io &
pid=$!
# Once it is in its loop: loading goes home for each file mmap.
check "io: it writes" wait_for 30 grep -q "^line 2$" /tmp/io
check "io: migrate to node 2" migrate "$pid" 2
check "io: it runs on node 2" wait_where 60 "$pid" 2
n=$(cat /proc/$pid/nmigs)
check "io: migrate to node 3 while it sleeps in a forwarded call" migrate "$pid" 3
check "io: it runs on node 3" wait_where 60 "$pid" 3
check_eq "io: one move from node 2 to node 3" $((n + 1)) "$(cat /proc/$pid/nmigs)"
lines=$(wc -l < /tmp/io)
check "io: it goes on writing there" wait_for 30 sh -c "[ \$(wc -l < /tmp/io) -gt $((lines + 2)) ]"
kill "$pid"
wait "$pid"
check "io: its lines are all there, in order" awk '$0 != "line " NR { exit 1 }' /tmp/io

# Torture: bounce one process many times while it computes, until told to
# stop; then a run at home of as many iterations must give the same result.
bounces=30
[ "$DEBUG_KERNEL" = 1 ] && bounces=8
rm -f /tmp/migtest-stop
$M spin 8 0 > /tmp/out &
pid=$!
moves=0
for i in $(seq $bounces); do
	case $((i % 3)) in 0) n=0 ;; 1) n=2 ;; 2) n=3 ;; esac
	migrate "$pid" "$n" 2>/dev/null || break
	wait_where 60 "$pid" "$n" || break
	moves=$((moves + 1))
done
check_eq "$bounces moves in a row while it computes" $bounces "$moves"
check "it is still there afterwards" test -d "/proc/$pid"
end_spin "the bounced process" "$pid" 8 /tmp/out
check_no_leaks
finish
