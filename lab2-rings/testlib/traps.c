/*
 * Expected exceptions for test guests (include/guest/traps.h). The test's
 * trap table sends every exception to trap_common (traps_entry.S), which
 * calls test_trap: it records the fault and jumps back to the exec_fault
 * or exec_user that is waiting for it.
 */
#include <lib/string.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <public/layout.h>

struct jmp {
	uint32_t ebx, esi, edi, ebp, esp, eip;
};

int test_setjmp(struct jmp *j);
__noreturn void test_longjmp(struct jmp *j);
void enter_user(uint32_t eip, uint32_t esp);
extern char trap_stub_0[], trap_stub_1[], trap_stub_2[], trap_stub_3[],
	trap_stub_4[], trap_stub_5[], trap_stub_6[], trap_stub_7[],
	trap_stub_8[], trap_stub_9[], trap_stub_10[], trap_stub_11[],
	trap_stub_12[], trap_stub_13[], trap_stub_14[], trap_stub_15[],
	trap_stub_16[], trap_stub_17[], trap_stub_18[], trap_stub_19[],
	trap_stub_240[];
extern char __user_text_start[], __user_text_end[], user_done[];

static const char *const stubs[20] = {
	trap_stub_0,  trap_stub_1,  trap_stub_2,  trap_stub_3,	trap_stub_4,
	trap_stub_5,  trap_stub_6,  trap_stub_7,  trap_stub_8,	trap_stub_9,
	trap_stub_10, trap_stub_11, trap_stub_12, trap_stub_13, trap_stub_14,
	trap_stub_15, trap_stub_16, trap_stub_17, trap_stub_18, trap_stub_19,
};

static struct trap_info table[22];
static int installed;
static struct jmp recover;
static int armed;
static struct fault last;
static uint8_t kernel_stack[8192] __attribute__((aligned(16)));

struct shared_info *shared_info(void)
{
	return (struct shared_info *)KIT_SHARED_INFO_VA(start_info->nr_pages);
}

/* The test's trap table: every exception; int3, into and the "user code
 * returned" vector may be raised from ring 3. */
static void install(void)
{
	int n = 0;

	if (installed)
		return;
	for (int v = 0; v < 20; v++)
		table[n++] = (struct trap_info){
			(uint8_t)v, (uint8_t)((v == 3 || v == 4) ? 3 : 0),
			FLAT_RING1_CS, (uint32_t)stubs[v]
		};
	table[n++] = (struct trap_info){ USER_DONE_VECTOR, 3, FLAT_RING1_CS,
					 (uint32_t)trap_stub_240 };
	table[n] = (struct trap_info){ 0, 0, 0, 0 };
	if (HYPERVISOR_set_trap_table(table))
		xtf_error("set_trap_table refused the test's table");
	if (HYPERVISOR_stack_switch(FLAT_RING1_SS,
				    (uint32_t)kernel_stack +
					    sizeof(kernel_stack)))
		xtf_error("stack_switch refused the test's stack");
	installed = 1;
}

long trap_set(uint8_t vector, int dpl, int mask, void (*handler)(void))
{
	struct trap_info t[2] = {
		{ vector, (uint8_t)(dpl | (mask ? TI_IF : 0)), FLAT_RING1_CS,
		  (uint32_t)handler },
		{ 0, 0, 0, 0 },
	};

	install();
	return HYPERVISOR_set_trap_table(t);
}

/* Called by trap_common with the frame the VMM built. */
__noreturn void test_trap(const uint32_t *frame)
{
	last.vector = frame[0];
	last.error = frame[1];
	last.eip = frame[2];
	last.cs = frame[3];
	last.cr2 = last.vector == 14 ? shared_info()->vcpu_info[0].arch.cr2 : 0;
	if (!armed) {
		xtf_failure("unexpected exception %u at eip %x (error %x)",
			    last.vector, last.eip, last.error);
		test_end();
	}
	armed = 0;
	test_longjmp(&recover);
}

int exec_fault(void (*fn)(void *), void *arg, struct fault *f)
{
	install();
	if (test_setjmp(&recover)) {
		*f = last;
		return 1;
	}
	armed = 1;
	fn(arg);
	armed = 0;
	return 0;
}

/* Where user code lives: .user_text copied to the start of the window. */
static uint32_t user_addr(const void *p)
{
	return KIT_USER_BASE + (uint32_t)((const char *)p - __user_text_start);
}

int exec_user(void (*fn)(void), struct fault *f)
{
	uint32_t first = KIT_USER_FIRST_PFN(start_info->nr_pages);
	char *window = (char *)(KIT_KERNEL_BASE + first * 4096);
	uint32_t top =
		KIT_USER_BASE + KIT_USER_PAGES(start_info->nr_pages) * 4096;
	uint32_t *sp = (uint32_t *)(window + (top - KIT_USER_BASE)) - 4;

	install();
	memcpy(window, __user_text_start, __user_text_end - __user_text_start);
	sp[0] = user_addr(user_done); /* fn's return address */
	if (test_setjmp(&recover)) {
		__asm__ volatile("mov %0, %%ds; mov %0, %%es"
				 :
				 : "r"(FLAT_RING1_DS));
		*f = last;
		return last.vector != USER_DONE_VECTOR;
	}
	armed = 1;
	enter_user(user_addr((const void *)fn), top - 16);
	__builtin_unreachable();
}
