#!/bin/sh
# Writes build/compile_commands.json for lab N (make compile-commands
# LAB=N [SOL=1 | SOLVED=K]): one entry per source file the build of that
# lab compiles, with the very command the Makefile runs, so that clangd
# (and VS Code, Emacs, Vim through it) finds the layered include paths of
# lab N. The commands come from `make -n` (nothing is built). clangd
# finds the file in build/ by itself; the student copy's .clangd removes
# the few GCC flags clang does not know. A file compiled both for the
# target and for the host unit tests gets the target's command.
#
#   tools/compile-commands.sh [LAB [SOLVED]]
set -eu
lab=${1:-}
solved=${2:-0}
[ -n "$lab" ] || lab=$(find . -maxdepth 1 -name 'lab[1-9]-*' -type d | wc -l | tr -d ' ')
out=${COMPILE_COMMANDS_OUT:-build/compile_commands.json}
mkdir -p "$(dirname "$out")"
top=$(pwd -P)
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
make -n -B --no-print-directory LAB="$lab" SOLVED="$solved" V=1 build >"$tmp" 2>/dev/null || {
	echo "compile-commands: make -n failed for lab $lab" >&2
	exit 1
}
json_escape() {
	sed 's/\\/\\\\/g; s/"/\\"/g'
}
# Target commands first (i686 compiler), then the host ones; one entry
# per source file.
{
	grep -E ' -c [^ ]+\.[cS] ' "$tmp" | grep -v '^[^ ]*cc ' || :
	grep -E ' -c [^ ]+\.[cS] ' "$tmp" | grep '^[^ ]*cc ' || :
} | awk '{ for (i = 1; i < NF; i++) if ($i == "-c") { f = $(i + 1); break }
	   if (!seen[f]++) print f "\t" $0 }' >"$tmp.list"
n=$(wc -l <"$tmp.list" | tr -d ' ')
{
	echo "["
	sep=""
	while IFS="$(printf '\t')" read -r f cmd; do
		printf '%s  {\n    "directory": "%s",\n    "file": "%s",\n    "command": "%s"\n  }' \
			"$sep" "$(printf '%s' "$top" | json_escape)" \
			"$(printf '%s' "$f" | json_escape)" \
			"$(printf '%s' "$cmd" | json_escape)"
		sep=",
"
	done <"$tmp.list"
	echo
	echo "]"
} >"$out"
rm -f "$tmp.list"
echo "wrote $out: $n files of lab $lab (SOLVED=$solved)"
