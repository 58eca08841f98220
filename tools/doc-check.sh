#!/bin/sh
# The handout keeps up with the code: each lab's chapter names every one
# of its exercises and every one of its grading tests, and the handout's
# relative links point at files that exist.
# Prints "ok - ..." / "not ok - ..." lines.
set -eu

exercises=$(mktemp)
trap 'rm -f "$exercises"' EXIT
sh tools/sync-check.sh --list >"$exercises" # once: it takes seconds
for labdir in lab[1-9]-*; do
	k=${labdir#lab}
	k=${k%%-*}
	chapter=handout/$labdir.md
	if [ ! -f "$chapter" ]; then
		echo "not ok - lab $k has no chapter $chapter"
		continue
	fi
	missing=$(awk -v k="$k" '$1 == k { print $3 }' "$exercises" |
		while read -r ex; do grep -q "$ex" "$chapter" || echo "$ex"; done)
	if [ -z "$missing" ]; then
		echo "ok - $chapter describes every lab $k exercise"
	else
		echo "not ok - $chapter does not name exercises: $(echo "$missing" | tr "\n" " ")"
	fi
	missing=$(awk '$1 == "test" { print $2 }' "grade/lab$k.tests" |
		while read -r t; do grep -q "$t" "$chapter" || echo "$t"; done)
	if [ -z "$missing" ]; then
		echo "ok - $chapter names every lab $k grading test"
	else
		echo "not ok - $chapter does not name tests: $(echo "$missing" | tr "\n" " ")"
	fi
done
broken=$(grep -o '](\([a-z0-9_./-]*\.md\)[)#]' handout/*.md | sed 's/.*](\(.*\)[)#]/\1/' |
	sort -u | while read -r l; do [ -f "handout/$l" ] || echo "$l"; done)
if [ -z "$broken" ]; then
	echo "ok - the handout's links between chapters resolve"
else
	echo "not ok - broken handout links: $(echo "$broken" | tr "\n" " ")"
fi
