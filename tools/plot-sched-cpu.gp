# Cumulative CPU time by domain (tools/plot-sched.sh): draws datafile,
# one block per domain headed by its legend, columns system time (ms)
# and CPU time used so far (ms), into the SVG outfile, with title
# plottitle; series is the number of blocks; winfrom and winto (ms), if
# set, the judge's window, drawn as two dashed lines. A hog's slope is
# its share of the CPU: under BVT, its weight's share of what the hogs
# get.
set terminal svg size 900,540 dynamic font "DejaVu Sans,12" background rgb "white"
set output outfile
set title plottitle noenhanced
set xlabel "system time (ms)"
set ylabel "CPU time used (ms)"
set key top left Left reverse box opaque noenhanced
set grid lc rgb "#dddddd"
set border 3
set autoscale xfixmax
set xtics nomirror
set ytics nomirror
set xrange [0:*]
set yrange [0:*]
if (exists("winfrom")) {
	set arrow from winfrom, graph 0 to winfrom, graph 1 nohead dt 2 lc rgb "#888888"
	set arrow from winto, graph 0 to winto, graph 1 nohead dt 2 lc rgb "#888888"
	set label sprintf("the judge's window, %d to %d ms", winfrom, winto) \
		at winto, graph 0.04 right offset -0.5, 0 \
		tc rgb "#666666" noenhanced
}
plot for [i = 0:series - 1] datafile index i using 1:2 with lines lw 2 \
	title columnheader(1)
