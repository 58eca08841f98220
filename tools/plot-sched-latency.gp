# Dispatch latency of each wake-up (tools/plot-sched.sh): draws
# datafile, one block per domain headed by its legend, columns time of
# the wake-up (ms) and latency (us), into the SVG outfile, with title
# plottitle; series is the number of blocks. The latency axis is
# logarithmic: a warped domain's few microseconds and an unwarped one's
# milliseconds on one picture.
set terminal svg size 900,540 dynamic font "DejaVu Sans,12" background rgb "white"
set output outfile
set title plottitle noenhanced
set xlabel "time of the wake-up (ms of system time)"
set ylabel "dispatch latency, wake-up to run (us)"
set logscale y 10
set yrange [0.1:100000] # room for the legend above the points
set key top left Left reverse box opaque noenhanced font ",11"
set grid lc rgb "#dddddd"
set border 3
set autoscale xfixmax
set xtics nomirror
set ytics nomirror
plot for [i = 0:series - 1] datafile index i using 1:2 with linespoints \
	lw 1.5 pt 7 ps 0.6 title columnheader(1)
