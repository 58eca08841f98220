# The kit's one entry point. `make help` lists the targets.
#
#   make [LAB=N] [SOL=1]   build lab N (default: tools/default-lab.sh); SOL=1 builds
#                          the reference solutions instead of the exercises
# Everything is built under build/lab<N>[-sol]/; nothing else is written.

# make -n still runs the recipes marked "+" (GNU make's rule for recursive
# make): refuse, rather than run a whole test suite while "showing" it.
# (Read before this file adds its own flags to MAKEFLAGS.)
ifneq ($(findstring n,$(firstword -$(MAKEFLAGS))),)
ifneq ($(filter grade unit bench bench-kit test dist grade-class gradescope plot-sched \
	compile-commands,$(MAKECMDGOALS)),)
$(error make -n cannot show $(MAKECMDGOALS): its script runs make itself)
endif
endif
.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules
# Compile on every CPU unless the command line says otherwise (make -j1).
# Only the outermost make sets it: the recipes that run scripts which call
# make again start with "+", so those inner makes share this make's job
# slots (a recipe without "+" would leave them at -j1, with a warning).
ifeq ($(MAKELEVEL),0)
NPROC := $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
MAKEFLAGS += -j$(NPROC)
endif
.SUFFIXES:
Q := $(if $(V),,@)

include mk/layers.mk
include mk/toolchain.mk

# ---- sources, by role (relative paths; see mk/layers.mk) -------------
VMM_SRCS := $(call rel,vmm/*.c vmm/*.S)
LIB_SRCS := $(call rel,lib/*.c)
GLIB_SRCS := $(call rel,guest/lib/*.c guest/lib/*.S)
KERNEL_SRCS := $(call rel,guest/kernel/*.c guest/kernel/*.S)
TESTLIB_SRCS := $(call rel,testlib/*.c testlib/*.S)
TESTS := $(notdir $(patsubst %/,%,$(call rel,tests/*/)))
UNIT_TESTS := $(basename $(notdir $(call rel,unit/test_*.c)))
UNIT_SRCS :=		# host-testable VMM sources: each lab.mk adds its own
LAB_TARGETS :=		# extra outputs: each lab.mk adds its own
USER_PROGS :=		# the guest kernel's user programs (guest/user/user.mk)
ULIB_SRCS :=		# and their library: lab.mk files add them

VMM_LD := $(call pick,vmm/vmm.ld)
GUEST_LD := $(call pick,guest/guest.ld)

VMM_OBJS := $(foreach s,$(VMM_SRCS) $(LIB_SRCS),$(call obj,$(s)))
GLIB_OBJS := $(foreach s,$(GLIB_SRCS) $(LIB_SRCS),$(call obj,$(s)))
KERNEL_OBJS := $(foreach s,$(KERNEL_SRCS),$(call obj,$(s)))
# The kernel's own headers (kernel.h...) are found through the layers,
# top layer first, and included as <kernel.h>: "kernel.h" would take the
# one beside the .c file, an earlier lab's when a later lab replaces the
# header but not the .c file.
$(KERNEL_OBJS): TCFLAGS += \
	$(addprefix -I,$(wildcard $(addsuffix /guest/kernel,$(LAYERS))))
TESTLIB_OBJS := $(foreach s,$(TESTLIB_SRCS),$(call obj,$(s)))
TEST_ELFS := $(TESTS:%=$(B)/tests/%.elf)
UNIT_BINS := $(UNIT_TESTS:%=$(B)/unit/%)

include grade/selftest/selftest.mk

# Each lab's own build additions (bad images, host tools...).
include $(wildcard $(addsuffix /lab.mk,$(LABS_UP_TO)))

# The provided guest kernel's user programs, once some lab.mk lists them.
ifneq ($(strip $(USER_PROGS)),)
include $(call pick,guest/user/user.mk)
endif

# ---- compile rules, one per source (the provider may be any layer) ----
define target_rule
$(call obj,$(1)): $(call pick,$(1))
	@mkdir -p $$(@D)
	@echo "  CC      $(1)"
	$(Q)$(TCC) $(if $(filter %.S,$(1)),$$(TASFLAGS),$$(TCFLAGS)) -c $$< -o $$@
endef
$(foreach s,$(sort $(VMM_SRCS) $(LIB_SRCS) $(GLIB_SRCS) $(KERNEL_SRCS) \
	$(TESTLIB_SRCS) $(call rel,tests/*/*.c tests/*/*.S)),\
	$(eval $(call target_rule,$(s))))

define host_rule
$(call host_obj,$(1)): $(call pick,$(1))
	@mkdir -p $$(@D)
	@echo "  HOSTCC  $(1)"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -c $$< -o $$@
endef
UNIT_SUPPORT := $(call rel,unit/*.c)
$(foreach s,$(sort $(UNIT_SRCS) $(UNIT_SUPPORT)),\
	$(eval $(call host_rule,$(s))))

# ---- the VMM: linked twice, the second time with its symbol table -----
$(B)/vmm.elf: $(VMM_OBJS) $(VMM_LD) tools/gensyms.sh
	@echo "  LD      $@"
	$(Q)sh tools/gensyms.sh </dev/null >$(B)/ksyms0.S
	$(Q)$(TCC) $(TASFLAGS) -c $(B)/ksyms0.S -o $(B)/ksyms0.o
	$(Q)$(TLD) $(TLDFLAGS) -T $(VMM_LD) -o $(B)/vmm.pass1.elf \
		$(VMM_OBJS) $(B)/ksyms0.o
	$(Q)$(TNM) -n $(B)/vmm.pass1.elf | sh tools/gensyms.sh >$(B)/ksyms.S
	$(Q)$(TCC) $(TASFLAGS) -c $(B)/ksyms.S -o $(B)/ksyms.o
	$(Q)$(TLD) $(TLDFLAGS) -T $(VMM_LD) -o $@.tmp $(VMM_OBJS) $(B)/ksyms.o
	$(Q)$(TNM) -n $@.tmp | sh tools/gensyms.sh | cmp -s - $(B)/ksyms.S || \
		{ echo "code moved between the two links of $@" >&2; exit 1; }
	$(Q)mv $@.tmp $@

# ---- guests ---------------------------------------------------------------
$(B)/guest/kernel.elf: $(KERNEL_OBJS) $(GLIB_OBJS) $(GUEST_LD)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	$(Q)$(TLD) $(TLDFLAGS) -T $(GUEST_LD) -o $@ $(KERNEL_OBJS) $(GLIB_OBJS)

define test_rule
$(B)/tests/$(1).elf: $(foreach s,$(call rel,tests/$(1)/*.c tests/$(1)/*.S),$(call obj,$(s))) $(TESTLIB_OBJS) $(GLIB_OBJS) $(GUEST_LD)
	@mkdir -p $$(@D)
	@echo "  LD      $$@"
	$(Q)$(TLD) $(TLDFLAGS) -T $(GUEST_LD) -o $$@ $$(filter %.o,$$^)
endef
$(foreach t,$(TESTS),$(eval $(call test_rule,$(t))))

# ---- unit tests (host) -----------------------------------------------------
UNIT_OBJS := $(foreach s,$(UNIT_SRCS),$(call host_obj,$(s)))
UNIT_SUPPORT_OBJS := $(foreach s,$(filter-out unit/test_%,$(UNIT_SUPPORT)),\
	$(call host_obj,$(s)))
# What the unit tests link besides Criterion (tools/unit-lib/build.sh):
# on Debian, a stand-in for the libgit2 that libcriterion loads in every
# test case only to draw diffs the kit's assertions never ask for.
$(B)/unit/lib/ldflags: tools/unit-lib/build.sh tools/unit-lib/libgit2-stub.c
	$(Q)sh tools/unit-lib/build.sh '$(HOSTCC)' $(@D)

define unit_rule
$(B)/unit/$(1): $(call host_obj,unit/$(1).c) $(UNIT_OBJS) $(UNIT_SUPPORT_OBJS) $(B)/unit/lib/ldflags
	@mkdir -p $$(@D)
	@echo "  HOSTLD  $$@"
	$(Q)$(HOSTCC) -o $$@ $$(filter %.o,$$^) $(HOST_LIBS) $$$$(cat $(B)/unit/lib/ldflags)
endef
$(foreach t,$(UNIT_TESTS),$(eval $(call unit_rule,$(t))))

# ---- top-level targets ------------------------------------------------------
# (Recursive: computed only by the goals that use it.)
GDBPORT = $(shell expr 26000 + $$(id -u) % 5000)
GUESTS ?= $(B)/guest/kernel.elf mem=4M hello from alpha,$(B)/guest/kernel.elf mem=8M greetings from beta
APPEND ?=

.PHONY: all build qemu qemu-gdb gdb grade unit bench bench-kit test clean help setup fuzz \
	sync-check shellcheck new-test dist plot-sched

all build: $(B)/vmm.elf $(B)/guest/kernel.elf $(TEST_ELFS) $(UNIT_BINS) \
	$(LAB_TARGETS)

# GUESTS: comma-separated boot modules, each "image args...".
qemu: $(B)/vmm.elf $(B)/guest/kernel.elf
	@guests='$(GUESTS)'; IFS=,; set -f; set -- $$guests; \
	exec sh tools/qemu.sh --append "$(APPEND)" $(B)/vmm.elf "$$@"

qemu-gdb: $(B)/vmm.elf $(B)/guest/kernel.elf
	@echo "QEMU waits for GDB on port $(GDBPORT): run 'make gdb LAB=$(LAB) SOLVED=$(SOLVED)' in another terminal"
	@guests='$(GUESTS)'; IFS=,; set -f; set -- $$guests; \
	exec sh tools/qemu.sh --gdb $(GDBPORT) --append "$(APPEND)" \
		$(B)/vmm.elf "$$@"

gdb: $(B)/vmm.elf $(B)/guest/kernel.elf
	@sh tools/gdbinit.sh $(GDBPORT) $(B)/vmm.elf $(B)/guest/kernel.elf \
		>$(B)/gdbinit
	$(GDB) -q -nx -x $(B)/gdbinit

# The fuzzer of lab 4 (tests/fuzz) for longer than the grader runs it:
# FUZZ_CALLS random hypercalls from FUZZ_SEED, beside a victim domain;
# passes when both say SUCCESS and the VMM ends cleanly.
FUZZ_SEED ?= 0x5eed
FUZZ_CALLS ?= 1000000
fuzz: $(B)/vmm.elf
	@[ -n "$(filter $(B)/tests/fuzz.elf,$(TEST_ELFS))" ] || \
		{ echo "make fuzz: lab $(LAB) has no fuzzer (it comes with lab 4)"; exit 1; }
	@$(MAKE) --no-print-directory $(B)/tests/fuzz.elf $(B)/tests/victim.elf
	@echo "fuzz: $(FUZZ_CALLS) calls from seed $(FUZZ_SEED), and a victim"
	@sh tools/qemu.sh --grade $(B)/vmm.elf \
		"$(B)/tests/fuzz.elf seed=$(FUZZ_SEED) calls=$(FUZZ_CALLS)" \
		$(B)/tests/victim.elf </dev/null | tee $(B)/fuzz.log | \
		grep -E "Test result|VMM FAULT|PANIC|summary|all domains"
	@grep -q "^(d0) Test result: SUCCESS" $(B)/fuzz.log && \
		grep -q "^(d1) Test result: SUCCESS" $(B)/fuzz.log && \
		! grep -qE "VMM FAULT|PANIC|LEAK" $(B)/fuzz.log && \
		echo "fuzz: passed (log: $(B)/fuzz.log)"

grade:
	+@sh grade/grade.sh --lab $(LAB) --solved $(SOLVED) $(if $(TEST),--only $(TEST)) $(GRADE_FLAGS)

unit: $(UNIT_BINS)
	+@sh grade/grade.sh --lab $(LAB) --solved $(SOLVED) --only-unit $(GRADE_FLAGS)

bench: all
	+@sh grade/bench.sh --lab $(LAB) --solved $(SOLVED)

# Lab 5's scheduling, traced and drawn (tools/plot-sched.sh): the
# reference solutions (in a student copy, which has none, your own code),
# or with LAB= on the command line that lab as built with SOLVED= (your
# own scheduler: make plot-sched LAB=5).
plot-sched:
	+@sh tools/plot-sched.sh $(if $(filter command line,$(origin LAB)),--lab $(LAB) --solved $(SOLVED))

bench-kit: all
	+@sh tools/bench-kit.sh $(RUNS)

test:
	+@sh tools/test.sh

sync-check:
	@sh tools/sync-check.sh

shellcheck:
	@shellcheck grade/*.sh tools/*.sh tools/unit-lib/*.sh .ci/run

new-test:
	@sh tools/new-test.sh "$(LAB)" "$(NAME)"

dist:
	+@sh tools/dist.sh

setup:
	@sh tools/setup.sh

clean:
	rm -rf build

include mk/course.mk

help:
	@echo "make [LAB=N] [SOL=1]      build lab N; SOL=1: the solutions"
	@echo "                          (no LAB=: the lab you are working on, i.e. the last"
	@echo "                          with an exercise written; the last lab with SOL=1)"
	@echo "make qemu                 boot the VMM and GUESTS in QEMU (Ctrl-a x quits)"
	@echo "make qemu-gdb / make gdb  the same, stopped for GDB / GDB attached to it"
	@echo "make grade                grade lab N (and the labs before it)"
	@echo "make unit                 only the host unit tests"
	@echo "make bench                benchmarks (exact counts under -icount)"
	@echo "make plot-sched           lab 5's scheduling traced and drawn: build/plots/*.svg"
	@echo "                          (the solutions if there; LAB=5: yours; needs gnuplot-nox)"
	@echo "make fuzz                 lab 4's fuzzer: FUZZ_CALLS hypercalls from FUZZ_SEED"
	@echo "make bench-kit [RUNS=5]   how long grading and make test take here"
	@echo "make test                 the kit's own test suite"
	@echo "make new-test NAME=x      scaffold a test guest in lab N"
	@echo "make dist                 a student copy of the kit, without solutions/"
	@echo "make handin               pack your work for handing in (build/handin-*.tar.gz)"
	@echo "make grade-class          grade the hand-ins in HANDINS=dir (build/class/)"
	@echo "make gradescope           Gradescope autograder zip for lab N"
	@echo "make handout              the course text as HTML (build/handout/)"
	@echo "make compile-commands     build/compile_commands.json for clangd"
	@echo "make clean                remove build/"

-include $(shell find $(B) -name '*.d' 2>/dev/null)
