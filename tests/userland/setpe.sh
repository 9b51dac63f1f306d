#!/bin/bash
# Tests of setpe(8) and the map parser (userland/lib/map.c) against a fake
# proc tree: loading good maps, every kind of bad map (each must leave the
# kernel's table and this node's id untouched), -c, -r, -off, the default
# map files, kernel errors and usage errors. Golden files: golden/setpe/.
# Run: BIN=.../build/bin bash tests/userland/setpe.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ ! -x "$BIN/setpe" ]; then
	not_ok "setpe is built" "no executable $BIN/setpe"
	exit 1
fi

work=$(mktemp -d)
root=$(fake_proc 1 2 3)
trap 'rm -rf "$work" "$root"' EXIT
mkdir "$work/etc" "$work/noproc"
cfg=$root/hpc/admin/config
mospe=$root/hpc/admin/mospe

# Every run sees only the fake tree, a fake /etc and fixed addresses.
export HPC_PROC_ROOT=$root HPC_ETC=$work/etc HPC_MY_ADDRS="192.0.2.7 10.0.0.2"

cat > "$work/good.map" <<'EOF'
# The test cluster: three nodes on the LAN, two in the lab.
1	10.0.0.1	3	# node 2 is this one
	# an indented comment line

10 192.168.1.10 2
   # a very long comment line is fine: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
65535 172.16.0.1 1#no space before the comment
EOF
good_table='1 10.0.0.1 3
10 192.168.1.10 2
65535 172.16.0.1 1'

# --- good maps --------------------------------------------------------------

check "-w loads a map with several ranges and comments" 0 setpe/empty -- \
	run "$BIN/setpe" -w -f "$work/good.map"
same_file "-w writes the normalised table" "$cfg" "$good_table"
same_file "-w writes this node's id" "$mospe" 2

check "-c checks a good map" 0 setpe/check-good -- \
	run "$BIN/setpe" -c -f "$work/good.map"
check "-w -c only checks" 0 setpe/check-good -- \
	run "$BIN/setpe" -w -c -f "$work/good.map"
check "-c reads the standard input with -f -" 0 setpe/check-stdin -- \
	run sh -c '"$0" -c -f - < "$1"' "$BIN/setpe" "$work/good.map"
check "-c finds this node by its other address" 0 setpe/check-other-addr -- \
	run env HPC_MY_ADDRS="192.168.1.11" "$BIN/setpe" -c -f "$work/good.map"
printf '1 10.0.0.1 1\r\n2 10.0.0.2 1\r\n' > "$work/crlf.map"
check "-c accepts CRLF line ends" 0 setpe/check-crlf -- \
	run "$BIN/setpe" -c -f "$work/crlf.map"
printf '  # only comments\n\n' > "$work/empty.map"
check "-c: a map without ranges does not hold this node" 1 setpe/check-empty -- \
	run "$BIN/setpe" -c -f "$work/empty.map"
check "-c works without an openMosix kernel" 0 setpe/check-good -- \
	run env HPC_PROC_ROOT="$work/noproc" "$BIN/setpe" -c -f "$work/good.map"

# --- bad maps: one check each, and the old table must stay ------------------

# bad NAME 'MAP CONTENT' [ENV...]: loading it fails with golden/setpe/bad-NAME
bad() {
	local name=$1 content=$2
	shift 2
	printf '%b' "$content" > "$work/$name.map"
	printf '%s\n' "$good_table" > "$cfg"
	echo 2 > "$mospe"
	check "bad map: $name" 1 "setpe/bad-$name" -- \
		run env "$@" "$BIN/setpe" -w -f "$work/$name.map"
	same_file "bad map $name leaves the table alone" "$cfg" "$good_table"
	same_file "bad map $name leaves the node id alone" "$mospe" 2
}

bad too-few-fields	'1 10.0.0.1 3\n2 10.0.0.2\n'
bad too-many-fields	'1 10.0.0.1 3 4\n'
bad alias		'1 10.0.0.1 3\n1 10.1.0.1 ALIAS\n'
bad id-not-number	'one 10.0.0.1 3\n'
bad id-negative		'-1 10.0.0.1 3\n'
bad id-zero		'0 10.0.0.1 3\n'
bad id-too-big		'65536 10.0.0.1 1\n'
bad id-huge		'123456789012345678901234567890 10.0.0.1 1\n'
bad count-not-number	'1 10.0.0.1 3x\n'
bad count-zero		'1 10.0.0.1 0\n'
bad count-too-big	'1 10.0.0.1 65536\n'
bad ids-past-65535	'65530 10.0.0.1 10\n'
bad address-octet	'1 10.0.0.256 3\n'
bad address-short	'1 10.0.2 3\n'
bad address-leading-zero '1 10.0.0.01 3\n'
bad address-hostname	'1 node1.example.org 3\n'
bad address-garbage	'1 10.0.0.1\x01\x02 3\n'
bad address-wrap	'1 255.255.255.250 10\n'
bad loopback		'1 10.0.0.1 3\n4 127.0.0.1 1\n'
bad loopback-range	'1 126.255.255.254 3\n'
bad zero-address	'1 0.0.0.0 1\n'
bad this-network	'1 0.1.2.3 1\n'
bad multicast		'1 224.0.0.1 1\n'
bad multicast-range	'1 223.255.255.255 2\n'
bad broadcast		'1 255.255.255.255 1\n'
bad class-e		'1 240.0.0.1 1\n'
bad overlap		'# ids 5 and 4-6\n5 10.0.0.5 1\n4 10.0.0.10 3\n'
bad overlap-same	'1 10.0.0.1 3\n1 10.0.1.1 1\n'
bad duplicate-address	'1 10.0.0.1 1\n2 10.0.0.1 1\n'
bad duplicate-in-ranges	'1 10.0.0.1 3\n10 10.0.0.3 5\n'
bad duplicate-before	'10 10.0.0.5 5\n1 10.0.0.1 5\n'
bad nul-byte		'1 10.0.0.1\0 3\n'
bad long-line		"1 10.0.0.1 3$(printf '%300s' '')x\n"
bad not-there		'1 10.0.0.1 3\n' HPC_MY_ADDRS="192.0.2.7 10.9.9.9"
bad no-addresses	'1 10.0.0.1 3\n' HPC_MY_ADDRS=
bad twice		'1 10.0.0.1 3\n10 192.168.1.10 2\n' HPC_MY_ADDRS="10.0.0.2 192.168.1.11"
bad my-addrs-garbage	'1 10.0.0.1 3\n' HPC_MY_ADDRS="10.0.0.2 localhost"
too_many=$(for i in $(seq 1 257); do echo "$i 10.0.$((i / 256)).$((i % 256)) 1"; done)
bad too-many-ranges	"$too_many\n"

# 256 ranges are still fine.
head -n 256 "$work/too-many-ranges.map" > "$work/many.map"
check "256 ranges are accepted" 0 setpe/check-many -- \
	run env HPC_MY_ADDRS=10.0.0.2 "$BIN/setpe" -c -f "$work/many.map"

# --- missing and unreadable maps --------------------------------------------

printf '%s\n' "$good_table" > "$cfg"
check "a missing map is named" 1 setpe/missing-map -- \
	run "$BIN/setpe" -w -f "$work/no-such.map"
check "an unreadable map is named" 1 setpe/unreadable-map -- \
	run "$BIN/setpe" -w -f "$work/etc"
same_file "missing and unreadable maps leave the table alone" "$cfg" "$good_table"
# Tests run as root, so a map without read permission cannot be made here;
# a directory stands in for an unreadable file.

# --- the default map: openmosix.map, then hpc.map, then mosix.map -----------

check "no default map" 1 setpe/default-none -- run "$BIN/setpe" -c
printf '1 10.0.0.2 1\n' > "$work/etc/mosix.map"
check "default map: mosix.map" 0 setpe/default-mosix -- run "$BIN/setpe" -c
printf '2 10.0.0.2 1\n' > "$work/etc/hpc.map"
check "default map: hpc.map before mosix.map" 0 setpe/default-hpc -- \
	run "$BIN/setpe" -c
printf '3 10.0.0.2 1\n' > "$work/etc/openmosix.map"
check "default map: openmosix.map first" 0 setpe/default-openmosix -- \
	run "$BIN/setpe" -c
check "-w without -f loads the default map" 0 setpe/empty -- \
	run "$BIN/setpe" -w
same_file "-w without -f wrote openmosix.map" "$cfg" "3 10.0.0.2 1"
same_file "-w without -f set the id" "$mospe" 3
rm "$work/etc/openmosix.map"
mkdir "$work/etc/openmosix.map"
check "an unreadable default map is not skipped" 1 setpe/default-unreadable -- \
	run "$BIN/setpe" -c
rm -r "$work/etc/openmosix.map" "$work/etc/hpc.map" "$work/etc/mosix.map"

# --- -r ---------------------------------------------------------------------

printf '%s\n' "$good_table" > "$cfg"
echo 2 > "$mospe"
check "-r writes the table to standard output" 0 setpe/read -- \
	run "$BIN/setpe" -r
check "-r -f - writes to standard output" 0 setpe/read -- \
	run "$BIN/setpe" -r -f -
check "-r -f FILE is silent" 0 setpe/empty -- \
	run "$BIN/setpe" -r -f "$work/out.map"
check "-r -f FILE writes the map" 0 setpe/read -- cat "$work/out.map"
printf '%s\n' "$good_table" > "$cfg"
check "what -r wrote loads again" 0 setpe/empty -- \
	run "$BIN/setpe" -w -f "$work/out.map"
same_file "-r then -w gives the same table" "$cfg" "$good_table"
check "-r to an impossible file" 1 setpe/read-bad-file -- \
	run "$BIN/setpe" -r -f "$work/no/such/dir/out.map"
check "-r to a full device" 1 setpe/read-full -- \
	run "$BIN/setpe" -r -f /dev/full
: > "$cfg"
check "-r of an empty table" 0 setpe/read-empty -- run "$BIN/setpe" -r
printf '1 10.0.0.1 3\nrubbish\n' > "$cfg"
check "-r of a table the kernel should never give" 1 setpe/read-garbage -- \
	run "$BIN/setpe" -r
rm "$cfg"
check "-r without a config file" 1 setpe/read-no-config -- run "$BIN/setpe" -r
: > "$cfg"

# --- -off -------------------------------------------------------------------

printf '%s\n' "$good_table" > "$cfg"
echo 2 > "$mospe"
check "-off is silent" 0 setpe/empty -- run "$BIN/setpe" -off
same_file "-off empties the table" "$cfg" ""
same_file "-off sets the id to 0" "$mospe" 0

# --- kernel errors ----------------------------------------------------------

for mode in -w -r -off; do
	args=("$mode")
	[ "$mode" = -w ] && args+=(-f "$work/good.map")
	check "setpe $mode refuses a kernel without /proc/hpc" 1 \
		"setpe/no-kernel" -- \
		run env HPC_PROC_ROOT="$work/noproc" "$BIN/setpe" "${args[@]}"
done

# The kernel's EINVAL cannot be faked with plain files; /dev/full fails
# every write with ENOSPC, which takes the same path.
printf '%s\n' "$good_table" > "$work/old-config"
ln -sf /dev/full "$cfg"
echo 2 > "$mospe"
check "-w reports the kernel's error on config" 1 setpe/kernel-config-error -- \
	run env HPC_MY_ADDRS=10.0.0.2 "$BIN/setpe" -w -f "$work/crlf.map"
same_file "a refused table leaves the id alone" "$mospe" 2
check "-off reports the kernel's error on config" 1 setpe/off-config-error -- \
	run "$BIN/setpe" -off
same_file "-off stops at the first error" "$mospe" 2
rm "$cfg"

printf '%s\n' "$good_table" > "$cfg"
rm "$mospe"
ln -s /dev/full "$mospe"
check "-w puts the old table back when the id is refused" 1 \
	setpe/kernel-mospe-error -- \
	run env HPC_MY_ADDRS=10.0.0.2 "$BIN/setpe" -w -f "$work/crlf.map"
same_file "the old table is back" "$cfg" "$good_table"
check "-off reports the kernel's error on mospe" 1 setpe/off-mospe-error -- \
	run "$BIN/setpe" -off
rm "$mospe"
echo 0 > "$mospe"

# --- the cluster key: -k ----------------------------------------------------
# The fake kernel file hpc/admin/key is a plain file; tests run as root, so
# the owner rule is exercised with chown and the mode rule with chmod.

key=$work/key
printf '%s\n' 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f > "$key"
chmod 600 "$key"
kkey=$root/hpc/admin/key
: > "$kkey"
: > "$cfg"
echo 0 > "$mospe"

check "-w -k loads the key and the map" 0 setpe/empty -- \
	run "$BIN/setpe" -w -k "$key" -f "$work/good.map"
same_file "-w -k wrote the key" "$kkey" "$(cat "$key")"
same_file "-w -k wrote the table" "$cfg" "$good_table"
same_file "-w -k wrote the id" "$mospe" 2

: > "$kkey"
check "-c -k checks the key and the map" 0 setpe/check-key -- \
	run "$BIN/setpe" -c -k "$key" -f "$work/good.map"
same_file "-c -k writes no key" "$kkey" ""
check "-c -k works without an openMosix kernel" 0 setpe/check-key -- \
	run env HPC_PROC_ROOT="$work/noproc" "$BIN/setpe" -c -k "$key" -f "$work/good.map"

# badkey NAME GOLDEN KEYFILE [MAP]: -w refuses, and neither the key, the
# table nor the id changes.
badkey() {
	local name=$1 gold=$2 kf=$3 map=${4:-$work/good.map}
	echo old-key > "$kkey"
	printf '%s\n' "$good_table" > "$cfg"
	echo 2 > "$mospe"
	check "-w -k: $name" 1 "setpe/$gold" -- \
		run env HPC_MY_ADDRS=10.0.0.2 "$BIN/setpe" -w -k "$kf" -f "$map"
	same_file "-w -k $name leaves the key alone" "$kkey" old-key
	same_file "-w -k $name leaves the table alone" "$cfg" "$good_table"
	same_file "-w -k $name leaves the id alone" "$mospe" 2
}

chmod 644 "$key"
badkey "a key file others can read" key-mode-644 "$key"
chmod 640 "$key"
badkey "a key file the group can read" key-mode-640 "$key"
chmod 602 "$key"
badkey "a key file others can write" key-mode-602 "$key"
chmod 600 "$key"
chown 65534 "$key"
badkey "a key file not owned by root" key-owner "$key"
chown 0 "$key"
badkey "a missing key file" key-missing "$work/no-such-key"
badkey "a directory as key file" key-dir "$work/etc"
printf 'not a key\n' > "$work/notakey"
chmod 600 "$work/notakey"
badkey "a file that is not a key" key-text "$work/notakey"
check "-c -k refuses a bad key file" 1 setpe/key-text -- \
	run "$BIN/setpe" -c -k "$work/notakey" -f "$work/good.map"
printf '1 10.0.0.1 3\n4 127.0.0.1 1\n' > "$work/loopback.map"
badkey "a good key with a bad map" key-bad-map "$key" "$work/loopback.map"

# The kernel's side of the key.
printf '%s\n' "$good_table" > "$cfg"
echo 2 > "$mospe"
rm "$kkey"
check "-w -k on a kernel without admin/key" 1 setpe/key-no-kernel-key -- \
	run env HPC_MY_ADDRS=10.0.0.2 "$BIN/setpe" -w -k "$key" -f "$work/crlf.map"
same_file "no admin/key: the table stays" "$cfg" "$good_table"
# /proc/self/oom_score_adj refuses hex text with EINVAL, as the kernel
# refuses a bad key.
ln -s /proc/self/oom_score_adj "$kkey"
check "-w -k: the kernel refuses the key" 1 setpe/key-einval -- \
	run env HPC_MY_ADDRS=10.0.0.2 "$BIN/setpe" -w -k "$key" -f "$work/crlf.map"
same_file "a refused key leaves the table alone" "$cfg" "$good_table"
same_file "a refused key leaves the id alone" "$mospe" 2
rm "$kkey"
check "-w -k without /proc/hpc" 1 setpe/no-kernel -- \
	run env HPC_PROC_ROOT="$work/noproc" "$BIN/setpe" -w -k "$key" -f "$work/good.map"
: > "$kkey"

check "-k without -w or -c" 2 setpe/usage-k-alone -- run "$BIN/setpe" -k "$key"
check "-k with -r" 2 setpe/usage-k-alone -- run "$BIN/setpe" -r -k "$key"
check "-k without a file" 2 setpe/usage-k -- run "$BIN/setpe" -w -k
check "-k -off names a file" 1 setpe/key-named-off -- \
	run "$BIN/setpe" -c -k -off -f "$work/good.map"
same_file "-k -off did not leave the cluster" "$cfg" "$good_table"

# --- usage ------------------------------------------------------------------

check "--help" 0 setpe/help -- run "$BIN/setpe" --help
check "no arguments" 2 setpe/usage-none -- run "$BIN/setpe"
check "unknown option" 2 setpe/usage-unknown -- run "$BIN/setpe" -x
check "unknown long option" 2 setpe/usage-unknown-long -- run "$BIN/setpe" --bogus
check "-f without a file" 2 setpe/usage-f -- run "$BIN/setpe" -w -f
check "an extra argument" 2 setpe/usage-extra -- run "$BIN/setpe" -w map
check "-r with -w" 2 setpe/usage-r-w -- run "$BIN/setpe" -r -w
check "-off with more" 2 setpe/usage-off -- run "$BIN/setpe" -off -w
check "-f -off names a file" 1 setpe/file-named-off -- \
	run "$BIN/setpe" -c -f -off

finish
