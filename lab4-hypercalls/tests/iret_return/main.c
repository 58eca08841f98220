/*
 * iret_return (exercise 6): frames the iret hypercall must return
 * through, where iret_frame's stay in ring 1 on our own stack
 * (how=...):
 *   user        to ring 3: eip, cs, eflags, and the frame's esp and ss
 *               (all six words), IF set: we land in user code with the
 *               frame's eax, esp and ss, events unmasked;
 *   user_masked the same with IF clear: events masked;
 *   edge        a ring-1 frame (four words) that ends exactly at the
 *               hole: the VMM reads those four words and no more.
 * The user code traps back at once (int $0xF1, a DPL 3 gate of our
 * trap table) to a handler that checks what the VMM loaded from the
 * frame. A VMM that pops six words from a ring-1 frame refuses the edge
 * one; one that checks or loads the ring-3 words wrongly ends us or
 * lands us elsewhere (found by a hunt for wrong versions: no other lab 4
 * test returns to ring 3 through iret).
 */
#include <lib/string.h>
#include <guest/edges.h>
#include <guest/events.h>
#include <guest/handlers.h>
#include <guest/pt.h>
#include <guest/test.h>
#include <guest/traps.h>
#include <public/layout.h>
#include <vmm/segments.h>

const char test_title[] = "iret_return: the iret hypercall to ring 3 and "
			  "from the hole's edge";

#define USER_EAX 0x1234abcdu
#define USER_VEC 0xF1

extern char __user_text_start[], __user_text_end[];
static uint32_t kstack[1024] __attribute__((aligned(16)));
static uint32_t want_esp, want_mask;

/* The DPL 3 gate's handler: the registers (pushal), then the frame the
 * CPU pushed from ring 3 (eip, cs, eflags, esp, ss), to back_from_user. */
void user_trapped(void);
void back_from_user(const uint32_t *regs);
__asm__(".text\n"
	"user_trapped:\n\t"
	"pushal\n\t"
	"movl $0xe021, %eax\n\t" /* FLAT_RING1_DS */
	"movl %eax, %ds\n\t"
	"movl %eax, %es\n\t"
	"pushl %esp\n\t"
	"call back_from_user\n\t"
	"ud2");

/* regs: edi esi ebp esp ebx edx ecx eax, then eip cs eflags esp ss. */
void back_from_user(const uint32_t *regs)
{
	const uint32_t *f = regs + 8;

	printf("back from ring 3: eax %x cs %x eflags %x esp %x ss %x, "
	       "mask %u\n",
	       regs[7], f[1], f[2], f[3], f[4], vcpu0()->evtchn_upcall_mask);
	check_eq(regs[7], USER_EAX);
	check_eq(f[1], FLAT_RING3_CS);
	check_eq(f[3], want_esp);
	check_eq(f[4], FLAT_RING3_SS);
	/* the trap's frame saves IF = !mask, as the iret frame set it */
	check_eq((f[2] >> 9) & 1, !want_mask);
	check_eq(vcpu0()->evtchn_upcall_mask, want_mask);
	xtf_success("the iret hypercall returned to ring 3");
	test_end();
}

static void __user_text user_code(void)
{
	__asm__ volatile("int $0xF1");
}

/* To user_code in ring 3 with eflags, its stack near the window's top. */
static __noreturn void to_user(uint32_t eflags)
{
	static uint32_t frame[6];
	uint32_t top =
		KIT_USER_BASE + KIT_USER_PAGES(start_info->nr_pages) * 4096;

	check_eq(trap_set(USER_VEC, 3, 0, user_trapped), 0);
	check_eq(HYPERVISOR_stack_switch(FLAT_RING1_SS,
					 (uint32_t)kstack + sizeof(kstack)),
		 0);
	memcpy(user_data(__user_text_start), __user_text_start,
	       (size_t)(__user_text_end - __user_text_start));
	want_esp = top - 16;
	want_mask = !(eflags & 0x200);
	frame[0] = USER_EAX;
	frame[1] = user_addr(user_code);
	frame[2] = FLAT_RING3_CS;
	frame[3] = eflags;
	frame[4] = want_esp;
	frame[5] = FLAT_RING3_SS;
	events_unmask();
	/* ring 3 may not use our data segments: the return would fault */
	__asm__ volatile("mov %0, %%ds; mov %0, %%es" : : "r"(FLAT_RING3_DS));
	iret_at((uint32_t)frame);
}

/* Where the edge frame returns: in ring 1, on a stack of ours again. */
void edge_landing(void);
void edge_landed(void);
__asm__(".text\n"
	"edge_landing:\n\t"
	"movl $kstack + 2048, %esp\n\t"
	"call edge_landed\n\t"
	"ud2");

void edge_landed(void)
{
	xtf_success("a ring-1 frame ending at the hole: four words read");
	test_end();
}

/* A ring-1 frame in the last 16 bytes below the hole (our page at
 * EDGE_VA, guest/edges.h). */
static __noreturn void at_edge(void)
{
	struct edges e;
	uint32_t *f;

	edges_map(&e);
	f = (uint32_t *)(KVA(e.edge) + 4096 - 16);
	f[0] = 0;
	f[1] = (uint32_t)edge_landing;
	f[2] = FLAT_RING1_CS;
	f[3] = 0x202;
	iret_at(HOLE - 16);
}

void test_main(void)
{
	char how[16] = "";

	test_arg("how", how, sizeof(how));
	printf("iret: %s\n", how);
	if (!strcmp(how, "user"))
		to_user(0x202);
	if (!strcmp(how, "user_masked"))
		to_user(0x002);
	if (!strcmp(how, "edge"))
		at_edge();
	xtf_error("unknown how=%s", how);
}
