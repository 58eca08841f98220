#!/bin/sh
# Proves the tests can fail: each mutant in grade/lab*.mutants removes one
# rule from the reference solution (a literal one-line replacement), and
# at least one of the tests it names must then fail. Works on copies of
# the kit under build/mutants/, never on the tree itself.
# Prints "ok - ..." / "not ok - ..." per mutant, in the lists' order.
# A mutant is graded in the build of the last lab (LAB below), or of lab K
# if its stanza has a line "lab K".
#
#   tools/mutants.sh [LAB]     mutants of labs 1..LAB (default: all)
#   MUTANTS_ONLY=a,b           only the mutants named a and b
#   MUTANTS_JOBS=N             mutants tried at once (default: the CPUs)
#
# Each mutant rebuilds only what its tests need (the VMM, their guests,
# their unit-test binaries) and runs only those tests; afterwards only what
# may hold the mutant is removed, and the original's objects are put back,
# not compiled again (undo_build). The mutants are dealt out to
# MUTANTS_JOBS copies of the kit that work side by side; at the end what
# is left of each copy's builds must be the solution's, byte for byte.
set -eu

top=$(pwd)
work=$top/build/mutants
# shellcheck source=grade/common.sh
. grade/common.sh
lab_max=${1:-$(lab_count)}
jobs=${MUTANTS_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
rm -rf "$work"
mkdir -p "$work/tree0" "$work/stanzas" "$work/results"
# Copies keep the files' times; the first starts from the solution's build
# where there is one (make test has just made it).
cp -Rp Makefile mk tools grade lab[1-9]-* solutions "$work/tree0/"
if [ -d "build/lab$lab_max-sol" ]; then
	mkdir -p "$work/tree0/build"
	cp -Rp "build/lab$lab_max-sol" "$work/tree0/build/"
fi

# replace FILE FROM TO: replaces the one occurrence of the line fragment
# FROM; fails unless FROM occurs exactly once.
replace() {
	awk -v from="$2" -v to="$3" '
		{ n += (i = index($0, from)) > 0
		  if (i) $0 = substr($0, 1, i - 1) to substr($0, i + length(from))
		  print }
		END { exit n != 1 }' "$1" >"$1.mutant" && mv "$1.mutant" "$1"
}

# keep_objects B STEM: copies (with their times) the objects the build B
# has made of the source STEM.c or STEM.S, for the target and for the
# host, and their dependency lists, as *.keep; kept lists them.
keep_objects() {
	kept=""
	for f in "$1/obj/$2.o" "$1/obj/$2.d" "$1/host/$2.o" "$1/host/$2.d"; do
		[ -f "$f" ] || continue
		cp -p "$f" "$f.keep"
		kept="$kept $f"
	done
}

# undo_build B FILE: after a mutant's run, FILE (the mutated source)
# restored with its old time. Of the files the mutant's build wrote into B
# (newer than $B.stamp), those that may hold the mutant are removed, to be
# made anew when a later build needs them: every linked image, and the
# objects whose dependency list names FILE. The other objects stay: each
# is made from sources alone, or (programs.o, which includes the user
# programs' images; ksyms.o, remade by every link of the VMM) from
# outputs it lists as prerequisites, which are removed and so remade
# first. (Rule for the Makefile: an object that embeds another output
# must name it as a prerequisite.) The objects of FILE
# itself come back from keep_objects: made from the original and newer
# than it, they are up to date, so the original is not compiled again.
undo_build() {
	if [ -d "$1" ]; then
		find "$1" -type f -newer "$1.stamp" >"$1.new"
		grep -v '\.[od]$' "$1.new" | xargs rm -f
		grep '\.d$' "$1.new" | xargs grep -lF "$2" /dev/null |
			while IFS= read -r d; do rm -f "${d%.d}.o" "$d"; done
	fi
	for f in $kept; do
		mv -f "$f.keep" "$f"
	done
	rm -f "$1.stamp" "$1.new"
}

# same_as_solution I: in copy I, its mutants all undone, every image and
# object left in a build of a solution must be byte for byte the one the
# kit made of the unmutated solution (build/labK-sol at the top, fresh in
# make test): the proof that undo_build left nothing of any mutant
# behind, so that each verdict above was taken with one mutant only.
# (What undo_build removed is simply not there. Skipped: the objects made
# from other outputs, remade before every use: ksyms*.o and programs.o;
# and vmm.pass1.elf. Builds do not depend on where the kit is: see
# mk/toolchain.mk.)
same_as_solution() {
	for b in build/lab[1-9]-sol; do
		[ -d "$b" ] || continue
		if [ ! -f "$top/$b/vmm.elf" ]; then
			echo "skip - copy $1's $b: no build of the solution to compare with"
			continue
		fi
		find "$b" -type f \( -name '*.o' -o -name '*.elf' -o \
			-path "$b/unit/test_*" \) ! -name 'ksyms*.o' \
			! -name programs.o ! -name vmm.pass1.elf >"$work/same.$1.files"
		n=0 differ=""
		while IFS= read -r f; do
			n=$((n + 1))
			cmp -s "$f" "$top/$f" || differ="$differ ${f#"$b"/}"
		done <"$work/same.$1.files"
		if [ -n "$differ" ]; then
			echo "not ok - copy $1's $b differs from the solution's after its mutants:$differ"
		else
			echo "ok - copy $1's $b: its $n images and objects are the solution's after its mutants"
		fi
	done
}

# run_mutant STANZA_FILE: in the current copy of the kit; prints the
# verdict line.
run_mutant() {
	name=$(awk '$1 == "mutant" { print $2 }' "$1")
	file=$(awk '$1 == "file" { print $2 }' "$1")
	from=$(sed -n 's/^from //p' "$1")
	to=$(sed -n 's/^to //p' "$1")
	tests=$(awk '$1 == "tests" { print $2 }' "$1")
	# "lab K": a rule that a later lab removes on purpose (lab 3's limit
	# of 1024 requests per batch) is graded in lab K's build.
	mlab=$(awk '$1 == "lab" { print $2 }' "$1")
	mlab=${mlab:-$lab_max}
	log=$work/$name
	grade="sh grade/grade.sh --lab $mlab --sol --only $tests"
	grade="$grade --out build/mutant-$name"
	mb=$(variant_dir "$mlab" "$mlab")
	cp -p "$file" "$file.orig" # its time too: see undo_build
	keep_objects "$mb" "${file%.*}"
	: >"$mb.stamp"
	if ! replace "$file" "$from" "$to"; then
		echo "not ok - mutant $name: '$from' is not in $file exactly once"
	elif ! $grade --print-targets >"$log.targets" 2>&1; then
		echo "not ok - mutant $name: its tests '$tests' are not all known"
	elif ! xargs make -s --no-print-directory LAB="$mlab" SOL=1 \
		<"$log.targets" >"$log.build.log" 2>&1; then
		echo "not ok - mutant $name does not build (see $log.build.log)"
	elif $grade --no-build >"$log.txt" 2>&1; then
		echo "not ok - mutant $name survives: $tests all pass without the rule"
	else
		caught=$(grep -E '^  [a-z0-9_]+ +(FAIL|CRASH|TIMEOUT)' "$log.txt" |
			awk '{ print $1 }' | tr '\n' ' ')
		echo "ok - mutant $name is caught by: $caught"
	fi
	mv "$file.orig" "$file"
	undo_build "$mb" "$file"
}

# The stanzas of labs 1..lab_max, numbered in list order.
k=1
n=0
while [ "$k" -le "$lab_max" ]; do
	spec=$top/grade/lab$k.mutants
	k=$((k + 1))
	[ -f "$spec" ] || continue
	n=$(awk -v dir="$work/stanzas" -v n="$n" '/^[ \t]*(#|$)/ { next }
		$1 == "mutant" { n++; f = sprintf("%s/%04d", dir, n) }
		f != "" { print > f }
		END { print n }' "$spec")
done
if [ -n "${MUTANTS_ONLY:-}" ]; then
	for s in "$work"/stanzas/*; do
		name=$(awk '$1 == "mutant" { print $2 }' "$s")
		case ",$MUTANTS_ONLY," in *",$name,"*) ;; *) rm -f "$s" ;; esac
	done
fi

# The unmutated solution must build (in full: the first copy).
cd "$work/tree0"
make -s --no-print-directory LAB="$lab_max" SOL=1 build >"$work/build.log" 2>&1 || {
	echo "not ok - the unmutated solution does not build (see $work/build.log)"
	exit 0
}
cd "$top"

# Copy i takes every jobs-th stanza; copies keep the build's timestamps,
# so each starts with nothing to rebuild.
i=1
while [ "$i" -lt "$jobs" ]; do
	cp -Rp "$work/tree0" "$work/tree$i"
	i=$((i + 1))
done
i=0
while [ "$i" -lt "$jobs" ]; do
	(
		cd "$work/tree$i"
		j=0
		for s in "$work"/stanzas/*; do
			[ -e "$s" ] || continue
			[ $((j % jobs)) = "$i" ] && run_mutant "$s" >"$work/results/${s##*/}"
			j=$((j + 1))
		done
		same_as_solution "$i" >"$work/results/same.$i"
	) &
	i=$((i + 1))
done
wait
cat "$work"/results/* 2>/dev/null || :
