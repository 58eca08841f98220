#!/bin/sh
# Runs the VMM in QEMU: the one place that knows QEMU's command line.
#
#   tools/qemu.sh [options] VMM_ELF [MODULE [ARGS...]]...
#
# Each boot module is one word naming a guest image, optionally followed by
# its arguments, e.g.  "build/lab1-sol/guest/kernel.elf mem=8M hello".
# Options:
#   --grade        deterministic, unattended run: -icount, no display,
#                  serial on stdout, no monitor (used by the grader)
#   --gdb PORT     wait for GDB on tcp PORT before the first instruction
#   --append S     the VMM's command line
# QEMU (environment) names the emulator, default qemu-system-i386.
set -eu

qemu=${QEMU:-qemu-system-i386}
mode=interactive
gdbport=""
append=""
while [ $# -gt 0 ]; do
	case $1 in
	--grade) mode=grade ;;
	--gdb) gdbport=$2; shift ;;
	--append) append=$2; shift ;;
	--) shift; break ;;
	-*) echo "qemu.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 1 ] || { echo "usage: qemu.sh [options] VMM_ELF [MODULE...]" >&2; exit 2; }
vmm=$1
shift

# QEMU separates -initrd modules with commas; a comma inside one is ",,".
initrd=""
for m in "$@"; do
	m=$(printf '%s' "$m" | sed 's/,/,,/g')
	initrd="${initrd:+$initrd,}$m"
done

set -- -machine pc -m 128 -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$vmm"
[ -n "$initrd" ] && set -- "$@" -initrd "$initrd"
[ -n "$append" ] && set -- "$@" -append "$append"
[ -n "$gdbport" ] && set -- "$@" -S -gdb "tcp:127.0.0.1:$gdbport"
if [ "$mode" = grade ]; then
	exec "$qemu" "$@" -icount shift=0,sleep=off -display none -monitor none \
		-serial stdio
fi

# By hand: say how the run ended, and exit 0 when every domain shut down
# cleanly (QEMU itself exits with (code << 1) | 1, see vmm/power.h).
rc=0
"$qemu" "$@" -nographic || rc=$?
case $rc in
33) echo "qemu.sh: every domain shut down cleanly"; exit 0 ;;
35) echo "qemu.sh: a domain failed or was refused (see the summary)" ;;
37) echo "qemu.sh: the VMM panicked" ;;
1) echo "qemu.sh: QEMU could not start the VMM (see above)" ;;
0) echo "qemu.sh: the machine reset (a triple fault?)" ;;
esac
exit "$rc"
