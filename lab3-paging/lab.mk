# Lab 3's build additions.

# VMM sources the host unit tests compile (HOST_UNIT_TEST); what they call
# outside these files is stood in for by unit/host_lab3.c.
UNIT_SRCS += vmm/page_type.c vmm/pt_validate.c vmm/mmu_update.c vmm/batch.c \
	vmm/mmuext.c vmm/update_va.c

# The provided guest kernel's user programs: lab 3's replace lab 2's
# (lab 2's lab.mk leaves its own out), unless a later lab replaces them.
ifeq ($(call pick,guest/user/user.mk),$(call lab_dir,3)/guest/user/user.mk)
include $(call lab_dir,3)/guest/user/user.mk
endif
