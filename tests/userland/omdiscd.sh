#!/bin/bash
# Tests of omdiscd(8): usage errors; every check made before it starts (an
# openMosix kernel, the default route, the interface); the unit tests of its
# pure parts (tests/userland/unit: packet codec, table builder, node set);
# and real discovery between two private network namespaces joined by a
# veth pair, each node with its own fake proc tree. Golden files:
# golden/omdiscd/.
#
# Every test that opens a socket or touches an interface runs inside a
# network namespace of its own (unshare -n), with no route out: no packet
# can leave this machine. Needs root (unshare, ip), like the other tests.
# Run: BIN=.../build/bin bash tests/userland/omdiscd.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ ! -x "$BIN/omdiscd" ]; then
	not_ok "omdiscd is built" "no executable $BIN/omdiscd"
	exit 1
fi
omdiscd=$BIN/omdiscd

# wait_file SECONDS FILE CONTENT: until FILE holds CONTENT, at most SECONDS.
wait_file() {
	local end=$((SECONDS + $1))
	while [ "$(cat "$2" 2>/dev/null)" != "$3" ]; do
		[ "$SECONDS" -ge "$end" ] && return 1
		sleep 0.1
	done
}

# A fake proc root for one node: its table empty, net/ its own namespace's.
node_root() {
	mkdir -p "$1/hpc/admin"
	: > "$1/hpc/admin/config"
	ln -s /proc/self/net "$1/net"
}

# ---------------------------------------------------------------------------
# Real discovery. This part runs in a network namespace of its own (see the
# end of the file): node 1 here on v1 (192.168.77.1/24), node 2 in a namespace
# nested in it on v2 (192.168.77.2/24), the two ends of one veth pair.
live() {
	local pid d n
	work=$1 root=$1
	mkdir -p "$work"

	ip link set lo up
	unshare -n sh -c ': > "$0/ns-ready"; exec sleep 600' "$work" &
	peer=$!
	trap 'kill $p1 $p2 $p3 $peer 2>/dev/null; wait 2>/dev/null' EXIT
	while [ ! -e "$work/ns-ready" ]; do sleep 0.05; done
	in2() { nsenter -t "$peer" -n "$@"; }
	if ! { ip link add v1 type veth peer name v2 netns "$peer" &&
		ip addr add 192.168.77.1/24 dev v1 && ip link set v1 up &&
		in2 ip link set lo up && in2 ip addr add 192.168.77.2/24 dev v2 &&
		in2 ip link set v2 up; }; then
		not_ok "two namespaces joined by a veth pair" "could not set them up"
		return 1
	fi
	for n in 1 2 3 4; do node_root "$work/n$n"; done

	HPC_PROC_ROOT=$work/n1 "$omdiscd" -n -i v1 -t 2 > "$work/log1" 2>&1 &
	p1=$!
	# nsenter execs: $! is the daemon itself.
	nsenter -t "$peer" -n env HPC_PROC_ROOT="$work/n2" "$omdiscd" -n -i v2 -t 2 \
		> "$work/log2" 2>&1 &
	p2=$!
	check "node 1 finds node 2" 0 omdiscd/empty -- \
		wait_file 10 "$work/n1/hpc/admin/config" "1 192.168.77.1 2"
	check "node 2 finds node 1" 0 omdiscd/empty -- \
		wait_file 10 "$work/n2/hpc/admin/config" "1 192.168.77.1 2"

	# Datagrams from a third address of node 2's namespace, 192.168.77.3, sent
	# by a plain UDP socket: the first says it comes from 192.168.77.7, the
	# others announce 192.168.77.3 but are malformed. Then a good one, to show
	# that the bad ones were refused for what they are. Both daemons get
	# them (node 2 by multicast loopback); both must ignore the bad ones.
	# (bash's printf writes up to each newline byte apart: no 0x0a here.)
	in2 ip addr add 192.168.77.3/24 dev v2
	in2 ip route add 224.0.0.0/4 dev v2 src 192.168.77.3
	for pkt in 'omdi\x01\x18\x00\x00\xc0\xa8\x4d\x07' \
		'OMDI\x01\x18\x00\x00\xc0\xa8\x4d\x03' \
		'omdi\x01\x18\x00\x00\xc0\xa8\x4d' \
		'omdi\x01\x18\x00\x00\xc0\xa8\x4d\x03\x00' \
		'omdi\x02\x18\x00\x00\xc0\xa8\x4d\x03' \
		'omdi\x01\x10\x00\x00\xc0\xa8\x4d\x03' \
		'omdi\x01\x18\x00\x01\xc0\xa8\x4d\x03'; do
		in2 bash -c 'printf "$0" > /dev/udp/239.77.0.1/4661' "$pkt"
	done
	sleep 1.5
	same_file "a false address, bad magic, lengths, version, netmask, padding: ignored" \
		"$work/n1/hpc/admin/config" "1 192.168.77.1 2"
	in2 bash -c 'printf "$0" > /dev/udp/239.77.0.1/4661' \
		'omdi\x01\x18\x00\x00\xc0\xa8\x4d\x03'
	check "a good announcement from 192.168.77.3 makes it node 3" 0 omdiscd/empty -- \
		wait_file 5 "$work/n1/hpc/admin/config" "1 192.168.77.1 3"
	check "node 3, silent, leaves node 1's table" 0 omdiscd/empty -- \
		wait_file 6 "$work/n1/hpc/admin/config" "1 192.168.77.1 2"
	check "node 3, silent, leaves node 2's table" 0 omdiscd/empty -- \
		wait_file 6 "$work/n2/hpc/admin/config" "1 192.168.77.1 2"

	kill -TERM "$p2"
	wait "$p2"
	check_status "node 2 exits 0 on SIGTERM" 0 $?
	same_file "node 2 leaves its table as it was" \
		"$work/n2/hpc/admin/config" "1 192.168.77.1 2"
	check "node 2 leaves node 1's table after -t 2 seconds" 0 omdiscd/empty -- \
		wait_file 6 "$work/n1/hpc/admin/config" "1 192.168.77.1 1"

	# Node 2 again, its kernel refusing the table for a while.
	mkdir "$work/n3/hpc/admin/config.d"
	rm "$work/n3/hpc/admin/config"
	mv "$work/n3/hpc/admin/config.d" "$work/n3/hpc/admin/config"
	nsenter -t "$peer" -n env HPC_PROC_ROOT="$work/n3" "$omdiscd" -n -i v2 -t 2 \
		> "$work/log3" 2>&1 &
	p3=$!
	check "node 1 finds node 2 again" 0 omdiscd/empty -- \
		wait_file 10 "$work/n1/hpc/admin/config" "1 192.168.77.1 2"
	sleep 2
	rmdir "$work/n3/hpc/admin/config"
	: > "$work/n3/hpc/admin/config"
	check "node 2 writes its table once its kernel takes it" 0 omdiscd/empty -- \
		wait_file 5 "$work/n3/hpc/admin/config" "1 192.168.77.1 2"
	kill -INT "$p3"
	wait "$p3"
	check_status "node 2 exits 0 on SIGINT" 0 $?
	check "node 2 leaves node 1's table again" 0 omdiscd/empty -- \
		wait_file 6 "$work/n1/hpc/admin/config" "1 192.168.77.1 1"

	# As a daemon: the command returns at once, the daemon works on.
	check "without -n omdiscd detaches and prints nothing" 0 omdiscd/empty -- \
		in2 env HPC_PROC_ROOT="$work/n4" "$omdiscd" -i v2 -t 2
	check "the daemon finds node 1" 0 omdiscd/empty -- \
		wait_file 10 "$work/n4/hpc/admin/config" "1 192.168.77.1 2"
	pid=
	for d in /proc/[0-9]*; do
		if grep -qzx "HPC_PROC_ROOT=$work/n4" "$d/environ" 2>/dev/null; then
			pid=${d#/proc/}
		fi
	done
	if [ -z "$pid" ]; then
		not_ok "the daemon is found" "no process with HPC_PROC_ROOT=$work/n4"
	else
		p2=$pid
		same_file "the daemon is omdiscd" <(readlink "/proc/$pid/exe") "$omdiscd"
		same_file "the daemon leads its own session" \
			<(awk '{ print $6 }' "/proc/$pid/stat") "$pid"
		same_file "the daemon works in /" <(readlink "/proc/$pid/cwd") /
		same_file "the daemon's standard files are /dev/null" \
			<(for f in 0 1 2; do readlink "/proc/$pid/fd/$f"; done | sort -u) /dev/null
		kill -TERM "$pid"
		check "the daemon ends on SIGTERM" 0 omdiscd/empty -- \
			sh -c 'while kill -0 "$0" 2>/dev/null; do sleep 0.1; done' "$pid"
	fi
	check "node 2 leaves node 1's table a third time" 0 omdiscd/empty -- \
		wait_file 6 "$work/n1/hpc/admin/config" "1 192.168.77.1 1"

	kill -TERM "$p1"
	wait "$p1"
	check_status "node 1 exits 0 on SIGTERM" 0 $?
	check "node 1's log" 0 omdiscd/log-node1 -- cat "$work/log1"
	check "node 2's log" 0 omdiscd/log-node2 -- cat "$work/log2"
	check "node 2's log while its kernel refused the table" 0 omdiscd/log-node2-refused -- \
		run cat "$work/log3"
	kill "$peer"
	wait 2>/dev/null
	trap - EXIT
	finish
}

check_status() {
	if [ "$3" = "$2" ]; then ok "$1"; else not_ok "$1" "exit status $3, expected $2"; fi
}

if [ "${OMDISCD_LIVE:-}" ]; then
	live "$OMDISCD_LIVE"
	exit
fi

# ---------------------------------------------------------------------------
work=$(mktemp -d)
root=$(fake_proc)
trap 'rm -rf "$work" "$root"' EXIT
ln -s /proc/self/net "$root/net"
export HPC_PROC_ROOT=$root

# Usage.
check "--help" 0 omdiscd/help -- run "$omdiscd" --help
check "-h" 0 omdiscd/help -- run "$omdiscd" -h
check "unknown option" 2 omdiscd/usage-unknown -- run "$omdiscd" -x
check "unknown long option" 2 omdiscd/usage-unknown-long -- run "$omdiscd" --bogus
check "an extra argument" 2 omdiscd/usage-extra -- run "$omdiscd" -n eth0
check "-i without a name" 2 omdiscd/usage-i -- run "$omdiscd" -i
check "-t without seconds" 2 omdiscd/usage-t -- run "$omdiscd" -n -t
check "-t 0" 2 omdiscd/usage-t-0 -- run "$omdiscd" -t 0
check "-t 3601" 2 omdiscd/usage-t-3601 -- run "$omdiscd" -t 3601
check "-t huge" 2 omdiscd/usage-t-huge -- run "$omdiscd" -t 99999999999999999999999
check "-t not a number" 2 omdiscd/usage-t-word -- run "$omdiscd" -t 5s
check "-t empty" 2 omdiscd/usage-t-empty -- run "$omdiscd" -t ''
check "-t negative" 2 omdiscd/usage-t-negative -- run "$omdiscd" -t -1

# The kernel and the interface.
mkdir "$work/noproc"
check "not an openMosix kernel" 1 omdiscd/no-kernel -- \
	run env HPC_PROC_ROOT="$work/noproc" "$omdiscd" -n -i lo
check "no such interface" 1 omdiscd/no-iface -- run "$omdiscd" -n -i nosuch0
check "-t 3600 is accepted" 1 omdiscd/no-iface -- run "$omdiscd" -n -t 3600 -i nosuch0
check "-t 1 is accepted" 1 omdiscd/no-iface -- run "$omdiscd" -t 1 -n -i nosuch0
check "an interface name too long" 1 omdiscd/iface-long -- \
	run "$omdiscd" -n -i "$(printf 'x%.0s' {1..40})"
check "an empty interface name" 1 omdiscd/iface-empty -- run "$omdiscd" -n -i ''
check "an interface name with control characters" 1 omdiscd/iface-control -- \
	run "$omdiscd" -n -i "$(printf 'e\tth\n0')"
check "loopback is refused" 1 omdiscd/iface-lo -- run "$omdiscd" -n -i lo
check "no default route (an empty network namespace)" 1 omdiscd/no-default-route -- \
	run unshare -n "$omdiscd" -n
check "no default route, as a daemon" 1 omdiscd/no-default-route -- \
	run unshare -n "$omdiscd"

# The default route, from a fake net/route.
froot=$work/froot
mkdir -p "$froot/hpc/admin" "$froot/net"
: > "$froot/hpc/admin/config"
hdr='Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT'
route() { printf '%s\t%s\t0103090A\t%s\t0\t0\t%s\t%s\t0\t0\t0\n' "$@"; }
froute() { { echo "$hdr"; "$@"; } > "$froot/net/route"; }
frun() { run env HPC_PROC_ROOT="$froot" "$omdiscd" -n; }
froute route nosuch0 00000000 0003 0 00000000
check "the default route's interface is used" 1 omdiscd/default-nosuch0 -- frun
froute route lo 00000000 0003 0 00000000
check "a default route through loopback is refused" 1 omdiscd/iface-lo -- frun
froute eval 'route nosuch1 00000000 0003 100 00000000; route nosuch2 00000000 0003 10 00000000; route nosuch3 00000000 0003 50 00000000'
check "the default route of the lowest metric is used" 1 omdiscd/default-nosuch2 -- frun
froute eval 'route nosuch1 0009090A 0001 0 00FFFFFF; route nosuch2 00000000 0002 0 00000000'
check "a network route or a route that is down is not a default route" 1 \
	omdiscd/no-default-route -- frun
froute route nosuch1 00000000 0003 0 00FFFFFF
check "a route to 0.0.0.0/24 is not a default route" 1 omdiscd/no-default-route -- frun
printf 'garbage\n\n%s\n' "$(route nosuch0 00000000 0003 0 00000000)" > "$froot/net/route"
check "lines that are not routes are skipped" 1 omdiscd/default-nosuch0 -- frun
rm "$froot/net/route"
check "no net/route" 1 omdiscd/no-route-file -- frun

# Interfaces that cannot be used, each in a namespace of its own.
ns() {
	local setup=$1
	shift
	run unshare -n sh -c "set -e; $setup; exec \"\$@\"" sh "$@"
}
veth='ip link add v1 type veth peer name v2'
check "an interface that is down" 1 omdiscd/iface-down -- \
	ns "$veth; ip addr add 192.168.77.1/24 dev v1" "$omdiscd" -n -i v1
check "an interface without an IPv4 address" 1 omdiscd/iface-no-ipv4 -- \
	ns "$veth; ip link set v1 up" "$omdiscd" -n -i v1
check "an interface that cannot multicast" 1 omdiscd/iface-no-multicast -- \
	ns "$veth; ip link set v1 up multicast off; ip addr add 192.168.77.1/24 dev v1" \
	"$omdiscd" -n -i v1
check "a network larger than a /16" 1 omdiscd/iface-slash15 -- \
	ns "$veth; ip link set v1 up; ip addr add 192.168.77.1/15 dev v1" "$omdiscd" -n -i v1
check "host part 0" 1 omdiscd/iface-host0 -- \
	ns "$veth; ip link set v1 up; ip addr add 192.168.77.0/24 dev v1" "$omdiscd" -n -i v1
check "the broadcast address" 1 omdiscd/iface-broadcast -- \
	ns "$veth; ip link set v1 up; ip addr add 192.168.77.255/24 dev v1" "$omdiscd" -n -i v1
check "a /32 address" 1 omdiscd/iface-slash32 -- \
	ns "$veth; ip link set v1 up; ip addr add 192.168.77.1/32 dev v1" "$omdiscd" -n -i v1
check "the default interface, alone in its network" 0 omdiscd/default-alone -- \
	ns "$veth; ip link set v1 up; ip link set v2 up; ip addr add 172.16.1.2/16 dev v1; ip route add default via 172.16.0.1" \
	timeout --preserve-status -s TERM 2 "$omdiscd" -n
same_file "alone, the table holds this node" "$root/hpc/admin/config" "258 172.16.1.2 1"
: > "$root/hpc/admin/config"

# The pure parts, built from omdiscd's own sources.
if make -s -C "$here/unit" O="$work" "$work/omdiscd-unit" > "$work/unit.log" 2>&1; then
	out=$("$work/omdiscd-unit" 2>&1) && status=0 || status=$?
	printf '%s\n' "$out" | grep -E '^(not )?ok - ' | sed -E 's/^(not )?ok - /&unit: /'
	failures=$((failures + $(printf '%s\n' "$out" | grep -c '^not ok - ')))
	if [ "$status" != 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok - '; then
		not_ok "unit tests run to the end" "exit status $status: $(tail -5 <<< "$out")"
	fi
else
	not_ok "unit tests build" "$(tail -20 "$work/unit.log")"
fi

# Two nodes that find each other, in a namespace of their own.
timeout -k 5 180 unshare -n env OMDISCD_LIVE="$work/live" BIN="$BIN" \
	bash "${BASH_SOURCE[0]}" || failures=$((failures + 1))

finish
