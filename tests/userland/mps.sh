#!/bin/bash
# Tests of mps(1) against fake proc trees: the columns (NODE from
# /proc/PID/where: home, a node id, or "-"), the selections (this user,
# all, -p), the long and machine-readable formats, and every error path.
# Run: BIN=.../build/bin bash tests/userland/mps.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$here/pids.lib"

if [ ! -x "$BIN/mps" ]; then
	not_ok "mps is built" "no executable $BIN/mps"
	exit 1
fi

work=$(mktemp -d)
root=$work/proc
trap 'rm -rf "$work"' EXIT
me=$(id -u)
other=$((me + 1000))
hz=$(getconf CLK_TCK)

mkdir -p "$root/self" "$root/hpc" "$root/sys"	# not processes: skipped
fake_pid "$root" 1 S init "/sbin/init" "$me" 0 utime=$((3 * hz)) ppid=0 lock=0 nmigs=0
fake_pid "$root" 2 S kthreadd "" "$me" - ppid=0
fake_pid "$root" 40 I "kworker/0:1-events" "" "$me" - ppid=2 nice=-20
fake_pid "$root" 100 S bash "-bash" "$other" 0 tty=34816 session=100 tpgid=200
fake_pid "$root" 200 R awk "awk|BEGIN {for(i=0;i<10000;i++)for(j=0;j<10000;j++);}" "$me" 3 \
	tty=34816 session=100 pgrp=200 tpgid=200 utime=$((3725 * hz)) stime=$((hz / 4)) \
	lock=1 nmigs=2
fake_pid "$root" 300 S "my prog) S 1" "./my prog|--opt" "$me" 0 tty=1025 nice=5 threads=4 \
	utime=$((90000 * hz)) lock=0 nmigs=5
fake_pid "$root" 301 D "odd" "$(printf 'odd\001name|x')" "$me" 12 tty=1088
mkdir "$root/4242"	# exited while being read: no files
fake_pid "$root" 65000 Z zombie "" "$me" 0 tty=1280

m() { HPC_PROC_ROOT=$root run "$BIN/mps" "$@"; }

check "--help" 0 mps/usage -- m --help
check "this user's processes" 0 mps/mine -- m
check "-a: all" 0 mps/all -- m -a
check "-e: all" 0 mps/all -- m -e
check "-A: all" 0 mps/all -- m -A
check "ax: all" 0 mps/all -- m ax
check "a: all" 0 mps/all -- m a
check "-l -a" 0 mps/long -- m -l -a
check "ax -l" 0 mps/long -- m ax -l
check "-m -a" 0 mps/machine -- m -m -a
check "-p 200,100" 0 mps/pids -- m -p 200,100
check "-p twice" 0 mps/pids -- m -p 100 -p 200
check "-p of no process" 1 mps/pids-none -- m -p 999
check "-w changes nothing off a terminal" 0 mps/mine -- m -w

check "bad -p" 2 mps/bad-pids -- m -p 1,x
check "-p 0" 2 mps/bad-pids-0 -- m -p 0
check "-p empty item" 2 mps/bad-pids-empty -- m -p 1,,2
check "-a and -p" 2 mps/all-and-pids -- m -a -p 1
check "unknown option" 2 mps/unknown-option -- m -z
check "unknown BSD option" 2 mps/unknown-bsd -- m aux
check "unexpected argument" 2 mps/unexpected -- m -a 12
check "no proc root" 1 mps/no-root -- run env HPC_PROC_ROOT="$work/none" "$BIN/mps"
check "standard output full" 1 mps/stdout-full -- sh -c '"$0" > /dev/full' "$BIN/mps"

# a stat file not in the kernel's format: said, the others still shown
mkdir "$root/500" && echo "500 (broken S 1" > "$root/500/stat"
check "a malformed stat file" 1 mps/malformed -- m -a
rm -rf "$root/500"
mkdir "$root/501" && mkdir "$root/501/stat"
check "an unreadable stat file" 1 mps/unreadable -- m -p 1,501
finish
