#!/bin/sh
# Prints a GDB script that loads the VMM's and the guests' symbols and
# attaches to QEMU (make qemu-gdb):  gdbinit.sh PORT VMM_ELF [GUEST_ELF...]
# The VMM lives at 0xF8100000 and guests at 0xC0000000, so all symbols can
# be loaded at once; QEMU's breakpoints are on virtual addresses, so a
# breakpoint in a guest fires in whichever address space runs it.
set -eu
port=$1
vmm=$2
shift 2
cat <<EOT
set confirm off
set pagination off
set architecture i386
file $vmm
EOT
for g in "$@"; do
	echo "add-symbol-file $g"
done
echo "target remote 127.0.0.1:$port"
