#!/bin/sh
# Makes the student copy of the kit: everything git tracks except
# solutions/, as build/student-kit.tar.gz (make dist). Hand it out as it
# is; the student tree already holds the exercise stubs.
set -eu
out=build/student-kit.tar.gz
mkdir -p build
git ls-files | grep -v '^solutions/' |
	tar -czf "$out" --transform 's|^|student-kit/|' -T -
echo "wrote $out ($(git ls-files | grep -vc '^solutions/') files, no solutions)"
