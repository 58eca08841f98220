/* Boot modules -> domains (modules.c). */
#ifndef VMM_MODULES_H
#define VMM_MODULES_H

#include <lib/multiboot.h>

/* Builds one domain per boot module, refusing the bad ones. */
void domains_create(const struct multiboot_info *mbi);

/* The VMM's own command line (-append), set before the INITCALLs run:
 * later labs read their options there (lab 5: sched=rr). */
extern const char *vmm_cmdline;

#endif
