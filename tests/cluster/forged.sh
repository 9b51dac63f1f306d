#!/bin/sh
# cluster: --nodes 2 --all
# Every message after the handshake is authenticated, on a real node: node 1
# runs /usr/lib/hpc/forge, which authenticates to node 2 as node 1 with the
# cluster key and then sends a correct message (answered), a replayed one, one
# with a bit flipped and one out of sequence. Node 2 must close each of the
# bad connections and log why, and the cluster must not notice any of it.
. /usr/lib/hpc/testlib.sh

FORGE=/usr/lib/hpc/forge
KEY=$(cat /etc/hpc/test-key)
REPLAYED="node 1 (10.77.0.1): message refused (the message is out of sequence: replayed, reordered or lost): closing the connection"
FORGED="node 1 (10.77.0.1): message refused (the message authentication code does not verify: forged or corrupted): closing the connection"

up() { [ "$(cut -d' ' -f1 /proc/hpc/nodes/$1/status)" = up ]; }
logged() { dmesg | grep -cF "$1"; }

# forge MODE: node 1's forge against node 2, as "OUTPUT (exit STATUS)".
forge() {
	_o=$("$FORGE" "$(node_addr 2)" 4660 1 2 "$KEY" "$1" 2>&1)
	_rc=$?
	echo "$_o (exit $_rc)"
}

if [ ! -x "$FORGE" ]; then
	not_ok "$FORGE is missing (tests/cluster/progs builds it, scripts/mkinitramfs copies it)"
	finish
fi
for n in 1 2; do check "node $NODE sees node $n up" wait_for 60 up "$n"; done

case $NODE in
1)
	check "forge computes the key id, proofs and session keys of security.rst" \
		"$FORGE" --selftest
	check_eq "node 2 accepts a correct LOAD and answers a PING" \
		"accepted (exit 0)" "$(forge good)"
	check_eq "node 2 closes the connection on a replayed message" \
		"closed (exit 0)" "$(forge replay)"
	check_eq "node 2 closes the connection on a message with a bit flipped" \
		"closed (exit 0)" "$(forge forged)"
	check_eq "node 2 closes the connection on a message out of sequence" \
		"closed (exit 0)" "$(forge badseq)"
	check_eq "node 2 still accepts a correct connection afterwards" \
		"accepted (exit 0)" "$(forge good)"
	check "node 1 still sees node 2 up" up 2
	;;
2)
	# Watch node 1's status while waiting for the refusals to be logged.
	end=$(($(date +%s) + 240)) downs=0
	while [ "$(logged "$REPLAYED")" -lt 2 ] || [ "$(logged "$FORGED")" -lt 1 ]; do
		up 1 || downs=$((downs + 1))
		[ "$(date +%s)" -ge "$end" ] && break
		sleep 0.2
	done
	check_eq "node 2 logs the refusal of the replayed and the out-of-sequence message" \
		2 "$(logged "$REPLAYED")"
	check_eq "node 2 logs the refusal of the altered message" 1 "$(logged "$FORGED")"
	check_eq "node 2 never saw node 1 down meanwhile" 0 "$downs"
	# The second correct connection must not be refused either.
	sleep 5
	check_eq "no other message of node 1 is refused" 3 \
		"$(dmesg | grep -c 'node 1 (10.77.0.1): message refused')"
	check "node 2 still sees node 1 up" up 1
	;;
esac
check_no_leaks
finish
