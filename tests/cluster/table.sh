#!/bin/sh
# cluster: --nodes 3
# The node table changes while the cluster runs: nodes leave and join,
# bad tables are refused with the reason in the log and the old table stays,
# and this node can leave the cluster and come back.
. /usr/lib/hpc/testlib.sh

admin=/proc/hpc/admin
up() { [ "$(cut -d' ' -f1 /proc/hpc/nodes/$1/status 2>/dev/null)" = up ]; }
write() { sh -c 'echo -n "$2" > "$1"' write "$1" "$2"; }

for n in 2 3; do check "node $n up at start" wait_for 30 up "$n"; done
check_eq "the boot table is loaded" "1 10.77.0.1 3" "$(cat $admin/config)"
check_eq "this is node 1" 1 "$(cat $admin/mospe)"

echo "1 10.77.0.1 2" > /tmp/two.map
check "setpe loads a table without node 3" setpe -w -f /tmp/two.map
check_eq "the kernel has the smaller table" "1 10.77.0.1 2" "$(cat $admin/config)"
check "node 3 is gone from /proc/hpc/nodes" test ! -e /proc/hpc/nodes/3
check "node 2 stays up across the change" up 2

check "setpe loads the full table again" setpe -w -f /etc/openmosix.map
check "node 3 is back in /proc/hpc/nodes" test -d /proc/hpc/nodes/3
check "node 3 comes back up" wait_for 30 up 3

for bad in "1 10.77.0.1 3
2 10.77.0.9 1" "1 10.77.0.2 2" "1 127.0.0.1 1" "0 10.77.0.1 3" "1 10.77.0.1" "1 10.77.0.1 3 4"; do
	check_fails "the kernel refuses '$(echo "$bad" | tr '\n' '|')'" "Invalid argument" \
		write $admin/config "$bad"
	check_eq "the table stays after '$(echo "$bad" | tr '\n' '|')'" "1 10.77.0.1 3" "$(cat $admin/config)"
done
check "the log names the line and the problem" sh -c \
	"dmesg | grep -q 'node table refused: line 2: ids 2-2 overlap ids 1-3 of line 1'"
check "the log says when this node is missing" sh -c \
	"dmesg | grep -q 'node table refused: it is well-formatted, but no address of this node is in it'"
check_fails "mospe refuses another node's id" "Invalid argument" write $admin/mospe 2
check_fails "mospe refuses an id outside the table" "Invalid argument" write $admin/mospe 9
check_eq "mospe stays" 1 "$(cat $admin/mospe)"
check "node 2 is still up after all that" up 2

check "setpe -off leaves the cluster" setpe -off
check_eq "no table after setpe -off" "" "$(cat $admin/config)"
check_eq "mospe is 0 after setpe -off" 0 "$(cat $admin/mospe)"
check_eq "/proc/hpc/nodes is empty after setpe -off" "" "$(ls /proc/hpc/nodes)"
check "the node joins again" setpe -w -f /etc/openmosix.map
check "node 2 is seen up again after rejoining" wait_for 30 up 2
check "node 3 is seen up again after rejoining" wait_for 30 up 3
check_no_leaks
finish
