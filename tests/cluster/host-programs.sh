#!/bin/sh
# cluster: --nodes 1
# Real programs from the host's root run inside a node (the migration tests
# rely on this): awk, sha256sum, gzip and python3 under chroot /host.
. /usr/lib/hpc/testlib.sh

check "proc, dev and tmp mount inside /host" host_chroot_ready
check_eq "awk from the host computes" 5050 \
	"$(chroot /host /usr/bin/awk 'BEGIN { for (i = 1; i <= 100; i++) s += i; print s }')"
check_eq "sha256sum from the host agrees with busybox" \
	"$(printf openmosix | sha256sum)" "$(printf openmosix | chroot /host /usr/bin/sha256sum)"
check_eq "gzip from the host round-trips" hello \
	"$(echo hello | chroot /host /bin/gzip | chroot /host /bin/gzip -d)"
check_eq "python3 from the host runs" 42 "$(chroot /host /usr/bin/python3 -c 'print(6 * 7)')"
finish
