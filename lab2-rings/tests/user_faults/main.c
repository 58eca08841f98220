/*
 * user_faults: exceptions raised in ring 3 reach the guest kernel's
 * handlers, on the stack it gave with stack_switch, never the VMM's own
 * handling: a user program touching guest-kernel memory is the guest
 * kernel's business (a #PF with the user bit set), as are its divide
 * errors, invalid opcodes, breakpoints and privileged instructions.
 */
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "ring-3 exceptions go to the guest kernel";

static void __user_text user_ud2(void)
{
	__asm__ volatile("ud2");
}

static void __user_text user_int3(void)
{
	__asm__ volatile("int3");
}

static void __user_text user_kernel_read(void)
{
	__asm__ volatile("movl 0xC0000000, %%eax" : : : "eax");
}

static void __user_text user_hlt(void)
{
	__asm__ volatile("hlt");
}

static void __user_text user_cli(void)
{
	__asm__ volatile("cli");
}

static void __user_text user_nothing(void)
{
}

static void expect(const char *what, void (*fn)(void), uint32_t vector,
		   uint32_t error)
{
	struct fault f;

	if (!exec_user(fn, &f)) {
		xtf_failure("%s: no exception in ring 3", what);
		return;
	}
	if (f.vector != vector || f.error != error || (f.cs & 3) != 3)
		xtf_failure("%s: vector %u error %x ring %u, expected %u %x 3",
			    what, f.vector, f.error, f.cs & 3, vector, error);
	else
		printf("%s: vector %u, error %x at eip %x\n", what, f.vector,
		       f.error, f.eip);
}

void test_main(void)
{
	struct fault f;

	check_eq(exec_user(user_nothing, &f), 0);
	expect("ud2", user_ud2, 6, 0);
	expect("int3", user_int3, 3, 0);
	expect("read guest-kernel memory", user_kernel_read, 14, 5);
	expect("hlt", user_hlt, 13, 0);
	expect("cli", user_cli, 13, 0);
	xtf_success("ring-3 exceptions reached the guest kernel");
}
