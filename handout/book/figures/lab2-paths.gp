# The cost of each way into the guest kernel, lab 2's "Measured": one bar
# per benchmark of grade/bench.sh. tools/handout.sh writes the rows named
# below ("# data: BENCHMARK<TAB>LABEL") from bench.csv into datafile
# (label<TAB>value) and runs gnuplot -e "datafile='...'; outfile='...'".
# data: null_hypercall	null hypercall\n(lab 1)
# data: fast_syscall	system call,\nfast gate
# data: slow_syscall	system call,\nthrough the VMM
# data: exception_bounce	exception bounce\n(int3, ring 1)
# data: gp_trap	#GP bounced\n(cli, ring 3)
set terminal svg size 760,400 dynamic font "DejaVu Sans,12" background rgb "white"
set output outfile
set datafile separator "\t"
set datafile commentschars ""
# a "\\n" in a label is a line break
nl(s) = (nl_i = strstrt(s, "\\n"), nl_i ? s[1:nl_i - 1] . "\n" . nl(s[nl_i + 2:]) : s)
stats datafile using 2 nooutput
set yrange [0:STATS_max * 1.18]
set title "Instructions per call (QEMU -icount)" noenhanced
set ylabel "instructions"
set style fill solid 0.85 border rgb "#333333"
set boxwidth 0.6
set grid ytics lc rgb "#dddddd"
set border 3
set xtics nomirror noenhanced scale 0
set ytics nomirror
set bmargin 4.5
unset key
plot datafile using 0:2:($0 == 1 ? 0xd19a5b : 0x6f9ccc):xtic(nl(strcol(1))) with boxes lc rgb variable, \
     '' using 0:2:(sprintf("%d", $2)) with labels offset 0,0.9 noenhanced
