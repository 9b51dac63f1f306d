#!/bin/sh
# cluster: --nodes 1 --bare
# The ABI of /proc/hpc/admin (Documentation/ABI/testing/procfs-hpc): every
# file exists with its mode and default, good writes stick, bad writes fail
# with the documented errno and change nothing.
. /usr/lib/hpc/testlib.sh

admin=/proc/hpc/admin

# name default min max
settings="mospe 0 0 65535
stay 0 0 1
lstay 0 0 1
block 0 0 1
quiet 0 0 1
nomfs 0 0 1
speed 10000 1 1000000
decay-interval 1 1 3600
slow-decay 975 1 1000
fast-decay 926 1 1000"

# One write(2) of exactly the given bytes; errors come out as strerror text.
write() { sh -c 'echo -n "$2" > "$1"' write "$1" "$2"; }

echo "$settings" | while read -r name def min max; do
	f=$admin/$name
	check "$name exists" test -f "$f"
	check_eq "$name has mode 644" 644 "$(stat -c %a "$f")"
	check_eq "$name is owned by root" 0:0 "$(stat -c %u:%g "$f")"
	check_eq "$name defaults to $def" "$def" "$(cat "$f")"

	check "$name accepts its maximum $max" write "$f" "$max"
	check_eq "$name keeps $max" "$max" "$(cat "$f")"
	check "$name accepts its minimum $min with a newline" write "$f" "$min
"
	check_eq "$name keeps $min" "$min" "$(cat "$f")"

	for bad in "$((max + 1))" "$((min - 1))" "x" "1x" " 1" "
" "0x1" "1.5" \
		"99999999999999999999" "$(printf '%040d' 1)"; do
		check_fails "$name refuses '$bad'" "Invalid argument" write "$f" "$bad"
		check_eq "$name still $min after '$bad'" "$min" "$(cat "$f")"
	done

	check_fails "$name refuses a non-root writer" "Permission denied" \
		su -s /bin/sh nobody -c "echo $max > $f"
	check_eq "$name still $min after the non-root write" "$min" "$(cat "$f")"
	check "$name is readable by non-root" su -s /bin/sh nobody -c "cat $f"

	write "$f" "$def"
	check_eq "$name back to $def" "$def" "$(cat "$f")"
done

# Root without CAP_SYS_ADMIN passes the file mode but not the capability check.
if host_chroot_ready && [ -x /host/usr/bin/setpriv ]; then
	check_fails "stay refuses root without CAP_SYS_ADMIN" "Operation not permitted" \
		sh -c 'echo 1 | chroot /host /usr/bin/setpriv --inh-caps=-sys_admin \
			--bounding-set=-sys_admin /bin/dd of=/proc/hpc/admin/stay conv=notrunc status=none'
	check_eq "stay unchanged after the capability-less write" 0 "$(cat $admin/stay)"
else
	not_ok "setpriv from the host is needed to test CAP_SYS_ADMIN"
fi

check_eq "admin holds exactly the documented files" \
	"$(echo "$settings" | cut -d' ' -f1 | sort | tr '\n' ' ')" \
	"$(ls $admin | sort | tr '\n' ' ')"
finish
