/*
 * trap_bounce: exceptions raised by the guest kernel (ring 1) reach the
 * handlers of its trap table, with the frame the CPU would build: the
 * vector, the error code where there is one, the faulting eip, ring 1,
 * and for a page fault the address in shared info (vcpu_info.arch.cr2).
 */
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "ring-1 exceptions bounced to the guest's handlers";

static void do_ud2(void *arg)
{
	(void)arg;
	__asm__ volatile("ud2");
}

static void do_int3(void *arg)
{
	(void)arg;
	__asm__ volatile("int3");
}

static void do_div0(void *arg)
{
	(void)arg;
	__asm__ volatile("xorl %%ecx, %%ecx; divl %%ecx"
			 :
			 :
			 : "eax", "ecx", "edx");
}

static void do_read(void *arg)
{
	(void)*(volatile uint32_t *)arg;
}

static void do_write(void *arg)
{
	*(volatile uint32_t *)arg = 1;
}

static void expect(const char *what, void (*fn)(void *), void *arg,
		   uint32_t vector, uint32_t error)
{
	struct fault f;

	if (!exec_fault(fn, arg, &f)) {
		xtf_failure("%s: no exception", what);
		return;
	}
	if (f.vector != vector || f.error != error || (f.cs & 3) != 1)
		xtf_failure("%s: vector %u error %x ring %u, expected %u %x 1",
			    what, f.vector, f.error, f.cs & 3, vector, error);
	else
		printf("%s: vector %u, error %x at eip %x\n", what, f.vector,
		       f.error, f.eip);
}

void test_main(void)
{
	struct fault f;
	expect("ud2", do_ud2, 0, 6, 0);
	expect("int3", do_int3, 0, 3, 0);
	expect("divide by zero", do_div0, 0, 0, 0);
	expect("read unmapped", do_read, (void *)0x00400000, 14, 0);
	expect("write in the hole", do_write, (void *)0xF8100000, 14, 2);
	exec_fault(do_write, (void *)0x00400123, &f);
	check_eq(f.cr2, 0x00400123);
	check_eq(f.error, 2); /* a write, supervisor, not present */
	xtf_success("every exception reached its handler");
}
