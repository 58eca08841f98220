#!/bin/sh
# The course text as a book (make handout): one HTML page per chapter of
# handout/, with a table of contents, highlighted code, working links
# between chapters, tables, and the ASCII figures kept exactly.
#
#   tools/handout.sh                build build/handout/, then check it
#   tools/handout.sh --check        check build/handout/ only
#   tools/handout.sh --screenshot [CHAPTER [PNG]]
#                                   a headless Chromium screenshot of a
#                                   page (default lab1-boot, into
#                                   build/handout/CHAPTER.png); the
#                                   window is HANDOUT_WINDOW, default
#                                   1200,1500 (taller to see further)
#   tools/handout.sh --pdf          the whole book as one PDF, printed by
#                                   headless Chromium (build/handout/book.pdf)
#
# The pages are made by pandoc from Debian (markdown as GitHub reads it,
# so anchors are GitHub's), with handout/book/links.lua (.md links become
# .html) and handout/book/book.css. The check prints "ok - ..." / "not ok
# - ..." lines: every chapter rendered without a pandoc warning, every
# link and anchor resolves, and every code block and figure is, character
# for character, the one in the markdown.
#
# Figures: the pages also get diagrams and plots, listed in
# handout/book/figures.txt and put in by handout/book/figures.lua after
# the ASCII figure or paragraph they illustrate. Only the HTML gets them:
# the markdown is unchanged and no generated SVG is committed. Diagrams
# are graphviz sources (handout/book/figures/*.dot, dot -Tsvg); plots
# are gnuplot scripts (handout/book/figures/*.gp) of the benchmark CSV
# that `make bench LAB=3 SOL=1` writes, build/lab3-sol/bench/bench.csv
# (HANDOUT_BENCH overrides it). The benchmarks are not run for the book:
# without the CSV, or a row a plot needs, the plot is left out with a
# note ("ok - ... # SKIP"), never a failure. The check also verifies that
# each figure drawn is on its page and every image of every page exists
# and is non-empty. Pictures of runs (NAME.svg in figures.txt) are not
# drawn here either: `make plot-sched` draws lab 5's scheduling traces
# into build/plots/ (tools/plot-sched.sh; HANDOUT_PLOTS overrides it),
# and the book copies them; without them, the figure is left out with a
# note, as a plot without its CSV row.
#
# Missing pandoc, graphviz, gnuplot (gnuplot-nox) or chromium is
# installed with apt-get when run as root (otherwise the command is
# printed). HANDOUT_OUT overrides build/handout.
set -eu

src=handout
out=${HANDOUT_OUT:-build/handout}
bench_csv=${HANDOUT_BENCH:-build/lab3-sol/bench/bench.csv}
plots=${HANDOUT_PLOTS:-build/plots}

die() {
	echo "handout: $*" >&2
	exit 1
}

# need COMMAND PACKAGE: installs PACKAGE when COMMAND is missing.
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "handout: installing $2 with apt-get" >&2
		export DEBIAN_FRONTEND=noninteractive
		if ! { apt-get update -q >&2 </dev/null &&
			apt-get install -y -q --no-install-recommends "$2" \
				>&2 </dev/null; }; then
			die "could not install $2"
		fi
		return 0
	fi
	die "$1 is missing: sudo apt-get install --no-install-recommends $2"
}

# The chapters in reading order: those handout/README.md links to, in
# its order, then any other one. README itself becomes index.
chapters() {
	{
		grep -o '](\([A-Za-z0-9_-]*\)\.md' "$src/README.md" |
			sed 's/^](//; s/\.md$//' | awk '!seen[$0]++'
		for f in "$src"/*.md; do basename "$f" .md; done | sort
	} | awk '$0 != "README" && !seen[$0]++'
}

page_of() { # chapter name -> its page
	if [ "$1" = README ]; then echo index.html; else echo "$1.html"; fi
}

title_of() { # the first "# " heading of a chapter
	sed -n 's/^# //p' "$src/$1.md" | head -n 1
}

# nav CHAPTER PREV NEXT CLASS: the navigation bar of a page.
nav() {
	printf '<nav class="book%s">' "${4:+ $4}"
	if [ -n "$2" ]; then
		printf '<a href="%s">&larr; %s</a>' "$(page_of "$2")" "$(title_of "$2")"
	else
		printf '<span></span>'
	fi
	[ "$1" = README ] || printf '<a href="index.html">Contents</a>'
	if [ -n "$3" ]; then
		printf '<a href="%s">%s &rarr;</a>' "$(page_of "$3")" "$(title_of "$3")"
	else
		printf '<span></span>'
	fi
	printf '</nav>\n'
}

# The lines of handout/book/figures.txt, "CHAPTER|SOURCE|AFTER|CAPTION".
figure_lines() {
	grep -v -e '^#' -e '^[[:space:]]*$' "$src/book/figures.txt" |
		sed 's/[[:space:]]*|[[:space:]]*/|/g; s/^[[:space:]]*//; s/[[:space:]]*$//'
}

# plot_data GP: the rows of $bench_csv that gnuplot script GP names
# ("# data: BENCHMARK<TAB>LABEL"), as LABEL<TAB>VALUE, in its order.
# Fails, naming it, if a row is missing.
plot_data() {
	sed -n 's/^# data: //p' "$1" | awk -F '\t' -v csv="$bench_csv" '
		BEGIN { while ((getline l < csv) > 0) { split(l, f, ","); v[f[2]] = f[3] } }
		!($1 in v) || v[$1] == "" { print $1; bad = 1; exit }
		{ print $2 "\t" v[$1] }
		END { exit bad }'
}

# Draws the figures into $out/figures: $out/.nav/figures lists those
# drawn (the input of figures.lua), figures.skipped the plots left out
# and why, figures.failed those that could not be drawn.
figures() {
	mkdir -p "$out/figures" "$out/.nav"
	: >"$out/.nav/figures"
	: >"$out/.nav/figures.skipped"
	: >"$out/.nav/figures.failed"
	figure_lines >"$out/.nav/figures.all"
	while IFS='|' read -r c file after caption; do
		name=${file%.*}
		svg=$out/figures/$name.svg
		case $file in
		*.dot)
			need dot graphviz
			dot -Tsvg -o "$svg" "$src/book/figures/$file" \
				</dev/null 2>"$out/.nav/$name.log" || rm -f "$svg"
			;;
		*.gp)
			if ! [ -s "$bench_csv" ]; then
				echo "$file|no $bench_csv: run make bench LAB=3 SOL=1, then make handout" \
					>>"$out/.nav/figures.skipped"
				continue
			fi
			if ! plot_data "$src/book/figures/$file" >"$out/.nav/$name.dat"; then
				echo "$file|no row $(tail -n 1 "$out/.nav/$name.dat") in $bench_csv" \
					>>"$out/.nav/figures.skipped"
				continue
			fi
			need gnuplot gnuplot-nox
			gnuplot -e "datafile='$out/.nav/$name.dat'; outfile='$svg'" \
				"$src/book/figures/$file" </dev/null >"$out/.nav/$name.log" 2>&1 ||
				rm -f "$svg"
			;;
		*.svg)
			if ! [ -s "$plots/$file" ]; then
				echo "$file|no $plots/$file: run make plot-sched, then make handout" \
					>>"$out/.nav/figures.skipped"
				continue
			fi
			cp "$plots/$file" "$svg" 2>"$out/.nav/$name.log" || rm -f "$svg"
			;;
		*)
			echo "unknown kind of figure source" >"$out/.nav/$name.log"
			;;
		esac
		if [ -s "$svg" ]; then
			echo "$c|$name.svg|$after|$caption" >>"$out/.nav/figures"
		else
			echo "$file|$(head -n 1 "$out/.nav/$name.log")" >>"$out/.nav/figures.failed"
		fi
	done <"$out/.nav/figures.all"
	for f in skipped failed; do
		sed "s/|/: /; s/^/handout: figure $f: /" "$out/.nav/figures.$f" >&2
	done
}

build() {
	need pandoc pandoc
	rm -rf "$out"
	mkdir -p "$out/.nav"
	cp "$src/book/book.css" "$out/book.css"
	figures
	prev=""
	# shellcheck disable=SC2046 # chapter names have no spaces
	set -- README $(chapters)
	while [ $# -gt 0 ]; do
		c=$1
		shift
		next=${1:-}
		nav "$c" "$prev" "$next" >"$out/.nav/$c.top"
		nav "$c" "$prev" "$next" bottom >"$out/.nav/$c.bottom"
		toc=--toc
		[ "$c" = README ] && toc=""
		# shellcheck disable=SC2086 # toc is one option or none
		pandoc -f gfm -t html5 --standalone $toc --toc-depth=3 \
			--preserve-tabs --highlight-style=tango \
			--lua-filter "$src/book/links.lua" --css book.css \
			--lua-filter "$src/book/figures.lua" \
			--metadata book-figures="$out/.nav/figures" \
			--metadata book-chapter="$c" \
			--metadata pagetitle="$(title_of "$c")" \
			--include-before-body "$out/.nav/$c.top" \
			--include-after-body "$out/.nav/$c.bottom" \
			-o "$out/$(page_of "$c")" "$src/$c.md" 2>"$out/.nav/$c.warnings" ||
			echo "pandoc failed" >>"$out/.nav/$c.warnings"
		prev=$c
	done
	echo "wrote $out/index.html and $(chapters | wc -l | tr -d ' ') chapter pages"
}

# The text of every code block of HTML page $1, unescaped, each block
# after a "=== block" line.
html_blocks() {
	awk 'BEGIN { RS = "\001" } {
		s = $0
		while ((i = index(s, "<pre")) > 0) {
			s = substr(s, i)
			j = index(s, "<code")
			s = substr(s, j)
			s = substr(s, index(s, ">") + 1)
			e = index(s, "</code>")
			b = substr(s, 1, e - 1)
			s = substr(s, e)
			gsub(/<[^>]*>/, "", b)
			gsub(/&lt;/, "<", b); gsub(/&gt;/, ">", b)
			gsub(/&quot;/, "\"", b); gsub(/&#39;/, "\047", b)
			gsub(/&amp;/, "\\&", b)
			print "=== block"
			print b
		}
	}' "$1"
}

# The same for the fenced code blocks of markdown file $1.
md_blocks() {
	awk '/^```/ { if (!open) { open = 1; n = 0; print "=== block"; next }
		      open = 0; if (n == 0) print ""; next }
	     open { print; n++ }' "$1"
}

check() {
	[ -d "$out/.nav" ] || die "no book in $out: run tools/handout.sh first"
	bad=0
	for c in README $(chapters); do
		p=$out/$(page_of "$c")
		if ! [ -s "$p" ] || ! grep -q '<h1' "$p"; then
			echo "not ok - $c.md renders to $(page_of "$c")"
			bad=1
			continue
		fi
		if [ -s "$out/.nav/$c.warnings" ]; then
			echo "not ok - $c.md renders without a pandoc warning: $(head -n 1 "$out/.nav/$c.warnings")"
			bad=1
		else
			echo "ok - $c.md renders to $(page_of "$c")"
		fi
		md_blocks "$src/$c.md" >"$out/.nav/$c.md-blocks"
		html_blocks "$p" >"$out/.nav/$c.html-blocks"
		n=$(grep -c '^=== block$' "$out/.nav/$c.md-blocks" || :)
		if cmp -s "$out/.nav/$c.md-blocks" "$out/.nav/$c.html-blocks"; then
			echo "ok - $(page_of "$c"): all $n code blocks and figures kept exactly"
		else
			echo "not ok - $(page_of "$c"): a code block or figure differs from $c.md:"
			diff "$out/.nav/$c.md-blocks" "$out/.nav/$c.html-blocks" |
				head -n 6 | sed 's/^/    /'
			bad=1
		fi
	done
	# Links and anchors: every href of every page.
	for p in "$out"/*.html; do
		page=$(basename "$p")
		broken=$(grep -o 'href="[^"]*"' "$p" | sed 's/^href="//; s/"$//' |
			sort -u | while IFS= read -r h; do
				case $h in
				http:* | https:* | mailto:*) continue ;;
				esac
				file=${h%%#*}
				frag=""
				case $h in *"#"*) frag=${h#*#} ;; esac
				[ -n "$file" ] || file=$page
				if ! [ -f "$out/$file" ]; then
					echo "$h (no page $file)"
				elif [ -n "$frag" ] &&
					! grep -q "id=\"$frag\"" "$out/$file"; then
					echo "$h (no anchor #$frag in $file)"
				fi
			done)
		n=$(grep -o 'href="[^"]*"' "$p" | grep -vc 'href="\(https\{0,1\}\|mailto\):' || :)
		if [ -z "$broken" ]; then
			echo "ok - $page: all $n links and anchors resolve"
		else
			echo "not ok - $page: broken links:"
			echo "$broken" | sed 's/^/    /'
			bad=1
		fi
		# Images: every src of the page is a non-empty file.
		missing=$(grep -o '<img [^>]*src="[^"]*"' "$p" |
			sed 's/.*src="//; s/"$//' | sort -u | while IFS= read -r i; do
				[ -s "$out/$i" ] || echo "$i"
			done)
		n=$(grep -o '<img ' "$p" | wc -l | tr -d ' ')
		if [ -z "$missing" ]; then
			echo "ok - $page: all $n images exist and are non-empty"
		else
			echo "not ok - $page: missing or empty images: $missing"
			bad=1
		fi
	done
	# Figures: each one of figures.txt drawn and on its page, or a plot
	# skipped for want of benchmark results.
	while IFS='|' read -r c file after caption; do
		name=${file%.*}
		p=$(page_of "$c")
		why=$(grep "^$file|" "$out/.nav/figures.skipped" | cut -d '|' -f 2-)
		fail=$(grep "^$file|" "$out/.nav/figures.failed" | cut -d '|' -f 2-)
		if [ -n "$why" ]; then
			echo "ok - figure $name.svg on $p # SKIP $why"
		elif [ -n "$fail" ]; then
			echo "not ok - figure $name.svg on $p: $file could not be drawn: $fail"
			bad=1
		elif [ -s "$out/figures/$name.svg" ] &&
			grep -q "<img src=\"figures/$name.svg\"" "$out/$p"; then
			echo "ok - figure $name.svg (from $file) drawn and on $p"
		else
			echo "not ok - figure $name.svg (from $file) is not on $p"
			bad=1
		fi
	done <"$out/.nav/figures.all"
	return "$bad"
}

# A headless browser: Debian's chromium.
browser() {
	need chromium chromium
	echo chromium
}

screenshot() {
	c=${1:-lab1-boot}
	png=${2:-$out/$c.png}
	[ -f "$out/$(page_of "$c")" ] || build >/dev/null
	b=$(browser)
	url="file://$(cd "$out" && pwd -P)/$(page_of "$c")"
	case $png in /*) ;; *) png=$(pwd -P)/$png ;; esac
	"$b" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--window-size="${HANDOUT_WINDOW:-1200,1500}" --screenshot="$png" "$url" >/dev/null 2>&1 ||
		die "chromium could not take the screenshot"
	[ -s "$png" ] || die "chromium wrote no screenshot"
	echo "wrote $png ($url)"
}

pdf() {
	need pandoc pandoc
	b=$(browser)
	mkdir -p "$out"
	figures
	# shellcheck disable=SC2046 # chapter names have no spaces
	set -- README $(chapters)
	files=""
	for c in "$@"; do files="$files $src/$c.md"; done
	# One page for the whole book: links between chapters become links
	# within it (GitHub's anchors are unique enough across chapters).
	# shellcheck disable=SC2086 # files is a list of paths without spaces
	pandoc -f gfm -t html5 --standalone --toc --toc-depth=2 --preserve-tabs \
		--highlight-style=tango --css book.css \
		--lua-filter "$src/book/figures.lua" \
		--metadata book-figures="$out/.nav/figures" \
		--metadata pagetitle="xenkit: the course text" \
		-o "$out/book.html" $files
	sed -i 's/href="[A-Za-z0-9_-]*\.md#/href="#/g; s/href="[A-Za-z0-9_-]*\.md"/href="#"/g' "$out/book.html"
	cp "$src/book/book.css" "$out/book.css"
	"$b" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$(pwd -P)/$out/book.pdf" \
		"file://$(cd "$out" && pwd -P)/book.html" >/dev/null 2>&1 ||
		die "chromium could not print the PDF"
	echo "wrote $out/book.pdf"
}

case ${1:-} in
"") build; check ;;
--check) check ;;
--screenshot) shift; screenshot "$@" ;;
--pdf) pdf ;;
*) die "usage: tools/handout.sh [--check | --screenshot [CHAPTER [PNG]] | --pdf]" ;;
esac
