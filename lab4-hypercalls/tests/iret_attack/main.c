/*
 * iret_attack (hostile): the iret hypercall pops a frame from our stack
 * (eax, eip, cs, eflags [, esp, ss]); we hand it frames no guest may
 * return through. Command line how=...:
 *  the frame where the VMM cannot read it (the domain is destroyed):
 *   hole       %esp = 0xF8000000
 *   m2p        %esp = 0xF0000000 (we may read it; not through the VMM)
 *   straddle   %esp = 0xF0000000 - 8: eax and eip on our page, cs and
 *              eflags in the hole
 *   wrap       %esp = 0xFFFFFFF8: would wrap onto our page 0 (mapped)
 *   unmapped   %esp = 0x40000000, no L1 there
 *   user_tail  a ring-3 frame whose esp and ss words are on an unmapped
 *              page after the first four
 *  a frame we can read, whose selectors we may not return through
 *  (destroyed by the VMM's check of the frame, never by a fault on
 *  the way out, nor a VMM fault):
 *   vmm_cs     cs = the VMM's ring-0 code selector: would return us in
 *              ring 0, to a ud2 (a VMM FAULT if it ran there)
 *   rpl2       cs RPL 2
 *   vmm_sel    cs = the VMM's own code selector with RPL 1
 *   tss_cs     cs = the VMM's TSS selector with RPL 1
 *   data_cs    cs = our data selector
 *   user_ss    to ring 3 with ss = the ring-1 stack selector (the frame
 *              at LOW_VA + 0xFE8: the VMM's line gives that address)
 *   user_rpl   the ring-3 code selector with RPL 1
 *   user_vmm_cs  cs = the VMM's code selector with RPL 3
 *   user_data_cs cs = the ring-3 data selector (RPL 3 too)
 *  the frame we may use, with flags we may not have (we survive):
 *   flags      eflags with every bit but TF set (IOPL 3, NT, VM, VIF,
 *              VIP...): we land with only the flags a guest may choose
 *              (read back with pushf), IF set, the mask from the frame's
 *              IF; eax -ERESTART comes back as it is (a VMM that took it
 *              for a continuation would move us back over the int $0x82)
 *   iopl       IOPL 3 in the frame, then cli: with IOPL 0 a privileged
 *              instruction, for which the VMM ends us
 * The grader expects each domain's destruction (for iopl: for its cli;
 * for flags: its SUCCESS) and the victim's SUCCESS; this guest prints no result
 * line unless the VMM let it live.
 */
#include <lib/string.h>
#include <guest/edges.h>
#include <guest/events.h>
#include <guest/pt.h>
#include <guest/test.h>
#include <vmm/segments.h>

const char test_title[] = "iret_attack: frames no guest may return through";

/* HOLE, EDGE_VA, GAP_VA, LOW_VA: guest/edges.h. */
/* The VMM's own "stopped half way, call again" (vmm/hypercall.h): an
 * eax of ours that must never be taken for it. */
#define VMM_ERESTART 85

static uint32_t frame_area[64];

void landing(void);
void landed(void);
/* Where an iret the VMM should have refused returns to: we report it
 * (in ring 1) or, in ring 0, hit a ud2 (a VMM FAULT: forbidden). */
__asm__(".text\n"
	".globl landing\n"
	"landing:\n\t"
	"movl %cs, %eax\n\t"
	"testl $3, %eax\n\t"
	"jnz 1f\n\t"
	"ud2\n"
	"1:\tmovl $frame_area + 128, %esp\n\t"
	"call landed\n\t"
	"ud2");

void landed(void)
{
	xtf_failure("the VMM returned through the frame");
	test_end();
}

static struct edges e; /* the pages at the edges, once mapped */

/* Our pages just below the hole (EDGE_VA, LOW_VA; GAP_VA unmapped) and
 * page 0. */
static void map_edges(void)
{
	edges_map(&e);
	map_page(0, ptep(e.zero, PTE_RW));
}

/* A frame at va (one of ours): eax, eip, cs, eflags, esp, ss. */
static void frame(uint32_t *at, uint32_t cs, uint32_t eflags, uint32_t ss)
{
	at[0] = 0x0bad0bad;
	at[1] = (uint32_t)landing;
	at[2] = cs;
	at[3] = eflags;
	at[4] = (uint32_t)&frame_area[60];
	at[5] = ss;
}

/* ---- how=flags ---- */

static void flags(void)
{
	struct iret_landing a;

	events_unmask();
	/* Every bit but TF (a single-step trap would follow). */
	iret_by_hand(0xFFFFFEFFu, (uint32_t)-VMM_ERESTART, &a);
	check_eq(a.lands, 1);
	check_eq(a.eax, (uint32_t)-VMM_ERESTART);
	check_eq(a.esp_after, a.esp_before);
	check_eq(a.eflags & 0x3000, 0);	 /* IOPL */
	check_eq(a.eflags & 0x4000, 0);	 /* NT */
	check_eq(a.eflags & 0x20000, 0); /* VM */
	/* (VIF and VIP: a protected-mode iret never loads them, so no
	 * check of ours could see the VMM let them through.) */
	check(a.eflags & 0x200);	      /* IF */
	check_eq(a.eflags & ~0x00250FD7u, 0); /* the guest's bits, IF, 1 */
	check_eq(vcpu0()->evtchn_upcall_mask, 0);
	printf("every flag in the frame: landed with eflags %08x\n", a.eflags);

	iret_by_hand(0x00003002u, 0xFFFFFFFFu, &a); /* IOPL 3, IF clear */
	check_eq(a.lands, 1);
	check_eq(a.eax, 0xFFFFFFFFu);
	check_eq(a.eflags & 0x3000, 0);
	check(a.eflags & 0x200);
	check_eq(vcpu0()->evtchn_upcall_mask, 1);
	events_unmask();
	printf("IOPL 3, IF clear: IOPL 0, masked\n");
	xtf_success("the flags a guest may not choose never taken");
}

/* how=iopl: IOPL 3 asked for, then cli, which only IOPL 3 lets ring 1
 * run: the VMM ends us for a privileged instruction. */
static void iopl(void)
{
	struct iret_landing a;

	iret_by_hand(0x00003202u, 0, &a);
	printf("IOPL 3 in the frame: landed with eflags %08x; cli\n", a.eflags);
	console_flush();
	__asm__ volatile("cli");
	xtf_failure("cli ran in ring 1: the frame's IOPL 3 was taken");
	test_end();
}

void test_main(void)
{
	char how[16] = "";
	uint32_t *f = &frame_area[32];

	test_arg("how", how, sizeof(how));
	printf("iret: %s\n", how);
	if (!strcmp(how, "flags")) {
		flags();
		return;
	}
	if (!strcmp(how, "iopl"))
		iopl();
	if (!strcmp(how, "hole"))
		iret_at(0xF8000000u);
	if (!strcmp(how, "m2p"))
		iret_at(HOLE);
	if (!strcmp(how, "unmapped"))
		iret_at(SCRATCH_VA);
	if (!strcmp(how, "straddle")) {
		map_edges();
		f = (uint32_t *)(KVA(e.edge) + 4096 - 8); /* eax, eip */
		f[0] = 0x0bad0bad;
		f[1] = (uint32_t)landing;
		iret_at(HOLE - 8);
	}
	if (!strcmp(how, "wrap")) {
		map_edges();
		f = (uint32_t *)KVA(e.zero); /* cs, eflags at address 0 */
		f[0] = FLAT_RING1_CS;
		f[1] = 0x202;
		iret_at(0xFFFFFFF8u);
	}
	if (!strcmp(how, "user_tail")) {
		map_edges();
		f = (uint32_t *)(GAP_VA - 16); /* esp and ss: unmapped */
		f[0] = 0x0bad0bad;
		f[1] = (uint32_t)landing;
		f[2] = FLAT_RING3_CS;
		f[3] = 0x202;
		iret_at((uint32_t)f);
	}
	if (!strcmp(how, "vmm_cs")) {
		frame(f, VMM_CS, 0x202, 0);
		iret_at((uint32_t)f);
	}
	if (!strcmp(how, "rpl2")) {
		frame(f, (FLAT_RING1_CS & ~3u) | 2, 0x202, 0);
		iret_at((uint32_t)f);
	}
	if (!strcmp(how, "vmm_sel")) {
		frame(f, VMM_CS | 1, 0x202, 0);
		iret_at((uint32_t)f);
	}
	if (!strcmp(how, "tss_cs")) {
		frame(f, VMM_TSS | 1, 0x202, 0);
		iret_at((uint32_t)f);
	}
	if (!strcmp(how, "data_cs")) {
		frame(f, FLAT_RING1_DS, 0x202, 0);
		iret_at((uint32_t)f);
	}
	if (!strcmp(how, "user_ss")) {
		/* at a known address: the VMM's line names the frame's
		 * address, not a word it read from it */
		map_edges();
		f = (uint32_t *)(KVA(e.low) + 4096 - 24);
		frame(f, FLAT_RING3_CS, 0x202, FLAT_RING1_SS);
		iret_at(LOW_VA + 4096 - 24);
	}
	if (!strcmp(how, "user_vmm_cs")) {
		frame(f, VMM_CS | 3, 0x202, FLAT_RING3_SS);
		iret_at((uint32_t)f);
	}
	if (!strcmp(how, "user_data_cs")) {
		frame(f, FLAT_RING3_DS, 0x202, FLAT_RING3_SS);
		iret_at((uint32_t)f);
	}
	if (!strcmp(how, "user_rpl")) {
		frame(f, (FLAT_RING3_CS & ~3u) | 1, 0x202, FLAT_RING1_SS);
		iret_at((uint32_t)f);
	}
	xtf_error("unknown how=%s", how);
}
