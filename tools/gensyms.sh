#!/bin/sh
# Turns `nm -n` output (on stdin) into the VMM's symbol table (ksyms.S on
# stdout): the code symbols sorted by address, for backtraces. Empty input
# gives an empty table (the first of the two links, see the Makefile).
set -eu

awk '
$2 ~ /^[tT]$/ && $3 !~ /^\./ { addr[n] = $1; name[n] = $3; n++ }
END {
	print "\t.section .ksyms, \"a\""
	print "\t.globl ksyms, ksyms_count"
	print "\t.align 4"
	print "ksyms_count:"
	printf "\t.long %d\n", n
	print "ksyms:"
	for (i = 0; i < n; i++)
		printf "\t.long 0x%s, .Lname%d\n", addr[i], i
	for (i = 0; i < n; i++)
		printf ".Lname%d:\t.asciz \"%s\"\n", i, name[i]
}'
