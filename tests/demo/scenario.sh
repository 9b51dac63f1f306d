#!/bin/sh
# The demo: a 3-node openMosix cluster, and ordinary programs moving through
# it while they run, with the same results as runs that never moved.
. /usr/lib/hpc/testlib.sh

echo "== This is node $NODE of $NODES, $(uname -r)"
for peer in $(seq 1 "$NODES"); do
	[ "$peer" = "$NODE" ] && continue
	if wait_for 60 node_up "$peer"; then
		echo "== node $peer ($(node_addr "$peer")) is up"
	else
		echo "== node $peer does not answer"
	fi
done
echo "== /proc/hpc/admin on this node:"
for f in /proc/hpc/admin/*; do
	[ -r "$f" ] && printf '  %-16s %s\n' "${f##*/}" "$(cat "$f" 2>/dev/null)"
done
echo "== mosmon --once:"
mosmon --once --width 60 --height 16

# An awk loop that computes until /tmp/stop exists (or, given n, for n
# rounds), then prints how far it went and its checksum.
loop='BEGIN {
	for (i = 1; ; i++) {
		s = (s * 31 + i) % 1000003
		if (i % 100000 == 0 && (n ? i >= n : (getline x < "/tmp/stop") >= 0))
			break
	}
	print i, s
}'
rm -f /tmp/stop
awk "$loop" > /tmp/moved &
pid=$!
sleep 1
echo "== awk runs at home as process $pid; mps -p $pid:"
mps -p "$pid"
for to in 2 3 home; do
	echo "== migrate $pid $to"
	migrate "$pid" "$to"
	if [ "$to" = home ]; then want=0; else want=$to; fi
	wait_where 60 "$pid" "$want" || echo "== it did not get to $to"
	echo "   /proc/$pid/where: $(where "$pid"), nmigs: $(cat "/proc/$pid/nmigs" 2>/dev/null)"
	mps -p "$pid" | tail -1
	sleep 3
done
touch /tmp/stop
wait "$pid"
echo "== awk ended with status $?; it printed: $(cat /tmp/moved)"
awk -v n="$(cut -d' ' -f1 /tmp/moved)" "$loop" > /tmp/stayed
if cmp -s /tmp/moved /tmp/stayed; then
	echo "== the same loop run without moving printed the same: $(cat /tmp/stayed)"
else
	echo "== a run that never moved printed something else: $(cat /tmp/stayed)"
fi

echo "== mosrun -2 md5sum of a 4 MB file (it starts on node 2), next to md5sum at home:"
dd if=/dev/urandom of=/tmp/big bs=1M count=4 2>/dev/null
echo "   mosrun -2: $(mosrun -2 md5sum /tmp/big)"
echo "   at home:   $(md5sum /tmp/big)"
