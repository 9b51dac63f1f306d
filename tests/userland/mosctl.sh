#!/bin/bash
# Tests of mosctl(1) against fake proc trees: the output of every command
# (golden files in golden/mosctl/), that writes really change the files,
# and every error path. Run: BIN=.../build/bin bash tests/userland/mosctl.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ ! -x "$BIN/mosctl" ]; then
	not_ok "mosctl is built" "no executable $BIN/mosctl"
	exit 1
fi

hostsdir=$(mktemp -d)
hosts=$hostsdir/hosts
export MOSCTL_HOSTS=$hosts
cat > "$hosts" <<'EOF'
127.0.0.1	localhost
::1		ip6-localhost ip6-loopback
10.0.0.1	nodea nodea.example.org
10.0.0.2	nodeb	# the fast one
# 10.0.0.3	nodec
10.0.0.9	outsider
EOF

trees=()
root=

# A three-node cluster seen from node 1: node 2 is fast, busy and has
# flags set, node 3 is down.
cluster() {
	root=$(fake_proc 1 2 3)
	trees+=("$root")
	local n=$root/hpc/nodes
	echo 1 > "$root/hpc/admin/mospe"
	printf '1 10.0.0.1 3\n' > "$root/hpc/admin/config"
	echo 25 > "$n/1/load"; echo 20 > "$n/1/util"
	echo 167772160 > "$n/1/rmem"
	echo 2 > "$n/2/CPUs"; echo 150 > "$n/2/load"; echo 15000 > "$n/2/speed"
	echo 75 > "$n/2/util"; echo "up stay block" > "$n/2/status"
	echo 2147483648 > "$n/2/tmem"; echo 1610612736 > "$n/2/mem"
	echo 1073741824 > "$n/2/rmem"
	echo 4 > "$n/3/CPUs"; echo 8000 > "$n/3/speed"; echo down > "$n/3/status"
}

# Run mosctl on the current tree; temporary paths are shown as the real
# ones (/proc, /etc/hosts) so that the golden files do not depend on them.
mc() {
	HPC_PROC_ROOT=$root "$BIN/mosctl" "$@" 2>&1 |
		sed -e "s|$root|/proc|g" -e "s|$hosts|/etc/hosts|g"
	return "${PIPESTATUS[0]}"
}

# mc_fw ERRNO ARGS...: mc with every write to a file failing with ERRNO
# (tests/userland/unit/failwrite, built below into $fwdir)
mc_fw() {
	local e=$1
	shift
	HPC_PROC_ROOT=$root "$fwdir/failwrite" "$e" "$BIN/mosctl" "$@" 2>&1 |
		sed -e "s|$root|/proc|g" -e "s|$hosts|/etc/hosts|g"
	return "${PIPESTATUS[0]}"
}

# readback NAME FILE EXPECTED: the fake file now holds EXPECTED.
readback() { same_file "$1" "$root/$2" "$3"; }

# --- usage -----------------------------------------------------------------
root=$(mktemp -d)
trees+=("$root")
check "--help" 0 mosctl/help -- mc --help
check "-h" 0 mosctl/help -- mc -h
check "no command" 2 mosctl/no-command -- mc
check "unknown command" 2 mosctl/unknown-command -- mc frobnicate
check "unknown option" 2 mosctl/unknown-option -- mc -x getload
check "unknown long option" 2 mosctl/unknown-long-option -- mc --frob getload
check "missing argument" 2 mosctl/setspeed-missing -- mc setspeed
check "extra argument to a switch" 2 mosctl/stay-extra -- mc stay now
check "extra argument to getload" 2 mosctl/getload-extra -- mc getload 1 2
check "extra argument to setdecay" 2 mosctl/setdecay-extra -- mc setdecay 1 2 3 4
check "setdecay with SLOW but no FAST" 2 mosctl/setdecay-two -- mc setdecay 1 900
check "bad node id: 0" 2 mosctl/bad-id-0 -- mc getload 0
check "bad node id: 65536" 2 mosctl/bad-id-65536 -- mc getspeed 65536
check "bad node id: word" 2 mosctl/bad-id-word -- mc status two
check "bad node id: negative" 2 mosctl/bad-id-negative -- mc isup -1
check "bad node id: huge" 2 mosctl/bad-id-huge -- mc getmem 99999999999999999999999
check "bad speed: 0" 2 mosctl/setspeed-0 -- mc setspeed 0
check "bad speed: too big" 2 mosctl/setspeed-big -- mc setspeed 1000001
check "bad speed: hex" 2 mosctl/setspeed-hex -- mc setspeed 0x100
check "bad speed: trailing junk" 2 mosctl/setspeed-junk -- mc setspeed 12k
check "bad speed: empty" 2 mosctl/setspeed-empty -- mc setspeed ''
check "bad decay interval" 2 mosctl/setdecay-interval -- mc setdecay 3601
check "bad slow decay" 2 mosctl/setdecay-slow -- mc setdecay 1 0 900
check "bad fast decay" 2 mosctl/setdecay-fast -- mc setdecay 1 900 1001
check "setyard processor type" 2 mosctl/setyard-type -- mc setyard pentium3
check "setyard bad id" 2 mosctl/setyard-bad-id -- mc setyard 0
check "whois bad argument" 2 mosctl/whois-bad -- mc whois 'a b'
check "whois option-like argument" 2 mosctl/whois-dash -- mc whois -5
check "whois bad id" 2 mosctl/whois-bad-id -- mc whois 70000

# --- no /proc/hpc: the tree above is empty ---------------------------------
for cmd in "getload" "getspeed 2" "status 2" "isup" "stay" "expel" "bring" \
	   "setspeed 100" "getdecay" "getyard" "gettune" "whois 1"; do
	# shellcheck disable=SC2086
	check "no /proc/hpc: $cmd" 1 mosctl/no-hpc -- mc $cmd
done

# --- reading one node ------------------------------------------------------
cluster
check "getspeed (this node)" 0 mosctl/getspeed -- mc getspeed
check "getspeed 2" 0 mosctl/getspeed-2 -- mc getspeed 2
check "getspeed 3 (down)" 0 mosctl/getspeed-3 -- mc getspeed 3
check "-m getspeed 2" 0 mosctl/getspeed-2-m -- mc -m getspeed 2
check "--machine getspeed" 0 mosctl/getspeed-m -- mc --machine getspeed
check "getload (this node)" 0 mosctl/getload -- mc getload
check "getload 2" 0 mosctl/getload-2 -- mc getload 2
check "getload 3" 0 mosctl/getload-3 -- mc getload 3
check "-m getload 2" 0 mosctl/getload-2-m -- mc -m getload 2
check "getmem (this node)" 0 mosctl/getmem -- mc getmem
check "getmem 2" 0 mosctl/getmem-2 -- mc getmem 2
check "-m getmem 2" 0 mosctl/getmem-2-m -- mc -m getmem 2
check "getfree (this node)" 0 mosctl/getfree -- mc getfree
check "getfree 2" 0 mosctl/getfree-2 -- mc getfree 2
check "-m getfree 2" 0 mosctl/getfree-2-m -- mc -m getfree 2
check "getutil (this node)" 0 mosctl/getutil -- mc getutil
check "getutil 2" 0 mosctl/getutil-2 -- mc getutil 2
check "-m getutil 2" 0 mosctl/getutil-2-m -- mc -m getutil 2
check "status (this node)" 0 mosctl/status -- mc status
check "status 2 (flags)" 0 mosctl/status-2 -- mc status 2
check "status 3 (down)" 0 mosctl/status-3 -- mc status 3
check "-m status 2" 0 mosctl/status-2-m -- mc -m status 2
check "-m status 3" 0 mosctl/status-3-m -- mc -m status 3
check "isup (this node)" 0 mosctl/isup-up -- mc isup
check "isup 2" 0 mosctl/isup-up -- mc isup 2
check "isup 3 (down)" 1 mosctl/isup-down -- mc isup 3
check "-m isup 3" 1 mosctl/isup-down -- mc -m isup 3

for cmd in getload getspeed getmem getfree getutil status isup setyard; do
	check "$cmd 7: unknown node" 1 mosctl/unknown-node -- mc $cmd 7
done

# a node file the kernel left out, or one with nonsense in it
rm "$root/hpc/nodes/2/util"
check "getutil 2, util missing" 1 mosctl/getutil-missing -- mc getutil 2
check "status 2, util missing" 1 mosctl/getutil-missing -- mc status 2
echo lots > "$root/hpc/nodes/2/load"
check "getload 2, bad contents" 1 mosctl/getload-garbage -- mc getload 2
echo sideways > "$root/hpc/nodes/2/status"
check "status 2, bad contents" 1 mosctl/status-garbage -- mc status 2
check "isup 2, bad contents" 1 mosctl/status-garbage -- mc isup 2
echo 99999 > "$root/hpc/admin/mospe"
check "mospe out of range" 1 mosctl/mospe-garbage -- mc getload
echo 4 > "$root/hpc/admin/mospe"
check "this node missing from nodes/" 1 mosctl/this-node-missing -- mc getload

# --- not in a cluster ------------------------------------------------------
cluster
echo 0 > "$root/hpc/admin/mospe"
echo 12345 > "$root/hpc/admin/speed"
check "getspeed outside a cluster" 0 mosctl/getspeed-alone -- mc getspeed
check "-m getspeed outside a cluster" 0 mosctl/getspeed-alone-m -- mc -m getspeed
for cmd in getload getmem getfree getutil status isup; do
	check "$cmd outside a cluster" 1 mosctl/not-in-cluster -- mc $cmd
done
check "getload 2 outside a cluster still works" 0 mosctl/getload-2 -- mc getload 2
check "whois outside a cluster" 1 mosctl/whois-alone -- mc whois

# --- the switches -----------------------------------------------------------
cluster
while read -r cmd file value; do
	check "$cmd" 0 mosctl/empty -- mc "$cmd"
	readback "$cmd writes $value to $file" "hpc/admin/$file" "$value"
done <<'EOF'
stay stay 1
nostay stay 0
lstay lstay 1
nolstay lstay 0
block block 1
noblock block 0
quiet quiet 1
noquiet quiet 0
nomfs nomfs 1
mfs nomfs 0
EOF
# the "no" forms must really write 0, not just leave a 0 alone
echo 1 > "$root/hpc/admin/block"
check "noblock over 1" 0 mosctl/empty -- mc noblock
readback "noblock clears block" hpc/admin/block 0

# the kernel refusing a write: write(2) fails with ENOSPC on /dev/full,
# open(2) fails with EISDIR on a directory
ln -sf /dev/full "$root/hpc/admin/stay"
check "stay: write fails" 1 mosctl/stay-enospc -- mc stay
rm "$root/hpc/admin/quiet" && mkdir "$root/hpc/admin/quiet"
check "quiet: not a file" 1 mosctl/quiet-eisdir -- mc quiet
rm "$root/hpc/admin/lstay"
check "lstay: file missing" 1 mosctl/lstay-missing -- mc lstay

# --- expel and bring ----------------------------------------------------------
# A kernel without migration has neither file: mosctl says so.
check "expel without kernel support" 1 mosctl/expel-missing -- mc expel
check "bring without kernel support" 1 mosctl/bring-missing -- mc bring
# With migration both are there, write-only (the fake ones start empty).
: > "$root/hpc/admin/expel"
: > "$root/hpc/admin/bring"
check "expel" 0 mosctl/empty -- mc expel
readback "expel writes 1" hpc/admin/expel 1
readback "expel leaves bring alone" hpc/admin/bring ""
check "bring" 0 mosctl/empty -- mc bring
readback "bring writes 1" hpc/admin/bring 1
: > "$root/hpc/admin/expel"
check "bring again" 0 mosctl/empty -- mc bring
readback "bring leaves expel alone" hpc/admin/expel ""
# the kernel refusing: root without CAP_SYS_ADMIN gets EPERM at write(2),
# faked with failwrite (seccomp); a write that fails otherwise (ENOSPC)
fwdir=$(mktemp -d)
trees+=("$fwdir")
if make -s -C "$here/unit" O="$fwdir" "$fwdir/failwrite" > "$fwdir/log" 2>&1 &&
	"$fwdir/failwrite" EPERM true; then
	check "expel: the kernel says EPERM" 1 mosctl/expel-eperm -- mc_fw EPERM expel
	check "bring: the kernel says EPERM" 1 mosctl/bring-eperm -- mc_fw EPERM bring
	readback "bring refused: nothing written" hpc/admin/bring ""
else
	echo "ok - expel/bring EPERM # SKIP failwrite (seccomp) cannot be built or run: $(tail -1 "$fwdir/log")"
fi
ln -sf /dev/full "$root/hpc/admin/bring"
check "bring: write fails" 1 mosctl/bring-enospc -- mc bring
rm "$root/hpc/admin/bring" && mkdir "$root/hpc/admin/bring"
check "bring: not a file" 1 mosctl/bring-eisdir -- mc bring
rm "$root/hpc/admin/expel" && mkdir "$root/hpc/admin/expel"
check "expel: not a file" 1 mosctl/expel-eisdir -- mc expel

# --- speed and the yardstick ----------------------------------------------
cluster
check "setspeed 15000" 0 mosctl/empty -- mc setspeed 15000
readback "setspeed writes the speed" hpc/admin/speed 15000
check "setspeed 1000000" 0 mosctl/empty -- mc setspeed 1000000
readback "setspeed accepts the maximum" hpc/admin/speed 1000000
check "setspeed 1" 0 mosctl/empty -- mc setspeed 1
readback "setspeed accepts the minimum" hpc/admin/speed 1
check "setspeed 0 leaves the speed alone" 2 mosctl/setspeed-0 -- mc setspeed 0
readback "setspeed 0 wrote nothing" hpc/admin/speed 1
check "getyard" 0 mosctl/getyard -- mc getyard
check "-m getyard" 0 mosctl/getyard-m -- mc -m getyard
check "setyard 2" 0 mosctl/empty -- mc setyard 2
readback "setyard 2 copies node 2's speed" hpc/admin/speed 15000
check "setyard this" 0 mosctl/empty -- mc setyard this
readback "setyard this sets the yardstick" hpc/admin/speed 10000
check "setyard 3 (down node)" 0 mosctl/empty -- mc setyard 3
readback "setyard 3 copies node 3's speed" hpc/admin/speed 8000
echo 0 > "$root/hpc/nodes/2/speed"
check "setyard 2 with a nonsense speed" 1 mosctl/setyard-bad-speed -- mc setyard 2
readback "setyard with a nonsense speed wrote nothing" hpc/admin/speed 8000
# The kernel refusing a value: /proc/self/oom_score_adj (of mosctl itself,
# so harmless) takes -1000..1000 and fails 5000 with EINVAL.
rm "$root/hpc/admin/speed" && ln -s /proc/self/oom_score_adj "$root/hpc/admin/speed"
check "setspeed: kernel says EINVAL" 1 mosctl/setspeed-einval -- mc setspeed 5000
check "setyard 3 (speed 8000): kernel says EINVAL" 1 mosctl/setspeed-einval -- \
	mc setyard 3
rm "$root/hpc/admin/speed" && mkdir "$root/hpc/admin/speed"
check "setspeed: not a file" 1 mosctl/setspeed-eisdir -- mc setspeed 100

# --- decay ------------------------------------------------------------------
cluster
check "getdecay" 0 mosctl/getdecay -- mc getdecay
check "-m getdecay" 0 mosctl/getdecay-m -- mc -m getdecay
check "setdecay 5" 0 mosctl/empty -- mc setdecay 5
readback "setdecay writes the interval" hpc/admin/decay-interval 5
readback "setdecay INTERVAL keeps slow-decay" hpc/admin/slow-decay 975
readback "setdecay INTERVAL keeps fast-decay" hpc/admin/fast-decay 926
check "setdecay 2 990 900" 0 mosctl/empty -- mc setdecay 2 990 900
readback "setdecay writes the interval (3 args)" hpc/admin/decay-interval 2
readback "setdecay writes slow-decay" hpc/admin/slow-decay 990
readback "setdecay writes fast-decay" hpc/admin/fast-decay 900
check "getdecay after setdecay" 0 mosctl/getdecay-set -- mc getdecay
check "setdecay with a bad FAST" 2 mosctl/setdecay-fast -- mc setdecay 7 900 1001
readback "a bad FAST writes no interval either" hpc/admin/decay-interval 2
echo soon > "$root/hpc/admin/decay-interval"
check "getdecay, bad contents" 1 mosctl/getdecay-garbage -- mc getdecay
rm "$root/hpc/admin/fast-decay" && mkdir "$root/hpc/admin/fast-decay"
check "setdecay: fast-decay not a file" 1 mosctl/setdecay-eisdir -- \
	mc setdecay 3 950 900

# --- gettune -----------------------------------------------------------------
check "gettune without kernel support" 1 mosctl/gettune-missing -- mc gettune
printf 'migration 1200\nforwarding 35\n' > "$root/hpc/admin/overheads"
check "gettune" 0 mosctl/gettune -- mc gettune

# --- whois ----------------------------------------------------------------------
cluster
check "whois (this node)" 0 mosctl/whois -- mc whois
check "whois 2" 0 mosctl/whois-2 -- mc whois 2
check "whois 3 (no host name)" 0 mosctl/whois-3 -- mc whois 3
check "whois 10.0.0.2" 0 mosctl/whois-addr -- mc whois 10.0.0.2
check "whois 10.0.0.3" 0 mosctl/whois-addr-3 -- mc whois 10.0.0.3
check "whois nodeb" 0 mosctl/whois-host -- mc whois nodeb
check "whois NODEA.example.org" 0 mosctl/whois-host-alias -- mc whois NODEA.example.org
check "-m whois 2" 0 mosctl/whois-2-m -- mc -m whois 2
check "-m whois 10.0.0.2" 0 mosctl/whois-addr-m -- mc -m whois 10.0.0.2
check "-m whois nodeb" 0 mosctl/whois-addr-m -- mc -m whois nodeb
check "whois 7: unknown node" 1 mosctl/unknown-node -- mc whois 7
check "whois 10.0.0.9: not in the cluster" 1 mosctl/whois-addr-out -- mc whois 10.0.0.9
check "whois outsider: not in the cluster" 1 mosctl/whois-host-out -- mc whois outsider
check "whois nosuchhost" 1 mosctl/whois-host-unknown -- mc whois nosuchhost
# two ranges, and a table that is not one
printf '1 10.0.0.1 3\n10 192.168.1.10 5\n' > "$root/hpc/admin/config"
check "whois 12 (second range)" 0 mosctl/whois-12 -- mc whois 12
check "whois 192.168.1.14" 0 mosctl/whois-addr-14 -- mc whois 192.168.1.14
: > "$root/hpc/admin/config"
check "whois 2, empty table" 1 mosctl/whois-2-empty -- mc whois 2
printf '1 10.0.0.1\n' > "$root/hpc/admin/config"
check "whois, bad table" 1 mosctl/whois-bad-table -- mc whois 1
printf '1 10.0.0.1 3\n' > "$root/hpc/admin/config"
MOSCTL_HOSTS=/nonexistent/hosts
check "whois 1, no hosts file" 0 mosctl/whois-1-nohosts -- mc whois 1
check "whois nodeb, no hosts file" 1 mosctl/whois-nohosts -- mc whois nodeb


# --- the cluster key: setkey and genkey --------------------------------------
# Key files live in $keys (shown as $KEYS); the fake kernel file
# hpc/admin/key is a plain file, so what setkey wrote can be read back.
# Tests run as root: the owner rule is exercised with chown, the mode rule
# with chmod.
keys=$(mktemp -d)
trees+=("$keys")
mk() {
	HPC_ETC=$keys/etc mc "$@" | sed -e "s|$keys|\$KEYS|g"
	return "${PIPESTATUS[0]}"
}

# same NAME FILE1 FILE2: the two files have the same contents.
same() {
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1" "$2 and $3 differ: '$(cat "$2")' '$(cat "$3")'"
	fi
}

cluster
: > "$root/hpc/admin/key"
mkdir "$keys/etc"

check "setkey: too many arguments" 2 mosctl/setkey-extra -- mk setkey a b
check "genkey: too many arguments" 2 mosctl/genkey-extra -- mk genkey a b

# genkey: 64 hex digits and a newline, mode 600, never overwrites.
check "genkey FILE" 0 mosctl/empty -- mk genkey "$keys/k1"
if grep -Eqx '[0-9a-f]{64}' "$keys/k1" && [ "$(wc -c < "$keys/k1")" = 65 ]; then
	ok "genkey writes 64 hex digits and a newline"
else
	not_ok "genkey writes 64 hex digits and a newline" "got '$(cat "$keys/k1")'"
fi
if [ "$(stat -c %a "$keys/k1")" = 600 ]; then
	ok "genkey makes the file mode 600"
else
	not_ok "genkey makes the file mode 600" "mode $(stat -c %a "$keys/k1")"
fi
cp "$keys/k1" "$keys/k1.orig"
check "genkey refuses an existing file" 1 mosctl/genkey-exists -- mk genkey "$keys/k1"
same "genkey left the existing key alone" "$keys/k1" "$keys/k1.orig"
ln -s "$keys/nowhere" "$keys/link"
check "genkey refuses a symbolic link" 1 mosctl/genkey-link -- mk genkey "$keys/link"
if [ ! -e "$keys/nowhere" ]; then
	ok "genkey did not write through the link"
else
	not_ok "genkey did not write through the link" "$keys/nowhere exists"
fi
check "genkey into a missing directory" 1 mosctl/genkey-no-dir -- \
	mk genkey "$keys/no/such/key"
(umask 0; "$BIN/mosctl" genkey "$keys/k2")
(umask 0277; "$BIN/mosctl" genkey "$keys/k3")
if [ "$(stat -c %a "$keys/k2") $(stat -c %a "$keys/k3")" = "600 600" ]; then
	ok "genkey gives mode 600 whatever the umask"
else
	not_ok "genkey gives mode 600 whatever the umask" \
		"modes $(stat -c %a "$keys/k2") $(stat -c %a "$keys/k3")"
fi
if ! cmp -s "$keys/k1" "$keys/k2"; then
	ok "two new keys differ"
else
	not_ok "two new keys differ" "both are $(cat "$keys/k1")"
fi
check "genkey without FILE" 0 mosctl/empty -- mk genkey
if [ -f "$keys/etc/openmosix/key" ] && [ "$(stat -c %a "$keys/etc/openmosix/key")" = 600 ]; then
	ok "genkey without FILE makes /etc/openmosix/key"
else
	not_ok "genkey without FILE makes /etc/openmosix/key" "$(ls -lR "$keys/etc" 2>&1)"
fi

# setkey: the key reaches the kernel file in one piece.
check "setkey FILE" 0 mosctl/empty -- mk setkey "$keys/k1"
same "setkey writes the key to the kernel" "$root/hpc/admin/key" "$keys/k1"
check "setkey without FILE" 0 mosctl/empty -- mk setkey
same "setkey without FILE reads /etc/openmosix/key" "$root/hpc/admin/key" \
	"$keys/etc/openmosix/key"
printf '%s' 00112233445566778899aabbccddeeff > "$keys/short"
chmod 600 "$keys/short"
check "setkey: 32 digits without a newline" 0 mosctl/empty -- mk setkey "$keys/short"
readback "setkey adds the newline" hpc/admin/key 00112233445566778899aabbccddeeff
long=$(printf '0123456789ABCDEF%.0s' 1 2 3 4 5 6 7 8)
printf '%s\n' "$long" > "$keys/long"
chmod 400 "$keys/long"
check "setkey: 128 digits, upper case, mode 400" 0 mosctl/empty -- mk setkey "$keys/long"
readback "setkey wrote the long key" hpc/admin/key "$long"
chmod 700 "$keys/k1"
check "setkey: mode 700 is root's alone" 0 mosctl/empty -- mk setkey "$keys/k1"
chmod 600 "$keys/k1"
chgrp 65534 "$keys/k1"
check "setkey: another group without access is fine" 0 mosctl/empty -- mk setkey "$keys/k1"
chgrp 0 "$keys/k1"
ln -s "$keys/k2" "$keys/k2-link"
check "setkey follows a symbolic link to a good file" 0 mosctl/empty -- \
	mk setkey "$keys/k2-link"
same "setkey through a link" "$root/hpc/admin/key" "$keys/k2"

# Refused key files: the kernel's key must stay as it is.
cp "$keys/k2" "$keys/kernel-key"
refused() {
	local name=$1 gold=$2
	shift 2
	check "setkey refuses $name" 1 "mosctl/$gold" -- mk setkey "$@"
	same "setkey left the key alone: $name" "$root/hpc/admin/key" "$keys/kernel-key"
}

cp "$keys/k1" "$keys/bad"
for mode in 644 640 604 660 620 602 610 601; do
	chmod "$mode" "$keys/bad"
	refused "mode $mode" "setkey-mode-$mode" "$keys/bad"
done
chmod 600 "$keys/bad"
chown 65534 "$keys/bad"
refused "a file owned by another user" setkey-owner "$keys/bad"
chown 0 "$keys/bad"
refused "a missing file" setkey-missing "$keys/no-such-key"
refused "a dangling link" setkey-dangling "$keys/link"
mkdir -m 700 "$keys/dir"
refused "a directory" setkey-dir "$keys/dir"
refused "a device" setkey-device /dev/null
mkfifo -m 600 "$keys/fifo"
# A FIFO must be refused, not waited on: mosctl runs under timeout here.
mk_timeout() {
	HPC_PROC_ROOT=$root timeout 10 "$BIN/mosctl" "$@" 2>&1 | sed -e "s|$keys|\$KEYS|g"
	return "${PIPESTATUS[0]}"
}
check "setkey refuses a FIFO, without hanging" 1 mosctl/setkey-fifo -- \
	mk_timeout setkey "$keys/fifo"
same "setkey left the key alone: a FIFO" "$root/hpc/admin/key" "$keys/kernel-key"

# badtext NAME 'CONTENT': a root-only file holding CONTENT (printf %b) is
# refused with golden/mosctl/setkey-text-NAME.
badtext() {
	printf '%b' "$2" > "$keys/text"
	chmod 600 "$keys/text"
	refused "text: $1" "setkey-text-$1" "$keys/text"
}
d32=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
badtext empty		''
badtext newline		'\n'
badtext 30-digits	'000102030405060708090a0b0c0d0e\n'
badtext 31-digits	'000102030405060708090a0b0c0d0e0\n'
badtext 33-digits	'000102030405060708090a0b0c0d0e0f1\n'
badtext 129-digits	"${long}a\n"
badtext 130-digits	"${long}ab"
badtext huge		"$long$long$long\n"
badtext letter		"${d32:0:40}g${d32:41}\n"
badtext space-inside	"${d32:0:32} ${d32:32}\n"
badtext trailing-space	"$d32 \n"
badtext leading-space	" $d32\n"
badtext crlf		"$d32\r\n"
badtext two-lines	"$d32\n$d32\n"
badtext blank-line	"$d32\n\n"
badtext 0x		"0x$d32\n"
badtext nul		"${d32:0:10}\0000${d32:11}\n"
badtext comment		"# the key\n$d32\n"

# The kernel's side.
printf '%s\n' "$d32" > "$keys/good"
chmod 600 "$keys/good"
rm "$root/hpc/admin/key"
check "setkey: a kernel without admin/key" 1 mosctl/setkey-no-kernel-key -- \
	mk setkey "$keys/good"
# The kernel refusing the key: /proc/self/oom_score_adj fails hex with EINVAL.
ln -s /proc/self/oom_score_adj "$root/hpc/admin/key"
check "setkey: the kernel says EINVAL" 1 mosctl/setkey-einval -- mk setkey "$keys/good"
rm "$root/hpc/admin/key" && ln -s /dev/full "$root/hpc/admin/key"
check "setkey: the kernel says ENOSPC" 1 mosctl/setkey-enospc -- mk setkey "$keys/good"
rm "$root/hpc/admin/key" && mkdir "$root/hpc/admin/key"
check "setkey: admin/key not a file" 1 mosctl/setkey-eisdir -- mk setkey "$keys/good"
root=$(mktemp -d)
trees+=("$root")
check "setkey: no /proc/hpc" 1 mosctl/no-hpc -- mk setkey "$keys/good"

rm -rf "${trees[@]}" "$hostsdir"
finish
