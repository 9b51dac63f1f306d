#!/bin/bash
# Tests of mosrun(1) and its presets against a fake proc tree: what mosrun
# writes to its own /proc/self files and /proc/hpc/decay before it becomes
# the command, that it really execs the command (arguments, -z, exit
# status), and every error path, the kernel's refusals included (faked with
# tests/userland/unit/failwrite). Run: BIN=.../build/bin bash tests/userland/mosrun.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ ! -x "$BIN/mosrun" ]; then
	not_ok "mosrun is built" "no executable $BIN/mosrun"
	exit 1
fi

work=$(mktemp -d)
root=$(fake_proc 1 2 3)
trap 'rm -rf "$work" "$root"' EXIT
files="self/lock self/goto hpc/decay/clear hpc/decay/cpujob hpc/decay/iojob hpc/decay/slow hpc/decay/fast"

# Every file at "-" (not written), mosrun at home unless told.
reset() {
	local f
	rm -rf "$root/self" "$root/hpc/decay"
	mkdir -p "$root/self" "$root/hpc/decay"
	for f in $files; do echo - > "$root/$f"; done
	echo "${1:-0}" > "$root/self/where"
	: > "$root/self/cantmove"
}

# The command mosrun runs in most tests: it prints what mosrun wrote.
state='for f in '$files'; do printf "%s=%s " "${f##*/}" "$(cat "$ROOT/$f")"; done; echo "args:$*"'

# mr PROGRAM ARGS...: run mosrun (or a preset) in the tree; COMMAND "state"
# stands for the state printer above.
mr() {
	local prog=$1 a args=()
	shift
	for a in "$@"; do
		if [ "$a" = state ]; then args+=(sh -c "$state" sh); else args+=("$a"); fi
	done
	ROOT=$root HPC_PROC_ROOT=$root run ${fw_errno:+"$fw" "$fw_errno"} "$BIN/$prog" "${args[@]}"
}

# --- usage ---------------------------------------------------------------------
for p in mosrun nomig runhome runon cpujob iojob nodecay slowdecay fastdecay; do
	check "$p --help" 0 "mosrun/usage-$p" -- mr "$p" --help
done
reset
check "no command" 2 mosrun/no-command -- mr mosrun
check "options, no command" 2 mosrun/no-command -- mr mosrun -c -L
check "unknown option" 2 mosrun/unknown-option -- mr mosrun -x state
check "-h and a node" 2 mosrun/two-places -- mr mosrun -h -3 state
check "a node and -j" 2 mosrun/two-places -- mr mosrun -3 -j1-3 state
check "-l and -L" 2 mosrun/two-locks -- mr mosrun -l -L state
check "-L and -k in one word" 2 mosrun/two-locks -- mr mosrun -Lk state
check "-c and -i" 2 mosrun/two-decays -- mr mosrun -c -i state
check "-F without a node" 2 mosrun/f-alone -- mr mosrun -F state
check "-z without argv[0]" 2 mosrun/z-alone -- mr mosrun -z true
check "node 0" 2 mosrun/bad-node-0 -- mr mosrun -0 state
check "node too large" 2 mosrun/bad-node-large -- mr mosrun -65536 state
check "node with letters" 2 mosrun/bad-node-letters -- mr mosrun -3x state
check "-j without a list" 2 mosrun/j-missing -- mr mosrun -j
check "-j 0" 2 mosrun/bad-list-0 -- mr mosrun -j0 state
check "-j backwards range" 2 mosrun/bad-list-backwards -- mr mosrun -j 3-1 state
check "-j empty item" 2 mosrun/bad-list-empty -- mr mosrun -j1,,2 state
check "-j trailing comma" 2 mosrun/bad-list-comma -- mr mosrun -j1, state
check "-j letters" 2 mosrun/bad-list-letters -- mr mosrun -jx state
check "-n is refused" 1 mosrun/no-decay -- mr mosrun -n state
check "-d is refused" 1 mosrun/decay-rate -- mr mosrun -d 500 state
check "-t is refused" 1 mosrun/decay-time -- mr mosrun -t 5 state
check "-e is refused" 1 mosrun/old-e -- mr mosrun -e state
check "runon without a node" 2 mosrun/runon-missing -- mr runon
check "runon bad node" 2 mosrun/runon-bad -- mr runon fast state
check "runon with a decay option" 2 mosrun/runon-option -- mr runon 2 -c state
check "nomig with a node" 2 mosrun/nomig-option -- mr nomig -2 state
check "runhome with -j" 2 mosrun/runhome-option -- mr runhome -j2 state
check "cpujob with -L" 2 mosrun/cpujob-option -- mr cpujob -L state
check "nodecay is refused" 1 mosrun/nodecay -- mr nodecay state
same_file "nothing written on errors" "$root/self/lock" -

# --- what it writes ------------------------------------------------------------
# check_run NAME GOLDEN [WHERE] -- PROGRAM ARGS...
check_run() {
	local name=$1 gold=$2
	shift 2
	reset
	check "$name" 0 "mosrun/$gold" -- mr "$@"
}
check_run "plain: locked" plain mosrun state a b
check_run "-L" plain mosrun -L state a b
check_run "-l: unlocked" unlock mosrun -l state
check_run "-k: lock kept" nothing mosrun -k state
check_run "-h at home: locked, no goto" plain mosrun -h state a b
reset 5
check "-h away: brought home and locked" 0 mosrun/home-away -- mr mosrun -h state
check_run "-3: goto 3, locked" node3 mosrun -3 state
check_run "-3 -l: goto 3, unlocked" node3-unlock mosrun -3 -l state
check_run "-3 -k: goto 3, lock kept" node3-keep mosrun -3 -k state
check_run "-j2" node2 mosrun -j2 state
check_run "-j 2-2" node2 mosrun -j 2-2 state
check_run "-j2,2" node2 mosrun -j2,2 state
reset
for i in 1 2 3 4 5 6 7 8 9 10; do
	mr mosrun -j 1-3,7 state | sed 's/.*goto=\([0-9]*\) .*/\1/'
done | sort -u > "$work/drawn"
if grep -qvx '[1237]' "$work/drawn"; then
	not_ok "-j1-3,7 draws from the list" "drew $(tr '\n' ' ' < "$work/drawn")"
else
	ok "-j1-3,7 draws from the list"
fi
check_run "-c: cpujob, lock kept" cpujob mosrun -c state
check_run "-c -L" cpujob-lock mosrun -c -L state
check_run "-i" iojob mosrun -i state
check_run "-s" slow mosrun -s state
check_run "-f" fast mosrun -f state
check_run "-c -3 -F in one go" cpujob-node3 mosrun -c -3 -F state
check_run "options after --" plain mosrun -- state a b
check_run "-z: argv[0]" argv0 mosrun -z sh myname -c 'echo "argv0=$0"'
check_run "nomig" plain nomig state a b
check_run "runhome at home" plain runhome state a b
reset 5
check "runhome away" 0 mosrun/home-away -- mr runhome state
check_run "runon 3" node3 runon 3 state
check_run "runon 3 -z" argv0 runon 3 -z sh myname -c 'echo "argv0=$0"'
check_run "runon home" plain runon home state a b
check_run "cpujob" cpujob cpujob state
check_run "cpujob -3" cpujob-node3-locked cpujob -3 state
check_run "cpujob -h" cpujob-home cpujob -h state
check_run "iojob" iojob iojob state
check_run "slowdecay" slow slowdecay state
check_run "fastdecay" fast fastdecay state
check_run "another name is mosrun" plain "../bin/mosrun" state a b

# --- the command -----------------------------------------------------------------
reset
check "the command's exit status" 7 mosrun/empty -- mr mosrun sh -c 'exit 7'
check "command not found" 127 mosrun/not-found -- mr mosrun no-such-command-here
check "command not executable" 126 mosrun/not-executable -- mr mosrun "$root/hpc"

# --- the kernel's refusals ---------------------------------------------------------
reset
rm "$root/self/lock"
check "no /proc/self/lock: not openMosix" 1 mosrun/no-lock -- mr mosrun state
reset
rm "$root/self/goto"
check "no /proc/self/goto" 1 mosrun/no-goto -- mr mosrun -2 state
reset
rm "$root/self/where"
check "no /proc/self/where (-h)" 1 mosrun/no-where -- mr mosrun -h state
reset
rm "$root/hpc/decay/cpujob"
check "no /proc/hpc/decay/cpujob" 1 mosrun/no-cpujob -- mr cpujob state
reset
rm "$root/self/lock" && mkdir "$root/self/lock"
check "lock is a directory" 1 mosrun/lock-eisdir -- mr mosrun state

fw=
if make -s -C "$here/unit" O="$work" "$work/failwrite" > "$work/log" 2>&1 &&
	"$work/failwrite" EPERM true; then
	fw=$work/failwrite
fi
if [ -n "$fw" ]; then
	reset
	fw_errno=EINVAL check "kernel: node down" 1 mosrun/einval -- mr mosrun -9 state
	fw_errno=EINVAL check "kernel: node down, -F runs here" 0 mosrun/einval-f -- \
		mr mosrun -9 -F state
	echo "shared writable memory" > "$root/self/cantmove"
	fw_errno=EBUSY check "kernel: cannot move now" 1 mosrun/ebusy -- mr runon 2 state
	fw_errno=EPERM check "kernel: lock refused" 1 mosrun/eperm -- mr nomig state
	fw_errno=EINVAL check "kernel: decay refused" 1 mosrun/decay-einval -- mr iojob state
else
	echo "ok - kernel errors # SKIP failwrite (seccomp) cannot be built or run: $(tail -1 "$work/log")"
fi
finish
