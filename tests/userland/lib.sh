# Helpers for the userland tests; source this file.
# BIN: the built tools. Each check prints "ok - NAME" or "not ok - NAME: why".

: "${BIN:?BIN must name the directory of the built tools}"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
golden=$here/golden
failures=0

ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1: $2"; failures=$((failures + 1)); }

# check NAME EXPECTED_STATUS GOLDEN_FILE -- COMMAND...
# Runs COMMAND, compares stdout+stderr with golden/GOLDEN_FILE and the exit
# status with EXPECTED_STATUS. UPDATE_GOLDEN=1 rewrites the golden file.
check() {
	local name=$1 want=$2 gold=$golden/$3 out status
	shift 4
	out=$("$@" 2>&1) && status=0 || status=$?
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		mkdir -p "$(dirname "$gold")"
		printf '%s\n' "$out" > "$gold"
	fi
	if [ "$status" != "$want" ]; then
		not_ok "$name" "exit status $status, expected $want; output: $out"
	elif [ ! -f "$gold" ]; then
		not_ok "$name" "missing golden file $gold"
	elif ! diff -u "$gold" <(printf '%s\n' "$out") >/dev/null; then
		not_ok "$name" "output differs from $gold: $(diff -u "$gold" <(printf '%s\n' "$out") | tail -n +3 | head -20)"
	else
		ok "$name"
	fi
}

# A fresh fake proc root with the admin files at their defaults and the
# given nodes (ids) present and up. Prints its path.
fake_proc() {
	local root id
	root=$(mktemp -d)
	mkdir -p "$root/hpc/admin" "$root/hpc/nodes"
	for f in stay lstay block quiet nomfs; do echo 0 > "$root/hpc/admin/$f"; done
	echo 0 > "$root/hpc/admin/mospe"
	echo 10000 > "$root/hpc/admin/speed"
	echo 1 > "$root/hpc/admin/decay-interval"
	echo 975 > "$root/hpc/admin/slow-decay"
	echo 926 > "$root/hpc/admin/fast-decay"
	: > "$root/hpc/admin/config"
	for id in "$@"; do
		mkdir -p "$root/hpc/nodes/$id"
		echo 1 > "$root/hpc/nodes/$id/CPUs"
		echo 0 > "$root/hpc/nodes/$id/load"
		echo 10000 > "$root/hpc/nodes/$id/speed"
		echo up > "$root/hpc/nodes/$id/status"
		echo 268435456 > "$root/hpc/nodes/$id/tmem"
		echo 201326592 > "$root/hpc/nodes/$id/mem"
		echo 201326592 > "$root/hpc/nodes/$id/rmem"
		echo 0 > "$root/hpc/nodes/$id/util"
	done
	echo "$root"
}

# run COMMAND...: run it with stdout and stderr together and the test's
# temporary directories ($root, $work) shown as $ROOT and $WORK, so golden
# files do not depend on mktemp. Keeps COMMAND's exit status.
run() {
	local out status
	out=$("$@" 2>&1) && status=0 || status=$?
	printf '%s\n' "$out" | sed -e "s|${root:-/nonexistent-root}|\$ROOT|g" \
		-e "s|${work:-/nonexistent-work}|\$WORK|g"
	return "$status"
}

# same_file NAME FILE EXPECTED_CONTENT: FILE holds exactly that.
same_file() {
	local got
	got=$(cat "$2" 2>&1)
	if [ "$got" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "$2 holds '$got', expected '$3'"
	fi
}

finish() { [ "$failures" = 0 ]; }
