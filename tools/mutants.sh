#!/bin/sh
# Proves the tests can fail: each mutant in grade/lab*.mutants removes one
# rule from the reference solution (a literal one-line replacement), and
# at least one of the tests it names must then fail. Works on a copy of
# the kit under build/mutants/, never on the tree itself.
# Prints "ok - ..." / "not ok - ..." per mutant.
#
#   tools/mutants.sh [LAB]     mutants of labs 1..LAB (default: all)
#   MUTANTS_ONLY=a,b           only the mutants named a and b
set -eu

top=$(pwd)
work=build/mutants
# shellcheck source=grade/common.sh
. grade/common.sh
lab_max=${1:-$(lab_count)}
rm -rf "$work"
mkdir -p "$work/tree"
cp -R Makefile mk tools grade lab[1-9]-* solutions "$work/tree/"
cd "$work/tree"
make -s --no-print-directory LAB="$lab_max" SOL=1 build >../build.log 2>&1 || {
	echo "not ok - the unmutated solution does not build (see $work/build.log)"
	exit 0
}

# replace FILE FROM TO: replaces the one occurrence of the line fragment
# FROM; fails unless FROM occurs exactly once.
replace() {
	awk -v from="$2" -v to="$3" '
		{ n += (i = index($0, from)) > 0
		  if (i) $0 = substr($0, 1, i - 1) to substr($0, i + length(from))
		  print }
		END { exit n != 1 }' "$1" >"$1.mutant" && mv "$1.mutant" "$1"
}

run_mutant() { # run_mutant STANZA_FILE
	name=$(awk '$1 == "mutant" { print $2 }' "$1")
	case ",${MUTANTS_ONLY:-$name}," in *",$name,"*) ;; *) return 0 ;; esac
	file=$(awk '$1 == "file" { print $2 }' "$1")
	from=$(sed -n 's/^from //p' "$1")
	to=$(sed -n 's/^to //p' "$1")
	tests=$(awk '$1 == "tests" { print $2 }' "$1")
	cp "$file" "$file.orig"
	if ! replace "$file" "$from" "$to"; then
		echo "not ok - mutant $name: '$from' is not in $file exactly once"
	elif ! make -s --no-print-directory LAB="$lab_max" SOL=1 build \
		>"../$name.build.log" 2>&1; then
		echo "not ok - mutant $name does not build (see $work/$name.build.log)"
	elif sh grade/grade.sh --lab "$lab_max" --sol --no-build --only "$tests" \
		--out "build/mutant-$name" >"../$name.txt" 2>&1; then
		echo "not ok - mutant $name survives: $tests all pass without the rule"
	else
		caught=$(grep -E '^  [a-z0-9_]+ +(FAIL|CRASH|TIMEOUT)' "../$name.txt" |
			awk '{ print $1 }' | tr '\n' ' ')
		echo "ok - mutant $name is caught by: $caught"
	fi
	mv "$file.orig" "$file"
	touch "$file" # newer than the mutant's object: rebuilt next time
}

k=1
while [ "$k" -le "$lab_max" ]; do
	spec=$top/grade/lab$k.mutants
	k=$((k + 1))
	[ -f "$spec" ] || continue
	rm -f ../stanza.*
	awk -v dir=".." '/^[ \t]*(#|$)/ { next }
		$1 == "mutant" { n++; f = sprintf("%s/stanza.%03d", dir, n) }
		f != "" { print > f }' "$spec"
	for s in ../stanza.*; do
		[ -e "$s" ] && run_mutant "$s"
	done
done
