# Toolchain detection, done once per make run. TOOLPREFIX= and QEMU=
# override (e.g. TOOLPREFIX=i686-elf- with Homebrew on macOS). When a tool
# is missing, tools/setup.sh installs it (as root) or says how. A make
# that this kit's make started (make grade's build, make test's) inherits
# its TOOLPREFIX and KIT_TOOLS_CHECKED instead of checking again: a dozen
# processes each time.

detect_prefix = $(shell for p in i686-linux-gnu- i686-elf- i386-elf-; do \
	if command -v $${p}gcc >/dev/null 2>&1; then echo $$p; break; fi; done)

ifeq ($(origin TOOLPREFIX),undefined)
TOOLPREFIX := $(detect_prefix)
endif
QEMU ?= qemu-system-i386
HOSTCC ?= cc
GDB ?= gdb

NO_TOOLS_GOALS := clean help setup dist handin handout gradescope
ifneq ($(KIT_TOOLS_CHECKED),1)
ifneq ($(filter-out $(NO_TOOLS_GOALS),$(or $(MAKECMDGOALS),all)),)
TOOLS_MISSING := $(shell TOOLPREFIX='$(TOOLPREFIX)' QEMU='$(QEMU)' \
	HOSTCC='$(HOSTCC)' sh tools/setup.sh --check >/dev/null 2>&1 || echo yes)
ifeq ($(TOOLS_MISSING),yes)
SETUP_OK := $(shell TOOLPREFIX='$(TOOLPREFIX)' QEMU='$(QEMU)' \
	HOSTCC='$(HOSTCC)' sh tools/setup.sh >&2 && echo ok)
ifneq ($(SETUP_OK),ok)
$(error Missing tools: see the message above (tools/setup.sh))
endif
ifeq ($(TOOLPREFIX),)
TOOLPREFIX := $(detect_prefix)
endif
endif
export KIT_TOOLS_CHECKED := 1
endif
endif
export TOOLPREFIX

TCC := $(TOOLPREFIX)gcc
TLD := $(TOOLPREFIX)ld
TNM := $(TOOLPREFIX)nm
TOBJCOPY := $(TOOLPREFIX)objcopy

# Paths in the debug information are relative to the top of the kit, so
# that images, and so every -icount figure, do not depend on where the
# kit is checked out.
# Target (i686, freestanding) flags. Frame pointers for backtraces; no
# sibling calls and no shrink-wrapping (a prologue moved off a path), so
# every caller stays on the chain; no FPU/SSE code.
TCFLAGS := -m32 -march=i686 -std=gnu11 -O2 -g -ffreestanding -fno-builtin \
	-fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
	-fno-optimize-sibling-calls -fno-shrink-wrap -fno-strict-aliasing -mgeneral-regs-only \
	-Wall -Wextra -MMD -MP -fdebug-prefix-map=$(CURDIR)=. $(INCLUDES)
TASFLAGS := -m32 -g -ffreestanding -MMD -MP -D__ASSEMBLER__ \
	-fdebug-prefix-map=$(CURDIR)=. $(INCLUDES)
TLDFLAGS := -m elf_i386 -nostdlib -z noexecstack --no-warn-rwx-segments

# Host flags for the unit tests: the same sources, compiled for the
# host, against a simulated machine memory (HOST_UNIT_TEST). The kit's
# printf family is renamed so that it does not replace the C library's.
# Their debug paths too are relative to the top of the kit.
HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra \
	-DHOST_UNIT_TEST -Dsnprintf=kit_snprintf -Dvsnprintf=kit_vsnprintf \
	-MMD -MP -fdebug-prefix-map=$(CURDIR)=. $(INCLUDES)
HOST_LIBS := -lcriterion
