#!/bin/sh
# Proves that the examples in README.md and handout/*.md are true of the
# student copy: each code block marked for checking is run in a fresh
# student copy (make dist, unpacked under build/doc-examples/) and what
# its commands print is compared with what the block shows. Also rejects
# absolute paths of a developer's machine (/work/..., /home/..., /root/,
# /Users/..., /tmp/...) anywhere in those files.
#
# Marking a block: an HTML comment on the line before the fence,
#     <!-- example: student -->        the untouched student copy
#     <!-- example: student solved=1 --> the same with labs 1..1 solved
# In the block, a line "$ CMD" is a command (run by sh in the copy's top
# directory, standard error with standard output); the lines after it,
# up to the next command, are what it must print, in order:
#  - a line "..." stands for any number of lines;
#  - "..." inside a line stands for any text;
#  - times such as "0.4s" match any time; runs of blanks match any run;
#    carriage returns (a serial console's line ends) are dropped.
# Prints "ok - ..." / "not ok - ..." lines (tools/test.sh tallies them).
set -eu

top=$(pwd)
work=$top/build/doc-examples
docs="README.md handout/*.md"

# ---- no host paths ------------------------------------------------------
# shellcheck disable=SC2086 # docs: a list of globs
hits=$(grep -nE '(^|[^A-Za-z0-9_.~-])/(work|home|root|Users|tmp)/' $docs || :)
if [ -n "$hits" ]; then
	echo "$hits" | while IFS= read -r h; do
		echo "not ok - a path of a developer's machine: $h"
	done
else
	echo "ok - no absolute paths of a developer's machine in the docs"
fi

# ---- the marked examples --------------------------------------------------
# Extracts the blocks: $work/blocks/N.{where,variant,script}.
rm -rf "$work"
mkdir -p "$work/blocks"
# shellcheck disable=SC2086 # docs: a list of globs
awk -v dir="$work/blocks" '
	FNR == 1 { mark = 0; inblock = 0 }
	/^<!-- example: student( solved=[0-9]+)? -->$/ {
		mark = 1
		variant = ($4 ~ /^solved=/) ? substr($4, 8) : 0
		line = FNR
		next
	}
	mark && /^```/ && !inblock {
		inblock = 1; mark = 0; n++
		f = dir "/" n
		print FILENAME ":" line + 1 > (f ".where")
		print variant > (f ".variant")
		printf "" > (f ".block")
		next
	}
	inblock && /^```/ { inblock = 0; next }
	inblock { print > (f ".block") }
	{ mark = 0 }' $docs

ls "$work"/blocks/*.block >/dev/null 2>&1 || {
	echo "not ok - no example is marked for checking"
	exit 0
}

# A fresh student copy per variant (the tree as git has it: make dist).
sh tools/dist.sh >"$work/dist.log" 2>&1 || {
	echo "not ok - make dist failed (see $work/dist.log)"
	exit 0
}
copy() { # copy VARIANT: the directory of that student copy, made once
	d=$work/copy-$1
	if [ ! -d "$d" ]; then
		mkdir -p "$d"
		tar -xzf build/student-kit.tar.gz -C "$d"
		k=1
		while [ "$k" -le "$1" ]; do
			for sol in solutions/lab"$k"-*; do
				cp -R "$sol/." "$d/student-kit/${sol#solutions/}/"
			done
			k=$((k + 1))
		done
	fi
	echo "$d/student-kit"
}

# match EXPECTED ACTUAL: the comparison rules above; prints the first
# expected line that is not matched.
match() {
	awk -v want="$1" '
		function norm(s) {
			gsub(/\r/, "", s)
			gsub(/[0-9]+\.[0-9]+s/, "T", s)
			gsub(/[ \t]+/, " ", s)
			sub(/ $/, "", s)
			return s
		}
		function fits(pat, s,   n, p, i, at) {
			n = split(pat, p, /\.\.\./)
			if (n == 1) return pat == s
			if (substr(s, 1, length(p[1])) != p[1]) return 0
			s = substr(s, length(p[1]) + 1)
			for (i = 2; i < n; i++) {
				at = index(s, p[i])
				if (!at) return 0
				s = substr(s, at + length(p[i]))
			}
			return length(s) >= length(p[n]) &&
				substr(s, length(s) - length(p[n]) + 1) == p[n]
		}
		BEGIN { while ((getline l < want) > 0) w[++nw] = norm(l) }
		{ a[++na] = norm($0) }
		END {
			j = 1
			for (i = 1; i <= nw; i++) {
				if (w[i] == "...") {
					if (i == nw) exit 0
					while (j <= na && !fits(w[i + 1], a[j])) j++
					continue
				}
				if (j > na || !fits(w[i], a[j])) {
					print w[i]
					exit 1
				}
				j++
			}
		}' "$2"
}

# Runs each block's commands in its copy, one after the other.
for b in "$work"/blocks/*.block; do
	n=${b%.block}
	where=$(cat "$n.where")
	dir=$(copy "$(cat "$n.variant")")
	# Split the block into commands and their expected lines.
	rm -f "$n".cmd.* "$n".want.*
	awk -v n="$n" '
		/^\$ / { c++; print substr($0, 3) > (n ".cmd." c)
			 printf "" > (n ".want." c); next }
		c { print > (n ".want." c) }' "$b"
	c=1
	while [ -f "$n.cmd.$c" ]; do
		cmd=$(cat "$n.cmd.$c")
		# As a student types it: not inside make test's make.
		(
			unset MAKELEVEL MAKEFLAGS MFLAGS
			cd "$dir" && sh -c "$cmd"
		) >"$n.out.$c" 2>&1 </dev/null || :
		if miss=$(match "$n.want.$c" "$n.out.$c"); then
			echo "ok - $where: '$cmd' prints what the example shows"
		else
			echo "not ok - $where: '$cmd' does not print: $miss" \
				"(it printed $n.out.$c)"
		fi
		c=$((c + 1))
	done
done
