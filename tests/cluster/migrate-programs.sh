#!/bin/sh
# cluster: --nodes 2
# Real programs from the host's root move to node 2 in the middle of their
# run and give byte-identical results to a run that never moved: an awk
# loop, sha256sum and gzip of a large file, a python3 computation.
. /usr/lib/hpc/testlib.sh

check "proc, dev and tmp mount inside /host" host_chroot_ready
check "node 2 is up" wait_for 60 node_up 2
# Forwarded reads are slow on the debug kernel: sha256sum reads fewer
# copies there.
copies=4
[ "$DEBUG_KERNEL" = 1 ] && copies=2
head -c 24000000 /dev/urandom > /host/tmp/big

# reads_stdin PID: process PID waits in read(2) on its standard input.
reads_stdin() { [ "$(cut -d' ' -f1,2 "/proc/$1/syscall" 2>/dev/null)" = "0 0x0" ]; }

# run NAME OUTFILE COMMAND...: run COMMAND in the host root twice, once at
# home and once moved to node 2; the outputs must match. Each program first
# reads a line "go" from its standard input. The moved run is asked to move
# while it waits for that line, after it has loaded its libraries, and gets
# it only then: it cannot end before the move, however fast the machine.
run() {
	name=$1 out=$2
	shift 2
	t0=$(date +%s)
	echo go | chroot /host "$@" > "/tmp/$out.ref"
	t1=$(date +%s)
	rm -f /tmp/gate
	mkfifo /tmp/gate
	{ read -r g < /tmp/gate; echo "$g"; } | chroot /host "$@" > "/tmp/$out" &
	pid=$!
	check "$name: waits for its input" wait_for 120 reads_stdin "$pid"
	check "$name: migrate to node 2" migrate "$pid" 2
	echo go > /tmp/gate
	if wait_where 300 "$pid" 2; then
		ok "$name: runs on node 2"
	else
		not_ok "$name: not on node 2 (where $(where "$pid"), cantmove '$(cat /proc/$pid/cantmove 2>/dev/null)')"
	fi
	reap "$pid" 600
	check_eq "$name: exit status" 0 "$?"
	echo "# $name: $((t1 - t0)) s at home, $(($(date +%s) - t1)) s moved"
	if cmp -s "/tmp/$out.ref" "/tmp/$out"; then
		ok "$name: output identical to the run that never moved"
	else
		not_ok "$name: output differs: $(head -c 200 /tmp/$out.ref) vs $(head -c 200 /tmp/$out)"
	fi
}

run "awk loop" awk /usr/bin/awk "BEGIN { getline go; for (i = 0; i < 3000000; i++) s = (s * 31 + i) % 1000003; print go, s }"
# shellcheck disable=SC2046
run "sha256sum" sha /usr/bin/sha256sum - $(for i in $(seq $copies); do echo /tmp/big; done)
run "gzip" gz /bin/gzip -n -c - /tmp/big
run "python3" py /usr/bin/python3 -c '
import hashlib, sys
go = sys.stdin.readline()
h = b"openMosix"
for i in range(300000):
    h = hashlib.sha256(h).digest()
print(go.strip(), h.hex())'
check_no_leaks
finish
