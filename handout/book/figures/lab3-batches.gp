# The cost of one page-table entry changed by mmu_update, alone and in
# batches: lab 3's "Measured". tools/handout.sh writes the rows named
# below ("# data: BENCHMARK<TAB>LABEL") from bench.csv into datafile
# (label<TAB>value) and runs gnuplot -e "datafile='...'; outfile='...'".
# data: mmu_update_1	1 entry per call
# data: mmu_update_8	8
# data: mmu_update_64	64
# data: mmu_update_512	512
set terminal svg size 760,400 dynamic font "DejaVu Sans,12" background rgb "white"
set output outfile
set datafile separator "\t"
set datafile commentschars ""
# a "\\n" in a label is a line break
nl(s) = (nl_i = strstrt(s, "\\n"), nl_i ? s[1:nl_i - 1] . "\n" . nl(s[nl_i + 2:]) : s)
stats datafile using 2 nooutput
set yrange [0:STATS_max * 1.18]
set title "mmu_update: instructions per entry, by entries per call (QEMU -icount)" noenhanced
set ylabel "instructions per entry"
set xlabel "entries per call (batch size)"
set style fill solid 0.85 border rgb "#333333"
set boxwidth 0.6
set grid ytics lc rgb "#dddddd"
set border 3
set xtics nomirror noenhanced scale 0
set ytics nomirror
unset key
plot datafile using 0:2:xtic(nl(strcol(1))) with boxes lc rgb "#6f9ccc", \
     '' using 0:2:(sprintf("%d", $2)) with labels offset 0,0.9 noenhanced, \
     STATS_min with lines dashtype 2 lc rgb "#c0392b"
