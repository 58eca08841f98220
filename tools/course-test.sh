#!/bin/sh
# Checks of the tools for running a course (README.md, "Running a
# course"): make dist's student copy, make handin, the class grader with
# honest, untouched, tampering, hanging, flooding and escaping hand-ins,
# the Gradescope autograder on a fake /autograder, the HTML handout, and
# the compile database. Grades lab 1 only. Prints one line per check,
# "ok - ..." or "not ok - ...", and exits 1 if a check failed.
# Scratch: build/course/test (COURSE_TEST_DIR overrides).
set -u
cd "$(dirname "$0")/.." || exit 1
top=$(pwd -P)
W=${COURSE_TEST_DIR:-build/course/test}
rm -rf "$W"
mkdir -p "$W"
W=$(cd "$W" && pwd -P)
chmod 755 "$W"
failed=0

ok() { echo "ok - $*"; }
bad() {
	echo "not ok - $*"
	failed=1
}
# check DESCRIPTION COMMAND...: one check, by the command's status.
check() {
	d=$1
	shift
	if "$@"; then ok "$d"; else bad "$d"; fi
}
# Shows a log's end under a failed check.
show() { [ -f "$1" ] && tail -n "${2:-5}" "$1" | sed 's/^/    /'; }

# The tests of lab 1 that need exercise $1 and run a unit binary: "NAME BINARY".
unit_test_for() {
	awk -v ex="$1" '$1 == "test" { t = $2; needs = "" }
		$1 == "needs" { needs = " " $0 " " }
		$1 == "unit" && index(needs, " " ex " ") { print t, $2; exit }' \
		grade/lab1.tests
}

# ---- the student copy -------------------------------------------------------

sh tools/dist.sh "$W/student-kit.tar.gz" >"$W/dist.log" 2>&1 ||
	{ bad "make dist"; show "$W/dist.log"; exit 1; }
mkdir -p "$W/pristine"
tar -xzf "$W/student-kit.tar.gz" -C "$W/pristine"
K=$W/pristine/student-kit
if [ -f "$K/.kit/pristine.sha256" ] && [ -f "$K/.github/workflows/grade.yml" ] &&
	[ -f "$K/.clangd" ] && ! [ -e "$K/solutions" ] && ! [ -e "$K/student" ] &&
	(cd "$K" && sha256sum -c --quiet .kit/pristine.sha256 >/dev/null 2>&1); then
	ok "make dist: the student copy has .kit/pristine.sha256 (all sums right), the CI workflow and .clangd, and no solutions"
else
	bad "make dist: the student copy lacks its manifest, workflow or .clangd, or has solutions"
fi
if grep -q 'make grade' "$K/.github/workflows/grade.yml" 2>/dev/null &&
	grep -q 'upload-artifact' "$K/.github/workflows/grade.yml" &&
	grep -q 'tools/setup.sh' "$K/.github/workflows/grade.yml"; then
	ok "the student CI workflow installs with tools/setup.sh, runs make grade and uploads the results"
else
	bad "the student CI workflow does not install, grade and upload"
fi

# Copies of the student kit: untouched, solved (every exercise file from
# solutions/, identical outside the regions), and a solved one as a git
# repository with a commit.
copy_kit() {
	mkdir -p "$1"
	(cd "$K" && tar -cf - .) | (cd "$1" && tar -xf -)
}
solve() {
	(cd solutions && find . -type f) | while IFS= read -r f; do
		cp "solutions/$f" "$1/$f"
	done
}
copy_kit "$W/untouched"
copy_kit "$W/solved"
solve "$W/solved"
(cd "$W/solved" && git init -q && git add -A &&
	git -c user.name=Alice -c user.email=alice@example.org commit -q -m "lab 1 done") ||
	bad "git commit in the solved copy"

# ---- make handin ---------------------------------------------------------

mkdir -p "$W/handins" "$W/handins-t"
if (cd "$W/untouched" && make handin LAB=1 >"$W/handin-untouched.log" 2>&1); then
	bad "make handin refuses an untouched copy"
elif grep -q 'nothing to hand in' "$W/handin-untouched.log" &&
	! ls "$W/untouched/build"/handin-*.tar.gz >/dev/null 2>&1; then
	ok "make handin refuses an untouched copy: $(grep -o 'nothing to hand in[^(]*' "$W/handin-untouched.log")"
else
	bad "make handin on an untouched copy: no clear refusal"
	show "$W/handin-untouched.log"
fi

if (cd "$W/solved" && HANDIN_NAME=alice make handin LAB=1 >"$W/handin-solved.log" 2>&1) &&
	[ -f "$W/solved/build/handin-alice-lab1.tar.gz" ]; then
	cp "$W/solved/build/handin-alice-lab1.tar.gz" "$W/handins/alice.tar.gz"
	mkdir -p "$W/alice-unpacked"
	tar -xzf "$W/handins/alice.tar.gz" -C "$W/alice-unpacked"
	h=$W/alice-unpacked/handin
	nex=$(cd "$K" && grep -rl 'BEGIN LAB [0-9]* EXERCISE' lab[1-9]-* | wc -l)
	sums_ok=yes
	awk 'length($1) == 64 && $1 ~ /^[0-9a-f]+$/ { print $1 "  files/" $3 }' "$h/MANIFEST" >"$W/alice.sums"
	(cd "$h" && sha256sum -c --quiet "$W/alice.sums" >/dev/null 2>&1) || sums_ok=""
	if grep -q "^kit-version: $(cat "$K/.kit/version")\$" "$h/MANIFEST" &&
		[ "$(grep -c ' exercise ' "$h/MANIFEST")" = "$nex" ] &&
		[ "$(wc -l <"$W/alice.sums")" -ge "$nex" ] && [ -n "$sums_ok" ] &&
		grep -q 'lab 1 done' "$h/git.log" &&
		! tar -tzf "$W/handins/alice.tar.gz" | grep -q -e '/build/' -e '\.o$' -e '\.elf$'; then
		ok "make handin: $nex exercise files, git log, MANIFEST with the kit version and right checksums, no build output"
	else
		bad "make handin: the tarball lacks files, the git log, or a right MANIFEST"
		show "$h/MANIFEST"
	fi
else
	bad "make handin from a solved copy"
	show "$W/handin-solved.log"
fi

# bob: the untouched copy, handed in as a directory (a git-based class).
copy_kit "$W/handins/bob"

# carol: the untouched copy with every edit the grader must ignore, as a
# make handin tarball; dave: the same as a directory, plus a symbolic
# link to the solution of an exercise.
T=$W/tamper
copy_kit "$T"
# shellcheck disable=SC2046 # a test name and a binary name
set -- $(awk '$1 == "test" { t = $2; n = 0 } $1 == "needs" { n = 1 }
	$1 == "unit" && n { print t, $2; exit }' grade/lab1.tests)
tamper_test=$1 tamper_unit=lab1-boot/unit/$2.c
# A test edited to succeed.
printf '#include <criterion/criterion.h>\nTest(tampered, passes) { cr_assert(1); }\n' >"$T/$tamper_unit"
# The makefile changed (the build would fail if it were used).
# shellcheck disable=SC2016 # make syntax, not the shell's
printf '$(error the tampered Makefile was used)\n' >>"$T/Makefile"
# The grader replaced by one that gives full marks.
cat >"$T/grade/grade.sh" <<'EOF'
#!/bin/sh
out=build/lab1/grade
while [ $# -gt 0 ]; do [ "$1" = --out ] && out=$2; shift; done
mkdir -p "$out/results"
for t in $(awk '$1 == "test" { print $2 }' grade/lab1.tests); do
	echo "PASS|100|100|0.0|" >"$out/results/$t"
done
echo "total: 100/100"
EOF
# Code outside a region: the stubs no longer stop the VMM.
awk '/BEGIN LAB 1 EXERCISE/ && !d { print "#undef EXERCISE_STUB"
	print "#define EXERCISE_STUB(l, n, s) ((void)0)"; d = 1 } { print }' \
	"$T/lab1-boot/vmm/frame.c" >"$T/frame.c" && mv "$T/frame.c" "$T/lab1-boot/vmm/frame.c"
# An #include inside a region (of the kit's own solution, were it there).
awk '{ print } /BEGIN LAB 1 EXERCISE 4 \(/ { print "#include \"/etc/hostname\"" }' \
	"$T/lab1-boot/vmm/frame.c" >"$T/frame.c" && mv "$T/frame.c" "$T/lab1-boot/vmm/frame.c"
# An added source file (the build would pick it up and fail to link).
printf 'void exercise_missing(int l, int n, const char *s) { (void)l; (void)n; (void)s; }\n' \
	>"$T/lab1-boot/vmm/extra.c"
if (cd "$T" && HANDIN_NAME=carol HANDIN_OUT=../handins-t/carol.tar.gz sh tools/handin.sh 1 \
	>"$W/handin-tamper.log" 2>&1); then :; else
	bad "make handin of the tampering copy"
	show "$W/handin-tamper.log"
fi
copy_kit "$W/handins-t/dave"
(cd "$T" && tar -cf - .) | (cd "$W/handins-t/dave" && tar -xf -)
rm -f "$W/handins-t/dave/lab1-boot/vmm/mmap.c"
ln -s "$top/solutions/lab1-boot/vmm/mmap.c" "$W/handins-t/dave/lab1-boot/vmm/mmap.c"

# ---- grade-class: the round trip (all of lab 1) ---------------------------

start=$(date +%s)
sh grade/grade-class.sh --lab 1 --out "$W/class" -P 2 "$W/handins" \
	>"$W/class.log" 2>&1 || bad "grade-class.sh exited with an error (log: $W/class.log)"
secs=$(($(date +%s) - start))
C=$W/class
max=$(awk '$1 == "test" { s += $3 } END { print s }' grade/lab1.tests)
if grep -qx "alice,$max,$max" "$C/totals.csv" 2>/dev/null &&
	[ "$(grep -c '^alice,lab1,.*,PASS,' "$C/grades.csv")" = "$(grep -c '^test ' grade/lab1.tests)" ]; then
	ok "round trip: the solved copy's hand-in gets full marks ($max/$max, every test PASS, alice and bob graded in ${secs}s)"
else
	bad "round trip: the solved copy's hand-in is not graded full marks: $(grep '^alice' "$C/totals.csv" 2>/dev/null)"
	show "$C/report.txt" 20
fi
if grep -q '"score": '"$max"', "max_score": '"$max" "$C/json/alice.json" 2>/dev/null &&
	{ ! command -v jq >/dev/null 2>&1 || jq -e '.tests | length > 0' "$C/json/alice.json" >/dev/null; }; then
	ok "round trip: Gradescope JSON per student (alice: $max/$max)"
else
	bad "round trip: no valid Gradescope JSON for alice"
fi

# The untouched copy: each test fails naming an exercise it needs, or
# passes when it needs none (as tools/test.sh judges the student copy).
verdicts_ok=yes
awk '$1 == "test" { t = $2; needs[t] = "" } $1 == "needs" { $1 = ""; needs[t] = $0 }
     END { for (t in needs) print t, needs[t] }' grade/lab1.tests >"$W/needs"
while read -r t needs; do
	r=$C/students/bob/out/results/$t
	v=none note=""
	[ -f "$r" ] && IFS='|' read -r v _ _ _ note <"$r"
	if [ -z "$needs" ]; then
		[ "$v" = PASS ] || { verdicts_ok=""; echo "    bob $t: $v (should pass)"; }
		continue
	fi
	named=""
	for n in $needs; do
		case $note in *"LAB 1 EXERCISE $n ("*) named=yes ;; esac
	done
	if [ "$v" = PASS ] || [ -z "$named" ]; then
		verdicts_ok=""
		echo "    bob $t: $v '$note' (needs $needs)"
	fi
done <"$W/needs"
if [ -n "$verdicts_ok" ]; then
	ok "round trip: the untouched copy gets the student-copy verdicts ($(grep '^bob' "$C/totals.csv"))"
else
	bad "round trip: the untouched copy's verdicts are not the student copy's"
fi

# ---- grade-class: the tampering hand-ins ----------------------------------

# The tampering hand-ins: the same verdicts, notes and points as bob.
# Graded on the tests each edit would change if it were used: the unit
# tests of the edited test file, of mmap.c (the link) and of frame.c (the
# code outside a region), and hello.
# shellcheck disable=SC2046 # test and binary names
set -- $(unit_test_for 2) $(unit_test_for 3)
tamper_only="$tamper_test,$1,$3,hello"
CT=$W/class-t
sh grade/grade-class.sh --lab 1 --out "$CT" -P 2 --only "$tamper_only" "$W/handins-t" \
	>"$W/class-t.log" 2>&1 || bad "grade-class.sh exited with an error (log: $W/class-t.log)"
echo "$tamper_only" | tr , "\n" >"$W/tamper-tests"
# shellcheck disable=SC2317 # called through check
same_as_bob() {
	while read -r t _; do
		a=$(cut -d'|' -f1,2,5 "$C/students/bob/out/results/$t" 2>/dev/null)
		b=$(cut -d'|' -f1,2,5 "$CT/students/$1/out/results/$t" 2>/dev/null)
		if [ -z "$a" ] || [ "$a" != "$b" ]; then
			echo "    $1 $t: '$b', untouched: '$a'"
			return 1
		fi
	done <"$W/tamper-tests"
}
for s in carol dave; do
	check "tampering hand-in $s is graded exactly as the untouched copy (verdict, note and points of $tamper_only)" \
		same_as_bob "$s"
done
# reported LINE...: each LINE is in carol's report.
for what in "test edited: $tamper_unit" "makefile changed: Makefile" \
	"grader replaced: grade/grade.sh" \
	"code outside the exercise regions: lab1-boot/vmm/frame.c" \
	"lab1-boot/vmm/frame.c: 1 #include/.incbin lines inside exercise 1.4" \
	"file added: lab1-boot/vmm/extra.c"; do
	if grep -qF "ignored: $what" "$CT/students/carol/report.txt" 2>/dev/null &&
		grep -qF "$what" "$CT/json/carol.json"; then
		ok "tampering: the report and the JSON say what was ignored: $what"
	else
		bad "tampering: not reported: $what ($tamper_test)"
	fi
done
if grep -q 'ignored: 1 symbolic links' "$CT/students/dave/report.txt" 2>/dev/null; then
	ok "tampering: a symbolic link to a solution is dropped and reported"
else
	bad "tampering: the symbolic link in dave's hand-in is not reported"
fi

# ---- grade-class: hanging, flooding and escaping hand-ins beside a good one ----

# inject NAME CODE: a solved hand-in with CODE at the start of frame_alloc.
P=$W/handins2
mkdir -p "$P"
inject() {
	copy_kit "$W/$1"
	solve "$W/$1"
	CODE=$2 awk '{ print } /BEGIN LAB 1 EXERCISE 3 \(/ { print ENVIRON["CODE"] }' \
		"$W/$1/lab1-boot/vmm/frame.c" >"$W/$1.c"
	mv "$W/$1.c" "$W/$1/lab1-boot/vmm/frame.c"
	(cd "$W/$1" && HANDIN_NAME="$1" HANDIN_OUT="$P/$1.tar.gz" sh tools/handin.sh 1 \
		>"$W/handin-$1.log" 2>&1) || bad "make handin for $1"
}
C2=$W/class2
echo "untouched by the hand-ins" >"$W/canary"
chmod 644 "$W/canary"
inject good ""
inject hang "	for (;;) ;"
# flood: in QEMU, a VMM that prints forever; in the host unit tests, code
# that writes outside its build directory (the canary, the good student's
# result, a new file).
inject flood "#ifdef HOST_UNIT_TEST
	{ extern void *fopen(const char *, const char *);
	  extern int fputs(const char *, void *);
	  extern int fclose(void *);
	  void *f;
	  if ((f = fopen(\"$W/canary\", \"w\"))) { fputs(\"pwned\", f); fclose(f); }
	  if ((f = fopen(\"$C2/students/good/out/results/hello\", \"w\"))) { fputs(\"FAIL|0|6|0|pwned\", f); fclose(f); }
	  if ((f = fopen(\"$W/escaped\", \"w\"))) { fputs(\"pwned\", f); fclose(f); } }
#else
	for (;;) printk(\"flood flood flood flood flood flood flood flood\\n\");
#endif"
# shellcheck disable=SC2046 # a test name and a binary name
set -- $(unit_test_for 3)
frame_test=$1
start=$(date +%s)
# Timeouts of 6 s instead of 15: the hanging hand-in's tests end sooner;
# the good one's take well under a second.
GRADE_TIMEOUT_SCALE=0.4 \
	sh grade/grade-class.sh --lab 1 --out "$C2" -P 3 -j 2 --only "hello,$frame_test" "$P" \
	>"$W/class2.log" 2>&1 || bad "grade-class.sh exited with an error (log: $W/class2.log)"
secs=$(($(date +%s) - start))
verdict() { cut -d'|' -f1 "$C2/students/$1/out/results/$2" 2>/dev/null; }
note_of() { cut -d'|' -f5 "$C2/students/$1/out/results/$2" 2>/dev/null; }
if [ "$(verdict good hello)" = PASS ] && [ "$(verdict good "$frame_test")" = PASS ] &&
	grep -q '^good,\([0-9]*\),\1$' "$C2/totals.csv"; then
	ok "parallel: the good hand-in gets full marks beside the hanging and the flooding, escaping ones (${secs}s)"
else
	bad "parallel: the good hand-in was affected: hello $(verdict good hello), $frame_test $(verdict good "$frame_test")"
fi
if [ "$(verdict hang hello)" = TIMEOUT ] && [ "$(verdict hang "$frame_test")" = TIMEOUT ]; then
	ok "parallel: the hanging hand-in gets TIMEOUT"
else
	bad "parallel: the hanging hand-in: hello $(verdict hang hello), $frame_test $(verdict hang "$frame_test")"
fi
case "$(verdict flood hello) $(note_of flood hello)" in
"FAIL console flood"*) ok "parallel: the flooding hand-in gets FAIL (console flood)" ;;
*) bad "parallel: the flooding hand-in: $(verdict flood hello) $(note_of flood hello)" ;;
esac
if [ "$(cat "$W/canary")" = "untouched by the hand-ins" ] && ! [ -e "$W/escaped" ] &&
	[ "$(verdict good hello)" = PASS ]; then
	if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
		ok "isolation: host code that writes outside its build directory changes nothing (verdict: $(verdict flood "$frame_test"))"
	else
		echo "skip - isolation: not root, the hand-ins' host code ran as this user"
	fi
else
	bad "isolation: a hand-in wrote outside its build directory ($W/canary: $(cat "$W/canary"))"
fi
t0=$(cat "$C2"/students/*/started | sort -n | tail -n 1)
t1=$(cat "$C2"/students/*/ended | sort -n | head -n 1)
if [ -n "$t0" ] && [ -n "$t1" ] && [ "$t0" -le "$t1" ]; then
	ok "parallel: the three hand-ins were graded at the same time"
else
	bad "parallel: the hand-ins were not graded in parallel"
fi

# ---- the Gradescope autograder on a fake /autograder -----------------------

sh tools/gradescope.sh --lab 1 --out "$W/gradescope.zip" >"$W/gradescope.log" 2>&1 ||
	bad "make gradescope"
A=$(mktemp -d)
chmod 755 "$A"
mkdir -p "$A/source" "$A/submission"
if command -v unzip >/dev/null 2>&1; then
	(cd "$A/source" && unzip -q "$W/gradescope.zip") || bad "the Gradescope zip unpacks"
else
	cp "$W/gradescope.d"/* "$A/source/"
fi
cp "$W/handins/alice.tar.gz" "$A/submission/handin-alice-lab1.tar.gz"
amax=$(awk -v a="hello" -v b="$frame_test" '$1 == "test" && ($2 == a || $2 == b) { s += $3 } END { print s }' grade/lab1.tests)
if AUTOGRADER_ROOT=$A sh "$A/source/setup.sh" >"$W/autograder-setup.log" 2>&1 &&
	AUTOGRADER_ROOT=$A GRADE_CLASS_FLAGS="--only hello,$frame_test" \
		sh "$A/source/run_autograder" >"$W/autograder.log" 2>&1 &&
	grep -q "\"score\": $amax, \"max_score\": $amax" "$A/results/results.json" 2>/dev/null &&
	[ "$(grep -o '"status": "passed"' "$A/results/results.json" | wc -l)" = 2 ]; then
	ok "autograder: setup.sh and run_autograder on a fake /autograder write results.json ($amax/$amax)"
else
	bad "autograder: no right results.json on the fake /autograder"
	show "$W/autograder.log"
	show "$A/results/results.json" 3
fi
rm -rf "$A"

# ---- the handout as HTML ------------------------------------------------------

HANDOUT_OUT=$W/handout sh tools/handout.sh >"$W/handout.log" 2>&1
grep -e '^ok - ' -e '^not ok - ' "$W/handout.log" | sed 's/^\(not \)\{0,1\}ok - /&handout: /'
grep -q '^not ok' "$W/handout.log" && failed=1
grep -q '^ok - ' "$W/handout.log" || { bad "handout: not built"; show "$W/handout.log"; }

# ---- the compile database -------------------------------------------------

if (cd "$W/untouched" && sh tools/compile-commands.sh 1 >/dev/null 2>&1) &&
	{ ! command -v jq >/dev/null 2>&1 || jq -e 'length > 0' "$W/untouched/build/compile_commands.json" >/dev/null; }; then
	missing=$(cd "$K" && grep -rl 'BEGIN LAB 1 EXERCISE' lab1-boot | while read -r f; do
		grep -q "\"file\": \"$f\"" "$W/untouched/build/compile_commands.json" || echo "$f"
	done)
	if [ -z "$missing" ]; then
		ok "make compile-commands: build/compile_commands.json covers every lab 1 exercise file"
	else
		bad "make compile-commands: missing $missing"
	fi
else
	bad "make compile-commands"
fi

exit "$failed"
