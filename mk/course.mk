# Running a course on the kit (README.md, "Running a course"): hand-in,
# class grading, the Gradescope bundle, the handout as HTML, and the
# compile database for editors.

.PHONY: handin grade-class gradescope handout compile-commands

# The student's work as build/handin-<user>-lab<N>.tar.gz.
handin:
	@sh tools/handin.sh $(LAB)

# Grade every hand-in in HANDINS (a directory of tarballs or of one
# directory per student) for lab LAB, into build/class/.
HANDINS ?= handins
grade-class:
	+@sh grade/grade-class.sh --lab $(LAB) $(GRADE_CLASS_FLAGS) $(HANDINS)

# build/gradescope-lab<N>.zip: Gradescope's autograder for lab LAB.
gradescope:
	+@sh tools/gradescope.sh --lab $(LAB)

# build/handout/index.html and one page per chapter, link-checked.
handout:
	@sh tools/handout.sh

# build/compile_commands.json for lab LAB (SOL=1/SOLVED=K as for make).
compile-commands:
	+@sh tools/compile-commands.sh $(LAB) $(SOLVED)
