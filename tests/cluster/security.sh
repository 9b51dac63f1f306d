#!/bin/sh
# cluster: --nodes 3 --all
# Only nodes holding the cluster key take part: a node whose key differs is
# refused by the others and says so in their logs (once, rate-limited), and
# a connection that does not authenticate gets nothing.
. /usr/lib/hpc/testlib.sh

up() { [ "$(cut -d' ' -f1 /proc/hpc/nodes/$1/status)" = up ]; }
down() { [ "$(cut -d' ' -f1 /proc/hpc/nodes/$1/status)" = down ]; }
logged() { dmesg | grep -q "$1"; }

for n in 1 2 3; do check "node $NODE sees node $n up" wait_for 30 up "$n"; done

case $NODE in
1)
	check "node 1 sees node 3 down once its key differs" wait_for 40 down 3
	check "node 1 logs why node 3 is refused" wait_for 20 logged \
		"node 3 (10.77.0.3) refused: it holds a different cluster key"
	check "node 1 still sees node 2 up" up 2
	n=$(dmesg | grep -c "node 3 (10.77.0.3) refused")
	check "the refusal is rate-limited (logged $n times)" test "$n" -le 12
	# Garbage instead of a handshake: node 2 must refuse it.
	echo "GET / HTTP/1.0" | nc -w 3 10.77.0.2 4660 >/tmp/answer 2>&1
	check "a connection without a handshake gets no answer" test ! -s /tmp/answer
	;;
2)
	check "node 2 sees node 3 down once its key differs" wait_for 40 down 3
	check "node 2 refuses a connection without a valid HELLO" wait_for 40 logged \
		"connection from 10.77.0.1 refused: no valid HELLO"
	check "node 2 still sees node 1 up" up 1
	;;
3)
	sleep 2
	check "node 3 takes a different key" sh -c \
		'echo 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff > /proc/hpc/admin/key'
	check "node 3 sees node 1 down: it is refused" wait_for 40 down 1
	check "node 3 logs that it is refused" wait_for 20 logged "refused us: it holds a different cluster key"
	;;
esac
check_no_leaks
finish
