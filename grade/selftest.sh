#!/bin/sh
# Self-tests of the grader itself: every verdict, the exit status, TAP and
# JSON output, a failed build, a broken test list, a timeout scaled by the
# environment, an interrupted run leaving no QEMU behind, and no write
# outside build/.
# Prints one "ok - ..." or "not ok - ..." line per check.
set -eu

out=build/selftest
spec=grade/selftest/selftest.tests
make -s --no-print-directory selftest-kernels

check() { # check DESCRIPTION COMMAND...: one line, by the command's status
	desc=$1
	shift
	if "$@" >/dev/null 2>&1; then
		echo "ok - $desc"
	else
		echo "not ok - $desc"
	fi
}

verdict_of() { # verdict_of RUN TEST
	cut -d'|' -f1 "$out/$1/results/$2" 2>/dev/null
}

is() { # is A B: A equals B
	[ "$1" = "$2" ]
}

grade() { # grade RUN ARGS...: the grader on the self-test list, into RUN
	run=$1
	shift
	sh grade/grade.sh --spec "$spec" --no-build --out "$out/$run" "$@" \
		>"$out/$run.txt" 2>&1
}

stamp=$out/stamp
mkdir -p "$out"
: >"$stamp"
sleep 1 # file times have one-second resolution on some systems

rc=0
grade all -j 4 || rc=$?
check "a failing run exits with status 1" is "$rc" 1
for pair in st_pass:PASS st_fail:FAIL st_missing_line:FAIL \
	st_forbidden_line:FAIL st_hang:TIMEOUT st_triple:CRASH \
	st_flood:FAIL st_nul_flood:FAIL st_late_crash:CRASH st_silent:CRASH; do
	name=${pair%%:*}
	want=${pair#*:}
	check "$name gets $want" is "$(verdict_of all "$name")" "$want"
done
check "the flood is cut by the output cap" \
	grep -q 'output cut' "$out/all/results/st_flood"
flood_secs=$(cut -d'|' -f4 "$out/all/results/st_flood")
check "the flood is stopped at once, not at its timeout" \
	awk "BEGIN { exit !($flood_secs < 10) }"
nul_secs=$(cut -d'|' -f4 "$out/all/results/st_nul_flood")
check "a flood of NUL bytes without a newline is cut at once too" \
	awk "BEGIN { exit !($nul_secs < 10) }"
check "the missing line is named" grep -q 'missing: .*never appears' "$out/all.txt"
check "a missing line shows the console line nearest to it" \
	grep -q "^      nearest:   (d0) Test result: SUCCESS\$" "$out/all.txt"
check "...but not one that shares only two words with it" \
	sh -c "! grep -A1 'Test passed' $out/all.txt | grep -q nearest"
check "the forbidden line is shown" grep -q 'forbidden: (d0) Test result' "$out/all.txt"
check "each failed test keeps its log" test -s "$out/all/logs/st_fail.log"
check "a domain with no result line shows its last line" \
	grep -q "^      the last line of d0: (d0) a line of output" "$out/all.txt"
check "a triple fault says what often causes one" \
	grep -q "^      no handler could run in the VMM" "$out/all.txt"
check "a failed test shows the first failure a guest reported" \
	grep -q "^      the first failure reported: (d0) FAILURE: check failed: x == 1" \
	"$out/all.txt"
check "a timeout shows the console's last lines" \
	grep -q '^      > (d0) a line of output' "$out/all.txt"
check "a crash names the function the VMM's backtrace starts in" \
	grep -q "backtrace starts in selftest_leaf()" "$out/all.txt"
check "QEMU's own exit message is not among the last lines" \
	sh -c "! grep -q '> qemu-system' $out/all.txt"
check "the score is counted" grep -q 'total: 1/10' "$out/all.txt"
check "JSON results are written" grep -q '"score": 1, "max_score": 10}' \
	"$out/all/results.json"

rc=0
grade one --only st_pass || rc=$?
check "--only runs one test; all passed: exit status 0" is "$rc" 0
check "--only ran only that test" grep -q 'total: 1/1' "$out/one.txt"

# A failed test of an earlier lab names the later labs' exercises it
# needs too (their lists' `earlier` lines).
mkdir -p "$out/later"
printf 'test st_later 1\nkernel build/selftest/fail.elf\nresult d0\nexit 33\n' \
	>"$out/later/lab1.tests"
printf 'earlier st_later 3 4\n' >"$out/later/lab2.tests"
sh grade/grade.sh --spec "$out/later/lab1.tests" --spec "$out/later/lab2.tests" \
	--no-build --out "$out/later/run" >"$out/later.txt" 2>&1 || :
check "a failed earlier-lab test names the later labs' exercises it needs" \
	grep -q "a lab 1 test, run on your code of the later labs too: it needs lab 2 exercises 3 4\$" \
	"$out/later.txt"

grade tap --only st_pass,st_fail --tap || :
check "--tap prints a TAP plan" grep -qx '1\.\.2' "$out/tap.txt"
check "--tap marks the failure" grep -q '^not ok 2 - selftest/st_fail # FAIL' \
	"$out/tap.txt"

rc=0
sh grade/grade.sh --spec "$spec" --out "$out/broken" --only st_pass \
	--build-cmd 'echo "broken.c:1: error: deliberate" >&2; exit 1' \
	>"$out/broken.txt" 2>&1 || rc=$?
check "a failed build exits with status 1" is "$rc" 1
check "a failed build gives BUILD-FAILED" grep -q 'st_pass .*BUILD-FAILED' \
	"$out/broken.txt"
check "a failed build shows the compiler's error" \
	grep -q 'deliberate' "$out/broken.txt"

# A pattern sed cannot read (a broken test list): a clear FAIL, and the
# console's log is kept all the same.
sed -e '/^test st_pass /,/^$/!d' -e 's/^test st_pass /test st_badpat /' \
	-e '/^exit /i\
expect unmatched (' "$spec" >"$out/badpat.tests"
sh grade/grade.sh --spec "$out/badpat.tests" --no-build --out "$out/badpat" \
	>"$out/badpat.txt" 2>&1 || :
check "a pattern sed refuses gives FAIL, naming the test list" \
	grep -q "st_badpat .*FAIL .*sed refused the stanza's patterns" \
	"$out/badpat.txt"
check "... and keeps the console's log" test -s "$out/badpat/logs/st_badpat.log"

GRADE_TIMEOUT_SCALE=0.5 grade scaled --only st_hang || :
check "GRADE_TIMEOUT_SCALE scales the timeout" \
	grep -q 'no end after 1s' "$out/scaled/results/st_hang"

# An interrupted run stops its QEMU processes.
sh grade/grade.sh --spec "$spec" --no-build --out "$out/killed" \
	--only st_hang >/dev/null 2>&1 &
pid=$!
sleep 1
kill -TERM "$pid"
wait "$pid" || :
sleep 1
check "an interrupted run leaves no QEMU behind" \
	sh -c '! pgrep -f "[b]uild/selftest/hang[.]elf" >/dev/null'

check "the grader wrote nothing outside build/" \
	sh -c "[ -z \"\$(find lab* solutions grade tools -newer $stamp 2>/dev/null)\" ]"
