#!/bin/sh
# Packs the student's work for handing in (make handin [LAB=N]):
#
#   tools/handin.sh [LAB]
#
# writes build/handin-<user>-lab<N>.tar.gz holding, under handin/:
#   files/...   every file with exercises (BEGIN LAB n EXERCISE markers),
#               every file the student added under the lab directories,
#               and every other kit file the student changed (the class
#               grader uses only the exercise regions; the rest is there
#               so that it can say what it ignored)
#   git.log     the student's commits, when the kit is a git repository
#   MANIFEST    kit version, lab, student, date, and "sha256 kind path"
#               for every file (kind: exercise, added, changed), plus
#               "- deleted path" for kit files the student removed
# No build output. The kit as handed out is known from .kit/pristine.sha256
# (written by make dist); without it, from the first commit of the git
# repository. It refuses, with exit status 1, when nothing under the lab
# directories differs from the kit.
# Environment: HANDIN_NAME (default: the user name), HANDIN_OUT (the
# tarball to write).
set -eu

die() {
	echo "handin: $*" >&2
	exit 1
}

lab=${1:-}
[ -n "$lab" ] || lab=$(find . -maxdepth 1 -name 'lab[1-9]-*' -type d | wc -l | tr -d ' ')
case $lab in [1-9]) ;; *) die "LAB must be a lab number, not '$lab'" ;; esac
name=${HANDIN_NAME:-$(id -un 2>/dev/null || echo student)}
name=$(printf '%s' "$name" | tr -c 'A-Za-z0-9._-' '_')
out=${HANDIN_OUT:-build/handin-$name-lab$lab.tar.gz}

mkdir -p build
tmp=$(mktemp -d build/handin.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
stage=$tmp/handin
mkdir -p "$stage/files"

# Is this directory the top of its own git repository (not, say, a copy
# unpacked inside the instructor's repository)?
own_git() {
	command -v git >/dev/null 2>&1 &&
		top=$(git rev-parse --show-toplevel 2>/dev/null) &&
		[ "$(cd "$top" && pwd -P)" = "$(pwd -P)" ]
}

# The pristine checksums, "sha256  path" sorted by path, into $tmp/pristine.
if [ -f .kit/pristine.sha256 ]; then
	cp .kit/pristine.sha256 "$tmp/pristine"
	version=$(cat .kit/version 2>/dev/null || echo unknown)
	base="make dist's manifest (.kit/pristine.sha256)"
elif own_git; then
	root=$(git rev-list --max-parents=0 HEAD | tail -n 1)
	git ls-tree -r --name-only "$root" | while IFS= read -r f; do
		printf '%s  %s\n' "$(git show "$root:$f" | sha256sum | cut -d' ' -f1)" "$f"
	done | sort -k 2 >"$tmp/pristine"
	version=git-$root
	base="the first commit ($root)"
else
	die "cannot tell your changes from the kit: there is no .kit/pristine.sha256 (make dist writes it) and this is not a git repository"
fi

# The student's tree now: every file but build output and version control.
find . \( -path ./build -o -path ./.git -o -path ./.kit \) -prune -o \
	-type f -exec sha256sum {} + | sed 's|  \./|  |' | sort -k 2 >"$tmp/now"

# "kind path" for every file that goes into the hand-in.
awk 'NR == FNR { sum[$2] = $1; next }
     { seen[$2] = 1 }
     !($2 in sum) && $2 ~ /^lab[1-9]-[^\/]*\// { print "added", $2; next }
     ($2 in sum) && sum[$2] != $1 { print "changed", $2 }
     END { for (f in sum) if (!(f in seen)) print "deleted", f }' \
	"$tmp/pristine" "$tmp/now" | sort -k 2 >"$tmp/changes"
for d in lab[1-9]-*; do
	grep -rl 'BEGIN LAB [0-9]* EXERCISE' "$d" 2>/dev/null || :
done | sort >"$tmp/exercises"

if ! awk '$2 ~ /^lab[1-9]-[^\/]*\//' "$tmp/changes" | grep -q .; then
	die "nothing to hand in: no file under the lab directories differs from the kit (compared with $base). Write your code between the BEGIN/END LAB n EXERCISE markers (grep -rn 'BEGIN LAB $lab EXERCISE' lab$lab-*/) and save it first."
fi

{
	echo "# xenkit hand-in"
	echo "kit-version: $version"
	echo "lab: $lab"
	echo "student: $name"
	echo "created: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	own_git && echo "git-head: $(git rev-parse HEAD 2>/dev/null || echo none)"
	echo "# sha256 kind path"
} >"$stage/MANIFEST"

# add KIND PATH: copies PATH into the hand-in and lists it.
add() {
	if [ "$(wc -c <"$2")" -gt 1048576 ]; then
		echo "handin: $2 is larger than 1 MiB; left out" >&2
		return 0
	fi
	mkdir -p "$stage/files/$(dirname "$2")"
	cp "$2" "$stage/files/$2"
	printf '%s %s %s\n' "$(sha256sum <"$2" | cut -d' ' -f1)" "$1" "$2" >>"$stage/MANIFEST"
}
while IFS= read -r f; do
	add exercise "$f"
done <"$tmp/exercises"
while read -r kind f; do
	grep -qxF -- "$f" "$tmp/exercises" && continue
	case $kind in
	deleted) printf -- '- deleted %s\n' "$f" >>"$stage/MANIFEST" ;;
	*) add "$kind" "$f" ;;
	esac
done <"$tmp/changes"

if own_git; then
	git log --stat --date=iso >"$stage/git.log" 2>/dev/null || :
fi

tar -czf "$out" -C "$tmp" handin
nex=$(wc -l <"$tmp/exercises" | tr -d ' ')
nch=$(grep -vc '^deleted' "$tmp/changes" || :)
echo "wrote $out: lab $lab, $nex exercise files, $nch files changed or added since the kit ($version)"
awk '{ print "  " $1 "  " $2 }' "$tmp/changes"
echo "Hand in this file. Only the text between the exercise markers is graded;"
echo "the grader uses the kit's own version of every other file."
