# Lab 2's build additions.

# VMM sources the host unit tests compile (HOST_UNIT_TEST); what they call
# outside these files is stood in for by unit/host_lab2.c.
UNIT_SRCS += vmm/desc.c vmm/bounce.c vmm/insn.c vmm/trap_table.c \
	vmm/stack_switch.c

# The provided guest kernel's user programs (guest/user/user.mk), in the
# order the kernel starts them; until lab 3 all share one address space.
USER_PROGS += hello counter badwrite divzero badptr ud2 int3
ULIB_SRCS += guest/user/ulib.c
USER_LINK := slots
