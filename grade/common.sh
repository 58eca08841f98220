#!/bin/sh
# Shell functions shared by grade.sh and bench.sh (sourced, not run).

# How many labs the kit has (lab1-boot, lab2-rings, ...).
lab_count() {
	_labs=0
	for _d in lab[1-9]-*; do
		[ -d "$_d" ] && _labs=$((_labs + 1))
	done
	echo "$_labs"
}

# The build directory of lab $1 with the solutions of labs 1..$2, as
# mk/layers.mk names it.
variant_dir() {
	if [ "$2" = "$1" ]; then
		echo "build/lab$1-sol"
	elif [ "$2" = 0 ]; then
		echo "build/lab$1"
	else
		echo "build/lab$1-solved$2"
	fi
}
