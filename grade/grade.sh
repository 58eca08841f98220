#!/bin/sh
# The grader: builds a lab, runs its tests (and those of the labs before
# it), prints one line per test and a score. POSIX shell; see
# grade/README.md for the test-list format.
#
#   grade/grade.sh [options]
#     --lab N          grade labs 1..N (default: the lab being worked
#                      on, the last one in which an exercise has code,
#                      lab 1 in a fresh copy: tools/default-lab.sh; with
#                      --sol the last lab)
#     --sol            grade the reference solutions (build/labN-sol)
#     --solved K       use the solutions of labs 1..K only (build/labN-solvedK)
#     -j N             run N tests at once (default: number of CPUs)
#     --only A,B       run only the tests named A, B
#     --only-unit      run only the host unit tests
#     --tap            print TAP instead of the table
#     --json FILE      also write Gradescope-style JSON to FILE
#                      (always written to <out>/results.json)
#     --spec FILE      test list to use instead of grade/lab*.tests
#                      (repeatable; used by the self-tests)
#     --no-build       do not build first
#     --print-targets  print the make targets the selected tests need
#                      (with --only: the VMM and their images), then stop
#     --build-cmd CMD  build with CMD instead of make
#     --out DIR        where results and logs go (default build/<variant>/grade)
#   Environment: QEMU (the emulator), GRADE_TIMEOUT_SCALE (multiplies every
#   test's timeout, e.g. 3 on a slow machine).
#
# It writes only under build/ (or --out), and stops only the QEMU
# processes it started. Exit status: 0 iff every test passed.
set -eu

# shellcheck source=grade/common.sh
. grade/common.sh
# shellcheck source=tools/qemu-cmd.sh
. tools/qemu-cmd.sh

CAP=262144		# bytes of console output kept per test, as QEMU wrote
			# them (the serial port's carriage returns count)
DEFAULT_TIMEOUT=15	# seconds per test, before scaling

die() {
	echo "grade: $*" >&2
	exit 2
}

# now: sets t to a time in hundredths of a second (from an arbitrary
# origin): /proc/uptime where there is one, so that no process is started
# (each costs milliseconds, and a test's run is a few dozen of them), else
# date.
now() {
	if [ -r /proc/uptime ]; then
		read -r t _ </proc/uptime
		t=${t%.*}${t#*.}
		t=${t#"${t%%[!0]*}"}
		t=${t:-0}
	else
		t=$(date +%s%N)
		case $t in
		*N) t=$(($(date +%s) * 100)) ;;
		*) t=$((t / 10000000)) ;;
		esac
	fi
}

# ---- one test (run by a worker_loop as: worker STANZA, in a subshell) ----

# Appends a line to the test's detail file.
detail() {
	printf '%s\n' "$*" >>"$res.detail"
}

# For a failed boot: the console's last lines, a guest's first reported
# failure and the VMM's last line if they are not among them, and the
# function a VMM backtrace starts in: where a student looks first,
# shown under the verdict ($res.tail).
hint() {
	[ -s "$log" ] || return 0
	# QEMU's "terminating on signal" says only what the verdict says.
	grep -v '^qemu-system-[^:]*: terminating on signal' "$log" |
		tail -n 4 | cut -c 1-100 >"$run.tail" || :
	sed 's/^/> /' "$run.tail" >"$res.tail"
	# The first failure a test guest reported (testlib: "FAILURE: ..."),
	# often far above the last lines (a lab's teardown summary).
	first=$(grep -m 1 -E '^\(d[0-9]+\) (FAILURE|ERROR): ' "$log" |
		cut -c 1-100)
	if [ -n "$first" ] && ! grep -qF -- "$first" "$run.tail"; then
		echo "the first failure reported: $first" >>"$res.tail"
	fi
	last=$(grep '^(VMM) ' "$log" | tail -n 1 | cut -c 1-100)
	if [ -n "$last" ] && ! grep -qF -- "$last" "$run.tail"; then
		echo "the VMM's last line: $last" >>"$res.tail"
	fi
	fn=$(sed -n 's/^(VMM)   \[[0-9a-f]*\] \([A-Za-z0-9_]*\)+0x.*/\1/p' "$log" |
		head -n 1)
	[ -z "$fn" ] || echo "the VMM's backtrace starts in $fn()" >>"$res.tail"
}

# For a missing `expect ^...` line: the console line that begins most
# like it, if it shares at least the pattern's first words (below): what
# the VMM said instead, e.g. another reason for a domain's end. The
# pattern's literal start is read up to its first unescaped special
# character.
nearest() {
	case $1 in ^*) ;; *) return 0 ;; esac
	awk -v re="$1" '
		BEGIN {
			for (i = 2; i <= length(re); i++) {
				c = substr(re, i, 1)
				if (c == "\\") { lit = lit substr(re, ++i, 1); continue }
				if (index(".[]()*+?{}|^$", c)) break
				lit = lit c
			}
			# At least this much in common: its first three words
			# ("(d0) Test result:"), four for the lines of the VMM
			# about a domain ("(VMM) d2 (x.elf): destroyed:"), not
			# only whose line it is; all of a shorter pattern.
			words = lit ~ /^\(VMM\) d[0-9]+ / ? 4 : 3
			need = 0
			while (words-- > 0 && (i = index(substr(lit, need + 1), " ")))
				need += i
			if (words >= 0)
				need = length(lit)
		}
		{
			n = 0
			while (n < length(lit) && n < length($0) &&
			       substr(lit, n + 1, 1) == substr($0, n + 1, 1))
				n++
			if (n >= need && n > best) { best = n; line = $0 }
		}
		END { if (best) print "nearest:   " substr(line, 1, 100) }
	' "$log" >>"$res.detail"
}

# For a domain with no result line: the last line it printed, where it
# was when it stopped (tests print what they are about to do).
last_line() {
	l=$(grep "^($1) " "$log" | tail -n 1 | cut -c 1-100)
	[ -z "$l" ] || detail "the last line of $1: $l"
}

# Writes the result: VERDICT POINTS NOTE...
finish() {
	verdict=$1
	# A missing exercise names itself; a unit test's log is Criterion's.
	case $verdict:${2:-} in
	PASS:* | *"EXERCISE "*" not implemented"*) ;;
	*) [ -n "$unit" ] || hint ;;
	esac
	score=0
	[ "$verdict" = PASS ] && score=$points
	now
	t=$((t - t0))
	secs=$((t / 100)).$((t % 100 / 10))
	printf '%s|%s|%s|%s|%s\n' "$verdict" "$score" "$points" "$secs" \
		"${2:-}" >"$res"
	: >"$run.pid" # QEMU is gone: nothing for on_signal to stop
	exit 0
}

# Runs QEMU with the stanza's modules; leaves the console as QEMU wrote it
# in $run.console (judge writes $log from it), the exit status in $rc, and
# in $capped "yes" if the console passed the cap.
run_qemu() {
	set -- --grade
	[ -n "$append" ] && set -- "$@" --append "$append"
	set -- "$@" "$kernel"
	while IFS= read -r m; do
		set -- "$@" "$m"
	done <"$run.modules"
	qemu_command "$@"
	eval "set -- $qemu_cmd"
	(
		timeout -k 2 "$limit" "$@" </dev/null 2>&1 &
		echo $! >"$run.pid"
		stop_if_interrupted $!
		wait $! && echo 0 >"$run.rc" || echo $? >"$run.rc"
	) | {
		# One byte more than the cap is output past it (any byte: a
		# flood may have no newline, or be all NULs), and QEMU would go
		# on printing into the void: stop it.
		head -c "$CAP" >"$run.console"
		head -c 1 >"$run.more"
		if [ -s "$run.more" ]; then
			read -r pid <"$run.pid"
			kill -TERM "$pid" 2>/dev/null || :
			echo yes
		else
			echo no
		fi >"$run.cap"
	}
	read -r rc <"$run.rc"
	read -r capped <"$run.cap"
}

run_unit() {
	bin=$1
	[ -x "$bin" ] || finish FAIL "unit-test binary $bin is missing"
	rc=0
	timeout -k 2 "$limit" "$bin" --jobs=1 >"$log" 2>&1 </dev/null &
	echo $! >"$run.pid"
	stop_if_interrupted $!
	wait $! || rc=$?
	case $rc in
	0) finish PASS ;;
	124 | 137) finish TIMEOUT "no result after ${limit}s" ;;
	esac
	ex=$(grep -m1 'EXERCISE [0-9]* (.*) not implemented' "$log" || :)
	[ -n "$ex" ] && finish FAIL "$ex"
	# Every failed case by name first (Criterion runs them in name order,
	# and the name is often the diagnosis), then the assertions.
	{
		grep -F '[FAIL]' "$log"
		grep -F '[----]' "$log" | grep -v '^\[----\] *$'
	} | head -n 16 >"$res.detail" || :
	finish FAIL "unit tests failed"
}

# Runs one test; ends by finish (exit). Signals stop its QEMU.
worker() {
	stanza=$1
	# A stanza file starts "lab labN" / "test NAME POINTS" (split_specs).
	{
		read -r _ _
		read -r _ name points _
	} <"$stanza"
	res=$OUT/results/$name
	run=$OUT/run/$name
	trap 'kill -TERM "$(cat "$run.pid" 2>/dev/null)" 2>/dev/null; exit 130' INT TERM
	log=$OUT/logs/$name.log
	now
	t0=$t
	: >"$run.modules"
	kernel=$B/vmm.elf
	append=""
	limit=$DEFAULT_TIMEOUT
	unit=""
	while read -r kw rest; do
		case $kw in
		boot) printf '%s/%s\n' "$B" "$rest" >>"$run.modules" ;;
		kernel) kernel=$rest ;;
		append) append=$rest ;;
		timeout) limit=$rest ;;
		unit) unit=$B/unit/$rest ;;
		esac
	done <"$stanza"
	case ${GRADE_TIMEOUT_SCALE:-1} in
	1) ;;
	*) limit=$(awk -v t="$limit" -v s="$GRADE_TIMEOUT_SCALE" \
		'BEGIN { print t * s }') ;;
	esac
	if [ -n "$unit" ]; then
		run_unit "$unit"
	fi
	run_qemu
	judge "$stanza"
}

# The sed script that writes $log, the console without the serial port's
# carriage returns, and finds, in the same pass, every line the stanza
# ($1) asks about, tagged: "X line" for a missing exercise, "R i
# STATUS" for stanza line i's result line, "E i" for a line that matches
# expect line i, "F i line" for one that matches forbid line i. (One sed
# for all, not a grep for each: starting a process costs milliseconds.)
# Each command prints its tag and then takes the line back from the hold
# space, so that the next command sees the line as it was.
sed_script() {
	printf 's/\r//g\nw %s\n' "$log"
	echo 'h'
	echo '/EXERCISE [0-9]* \(.*\) not implemented/{s/^\(VMM\) //;s/^/X /p;g;}'
	i=0
	while read -r kw rest; do
		i=$((i + 1))
		case $kw in result | expect | forbid) ;; *) continue ;; esac
		# "/" written "\/": it delimits a sed address
		replace_all "$rest" / '\/'
		re=$replaced
		case $kw in
		result) echo "/^\\($re\\) Test result: /{s/.*Test result: /R $i /p;g;}" ;;
		expect) echo "/$re/{s/.*/E $i/p;g;}" ;;
		forbid) echo "/$re/{s/^/F $i /p;g;}" ;;
		esac
	done <"$1"
}

# Decides the verdict of a QEMU test ($1: its stanza) from the console,
# $rc and $capped.
judge() {
	sed_script "$1" >"$run.sed"
	if ! sed -n -E -f "$run.sed" "$run.console" >"$run.found"; then
		# A pattern sed cannot read: a broken test list, not the code.
		sed 's/\r//g' "$run.console" >"$log"
		finish FAIL "sed refused the stanza's patterns (a broken test list)"
	fi
	case $rc in 124 | 137)
		[ "$capped" = no ] && finish TIMEOUT "no end after ${limit}s"
		;;
	esac
	[ "$capped" = yes ] &&
		finish FAIL "console flood: output cut at $CAP bytes, QEMU stopped"
	ex=""
	while read -r tag i rest; do
		case $tag in
		X) [ -n "$ex" ] || ex="$i $rest" ;;
		R) eval "result_$i=\$rest" ;; # the last result line counts
		E) eval "seen_$i=yes" ;;
		F) eval "[ -n \"\${seen_$i:-}\" ] || seen_$i=\$rest" ;;
		esac
	done <"$run.found"
	[ -n "$ex" ] && finish FAIL "$ex"
	if [ "$rc" = 0 ]; then
		detail "no handler could run in the VMM (often %cr3, a descriptor table or the stack loaded with something invalid)"
		finish CRASH "the machine reset (triple fault)"
	fi
	want_exit=""
	fail=""
	crash=""
	i=0
	while read -r kw rest; do
		i=$((i + 1))
		eval "got=\${result_$i:-} seen=\${seen_$i:-}"
		case $kw in
		exit) want_exit=$rest ;;
		result)
			if [ -z "$got" ]; then
				crash="no result line from $rest"
				last_line "$rest"
			elif [ "$got" != SUCCESS ]; then
				detail "$rest reported $got"
				fail=yes
			fi
			;;
		expect)
			if [ -z "$seen" ]; then
				detail "missing:   $rest"
				nearest "$rest"
				fail=yes
			fi
			;;
		forbid)
			if [ -n "$seen" ]; then
				detail "forbidden: $seen"
				fail=yes
			fi
			;;
		esac
	done <"$1"
	if [ -n "$crash" ]; then
		[ "$rc" = 37 ] && crash="the VMM panicked"
		finish CRASH "$crash"
	fi
	if [ -n "$want_exit" ] && [ "$rc" != "$want_exit" ]; then
		[ "$rc" = 37 ] && [ "$want_exit" != 37 ] &&
			finish CRASH "the VMM panicked"
		detail "QEMU exit status $rc, expected $want_exit"
		fail=yes
	fi
	if [ -n "$fail" ]; then
		read -r first <"$res.detail"
		finish FAIL "$first"
	fi
	finish PASS
}

# ---- the whole run --------------------------------------------------------

usage() {
	sed -n '2,/^set -eu/{/^#/s/^# \{0,1\}//p}' "$0"
	exit 2
}

# Splits the test lists into one stanza file per test, in order.
split_specs() {
	[ $# -gt 0 ] || return 0 # (awk would read its standard input)
	for f in "$@"; do
		[ -r "$f" ] || die "no test list $f"
	done
	# One awk for all the lists; it prints the names used twice.
	dups=$(awk -v dir="$OUT/specs" -v index_file="$OUT/index" '
		FNR == 1 { lab = FILENAME; sub(/.*\//, "", lab)
			sub(/\.tests$/, "", lab); f = "" }
		/^[ \t]*(#|$)/ { next }
		$1 == "earlier" { print lab, $0 > (dir "/../earlier"); next }
		$1 == "test" { if (f != "") close(f)
			n++; f = sprintf("%s/%04d", dir, n)
			print "lab " lab > f
			printf "%s %s %s %s\n", f, $2, lab, $3 >> index_file
			if (used[$2]++ == 1) dups = dups $2 " " }
		$1 == "unit" { print f, "unit" >> (index_file ".unit") }
		f != "" { print > f }
		END { printf "%s", dups }' "$@")
	[ -z "$dups" ] || die "test names used twice: $dups"
}

# Keeps only the stanzas selected by --only / --only-unit: the index
# ("SPEC NAME LAB POINTS" lines, in list order) then names only those.
select_tests() {
	: >>"$OUT/index.unit"
	awk -v only="$only" -v only_unit="$only_unit" -v units="$OUT/index.unit" '
		BEGIN { while ((getline l < units) > 0) { split(l, w); unit[w[1]] = 1 }
			n = split(only, o, ",")
			for (i = 1; i <= n; i++) want[o[i]] = 1 }
		(only == "" || $2 in want) && (only_unit == "" || $1 in unit)
		' "$OUT/index" >"$OUT/index.sel"
	mv "$OUT/index.sel" "$OUT/index"
	[ -s "$OUT/index" ] || die "no test selected"
}

# The selected stanzas, longest first, so that no slow test starts last
# while the other workers sit idle: by each test's time in the previous
# run of this variant ($OUT.times), else unit-test binaries first (the
# slowest kind), each kind in list order.
run_order() {
	[ -f "$OUT.times" ] || : >"$OUT.times"
	awk -v times="$OUT.times" -v units="$OUT/index.unit" '
		BEGIN { while ((getline l < times) > 0) { split(l, w); t[w[1]] = w[2] }
			while ((getline l < units) > 0) { split(l, w); unit[w[1]] = 1 } }
		{ s = ($2 in t) ? t[$2] : (($1 in unit) ? 1.5 : 1)
		  printf "%s %06d %s\n", s, NR, $1 }' "$OUT/index" |
		sort -k1,1rn -k2,2n | awk '{ print $3 }'
}

# The make targets the selected tests need: everything for a whole run;
# for a few tests (--only, --only-unit) only the VMM and their boot images
# (a test that is not a unit test boots the VMM), and their unit-test
# binaries: one test does not wait for every guest of the lab to build,
# nor a unit test for the VMM's link.
targets() {
	if [ -z "$only$only_unit" ]; then
		echo build
		return
	fi
	# shellcheck disable=SC2016 # an awk program, not shell
	cut -d' ' -f1 "$OUT/index" | xargs awk -v B="$B" '
		FNR == 1 && NR > 1 { if (!unit) print B "/vmm.elf"; unit = 0 }
		$1 == "boot" { print B "/" $2 }
		$1 == "unit" { unit = 1; print B "/unit/" $2 }
		END { if (NR && !unit) print B "/vmm.elf" }' | sort -u
}

build() {
	if [ -n "$build_cmd" ]; then
		sh -c "$build_cmd"
	else
		# shellcheck disable=SC2046 # targets: paths without spaces
		make -s --no-print-directory LAB="$lab_n" SOLVED="$solved" \
			$(targets)
	fi
}

# One of the $jobs workers: takes, in run order, every test that no other
# worker has taken yet, and runs it in a subshell (a fork: no new shell,
# no re-reading of this script). A test is taken by creating its claim
# file with the shell's noclobber, which fails if the file exists: atomic,
# and no process.
worker_loop() {
	while read -r stanza; do
		[ -e "$OUT/run/stop" ] && break # interrupted: take no more
		set -C
		# (true, not ":": a special built-in's failed redirection
		# would end the shell)
		if { true >"$OUT/run/claim.${stanza##*/}"; } 2>/dev/null; then
			set +C
			# errexit within the test (a failed step ends it without a
			# result), not in the loop: "(...) || :" would turn it off
			# inside too. No input: the loop reads the order from it.
			set +e
			(
				set -e
				worker "$stanza"
			) </dev/null
			set -e
		fi
		set +C
	done <"$OUT/order"
}

# stop_if_interrupted PID: stops a test's process that started just as
# the run was interrupted, too late for on_signal to see its PID file.
# on_signal makes $OUT/run/stop before it reads the PID files: a process
# whose PID file came later finds the stop file here.
stop_if_interrupted() {
	[ -e "$OUT/run/stop" ] && kill -TERM "$1" 2>/dev/null
	return 0
}

on_signal() {
	trap - INT TERM
	: >"$OUT/run/stop"
	[ -t 2 ] && printf '\r%40s\r' '' >&2 # the progress line, if any
	# (A worker may have ended already: kill's failure is no error.)
	# shellcheck disable=SC2086 # a list of PIDs
	[ -n "${workers:-}" ] && { kill -TERM $workers 2>/dev/null || :; }
	for p in "$OUT"/run/*.pid; do
		[ -s "$p" ] && { kill -TERM "$(cat "$p")" 2>/dev/null || :; }
	done
	echo "grade: interrupted; its QEMU processes were stopped" >&2
	exit 130
}

# progress PIDS: on a terminal, while any of PIDS (the workers) runs, how
# many tests have their verdict, on one line of standard error that the
# report then replaces. (A student otherwise waits in silence.)
progress() {
	total=0
	while read -r _; do total=$((total + 1)); done <"$OUT/index"
	while :; do
		alive=""
		for p in $1; do kill -0 "$p" 2>/dev/null && alive=yes; done
		[ -n "$alive" ] || break
		done_n=0
		for r in "$OUT"/results/*; do
			case $r in *.detail | *.tail | *"/*") ;; *) done_n=$((done_n + 1)) ;; esac
		done
		printf '\r  %d of %d tests done' "$done_n" "$total" >&2
		sleep 0.2 2>/dev/null || sleep 1
	done
	printf '\r%40s\r' '' >&2
}

# Reads the result of test $name (of $lab, worth $pts) into verdict,
# score, pts, secs, note.
read_result() {
	if [ -f "$OUT/results/$name" ]; then
		IFS='|' read -r verdict score pts secs note <"$OUT/results/$name"
	else
		verdict=BUILD-FAILED score=0 secs=0.0
		note="the build failed: $OUT/build.log"
	fi
}

# One line per test; for a failure, its details and its log.
print_line() {
	[ "$lab" != "$prev_lab" ] && echo "$lab:"
	if [ "$verdict" = PASS ]; then
		printf '  %-28s %-12s %3s/%-3s %5ss\n' "$name" "$verdict" \
			"$score" "$pts" "$secs"
		return
	fi
	printf '  %-28s %-12s %3s/%-3s %5ss  %s\n' "$name" "$verdict" \
		"$score" "$pts" "$secs" "$note"
	if [ -f "$OUT/results/$name.detail" ]; then
		grep -vxF -- "$note" "$OUT/results/$name.detail" |
			head -n 16 | sed 's/^/      /' || :
	fi
	if [ -f "$OUT/results/$name.tail" ]; then
		sed 's/^/      /' "$OUT/results/$name.tail"
	fi
	if [ -f "$OUT/later/$name" ]; then
		read -r later <"$OUT/later/$name"
		echo "      $later"
	fi
	[ -f "$OUT/logs/$name.log" ] && echo "      log: $OUT/logs/$name.log"
	return 0
}

# For each test of an earlier lab: the exercises of the later labs graded
# with it that it needs too, from their lists' `earlier` lines (NAME, or
# * for a test that boots), in $OUT/later/NAME (results/ holds only the
# verdicts, which other tools read), so that a student does not take a
# later lab's stub or bug for an earlier lab gone wrong. One awk for all
# the tests: the report reads each note with the shell.
later_notes() {
	[ -s "$OUT/earlier" ] || return 0
	mkdir -p "$OUT/later"
	awk -v dir="$OUT/later" '
		FNR == NR { k = substr($1, 4) + 0
			list = ""; for (i = 4; i <= NF; i++) list = list " " $i
			if ($3 == "*") any[k] = list; else own[k, $3] = list
			if (k > last) last = k
			next }
		{ spec = $1; name = $2; l = substr($3, 4) + 0 }
		l >= last { next }
		{ boots = 0
		  while ((getline line < spec) > 0) if (line ~ /^boot /) boots = 1
		  close(spec)
		  out = ""
		  for (k = l + 1; k <= last; k++) {
			if ((k, name) in own) x = own[k, name]
			else if (boots && (k in any)) x = any[k]
			else continue
			out = out (out == "" ? "" : "; ") "lab " k " exercises" x
		  }
		  if (out == "") next
		  f = dir "/" name
		  print "a lab " l " test, run on your code of the later labs too: it needs " out > f
		  close(f) }' "$OUT/earlier" "$OUT/index"
}

print_tap() {
	if [ "$verdict" = PASS ]; then
		echo "ok $count - $lab/$name ($score/$pts, ${secs}s)"
	else
		echo "not ok $count - $lab/$name # $verdict: $note"
	fi
}

# json_escape S: sets esc to S escaped for a JSON string.
json_escape() {
	case $1 in
	*[\\\"\	]*)
		esc=$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g' | tr '\t\n' '  ') ;;
	*) esc=$1 ;; # most notes: nothing to escape, no process
	esac
}

# Prints the results; writes results.json; returns 0 iff all passed.
report() {
	count=0 failed=0 prev_lab="" sep=""
	json=$OUT/results.json
	: >"$OUT/scores"
	if [ -n "$tap" ]; then
		echo "TAP version 13"
		echo "1..$(wc -l <"$OUT/index" | tr -d ' ')"
	fi
	printf '{"tests": [' >"$json"
	: >"$OUT.times.new"
	[ -n "$tap" ] || later_notes
	while read -r _ name lab pts; do
		read_result
		count=$((count + 1))
		[ "$verdict" = PASS ] || failed=$((failed + 1))
		echo "$lab $score $pts" >>"$OUT/scores"
		echo "$name $secs" >>"$OUT.times.new"
		if [ -n "$tap" ]; then print_tap; else print_line; fi
		prev_lab=$lab
		status=failed
		[ "$verdict" = PASS ] && status=passed
		json_escape "$note"
		printf '%s{"name": "%s/%s", "score": %s, "max_score": %s, "status": "%s", "output": "%s %ss %s"}' \
			"$sep" "$lab" "$name" "$score" "$pts" "$status" \
			"$verdict" "$secs" "$esc" >>"$json"
		sep=", "
	done <"$OUT/index"
	# A build failure says nothing of the tests' times: keep the old ones.
	# A run of some tests (--only) keeps the others' times for the next
	# whole run's order.
	if [ -n "$only$only_unit" ] && [ -s "$OUT.times" ]; then
		awk 'NR == FNR { ran[$1] = 1; print; next } !($1 in ran)' \
			"$OUT.times.new" "$OUT.times" >"$OUT.times.all"
		mv "$OUT.times.all" "$OUT.times.new"
	fi
	[ -f "$OUT/build.failed" ] || mv "$OUT.times.new" "$OUT.times"
	rm -f "$OUT.times.new"
	awk '{ s += $2; m += $3 } END { printf "], \"score\": %d, \"max_score\": %d}\n", s, m }' \
		"$OUT/scores" >>"$json"
	[ -n "$json_out" ] && cp "$json" "$json_out"
	if [ -z "$tap" ]; then
		awk -v n="$count" -v f="$failed" '
			!($1 in s) { order[k++] = $1 }
			{ s[$1] += $2; m[$1] += $3; ts += $2; tm += $3 }
			END { for (i = 0; i < k; i++)
				printf "score %s: %d/%d\n", order[i], s[order[i]], m[order[i]]
			      printf "total: %d/%d (%d of %d tests passed)\n", ts, tm, n - f, n }' \
			"$OUT/scores"
	fi
	[ "$failed" = 0 ]
}

main() {
	lab_n="" solved="" jobs="" only="" only_unit="" tap="" json_out=""
	specs="" no_build="" build_cmd="" OUT="" print_targets=""
	while [ $# -gt 0 ]; do
		case $1 in
		--lab) lab_n=$2; shift ;;
		--sol) solved=all ;;
		--solved) solved=$2; shift ;;
		-j) jobs=$2; shift ;;
		--only) only=$2; shift ;;
		--only-unit) only_unit=yes ;;
		--tap) tap=yes ;;
		--json) json_out=$2; shift ;;
		--spec) specs="$specs $2"; shift ;;
		--no-build) no_build=yes ;;
		--print-targets) print_targets=yes ;;
		--build-cmd) build_cmd=$2; shift ;;
		--out) OUT=$2; shift ;;
		-h | --help) usage ;;
		*) die "unknown option $1 (see --help)" ;;
		esac
		shift
	done
	nlabs=$(lab_count)
	if [ -z "$lab_n" ]; then # the lab the student is on
		set --
		[ -n "$tap" ] || set -- --say
		[ "$solved" = all ] && set -- "$@" --sol
		lab_n=$(sh tools/default-lab.sh "$@")
	fi
	case $lab_n in [1-9]) ;; *) die "--lab takes a lab number" ;; esac
	[ "$lab_n" -le "$nlabs" ] || die "there are labs 1 to $nlabs"
	[ "$solved" = all ] && solved=$lab_n
	solved=${solved:-0}
	B=$(variant_dir "$lab_n" "$solved")
	[ -n "$OUT" ] || OUT=$B/grade
	# Printing targets must not wipe the last run's results.
	[ -n "$print_targets" ] && OUT=$OUT.targets
	[ -n "$jobs" ] || jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
	if [ -z "$specs" ]; then
		k=1
		while [ "$k" -le "$lab_n" ]; do
			[ -f "grade/lab$k.tests" ] && specs="$specs grade/lab$k.tests"
			k=$((k + 1))
		done
	fi
	export B OUT
	rm -rf "$OUT"
	mkdir -p "$OUT/specs" "$OUT/results" "$OUT/logs" "$OUT/run"
	# shellcheck disable=SC2086 # specs is a list of paths without spaces
	split_specs $specs
	select_tests
	if [ -n "$print_targets" ]; then
		targets
		exit 0
	fi
	trap on_signal INT TERM
	qemu_setup

	if [ -z "$no_build" ]; then
		[ -n "$tap" ] || echo "building lab $lab_n ($B)..."
		if ! build >"$OUT/build.log" 2>&1; then
			: >"$OUT/build.failed"
			tail -n 20 "$OUT/build.log" >&2
			echo "grade: the build failed (log: $OUT/build.log)" >&2
			report || :
			exit 1
		fi
	fi
	# The tests' tools in the C locale: each process (head, sed,
	# timeout...) otherwise loads a dozen locale files before it starts.
	LC_ALL=C
	export LC_ALL
	# QEMU's and the unit tests' large allocations on huge pages where
	# the host offers them (transparent huge pages, "madvise" mode): a
	# boot then takes about 1,500 page faults fewer, a quarter of its
	# time on this kind of virtual machine. Nothing a test sees changes.
	# (Yours come last, so they win: glibc takes a tunable's last value.)
	GLIBC_TUNABLES=glibc.malloc.hugetlb=1${GLIBC_TUNABLES:+:$GLIBC_TUNABLES}
	export GLIBC_TUNABLES
	# In the background: a signal then runs on_signal at once.
	run_order >"$OUT/order"
	workers=""
	k=0
	while [ "$k" -lt "$jobs" ]; do
		worker_loop &
		workers="$workers $!"
		k=$((k + 1))
	done
	[ -t 2 ] && [ -z "$tap" ] && progress "$workers"
	# shellcheck disable=SC2086 # a list of PIDs
	wait $workers || :
	workers=""
	report
}

main "$@"
