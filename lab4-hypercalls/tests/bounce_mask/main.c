/*
 * bounce_mask: the event mask across an exception bounce. A trap-table
 * entry with TI_IF enters its handler with events masked; the frame's
 * saved IF is the mask from before (IF = !mask), so that the iret
 * hypercall, which sets the mask to !IF, restores it. For each way in -
 * int $0x30 (delivered), int3 (#BP, an exception), int $0x31 refused by
 * its DPL (the #GP's entry decides) - and each entry flag and mask before:
 *  - in the handler the mask is 1 with TI_IF and unchanged without;
 *  - the frame's IF is !(the mask before); the real IF is set;
 *  - the iret hypercall lands with the mask as it was before; a plain
 *    iret (which cannot change the mask) leaves it as the handler had it.
 */
#include <guest/events.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "bounce_mask: the event mask across a bounce";

#define EFLAGS_IF 0x200

/* What the handler saw: the mask, the saved eflags, the real eflags. */
static volatile uint32_t seen_mask, seen_frame_if, seen_real_if, entered;
static volatile uint32_t use_hc; /* return with the iret hypercall */

void h_record(uint32_t *sp, int has_error);
void h_entry(void);
void gp_entry(void);
__asm__(".text\n"
	"h_entry:\n\t"
	"pushal\n\t"
	"movl %esp, %eax\n\t"
	"pushl $0\n\t"
	"pushl %eax\n\t"
	"call h_record\n\t"
	"addl $8, %esp\n\t"
	"popal\n\t"
	"jmp h_return\n"
	"gp_entry:\n\t"
	"pushal\n\t"
	"movl %esp, %eax\n\t"
	"pushl $1\n\t"
	"pushl %eax\n\t"
	"call h_record\n\t"
	"addl $8, %esp\n\t"
	"popal\n\t"
	"addl $4, %esp\n" /* the error code */
	"h_return:\n\t"
	"cmpl $0, use_hc\n\t"
	"jne 1f\n\t"
	"iret\n"
	"1:\n\t"
	"pushl %eax\n\t"
	"movl $23, %eax\n\t" /* __HYPERVISOR_iret */
	"int $0x82\n\t"
	"ud2");

void h_record(uint32_t *sp, int has_error)
{
	uint32_t *frame = sp + 8 + has_error; /* past pushal: eip, cs, eflags */
	uint32_t real;

	__asm__ volatile("pushfl; popl %0" : "=r"(real));
	entered++;
	seen_mask = vcpu0()->evtchn_upcall_mask;
	seen_frame_if = !!(frame[2] & EFLAGS_IF);
	seen_real_if = !!(real & EFLAGS_IF);
	if (has_error)
		frame[0] += 2; /* the refused int $0x31: go past it */
}

enum way { INT_N, INT3, REFUSED };
static const char *const way_names[] = { "int $0x30", "int3",
					 "int $0x31 refused" };

/* The entry that decides: with `ti_if` on it, the others without. */
static void set_entries(enum way way, int ti_if)
{
	check_eq(trap_set(0x30, 1, way == INT_N && ti_if, h_entry), 0);
	check_eq(trap_set(3, 3, way == INT3 && ti_if, h_entry), 0);
	/* DPL 0: ring 1 may not raise it; its TI_IF is the opposite of
	 * #GP's, so taking the wrong entry's flag shows. */
	check_eq(trap_set(0x31, 0, way == REFUSED && !ti_if, h_entry), 0);
	check_eq(trap_set(13, 1, way == REFUSED && ti_if, gp_entry), 0);
}

static void raise(enum way way)
{
	if (way == INT_N)
		__asm__ volatile("int $0x30" ::: "memory");
	else if (way == INT3)
		__asm__ volatile("int3" ::: "memory");
	else
		__asm__ volatile("int $0x31" ::: "memory");
}

static void one(enum way way, int ti_if, int mask_before, int hc)
{
	uint32_t want_in = ti_if || mask_before;
	uint32_t want_after = hc ? (uint32_t)mask_before : want_in;

	set_entries(way, ti_if);
	use_hc = (uint32_t)hc;
	entered = 0;
	vcpu0()->evtchn_upcall_mask = (uint8_t)mask_before;
	raise(way);
	check_eq(entered, 1);
	if (seen_mask != want_in || seen_frame_if != !mask_before ||
	    !seen_real_if || vcpu0()->evtchn_upcall_mask != want_after)
		xtf_failure("%s, TI_IF %d, mask %d before, %s: in the handler "
			    "mask %u (want %u), frame IF %u (want %u), real "
			    "IF %u; after the return mask %u (want %u)",
			    way_names[way], ti_if, mask_before,
			    hc ? "iret hypercall" : "iret", seen_mask, want_in,
			    seen_frame_if, !mask_before, seen_real_if,
			    vcpu0()->evtchn_upcall_mask, want_after);
}

void test_main(void)
{
	for (int way = INT_N; way <= REFUSED; way++) {
		for (int ti_if = 0; ti_if < 2; ti_if++)
			for (int mask = 0; mask < 2; mask++)
				for (int hc = 0; hc < 2; hc++)
					one((enum way)way, ti_if, mask, hc);
		printf("%s: the mask set by TI_IF, saved and restored\n",
		       way_names[way]);
	}
	vcpu0()->evtchn_upcall_mask = 0;
	xtf_success("24 bounces");
}
