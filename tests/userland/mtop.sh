#!/bin/bash
# Tests of mtop(1) against fake proc trees: batch frames (--once, -b -n),
# the NODE column, the order by CPU share, the summary lines, every usage
# error, and the interactive view under script(1).
# Run: BIN=.../build/bin bash tests/userland/mtop.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$here/pids.lib"

if [ ! -x "$BIN/mtop" ]; then
	not_ok "mtop is built" "no executable $BIN/mtop"
	exit 1
fi

work=$(mktemp -d)
root=$(fake_proc 1 2 3)
trap 'rm -rf "$work" "$root"' EXIT
hz=$(getconf CLK_TCK)
echo 2 > "$root/hpc/admin/mospe"
echo down > "$root/hpc/nodes/3/status"
echo "1000.00 3000.00" > "$root/uptime"
# start at 500 s after boot: CPU share = CPU seconds / 500
fake_pid "$root" 1 S init "/sbin/init" 0 0 start=$((10 * hz)) utime=$((2 * hz))
fake_pid "$root" 2 S kthreadd "" 0 - start=$((10 * hz))
fake_pid "$root" 200 R awk "awk|BEGIN {for(i=0;i<10000;i++)for(j=0;j<10000;j++);}" 1000 3 \
	start=$((500 * hz)) utime=$((450 * hz)) stime=$((hz / 2))
fake_pid "$root" 201 R awk "awk|BEGIN {for(i=0;i<10000;i++)for(j=0;j<10000;j++);}" 1000 0 \
	start=$((500 * hz)) utime=$((250 * hz))
fake_pid "$root" 300 S sh "sh|-c|sleep 100; echo done and a long tail of words" 1000 7 \
	start=$((900 * hz)) utime=$((hz / 10))
fake_pid "$root" 301 S sleep "sleep|100" 1000 0 start=$((900 * hz))

t() { HPC_PROC_ROOT=$root run "$BIN/mtop" "$@"; }

check "--help" 0 mtop/usage -- t --help
check "--once" 0 mtop/once -- t --once
check "-b -n 1" 0 mtop/once -- t -b -n 1
check "-b -n 2: two frames" 0 mtop/two -- t -b -n 2 -d 0.1
check "--once --width 50" 0 mtop/narrow -- t --once --width 50
echo 0 > "$root/hpc/admin/mospe"
check "not in a cluster" 0 mtop/no-cluster -- t --once --width 60
rm -rf "$root/hpc" "$root/uptime"
check "no /proc/hpc, no uptime" 0 mtop/no-hpc -- t --once --width 60

check "-d 0" 2 mtop/bad-delay -- t -b -d 0
check "-d x" 2 mtop/bad-delay-x -- t -b -d x
check "-n 0" 2 mtop/bad-frames -- t -b -n 0
check "--width 0" 2 mtop/bad-width -- t --once --width 0
check "--once with -b" 2 mtop/once-and-b -- t --once -b
check "-n without -b" 2 mtop/n-alone -- t -n 2
check "unexpected argument" 2 mtop/unexpected -- t --once 5
check "unknown option" 2 mtop/unknown-option -- t -x
check "no proc root" 1 mtop/no-root -- run env HPC_PROC_ROOT="$work/none" "$BIN/mtop" --once
check "standard output full" 1 mtop/stdout-full -- sh -c '"$0" --once > /dev/full' "$BIN/mtop"
check "not a terminal" 1 mtop/no-terminal -- t < /dev/null

# --- interactive, under a pseudo-terminal ---------------------------------------
if command -v script >/dev/null && infocmp vt100 >/dev/null 2>&1; then
	log=$work/log
	(sleep 0.5; printf ' '; sleep 0.3; printf q) |
		HPC_PROC_ROOT=$root TERM=vt100 COLUMNS=80 LINES=24 \
		timeout 20 script -qefc "$BIN/mtop -d 0.2" /dev/null > "$log" 2>&1
	status=$?
	if [ "$status" != 0 ]; then
		not_ok "interactive: space then q" "exit status $status: $(head -c 300 "$log")"
	elif ! grep -aq "kthreadd" "$log" || ! grep -aq "NODE" "$log"; then
		not_ok "interactive: space then q" "the process list was not drawn"
	else
		ok "interactive: space then q"
	fi
	(sleep 0.3; printf q) |
		HPC_PROC_ROOT=$root TERM=no-such-terminal \
		timeout 20 script -qefc "$BIN/mtop" /dev/null > "$log" 2>&1
	status=$?
	if [ "$status" = 1 ] && grep -aq "no-such-terminal" "$log"; then
		ok "interactive: unknown terminal type"
	else
		not_ok "interactive: unknown terminal type" "exit status $status: $(head -c 300 "$log")"
	fi
else
	echo "ok - interactive # SKIP no script(1) or no vt100 terminfo"
fi
finish
