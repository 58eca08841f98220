#!/bin/sh
# A benchmark of the kit itself (make bench-kit): how long a student and
# the kit's own test suite wait. Wall-clock seconds on this machine, so
# they vary with the host and its load; each figure is the median of
# RUNS runs (default 5). Not a test: nothing passes or fails here.
#
#   tools/bench-kit.sh [RUNS]
#
# It prints
#  - one grading boot (tests/hello.elf on lab 1's solution), with the
#    kit's QEMU command line and with QEMU's defaults, for comparison;
#  - that one test as make grade TEST=hello runs it, start to end;
#  - make grade LAB=k SOL=1 for each lab k: lab k's own tests, and all the
#    tests of labs 1..k (the build is done first and not timed); and lab 1
#    of the untouched student copy (every test fails fast);
#  - the sections of the last make test run (build/test/times), if any:
#    one run only, make test takes minutes.
set -eu
# shellcheck source=grade/common.sh
. grade/common.sh

runs=${1:-5}
out=build/bench-kit
mkdir -p "$out"

now() { date +%s.%N; }

# median: of the numbers on standard input, one per line.
median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) exit 1
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.2f\n", m }'
}

# timed CMD...: runs CMD RUNS times (output to $out/last.log), prints the
# median wall time in seconds.
timed() {
	i=0
	while [ "$i" -lt "$runs" ]; do
		t0=$(now)
		"$@" >"$out/last.log" 2>&1 || {
			echo "bench-kit: '$*' failed (see $out/last.log)" >&2
			exit 1
		}
		awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }'
		i=$((i + 1))
	done | median
}

nlabs=$(lab_count)
k=1
while [ "$k" -le "$nlabs" ]; do
	make -s --no-print-directory LAB="$k" SOL=1 build >"$out/build.log" 2>&1
	k=$((k + 1))
done
make -s --no-print-directory LAB=1 SOLVED=0 build >"$out/build.log" 2>&1

B=build/lab1-sol
boot() { # one run of the hello test, as the grader boots it
	sh tools/qemu.sh --grade "$B/vmm.elf" "$B/tests/hello.elf" </dev/null |
		grep -q 'all domains gone (0 failed)'
}
default_boot() { # QEMU's defaults: default devices and SeaBIOS
	qemu-system-i386 -machine pc -m 128 -no-reboot \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$B/vmm.elf" -initrd "$B/tests/hello.elf" \
		-icount shift=0,sleep=off -display none -monitor none \
		-serial stdio </dev/null | grep -q 'all domains gone (0 failed)'
}

echo "The kit's own speed on this machine ($(getconf _NPROCESSORS_ONLN) CPUs)," \
	"median of $runs runs, seconds"
printf '  %-48s %8s\n' "one grading boot (hello, lab 1)" "$(timed boot)"
printf '  %-48s %8s\n' "  the same with QEMU's default devices and BIOS" \
	"$(timed default_boot)"
# One test the way a student reruns it: make's start, the build check,
# the grader's set-up and report around the boot. As from a shell, not
# as a make that make bench-kit started (that one checks no tools).
one_test() {
	env -u MAKELEVEL -u MAKEFLAGS -u MFLAGS -u KIT_TOOLS_CHECKED \
		-u TOOLPREFIX make -s --no-print-directory LAB=1 SOL=1 grade \
		TEST=hello GRADE_FLAGS="--out $out/one"
}
printf '  %-48s %8s\n' "make grade LAB=1 SOL=1 TEST=hello (one test)" \
	"$(timed one_test)"
k=1
all=0
while [ "$k" -le "$nlabs" ]; do
	n=$(grep -c '^test ' "grade/lab$k.tests")
	all=$((all + n))
	printf '  %-48s %8s\n' "make grade LAB=$k SOL=1, lab $k's $n tests" \
		"$(timed sh grade/grade.sh --lab "$k" --sol --no-build \
			--spec "grade/lab$k.tests" --out "$out/grade")"
	if [ "$k" -gt 1 ]; then
		printf '  %-48s %8s\n' "make grade LAB=$k SOL=1, labs 1..$k: $all tests" \
			"$(timed sh grade/grade.sh --lab "$k" --sol --no-build \
				--out "$out/grade")"
	fi
	k=$((k + 1))
done
# The untouched student copy: every test fails fast, naming an exercise.
student() {
	! sh grade/grade.sh --lab 1 --solved 0 --no-build --out "$out/grade"
}
printf '  %-48s %8s\n' "make grade LAB=1, the untouched student copy" \
	"$(timed student)"
if [ -s build/test/times ]; then
	echo "The last make test (one run, build/test/times), seconds"
	awk -F'|' '{ printf "  %-48s %8s\n", $1, $2; s += $2 }
		END { printf "  %-48s %8s\n", "in all", s }' build/test/times
else
	echo "(no make test run yet: its sections show here after one)"
fi
