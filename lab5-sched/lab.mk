# Lab 5's build additions.

# VMM sources the host unit tests compile (HOST_UNIT_TEST): BVT's
# decisions and the time scale need nothing of the VMM; the software
# timers only the PIT and the clock (unit/host_timer.c stands in).
UNIT_SRCS += vmm/bvt.c lib/time_scale.c vmm/timer.c
