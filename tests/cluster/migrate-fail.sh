#!/bin/sh
# cluster: --nodes 2 --all
# Failures: a guest killed on the node it runs on, and a node that drops
# off the network while it runs a guest. Home never hangs: the process
# ends with SIGKILL and a logged reason; the guest of a lost home is
# killed too; afterwards migration works again; nothing leaks.
. /usr/lib/hpc/testlib.sh
M=/usr/lib/hpc/migtest

if [ "$NODE" = 2 ]; then
	# 1: kill the guest here.
	if wait_for 120 has_guests; then
		# Give home time to see the process here first.
		sleep 3
		g=$(ls /proc/hpc/remote | head -1)
		kill -9 "$g"
		check "node 2: the guest killed here is gone" wait_for 30 no_guests
	else
		not_ok "node 2: no guest to kill"
	fi
	# 2: drop off the network with a guest.
	if wait_for 120 has_guests; then
		sleep 2
		ip link set eth0 down
		check "node 2: the guest of a lost home is killed" wait_for 30 no_guests
		check "node 2: the log says why" sh -c "dmesg | grep -q 'node 1 is down: ending the guest'"
		check "node 2: the connections with node 1 are closed" \
			wait_for 10 sh -c "dmesg | grep -q 'node 1 is lost: closing its connections'"
		sleep 3
		ip link set eth0 up
	else
		not_ok "node 2: no second guest"
	fi
	# 3: a guest that ends normally.
	check "node 2: a third guest comes" wait_for 120 has_guests
	check "node 2: and goes" wait_for 120 no_guests
	check_no_leaks
	finish
fi

check "node 2 is up" wait_for 60 node_up 2
$M spin 4 100000000 > /dev/null &
pid=$!
check "migrate to node 2" migrate "$pid" 2
check "it runs on node 2" wait_where 60 "$pid" 2
wait "$pid"
check_eq "killed on node 2: it ends with SIGKILL at home" 137 "$?"
check "the log says it was killed there" \
	sh -c "dmesg | grep -q 'process $pid (migtest) killed: its remote on node 2 ended (it was killed there)'"

$M spin 4 100000000 > /dev/null &
pid=$!
check "migrate to node 2 again" migrate "$pid" 2
check "it runs on node 2 again" wait_where 60 "$pid" 2
wait "$pid"
check_eq "node 2 lost: it ends with SIGKILL at home" 137 "$?"
check "the log says why" sh -c "dmesg | grep -q 'process $pid: node 2 is down: ending the process'"
# Its connections lived through the outage: they are closed, so the next
# migration does not wait behind TCP's backed-off retransmissions.
check "the connections with the lost node are closed" \
	wait_for 10 sh -c "dmesg | grep -q 'node 2 is lost: closing its connections'"

check "node 2 is back" wait_for 60 node_up 2
# It computes until told to stop, so it cannot end before it moves.
rm -f /tmp/migtest-stop
$M spin 4 0 > /tmp/out &
pid=$!
check "migration works again" migrate "$pid" 2
check "it runs on node 2 once more" wait_where 60 "$pid" 2
sleep 2
end_spin "the third process" "$pid" 4 /tmp/out
check_no_leaks
finish
