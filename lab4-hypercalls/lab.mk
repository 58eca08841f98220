# Lab 4's build additions.

# VMM sources the host unit tests compile (HOST_UNIT_TEST); what they call
# outside these files is stood in for by unit/host_lab4.c.
UNIT_SRCS += vmm/event.c vmm/evtchn_bind.c vmm/evtchn_table.c \
	vmm/multicall.c vmm/continuation.c

# The guest kernel's user programs (lab 2's guest/user/user.mk): lab 4's
# join lab 3's; pingpong and waitpeer talk to the peer domain named by
# peer=N on the kernel's command line (make qemu boots two kernels, each
# the other's peer). switchbench runs only with "bench=switchbench".
USER_PROGS += pingpong waitpeer switchbench
ULIB_SRCS += guest/user/ulib_events.c
GUESTS ?= $(B)/guest/kernel.elf mem=4M hello from alpha peer=1,$(B)/guest/kernel.elf mem=8M greetings from beta peer=0
