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

finish() {
	[ "$failures" = 0 ] && exit 0
	exit 1
}
