/*
 * Lab 4's fields of struct domain_ext for preemptible page tables
 * (vmm/pt_preempt.c): the one L2 whose devalidation is under way (only
 * one at a time: a batch hypercall that leaves one pending goes on with
 * it before anything else, run_batch), and how far a dying domain's
 * release of its tables got.
 */
#ifndef VMM_EXT_TABLES_H
#define VMM_EXT_TABLES_H

#include <vmm/types.h>

#define DOMAIN_EXT_TABLES                                                  \
	struct {                                                           \
		mfn_t put_mfn;	/* 0: none (mfn 0 is never a domain's) */  \
		int put_rc;	/* what to report when it ends: 0, or */   \
				/* the refusal of the validation undone */ \
		pfn_t reap_pfn; /* dying: its frames below are released */ \
	}

#endif
