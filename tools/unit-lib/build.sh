#!/bin/sh
# Builds what the unit-test binaries of one variant link besides
# Criterion, in DIR (the variant's unit/lib), and writes DIR/ldflags: the
# words to add to their link line.
#
#   tools/unit-lib/build.sh HOSTCC DIR
#
# Where libcriterion needs libgit2 (Debian's does), that is the stand-in
# of libgit2-stub.c, built under libgit2's soname, and a run path that
# finds it beside the binaries ($ORIGIN/lib); elsewhere nothing, and
# ldflags is empty. See libgit2-stub.c for why.
set -eu
cc=$1 dir=$2
mkdir -p "$dir"
: >"$dir/ldflags.tmp"
lib=$($cc -print-file-name=libcriterion.so 2>/dev/null) || lib=""
soname=""
case $lib in
/*) soname=$(readelf -d "$lib" 2>/dev/null |
	sed -n 's/.*(NEEDED).*\[\(libgit2\.so[^]]*\)\].*/\1/p') || soname="" ;;
esac
if [ -n "$soname" ]; then
	$cc -O2 -Wall -Wextra -shared -fPIC -Wl,-soname,"$soname" \
		-o "$dir/$soname" "$(dirname "$0")/libgit2-stub.c"
	# Loaded by soname before libcriterion's own libgit2 is looked for.
	# shellcheck disable=SC2016 # $ORIGIN is for the loader, not the shell
	printf '%s\n' "-Wl,--no-as-needed $dir/$soname -Wl,-rpath,\$ORIGIN/lib" \
		>"$dir/ldflags.tmp"
fi
mv "$dir/ldflags.tmp" "$dir/ldflags"
