/* int n from ring 1 and ring 3, with a label after each instruction: the
 * return address a handler must see. */

.macro kint name, insn
	.globl \name, \name\()_end
\name:
	\insn
\name\()_end:
	ret
.endm

	.text
	kint k_int40, "int $0x40"
	kint k_int41, "int $0x41"
	kint k_int42, "int $0x42"
	kint k_int14, "int $14"
	kint k_int80, "int $0x80"
	kint k_intff, "int $0xff"

	.section .user_text, "ax"
	kint u_int40, "int $0x40"
	kint u_int41, "int $0x41"
	kint u_int42, "int $0x42"
	kint u_int43, "int $0x43"
	kint u_int14, "int $14"
	kint u_int80, "int $0x80"
	kint u_int82, "int $0x82"
	kint u_int3, "int3"
	kint u_int_3, ".byte 0xcd, 0x03"	/* int $3, not int3 */
	kint u_intff, "int $0xff"

/* into raises #OF only with OF set: 0x7f + 1 overflows. */
	.globl u_into_of, u_into_of_end
u_into_of:
	movb	$0x7f, %al
	addb	$1, %al
	into
u_into_of_end:
	ret
