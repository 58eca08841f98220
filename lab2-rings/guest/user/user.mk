# The provided guest kernel's user programs, included by the Makefile
# after every lab.mk, when some lab.mk has listed programs.
#
# Each lab.mk adds its programs to USER_PROGS and its user-library files
# to ULIB_SRCS. Each program is guest/user/NAME.c (from any lab's
# directory) linked with the user library (ULIB_SRCS and the kit's
# lib/printfmt.c and lib/string.c) into its own ELF image,
# $(B)/guest/user/NAME.elf. programs.S embeds the images and a table of
# them into the kernel image (KERNEL_OBJS).
#
# Where a program is linked, USER_LINK says: "slots" (lab 2: all
# processes share one address space, so each program has its own slot of
# the user window) or "shared" (lab 3 on: every process has its own
# address space, so all are linked at USER_BASE).
#
# The order of USER_PROGS is the order in which the kernel starts them
# (pid 1, 2, ...). A name goes through the C preprocessor (programs.S),
# so it must not be a predefined macro (unix, linux, i386).

# KIT_USER_BASE (include/public/layout.h) and USER_SLOT_SIZE
# (include/guest/syscall.h): keep them equal.
USER_BASE := 0x08000000
USER_SLOT_SIZE := 0x10000

UB := $(B)/guest/user
USER_LD := $(call pick,guest/user/user.ld)
ULIB_OBJS := $(foreach s,$(ULIB_SRCS),$(call obj,$(s))) \
	$(call obj,lib/printfmt.c) $(call obj,lib/string.c)
USER_ELFS := $(USER_PROGS:%=$(UB)/%.elf)
USER_PROGRAMS_O := $(call obj,guest/user/programs.S)

# $(call user_text,I): where the Ith program (from 1) is linked.
user_slot = $(shell printf '0x%08x' $$(($(USER_BASE) + ($(1)) * $(USER_SLOT_SIZE))))
user_text = $(if $(filter shared,$(USER_LINK)),$(USER_BASE),$(call user_slot,$(1) - 1))

# Compiling: like every other guest source (the Makefile's target_rule),
# with the user library's headers (ulib.h...) found through the layers,
# top layer first, as the kernel's are.
USER_INCLUDES := $(addprefix -I,$(wildcard $(addsuffix /guest/user,$(LAYERS))))
define user_cc_rule
$(call obj,$(1)): $(call pick,$(1))
	@mkdir -p $$(@D)
	@echo "  CC      $(1)"
	$(Q)$(TCC) $(TCFLAGS) $(USER_INCLUDES) -c $$< -o $$@
endef
$(foreach s,$(ULIB_SRCS) $(USER_PROGS:%=guest/user/%.c),\
	$(eval $(call user_cc_rule,$(s))))

# Linking program NAME ($(1)), the Ith ($(2)). Without debugging
# information (-S) or page alignment in the file (-n): the image is
# embedded in the kernel, only its symbols are kept.
define user_ld_rule
$(UB)/$(1).elf: $(call obj,guest/user/$(1).c) $(ULIB_OBJS) $(USER_LD)
	@mkdir -p $$(@D)
	@echo "  LD      $$@"
	$(Q)$(TLD) $(TLDFLAGS) -n -S -T $(USER_LD) \
		--defsym=USER_TEXT=$(call user_text,$(2)) \
		-o $$@ $$(filter %.o,$$^)
endef
$(foreach i,$(shell seq 1 $(words $(USER_PROGS))),\
	$(eval $(call user_ld_rule,$(word $(i),$(USER_PROGS)),$(i))))

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
