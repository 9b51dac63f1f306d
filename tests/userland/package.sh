# The tools package of `make deb` (DEB=tools): it builds, and holds every
# tool, its man page, the init script and the systemd unit.
. "$(dirname "$0")/lib.sh"

top=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! BUILD=${BUILD:-$top/build} DEB=tools "$top/scripts/mkdeb" > "$out/log" 2>&1; then
	not_ok "DEB=tools scripts/mkdeb builds" "$(tail -5 "$out/log")"
	finish
	exit
fi
ok "DEB=tools scripts/mkdeb builds"
deb=$(ls -t "${BUILD:-$top/build}"/deb/openmosix-tools_*.deb | head -1)
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' > "$out/files"
for f in /usr/bin/mosctl /usr/bin/setpe /usr/bin/showmap /usr/bin/mosmon /usr/bin/mon \
	/usr/share/man/man1/mosctl.1 /usr/share/man/man8/setpe.8 /usr/share/man/man1/showmap.1 \
	/usr/share/man/man1/mosmon.1 /usr/share/man/man5/openmosix.map.5 \
	/etc/init.d/openmosix /lib/systemd/system/openmosix.service; do
	if grep -qx "$f" "$out/files"; then ok "the package holds $f"; else not_ok "the package holds $f" "missing"; fi
done
# Every tool built has a man page in the package.
for t in $(ls "$BIN"); do
	grep -q "/usr/share/man/man[158]/$t\.[158]$" "$out/files" && ok "$t has a man page" ||
		not_ok "$t has a man page" "no man page for $t in $deb"
done
check "the package's control file names it" 0 package/control -- \
	sh -c "dpkg-deb -f '$deb' Package Section"
finish
