#!/bin/sh
# Benchmarks: runs each benchmark of grade/lab1.bench .. labN.bench under
# QEMU -icount (one cycle = one executed instruction, so every figure is
# exact and the same on every host), prints a table and writes a CSV.
#
#   grade/bench.sh [--lab N] [--sol | --solved K] [--no-build]
# (default lab: tools/default-lab.sh)
set -eu

# shellcheck source=grade/common.sh

. grade/common.sh

lab_n="" solved="" no_build=""
while [ $# -gt 0 ]; do
	case $1 in
	--lab) lab_n=$2; shift ;;
	--sol) solved=all ;;
	--solved) solved=$2; shift ;;
	--no-build) no_build=yes ;;
	*) echo "bench: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
if [ -z "$lab_n" ]; then # the lab the student is on
	if [ "$solved" = all ]; then
		lab_n=$(sh tools/default-lab.sh --sol --say)
	else
		lab_n=$(sh tools/default-lab.sh --say)
	fi
fi
[ "$solved" = all ] && solved=$lab_n
solved=${solved:-0}
B=$(variant_dir "$lab_n" "$solved")
out=$B/bench
rm -rf "$out"
mkdir -p "$out"
[ -n "$no_build" ] || make -s --no-print-directory LAB="$lab_n" SOLVED="$solved" build

# Runs one benchmark stanza (file $1); prints "lab,name,value,unit".
run_bench() {
	stanza=$1
	name=$(awk '$1 == "bench" { print $2 }' "$stanza")
	unit=$(awk '$1 == "bench" { print $3 }' "$stanza")
	lab=$(awk '$1 == "lab" { print $2 }' "$stanza")
	append=$(awk '$1 == "append" { sub(/^append +/, ""); print }' "$stanza")
	expr=$(awk '$1 == "value" { sub(/^value +/, ""); print }' "$stanza")
	set -- --grade --append "$append" "$B/vmm.elf"
	while read -r kw rest; do
		[ "$kw" = boot ] && set -- "$@" "$B/$rest"
	done <"$stanza"
	# One run per boot configuration: benchmarks that read different
	# figures of the same guest share its log.
	key=$(grep -E '^(boot|append) ' "$stanza" | cksum | cut -d' ' -f1)
	if [ ! -f "$out/run-$key.log" ]; then
		timeout 60 sh tools/qemu.sh "$@" </dev/null 2>&1 | tr -d '\r' \
			>"$out/run-$key.log" || :
	fi
	cp "$out/run-$key.log" "$out/$name.log"
	# A figure: a "BENCH name value unit" line, or the VMM's longest stay
	# of domain N (lab 4's summary), as dN_longest_stay.
	value=$(sed -n -e 's/^([^)]*) BENCH \([a-z_0-9]*\) \([0-9]*\) .*/\1 \2/p' \
		-e 's/^(VMM) summary: \(d[0-9]*\) longest stay in the VMM \([0-9]*\) ticks.*/\1_longest_stay \2/p' \
		"$out/$name.log" | awk -v e="$expr" '
		{ v[$1] = $2 }
		END { n = split(e, t, " ")
		      if (!(t[1] in v) || (n == 3 && !(t[3] in v))) exit 1
		      print (n == 3) ? v[t[1]] - v[t[3]] : v[t[1]] }') || {
		echo "bench: $name produced no figure (log: $out/$name.log)" >&2
		value=""
	}
	echo "$lab,$name,$value,$unit"
}

echo "lab,benchmark,value,unit" >"$out/bench.csv"
k=1
while [ "$k" -le "$lab_n" ]; do
	spec=grade/lab$k.bench
	k=$((k + 1))
	[ -f "$spec" ] || continue
	rm -f "$out"/stanza.*
	awk -v dir="$out" -v lab="$(basename "$spec" .bench)" '
		/^[ \t]*(#|$)/ { next }
		$1 == "bench" { n++; f = sprintf("%s/stanza.%03d", dir, n);
			print "lab " lab > f }
		f != "" { print > f }' "$spec"
	for stanza in "$out"/stanza.*; do
		run_bench "$stanza" >>"$out/bench.csv"
	done
done
rm -f "$out"/stanza.*

echo "Benchmarks of $B (QEMU -icount: 1 cycle = 1 instruction)"
awk -F, 'NR > 1 { printf "  %-6s %-28s %10s %s\n", $1, $2, $3, $4 }' \
	"$out/bench.csv"
echo "CSV: $out/bench.csv"
! grep -q ',,' "$out/bench.csv"
