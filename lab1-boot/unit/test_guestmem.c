/*
 * The software page walk guest_walk (exercise 8) and the copies built on
 * it, on the simulated machine with a full frame table (mfn_valid is true
 * below frame 4096). Each test writes the guest's tables by hand: the L2
 * is frame 100, the L1 of the region at 0xC0000000 is frame 200, and data
 * pages sit at scattered frames. A refusal is always tested with the rest
 * of the walk intact (the L1 it would reach holds present entries), so a
 * walk that ignored the bit under test would succeed and fail the test.
 * Checked: success with the page offset kept; L2 or L1 entry not present;
 * a write through a read-only L1 or L2 entry; a user access without PTE_U
 * at either level; a PSE L2 entry; a va in the hole (even with the hole's
 * slots filled in); an L1 table or a target frame beyond the frame
 * table. Then
 * copy_from_guest / copy_to_guest across a page boundary onto two distant
 * frames, and -EFAULT when the second page is missing or read-only.
 */
#include <string.h>
#include <criterion/criterion.h>
#include <public/errno.h>
#include <vmm/domain.h>
#include <vmm/guestmem.h>
#include <vmm/memlayout.h>
#include "unit.h"

#define L2_MFN 100
#define L1_MFN 200
#define VA     0xC0000000u /* L2 slot 768, through L1_MFN */
#define RWU    (PTE_P | PTE_W | PTE_U)

static pde_t *l2;
static pte_t *l1;
static struct domain dom; /* large: keep it off the stack */

static void setup(void)
{
	unit_machine_init();
	unit_frame_table_init();
	l2 = (pde_t *)UNIT_PAGE(L2_MFN);
	l1 = (pte_t *)UNIT_PAGE(L1_MFN);
	l2[L2_INDEX(VA)] = (L1_MFN << 12) | RWU;
	for (int i = 0; i < 16; i++)
		l1[i] = ((300 + i) << 12) | RWU;
	dom.vcpu.cr3 = L2_MFN << 12;
}

TestSuite(guest_walk, .init = setup);
TestSuite(copy_guest, .init = setup);

/* Returns guest_walk's result; *ma is ~0 if it was not written. */
static int walk(vaddr_t va, unsigned access, paddr_t *ma)
{
	*ma = ~0u;
	return guest_walk(L2_MFN << 12, va, access, ma);
}

Test(guest_walk, success_keeps_offset)
{
	paddr_t ma;

	cr_assert_eq(walk(VA + 0x5ABC, 0, &ma), 0);
	cr_assert_eq(ma, (305 << 12) | 0xABC, "ma = %#x", ma);
	cr_assert_eq(walk(VA + 0xFFF, WALK_WRITE | WALK_USER, &ma), 0);
	cr_assert_eq(ma, (300 << 12) | 0xFFF, "ma = %#x", ma);
}

/* Another L2 slot and L1 index: both come from the right bits of va. */
Test(guest_walk, indices)
{
	pte_t *other = (pte_t *)UNIT_PAGE(201);
	paddr_t ma;

	l2[1] = (201 << 12) | RWU;
	other[3] = (1234 << 12) | RWU;
	cr_assert_eq(walk(0x00403004, 0, &ma), 0);
	cr_assert_eq(ma, (1234 << 12) | 4, "ma = %#x", ma);
}

Test(guest_walk, l2_not_present)
{
	paddr_t ma;

	l2[L2_INDEX(VA)] &= ~PTE_P;
	cr_assert_eq(walk(VA, 0, &ma), -EFAULT);
	cr_assert_eq(walk(VA + 0x2000, 0, &ma), -EFAULT);
	cr_assert_eq(walk(0x10000000, 0, &ma), -EFAULT); /* empty slot */
}

Test(guest_walk, l1_not_present)
{
	paddr_t ma;

	l1[2] &= ~PTE_P;
	cr_assert_eq(walk(VA + 0x2000, 0, &ma), -EFAULT);
	cr_assert_eq(walk(VA + 0x1000, 0, &ma), 0, "neighbour refused");
}

Test(guest_walk, write_to_readonly_l1)
{
	paddr_t ma;

	l1[0] = (300 << 12) | PTE_P | PTE_U;
	cr_assert_eq(walk(VA, 0, &ma), 0);
	cr_assert_eq(walk(VA, WALK_USER, &ma), 0);
	cr_assert_eq(walk(VA, WALK_WRITE, &ma), -EFAULT);
	cr_assert_eq(walk(VA, WALK_WRITE | WALK_USER, &ma), -EFAULT);
}

/* The L2 entry limits every page of its region (CR0.WP = 1). */
Test(guest_walk, write_through_readonly_l2)
{
	paddr_t ma;

	l2[L2_INDEX(VA)] = (L1_MFN << 12) | PTE_P | PTE_U;
	cr_assert_eq(walk(VA, 0, &ma), 0);
	cr_assert_eq(walk(VA, WALK_WRITE, &ma), -EFAULT);
	cr_assert_eq(walk(VA + 0x3000, WALK_WRITE | WALK_USER, &ma), -EFAULT);
}

Test(guest_walk, user_needs_u_in_l1)
{
	paddr_t ma;

	l1[0] = (300 << 12) | PTE_P | PTE_W;
	cr_assert_eq(walk(VA, WALK_WRITE, &ma), 0, "supervisor refused");
	cr_assert_eq(walk(VA, WALK_USER, &ma), -EFAULT);
	cr_assert_eq(walk(VA, WALK_USER | WALK_WRITE, &ma), -EFAULT);
}

Test(guest_walk, user_needs_u_in_l2)
{
	paddr_t ma;

	l2[L2_INDEX(VA)] = (L1_MFN << 12) | PTE_P | PTE_W;
	cr_assert_eq(walk(VA, WALK_WRITE, &ma), 0, "supervisor refused");
	cr_assert_eq(walk(VA, WALK_USER, &ma), -EFAULT);
}

/* The PS entry points at a frame that reads as a valid L1. */
Test(guest_walk, pse_refused)
{
	paddr_t ma;

	l2[L2_INDEX(VA)] = (L1_MFN << 12) | RWU | PTE_PS;
	cr_assert_eq(walk(VA, 0, &ma), -EFAULT);
	cr_assert_eq(walk(VA + 0x1234, 0, &ma), -EFAULT);
}

/* Even with its slots filled in like a guest region, the hole is
 * refused; the page just below it is not. */
Test(guest_walk, hole_refused)
{
	paddr_t ma;

	for (int slot = HOLE_FIRST_SLOT - 1; slot < 1024; slot++)
		l2[slot] = (L1_MFN << 12) | RWU;
	l1[1023] = (400 << 12) | RWU;
	cr_assert_eq(walk(HOLE_START - 0x1000, 0, &ma), 0);
	cr_assert_eq(ma, 400 << 12);
	cr_assert_eq(walk(HOLE_START, 0, &ma), -EFAULT);
	cr_assert_eq(walk(PERDOMAIN_VIRT + 0x10, 0, &ma), -EFAULT);
	cr_assert_eq(walk(0xFFFFF000, 0, &ma), -EFAULT);
	cr_assert_eq(walk(0xFFFFFFFF, 0, &ma), -EFAULT);
}

Test(guest_walk, target_beyond_frame_table)
{
	paddr_t ma;

	l1[0] = (UNIT_MACHINE_FRAMES << 12) | RWU;
	l1[1] = 0xFFFFF000 | RWU;
	l1[2] = ((UNIT_MACHINE_FRAMES - 1) << 12) | RWU; /* last: fine */
	cr_assert_eq(walk(VA, 0, &ma), -EFAULT);
	cr_assert_eq(walk(VA + 0x1000, 0, &ma), -EFAULT);
	cr_assert_eq(walk(VA + 0x2000, 0, &ma), 0);
	cr_assert_eq(ma, (UNIT_MACHINE_FRAMES - 1) << 12);
}

/* An L2 entry whose L1 table lies beyond the frame table: the walk must
 * not read it (through the direct map, past machine memory). */
Test(guest_walk, l1_table_beyond_frame_table)
{
	paddr_t ma;

	l2[L2_INDEX(VA)] = (UNIT_MACHINE_FRAMES << 12) | RWU;
	cr_assert_eq(walk(VA, 0, &ma), -EFAULT,
		     "an L1 table at mfn %#x, beyond the frame table: followed",
		     UNIT_MACHINE_FRAMES);
	l2[L2_INDEX(VA)] = 0xFFFFF000 | RWU;
	cr_assert_eq(walk(VA, 0, &ma), -EFAULT,
		     "an L1 table at mfn 0xfffff: followed");
}

/* ---- copies: supervisor-only pages, as the builder maps them ---- */

/* va VA + 0x1FF0 .. VA + 0x2010 spans frames 2222 and 777. */
static void map_pair(uint32_t second_flags)
{
	l1[1] = (2222 << 12) | PTE_P | PTE_W;
	l1[2] = (777 << 12) | second_flags;
}

Test(copy_guest, from_across_pages)
{
	char buf[40], want[32];

	map_pair(PTE_P);
	for (int i = 0; i < 32; i++)
		want[i] = (char)('A' + i);
	memcpy(UNIT_PAGE(2222) + 0xFF0, want, 16);
	memcpy(UNIT_PAGE(777), want + 16, 16);
	memset(buf, '#', sizeof(buf));
	cr_assert_eq(copy_from_guest(&dom, buf, VA + 0x1FF0, 32), 0);
	cr_assert_arr_eq(buf, want, 32);
	cr_assert_eq(buf[32], '#', "copied too much");
	cr_assert_eq(copy_from_guest(&dom, buf, VA + 0x1FF0, 0), 0);
}

Test(copy_guest, to_across_pages)
{
	char src[32];

	map_pair(PTE_P | PTE_W);
	for (int i = 0; i < 32; i++)
		src[i] = (char)(0x60 + i);
	memset(UNIT_PAGE(2222), '#', 4096);
	memset(UNIT_PAGE(777), '#', 4096);
	cr_assert_eq(copy_to_guest(&dom, VA + 0x1FF0, src, 32), 0);
	cr_assert_arr_eq(UNIT_PAGE(2222) + 0xFF0, src, 16);
	cr_assert_arr_eq(UNIT_PAGE(777), src + 16, 16);
	cr_assert_eq(UNIT_PAGE(2222)[0xFEF], '#');
	cr_assert_eq(UNIT_PAGE(777)[16], '#');
}

Test(copy_guest, second_page_missing)
{
	char buf[32];

	map_pair(0);
	cr_assert_eq(copy_from_guest(&dom, buf, VA + 0x1FF0, 32), -EFAULT);
	cr_assert_eq(copy_to_guest(&dom, VA + 0x1FF0, buf, 32), -EFAULT);
	/* The first page alone is fine. */
	cr_assert_eq(copy_from_guest(&dom, buf, VA + 0x1FF0, 16), 0);
}

Test(copy_guest, second_page_readonly)
{
	char buf[32] = "data";

	map_pair(PTE_P);
	memset(UNIT_PAGE(777), '#', 64);
	cr_assert_eq(copy_to_guest(&dom, VA + 0x1FF0, buf, 32), -EFAULT);
	cr_assert_eq(UNIT_PAGE(777)[0], '#', "wrote a read-only page");
	cr_assert_eq(copy_from_guest(&dom, buf, VA + 0x1FF0, 32), 0);
}

/* A range running from the last guest page into the hole. */
Test(copy_guest, into_hole)
{
	char buf[32];

	l2[HOLE_FIRST_SLOT - 1] = (L1_MFN << 12) | RWU;
	l2[HOLE_FIRST_SLOT] = (L1_MFN << 12) | RWU;
	l1[1023] = (400 << 12) | RWU;
	cr_assert_eq(copy_from_guest(&dom, buf, HOLE_START - 16, 16), 0);
	cr_assert_eq(copy_from_guest(&dom, buf, HOLE_START - 16, 32), -EFAULT);
}
