#!/bin/bash
# Tests of the openmosix init script (userland/init/openmosix) on a fake
# tree: start/stop/status/restart with setpe and showmap from $BIN, the LSB
# exit codes, loading the cluster key, and failures that must leave the
# kernel's table alone. It runs under /bin/sh (POSIX). Golden files:
# golden/openmosix/. Run: BIN=.../build/bin bash tests/userland/openmosix.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

init=$here/../../userland/init/openmosix
for tool in setpe showmap; do
	if [ ! -x "$BIN/$tool" ]; then
		not_ok "$tool is built" "no executable $BIN/$tool"
		exit 1
	fi
done

work=$(mktemp -d)
root=$(fake_proc 1 2 3)
trap 'rm -rf "$work" "$root"' EXIT
mkdir -p "$work/etc/openmosix" "$work/noproc"
cfg=$root/hpc/admin/config
mospe=$root/hpc/admin/mospe
export HPC_PROC_ROOT=$root HPC_ETC=$work/etc HPC_MY_ADDRS=10.0.0.2
export PATH=$BIN:$PATH

cat > "$work/etc/openmosix.map" <<'EOF'
# two ranges
1 10.0.0.1 3
10 192.168.1.10 2
EOF
table='1 10.0.0.1 3
10 192.168.1.10 2'

check "status before start" 3 openmosix/status-off -- run sh "$init" status
check "start" 0 openmosix/start -- run sh "$init" start
same_file "start loaded the map" "$cfg" "$table"
same_file "start set the id" "$mospe" 2
check "status in a cluster" 0 openmosix/status-on -- run sh "$init" status
check "restart" 0 openmosix/restart -- run sh "$init" restart
same_file "restart loaded the map" "$cfg" "$table"
check "stop" 0 openmosix/stop -- run sh "$init" stop
same_file "stop emptied the table" "$cfg" ""
same_file "stop set the id to 0" "$mospe" 0
check "status after stop" 3 openmosix/status-off -- run sh "$init" status
check "stop when stopped" 0 openmosix/stop -- run sh "$init" stop

# The cluster key: when /etc/openmosix/key exists, start gives it to the
# kernel (setpe -k) before the map; a key file that is refused stops the
# start before anything changes. Without the file no key is loaded (above).
kfile=$work/etc/openmosix/key
key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
printf '%s\n' "$key" > "$kfile"
chmod 600 "$kfile"
: > "$root/hpc/admin/key"
sh "$init" stop >/dev/null
check "start with a key file" 0 openmosix/start -- run sh "$init" start
same_file "start with a key file loaded the key" "$root/hpc/admin/key" "$key"
same_file "start with a key file loaded the map" "$cfg" "$table"
: > "$root/hpc/admin/key"
check "restart with a key file" 0 openmosix/restart -- run sh "$init" restart
same_file "restart loaded the key" "$root/hpc/admin/key" "$key"
sh "$init" stop >/dev/null
: > "$root/hpc/admin/key"
chmod 644 "$kfile"
check "start with a key file others can read" 1 openmosix/start-key-mode -- \
	run sh "$init" start
same_file "a refused key file loads no key" "$root/hpc/admin/key" ""
same_file "a refused key file loads no map" "$cfg" ""
same_file "a refused key file sets no id" "$mospe" 0
chmod 600 "$kfile"
sh "$init" start >/dev/null
chmod 644 "$kfile"
check "restart with a bad key file" 1 openmosix/start-key-mode -- \
	run sh "$init" restart
same_file "restart with a bad key file stays in the cluster" "$cfg" "$table"
same_file "restart with a bad key file keeps the id" "$mospe" 2
printf 'secret\n' > "$kfile"
chmod 600 "$kfile"
check "start with a key file that is not a key" 1 openmosix/start-key-text -- \
	run sh "$init" start
rm "$kfile"
ln -s "$work/no-such-key" "$kfile"
check "start with a dangling key link" 1 openmosix/start-key-dangling -- \
	run sh "$init" start
rm "$kfile"
rm "$root/hpc/admin/key"
printf '%s\n' "$key" > "$kfile"
chmod 600 "$kfile"
check "start with a key file, kernel without admin/key" 1 openmosix/start-key-no-kernel -- \
	run sh "$init" start
rm "$kfile"

# A bad map: start fails, the table stays as it was.
mv "$work/etc/openmosix.map" "$work/good.map"
printf '1 10.0.0.1 3\n4 127.0.0.1 1\n' > "$work/etc/openmosix.map"
check "start with a bad map" 1 openmosix/start-bad-map -- run sh "$init" start
same_file "a bad map leaves the table alone" "$cfg" "$table"
same_file "a bad map leaves the id alone" "$mospe" 2
check "restart with a bad map" 1 openmosix/start-bad-map -- \
	run sh "$init" restart
same_file "restart with a bad map stays in the cluster" "$cfg" "$table"
same_file "restart with a bad map keeps the id" "$mospe" 2
rm "$work/etc/openmosix.map"
check "start without a map" 1 openmosix/start-no-map -- run sh "$init" start
same_file "no map: the table stays as it was" "$cfg" "$table"
mv "$work/good.map" "$work/etc/hpc.map"
check "start with /etc/hpc.map" 0 openmosix/start -- run sh "$init" start

# Not an openMosix kernel.
export HPC_PROC_ROOT=$work/noproc
check "start: not an openMosix kernel" 1 openmosix/start-no-kernel -- \
	run sh "$init" start
check "stop: not an openMosix kernel" 0 openmosix/stop-no-kernel -- \
	run sh "$init" stop
check "status: not an openMosix kernel" 3 openmosix/status-no-kernel -- \
	run sh "$init" status
export HPC_PROC_ROOT=$root

# Usage.
check "no action" 2 openmosix/usage -- run sh "$init"
check "unknown action" 2 openmosix/usage -- run sh "$init" reload

finish
