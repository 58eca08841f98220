# Layering (DESIGN.md section 3): lab N is built from the directories of
# labs N, N-1, ..., 1. For each relative path (vmm/frame.c, include/...)
# the first layer that has the file provides it; with SOL=1 each
# solutions/labK-* comes before its labK-*. A lab directory holds only what
# that lab adds or replaces.

LAB_DIRS := $(sort $(wildcard lab[1-9]-*))
LAB_MAX := $(words $(LAB_DIRS))
LAB ?= $(LAB_MAX)
SOL ?= 0

ifneq ($(filter-out $(shell seq 1 $(LAB_MAX)),$(LAB)),)
$(error LAB=$(LAB): there are labs 1 to $(LAB_MAX))
endif

# lab_dir K -> lab directory of lab K, e.g. lab1-boot
lab_dir = $(word $(1),$(LAB_DIRS))
sol_dir = $(wildcard solutions/$(call lab_dir,$(1)))

LAB_NUMS := $(shell seq $(LAB) -1 1)
LAYERS := $(foreach k,$(LAB_NUMS),$(if $(filter 1,$(SOL)),$(call sol_dir,$(k))) $(call lab_dir,$(k)))
LABS_UP_TO := $(foreach k,$(shell seq 1 $(LAB)),$(call lab_dir,$(k)))

VARIANT := lab$(LAB)$(if $(filter 1,$(SOL)),-sol)
B := build/$(VARIANT)

# $(call rel,PATTERNS): relative paths matching any pattern in any layer.
rel = $(sort $(foreach L,$(LAYERS),$(patsubst $(L)/%,%,$(wildcard $(addprefix $(L)/,$(1))))))
# $(call pick,REL): the file that provides relative path REL.
pick = $(firstword $(wildcard $(addsuffix /$(1),$(LAYERS))))
# $(call obj,REL): its object file.
obj = $(B)/obj/$(basename $(1)).o

INCLUDES := $(addprefix -I,$(wildcard $(addsuffix /include,$(LAYERS))))
