# The library of cluster scenarios (busybox sh). In a node it is
# /usr/lib/hpc/testlib.sh: start a scenario with ". /usr/lib/hpc/testlib.sh"
# and end it with "finish". Each check prints "ok - NAME" or
# "not ok - NAME: why", which tests/run counts.

failures=0

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

finish() {
	[ "$failures" = 0 ] && exit 0
	exit 1
}
