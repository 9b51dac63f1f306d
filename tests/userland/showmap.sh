#!/bin/bash
# Tests of showmap(1) against a fake proc tree: the human and the -m output
# in and out of a cluster, and every error path. Golden files: golden/showmap/.
# Run: BIN=.../build/bin bash tests/userland/showmap.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ ! -x "$BIN/showmap" ]; then
	not_ok "showmap is built" "no executable $BIN/showmap"
	exit 1
fi

work=$(mktemp -d)
root=$(fake_proc 1 2 3)
trap 'rm -rf "$work" "$root"' EXIT
cfg=$root/hpc/admin/config
mospe=$root/hpc/admin/mospe
export HPC_PROC_ROOT=$root

printf '1 10.0.0.1 3\n10 192.168.1.10 2\n65535 223.255.255.254 1\n' > "$cfg"
echo 2 > "$mospe"
check "in a cluster" 0 showmap/cluster -- run "$BIN/showmap"
check "-m in a cluster" 0 showmap/cluster-m -- run "$BIN/showmap" -m

echo 0 > "$mospe"
check "a table but no id" 0 showmap/no-id -- run "$BIN/showmap"
check "-m with a table but no id" 0 showmap/no-id-m -- run "$BIN/showmap" -m

: > "$cfg"
check "not in a cluster" 0 showmap/off -- run "$BIN/showmap"
check "-m not in a cluster" 0 showmap/off-m -- run "$BIN/showmap" -m

# Errors.
mkdir "$work/noproc"
check "not an openMosix kernel" 1 showmap/no-kernel -- \
	run env HPC_PROC_ROOT="$work/noproc" "$BIN/showmap"
printf '1 10.0.0.1 3\n1 10.0.0.9 1\n' > "$cfg"
check "a table the kernel should never give" 1 showmap/bad-config -- \
	run "$BIN/showmap"
rm "$cfg"
check "no config file" 1 showmap/no-config -- run "$BIN/showmap"
: > "$cfg"
echo two > "$mospe"
check "mospe is not a number" 1 showmap/bad-mospe -- run "$BIN/showmap"
echo 65536 > "$mospe"
check "mospe out of range" 1 showmap/mospe-range -- run "$BIN/showmap"
rm "$mospe"
check "no mospe file" 1 showmap/no-mospe -- run "$BIN/showmap"
echo 0 > "$mospe"
check "standard output full" 1 showmap/stdout-full -- \
	run sh -c '"$0" > /dev/full' "$BIN/showmap"

# Usage.
check "--help" 0 showmap/help -- run "$BIN/showmap" --help
check "unknown option" 2 showmap/usage-unknown -- run "$BIN/showmap" -x
check "unknown long option" 2 showmap/usage-unknown-long -- \
	run "$BIN/showmap" --bogus
check "an extra argument" 2 showmap/usage-extra -- run "$BIN/showmap" 1

finish
