#!/bin/sh
# Form the cluster at boot, as the openmosix init script does on a real
# node: every node gets the same map (ids 1..N at 10.77.0.1..N) and the same
# cluster key. scripts/cluster --bare skips this.
mkdir -p /etc/openmosix
echo "1 10.77.0.1 $NODES" > /etc/openmosix.map
umask 077
echo "$(cat /etc/hpc/test-key)" > /etc/openmosix/key
if [ -x /etc/init.d/openmosix ]; then
	/etc/init.d/openmosix start
else
	cat /etc/openmosix/key > /proc/hpc/admin/key && setpe -w -f /etc/openmosix.map
fi
