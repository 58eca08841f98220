/*
 * A callback with every register in view (include/guest/events.h): the
 * entry saves them all, calls the test's handler with them, and returns
 * with the iret hypercall.
 */
#include <guest/events.h>
#include <guest/test.h>

static void (*raw_handler)(struct upcall_regs *r);

void raw_upcall_entry(void);
void raw_upcall_call(struct upcall_regs *r);
__asm__(".text\n"
	"raw_upcall_entry:\n\t"
	"pushal\n\t"
	"pushl %esp\n\t"
	"call raw_upcall_call\n\t"
	"addl $4, %esp\n\t"
	"popal\n\t"
	"pushl %eax\n\t"
	"movl $23, %eax\n\t" /* __HYPERVISOR_iret */
	"int $0x82\n\t"
	"ud2");

void raw_upcall_call(struct upcall_regs *r)
{
	raw_handler(r);
}

long raw_upcall_init(void (*handler)(struct upcall_regs *r))
{
	raw_handler = handler;
	return HYPERVISOR_set_callbacks(FLAT_RING1_CS,
					(unsigned long)raw_upcall_entry, 0, 0);
}

long mmuext_op_raced(struct mmuext_op *ops, uint32_t count, uint32_t *pdone)
{
	long ret = __HYPERVISOR_mmuext_op;
	uint32_t a1 = (uint32_t)ops, a2 = count, a3 = (uint32_t)pdone,
		 a4 = DOMID_SELF;
	struct vcpu_info *vi = vcpu0();

	events_mask();
	vi->evtchn_upcall_pending = 1;
	vi->evtchn_upcall_mask = 0;
	__asm__ volatile("int $0x82"
			 : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4)
			 :
			 : "memory");
	return ret;
}
