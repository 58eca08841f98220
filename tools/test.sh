#!/bin/sh
# The kit's own test suite (make test). For every lab K it checks that
#  - both variants build without a warning;
#  - the reference solution gets full marks;
#  - the tree of a student who has finished labs 1..K-1 and not started
#    lab K builds, finishes quickly, passes every earlier lab's tests and
#    fails exactly the lab K tests that need an exercise, each failure
#    naming one of the exercises that test needs;
# and for the kit as a whole: the student/solution sync, the grader's
# self-tests, the mutants (each rule removed from the solution must fail a
# test), shellcheck, the GDB set-up and the benchmarks (each produces its
# figure, and each figure a chapter quotes is the one make bench gives).
# One line per check; the last line is "N passed, M failed".
set -u
# shellcheck source=grade/common.sh
. grade/common.sh

out=build/test
mkdir -p "$out"
: >"$out/times"
test_t0=$(date +%s)
passed=0
failed=0

ok() {
	passed=$((passed + 1))
	echo "  ok    $*"
}
bad() {
	failed=$((failed + 1))
	echo "  FAIL  $*"
}
# Each section's wall time, printed when the next one starts and kept in
# $out/times (make bench-kit reads it).
section_end() {
	[ -n "${sec_name:-}" ] || return 0
	secs=$(($(date +%s) - sec_t0))
	echo "   ($secs s)"
	printf '%s|%s\n' "$sec_name" "$secs" >>"$out/times"
}
section() {
	section_end
	sec_name=$*
	sec_t0=$(date +%s)
	echo
	echo "== $*"
}
finish() {
	section_end
	echo
	echo "make test took $(($(date +%s) - test_t0)) s"
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
	exit $?
}

# Counts the "ok - ..." / "not ok - ..." lines of a check script's output.
tally() {
	while IFS= read -r line; do
		case $line in
		"ok - "*) ok "${line#ok - }" ;;
		"not ok - "*) bad "${line#not ok - }" ;;
		"skip - "*) echo "  skip  ${line#skip - }" ;;
		*) echo "        $line" ;;
		esac
	done <"$1"
}

# script_section TITLE NAME COMMAND...: a section whose checks are the
# "ok - ..." / "not ok - ..." lines COMMAND prints (kept in $out/NAME.txt).
script_section() {
	section "$1"
	log=$out/$2.txt
	shift 2
	"$@" >"$log" 2>&1
	tally "$log"
}

# check NAME COMMAND...: one check, by the command's exit status; the
# output is kept in $out/NAME.log.
check() {
	name=$1
	shift
	if "$@" >"$out/$name.log" 2>&1; then
		ok "$name"
	else
		bad "$name (log: $out/$name.log)"
		tail -n 5 "$out/$name.log" | sed 's/^/        /'
	fi
}

# check_build NAME K SOLVED: builds lab K with labs 1..SOLVED solved; a
# compiler warning fails the check too.
check_build() {
	log=$out/$1.log
	if make -s --no-print-directory LAB="$2" SOLVED="$3" build >"$log" 2>&1 &&
		! grep -q 'warning:' "$log"; then
		ok "$1"
	else
		bad "$1 (log: $log)"
		grep -m 5 'warning:\|error:' "$log" | sed 's/^/        /'
	fi
}

# The exercises test stanza NAME of lab list FILE needs ("needs" line).
needs_of() {
	awk -v t="$1" '$1 == "test" { cur = $2 } cur == t && $1 == "needs" {
		$1 = ""; print }' "$2"
}

# The lab K exercises an earlier lab's test NAME (of list FILE) needs
# through lab K's code: the "earlier NAME N..." line of grade/labK.tests,
# else its "earlier * N..." line if the test boots a domain (empty if
# neither).  earlier_needs NAME K FILE
earlier_needs() {
	[ -f "grade/lab$2.tests" ] || return 0
	awk -v t="$1" -v f="$3" '
		$1 == "earlier" && $2 == t { $1 = $2 = ""; print; found = 1; exit }
		$1 == "earlier" && $2 == "*" { $1 = $2 = ""; wild = $0 }
		END {
			if (found || wild == "")
				exit
			while ((getline l < f) > 0) {
				split(l, w)
				if (w[1] == "test")
					cur = w[2]
				else if (w[1] == "boot" && cur == t) {
					print wild
					exit
				}
			}
		}' "grade/lab$2.tests"
}

# Judges the student-copy run of lab K in results dir $2.
judge_student() {
	k=$1
	res=$2
	for f in grade/lab[1-9].tests; do
		tl=$(basename "$f" .tests)
		tl=${tl#lab}
		[ "$tl" -le "$k" ] || continue
		awk '$1 == "test" { print $2 }' "$f" >"$out/names"
		while read -r name; do
			r=$res/results/$name
			verdict=$(cut -d'|' -f1 "$r" 2>/dev/null)
			note=$(cut -d'|' -f5 "$r" 2>/dev/null)
			needs=$(needs_of "$name" "$f")
			[ "$tl" -lt "$k" ] && needs=$(earlier_needs "$name" "$k" "$f")
			if [ -z "$needs" ]; then
				if [ "$verdict" = PASS ]; then
					ok "lab $k student copy: $name passes (needs no lab $k exercise)"
				else
					bad "lab $k student copy: $name should pass: $verdict $note"
				fi
				continue
			fi
			named=""
			for n in $needs; do
				case $note in *"LAB $k EXERCISE $n ("*) named=$n ;; esac
			done
			if [ "$verdict" != PASS ] && [ -n "$named" ]; then
				ok "lab $k student copy: $name fails naming exercise $named"
			else
				bad "lab $k student copy: $name: $verdict '$note' (needs $needs)"
			fi
		done <"$out/names"
	done
}

section "tools"
check setup sh tools/setup.sh || finish

nlabs=$(lab_count)
k=1
while [ "$k" -le "$nlabs" ]; do
	section "lab $k: reference solution"
	check_build "lab$k-solution-builds-cleanly" "$k" "$k"
	sh grade/grade.sh --lab "$k" --sol --no-build \
		>"$out/grade-lab$k-sol.txt" 2>&1
	for r in "build/lab$k-sol/grade/results"/*; do
		case $r in *.detail) continue ;; esac
		[ -e "$r" ] || { bad "lab $k solution: no results"; break; }
		IFS='|' read -r verdict score pts secs note <"$r"
		if [ "$verdict" = PASS ]; then
			ok "lab $k solution: $(basename "$r") $score/$pts"
		else
			bad "lab $k solution: $(basename "$r") $verdict $note"
		fi
	done

	prev=$((k - 1))
	section "lab $k: student copy (labs 1..$prev solved, lab $k untouched)"
	check_build "lab$k-student-copy-builds-cleanly" "$k" "$prev"
	start=$(date +%s)
	sh grade/grade.sh --lab "$k" --solved "$prev" --no-build \
		>"$out/grade-lab$k-student.txt" 2>&1
	secs=$(($(date +%s) - start))
	# Fails fast: no test of the student copy runs into its timeout. (How
	# long the whole run takes is a benchmark's business, not a check's:
	# make bench-kit; the time is shown here for information.)
	if grep -q ' TIMEOUT ' "$out/grade-lab$k-student.txt"; then
		bad "lab $k student copy: a test timed out instead of failing fast"
	else
		ok "lab $k student copy: every test ends by itself (${secs}s)"
	fi
	judge_student "$k" "$(variant_dir "$k" "$prev")/grade"
	# The ladder of lab K starts from this student-copy build; it works
	# on its own copy of the kit, so it runs while make test goes on (its
	# verdicts are read in the ladder section).
	sh tools/ladder.sh --graded "$k" >"$out/ladder-lab$k.txt" 2>&1 &
	eval "ladder_$k=\$!"
	k=$((k + 1))
done
# The mutants start from the last lab's solution build, in copies of
# their own, likewise in the background.
sh tools/mutants.sh >"$out/mutants.txt" 2>&1 &
mutants=$!

section "the exercise ladder: each test passes once its exercises are done"
k=1
while [ "$k" -le "$nlabs" ]; do
	eval "wait \$ladder_$k" || :
	grep -v '^ok' "$out/ladder-lab$k.txt" >"$out/ladder-lab$k.fail" || :
	n=$(grep -c '^ok' "$out/ladder-lab$k.txt" || :)
	# Its last line says it went through every step; else it stopped.
	grep -q "^ok - lab $k ladder: all [0-9]* steps" "$out/ladder-lab$k.txt" ||
		echo "not ok - lab $k ladder stopped before its last step (see $out/ladder-lab$k.txt)" \
			>>"$out/ladder-lab$k.fail"
	if [ -s "$out/ladder-lab$k.fail" ]; then
		tally "$out/ladder-lab$k.fail"
	else
		ok "lab $k ladder: all $n test-by-step verdicts as their needs say"
	fi
	k=$((k + 1))
done

script_section "student and solution files agree" sync sh tools/sync-check.sh

script_section "formatting" format sh tools/format-check.sh

script_section "the handout keeps up with the code" doc sh tools/doc-check.sh

script_section "the handout's and README's examples are true of the student copy" doc-examples sh tools/doc-examples.sh

script_section "running a course: hand-in, class grading, autograder, handout" course sh tools/course-test.sh

script_section "the grader's self-tests" selftest sh grade/selftest.sh

section "every rule has a test that fails without it (mutants)"
wait "$mutants" || :
tally "$out/mutants.txt"

section "shellcheck"
for f in grade/*.sh tools/*.sh tools/unit-lib/*.sh .ci/run; do
	check "shellcheck-$(echo "$f" | tr '/' '-')" shellcheck -x "$f"
done

script_section "debugging with GDB" gdb sh tools/gdb-test.sh

section "benchmarks"
if sh grade/bench.sh --lab "$nlabs" --sol --no-build >"$out/bench.txt" 2>&1; then
	ok "every benchmark produced its figure"
	sed 's/^/        /' "$out/bench.txt"
else
	bad "a benchmark produced no figure (see $out/bench.txt)"
fi
# The figures the handout quotes, against each lab's build (the last
# lab's run above serves for its own).
rm -rf "$out/bench-doc"
mkdir -p "$out/bench-doc"
cp "$out/bench.txt" "$out/bench-doc/bench$nlabs.txt"
sh tools/bench-doc-check.sh "$out/bench-doc" >"$out/bench-doc.txt" 2>&1 || :
tally "$out/bench-doc.txt"

finish
