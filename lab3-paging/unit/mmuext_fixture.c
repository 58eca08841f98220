/*
 * The mmuext_op set-up of test_pin.c and test_new_baseptr.c
 * (unit_mmuext.h).
 */
#include <criterion/criterion.h>
#include <public/xen.h>
#include "unit_mmuext.h"

hypercall_fn unit_mmuext_op;
struct mmuext_op *unit_ops;
uint32_t *unit_pdone;

void unit_mmuext_setup(void)
{
	unit_lab3_init();
	unit_space();
	unit_table(E)[0] = PTE(X, RW);
	unit_table(Q)[L2_INDEX(UNIT_VA)] = PTE(UNIT_L1, RWU);
	unit_table(Q)[1] = PTE(E, RWU);
	unit_table(BADL2)[5] = PTE(UNIT_OTHER, RW);
	cr_assert_eq(get_page_and_type(UNIT_L2, FT_L2, &unit_d), 0);
	unit_mmuext_op = unit_hypercall(__HYPERVISOR_mmuext_op);
	cr_assert_not_null(unit_mmuext_op, "no mmuext_op in the registry");
	unit_ops = (struct mmuext_op *)UNIT_PAGE(UNIT_DATA);
	unit_pdone = (uint32_t *)(UNIT_PAGE(UNIT_DATA) + 0xF00);
}

long unit_op1(uint32_t cmd, uint32_t arg)
{
	unit_ops[0] = (struct mmuext_op){ cmd, { arg }, { 0 } };
	return unit_mmuext_op(UNIT_VA, 1, PDONE, DOMID_SELF, 0);
}
