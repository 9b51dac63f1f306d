#!/bin/sh
# cluster: --nodes 1 --bare
# The ABI of /proc/hpc/admin (Documentation/ABI/testing/procfs-hpc): every
# file exists with its mode and default, good writes stick, bad writes fail
# with the documented errno and change nothing.
. /usr/lib/hpc/testlib.sh

admin=/proc/hpc/admin

# name default min max (mospe has its own checks below: it must name this node)
settings="stay 0 0 1
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
		shown=$(printf '%s' "$bad" | tr '\n' '~')
		check_fails "$name refuses '$shown'" "Invalid argument" write "$f" "$bad"
		check_eq "$name still $min after '$shown'" "$min" "$(cat "$f")"
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

# mospe: 0 (no cluster) by default; without a node table no other id is one
# of this node's, so every other value is refused.
check_eq "mospe has mode 644" 644 "$(stat -c %a $admin/mospe)"
check_eq "mospe defaults to 0" 0 "$(cat $admin/mospe)"
check "mospe accepts 0" write $admin/mospe 0
for bad in 1 65535 65536 -1 x; do
	check_fails "mospe refuses '$bad' without a node table" "Invalid argument" write $admin/mospe "$bad"
	check_eq "mospe still 0 after '$bad'" 0 "$(cat $admin/mospe)"
done

# config: the node table, empty until one is loaded.
check_eq "config has mode 644" 644 "$(stat -c %a $admin/config)"
check_eq "config is empty at boot on a bare node" "" "$(cat $admin/config)"
check_fails "config refuses a table without this node" "Invalid argument" \
	write $admin/config "1 10.77.0.2 1"
check_fails "config refuses 127.0.0.1" "Invalid argument" write $admin/config "1 127.0.0.1 1"
check_fails "config refuses garbage" "Invalid argument" write $admin/config "hello"
check_fails "config refuses a non-root writer" "Permission denied" \
	su -s /bin/sh nobody -c "echo '1 10.77.0.1 1' > $admin/config"
check_eq "config still empty after the refusals" "" "$(cat $admin/config)"
check "a refused table is explained in the kernel log" sh -c \
	"dmesg | grep -q 'node table refused: line 1: 127.0.0.1'"

# key: write-only; never readable, not even by root.
check_eq "key has mode 200" 200 "$(stat -c %a $admin/key)"
check_fails "key cannot be read back by root" "Operation not permitted" cat $admin/key
check_fails "key refuses a short key" "Invalid argument" write $admin/key "abcd"
check_fails "key refuses non-hex text" "Invalid argument" \
	write $admin/key "zz6f70656e6d6f7369782074657374206b6579206f6620746865206861726e6573"
check "key accepts 64 hex digits" write $admin/key "$(cat /etc/hpc/test-key)"
check_fails "key refuses a non-root writer" "Permission denied" \
	su -s /bin/sh nobody -c "echo 00112233445566778899aabbccddeeff > $admin/key"

# bring and expel: write-only triggers, 1 only, root only.
for t in bring expel; do
	check_eq "$t has mode 200" 200 "$(stat -c %a $admin/$t)"
	check "$t accepts 1" write $admin/$t 1
	check_fails "$t refuses 0" "Invalid argument" write $admin/$t 0
	check_fails "$t refuses garbage" "Invalid argument" write $admin/$t "yes"
	check_fails "$t refuses a non-root writer" "Permission denied" \
		su -s /bin/sh nobody -c "echo 1 > $admin/$t"
done

check_eq "admin holds exactly the documented files" \
	"$( (echo "$settings" | cut -d' ' -f1; echo mospe; echo config; echo key; echo bring; echo expel) | sort | tr '\n' ' ')" \
	"$(ls $admin | sort | tr '\n' ' ')"
finish
