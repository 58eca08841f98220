#!/bin/sh
# Scaffolds a test guest:  make new-test LAB=N NAME=name
# Creates labN-*/tests/NAME/main.c from a template and appends a stanza
# for it to grade/labN.tests, for you to fill in. Writes nothing else.
set -eu

lab=$1
name=$2
case $name in
"" | *[!a-z0-9_]*) echo "new-test: NAME must be lower-case letters, digits, _" >&2
	exit 2 ;;
esac
dir=$(find . -maxdepth 1 -name "lab$lab-*" -type d | head -n 1)
[ -n "$dir" ] || { echo "new-test: there is no lab $lab" >&2; exit 2; }
dir=${dir#./}/tests/$name
[ ! -e "$dir" ] || { echo "new-test: $dir exists already" >&2; exit 2; }
mkdir -p "$dir"
cat >"$dir/main.c" <<EOT
/*
 * $name: <what this test checks, in one or two sentences>.
 * For a hostile test: what a vulnerable VMM does, what a fixed one does.
 */
#include <guest/test.h>

const char test_title[] = "$name";

void test_main(void)
{
	check_eq(1 + 1, 2);
	xtf_success("replace me");
}
EOT
cat >>"grade/lab$lab.tests" <<EOT

# <one line: what $name checks>
test $name 1
needs
boot tests/$name.elf
result d0
exit 1
EOT
echo "created $dir/main.c and a stanza at the end of grade/lab$lab.tests"
