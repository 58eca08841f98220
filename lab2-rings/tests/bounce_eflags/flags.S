/* Code run with the trap flag or the nested-task flag set. */
	.text
	.globl single_step, nested_int

/* Sets TF, runs three instructions, clears TF again. */
single_step:
	pushfl
	orl	$0x100, (%esp)
	popfl
	nop
	nop
	pushfl
	andl	$~0x100, (%esp)
	popfl
	ret

/* Sets NT, raises int $0x40 (DPL 1, rec_iret), clears NT again. */
nested_int:
	pushfl
	orl	$0x4000, (%esp)
	popfl
	int	$0x40
	pushfl
	andl	$~0x4000, (%esp)
	popfl
	ret

/* #DB handler: ORs the eflags of every frame into db_frame_flags and its
 * own into db_handler_flags, counts, returns. */
	.globl db_handler, db_count, db_frame_flags, db_handler_flags
db_handler:
	pushl	%eax
	movl	12(%esp), %eax
	orl	%eax, db_frame_flags
	pushfl
	popl	%eax
	orl	%eax, db_handler_flags
	incl	db_count
	popl	%eax
	iret

	.data
db_count:
	.long	0
db_frame_flags:
	.long	0
db_handler_flags:
	.long	0
