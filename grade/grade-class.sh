#!/bin/sh
# Grades a class: every hand-in in a directory, each on a pristine copy of
# this kit that takes from the hand-in nothing but the text of the
# exercise regions (between the BEGIN/END LAB n EXERCISE markers).
#
#   grade/grade-class.sh [options] HANDINS
#     --lab N              grade labs 1..N (default: the last lab)
#     --out DIR            where everything goes (default build/class)
#     -P N                 hand-ins graded at once (default: number of CPUs)
#     -j N                 tests at once within one hand-in (default 1)
#     --only A,B           grade only these tests (grade.sh --only)
#     --timeout SECONDS    limit for one hand-in's tests (default 1800)
#     --build-timeout S    limit for one hand-in's build (default 600)
#
# HANDINS holds one entry per student: a tarball from `make handin`
# (NAME.tar.gz, .tgz or .tar), a .zip, or a directory (a student's
# repository, or an unpacked hand-in). The student's name is the entry's
# name without its suffix.
#
# For each student, under DIR/students/NAME/: handin/ (the entry,
# unpacked, symbolic links removed), kit/ (this kit's files, without
# solutions/, with the student's exercise regions), kit/build/ (the
# build), out/ (grade.sh's results and logs), build.log, grade.log,
# report.txt, started and ended (times, in seconds). The hand-in's
# other files (tests, grade/, makefiles, headers, code outside the
# regions, added files) are never used; report.txt lists each one.
#
# Results: DIR/grades.csv (student,lab,test,verdict,points),
# DIR/totals.csv (student,score,max_score), DIR/json/NAME.json
# (Gradescope's results.json, with the report as its "output") and
# DIR/report.txt (every student's report).
#
# Isolation: each hand-in builds and runs in its own directory, with its
# own time limits (grade.sh's per-test timeouts and the two above) and a
# cap on the size of any file it writes. Its code runs either in QEMU or,
# for the host unit tests, as a user of its own (when run as root:
# uid GRADE_CLASS_UID_BASE + n, default 3000000000 + n, with no network
# when unshare allows) that can write nowhere in the kit, the results or
# another student's directory. GRADE_CLASS_SANDBOX=none turns that off
# (it is off anyway when not root; report.txt then says so).
# Environment: GRADE_TIMEOUT_SCALE as for grade.sh.
set -eu
here=$(pwd -P)
cd "$(dirname "$0")/.."
umask 022

FSIZE=67108864 # bytes: the largest file a hand-in's build or tests may write

die() {
	echo "grade-class: $*" >&2
	exit 2
}

usage() {
	sed -n '2,/^set -eu/{/^#/s/^# \{0,1\}//p}' grade/grade-class.sh
	exit 2
}

# ---- the exercise regions ----------------------------------------------

BEGIN_RE='/\* BEGIN LAB [0-9]+ EXERCISE [0-9]+ \([^)]*\) \*/'
END_RE='/\* END LAB [0-9]+ EXERCISE [0-9]+ \*/'

# merge KIT_FILE HANDIN_FILE REPORT: prints KIT_FILE with the body of
# each exercise region replaced by the body of the same region (same lab,
# same exercise number) in HANDIN_FILE. A region the hand-in lacks or
# whose markers are broken keeps the kit's stub; #include and .incbin
# lines inside a region are dropped (a region may not pull in files).
# Appends what it did not take to REPORT as "stub KEY" / "dropped KEY N".
merge() {
	awk -v hf="$2" -v rep="$3" -v bre="$BEGIN_RE" -v ere="$END_RE" '
	function key_of(line, s, w) {
		match(line, /LAB [0-9]+ EXERCISE [0-9]+/)
		s = substr(line, RSTART, RLENGTH)
		split(s, w, " ")
		return w[2] "." w[4]
	}
	BEGIN {
		open = 0
		while ((getline line < hf) > 0) {
			if (line ~ bre) {
				if (open) bad[cur] = 1
				cur = key_of(line)
				if (cur in seen) bad[cur] = 1
				seen[cur] = 1
				open = 1
				body[cur] = ""
			} else if (line ~ ere) {
				k = key_of(line)
				if (open && k == cur) done[cur] = 1
				else bad[k] = 1
				open = 0
			} else if (open) {
				if (line ~ /^[ \t]*#[ \t]*include/ || line ~ /incbin/) {
					dropped[cur]++
					continue
				}
				body[cur] = body[cur] line "\n"
			}
		}
		if (open) bad[cur] = 1
	}
	$0 ~ bre {
		print
		k = key_of($0)
		if ((k in done) && !(k in bad)) {
			printf "%s", body[k]
			skip = 1
		} else {
			print "stub " k >> rep
			skip = 0
		}
		next
	}
	$0 ~ ere { skip = 0; print; next }
	!skip { print }
	END { for (k in dropped) print "dropped " k " " dropped[k] >> rep }' "$1"
}

# outside FILE: the file with every region body removed (markers kept).
outside() {
	awk -v bre="$BEGIN_RE" -v ere="$END_RE" '
	     $0 ~ ere { inside = 0 }
	     !inside { print }
	     $0 ~ bre { inside = 1 }' "$1"
}

# What kind of file PATH is, for the report.
kind_of() {
	case $1 in
	grade/*.tests | grade/selftest/* | */tests/* | */unit/* | */testlib/*)
		echo "test edited" ;;
	Makefile | *.mk | mk/*) echo "makefile changed" ;;
	grade/*) echo "grader replaced" ;;
	*.ld) echo "linker script changed" ;;
	*.h) echo "header changed" ;;
	tools/*) echo "tool changed" ;;
	*) echo "file changed" ;;
	esac
}

# ---- one student (run by xargs as: grade-class.sh --one N NAME) ---------

ignored() { echo "ignored: $*" >>"$d/report.items"; }
note() { echo "note: $*" >>"$d/report.items"; }

# limited SECONDS CMD...: CMD with a time limit and the file-size cap.
limited() {
	t=$1
	shift
	timeout -k 5 "$t" prlimit --fsize="$FSIZE" -- "$@"
}

# Unpacks or copies the hand-in into $d/handin and sets $root, the
# directory that holds its kit-relative files.
stage_handin() {
	src=$(cat "$d/source")
	h=$d/handin
	mkdir -p "$h"
	if [ -d "$src" ]; then
		if ! (cd "$src" && tar -cf - --exclude=./build --exclude=./.git .) |
			limited 120 tar -xf - -C "$h" --no-same-owner; then
			note "the hand-in directory could not be copied completely"
		fi
	else
		case $src in
		*.tar.gz | *.tgz | *.tar)
			limited 120 tar -xf "$src" -C "$h" --no-same-owner \
				--no-same-permissions >"$d/unpack.log" 2>&1 ||
				note "the hand-in could not be unpacked completely ($(head -n 1 "$d/unpack.log"))"
			;;
		*.zip)
			limited 120 unzip -q -o "$src" -d "$h" >"$d/unpack.log" 2>&1 ||
				note "the hand-in could not be unpacked completely ($(head -n 1 "$d/unpack.log"))"
			;;
		*) note "unknown kind of hand-in ($src): graded as the untouched kit" ;;
		esac
	fi
	# Only plain files and directories count: no link may lead elsewhere.
	n=$(find "$h" ! -type f ! -type d | wc -l | tr -d ' ')
	if [ "$n" != 0 ]; then
		find "$h" ! -type f ! -type d -exec rm -f {} +
		ignored "$n symbolic links or special files in the hand-in"
	fi
	chmod -R u+rwX,go+rX "$h"
	root=$h
	manifest=""
	# A hand-in from make handin (handin/files), unpacked as it is or one
	# level down; or a single top directory around a kit.
	for c in "$h/handin" "$h" "$h"/*/handin "$h"/*; do
		if [ -d "$c/files" ] && [ -f "$c/MANIFEST" ]; then
			root=$c/files
			manifest=$c/MANIFEST
			return
		fi
	done
	set -- "$h"/*
	if [ $# = 1 ] && [ -d "$1" ] && ! [ -d "$h/grade" ] &&
		! ls -d "$h"/lab[1-9]-* >/dev/null 2>&1; then
		root=$1
	fi
}

# Checks the hand-in's MANIFEST against its files.
check_manifest() {
	[ -n "$manifest" ] || return 0
	v=$(sed -n 's/^kit-version: //p' "$manifest")
	[ -n "$v" ] && [ "$v" != "$KIT_VERSION" ] &&
		note "handed in against kit $v; graded with kit $KIT_VERSION"
	awk '$1 ~ /^[0-9a-f]+$/ && NF >= 3 { print $1, $3 }' "$manifest" |
		while read -r sum f; do
			[ -f "$root/$f" ] || continue
			[ "$(sha256sum <"$root/$f" | cut -d' ' -f1)" = "$sum" ] ||
				note "$f differs from the checksum in the hand-in's MANIFEST"
		done
}

# Lays the student's regions onto a pristine copy of the kit, reporting
# every other difference as ignored.
lay_kit() {
	mkdir -p "$d/kit"
	tar -xf "$OUT/kit.tar" -C "$d/kit"
	while IFS= read -r f; do
		if ! [ -f "$root/$f" ]; then
			note "$f is not in the hand-in: its exercises keep the stubs"
			continue
		fi
		: >"$d/merge.rep"
		merge "$d/kit/$f" "$root/$f" "$d/merge.rep" >"$d/merged"
		mv "$d/merged" "$d/kit/$f"
		sort "$d/merge.rep" | while read -r what key n; do
			case $what in
			stub) note "$f: exercise $key has no well-formed region in the hand-in: the stub is graded" ;;
			dropped) ignored "$f: $n #include/.incbin lines inside exercise $key" ;;
			esac
		done
		outside "$d/kit/$f" >"$d/o.kit"
		outside "$root/$f" >"$d/o.hand"
		if ! cmp -s "$d/o.kit" "$d/o.hand"; then
			n=$(diff "$d/o.kit" "$d/o.hand" | grep -c '^[<>]' || :)
			ignored "code outside the exercise regions: $f ($n lines differ; the kit's text is used)"
		fi
	done <"$OUT/exercises"
	rm -f "$d/merge.rep" "$d/o.kit" "$d/o.hand"
	# Every other file of the hand-in.
	(cd "$root" && find . \( -path ./build -o -path ./.git -o -path ./.kit \) \
		-prune -o -type f -print) | sed 's|^\./||' | sort |
		while IFS= read -r f; do
			grep -qxF -- "$f" "$OUT/exercises" && continue
			# The student copy's own files (make dist takes them from student/).
			if [ "$f" != README.md ] && [ -f "student/$f" ]; then
				cmp -s "$root/$f" "student/$f" ||
					ignored "file changed: $f (not used by the grader)"
				continue
			fi
			if grep -qxF -- "$f" "$OUT/kit.files"; then
				cmp -s "$root/$f" "$d/kit/$f" ||
					ignored "$(kind_of "$f"): $f (the kit's version is used)"
			else
				case $f in
				lab[1-9]-*/*) ignored "file added: $f (not part of the build)" ;;
				*) ignored "file not in the kit: $f" ;;
				esac
			fi
		done
}

# The unit-test binaries run the student's code on the host: each is
# replaced by a script that runs it as the student's own user, with
# limits, and without network where possible.
sandbox_units() {
	[ "$SANDBOX" = uid ] || return 0
	uid=$((UID_BASE + idx))
	for b in "$d/kit/build/lab$LAB"/unit/test_*; do
		[ -f "$b" ] || continue
		case $b in *.bin) continue ;; esac
		mv "$b" "$b.bin"
		cat >"$b" <<EOF
#!/bin/sh
# The student's code: user $uid, capped, no network.
exec $NET prlimit --fsize=$FSIZE --nproc=256 --core=0 -- setpriv --reuid=$uid --regid=$uid --clear-groups --no-new-privs env HOME=/nonexistent "$b.bin" "\$@"
EOF
		chmod 755 "$b"
	done
}

# Ends every process left running as the student's user (a unit test
# that forked into the background): "kill -1" as that user reaches only
# that user's processes.
reap() {
	[ "$SANDBOX" = uid ] || return 0
	setpriv --reuid=$((UID_BASE + idx)) --regid=$((UID_BASE + idx)) \
		--clear-groups kill -KILL -1 2>/dev/null || :
}

one() {
	idx=$1
	name=$2
	d=$OUT/students/$name
	rm -rf "$d/handin" "$d/kit" "$d/out"
	rm -f "$d/report.items" "$d/rows.csv" "$d/scores" "$d"/*.log \
		"$d/started" "$d/ended"
	: >"$d/report.items"
	date +%s >"$d/started"
	[ "$SANDBOX" = uid ] ||
		note "no per-student user (not root, or GRADE_CLASS_SANDBOX=none): unit tests ran as the grader's user"
	stage_handin
	check_manifest
	lay_kit
	built=yes
	if ! (cd "$d/kit" && limited "$BUILD_TIMEOUT" make -s --no-print-directory \
		LAB="$LAB" SOLVED=0 build) >"$d/build.log" 2>&1; then
		built=""
		note "the build failed (log: $d/build.log)"
	fi
	timed_out=""
	if [ -n "$built" ]; then
		sandbox_units
		set -- --lab "$LAB" --no-build --out "$d/out" -j "$JOBS"
		[ -n "$ONLY" ] && set -- "$@" --only "$ONLY"
		rc=0
		(cd "$d/kit" && limited "$TIMEOUT" sh grade/grade.sh "$@") \
			>"$d/grade.log" 2>&1 || rc=$?
		reap
		if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
			timed_out=yes
			note "grading ran out of time (${TIMEOUT}s): tests without a result are TIMEOUT"
		fi
	fi
	# One row per test, and the Gradescope JSON.
	json=$OUT/json/$name.json
	printf '{"tests": [' >"$json"
	sep=""
	while read -r lab test pts; do
		r=$d/out/results/$test
		secs=0.0
		if [ -n "$built" ] && [ -f "$r" ]; then
			IFS='|' read -r verdict score pts secs tnote <"$r"
		elif [ -z "$built" ]; then
			verdict=BUILD-FAILED score=0 tnote="the build failed"
		else
			verdict=TIMEOUT score=0
			tnote="no result (the hand-in's time limit or grade.sh stopped)"
		fi
		[ -n "$timed_out" ] || [ -f "$r" ] || [ -z "$built" ] ||
			tnote="no result: see $d/grade.log"
		echo "$name,$lab,$test,$verdict,$score" >>"$d/rows.csv"
		status=failed
		[ "$verdict" = PASS ] && status=passed
		printf '%s{"name": "%s/%s", "score": %s, "max_score": %s, "status": "%s", "output": "%s %ss %s"}' \
			"$sep" "$lab" "$test" "$score" "$pts" "$status" "$verdict" \
			"$secs" "$(json_escape "$tnote")" >>"$json"
		sep=", "
		echo "$score $pts" >>"$d/scores"
	done <"$OUT/tests"
	total=$(awk '{ s += $1; m += $2 } END { printf "%d %d", s, m }' "$d/scores")
	rm -f "$d/scores"
	{
		if [ -s "$d/report.items" ]; then
			echo "Grading notes (the grader uses only your exercise regions):"
			cat "$d/report.items"
		fi
	} >"$d/output.txt"
	printf '], "score": %s, "max_score": %s, "output": "%s"}\n' \
		"${total% *}" "${total#* }" \
		"$(json_escape "$(cat "$d/output.txt")" | sed 's/\\n$//')" >>"$json"
	{
		echo "== $name: ${total% *}/${total#* } ($(cat "$d/source"))"
		sed 's/^/  /' "$d/report.items"
	} >"$d/report.txt"
	echo "$name,${total% *},${total#* }" >"$d/total.csv"
	date +%s >"$d/ended"
	echo "  $name: ${total% *}/${total#* }"
}

json_escape() {
	printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g; s/\t/ /g' |
		awk '{ printf "%s%s", (NR > 1 ? "\\n" : ""), $0 }'
}

# ---- the class -----------------------------------------------------------

# The files of the pristine kit, relative to the top, into $OUT/kit.files.
kit_files() {
	if [ -d .git ] && git ls-files >"$OUT/kit.files.all" 2>/dev/null; then
		:
	else
		find . \( -path ./build -o -path ./.git -o -path ./.kit \) -prune \
			-o -type f -print | sed 's|^\./||' >"$OUT/kit.files.all"
	fi
	grep -v -e '^solutions/' -e '^student/' "$OUT/kit.files.all" |
		while IFS= read -r f; do [ -f "$f" ] && echo "$f"; done |
		sort >"$OUT/kit.files"
	rm -f "$OUT/kit.files.all"
}

# Decides how hand-ins' host code runs: as a user of its own, or not.
pick_sandbox() {
	SANDBOX=none
	NET=""
	[ "${GRADE_CLASS_SANDBOX:-uid}" = none ] && return 0
	[ "$(id -u)" = 0 ] || return 0
	command -v setpriv >/dev/null 2>&1 || return 0
	setpriv --reuid="$UID_BASE" --regid="$UID_BASE" --clear-groups \
		test -x "$OUT/students" 2>/dev/null || {
		echo "grade-class: $OUT is not reachable by other users (chmod o+x its parent directories): the hand-ins' unit tests run as this user" >&2
		return 0
	}
	SANDBOX=uid
	unshare -n true 2>/dev/null && NET="unshare -n"
	return 0
}

main() {
	LAB="" out=build/class P="" JOBS=1 ONLY="" TIMEOUT=1800 BUILD_TIMEOUT=600
	handins=""
	while [ $# -gt 0 ]; do
		case $1 in
		--lab) LAB=$2; shift ;;
		--out) out=$2
			case $out in /*) ;; *) out=$here/$out ;; esac
			shift ;;
		-P) P=$2; shift ;;
		-j) JOBS=$2; shift ;;
		--only) ONLY=$2; shift ;;
		--timeout) TIMEOUT=$2; shift ;;
		--build-timeout) BUILD_TIMEOUT=$2; shift ;;
		-h | --help) usage ;;
		-*) die "unknown option $1 (see --help)" ;;
		*) [ -z "$handins" ] || die "one directory of hand-ins, please"
		   handins=$1
		   case $handins in /*) ;; *) handins=$here/$handins ;; esac ;;
		esac
		shift
	done
	[ -n "$handins" ] || usage
	[ -d "$handins" ] || die "$handins is not a directory"
	handins=$(cd "$handins" && pwd -P)
	nlabs=$(find . -maxdepth 1 -name 'lab[1-9]-*' -type d | wc -l | tr -d ' ')
	[ -n "$LAB" ] || LAB=$nlabs
	case $LAB in [1-9]) ;; *) die "--lab takes a lab number" ;; esac
	[ "$LAB" -le "$nlabs" ] || die "there are labs 1 to $nlabs"
	[ -n "$P" ] || P=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
	UID_BASE=${GRADE_CLASS_UID_BASE:-3000000000}
	mkdir -p "$out"
	OUT=$(cd "$out" && pwd -P)
	rm -rf "$OUT/students" "$OUT/json"
	rm -f "$OUT/grades.csv" "$OUT/totals.csv" "$OUT/report.txt"
	mkdir -p "$OUT/students" "$OUT/json"
	chmod 755 "$OUT" "$OUT/students"
	pick_sandbox

	# The pristine kit, its exercise files, and the tests to run.
	kit_files
	tar -cf "$OUT/kit.tar" -T "$OUT/kit.files"
	grep "^lab[1-9]-" "$OUT/kit.files" | while IFS= read -r f; do
		grep -q "BEGIN LAB [0-9]* EXERCISE" "$f" && echo "$f"
	done | sort >"$OUT/exercises" || :
	if [ -f .kit/version ]; then
		KIT_VERSION=$(cat .kit/version)
	else
		KIT_VERSION=$(git describe --always --dirty --tags 2>/dev/null || echo unknown)
	fi
	: >"$OUT/tests"
	k=1
	while [ "$k" -le "$LAB" ]; do
		awk -v lab="lab$k" -v only=",$ONLY," '$1 == "test" &&
			(only == ",," || index(only, "," $2 ",")) { print lab, $2, $3 }' \
			"grade/lab$k.tests" >>"$OUT/tests"
		k=$((k + 1))
	done
	[ -s "$OUT/tests" ] || die "no test selected"

	# The students: one directory each, named after the entry.
	n=0
	: >"$OUT/names"
	for e in "$handins"/*; do
		[ -e "$e" ] || continue
		name=$(basename "$e")
		name=${name%.tar.gz}
		name=${name%.tgz}
		name=${name%.tar}
		name=${name%.zip}
		name=$(printf '%s' "$name" | tr -c 'A-Za-z0-9._-' '_')
		while [ -d "$OUT/students/$name" ]; do name=${name}_; done
		n=$((n + 1))
		mkdir -p "$OUT/students/$name"
		printf '%s\n' "$e" >"$OUT/students/$name/source"
		echo "$n $name" >>"$OUT/names"
	done
	[ "$n" -gt 0 ] || die "no hand-in in $handins"

	echo "grading lab $LAB for $n hand-ins, $P at once ($OUT)..."
	export OUT LAB JOBS ONLY TIMEOUT BUILD_TIMEOUT SANDBOX NET UID_BASE KIT_VERSION
	xargs -n 2 -P "$P" sh grade/grade-class.sh --one <"$OUT/names" || :

	echo "student,lab,test,verdict,points" >"$OUT/grades.csv"
	echo "student,score,max_score" >"$OUT/totals.csv"
	: >"$OUT/report.txt"
	while read -r _ name; do
		s=$OUT/students/$name
		if [ -f "$s/total.csv" ]; then
			cat "$s/rows.csv" >>"$OUT/grades.csv"
			cat "$s/total.csv" >>"$OUT/totals.csv"
			cat "$s/report.txt" >>"$OUT/report.txt"
		else
			echo "== $name: not graded (the grader failed; see $s)" >>"$OUT/report.txt"
		fi
	done <"$OUT/names"
	echo "wrote $OUT/grades.csv, $OUT/totals.csv, $OUT/report.txt and $OUT/json/"
}

if [ "${1:-}" = --one ]; then
	one "$2" "$3"
	exit 0
fi
main "$@"
