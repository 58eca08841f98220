#!/bin/sh
# The debugging set-up works: QEMU waits for GDB, GDB loads the VMM's and
# a guest's symbols, and a breakpoint in each is hit. Uses the lab 1
# solution build.  Prints "ok - ..." / "not ok - ..." lines.
set -eu

B=build/lab1-sol
out=build/gdb-test
mkdir -p "$out"
make -s --no-print-directory LAB=1 SOL=1 "$B/vmm.elf" "$B/tests/hello.elf"
port=$((27000 + $(id -u) % 5000 + $$ % 1000))

timeout 60 sh tools/qemu.sh --grade --gdb "$port" "$B/vmm.elf" \
	"$B/tests/hello.elf" >"$out/console.log" 2>&1 &
qemu=$!
sh tools/gdbinit.sh "$port" "$B/vmm.elf" "$B/tests/hello.elf" >"$out/gdbinit"
cat >>"$out/gdbinit" <<'EOT'
break start_vmm
break test_main
continue
bt 1
continue
bt 1
kill
EOT
sleep 0.5 # let QEMU open its port
timeout 60 gdb -q -nx -batch -x "$out/gdbinit" >"$out/gdb.log" 2>&1 || :
kill "$qemu" 2>/dev/null || :
wait "$qemu" 2>/dev/null || :

check() { # check DESCRIPTION PATTERN
	if grep -q "$2" "$out/gdb.log"; then
		echo "ok - $1"
	else
		echo "not ok - $1 (see $out/gdb.log)"
	fi
}
check "GDB stops at a breakpoint in the VMM (start_vmm)" 'Breakpoint 1, start_vmm'
check "GDB stops at a breakpoint in a guest (test_main)" 'Breakpoint 2, test_main'
