#!/bin/sh
# The benchmark scenario of make bench (tests/bench/run starts it with
# scripts/cluster run --nodes 2 --all). Node 1 measures; node 2 serves.
#
#   scenario.sh BINDIR REPS SIZES...
#
# BINDIR holds benchtool, as the nodes see it (under /host). Every
# measurement is taken REPS times, for each size in MB of SIZES:
#
#   mig-out   goto 2 of a process at home on node 1, until where shows 2
#   mig-home  goto 0 of the same process on node 2, until where shows 0
#   criu      criu dump on node 1, the images sent to node 2, criu restore
#             there, until node 2 says the process runs again
#   raw       the same number of bytes sent from node 1 to node 2
#
# and once per run: the round trip of ping between the nodes (ms) and the
# cost of one getppid() at home and forwarded from node 2 (ns). Node 1
# prints "result KIND MB VALUE" lines that tests/bench/run turns into a
# table, and "bench: ..." progress lines. Any measurement that cannot be
# taken ends the scenario with "bench: FAILED: ...".
#
# Node 2 runs a small server: each connection to its port 5000 carries a
# command line, then the data the command reads. It answers on node 1's
# port 5002.
. /usr/lib/hpc/testlib.sh

bindir=$1
reps=$2
shift 2
sizes=$*
B=/tmp/benchtool
CLOCK=/sys/devices/system/clocksource/clocksource0/current_clocksource
CMD_PORT=5000
REPLY_PORT=5002
peer=$(node_addr 2)
home=$(node_addr 1)

fail() {
	echo "bench: FAILED: $*"
	exit 1
}

# The helper runs from the node's own /tmp, and from the chroot's /tmp for
# the process that moves (CRIU needs its files where it restores it).
cp "$bindir/benchtool" $B || fail "no $bindir/benchtool"
host_chroot_ready || fail "cannot make /host chroot-able"
# Only for criu check's pseudo-terminal test.
grep -q ' /host/dev/pts ' /proc/mounts || mount -t devpts devpts /host/dev/pts 2>/dev/null
cp -p $B /host/tmp/benchtool || fail "cannot copy benchtool into /host/tmp"
criu() { chroot /host /usr/sbin/criu "$@"; }

# ---- node 2: the server -------------------------------------------------

reply() { echo "$*" | $B send "$home" $REPLY_PORT; }

# serve: one command from stdin; status 3 for quit.
serve() {
	read -r cmd || return 1
	case $cmd in
	sink)
		cat > /dev/null
		;;
	criu)
		rm -rf /host/tmp/img /host/tmp/restored.pid
		mkdir -p /host/tmp/img
		tar x -C /host/tmp/img
		_tar=$?
		cat > /dev/null
		[ $_tar = 0 ] || { reply "failed: tar x"; return 0; }
		if criu restore -D /tmp/img -o /tmp/restore.log -d --pidfile /tmp/restored.pid; then
			rpid=$(cat /host/tmp/restored.pid)
			state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' \
				/proc/"$rpid"/status 2>/dev/null)
			reply "restored $rpid ${state:-gone}"
			# Its memory, once it is not timed any more.
			sleep 0.5
			grep -E '^(VmRSS|RssAnon)' /proc/"$rpid"/status > /tmp/restored.rss
			kill -9 "$rpid" 2>/dev/null
		else
			reply "failed: criu restore: $(tail -5 /host/tmp/restore.log | tr '\n' ' ')"
		fi
		;;
	rss)
		reply "$(sed -n 's/^RssAnon:[[:space:]]*\([0-9]*\).*/\1/p' /tmp/restored.rss)"
		;;
	clock)
		reply "$(cat $CLOCK)"
		;;
	ping)
		reply pong
		;;
	quit)
		return 3
		;;
	*)
		reply "failed: unknown command '$cmd'"
		;;
	esac
	return 0
}

if [ "$NODE" != 1 ]; then
	[ "$NODE" = 2 ] || exit 0
	# Serve until node 1 says quit, and not longer than any run.
	end=$(($(date +%s) + 1800))
	while [ "$(date +%s)" -lt "$end" ]; do
		$B recv $CMD_PORT | serve
		[ $? = 3 ] && exit 0
	done
	exit 1
fi

# ---- node 1: the measurements -------------------------------------------

# Whatever happens here, node 2 must stop serving, or the run hangs.
trap 'echo quit | $B send "$peer" $CMD_PORT >/dev/null 2>&1' EXIT

say() { echo "bench: $*"; }
ckpt=0
result() { echo "result $*"; }

# ask CMD: send a command with no data to node 2; its answer in $answer.
# (The measurements set variables: a failure inside $(...) would only end
# the subshell.)
ask() {
	$B recv $REPLY_PORT > /tmp/reply &
	_l=$!
	echo "$1" | $B send "$peer" $CMD_PORT || fail "node 2 does not take commands"
	wait $_l || fail "no answer from node 2 to '$1'"
	answer=$(cat /tmp/reply)
}

# hold MB: start the process that moves, in the chroot (as CRIU sees it);
# sets pid once it has touched all of its memory.
hold() {
	rm -f /host/tmp/ready
	setsid chroot /host /tmp/benchtool hold "$1" </dev/null >/host/tmp/ready 2>&1 &
	pid=$!
	_n=0
	until grep -q ready /host/tmp/ready 2>/dev/null; do
		_n=$((_n + 1))
		[ $_n -le 1200 ] || fail "a process of $1 MB did not fill its memory in 120 s"
		kill -0 $pid 2>/dev/null || fail "the process of $1 MB died: $(cat /host/tmp/ready)"
		sleep 0.1
	done
}

# stop PID: kill a process of ours and reap it.
stop() {
	kill -9 "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	return 0
}

# migration MB: a process of MB goes to node 2 and comes back; the seconds
# each way in $out and $back.
migration() {
	hold "$1"
	out=$($B goto $pid 2 300) || fail "a process of $1 MB did not move to node 2"
	sleep 1
	back=$($B goto $pid 0 300) || fail "a process of $1 MB did not come home from node 2"
	[ "$(cat /proc/$pid/where)" = 0 ] || fail "the process of $1 MB is not home"
	stop $pid
}

# checkpoint MB: CRIU moves a process of MB to node 2; $seconds from the
# start of the dump until node 2 says it runs there.
checkpoint() {
	# CRIU restores the process with its pid: take one from the top of the
	# range, far from the few hundred node 2 has used, and a new one each
	# time, so that no process of node 2 (nor the last one restored) has it.
	ckpt=$((ckpt + 1))
	echo $(($(cat /proc/sys/kernel/pid_max) - 64 - 16 * ckpt)) > /proc/sys/kernel/ns_last_pid ||
		fail "cannot choose the next pid (no CONFIG_CHECKPOINT_RESTORE?)"
	hold "$1"
	rm -rf /host/tmp/img /host/tmp/dump.log
	mkdir -p /host/tmp/img
	$B recv $REPLY_PORT > /tmp/reply &
	_l=$!
	sleep 0.5
	_t0=$($B now)
	criu dump -t $pid -D /tmp/img -o /tmp/dump.log ||
		fail "criu dump of $1 MB: $(tail -5 /host/tmp/dump.log | tr '\n' ' ')"
	{ echo criu; tar c -C /host/tmp/img .; } | $B send "$peer" $CMD_PORT ||
		fail "sending the images of $1 MB to node 2"
	wait $_l || fail "no answer from node 2 after a restore"
	seconds=$($B since "$_t0")
	stop $pid
	rm -rf /host/tmp/img
	read -r _word _rpid _state < /tmp/reply
	[ "$_word" = restored ] || fail "criu restore of $1 MB on node 2: $(cat /tmp/reply)"
	[ "$_state" = R ] || [ "$_state" = S ] ||
		fail "the process CRIU restored on node 2 is in state '$_state'"
	ask rss
	[ "${answer:-0}" -ge $(($1 * 1024 * 9 / 10)) ] ||
		fail "the process CRIU restored on node 2 had ${answer:-no} kB of its $1 MB"
}

# raw MB: $seconds to send MB from node 1 to node 2 until node 2 has it.
raw() {
	sleep 0.5
	_t0=$($B now)
	{ echo sink; dd if=/dev/zero bs=1M count="$1" 2>/dev/null; } |
		$B send "$peer" $CMD_PORT || fail "sending $1 MB to node 2"
	seconds=$($B since "$_t0")
}

wait_for 60 sh -c '[ "$(cut -d" " -f1 /proc/hpc/nodes/2/status)" = up ]' ||
	fail "node 2 is not up in the node table"
ask ping
[ "$answer" = pong ] || fail "node 2 answers '$answer' to ping"

# Warm up: the first move opens the connection between the nodes, the
# first CRIU run reads criu and its libraries over 9p. None is measured.
say "warming up"
criu check > /tmp/criu-check.out 2>&1
say "criu check: $(tail -1 /tmp/criu-check.out)"
migration 1
checkpoint 1
raw 1

# Without a reference timer a node may fail to calibrate its TSC and fall
# back to a clock of 10 ms steps: say so, and time long enough runs that
# it does not matter much.
ask clock
echo "clocks $(cat $CLOCK) $answer"

say "ping round trip"
# Back to back (-A), timed as a whole: each ping's own time would show the
# 10 ms steps of a jiffies clock.
for r in $(seq "$reps"); do
	t0=$($B now)
	ping -q -A -c 500 "$peer" > /tmp/ping.out 2>&1 || fail "ping $peer: $(tail -2 /tmp/ping.out)"
	grep -q ' 0% packet loss' /tmp/ping.out || fail "ping $peer lost packets: $(tail -2 /tmp/ping.out)"
	result ping 0 "$($B since "$t0" | awk '{ printf "%.4f", $1 * 1000 / 500 }')"
done

say "getppid() at home and from node 2"
for r in $(seq "$reps"); do
	ns=$($B syscalls 2000000) || fail "the system call loop at home failed"
	result syscall-home 0 "$ns"
	$B syscalls 2000 2 > /tmp/syscalls.out 2>&1 &
	spid=$!
	$B goto $spid 2 120 > /dev/null || fail "the system call loop did not move to node 2"
	wait $spid || fail "the system call loop on node 2 failed: $(cat /tmp/syscalls.out)"
	result syscall-away 0 "$(cat /tmp/syscalls.out)"
done

for mb in $sizes; do
	for r in $(seq "$reps"); do
		say "$mb MB, run $r of $reps"
		migration "$mb"
		result mig-out "$mb" "$out"
		result mig-home "$mb" "$back"
		checkpoint "$mb"
		result criu "$mb" "$seconds"
		raw "$mb"
		result raw "$mb" "$seconds"
	done
done
say finished
finish
