#!/bin/sh
# Proves that the student tree and the solutions agree (DESIGN.md 3):
#  - every file in solutions/labK-*/ exists in labK-*/;
#  - both are identical outside the exercise regions, i.e. the lines
#        /* BEGIN LAB k EXERCISE n (name) */ ... /* END LAB k EXERCISE n */
#  - the markers pair up the same way in both, with the lab's own number,
#    and each (lab, exercise) appears once in the whole kit;
#  - every student region is a stub, EXERCISE_STUB(k, n, "name");
#  - no student file has exercise markers without a solution file.
# Prints "ok - ..." / "not ok - ..." per file, and with --list the
# exercises as "LAB N NAME FILE" lines instead.
set -eu

# The marker lines of a file, normalised: "BEGIN k n name" / "END k n".
markers() {
	sed -n 's|.*/\* BEGIN LAB \([0-9]*\) EXERCISE \([0-9]*\) (\([^)]*\)) \*/.*|BEGIN \1 \2 \3|p
		s|.*/\* END LAB \([0-9]*\) EXERCISE \([0-9]*\) \*/.*|END \1 \2|p' "$1"
}

# The file with every region's body removed (markers kept).
outside() {
	awk '/\/\* END LAB [0-9]+ EXERCISE [0-9]+ \*\//   { inside = 0 }
	     !inside { print }
	     /\/\* BEGIN LAB [0-9]+ EXERCISE [0-9]+ \(/ { inside = 1 }' "$1"
}

# Checks the marker sequence of file $1 (lab $2); prints problems.
check_markers() {
	markers "$1" | awk -v lab="$2" -v f="$1" '
		$1 == "BEGIN" { if (open) print f ": BEGIN inside exercise " n
				if ($2 != lab) print f ": exercise of lab " $2 " in lab " lab
				open = 1; n = $3; name = $4; next }
		$1 == "END"   { if (!open || $3 != n) print f ": END " $3 " does not close " n
				open = 0 }
		END { if (open) print f ": exercise " n " (" name ") never ends" }'
}

# Checks that each region of student file $1 holds the matching stub.
check_stubs() {
	awk '/\/\* BEGIN LAB [0-9]+ EXERCISE [0-9]+ \(/ {
		match($0, /LAB [0-9]+ EXERCISE [0-9]+ \([^)]*\)/)
		split(substr($0, RSTART, RLENGTH), w, /[ ()]+/)
		want = "EXERCISE_STUB(" w[2] ", " w[4] ", \"" w[5] "\")"
		inside = 1; found = 0; next }
	     /\/\* END LAB [0-9]+ EXERCISE [0-9]+ \*\// {
		if (!found) print FILENAME ": exercise " w[4] " has no " want
		inside = 0; next }
	     inside && index($0, want) { found = 1 }' "$1"
}

list=""
case ${1:-} in
--list) list=yes ;;
-h | --help)
	sed -n '2,11s/^# \{0,1\}//p' "$0"
	exit 0
	;;
esac
have_solutions=""
for d in solutions/lab[1-9]-*; do
	[ -d "$d" ] && have_solutions=yes
done
if [ -z "$list" ] && [ -z "$have_solutions" ]; then
	echo "sync-check: no solutions/ here (a student copy): nothing to compare"
	exit 0
fi
problems=$(mktemp)
all=$(mktemp)
trap 'rm -f "$problems" "$all"' EXIT

for labdir in lab[1-9]-*; do
	k=${labdir#lab}
	k=${k%%-*}
	grep -rl 'BEGIN LAB [0-9]* EXERCISE' "$labdir" 2>/dev/null | sort |
		while read -r f; do
			rel=${f#"$labdir"/}
			sol=solutions/$labdir/$rel
			p=$(check_markers "$f" "$k"; check_stubs "$f"
			    [ -f "$sol" ] || echo "$f: no solution file $sol"
			    if [ -f "$sol" ]; then
				check_markers "$sol" "$k"
				[ "$(markers "$f")" = "$(markers "$sol")" ] ||
					echo "$f: exercise markers differ from $sol"
				outside "$f" >"$all.a"; outside "$sol" >"$all.b"
				cmp -s "$all.a" "$all.b" ||
					echo "$f: differs from $sol outside the exercises"
			    fi)
			if [ -n "$list" ]; then
				markers "$f" | awk -v f="$rel" '$1 == "BEGIN" { print $2, $3, $4, f }'
			elif [ -z "$p" ]; then
				echo "ok - $f agrees with its solution"
			else
				echo "not ok - $f"
				echo "$p" | sed 's/^/    /'
			fi
			markers "$f" | awk '$1 == "BEGIN" { print $2, $3 }' >>"$all"
		done
	for sol in $(find "solutions/$labdir" -type f 2>/dev/null | sort); do
		[ -f "$labdir/${sol#solutions/"$labdir"/}" ] ||
			echo "not ok - $sol has no student file"
	done
done
rm -f "$all.a" "$all.b"
[ -n "$list" ] && exit 0
dups=$(sort "$all" | uniq -d)
if [ -n "$dups" ]; then
	echo "not ok - exercises numbered twice: $dups"
else
	echo "ok - every exercise number is used once"
fi
