#!/bin/sh
# Builds Gradescope's autograder for one lab (make gradescope LAB=N):
#
#   tools/gradescope.sh [--lab N] [--out FILE.zip]
#
# writes build/gradescope-lab<N>.zip holding
#   setup.sh        run once by Gradescope, as root, on its Ubuntu image:
#                   unpacks the kit and installs the Debian/Ubuntu packages
#                   it needs (the kit's tools/setup.sh)
#   run_autograder  run for every submission: grades /autograder/submission
#                   (the tarball from `make handin`, or the student's files
#                   or repository) with grade/grade-class.sh and writes
#                   /autograder/results/results.json
#   kit.tar.gz      the student copy of the kit (make dist): the grader
#                   lays the student's exercise regions onto it
#   LAB             the lab to grade
# Upload the zip as the assignment's autograder ("Zip file upload").
# run_autograder reads AUTOGRADER_ROOT (default /autograder) for its
# paths, and GRADE_CLASS_FLAGS (extra grade-class.sh options), so that it
# can be tried on a fake layout: see tools/course-test.sh.
# The zip is made with zip(1) when it is installed, else by this script
# itself (deflate through gzip); GRADESCOPE_ZIP=shell forces the latter.
# The files of the zip are also left in FILE.d/ (build/gradescope-lab<N>.d/).
set -eu

die() {
	echo "gradescope: $*" >&2
	exit 2
}

lab="" out=""
while [ $# -gt 0 ]; do
	case $1 in
	--lab) lab=$2; shift ;;
	--out) out=$2; shift ;;
	*) die "usage: tools/gradescope.sh [--lab N] [--out FILE.zip]" ;;
	esac
	shift
done
nlabs=$(find . -maxdepth 1 -name 'lab[1-9]-*' -type d | wc -l | tr -d ' ')
[ -n "$lab" ] || lab=$nlabs
case $lab in [1-9]) ;; *) die "--lab takes a lab number" ;; esac
[ "$lab" -le "$nlabs" ] || die "there are labs 1 to $nlabs"
[ -n "$out" ] || out=build/gradescope-lab$lab.zip

# ---- a zip writer for machines without zip(1) -----------------------------

# Little-endian integers, as bytes.
le16() {
	# shellcheck disable=SC2059 # the format is the octal escapes
	printf "\\$(printf %03o $(($1 & 255)))\\$(printf %03o $(($1 >> 8 & 255)))"
}
le32() {
	le16 $(($1 & 65535))
	le16 $(($1 >> 16 & 65535))
}

# shzip ZIP FILE...: a zip of the FILEs (plain names in the current
# directory), deflated by gzip, with their Unix permissions.
shzip() {
	zipf=$1
	shift
	tmpd=$(mktemp -d)
	: >"$zipf"
	: >"$tmpd/central"
	count=0
	offset=0
	# DOS time and date of now.
	stamp=$(date +"%Y %m %d %H %M %S")
	read -r yy mo dd hh mi ss <<EOF
$stamp
EOF
	dtime=$(((${hh#0} << 11) | (${mi#0} << 5) | (${ss#0} / 2)))
	ddate=$((((yy - 1980) << 9) | (${mo#0} << 5) | ${dd#0}))
	for f in "$@"; do
		usize=$(wc -c <"$f" | tr -d ' ')
		gzip -c -n -9 <"$f" >"$tmpd/gz"
		gsize=$(wc -c <"$tmpd/gz" | tr -d ' ')
		csize=$((gsize - 18))
		# shellcheck disable=SC2046 # four numbers
		set -- $(tail -c 8 "$tmpd/gz" | od -An -tu1)
		crc=$(($1 | $2 << 8 | $3 << 16 | $4 << 24))
		if [ -x "$f" ]; then mode=33261; else mode=33188; fi # 0100755, 0100644
		nlen=$(printf '%s' "$f" | wc -c | tr -d ' ')
		{
			le32 67324752 # local file header 0x04034b50
			le16 20; le16 0; le16 8; le16 "$dtime"; le16 "$ddate"
			le32 "$crc"; le32 "$csize"; le32 "$usize"
			le16 "$nlen"; le16 0
			printf '%s' "$f"
			tail -c +11 "$tmpd/gz" | head -c "$csize"
		} >>"$zipf"
		{
			le32 33639248 # central directory entry 0x02014b50
			le16 798; le16 20; le16 0; le16 8 # made by Unix 3.0
			le16 "$dtime"; le16 "$ddate"
			le32 "$crc"; le32 "$csize"; le32 "$usize"
			le16 "$nlen"; le16 0; le16 0; le16 0; le16 0
			le32 $((mode << 16)); le32 "$offset"
			printf '%s' "$f"
		} >>"$tmpd/central"
		offset=$(wc -c <"$zipf" | tr -d ' ')
		count=$((count + 1))
	done
	cdsize=$(wc -c <"$tmpd/central" | tr -d ' ')
	cat "$tmpd/central" >>"$zipf"
	{
		le32 101010256 # end of central directory 0x06054b50
		le16 0; le16 0; le16 "$count"; le16 "$count"
		le32 "$cdsize"; le32 "$offset"; le16 0
	} >>"$zipf"
	rm -rf "$tmpd"
}

# ---- the bundle ---------------------------------------------------------

stage=${out%.zip}.d
rm -rf "$stage"
mkdir -p "$stage" "$(dirname "$out")"
sh tools/dist.sh "$stage/kit.tar.gz" >/dev/null
echo "$lab" >"$stage/LAB"

cat >"$stage/setup.sh" <<'EOF'
#!/bin/sh
# Gradescope runs this once, as root, when it builds the autograder's
# image: unpack the kit, install the packages it needs.
set -eu
cd "$(dirname "$0")"
rm -rf kit
mkdir kit
tar -xzf kit.tar.gz -C kit
cd kit/student-kit
sh tools/setup.sh
EOF

cat >"$stage/run_autograder" <<'EOF'
#!/bin/sh
# Gradescope runs this for every submission: grades the submission with
# the kit's grade/grade-class.sh (only the exercise regions are taken from
# it) and writes results/results.json. AUTOGRADER_ROOT (default
# /autograder) holds source/ (this bundle), submission/ and results/;
# GRADE_CLASS_FLAGS adds options to grade-class.sh (e.g. --only hello).
set -eu
root=${AUTOGRADER_ROOT:-/autograder}
src=$root/source
kit=$src/kit/student-kit
results=$root/results/results.json
mkdir -p "$root/results"

# fail MESSAGE: a results.json that says what went wrong.
fail() {
	msg=$(printf '%s' "$*" | sed 's/\\/\\\\/g; s/"/\\"/g' | tr '\n\t' '  ')
	printf '{"score": 0, "output": "The autograder failed: %s"}\n' "$msg" >"$results"
	echo "run_autograder: $*" >&2
	exit 0
}

if ! [ -d "$kit" ]; then
	mkdir -p "$src/kit"
	tar -xzf "$src/kit.tar.gz" -C "$src/kit" || fail "cannot unpack the kit"
fi
lab=$(cat "$src/LAB")
work=$kit/build/autograder
rm -rf "$work"
mkdir -p "$work/handins"
chmod 755 "$work" "$work/handins"

# The submission: a tarball from make handin, else the files themselves.
set -- "$root/submission"/*.tar.gz "$root/submission"/*.tgz "$root/submission"/*.tar
tarball=""
for f in "$@"; do
	[ -f "$f" ] && tarball=$f && break
done
if [ -n "$tarball" ]; then
	cp "$tarball" "$work/handins/submission.tar.gz"
	case $tarball in *.tar) mv "$work/handins/submission.tar.gz" "$work/handins/submission.tar" ;; esac
else
	mkdir -p "$work/handins/submission"
	(cd "$root/submission" && tar -cf - --exclude=./.git --exclude=./build .) |
		(cd "$work/handins/submission" && tar -xf -) ||
		fail "cannot copy the submission"
fi

# shellcheck disable=SC2086 # GRADE_CLASS_FLAGS is a list of options
(cd "$kit" && sh grade/grade-class.sh --lab "$lab" --out "$work/class" \
	${GRADE_CLASS_FLAGS:-} "$work/handins") ||
	fail "grade-class.sh stopped (see the autograder's output)"
json=$work/class/json/submission.json
[ -s "$json" ] || fail "grade-class.sh wrote no results"
cp "$json" "$results"
cat "$work/class/report.txt"
EOF
chmod 755 "$stage/setup.sh" "$stage/run_autograder"

rm -f "$out"
outabs=$(cd "$(dirname "$out")" && pwd -P)/$(basename "$out")
files="setup.sh run_autograder kit.tar.gz LAB"
if [ "${GRADESCOPE_ZIP:-}" != shell ] && command -v zip >/dev/null 2>&1; then
	# shellcheck disable=SC2086 # files is a list of plain names
	(cd "$stage" && zip -q -X "$outabs" $files)
else
	[ "${GRADESCOPE_ZIP:-}" = shell ] ||
		echo "gradescope: zip is not installed; writing the zip with gzip instead" >&2
	# shellcheck disable=SC2086 # files is a list of plain names
	(cd "$stage" && shzip "$outabs" $files)
fi
echo "wrote $out: Gradescope autograder for lab $lab (upload it as the assignment's autograder)"
