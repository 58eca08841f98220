/*
 * segment_limits: what segment limits do under the emulator. Real x86
 * hardware checks every data access against its segment's limit: Xen's
 * 32-bit design kept guests out of the hole with nothing else. QEMU's
 * emulator (TCG) skips that check for data accesses (DESIGN.md section
 * 6), which is why the kit's isolation rests on page tables. This guest
 * installs a 16-byte data segment over a buffer of its own and reports
 * what a read and a write past its end do (real hardware: #GP; QEMU: the
 * access goes through to the memory after the buffer); and reads the
 * hole through the flat ring-1 data segment, whose limit stops below the
 * hole (real hardware: #GP; QEMU: the page tables' #PF). It asserts what
 * holds on both: the limit the VMM stored (lsl), that accesses within the
 * limit work, and that an access past it either faults (#GP) or reaches
 * exactly the byte it names; and that the hole is never readable.
 */
#include <guest/gdt.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "segment limits under the emulator (report)";

static struct seg_desc gdt[512] __attribute__((aligned(4096)));
static uint32_t buffer[8] = { 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17 };
static uint32_t got;

static void read_fs(void *off)
{
	__asm__ volatile("movl %%fs:(%1), %0" : "=r"(got) : "r"(off));
}

static void write_fs(void *off)
{
	__asm__ volatile("movl %0, %%fs:(%1)"
			 :
			 : "r"(0xfeedface), "r"(off)
			 : "memory");
}

static void read_ds(void *addr)
{
	got = *(volatile uint32_t *)addr;
}

void test_main(void)
{
	struct fault f;
	int ok;

	/* DPL 3: a DPL-1 writable segment must be flat (check_descriptor). */
	gdt[1] = seg_make((uint32_t)buffer, 15, ACC_DATA_SEG(3), 0);
	check_eq(gdt_install(gdt, 2), 0);
	check_eq(seg_lsl(SEL(1, 3), &ok), 15);
	printf("a data segment over buffer[0..3]: lsl says limit %x\n",
	       seg_lsl(SEL(1, 3), &ok));
	__asm__ volatile("mov %0, %%fs" : : "r"((uint32_t)SEL(1, 3)));

	check_eq(exec_fault(read_fs, (void *)12, &f), 0);
	check_eq(got, 0x13);
	printf("read at offset 12 (inside): %x\n", got);

	got = 0;
	if (exec_fault(read_fs, (void *)16, &f)) {
		printf("read at offset 16 (past the limit): vector %u error "
		       "%x - the limit is checked\n",
		       f.vector, f.error);
		check_eq(f.vector, 13);
	} else {
		printf("read at offset 16 (past the limit): no fault, read %x "
		       "(buffer[4]) - the emulator does not check the limit\n",
		       got);
		check_eq(got, 0x14);
	}
	if (exec_fault(write_fs, (void *)20, &f)) {
		printf("write at offset 20 (past the limit): vector %u - the "
		       "limit is checked\n",
		       f.vector);
		check_eq(f.vector, 13);
		check_eq(buffer[5], 0x15);
	} else {
		printf("write at offset 20 (past the limit): no fault, "
		       "buffer[5] is now %x\n",
		       buffer[5]);
		check_eq(buffer[5], 0xfeedface);
	}

	/* The flat data segment ends at 0xF03FFFFF; 0xF8100000 is past it
	 * and, in the page tables, not mapped. */
	if (!exec_fault(read_ds, (void *)0xF8100000, &f))
		xtf_failure("read 0xf8100000 through %%ds: %x", got);
	else if (f.vector == 13)
		printf("read 0xf8100000 through %%ds: #GP - the segment "
		       "limit stopped it\n");
	else if (f.vector == 14)
		printf("read 0xf8100000 through %%ds: #PF - the segment limit "
		       "did not stop it, the page tables did\n");
	else
		xtf_failure("read 0xf8100000: vector %u", f.vector);
	xtf_success("segment limits: see above");
}
