#!/bin/sh
# Every C file is formatted as .clang-format says (kernel style). Formatting
# differs between clang-format versions, so the check is pinned to the
# version of Debian 12 and skipped with another one.
# Prints "ok - ...", "not ok - ..." or "skip - ..." lines.
set -eu

PINNED=14
version=$(clang-format --version 2>/dev/null |
	sed -n 's/.*version \([0-9]*\)\..*/\1/p')
if [ "$version" != "$PINNED" ]; then
	echo "skip - clang-format ${version:-missing} is not the pinned $PINNED"
	exit 0
fi
# All files in a few clang-format runs (one run per file cost 37 s, most
# of it starting clang-format 428 times), one after another (two at once
# would mix their warnings' lines); --dry-run names each file whose
# formatting would change.
out=$(mktemp)
trap 'rm -f "$out"' EXIT
git ls-files -z '*.c' '*.h' |
	xargs -0 -n 100 clang-format --style=file --dry-run >"$out" 2>&1 || {
	echo "not ok - clang-format failed:"
	sed 's/^/    /' "$out" | head -n 20
	exit 0
}
bad=$(sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning: code should be clang-formatted.*/\1/p' \
	"$out" | sort -u)
if [ -z "$bad" ]; then
	echo "ok - every C file is formatted as .clang-format says"
else
	for f in $bad; do
		echo "not ok - $f is not formatted (clang-format -i $f)"
	done
fi
