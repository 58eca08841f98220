# Lab 2's build additions.

# VMM sources the host unit tests compile (HOST_UNIT_TEST); what they call
# outside these files is stood in for by unit/host_lab2.c.
UNIT_SRCS += vmm/desc.c vmm/bounce.c vmm/insn.c vmm/trap_table.c \
	vmm/stack_switch.c

# The provided guest kernel's user programs, unless a later lab replaces
# them (lab 3 does: then its lab.mk includes its own user.mk).
ifeq ($(call pick,guest/user/user.mk),$(call lab_dir,2)/guest/user/user.mk)
include $(call lab_dir,2)/guest/user/user.mk
endif
