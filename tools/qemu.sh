#!/bin/sh
# Runs the VMM in QEMU, with the command line of tools/qemu-cmd.sh.
#
#   tools/qemu.sh [options] VMM_ELF [MODULE [ARGS...]]...
#
# Each boot module is one word naming a guest image, optionally followed by
# its arguments, e.g.  "build/lab1-sol/guest/kernel.elf mem=8M hello".
# Options:
#   --grade        deterministic, unattended run: -icount, no display,
#                  serial on stdout, no monitor (the benchmarks; the
#                  grader builds the same command itself)
#   --gdb PORT     wait for GDB on tcp PORT before the first instruction
#   --append S     the VMM's command line
# QEMU (environment) names the emulator, default qemu-system-i386;
# QEMU_BIOS a firmware image (default: qboot.rom where found; "none":
# QEMU's own default).
set -eu
# shellcheck source=tools/qemu-cmd.sh
case $0 in
*/*) . "${0%/*}/qemu-cmd.sh" ;;
*) . ./qemu-cmd.sh ;; # run as "sh qemu.sh" from tools/
esac

qemu_setup
qemu_command "$@" || exit
eval "set -- $qemu_cmd"
[ "$qemu_mode" = grade ] && exec "$@" # the caller reads the exit status

# By hand: say how the run ended, and exit 0 when every domain shut down
# cleanly (QEMU itself exits with (code << 1) | 1, see vmm/power.h).
rc=0
"$@" || rc=$?
case $rc in
33) echo "qemu.sh: every domain shut down cleanly"; exit 0 ;;
35) echo "qemu.sh: a domain failed or was refused (see the summary)" ;;
37) echo "qemu.sh: the VMM panicked" ;;
1) echo "qemu.sh: QEMU could not start the VMM (see above)" ;;
0) echo "qemu.sh: the machine reset (a triple fault?)" ;;
esac
exit "$rc"
