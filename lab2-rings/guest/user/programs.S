/*
 * The user programs, embedded in the kernel image: the ELF image of each
 * (found through the assembler's include path, -Wa,-I) and the table
 * loader.c reads, one struct user_program { name, start, end } per
 * program, in slot order, ended by a NULL name. USER_PROGRAMS, the
 * comma-separated list of their names, comes from user.mk.
 */
	.section .rodata
	.globl user_programs
	.align 4
user_programs:
	.irp	p, USER_PROGRAMS
	.long	name_\p, start_\p, end_\p
	.endr
	.long	0, 0, 0

	.irp	p, USER_PROGRAMS
name_\p:
	.asciz	"\p"
	.align	4
start_\p:
	.incbin	"\p\().elf"		/* \() ends the name p */
end_\p:
	.endr
