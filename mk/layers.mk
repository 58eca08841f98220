# Layering (DESIGN.md section 3): lab N is built from the directories of
# labs N, N-1, ..., 1. For each relative path (vmm/frame.c, include/...)
# the first layer that has the file provides it. A lab directory holds
# only what that lab adds or replaces.
#
# Solutions: SOL=1 puts each solutions/labK-* before its labK-*, for every
# lab. SOLVED=K does so for labs 1..K only: the tree of a student who has
# finished labs 1..K (make test grades lab K+1 that way).

LAB_DIRS := $(sort $(wildcard lab[1-9]-*))
LAB_MAX := $(words $(LAB_DIRS))

# $(call upto,N): the numbers 1..N (N at most 9, as lab directories go);
# $(call reverse,LIST): LIST backwards. Make's own functions: a $(shell
# seq) each would start a process, in every make, nested ones included.
upto = $(wordlist 1,$(1),1 2 3 4 5 6 7 8 9)
reverse = $(if $(1),$(call reverse,$(wordlist 2,$(words $(1)),$(1))) $(firstword $(1)))
SOL ?= 0

# Without LAB=, the lab the student is working on: the last one in which
# an exercise has code, lab 1 in a fresh copy, the last one with SOL=1
# (tools/default-lab.sh). The goals that work on one lab say which, in
# one line.
LAB_GOALS := all build qemu qemu-gdb gdb grade unit bench fuzz
ifeq ($(strip $(LAB)),)
LAB := $(shell sh tools/default-lab.sh $(if $(filter 1,$(SOL)),--sol) \
	$(if $(filter $(LAB_GOALS),$(or $(MAKECMDGOALS),all)),--say))
endif

ifneq ($(filter-out $(call upto,$(LAB_MAX)),$(LAB)),)
$(error LAB=$(LAB): there are labs 1 to $(LAB_MAX))
endif
ifeq ($(SOL),1)
SOLVED := $(LAB)
endif
SOLVED ?= 0
ifeq ($(filter 0 $(call upto,$(LAB_MAX)),$(SOLVED)),)
$(error SOLVED=$(SOLVED): give the number of labs solved, 0 to $(LAB_MAX))
endif

# lab_dir K -> lab directory of lab K, e.g. lab1-boot
lab_dir = $(word $(1),$(LAB_DIRS))
sol_dir = $(wildcard solutions/$(call lab_dir,$(1)))

SOLVED_NUMS := $(call upto,$(SOLVED))
LAYERS := $(foreach k,$(call reverse,$(call upto,$(LAB))),$(if $(filter $(k),$(SOLVED_NUMS)),$(call sol_dir,$(k))) $(call lab_dir,$(k)))
LABS_UP_TO := $(foreach k,$(call upto,$(LAB)),$(call lab_dir,$(k)))

ifeq ($(SOLVED),$(LAB))
VARIANT := lab$(LAB)-sol
else ifeq ($(SOLVED),0)
VARIANT := lab$(LAB)
else
VARIANT := lab$(LAB)-solved$(SOLVED)
endif
B := build/$(VARIANT)

# $(call rel,PATTERNS): relative paths matching any pattern in any layer.
rel = $(sort $(foreach L,$(LAYERS),$(patsubst $(L)/%,%,$(wildcard $(addprefix $(L)/,$(1))))))
# $(call pick,REL): the file that provides relative path REL.
pick = $(firstword $(wildcard $(addsuffix /$(1),$(LAYERS))))
# $(call obj,REL): its object file, named after the file that provides
# REL: when another layer starts (or stops) providing it, the object
# changes too, and nothing stale is ever linked.
obj = $(B)/obj/$(basename $(call pick,$(1))).o
host_obj = $(B)/host/$(basename $(call pick,$(1))).o

INCLUDES := $(addprefix -I,$(wildcard $(addsuffix /include,$(LAYERS))))
