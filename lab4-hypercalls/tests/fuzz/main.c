/*
 * fuzz (hostile): random hypercalls with random and edge-case arguments,
 * from a fixed seed, so a run is the same on every machine. Hypercall
 * numbers: 0..63 (the implemented ones more often) and beyond (64, 0x82,
 * 0xFFFFFFFF...); each argument an edge value (0, -1, 127, 128, the hole,
 * 0xF0000000 - 2, DOMID_SELF, selectors...), a small number, a random
 * word, or a pointer into a scratch buffer (two pages of random words,
 * then an unmapped page) or a read-only page. The VMM must never fault
 * (the grader forbids VMM FAULT and PANIC), a hypercall number nobody
 * registered must give -ENOSYS, the VMM's own -ERESTART must never reach
 * us, and the victim booted after us must find its frames intact.
 *
 * What we keep from ending or wrecking ourselves (each is our own right,
 * not the VMM's business):
 *  - sched_op shutdown becomes block, and yield becomes block (so the
 *    victim runs after us); before any sched_op or multicall we set
 *    evtchn_upcall_pending by hand, so block returns at once;
 *  - a word naming our own memory (the kernel image, stack, shared-info
 *    page, user window) is moved into the scratch buffer, and a word
 *    naming one of our frames (as an mfn or a machine address) is moved
 *    beyond machine memory - except a playground L1 and one page of
 *    ours, which random requests may map, pin and unpin at will. So no
 *    call can write our code or stack, or change our own page tables;
 *  - update_va_mapping's address is moved into the playground;
 *  - set_callbacks with our code selector gets our real callback;
 *  - console_io writes at most 8 dots;
 *  - iret gets a frame of ours (random eflags and eax; we check what we
 *    land with);
 *  - multicall entries get the same rules, entry by entry.
 *
 * Command line: seed=N (default 0x5eed) calls=N (default 100000).
 * By hand, e.g. a million calls from another seed beside the victim:
 *   make LAB=4 SOL=1 build/lab4-sol/tests/fuzz.elf \
 *        build/lab4-sol/tests/victim.elf
 *   make qemu LAB=4 SOL=1 GUESTS="build/lab4-sol/tests/fuzz.elf \
 *        seed=12345 calls=1000000,build/lab4-sol/tests/victim.elf"
 * (Numbers are decimal, or hexadecimal with 0x.) The result line prints
 * a checksum of all results: the same seed and count give the same one.
 */
#include <lib/string.h>
#include <guest/events.h>
#include <guest/pt.h>
#include <guest/test.h>
#include <public/layout.h>
#include <vmm/segments.h>

const char test_title[] = "fuzz: random hypercalls from a fixed seed";

#define VMM_ERESTART 85 /* vmm/hypercall.h: never reaches a guest */

#define BUF_VA	  SLOT_VA(SCRATCH_SLOT) /* 2 pages, then unmapped */
#define BUF_BYTES 8192
#define RO_VA	  (BUF_VA + 0x3000) /* read-only */
#define AREA_END  (BUF_VA + 0x4000)
#define PLAY_SLOT (SCRATCH_SLOT + 44)
#define PLAY_VA	  SLOT_VA(PLAY_SLOT) /* the playground's 4 MiB */

static uint32_t rng;
static uint32_t buf_pfn[2], ro_pfn, play_l1, play_page;
static uint32_t own_first, own_last; /* the range of our mfns */
static uint32_t nr_own_va_end, user_end;
static uint32_t *ro_alias; /* the read-only page, through its KVA */
static const char dots[] = "........";

void upcall_entry(void); /* the test library's callback */

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static const uint32_t edges[] = {
	0,	    1,		2,	    3,		4,	    5,
	6,	    7,		8,	    9,		15,	    16,
	23,	    24,		31,	    32,		63,	    64,
	127,	    128,	255,	    256,	1023,	    1024,
	4096,	    0x7FF0,	0x7FF2,	    0x7FF4,	0xFFFF,	    0x10000,
	0x7FFFFFFF, 0x80000000, 0x80000001, 0xEFFFFFFF, 0xF0000000, 0xEFFFFFFE,
	0xF8000000, 0xFFFFF000, 0xFFFFFFF8, 0xFFFFFFFE, 0xFFFFFFFF, 0xe019,
	0xe021,	    0xe02b,	0xe033,	    0xe008,	0xe010,	    0xe040,
	0xe009,	    0x40000000, 0xC0000000,
};

static int own_va(uint32_t w)
{
	return (w >= KIT_KERNEL_BASE && w < nr_own_va_end) ||
	       (w >= KIT_USER_BASE && w < user_end);
}

static int own_frame(uint32_t m)
{
	return m >= own_first && m <= own_last && own_mfn(m) &&
	       m != pfn_to_mfn(play_l1) && m != pfn_to_mfn(play_page);
}

/* The rules for every word a call or a buffer holds. */
static uint32_t sanitize(uint32_t w)
{
	if (own_va(w))
		w = BUF_VA + (w & (BUF_BYTES - 1));
	if (own_frame(w >> 12))
		w ^= 0x40000000; /* a machine address 1 GiB further */
	if (own_frame(w))
		w |= 0x100000; /* an mfn beyond memory */
	return w;
}

/* A random argument. */
static uint32_t arg(void)
{
	uint32_t r = next();

	switch (r % 16) {
	case 0:
	case 1:
	case 2:
	case 3:
		return edges[(r >> 4) % (sizeof(edges) / 4)];
	case 4:
	case 5:
	case 6:
		return BUF_VA + ((r >> 4) % BUF_BYTES);
	case 7:
		return BUF_VA + BUF_BYTES - ((r >> 4) % 40); /* straddling */
	case 8:
		return RO_VA + ((r >> 4) % 4096);
	case 9:
	case 10:
		return (r >> 4) % 8;
	case 11:
		return PLAY_VA + ((r >> 4) & 0x3FFFFF);
	case 12:
		return (pfn_to_mfn(play_page) << 12) | ((r >> 4) & 0xFFF);
	case 13:
		return (pfn_to_mfn(play_l1) << 12) | ((r >> 4) & 0xFFC);
	default:
		return sanitize(next());
	}
}

static uint32_t number(void)
{
	static const uint32_t implemented[] = { 0,  1,	2,  3,	4,  10, 13,
						14, 17, 18, 23, 26, 29, 32 };
	static const uint32_t beyond[] = { 64,	  65,	      0x82,	 0xFF,
					   0x10D, 0x80000000, 0xFFFFFFFF };
	uint32_t r = next();

	if (r % 8 < 5)
		return implemented[(r >> 3) % (sizeof(implemented) / 4)];
	if (r % 8 < 7)
		return (r >> 3) % 64;
	return beyond[(r >> 3) % (sizeof(beyond) / 4)];
}

static void fix_entries(uint32_t at, uint32_t count);

/* Our rules for one call (a direct one or a multicall entry). */
static void fix_call(uint32_t nr, uint32_t *a, int nested)
{
	for (int i = 0; i < 5; i++)
		a[i] = sanitize(a[i]);
	switch (nr) {
	case __HYPERVISOR_sched_op:
	case __HYPERVISOR_sched_op_compat:
		if (a[0] == SCHEDOP_shutdown || a[0] == SCHEDOP_yield)
			a[0] = SCHEDOP_block;
		break;
	case __HYPERVISOR_set_callbacks:
		if ((a[0] == FLAT_RING1_CS || a[0] == (FLAT_RING1_CS & ~3u)) &&
		    a[1])
			a[1] = (uint32_t)upcall_entry;
		if ((a[2] == FLAT_RING1_CS || a[2] == (FLAT_RING1_CS & ~3u)) &&
		    a[3])
			a[3] = (uint32_t)upcall_entry;
		break;
	case __HYPERVISOR_update_va_mapping:
		if (a[0] >= BUF_VA && a[0] < AREA_END)
			a[0] = PLAY_VA + (a[0] - BUF_VA);
		break;
	case __HYPERVISOR_console_io:
		a[1] %= 9;
		if (a[2] >= BUF_VA && a[2] < AREA_END)
			a[2] = (uint32_t)dots;
		break;
	case __HYPERVISOR_multicall:
		if (!nested && a[0] >= BUF_VA && a[0] < AREA_END) {
			a[0] &= ~31u;
			fix_entries(a[0], a[1]);
		}
		break;
	}
}

/* Where we write the word at guest address va of the area, or NULL. */
static uint32_t *word_at(uint32_t va)
{
	if (va >= BUF_VA && va < BUF_VA + BUF_BYTES)
		return (uint32_t *)(KVA(buf_pfn[(va - BUF_VA) >> 12]) +
				    (va & 0xFFC));
	if (va >= RO_VA && va < AREA_END)
		return ro_alias + ((va & 0xFFF) >> 2);
	return 0;
}

/* The multicall entries at `at` (32-aligned, in the area) that the VMM
 * can read, made to follow our rules. */
static void fix_entries(uint32_t at, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++, at += 32) {
		uint32_t *e = word_at(at), *last = word_at(at + 28);

		if (!e || !last || (at & 0xFFF) > 0xFE0)
			return;
		if (e[0] == __HYPERVISOR_iret || e[0] == __HYPERVISOR_multicall)
			continue; /* refused in a batch: we want to see it */
		fix_call(e[0], e + 2, 1);
	}
}

/* Scribbles over n random words of the area. */
static void scribble(unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		uint32_t r = next();
		uint32_t va = BUF_VA + (r % 3 == 2 ? 0x3000 : 0) +
			      ((r >> 2) % (r % 3 == 2 ? 4096 : BUF_BYTES));

		*word_at(va & ~3u) = arg();
	}
}

/* ---- calls that may work: half the calls of these numbers ---- */

/* n words of plausible contents at a random place of the buffer. */
static uint32_t *slot(uint32_t n, uint32_t *va)
{
	uint32_t off = (next() % (BUF_BYTES / 4 - n)) * 4;

	*va = BUF_VA + off;
	return word_at(*va);
}

static uint32_t play_ma(void)
{
	return pfn_to_mfn(play_l1) << 12;
}

static uint32_t some_port(void)
{
	uint32_t r = next();

	return r % 8 ? r % 16 : edges[(r >> 3) % (sizeof(edges) / 4)];
}

static uint32_t some_dom(void)
{
	static const uint32_t doms[] = { DOMID_SELF, 0, 1, 2, 7, 8, 0x7FF2 };

	return doms[next() % (sizeof(doms) / 4)];
}

/* An L1 entry for the playground: the play page, its L1, a random frame
 * (refused unless it is the play page's), or nothing; random flags. */
static uint32_t some_pte(void)
{
	uint32_t r = next(), flags = (r >> 8) & 0xFFF;

	switch (r % 5) {
	case 0:
	case 1:
		return (pfn_to_mfn(play_page) << 12) | flags;
	case 2:
		return play_ma() | flags;
	case 3:
		return 0;
	default:
		return sanitize(next());
	}
}

static void shape(uint32_t nr, uint32_t *a)
{
	static const uint32_t cmds[] = { 0, 1, 3, 4, 5, 6, 9 };
	uint32_t *w, va, n = 1 + next() % 12;

	if (next() % 2)
		return;
	switch (nr) {
	case __HYPERVISOR_event_channel_op:
		a[0] = cmds[next() % 7];
		w = slot(6, &a[1]);
		w[0] = some_dom() | some_dom() << 16;
		for (int i = 1; i < 6; i++)
			w[i] = i == 1	  ? some_port() :
			       next() % 3 ? some_port() :
					    some_dom();
		break;
	case __HYPERVISOR_mmu_update: /* 16-byte requests */
		w = slot(4 * n, &va);
		for (uint32_t i = 0; i < n; i++) {
			w[4 * i] = play_ma() + 4 * (next() % 1024) +
				   (next() % 8 ? 0 : next() % 4);
			w[4 * i + 1] = next() % 16 ? 0 : next();
			w[4 * i + 2] = some_pte();
			w[4 * i + 3] = next() % 16 ? 0 : next();
		}
		a[0] = va;
		a[1] = next() % 8 ? n : arg();
		a[3] = next() % 8 ? DOMID_SELF : some_dom();
		break;
	case __HYPERVISOR_mmuext_op: /* 12-byte ops */
		w = slot(3 * n, &va);
		for (uint32_t i = 0; i < n; i++) {
			uint32_t r = next();

			w[3 * i] = r % 13;
			w[3 * i + 1] =
				(r >> 4) % 3 == 0 ? pfn_to_mfn(play_l1) :
				(r >> 4) % 3 == 1 ? pfn_to_mfn(play_page) :
						    arg();
			w[3 * i + 2] = arg();
		}
		a[0] = va;
		a[1] = next() % 8 ? n : arg();
		a[3] = next() % 8 ? DOMID_SELF : some_dom();
		break;
	case __HYPERVISOR_update_va_mapping:
		a[0] = PLAY_VA + (next() % 1024) * 4096;
		a[1] = some_pte();
		a[2] = next() % 16 ? 0 : next();
		a[3] = next() % 8;
		break;
	case __HYPERVISOR_multicall: /* entries of numbers that work */
		w = slot(8 * n, &va);
		va &= ~31u;
		w = word_at(va);
		if (!w || (va & 0xFFF) + 32 * n > 4096)
			break;
		for (uint32_t i = 0; i < n; i++) {
			w[8 * i] = number();
			for (int k = 1; k < 8; k++)
				w[8 * i + k] = arg();
			shape(w[8 * i], &w[8 * i + 2]);
		}
		a[0] = va;
		a[1] = n;
		break;
	case __HYPERVISOR_set_callbacks:
		a[0] = FLAT_RING1_CS;
		a[1] = next() % 4 ? 1 : 0;
		break;
	}
}

/* ---- iret: a frame of ours ---- */

static long fuzz_iret(uint32_t eflags, uint32_t eax)
{
	struct iret_landing l;

	iret_by_hand(eflags & ~0x100u, eax, &l);
	if (l.eax != eax)
		xtf_failure("iret: eax %08x came back as %08x", eax, l.eax);
	if ((l.eflags & 0x00027000) || !(l.eflags & 0x200))
		xtf_failure("iret with eflags %08x: landed with %08x", eflags,
			    l.eflags);
	if (vcpu0()->evtchn_upcall_mask != !(eflags & 0x200))
		xtf_failure("iret with eflags %08x: mask %u", eflags,
			    vcpu0()->evtchn_upcall_mask);
	return (long)l.eax;
}

/* ---- set-up ---- */

static void setup(void)
{
	const struct start_info *si = start_info;
	uint32_t l1 = l1_make(0);

	own_first = 0xFFFFFFFF;
	own_last = 0;
	for (uint32_t pfn = 0; pfn < si->nr_pages; pfn++) {
		uint32_t m = pfn_to_mfn(pfn);

		own_first = m < own_first ? m : own_first;
		own_last = m > own_last ? m : own_last;
	}
	nr_own_va_end = KIT_SHARED_INFO_VA(si->nr_pages) + 4096;
	user_end = KIT_USER_BASE + KIT_USER_PAGES(si->nr_pages) * 4096;
	buf_pfn[0] = page_get();
	buf_pfn[1] = page_get();
	ro_pfn = page_get();
	play_page = page_get();
	play_l1 = l1_make(1);
	ro_alias = (uint32_t *)KVA(ro_pfn);
	check_eq(set_entry(l2_pfn(), SCRATCH_SLOT, pte(pfn_to_mfn(l1), PTE_RW)),
		 0);
	check_eq(set_entry(l1, 0, ptep(buf_pfn[0], PTE_RW)), 0);
	check_eq(set_entry(l1, 1, ptep(buf_pfn[1], PTE_RW)), 0);
	check_eq(set_entry(l1, 3, ptep(ro_pfn, PTE_RO)), 0);
	check_eq(set_entry(l2_pfn(), PLAY_SLOT,
			   pte(pfn_to_mfn(play_l1), PTE_RW)),
		 0);
	check_eq(set_entry(play_l1, 0, ptep(play_page, PTE_RW)), 0);
	scribble(3072);
	check_eq(events_init(0), 0);
	events_unmask();
}

/* 1: a number lab 4 registers; -1: a later lab's; 0: nobody's. */
static int registered(uint32_t nr)
{
	switch (nr) {
	case 0:
	case 1:
	case 2:
	case 3:
	case 4:
	case 10:
	case 13:
	case 14:
	case 17:
	case 18:
	case 23:
	case 26:
	case 29:
	case 32:
		return 1;
	/* Numbers a later lab registers (lab 5: 5 fpu_taskswitch, 7
	 * dom0_op, 15 set_timer_op, 24 vcpu_op): their results are not
	 * judged here. (The calls cannot hurt the victim: dom0_op checks
	 * an interface version that random words do not hit.) */
	case 5:
	case 7:
	case 15:
	case 24:
		return -1;
	}
	return 0;
}

void test_main(void)
{
	uint32_t seed = test_arg_num("seed", 0x5eed),
		 calls = test_arg_num("calls", 100000);
	uint32_t sum = 0, per_nr[65] = { 0 }, ok_nr[65] = { 0 };
	int a, b;

	rng = seed ? seed : 1;
	setup();
	printf("fuzz: seed 0x%x, %u calls\n", seed, calls);
	for (uint32_t i = 0; i < calls; i++) {
		uint32_t nr = number(), x[5];
		long rc;

		for (int k = 0; k < 5; k++)
			x[k] = arg();
		scribble(8);
		shape(nr, x);
		fix_call(nr, x, 0);
		if (nr == __HYPERVISOR_iret) {
			rc = fuzz_iret(next(), next());
		} else {
			/* block returns at once: an event is "pending" */
			vcpu0()->evtchn_upcall_pending = 1;
			rc = _hypercall5(nr, x[0], x[1], x[2], x[3], x[4]);
			if (rc == -VMM_ERESTART)
				xtf_failure(
					"call %u: hypercall %u gave -ERESTART",
					i, nr);
			if (registered(nr) == 0 && rc != -ENOSYS)
				xtf_failure(
					"call %u: hypercall 0x%x (none) gave "
					"%ld",
					i, nr, rc);
		}
		sum = sum * 31 + (uint32_t)rc;
		per_nr[nr < 64 ? nr : 64]++;
		ok_nr[nr < 64 ? nr : 64] += rc >= 0;
	}
	printf("\n"); /* after console_io's dots */
	for (uint32_t n = 0; n < 65; n++)
		if (registered(n) > 0)
			printf("hypercall %u: %u calls, %u worked\n", n,
			       per_nr[n], ok_nr[n]);
	printf("numbers nobody registered: %u calls\n",
	       calls - per_nr[0] - per_nr[1] - per_nr[2] - per_nr[3] -
		       per_nr[4] - per_nr[10] - per_nr[13] - per_nr[14] -
		       per_nr[17] - per_nr[18] - per_nr[23] - per_nr[26] -
		       per_nr[29] - per_nr[32]);

	/* Still a working domain: events and page tables. */
	check_eq(events_init(0), 0);
	events_mask();
	for (uint32_t p = 1; p < EVTCHN_PORTS; p++)
		evtchn_close(p);
	a = evtchn_alloc_unbound(DOMID_SELF);
	b = evtchn_bind_interdomain(DOMID_SELF, (uint32_t)a);
	check(a > 0 && b > 0);
	check_eq(evtchn_send((uint32_t)a), 0);
	check(evtchn_is_pending((uint32_t)b));
	check_eq(set_entry(play_l1, 7, ptep(play_page, PTE_RO)), 0);
	check_eq(set_entry(play_l1, 7, 0), 0);
	printf("fuzz: seed 0x%x, %u calls, checksum %08x\n", seed, calls, sum);
	xtf_success("the VMM took %u random hypercalls", calls);
}
