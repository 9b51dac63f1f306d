# The library of cluster scenarios (busybox sh). In a node it is
# /usr/lib/hpc/testlib.sh: start a scenario with ". /usr/lib/hpc/testlib.sh"
# and end it with "finish". Each check prints "ok - NAME" or
# "not ok - NAME: why", which tests/run counts.

failures=0

# 1 on the debug kernel (kmemleak, KASAN): slower, so some scenarios scale
# their work or repetitions with it.
DEBUG_KERNEL=0
[ -e /sys/kernel/debug/kmemleak ] && DEBUG_KERNEL=1

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; failures=$((failures + 1)); }

# check NAME COMMAND...: one check that passes when COMMAND succeeds.
check() {
	_name=$1
	shift
	if _out=$("$@" 2>&1); then
		ok "$_name"
	else
		not_ok "$_name: '$*' failed: $_out"
	fi
}

# check_fails NAME ERRTEXT COMMAND...: passes when COMMAND fails and its
# error output contains ERRTEXT (e.g. "Invalid argument").
check_fails() {
	_name=$1 _want=$2
	shift 2
	if _out=$("$@" 2>&1); then
		not_ok "$_name: '$*' succeeded"
	elif echo "$_out" | grep -q -- "$_want"; then
		ok "$_name"
	else
		not_ok "$_name: '$*' failed without '$_want': $_out"
	fi
}

# check_eq NAME EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: expected '$2', got '$3'"; fi
}

# wait_for SECONDS COMMAND...: poll COMMAND every 0.2 s until it succeeds
# or SECONDS pass; its status is COMMAND's last one.
wait_for() {
	_end=$(($(date +%s) + $1))
	shift
	while ! "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.2
	done
}

# The address scripts/cluster gives node ID.
node_addr() { echo "10.77.0.$1"; }

# Make /host usable for chroot: proc, dev and a writable tmp inside it.
host_chroot_ready() {
	grep -q ' /host/proc ' /proc/mounts && return 0
	mount -t proc proc /host/proc &&
	mount -t devtmpfs devtmpfs /host/dev &&
	mount -t tmpfs tmpfs /host/tmp
}

# check_no_leaks: on the debug kernel, kmemleak finds no leaked object
# allocated by openMosix code (a stack trace through an hpc_ function or
# kernel/hpc). Elsewhere it does nothing.
check_no_leaks() {
	_k=/sys/kernel/debug/kmemleak
	[ -w "$_k" ] || return 0
	# Objects younger than 5 s are never reported: let the last ones age.
	sleep 6
	echo scan > "$_k"
	echo scan > "$_k"
	if grep -q 'hpc' "$_k"; then
		not_ok "kmemleak finds openMosix leaks: $(grep -B2 -A12 hpc "$_k" | head -40)"
	else
		ok "kmemleak finds no openMosix leak"
	fi
}

# where PID: the node process PID runs on (0 at home), or "gone".
where() { cat "/proc/$1/where" 2>/dev/null || echo gone; }

# wait_where SECONDS PID NODE: wait until process PID runs on NODE.
wait_where() { wait_for "$1" sh -c "[ \"\$(cat /proc/$2/where 2>/dev/null)\" = $3 ]"; }

# node_flag ID FLAG: the status of node ID shows FLAG (stay, block, ...).
node_flag() { grep -qw "$2" "/proc/hpc/nodes/$1/status" 2>/dev/null; }
# node_flag_gone ID FLAG: it does not (any more).
node_flag_gone() { ! node_flag "$@"; }

# node_up ID: this node sees node ID up.
node_up() { [ "$(cut -d' ' -f1 "/proc/hpc/nodes/$1/status" 2>/dev/null)" = up ]; }

# guests: the home pids of the guest processes running on this node.
guests() {
	for _g in /proc/hpc/remote/*/identity; do
		[ -f "$_g" ] && cut -d' ' -f2 "$_g"
	done
}

# reap PID [SECONDS]: wait for background process PID (default 120 s) and
# return its status. One that is still there then is reported with its
# state and kernel stack, killed, and counts as status 124.
reap() {
	_end=$(($(date +%s) + ${2:-120}))
	while [ -d "/proc/$1" ] && ! grep -q '^State:.*zombie' "/proc/$1/status" 2>/dev/null; do
		if [ "$(date +%s)" -ge "$_end" ]; then
			not_ok "process $1 still runs after ${2:-120} s: $(grep State /proc/$1/status)" \
				"where $(where "$1") stack: $(cat /proc/$1/stack 2>/dev/null | tr '\n' ' ')"
			kill -9 "$1"
			wait "$1"
			return 124
		fi
		sleep 0.2
	done
	wait "$1"
}

# end_spin WHAT PID MB OUT: stop the migtest loop PID, started as
# "migtest spin MB 0 > OUT" (it computes until /tmp/migtest-stop exists);
# it must end well with the result of a run at home of as many iterations.
end_spin() {
	touch /tmp/migtest-stop
	reap "$2" 300
	check_eq "$1 ends well" 0 "$?"
	rm -f /tmp/migtest-stop
	/usr/lib/hpc/migtest spin "$3" "$(cut -d' ' -f3 "$4")" > /tmp/ref
	check_eq "$1 gives the result of a run that never moved" "$(cat /tmp/ref)" "$(cat "$4")"
}

# has_guests / no_guests: for wait_for.
has_guests() { [ -n "$(guests)" ]; }
no_guests() { [ -z "$(guests)" ]; }

finish() {
	[ "$failures" = 0 ] && exit 0
	# What the kernel said, to explain the failures.
	dmesg | grep -e 'hpc: ' -e BUG -e WARNING | tail -40 | sed 's/^/# /'
	exit 1
}
