#!/bin/bash
# Tests of migrate(1) against fake proc trees: the node id written to
# /proc/PID/goto, and every error path, the kernel's refusals included
# (faked with tests/userland/unit/failwrite, which makes the write fail with
# a chosen errno). Run: BIN=.../build/bin bash tests/userland/migrate.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ ! -x "$BIN/migrate" ]; then
	not_ok "migrate is built" "no executable $BIN/migrate"
	exit 1
fi

work=$(mktemp -d)
root=$(fake_proc 1 2 3)
trap 'rm -rf "$work" "$root"' EXIT

# process 100 runs at home and can move
mkdir "$root/100"
echo 0 > "$root/100/where"
echo 0 > "$root/100/goto"
: > "$root/100/cantmove"
g=$root/100/goto

mg() { HPC_PROC_ROOT=$root run "$BIN/migrate" "$@"; }
# mg_fw ERRNO ARGS...: migrate with its writes to files failing with ERRNO
mg_fw() { local e=$1; shift; HPC_PROC_ROOT=$root run "$fw" "$e" "$BIN/migrate" "$@"; }

# --- usage ---------------------------------------------------------------------
check "--help" 0 migrate/usage -- mg --help
check "-h" 0 migrate/usage -- mg -h
check "no arguments" 2 migrate/no-arguments -- mg
check "no node" 2 migrate/no-arguments -- mg 100
check "too many arguments" 2 migrate/too-many -- mg 100 2 3
check "unknown option" 2 migrate/unknown-option -- mg -x 100 2
check "pid not a number" 2 migrate/bad-pid -- mg abc 2
check "pid 0" 2 migrate/bad-pid-0 -- mg 0 2
check "pid too large" 2 migrate/bad-pid-large -- mg 99999999999 2
check "node not a number" 2 migrate/bad-node -- mg 100 fast
check "node too large" 2 migrate/bad-node-large -- mg 100 65536
check "node with a sign" 2 migrate/bad-node-sign -- mg 100 +2
check "node with garbage" 2 migrate/bad-node-garbage -- mg 100 "$(printf '2\001\002')"
same_file "nothing written on a usage error" "$g" 0

# --- what it writes ------------------------------------------------------------
check "to node 3" 0 migrate/empty -- mg 100 3
same_file "node 3 written to goto" "$g" 3
check "home" 0 migrate/empty -- mg 100 home
same_file "home writes 0" "$g" 0
echo 7 > "$g"
check "node 0 is home" 0 migrate/empty -- mg 100 0
same_file "0 written" "$g" 0
check "the largest node id" 0 migrate/empty -- mg 100 65535
same_file "65535 written" "$g" 65535
check "-- before the pid" 0 migrate/empty -- mg -- 100 2
same_file "-- then 2 written" "$g" 2

# --- errors --------------------------------------------------------------------
check "no such process" 1 migrate/no-process -- mg 4242 2
rm "$root/100/goto"
check "no goto file: not openMosix" 1 migrate/no-goto -- mg 100 2
echo 0 > "$g"
mkdir "$root/101" && mkdir "$root/101/goto"
check "goto is a directory" 1 migrate/goto-eisdir -- mg 101 2

fw=
if make -s -C "$here/unit" O="$work" "$work/failwrite" > "$work/log" 2>&1 &&
	"$work/failwrite" EPERM true; then
	fw=$work/failwrite
fi
if [ -n "$fw" ]; then
	check "kernel: EINVAL (node down)" 1 migrate/einval -- mg_fw EINVAL 100 9
	check "kernel: EPERM (not yours)" 1 migrate/eperm -- mg_fw EPERM 100 2
	check "kernel: EACCES (not yours)" 1 migrate/eacces -- mg_fw EACCES 100 2
	check "kernel: ESRCH (exited)" 1 migrate/esrch -- mg_fw ESRCH 100 2
	echo threads > "$root/100/cantmove"
	check "kernel: EBUSY, cantmove says threads" 1 migrate/ebusy -- mg_fw EBUSY 100 2
	: > "$root/100/cantmove"
	check "kernel: EBUSY, cantmove empty" 1 migrate/ebusy-empty -- mg_fw EBUSY 100 2
	rm "$root/100/cantmove"
	check "kernel: EBUSY, no cantmove" 1 migrate/ebusy-empty -- mg_fw EBUSY 100 2
	check "kernel: another errno" 1 migrate/enospc -- mg_fw ENOSPC 100 2
else
	echo "ok - kernel errors # SKIP failwrite (seccomp) cannot be built or run: $(tail -1 "$work/log")"
fi
# the kernel's EINVAL, without seccomp: /proc/self/oom_score_adj (of migrate
# itself, so harmless) refuses values above 1000
rm "$g" && ln -s /proc/self/oom_score_adj "$g"
check "kernel: EINVAL from a real proc file" 1 migrate/einval-5000 -- mg 100 5000
finish
