# Lab 4's build additions.

# VMM sources the host unit tests compile (HOST_UNIT_TEST); what they call
# outside these files is stood in for by unit/host_lab4.c.
UNIT_SRCS += vmm/event.c vmm/evtchn_bind.c vmm/evtchn_table.c \
	vmm/multicall.c vmm/continuation.c
