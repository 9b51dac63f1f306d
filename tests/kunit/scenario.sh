#!/bin/sh
# Report the KUnit suites that ran at boot as test lines. The suites of
# openMosix are named hpc-*; each must have run and passed.
. /usr/lib/hpc/testlib.sh

# Expected suites: every kunit_suite .name in kernel/hpc and fs/mfs.
suites="hpc-tunable hpc-nodemap hpc-wire hpc-auth"

log=/tmp/kunit.log
dmesg | sed 's/^\[[^]]*\] //' > "$log"

for suite in $suites; do
	if ! grep -q "^    # Subtest: $suite\$\|^# Subtest: $suite\$" "$log"; then
		not_ok "kunit suite $suite did not run"
		continue
	fi
	# The case lines of this suite: from its Subtest line to its result line.
	sed -n "/# Subtest: $suite\$/,/^\(    \)\{0,1\}\(not \)\{0,1\}ok [0-9]* $suite\$/p" "$log" |
		sed -n 's/^    \(not ok\|ok\) [0-9]* \([a-z0-9_]*\)$/\1 \2/p' |
		while read -r verdict name; do
			case $verdict in
			ok) echo "ok - kunit $suite: $name" ;;
			*) echo "not ok - kunit $suite: $name"; grep -B5 "not ok [0-9]* $name" "$log" ;;
			esac
		done
done
grep -q "^\(    \)\{0,1\}not ok" "$log" && { not_ok "a KUnit suite failed"; }
finish
