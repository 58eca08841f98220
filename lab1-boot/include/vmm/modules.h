/* Boot modules -> domains (modules.c). */
#ifndef VMM_MODULES_H
#define VMM_MODULES_H

#include <lib/multiboot.h>

/* Builds one domain per boot module, refusing the bad ones. */
void domains_create(const struct multiboot_info *mbi);

#endif
