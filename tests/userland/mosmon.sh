#!/bin/bash
# Tests of mosmon(1): golden --once frames of every view on fake clusters of
# 1, 3 and 40 nodes (golden/mosmon/), the odd cases (no nodes, nodes down,
# unreadable and huge values, tiny frames), every error path, the mon name,
# and one run of the interactive monitor under a pseudo-terminal.
# Run: BIN=.../build/bin bash tests/userland/mosmon.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

trees=()
root=
views="load speed mem rmem util cpus"

new_tree() {
	root=$(fake_proc "$@")
	trees+=("$root")
}

# set ID FILE VALUE
set_node() { echo "$3" > "$root/hpc/nodes/$1/$2"; }

# One node, this one, half busy.
one() {
	new_tree 1
	set_node 1 load 50
	set_node 1 util 50
	set_node 1 CPUs 2
	set_node 1 mem 67108864
	set_node 1 rmem 134217728
}

# Three nodes: 1 idle, 2 fast, busy, big and flagged, 3 down.
three() {
	new_tree 1 2 3
	set_node 1 load 25
	set_node 1 util 20
	set_node 2 CPUs 4
	set_node 2 load 310
	set_node 2 speed 15000
	set_node 2 util 100
	set_node 2 status "up stay block"
	set_node 2 tmem 1073741824
	set_node 2 mem 268435456
	set_node 2 rmem 536870912
	set_node 3 CPUs 2
	set_node 3 speed 8000
	set_node 3 status down
}

# Forty nodes of varied load, speed, memory and CPUs; 7, 20 and 33 down.
forty() {
	local i
	new_tree $(seq 1 40)
	for i in $(seq 1 40); do
		set_node "$i" load $((i * 37 % 400))
		set_node "$i" util $((i * 37 % 101))
		set_node "$i" speed $((5000 + i * 500))
		set_node "$i" CPUs $((i % 4 + 1))
		set_node "$i" tmem $(((i % 3 + 1) * 536870912))
		set_node "$i" mem $((i * 13 % 500 * 1048576))
		set_node "$i" rmem $((i * 17 % 500 * 1048576))
	done
	for i in 7 20 33; do set_node "$i" status down; done
}

# Run mosmon on the current tree; the temporary root is shown as /proc.
mm() {
	HPC_PROC_ROOT=$root "$BIN/mosmon" "$@" 2>&1 | sed -e "s|$root|/proc|g"
	return "${PIPESTATUS[0]}"
}

# --- usage and errors --------------------------------------------------------
new_tree 1
check "--help" 0 mosmon/help.txt -- "$BIN/mosmon" --help
check "-h" 0 mosmon/help.txt -- "$BIN/mosmon" -h
check "mon --help" 0 mosmon/mon-help.txt -- "$BIN/mon" --help
check "bad option" 2 mosmon/bad-option.txt -- "$BIN/mosmon" -x
check "bad long option" 2 mosmon/bad-long-option.txt -- "$BIN/mosmon" --bogus
check "bad view" 2 mosmon/bad-view.txt -- mm --once --view cpu
check "view missing" 2 mosmon/view-missing.txt -- mm --once --view
check "bad interval" 2 mosmon/bad-interval.txt -- mm -i 0
check "interval not a number" 2 mosmon/bad-interval-text.txt -- mm -i 1s
check "interval too long" 2 mosmon/bad-interval-long.txt -- mm -i 3601
check "bad width" 2 mosmon/bad-width.txt -- mm --once --width 0
check "bad height" 2 mosmon/bad-height.txt -- mm --once --height 10x
check "width without --once" 2 mosmon/width-no-once.txt -- mm --width 40
check "extra argument" 2 mosmon/extra-arg.txt -- mm --once load

root=$(mktemp -d)
trees+=("$root")
check "no /proc/hpc" 1 mosmon/no-hpc.txt -- mm --once
check "no /proc/hpc (interactive)" 1 mosmon/no-hpc.txt -- mm
new_tree 1
check "not a terminal" 1 mosmon/not-a-tty.txt -- mm </dev/null

# --- frames -------------------------------------------------------------------
one
for v in $views; do
	check "1 node: $v" 0 "mosmon/one-$v.txt" -- mm --once --view "$v" --width 50 --height 14
done
check "1 node: default size" 0 mosmon/one-default.txt -- mm --once

three
three_root=$root
for v in $views; do
	check "3 nodes: $v" 0 "mosmon/three-$v.txt" -- \
		mm --once -t --view "$v" --width 60 --height 16
done
check "3 nodes: dead hidden" 0 mosmon/three-hide-dead.txt -- \
	mm --once --total --hide-dead --width 60 --height 16
check "3 nodes: short frame marks down with x" 0 mosmon/three-short.txt -- \
	mm --once -v cpus --width 30 --height 8

forty
for v in $views; do
	check "40 nodes: $v" 0 "mosmon/forty-$v.txt" -- mm --once -t --view "$v"
done
check "40 nodes: dead hidden" 0 mosmon/forty-hide-dead.txt -- mm --once -d -v util
check "40 nodes: narrow frame scrolls" 0 mosmon/forty-narrow.txt -- \
	mm --once --width 40 --height 12
check "40 nodes: wide frame, ids side by side" 0 mosmon/forty-wide.txt -- \
	mm --once --width 140 --height 12

# --- odd cases ----------------------------------------------------------------
new_tree
check "no nodes" 0 mosmon/no-nodes.txt -- mm --once --width 40 --height 10

new_tree 3 7
set_node 3 status down
set_node 7 status "down block"
check "all down, hidden" 0 mosmon/all-down-hidden.txt -- mm --once -dt --width 40 --height 10
check "all down, shown" 0 mosmon/all-down.txt -- mm --once -t --width 40 --height 10

new_tree 2 9 65535
set_node 2 load garbage
: > "$root/hpc/nodes/9/speed"
rm "$root/hpc/nodes/9/tmem"
mkdir -p "$root/hpc/nodes/foo" "$root/hpc/nodes/0" "$root/hpc/nodes/070" \
	"$root/hpc/nodes/65536"
check "unreadable values, odd names skipped" 0 mosmon/unreadable.txt -- \
	mm --once --width 40 --height 10
check "unreadable memory" 0 mosmon/unreadable-mem.txt -- \
	mm --once -v mem --width 40 --height 10
check "unreadable speed" 0 mosmon/unreadable-speed.txt -- \
	mm --once -v speed --width 40 --height 10

new_tree 1 2
set_node 1 load 9223372036854775807
set_node 1 speed 9223372036854775807
set_node 1 tmem 9223372036854775807
set_node 1 mem 0
set_node 1 CPUs 100000
set_node 1 util 250
set_node 2 load -5
for v in $views; do
	check "huge values: $v" 0 "mosmon/huge-$v.txt" -- mm --once -v "$v" --width 40 --height 12
done

check "too small: narrow" 0 mosmon/small-narrow.txt -- mm --once --width 19 --height 24
check "too small: low" 0 mosmon/small-low.txt -- mm --once --width 80 --height 7
check "too small: 1x1" 0 mosmon/small-1x1.txt -- mm --once --width 1 --height 1
check "largest frame" 0 mosmon/largest.txt -- sh -c \
	"HPC_PROC_ROOT=$root '$BIN/mosmon' --once --width 1000 --height 1000 | wc -lc"

# A frame is plain text: no escape codes, no trailing blanks.
forty
out=$(mm --once -t -v mem)
if printf '%s\n' "$out" | grep -q $'\e\\|[[:blank:]]$'; then
	not_ok "plain text frame" "escape codes or trailing blanks in --once output"
else
	ok "plain text frame"
fi

# --- the mon name -------------------------------------------------------------
if [ "$(readlink "$BIN/mon")" = mosmon ] || cmp -s "$BIN/mon" "$BIN/mosmon"; then
	ok "mon is mosmon"
else
	not_ok "mon is mosmon" "$BIN/mon is neither a link to nor a copy of mosmon"
fi
check "mon --once" 0 mosmon/three-load.txt -- sh -c \
	"HPC_PROC_ROOT=$three_root '$BIN/mon' --once -t --width 60 --height 16"

# --- interactive, under a pseudo-terminal ---------------------------------------
# script(1) gives mosmon a terminal; keys are fed after it starts. Press h
# (the help screen), x (back), m (memory view), then q: mosmon must exit 0
# having drawn the help and the memory view. curses only redraws what
# changed, so look for single words only those screens hold.
if command -v script >/dev/null && infocmp vt100 >/dev/null 2>&1; then
	three
	log=$(mktemp)
	trees+=("$log")
	(sleep 0.5; printf h; sleep 0.3; printf x; sleep 0.3; printf m; sleep 0.3; printf q) |
		HPC_PROC_ROOT=$root TERM=vt100 COLUMNS=80 LINES=24 \
		timeout 20 script -qefc "$BIN/mosmon -i 0.2" /dev/null > "$log" 2>&1
	status=$?
	if [ "$status" != 0 ]; then
		not_ok "interactive: h then q" "exit status $status: $(head -c 300 "$log")"
	elif ! grep -aq Press "$log" || ! grep -aq Memory "$log"; then
		not_ok "interactive: h then q" "help screen or memory view not drawn"
	else
		ok "interactive: h then q"
	fi
	(sleep 0.3; printf q) |
		HPC_PROC_ROOT=$root TERM=no-such-terminal \
		timeout 20 script -qefc "$BIN/mosmon" /dev/null > "$log" 2>&1
	status=$?
	if [ "$status" = 1 ] && grep -aq "no-such-terminal" "$log"; then
		ok "interactive: unknown terminal type"
	else
		not_ok "interactive: unknown terminal type" "exit status $status: $(head -c 300 "$log")"
	fi
else
	echo "ok - interactive # SKIP no script(1) or no vt100 terminfo"
fi

rm -rf "${trees[@]}"
finish
