#!/bin/sh
# cluster: --nodes 2 --all
# What cannot move says why in cantmove and keeps running at home:
# threads, shared writable memory, SysV shm, mlock, real-time policy, init,
# kernel threads. Bad requests get clear errors. A node that blocks guests
# refuses them; expel sends guests home and bring calls processes home.
. /usr/lib/hpc/testlib.sh
M=/usr/lib/hpc/migtest

if [ "$NODE" = 2 ]; then
	echo 1 > /proc/hpc/admin/block
	# Node 1 tries while we block, then says it has seen the refusal
	# by showing lstay in its status; only then do we unblock.
	check "node 2: node 1 saw the refusal" wait_for 300 node_flag 1 lstay
	echo 0 > /proc/hpc/admin/block
	check "node 2: a guest arrives once unblocked" wait_for 120 has_guests
	check "node 2: expel" sh -c "echo 1 > /proc/hpc/admin/expel"
	check "node 2: expel empties /proc/hpc/remote" wait_for 60 no_guests
	check_fails "node 2: expel takes only 1" "Invalid argument" \
		sh -c "echo 2 > /proc/hpc/admin/expel"
	check "node 2: the next guest arrives" wait_for 120 has_guests
	check "node 2: bring at home empties it" wait_for 120 no_guests
	check_no_leaks
	finish
fi

check "node 2 is up" wait_for 60 node_up 2

# cant KIND REASON
cant() {
	$M cant "$1" > /tmp/cant &
	p=$!
	if wait_for 30 grep -q ready /tmp/cant; then
		check_eq "$1: cantmove says $2" "$2" "$(cat /proc/$p/cantmove)"
		check_fails "$1: migrate refuses" "process cannot move now: $2" migrate "$p" 2
		check_eq "$1: it stays home" 0 "$(where "$p")"
	else
		not_ok "$1: migtest cant $1 did not get ready: $(cat /tmp/cant)"
	fi
	kill "$p"
	wait "$p"
}
cant threads threads
cant shared "shared memory"
cant shm "SysV shared memory"
cant mlock "locked memory (mlock)"
cant cputimer "CPU-time timers"
cant rt "real-time scheduling"
check_eq "init cannot move" init "$(cat /proc/1/cantmove)"
check_eq "a kernel thread cannot move" "kernel thread" "$(cat /proc/2/cantmove)"
check_fails "goto of a kernel thread is refused" "Device or resource busy" \
	sh -c "echo 2 > /proc/2/goto"

$M spin 1 100000000 > /dev/null &
pid=$!
check_fails "a node that is not in the table" "not in the cluster or is down" migrate "$pid" 9
check_fails "a bad node" "bad node" migrate "$pid" two
check_fails "goto takes numbers only" "Invalid argument" sh -c "echo 2x > /proc/$pid/goto"
check_fails "goto takes node ids only" "Invalid argument" sh -c "echo 70000 > /proc/$pid/goto"
check_fails "lock takes 0 or 1" "Invalid argument" sh -c "echo 2 > /proc/$pid/lock"
check "lock can be set" sh -c "echo 1 > /proc/$pid/lock"
check_eq "lock reads back" 1 "$(cat /proc/$pid/lock)"
check_fails "no process" "no process" migrate 99999 2
check_fails "another user's process" "Permission denied" \
	su nobody -s /bin/sh -c "echo 2 > /proc/$pid/goto"

# Node 2 blocks guests until our status shows lstay.
check "node 2 says it blocks guests" wait_for 60 node_flag 2 block
check "migrate while node 2 blocks guests" migrate "$pid" 2
check "the log says why" wait_for 30 sh -c \
	"dmesg | grep -q 'process $pid (migtest) stays: node 2: it accepts no guests'"
check_eq "the blocked node refused it: it runs at home" 0 "$(where "$pid")"
echo 1 > /proc/hpc/admin/lstay
check "node 2 unblocks" wait_for 120 node_flag_gone 2 block
echo 0 > /proc/hpc/admin/lstay
check "once unblocked, it moves" migrate "$pid" 2
check "it runs on node 2" wait_where 30 "$pid" 2
check "node 2 expels it: it comes home" wait_where 60 "$pid" 0
sleep 2
check_eq "an expelled process stays home" 0 "$(where "$pid")"
check "migrate again" migrate "$pid" 2
check "it runs on node 2" wait_where 30 "$pid" 2
check "bring" mosctl bring
check "bring calls it home" wait_where 60 "$pid" 0
kill "$pid"
check_no_leaks
finish
