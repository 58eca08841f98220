# The grader's self-test kernels (grade/selftest/kernel.S), one per
# behaviour, built into build/selftest/. NAME:BEHAVIOR pairs:
SELFTEST_MAP := pass:1 fail:2 hang:3 triple:4 flood:5 late:6 silent:7 nulls:8
SELFTEST_ELFS := $(foreach p,$(SELFTEST_MAP),build/selftest/$(firstword $(subst :, ,$(p))).elf)
behavior_of = $(patsubst $(1):%,%,$(filter $(1):%,$(SELFTEST_MAP)))

build/selftest/%.elf: grade/selftest/kernel.S grade/selftest/kernel.ld
	@mkdir -p $(@D)
	$(Q)$(TCC) -m32 -ffreestanding -D__ASSEMBLER__ \
		-DBEHAVIOR=$(call behavior_of,$*) -c $< -o $(@:.elf=.o)
	$(Q)$(TLD) $(TLDFLAGS) -T grade/selftest/kernel.ld -o $@ $(@:.elf=.o)

selftest-kernels: $(SELFTEST_ELFS)
.PHONY: selftest-kernels
