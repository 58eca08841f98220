/*
 * Lab 3's page tables are validated and devalidated in one go, however
 * long that takes: these defaults of the preemptible-table hooks (mm.h)
 * leave every decision to get_page_and_type and put_page_and_type. Lab 4
 * replaces them (vmm/pt_preempt.c).
 */
#include <lib/compiler.h>
#include <vmm/mm.h>

unsigned tables_pending; /* lab 3: always 0 */

__weak int table_get_preemptible(mfn_t mfn, struct domain *d)
{
	(void)mfn, (void)d;
	return 0;
}

__weak int table_put_preemptible(mfn_t mfn, struct domain *d)
{
	put_page_and_type(mfn, d);
	return 0;
}

__weak int table_pending(struct domain *d)
{
	(void)d;
	return 0;
}

__weak int table_pending_run(struct domain *d)
{
	(void)d;
	return 0;
}
