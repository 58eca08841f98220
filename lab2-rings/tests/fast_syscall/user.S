/* System calls from ring 3. */
	.section .user_text, "ax"
	.globl u_int80_x1000, u_int80, u_int80_end

/* 1000 of them; %ecx counts down, so the handler must keep it. */
u_int80_x1000:
	movl	$1000, %ecx
1:	int	$0x80
	loop	1b
	ret

u_int80:
	int	$0x80
u_int80_end:
	ret

	.text
	.globl k_int80, k_int80_end
k_int80:
	int	$0x80
k_int80_end:
	ret
