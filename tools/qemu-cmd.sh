#!/bin/sh
# QEMU's command line for the VMM: the one place that knows it. Sourced,
# not run: by tools/qemu.sh (make qemu, the benchmarks) and by the grader,
# which starts QEMU under timeout with no shell in between (a shell start
# per test costs milliseconds). Uses no process of its own.
#
#   qemu_setup      finds the emulator and the firmware; once per run
#   qemu_command [--grade] [--gdb PORT] [--append S] VMM_ELF [MODULE...]
#                   sets qemu_cmd to the whole command line, each word
#                   quoted for the shell:   eval "set -- $qemu_cmd"
#                   and qemu_mode to grade or interactive
#
# Each boot module is one word naming a guest image, optionally followed by
# its arguments, e.g.  "build/lab1-sol/guest/kernel.elf mem=8M hello".
#   --grade        deterministic, unattended run: -icount, no display,
#                  serial on stdout, no monitor (used by the grader)
#   otherwise      by hand: the serial port and QEMU's monitor on the
#                  terminal (Ctrl-a c; Ctrl-a x quits)
#   --gdb PORT     wait for GDB on tcp PORT before the first instruction
#   --append S     the VMM's command line
# QEMU (environment) names the emulator, default qemu-system-i386;
# QEMU_BIOS a firmware image (default: qboot.rom where found; "none":
# QEMU's own default).

# Sets qemu (the emulator) and bios (the firmware; empty: QEMU's default).
qemu_setup() {
	qemu=${QEMU:-qemu-system-i386}
	# Debian's qemu-system-i386 is a shell script that execs this binary:
	# call it directly, one shell start less per boot.
	[ -z "${QEMU:-}" ] && [ -x /usr/libexec/qemu-system-i386 ] &&
		qemu=/usr/libexec/qemu-system-i386
	qemu_firmware
}

# The lightest firmware that boots a Multiboot kernel: qboot, shipped in
# QEMU's data directory (Debian: /usr/share/qemu). It starts the machine
# in a fraction of SeaBIOS's time; its memory map differs slightly, so the
# free-frame count at power-off does too (nothing the VMM does after its
# first instruction changes). Without it, QEMU's default BIOS, with a note.
qemu_firmware() {
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

# replace_all S FROM TO: sets replaced to S with every FROM written TO,
# by the shell alone (the grader calls it for every line of every test:
# a sed each would cost milliseconds).
replace_all() {
	_rest=$1 replaced=""
	while :; do
		case $_rest in
		*"$2"*)
			replaced="$replaced${_rest%%"$2"*}$3"
			_rest=${_rest#*"$2"}
			;;
		*)
			replaced=$replaced$_rest
			return 0
			;;
		esac
	done
}

# qemu_arg WORD: appends WORD to qemu_cmd, in single quotes (a quote
# inside it written '\'').
qemu_arg() {
	replace_all "$1" "'" "'\\''"
	qemu_cmd="$qemu_cmd '$replaced'"
}

# qemu_module M: appends M to initrd. QEMU separates -initrd modules with
# commas; a comma inside one is written ",,".
qemu_module() {
	replace_all "$1" , ,,
	initrd="${initrd:+$initrd,}$replaced"
}

# Returns 2, with a message, for a bad option or no VMM image.
qemu_command() {
	qemu_mode=interactive _gdbport="" _append=""
	while [ $# -gt 0 ]; do
		case $1 in
		--grade) qemu_mode=grade ;;
		--gdb) _gdbport=$2; shift ;;
		--append) _append=$2; shift ;;
		--) shift; break ;;
		-*) echo "qemu.sh: unknown option $1" >&2; return 2 ;;
		*) break ;;
		esac
		shift
	done
	if [ $# -lt 1 ]; then
		echo "usage: qemu.sh [options] VMM_ELF [MODULE...]" >&2
		return 2
	fi
	qemu_cmd=""
	# No default devices (VGA card, network card and their option ROMs
	# cost most of QEMU's start-up): a lab that needs a device adds it.
	for _w in "$qemu" -machine pc -m 128 -no-reboot -nodefaults \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$1"; do
		qemu_arg "$_w"
	done
	shift
	initrd=""
	for _m in "$@"; do
		qemu_module "$_m"
	done
	if [ -n "$bios" ] && [ "$bios" != none ]; then
		qemu_arg -bios
		qemu_arg "$bios"
	fi
	[ -n "$initrd" ] && qemu_arg -initrd && qemu_arg "$initrd"
	[ -n "$_append" ] && qemu_arg -append && qemu_arg "$_append"
	[ -n "$_gdbport" ] && qemu_arg -S && qemu_arg -gdb &&
		qemu_arg "tcp:127.0.0.1:$_gdbport"
	if [ "$qemu_mode" = grade ]; then
		# The CMOS clock (lab 5's wall clock) starts at a fixed date
		# and runs on virtual time, so that every run reads the same.
		qemu_cmd="$qemu_cmd -icount shift=0,sleep=off -display none"
		qemu_cmd="$qemu_cmd -monitor none"
		qemu_cmd="$qemu_cmd -rtc base=2026-01-01T00:00:00,clock=vm"
		qemu_cmd="$qemu_cmd -serial stdio"
	else
		qemu_cmd="$qemu_cmd -display none -serial mon:stdio"
	fi
	return 0
}
