#!/bin/sh
# Checks for the tools the kit needs and installs the missing ones.
#
#   tools/setup.sh --check   exit 0 if everything is there, 1 if not
#   tools/setup.sh           install what is missing: with apt-get when run
#                            as root on Debian/Ubuntu, otherwise print the
#                            command to run and exit 1
#
# TOOLPREFIX, QEMU and HOSTCC name the tools as the Makefile does.
set -eu

PACKAGES="make procps git clang-format gcc-i686-linux-gnu binutils-i686-linux-gnu qemu-system-x86 \
gdb libcriterion-dev libc6-dev gcc shellcheck"

prefix=${TOOLPREFIX:-}
if [ -z "$prefix" ]; then
	for p in i686-linux-gnu- i686-elf- i386-elf-; do
		if command -v "${p}gcc" >/dev/null 2>&1; then
			prefix=$p
			break
		fi
	done
fi
qemu=${QEMU:-qemu-system-i386}
hostcc=${HOSTCC:-cc}

missing=""
need() { # need WHAT: adds WHAT to the missing list
	missing="$missing $1"
}

if [ -z "$prefix" ] || ! command -v "${prefix}gcc" >/dev/null 2>&1; then
	need "i686 cross compiler (gcc-i686-linux-gnu)"
fi
if [ -z "$prefix" ] || ! command -v "${prefix}ld" >/dev/null 2>&1; then
	need "i686 binutils (binutils-i686-linux-gnu)"
fi
command -v "$qemu" >/dev/null 2>&1 || need "QEMU ($qemu, qemu-system-x86)"
command -v make >/dev/null 2>&1 || need "make"
command -v gdb >/dev/null 2>&1 || need "GDB (gdb)"
command -v pgrep >/dev/null 2>&1 || need "pgrep (procps)"
command -v shellcheck >/dev/null 2>&1 || need "shellcheck"
command -v clang-format >/dev/null 2>&1 || need "clang-format"
command -v git >/dev/null 2>&1 || need "git"
if ! command -v "$hostcc" >/dev/null 2>&1; then
	need "host C compiler ($hostcc)"
elif ! printf '#include <criterion/criterion.h>\n' |
	"$hostcc" -E -x c - >/dev/null 2>&1; then
	need "Criterion (libcriterion-dev)"
fi

[ -z "$missing" ] && exit 0
if [ "${1:-}" = --check ]; then
	echo "missing:$missing"
	exit 1
fi

echo "tools/setup.sh: missing:$missing" >&2
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "tools/setup.sh: installing with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086 # the package list is meant to split
	apt-get update -q >&2 &&
		apt-get install -y -q --no-install-recommends $PACKAGES >&2
	exit $?
fi
cat >&2 <<EOT
Install them with:
    sudo apt-get install --no-install-recommends $PACKAGES
(macOS with Homebrew: brew install i686-elf-gcc qemu gdb criterion, then
 build with TOOLPREFIX=i686-elf-.)
EOT
exit 1
