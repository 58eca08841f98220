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
bad=$(git ls-files '*.c' '*.h' | while read -r f; do
	clang-format --style=file "$f" | cmp -s - "$f" || echo "$f"
done)
if [ -z "$bad" ]; then
	echo "ok - every C file is formatted as .clang-format says"
else
	for f in $bad; do
		echo "not ok - $f is not formatted (clang-format -i $f)"
	done
fi
