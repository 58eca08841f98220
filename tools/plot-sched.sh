#!/bin/sh
# Lab 5's scheduling, drawn (make plot-sched). Boots scenarios of
# grade/lab5.bench with the VMM's scheduling trace on (`trace` on its
# command line, vmm/trace.h), turns each trace into a data file with awk
# and draws it with gnuplot, into build/plots/:
#   sched-bvt-1-1.svg, sched-bvt-1-2-3.svg, sched-bvt-1-10.svg
#       BVT's weight mixes (the stanzas share_error_*: a judge that
#       sleeps, hogs that spin for one virtual second): each domain's
#       CPU time used so far against system time, and each hog's share
#       of the hogs' CPU over the judge's window beside its weight's;
#   sched-warp.svg
#       the warp scenario (latency_warped: a hog, a ticker that sends an
#       event every 10 ms to two workers, one of them warped): each
#       wake-up's dispatch latency, from the wake-up to the start of the
#       domain's next run, warped against unwarped.
# Beside each SVG, NAME.boots (the boot modules), NAME.log (the console)
# and NAME.dat (what gnuplot draws; the format is in its first lines). Under QEMU -icount, so every
# picture is the same on every host.
#
#   tools/plot-sched.sh [--lab N] [--sol | --solved K] [--no-build]
# default: --lab 5 --sol, the reference solutions (in a student copy,
# which has none, your own code); --lab 5 alone draws your own
# scheduler. Needs gnuplot (Debian: gnuplot-nox): without it,
# says how to install it and draws nothing. Exits non-zero, with no
# picture, if a scenario does not end cleanly or gives no trace.
set -eu

# shellcheck source=grade/common.sh
. grade/common.sh

lab_n=5 solved=all no_build=""
[ -d solutions ] || solved=0 # a student copy: your own scheduler
while [ $# -gt 0 ]; do
	case $1 in
	--lab) lab_n=$2; solved=0; shift ;;
	--sol) solved=all ;;
	--solved) solved=$2; shift ;;
	--no-build) no_build=yes ;;
	*) echo "plot-sched: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
[ "$solved" = all ] && solved=$lab_n
if [ "$lab_n" -lt 5 ]; then
	echo "plot-sched: lab $lab_n has no scheduling trace (it comes with lab 5)" >&2
	exit 2
fi
if ! command -v gnuplot >/dev/null 2>&1; then
	echo "plot-sched: gnuplot is missing: sudo apt-get install --no-install-recommends gnuplot-nox" >&2
	exit 1
fi
B=$(variant_dir "$lab_n" "$solved")
out=build/plots
rm -rf "$out"
mkdir -p "$out"
[ -n "$no_build" ] || make -s --no-print-directory LAB="$lab_n" SOLVED="$solved" build

# The scenarios: NAME, the stanza of grade/lab5.bench it boots, KIND of
# picture (cpu or latency) and its title.
scenarios() {
	cat <<-'EOF'
	sched-bvt-1-1|share_error_1_1|cpu|BVT, weights 1:1: CPU time by domain
	sched-bvt-1-2-3|share_error_1_2_3|cpu|BVT, weights 1:2:3: CPU time by domain
	sched-bvt-1-10|share_error_1_10|cpu|BVT, weights 1:10: CPU time by domain
	sched-warp|latency_warped|latency|Warp: dispatch latency of each wake-up, beside a CPU hog
	EOF
}

# boots BENCH: the module lines ("image args...") of a bench stanza.
boots() {
	awk -v b="$1" '$1 == "bench" { on = $2 == b }
		on && $1 == "boot" { sub(/^boot +/, ""); print }' grade/lab5.bench
}

# The awk functions both kinds share: each domain's legend and
# parameters from its module line (domain i is module line i), and the
# trace's records. Prepended to each program below.
# shellcheck disable=SC2016 # an awk program, not shell
common_awk='
function arg(s, key, dflt,   m) {
	if (!match(" " s " ", " " key "=[^ ]*"))
		return dflt
	m = substr(" " s " ", RSTART + length(key) + 2, RLENGTH - length(key) - 2)
	return m
}
# Module line FNR - 1 describes domain FNR - 1.
FNR == NR {
	d = FNR - 1
	role[d] = arg($0, "role", "hog")
	adv[d] = arg($0, "mcu_adv", 10)
	warp[d] = arg($0, "warp", 0)
	label[d] = "d" d " " role[d] ", mcu_adv " adv[d]
	if (warp[d] > 0)
		label[d] = label[d] ", warp " warp[d]
	limits = ""
	if (arg($0, "warpl", 0) > 0)
		limits = "limit " arg($0, "warpl", 0) / 1000 " ms"
	if (arg($0, "warpu", 0) > 0)
		limits = limits (limits == "" ? "" : ", ") "unwarp " \
			arg($0, "warpu", 0) / 1000 " ms"
	if (limits != "")
		label[d] = label[d] " (" limits ")"
	if (role[d] == "judge") {
		from = arg($0, "from", 20) * 1e6
		to = arg($0, "to", 220) * 1e6
	}
	ndom = FNR
	next
}
# "(VMM) trace: run dN START END WHY", "(VMM) trace: wake dN TIME"
$1 == "(VMM)" && $2 == "trace:" && ($3 == "run" || $3 == "wake") {
	d = substr($4, 2) + 0
	if ($3 == "run")
		run(d, $5 + 0, $6 + 0)
	else
		wake(d, $5 + 0)
}
'

# cpu: per domain, the CPU time it has used (ms) against system time
# (ms): a point where each run starts and one where it ends (flat
# between its runs, slope 1 during them). Its legend adds, for a hog,
# its share of the hogs' CPU in the judge's window [from, to] and the
# share its weight gives it.
cpu_awk='
function wake(d, t) {}
function run(d, s, e,   a, b) {
	n[d]++
	ts[d, n[d]] = s / 1e6; cs[d, n[d]] = used[d] / 1e6
	used[d] += e - s
	n[d]++
	ts[d, n[d]] = e / 1e6; cs[d, n[d]] = used[d] / 1e6
	a = s > from ? s : from
	b = e < to ? e : to
	if (b > a)
		win[d] += b - a
	if (e > last)
		last = e
}
END {
	print "# Cumulative CPU time by domain, from the VMM'"'"'s scheduling trace."
	print "# One block per domain (gnuplot: index i), headed by its legend;"
	print "# columns: system time (ms), CPU time used so far (ms)."
	if (to > from)
		printf "# window: %d %d ms (the judge'"'"'s: its shares are over it)\n",
			from / 1e6, to / 1e6
	for (d = 0; d < ndom; d++)
		if (role[d] == "hog") {
			hogs += win[d]
			wsum += 1 / adv[d]
		}
	for (d = 0; d < ndom; d++) {
		l = label[d]
		if (role[d] == "hog" && hogs > 0)
			l = sprintf("%s: %.1f%% of the hogs'"'"' CPU (weight: %.1f%%)",
				l, 100 * win[d] / hogs, 100 / adv[d] / wsum)
		printf "\"%s\" \"\"\n0 0\n", l
		for (i = 1; i <= n[d]; i++)
			printf "%.6f %.6f\n", ts[d, i], cs[d, i]
		printf "%.6f %.6f\n\n\n", last / 1e6, used[d] / 1e6
	}
}'

# latency: per domain, each wake-up's dispatch latency (us) against
# the time of the wake-up (ms): from the wake record to the start of the
# domain's next run. A domain's first wake-up is its creation and is
# left out; so is a domain with no other.
latency_awk='
function wake(d, t) {
	if (d in seen)
		pending[d] = t
	seen[d] = 1
}
function run(d, s, e) {
	if (!(d in pending) || s < pending[d])
		return
	n[d]++
	ws[d, n[d]] = pending[d] / 1e6
	lat[d, n[d]] = (s - pending[d]) / 1e3
	delete pending[d]
}
END {
	print "# Dispatch latency of each wake-up, from the VMM'"'"'s scheduling trace."
	print "# One block per domain that woke (gnuplot: index i), headed by its"
	print "# legend; columns: time of the wake-up (ms), latency (us)."
	for (d = 0; d < ndom; d++) {
		if (!n[d])
			continue
		sum = worst = 0
		for (i = 1; i <= n[d]; i++) {
			sum += lat[d, i]
			if (lat[d, i] > worst)
				worst = lat[d, i]
		}
		printf "\"%s: mean %.1f us, worst %.1f us\" \"\"\n", label[d],
			sum / n[d], worst
		for (i = 1; i <= n[d]; i++)
			printf "%.6f %.3f\n", ws[d, i], lat[d, i]
		printf "\n\n"
	}
}'

# Runs every scenario and writes its data; draws only when all are there.
failed=""
scenarios >"$out/scenarios"
while IFS='|' read -r name bench kind title; do
	boots "$bench" >"$out/$name.boots"
	set -- --grade --append trace "$B/vmm.elf"
	while IFS= read -r m; do
		set -- "$@" "$B/$m"
	done <"$out/$name.boots"
	echo "plot-sched: $name: $(wc -l <"$out/$name.boots" | tr -d ' ') domains ($bench of grade/lab5.bench)"
	timeout 120 sh tools/qemu.sh "$@" </dev/null 2>&1 | tr -d '\r' >"$out/$name.log" || :
	if ! grep -q '^(VMM) trace: end: ' "$out/$name.log" ||
		! grep -q '^(VMM) all domains gone (0 failed)' "$out/$name.log"; then
		echo "plot-sched: $name did not end cleanly with a trace (log: $out/$name.log)" >&2
		tail -n 1 "$out/$name.log" | sed "s/^/    > /" >&2
		failed=yes
		continue
	fi
	grep '^(VMM) trace: end: ' "$out/$name.log" | sed 's/^(VMM) trace: /    trace /'
	case $kind in
	cpu) prog=$common_awk$cpu_awk ;;
	*) prog=$common_awk$latency_awk ;;
	esac
	awk "$prog" "$out/$name.boots" "$out/$name.log" >"$out/$name.dat"
done <"$out/scenarios"
if [ -n "$failed" ]; then
	echo "plot-sched: no pictures drawn" >&2
	exit 1
fi

while IFS='|' read -r name bench kind title; do
	series=$(grep -c '^"' "$out/$name.dat" || :)
	win=$(sed -n 's/^# window: \([0-9]*\) \([0-9]*\) ms .*/; winfrom=\1; winto=\2/p' "$out/$name.dat")
	if ! gnuplot -e "datafile='$out/$name.dat'; outfile='$out/$name.svg'; plottitle='$title'; series=$series$win" \
		"tools/plot-sched-$kind.gp" </dev/null >"$out/$name.gnuplot.log" 2>&1 ||
		! [ -s "$out/$name.svg" ]; then
		echo "plot-sched: gnuplot could not draw $name (log: $out/$name.gnuplot.log)" >&2
		rm -f "$out"/*.svg
		exit 1
	fi
	[ -s "$out/$name.gnuplot.log" ] || rm -f "$out/$name.gnuplot.log"
	echo "plot-sched: wrote $out/$name.svg"
done <"$out/scenarios"
rm -f "$out/scenarios"
