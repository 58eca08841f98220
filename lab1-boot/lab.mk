# Lab 1's build additions.

# VMM sources the host unit tests compile (HOST_UNIT_TEST).
UNIT_SRCS += lib/printfmt.c lib/cmdline.c vmm/mmap.c vmm/frame.c vmm/elf.c \
	vmm/pt_build.c vmm/guestmem.c

# Malformed guest images for the loader tests: tests/hello.elf with one
# defect each (tools/elfmangle.c lists the defects).
BADELF_DEFECTS := short magic class data version type machine phentsize \
	nophdr manyphdr phoff phoffwrap segdata segsize offwrap filesz below hole \
	holecross toobig farseg noload entry
LAB_TARGETS += $(BADELF_DEFECTS:%=$(B)/bad/bad-%.elf)

$(B)/tools/elfmangle: $(call pick,tools/elfmangle.c)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) -std=gnu11 -O2 -Wall -Wextra -o $@ $< $(INCLUDES)

$(B)/bad/bad-%.elf: $(B)/tests/hello.elf $(B)/tools/elfmangle
	@mkdir -p $(@D)
	$(Q)$(B)/tools/elfmangle $* $< $@
