# Lab 5's build additions.

# VMM sources the host unit tests compile (HOST_UNIT_TEST): BVT's
# decisions and the time scale need nothing of the VMM; the software
# timers only the PIT and the clock, the published time only the clock's
# scale (unit/host_timer.c stands in).
UNIT_SRCS += vmm/bvt.c lib/time_scale.c vmm/timer.c vmm/vtime.c

# The guest kernel's user programs (lab 2's guest/user/user.mk): lab 5's
# join lab 4's, with time in the user library. They run only with "time"
# on the kernel's command line, and then alone
# (guest/kernel/time_programs.c). spinner and its twin never give up the
# CPU: they share it only through the kernel's time slices
# (guest/kernel/preempt.c). sleeper sleeps on the one-shot timer
# (guest/kernel/sleep.c) and says how late it woke.
USER_PROGS += spinner sleeper
ULIB_SRCS += guest/user/ulib_time.c

# make qemu: two kernels running the time programs, which BVT gives 2:1
# of the CPU (mcu_adv is 1 / weight). Lab 4's lab.mk set GUESTS (?=)
# before this file is read: replace its value, not one from the
# environment or the command line.
ifeq ($(origin GUESTS),file)
GUESTS := $(B)/guest/kernel.elf mem=4M time mcu_adv=10 heavy,$(B)/guest/kernel.elf mem=4M time mcu_adv=20 light
endif

# BVT's decisions in 32-bit code (tests/bvt_i386): the test guest links
# the VMM's own vmm/bvt.c (it needs nothing of the VMM), since the host
# unit tests, on a 64-bit host, cannot see a `long` that is 32 bits here.
$(B)/tests/bvt_i386.elf: $(call obj,vmm/bvt.c)
