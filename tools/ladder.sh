#!/bin/sh
# The exercise ladder of lab K: starting from the student copy (labs
# 1..K-1 solved), solves lab K's exercises one at a time, in number order,
# and grades after each step. After step n, a lab K test must pass iff
# every exercise it needs is solved; otherwise it must fail naming one of
# its unsolved exercises; so must the earlier labs' tests this lab's code
# makes depend on its exercises ("earlier" lines, grade/README.md). This
# proves the "needs" lists and that every test fails for the right reason.
# Works on a copy under build/ladder/.
# Prints "ok - ..." / "not ok - ..." lines.
#
#   tools/ladder.sh [--graded] K
#
# --graded: the student-copy build of lab K (build/labK or
# build/labK-solved<K-1>) has just been graded whole, as make test does:
# step 0 takes those verdicts instead of grading the same tree again, and
# the last step takes the reference solution's (build/labK-sol) when the
# tree is then the reference solution byte for byte.
set -eu

graded=""
[ "$1" = --graded ] && { graded=yes; shift; }
k=$1
top=$(pwd)
work=$top/build/ladder/lab$k
spec=$top/grade/lab$k.tests
labdir=$(find . -maxdepth 1 -name "lab$k-*" -type d | head -n 1)
labdir=${labdir#./}
rm -rf "$work"
mkdir -p "$work/tree/build"
# A copy that keeps the files' times, with the student-copy build of this
# lab (make test has just made it) where there is one: step 0 then
# rebuilds nothing, and each step only what its splice touched.
cp -Rp Makefile mk tools grade lab[1-9]-* solutions "$work/tree/"
# shellcheck source=grade/common.sh
. grade/common.sh
start=$(variant_dir "$k" $((k - 1)))
[ -d "$start" ] && cp -Rp "$start" "$work/tree/build/"
# Every exercise, "LAB N NAME FILE" a line (read once: it takes seconds).
sh tools/sync-check.sh --list >"$work/exercises"
cd "$work/tree"

# splice N: copies exercise N's solved region from its solution file into
# the student file.
splice() {
	f=$(awk -v k="$k" -v n="$1" '$1 == k && $2 == n { print $4 }' \
		"$work/exercises")
	sol=$top/solutions/$labdir/$f
	stu=$labdir/$f
	awk -v n="$1" -v k="$k" -v sol="$sol" '
		BEGIN { begin = "BEGIN LAB " k " EXERCISE " n " [(]"
			end = "END LAB " k " EXERCISE " n " [*]"
			while ((getline l < sol) > 0) {
				if (l ~ end) grab = 0
				if (grab) body = body l "\n"
				if (l ~ begin) grab = 1
			} }
		$0 ~ end { skip = 0 }
		!skip { print }
		$0 ~ begin { printf "%s", body; skip = 1 }' "$stu" >"$stu.new"
	mv "$stu.new" "$stu"
}

# The earlier labs' tests that lab K's code makes depend on its exercises,
# one "NAME|N..." line each: those of the "earlier NAME N..." lines, and
# for an "earlier * N..." line every earlier-lab test that boots a domain
# and has no line of its own.
earlier_tests() {
	files=""
	j=1
	while [ "$j" -lt "$k" ]; do
		files="$files grade/lab$j.tests"
		j=$((j + 1))
	done
	# shellcheck disable=SC2086 # files: paths without spaces
	awk -v spec="$spec" '
		BEGIN {
			while ((getline l < spec) > 0) {
				n = split(l, w)
				if (w[1] != "earlier")
					continue
				s = ""
				for (i = 3; i <= n; i++)
					s = s " " w[i]
				if (w[2] == "*")
					wild = s
				else {
					need[w[2]] = s
					named[++m] = w[2]
				}
			}
		}
		$1 == "test" { cur = $2 }
		$1 == "boot" && wild != "" && !(cur in need) && !(cur in seen) {
			seen[cur] = 1
			boots[++c] = cur
		}
		END {
			for (i = 1; i <= m; i++)
				print named[i] "|" need[named[i]]
			for (i = 1; i <= c; i++)
				print boots[i] "|" wild
		}' $files </dev/null
}

# judge STEP: checks the results after exercises 1..STEP are solved
# (each test's latest result, kept in $work/kept).
judge() {
	res=$work/kept
	{
		awk '$1 == "test" { name = $2; needs[name] = "" }
		     $1 == "needs" { $1 = ""; needs[name] = $0 }
		     END { for (t in needs) print t "|" needs[t] }' "$spec"
		cat "$work/earlier"
	} |
		while IFS='|' read -r name needs; do
			verdict="" note=""
			[ -f "$res/$name" ] &&
				IFS='|' read -r verdict _ _ _ note <"$res/$name"
			open=""
			for n in $needs; do
				[ "$n" -gt "$1" ] && open="$open $n"
			done
			named=""
			for n in $open; do
				case $note in *"LAB $k EXERCISE $n ("*) named=$n ;; esac
			done
			if [ -z "$open" ] && [ "$verdict" = PASS ]; then
				echo "ok - lab $k, exercises 1..$1 solved: $name passes"
			elif [ -n "$open" ] && [ -n "$named" ]; then
				echo "ok - lab $k, exercises 1..$1 solved: $name fails naming exercise $named"
			else
				echo "not ok - lab $k, exercises 1..$1 solved: $name: $verdict '$note' (needs$needs)"
			fi
		done | sort
}

# This lab's tests, and the earlier labs' tests that need its exercises.
earlier_tests >"$work/earlier"
names=$({
	awk '$1 == "test" { print $2 }' "$spec"
	cut -d'|' -f1 "$work/earlier"
} | paste -sd, -)
specs=""
j=1
while [ "$j" -le "$k" ]; do
	specs="$specs --spec grade/lab$j.tests"
	j=$((j + 1))
done

# The tests to run at a step: all at step 0 and at the last step; in
# between, only those whose verdict can have changed. A skipped test is
# judged on its last result. Skipped:
#  - a test that passed: it stays passed as more exercises are solved
#    (the runs are deterministic under -icount, and a step only adds
#    solved code); the last step, which runs them all, would catch one
#    that did not;
#  - a test whose run ended in the VMM's stub of an exercise still
#    unsolved, before any domain printed a line (kept/NAME.stub holds its
#    number): the stub powers the machine off, and the exercise solved
#    since was not reached before it (its own stub would have stopped the
#    run first). With no guest run yet (every test guest prints its title
#    first), the VMM alone, its interrupts off, takes the same path to the
#    same stub, however much the solved code moved the rest of the image.
to_run() {
	if [ "$step" -eq 0 ] || [ "$step" -eq "$count" ]; then
		echo "$names"
		return
	fi
	echo "$names" | tr , '\n' | while read -r t; do
		verdict=""
		[ -f "$work/kept/$t" ] && IFS='|' read -r verdict _ <"$work/kept/$t"
		[ "$verdict" = PASS ] && continue
		if [ -f "$work/kept/$t.stub" ]; then
			read -r m <"$work/kept/$t.stub"
			[ "$m" -gt "$step" ] && continue
		fi
		echo "$t"
	done | paste -sd, -
}

# keep DIR: takes the results in DIR/results (logs in DIR/logs) as each
# test's latest; for a failure that stopped at the VMM's stub of a lab K
# exercise before any domain printed (the first "not implemented" line of
# the log is the VMM's, names it, and no "(dN) " line comes before it),
# notes the exercise's number in kept/NAME.stub.
keep() {
	for f in "$1"/results/*; do
		[ -e "$f" ] || continue # no result at all: judged as missing
		case $f in *.detail | *.tail) continue ;; esac
		t=${f##*/}
		cp "$f" "$work/kept/$t"
		[ -e "$work/kept/$t.stub" ] && rm "$work/kept/$t.stub"
		IFS='|' read -r verdict _ <"$f"
		[ "$verdict" = PASS ] || echo "$1/logs/$t.log"
	done >"$work/failed-logs"
	[ -s "$work/failed-logs" ] || return 0
	# One awk for all the logs: a process per test would cost seconds.
	# shellcheck disable=SC2016 # an awk program, not shell
	xargs awk -v k="$k" -v kept="$work/kept" '
		FNR == 1 { done = 0 }
		!done && /^\(d[0-9]+\) / { done = 1 }
		!done && /EXERCISE [0-9]+ \(.*\) not implemented/ {
			done = 1
			if (index($0, "(VMM) LAB " k " EXERCISE ") != 1)
				next
			split($0, w, " ")
			t = FILENAME
			sub(/.*\//, "", t)
			sub(/\.log$/, "", t)
			print w[5] > (kept "/" t ".stub")
			close(kept "/" t ".stub")
		}' <"$work/failed-logs" 2>/dev/null || :
}

# has_results DIR: DIR/results has a verdict for every test of the ladder.
has_results() {
	for t in $(echo "$names" | tr , ' '); do
		[ -f "$1/results/$t" ] || return 1
	done
}

# The tree with every exercise solved is the reference solution when each
# of lab K's exercise files is its solution file, byte for byte (the rest
# of the tree is the same files: tools/sync-check.sh). The two builds then
# differ only in the source paths that BUG_ON and test messages carry
# ("solutions/..."), never in code.
is_reference() {
	awk -v k="$k" '$1 == k { print $4 }' "$work/exercises" | sort -u |
		while read -r f; do
			cmp -s "$labdir/$f" "$top/solutions/$labdir/$f" || return 1
		done
}

count=$(awk -v k="$k" '$1 == k' "$work/exercises" | wc -l)
mkdir -p "$work/kept"
step=0
while [ "$step" -le "$count" ]; do
	[ "$step" -gt 0 ] && splice "$step"
	make -s --no-print-directory LAB="$k" SOLVED=$((k - 1)) build \
		>"$work/build-$step.log" 2>&1 || {
		echo "not ok - lab $k ladder step $step does not build"
		exit 0
	}
	run=$(to_run)
	if [ -n "$graded" ] && [ "$step" -eq 0 ] &&
		has_results "$start/grade"; then
		keep "$start/grade"
		echo "ok - lab $k ladder step 0: the student copy's verdicts (just graded)"
	elif [ -n "$graded" ] && [ "$step" -eq "$count" ] && is_reference &&
		has_results "$top/build/lab$k-sol/grade"; then
		keep "$top/build/lab$k-sol/grade"
		echo "ok - lab $k ladder step $step: the tree is the reference solution, byte for byte; its verdicts"
	elif [ -n "$run" ]; then
		# A test that this run leaves without a result must not keep an
		# older one.
		set --
		for t in $(echo "$run" | tr , ' '); do
			set -- "$@" "$work/kept/$t" "$work/kept/$t.stub"
		done
		rm -f "$@"
		# shellcheck disable=SC2086 # specs: options without spaces
		sh grade/grade.sh --lab "$k" --solved $((k - 1)) --no-build \
			$specs --only "$run" --out build/ladder-grade \
			>"$work/grade-$step.txt" 2>&1 || :
		keep build/ladder-grade
	fi
	judge "$step"
	step=$((step + 1))
done
echo "ok - lab $k ladder: all $count steps built, graded and judged"
