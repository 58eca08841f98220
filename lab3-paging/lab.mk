# Lab 3's build additions.

# VMM sources the host unit tests compile (HOST_UNIT_TEST); what they call
# outside these files is stood in for by unit/host_lab3.c.
UNIT_SRCS += vmm/page_type.c vmm/pt_validate.c vmm/mmu_update.c vmm/batch.c \
	vmm/mmuext.c vmm/update_va.c vmm/table_hooks.c

# The guest kernel's user programs (lab 2's guest/user/user.mk): lab 3's
# join lab 2's, with fork, wait and sbrk in the user library, and each
# process has its own address space. forkbench runs only when the
# kernel's command line says "bench".
USER_PROGS += forktest isolation forkbench
ULIB_SRCS += guest/user/ulib_vm.c
USER_LINK := shared
