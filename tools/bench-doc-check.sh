#!/bin/sh
# The handout's measured figures are what make bench measures: a chapter
# that quotes a benchmark's figure quotes today's, not last month's.
# Prints "ok - ..." / "not ok - ..." per chapter.
#
#   tools/bench-doc-check.sh [DIR]
#
# DIR (default build/bench-doc) holds benchK.txt, the output of
# grade/bench.sh for lab K's solution build; a missing one is made (the
# builds must exist). Checked in handout/labK-*.md:
#  - each line "  labN   NAME   VALUE UNIT" of a code block that follows
#    a line "Benchmarks of build/labJ-sol": lab J's figure NAME;
#  - each table row whose first cell is exactly `NAME`, a figure of lab
#    K's build, and whose last cell is a number ("1,234" or "1,234 ns"):
#    lab K's figure; a first cell "`NAME` (lab N's), in lab J's build":
#    lab J's. Rows of another form (a figure with a condition, a figure
#    of another program) are the text's own business.
set -eu
# shellcheck source=grade/common.sh
. grade/common.sh

dir=${1:-build/bench-doc}
mkdir -p "$dir"
nlabs=$(lab_count)
k=1
while [ "$k" -le "$nlabs" ]; do
	if [ ! -s "$dir/bench$k.txt" ]; then
		sh grade/bench.sh --lab "$k" --sol --no-build >"$dir/bench$k.txt" 2>&1 ||
			echo "not ok - make bench for lab $k failed (see $dir/bench$k.txt)"
	fi
	k=$((k + 1))
done

for chapter in handout/lab[1-9]-*.md; do
	k=${chapter#handout/lab}
	k=${k%%-*}
	# shellcheck disable=SC2016 # an awk program, not shell
	awk -v k="$k" -v chapter="$chapter" -v dir="$dir" -v nlabs="$nlabs" '
		function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
		# check(build, name, quoted, line): one figure of the text.
		function check(b, name, quoted, where) {
			if (!((b, name) in fig)) return
			n++
			if (quoted != fig[b, name]) {
				bad = bad sprintf("\n    %s:%d: %s is %s in the text, %s in lab %d'"'"'s build",
					chapter, where, name, quoted, fig[b, name], b)
			}
		}
		BEGIN {
			for (j = 1; j <= nlabs; j++) {
				f = dir "/bench" j ".txt"
				while ((getline l < f) > 0)
					if (l ~ /^  lab[0-9]+ +[a-z0-9_]+ +-?[0-9]+ /) {
						split(l, w, " ")
						fig[j, w[2]] = w[3]
					}
			}
		}
		/^```/ { code = !code; block = 0; next }
		code && /^Benchmarks of build\/lab[0-9]+-sol/ {
			block = $3; sub(/^build\/lab/, "", block); sub(/-sol$/, "", block)
			next
		}
		code && block && /^  lab[0-9]+ +[a-z0-9_]+ +-?[0-9]+ / {
			check(block, $2, $3, FNR)
			next
		}
		!code && /^\| `[a-z0-9_]+`/ {
			m = split($0, c, "|")
			first = trim(c[2]); last = trim(c[m - 1])
			gsub(/,/, "", last)
			if (last !~ /^-?[0-9]+( [a-z]+)?$/) next
			split(last, v, " ")
			name = first; b = k
			if (first ~ /^`[a-z0-9_]+` \(lab [0-9]+.s\), in lab [0-9]+.s build$/) {
				b = first; sub(/.*, in lab /, "", b); sub(/.s build$/, "", b)
			} else if (first !~ /^`[a-z0-9_]+`$/) {
				next
			}
			sub(/^`/, "", name); sub(/`.*/, "", name)
			check(b, name, v[1], FNR)
		}
		END {
			if (bad != "")
				printf "not ok - %s quotes figures make bench no longer gives:%s\n", chapter, bad
			else
				printf "ok - %s: its %d benchmark figures are make bench'"'"'s\n", chapter, n
		}' "$chapter"
done
