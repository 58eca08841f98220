#!/bin/sh
# The lab a command works on when no LAB= is given (make grade, qemu,
# qemu-gdb, gdb, bench, unit; grade/grade.sh and grade/bench.sh without
# --lab): the lab the student is working on, i.e. the last lab in which
# some exercise has code (its stub, EXERCISE_STUB(k, n, "name"), is
# gone), or lab 1 in a fresh copy. A student who has finished lab 1 and
# not yet started lab 2 still gets lab 1; the first exercise written in
# lab 2 moves the default there. With the solutions (SOL=1, --sol), the
# last lab.
#
#   tools/default-lab.sh [--sol] [--say]
# prints the lab number; --say also prints, on standard error, one line
# saying why.
set -eu

sol="" say=""
for a in "$@"; do
	case $a in
	--sol) sol=yes ;;
	--say) say=yes ;;
	*) echo "default-lab.sh: unknown option $a" >&2; exit 2 ;;
	esac
done
labs=$(find . -maxdepth 1 -name 'lab[1-9]-*' -type d | sort)
last=$(echo "$labs" | wc -l | tr -d ' ')
if [ -n "$sol" ]; then
	echo "$last"
	[ -z "$say" ] || echo "lab $last: the last lab (the solutions);" \
		"LAB=N for another" >&2
	exit 0
fi

# For each lab: its exercises (BEGIN markers) and the stubs still there.
pick=1 why="no exercise has code yet"
k=0
for dir in $labs; do
	k=$((k + 1))
	total=$(grep -rhoE "BEGIN LAB $k EXERCISE [0-9]+ " "$dir" | wc -l)
	stubs=$(grep -rhoE "EXERCISE_STUB\\($k, [0-9]+," "$dir" | wc -l)
	if [ "$stubs" -lt "$total" ]; then
		pick=$k
		why="the last lab with finished exercises" # (stubs gone)
		why="$why ($((total - stubs)) of $total)"
	fi
done
echo "$pick"
[ -z "$say" ] || echo "lab $pick: $why; LAB=N for another" >&2
