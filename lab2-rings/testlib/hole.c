/* The hole as a guest sees it: see include/guest/hole.h. */
#include <arch/x86.h>
#include <guest/hole.h>
#include <guest/test.h>
#include <vmm/segments.h>

void tramp_find(struct tramp *t)
{
	struct desc_ptr idt, gdt;
	const uint32_t *gate, *d;
	uint32_t lo = 0xFFFFFFFF, hi = 0;
	uint16_t tr;
	const struct tss *tss;

	__asm__ volatile("sidt %0; sgdt %1; str %2"
			 : "=m"(idt), "=m"(gdt), "=r"(tr));
	gate = (const uint32_t *)idt.base;
	for (int v = 0; v < 256; v++) {
		uint32_t off = (gate[2 * v] & 0xFFFF) |
			       (gate[2 * v + 1] & 0xFFFF0000);

		if ((gate[2 * v] >> 16) != VMM_CS)
			continue; /* a guest's fast system-call gate */
		lo = off < lo ? off : lo;
		hi = off > hi ? off : hi;
	}
	d = (const uint32_t *)(gdt.base + (tr & ~7u));
	t->tss = (d[0] >> 16) | ((d[1] & 0xFF) << 16) | (d[1] & 0xFF000000);
	tss = (const struct tss *)t->tss;
	t->text_first = lo & ~0xFFFu;
	t->idt = idt.base & ~0xFFFu;
	/* The trampoline's code runs on from the stubs to the IDT's page. */
	t->text_last = hi > t->idt ? hi & ~0xFFFu : t->idt - 4096;
	t->stack = (tss->esp0 - 1) & ~0xFFFu;
}

int tramp_page(const struct tramp *t, uint32_t va)
{
	if (va == t->stack)
		return 2;
	if ((va >= t->text_first && va < t->idt) || va == t->idt ||
	    va == (t->tss & ~0xFFFu))
		return 1;
	if (va >= GDT_AREA && va < GDT_AREA + GDT_AREA_PAGES * 4096)
		return 1;
	return 0;
}

static void do_read(void *arg)
{
	(void)*(volatile uint32_t *)arg;
}

static uint32_t value;

static void do_write(void *arg)
{
	*(volatile uint32_t *)arg = value;
}

int probe_read(uint32_t va, struct fault *f)
{
	return exec_fault(do_read, (void *)va, f);
}

/* Writes back what is there, if it can be read: harmless if the write
 * is (wrongly) let through, and still a write the MMU must refuse. */
int probe_write(uint32_t va, struct fault *f)
{
	value = 0x0bad0bad;
	if (!exec_fault(do_read, (void *)va, f))
		value = *(volatile uint32_t *)va;
	return exec_fault(do_write, (void *)va, f);
}
