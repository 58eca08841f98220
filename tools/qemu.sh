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
# QEMU (environment) names the emulator, default qemu-system-i386;
# QEMU_BIOS a firmware image (default: qboot.rom where found; "none":
# QEMU's own default).
set -eu

qemu=${QEMU:-qemu-system-i386}
# Debian's qemu-system-i386 is a shell script that execs this binary: call
# it directly, one shell start less per boot.
[ -z "${QEMU:-}" ] && [ -x /usr/libexec/qemu-system-i386 ] &&
	qemu=/usr/libexec/qemu-system-i386
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
# QEMU separates -initrd modules with commas; a comma inside one is ",,".
initrd=""
for m in "$@"; do
	case $m in *,*) m=$(printf '%s' "$m" | sed 's/,/,,/g') ;; esac
	initrd="${initrd:+$initrd,}$m"
done

# The lightest firmware that boots a Multiboot kernel: qboot, shipped in
# QEMU's data directory (Debian: /usr/share/qemu). It starts the machine
# in a fraction of SeaBIOS's time; its memory map differs slightly, so the
# free-frame count at power-off does too (nothing the VMM does after its
# first instruction changes). Without it, QEMU's default BIOS, with a note.
# Sets bios (empty: QEMU's default). No subshell: the grader starts this
# script once per test, and each process costs milliseconds.
firmware() {
	bios=${QEMU_BIOS:-}
	[ -n "$bios" ] && return
	# First beside the emulator (PREFIX/bin/qemu-... -> PREFIX/share/qemu),
	# then where packages put it.
	case $qemu in
	*/bin/*) dir=$qemu ;;
	*/*) dir="" ;; # e.g. Debian's /usr/libexec: the list below has it
	*) dir=$(command -v "$qemu" 2>/dev/null) || dir="" ;;
	esac
	for d in ${dir:+"${dir%/bin/*}/share/qemu"} /usr/share/qemu \
		/usr/local/share/qemu /opt/homebrew/share/qemu /usr/share/seabios; do
		[ -f "$d/qboot.rom" ] && { bios=$d/qboot.rom; return; }
	done
	echo "qemu.sh: note: no qboot.rom; QEMU's default BIOS starts slower" \
		"(set QEMU_BIOS=none to silence this)" >&2
}

# No default devices (VGA card, network card and their option ROMs cost
# most of QEMU's start-up): a lab that needs a device adds it.
set -- -machine pc -m 128 -no-reboot -nodefaults \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$vmm"
firmware
[ -n "$bios" ] && [ "$bios" != none ] && set -- "$@" -bios "$bios"
[ -n "$initrd" ] && set -- "$@" -initrd "$initrd"
[ -n "$append" ] && set -- "$@" -append "$append"
[ -n "$gdbport" ] && set -- "$@" -S -gdb "tcp:127.0.0.1:$gdbport"
if [ "$mode" = grade ]; then
	# The CMOS clock (lab 5's wall clock) starts at a fixed date and runs
	# on virtual time, so that every run reads the same.
	exec "$qemu" "$@" -icount shift=0,sleep=off -display none -monitor none \
		-rtc base=2026-01-01T00:00:00,clock=vm \
		-serial stdio
fi

# By hand: the serial port on the terminal, multiplexed with QEMU's
# monitor (Ctrl-a c; Ctrl-a x quits). Say how the run ended, and exit 0
# when every domain shut down cleanly (QEMU itself exits with
# (code << 1) | 1, see vmm/power.h).
rc=0
"$qemu" "$@" -display none -serial mon:stdio || rc=$?
case $rc in
33) echo "qemu.sh: every domain shut down cleanly"; exit 0 ;;
35) echo "qemu.sh: a domain failed or was refused (see the summary)" ;;
37) echo "qemu.sh: the VMM panicked" ;;
1) echo "qemu.sh: QEMU could not start the VMM (see above)" ;;
0) echo "qemu.sh: the machine reset (a triple fault?)" ;;
esac
exit "$rc"
