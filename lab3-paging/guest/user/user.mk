# The provided guest kernel's user programs (lab 3), included by lab.mk
# instead of lab 2's.
#
# Each program is guest/user/NAME.c (from any lab's directory) linked
# with the user library (ulib.c and the kit's lib/printfmt.c and
# lib/string.c) into its own ELF image, $(B)/guest/user/NAME.elf. Every
# process has its own address space, so all are linked at USER_BASE.
# programs.S embeds the images and a table of them into the kernel image
# (KERNEL_OBJS).
#
# The order of USER_PROGS is the order in which the kernel starts them
# (pid 1, 2, ...); forkbench runs alone, and only when the kernel's
# command line says "bench". A name goes through the C preprocessor
# (programs.S), so it must not be a predefined macro (unix, linux, i386).

USER_PROGS := hello counter badwrite divzero badptr ud2 int3 forktest \
	isolation forkbench
# USER_BASE of guest/kernel/memlayout.h: keep them equal.
USER_BASE := 0x08000000

UB := $(B)/guest/user
USER_LD := $(call pick,guest/user/user.ld)
ULIB_OBJS := $(call obj,guest/user/ulib.c) $(call obj,lib/printfmt.c) \
	$(call obj,lib/string.c)
USER_ELFS := $(USER_PROGS:%=$(UB)/%.elf)
USER_PROGRAMS_O := $(call obj,guest/user/programs.S)

# Compiling: like every other guest source (the Makefile's target_rule).
define user_cc_rule
$(call obj,$(1)): $(call pick,$(1))
	@mkdir -p $$(@D)
	@echo "  CC      $(1)"
	$(Q)$(TCC) $(TCFLAGS) -c $$< -o $$@
endef
$(foreach p,ulib $(USER_PROGS),\
	$(eval $(call user_cc_rule,guest/user/$(p).c)))

# Linking program NAME ($(1)). Without debugging information (-S) or
# page alignment in the file (-n): the image is embedded in the kernel,
# only its symbols are kept.
define user_ld_rule
$(UB)/$(1).elf: $(call obj,guest/user/$(1).c) $(ULIB_OBJS) $(USER_LD)
	@mkdir -p $$(@D)
	@echo "  LD      $$@"
	$(Q)$(TLD) $(TLDFLAGS) -n -S -T $(USER_LD) \
		--defsym=USER_TEXT=$(USER_BASE) -o $$@ $$(filter %.o,$$^)
endef
$(foreach p,$(USER_PROGS),$(eval $(call user_ld_rule,$(p))))

# Embedding: programs.S .incbin's each image from $(UB).
user_empty :=
user_comma := ,
user_space := $(user_empty) $(user_empty)
$(USER_PROGRAMS_O): $(call pick,guest/user/programs.S) $(USER_ELFS)
	@mkdir -p $(@D)
	@echo "  AS      guest/user/programs.S"
	$(Q)$(TCC) $(TASFLAGS) -Wa,-I$(UB) \
		-DUSER_PROGRAMS=$(subst $(user_space),$(user_comma),$(USER_PROGS)) \
		-c $< -o $@

KERNEL_OBJS += $(USER_PROGRAMS_O)
