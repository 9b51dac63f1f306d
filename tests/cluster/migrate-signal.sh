#!/bin/sh
# cluster: --nodes 2
# A process moved to node 2 keeps its files, pipes, cwd, ids, signals,
# timers, parent and exit status: queued signals reach its handler, a fault
# of its own reaches its SIGSEGV handler, a sleep is interrupted or
# restarted as at home, STOP/CONT work, exit(3) is what the parent sees,
# kill -9 ends it; fork and execve from node 2 work.
. /usr/lib/hpc/testlib.sh
M=/usr/lib/hpc/migtest

# start OUT ARGS...: run migtest in the background and move it to node 2
# (the modes that wait for it print "away 2" when they see it there).
start() {
	out=$1
	shift
	$M "$@" > "$out" &
	pid=$!
	migrate "$pid" 2 || not_ok "migrate $* to node 2"
}

check "node 2 is up" wait_for 60 node_up 2

start /tmp/sig sig 100
# Its handler is in place before it moves: signal it only once it is away.
check "the signal catcher reaches node 2" wait_where 60 "$pid" 2
for i in $(seq 100); do
	kill -35 "$pid"		# SIGRTMIN+1: queued, never merged
done
reap "$pid"
check_eq "100 queued signals all reach the handler" "away 2
sig 100 usr2-blocked 1" "$(cat /tmp/sig)"

start /tmp/segv segv
reap "$pid"
check_eq "a fault on node 2 reaches the SIGSEGV handler" "away 2
segv caught" "$(cat /tmp/segv)"

start /tmp/spin spin 1 100000000
check "a computing process reaches node 2" wait_where 30 "$pid" 2
kill -STOP "$pid"
check "SIGSTOP stops it" wait_for 20 sh -c "grep -q '^State:.*stopped' /proc/$pid/status"
sleep 1
check_eq "a stopped process uses no CPU" "$(cut -d' ' -f14 /proc/$pid/stat)" \
	"$(sleep 2; cut -d' ' -f14 /proc/$pid/stat)"
kill -CONT "$pid"
check "after SIGCONT it goes back to node 2" wait_where 30 "$pid" 2
kill -TERM "$pid"
reap "$pid"
check_eq "SIGTERM's default action ends it" 143 "$?"

start /tmp/exit exit 3
reap "$pid"
check_eq "exit(3) on node 2 is what the parent sees" "3 away 2" "$? $(cat /tmp/exit)"

start /tmp/spin spin 1 100000000
check "it reaches node 2 again" wait_where 30 "$pid" 2
kill -9 "$pid"
reap "$pid"
check_eq "kill -9 ends it" 137 "$?"

start /tmp/fork fork
reap "$pid"
check_eq "fork from node 2: the child's exit status reaches the parent" 0 "$?"
check_eq "fork from node 2: the output" "away 2
child exit 7" "$(cat /tmp/fork)"

start /tmp/exec exec
reap "$pid"
check_eq "execve from node 2 keeps the pid" "away 2
exec pid same" "$(cat /tmp/exec)"

start /tmp/files files
reap "$pid"
check_eq "files, pipes, cwd, ids and uname are home's" "away 2
files ok where 2" "$(cat /tmp/files)"

start /tmp/timers timers
reap "$pid"
check_eq "alarm() and an interval timer reach their handlers" "away 2
timers ok alarm 1 ticks>=5 1" "$(cat /tmp/timers)"

start /tmp/sleep sleep
if wait_for 60 grep -q '^sleeping$' /tmp/sleep; then
	sleep 2
	kill -USR1 "$pid"
fi
if wait_for 60 grep -q '^sleeping 3$' /tmp/sleep; then
	kill -STOP "$pid"
	sleep 1
	kill -CONT "$pid"
fi
reap "$pid"
check_eq "a signal interrupts a sleep; STOP/CONT restart one" "away 2
sleeping
sleep 1: Interrupted system call, rem>20 1
sleeping 3
sleep 2: done, slept>=3 1" "$(cat /tmp/sleep)"

$M io 30 | cat > /tmp/io &
sleep 1
pid=$(pidof migtest)
check "the writer of a pipe moves" migrate "$pid" 2
wait
check_eq "all lines come through the pipe" 30 "$(wc -l < /tmp/io)"

check_no_leaks
finish
