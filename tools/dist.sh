#!/bin/sh
# Makes the student copy of the kit: everything git tracks except
# solutions/, as build/student-kit.tar.gz (make dist). Hand it out as it
# is; the student tree already holds the exercise stubs.
#
#   tools/dist.sh [OUT.tar.gz]
#
# The copy also gets the files under student/ (the CI workflow
# .github/workflows/grade.yml and the clangd settings .clangd), and
# .kit/: the kit's version and the checksum of every file as handed out
# (.kit/pristine.sha256), from which `make handin` tells the student's
# changes from the kit.
set -eu
out=${1:-build/student-kit.tar.gz}
stage=build/dist
rm -rf "$stage"
mkdir -p "$stage/student-kit/.kit" "$(dirname "$out")"
git ls-files | grep -v '^solutions/' | grep -v '^student/' >"$stage/files"
tar -cf - -T "$stage/files" | (cd "$stage/student-kit" && tar -xf -)
# The student-only files, at the top of the copy.
(cd student && find . -type f ! -name README.md) | while IFS= read -r f; do
	mkdir -p "$stage/student-kit/$(dirname "$f")"
	cp "student/$f" "$stage/student-kit/$f"
done
version=$(git describe --always --dirty --tags 2>/dev/null || echo unknown)
echo "$version" >"$stage/student-kit/.kit/version"
(cd "$stage/student-kit" &&
	find . -type f ! -path './.kit/*' -exec sha256sum {} + |
	sed 's|  \./|  |' | sort -k 2 >.kit/pristine.sha256)
tar -czf "$out" -C "$stage" student-kit
n=$(wc -l <"$stage/student-kit/.kit/pristine.sha256" | tr -d ' ')
rm -rf "$stage"
echo "wrote $out (kit $version, $n files, no solutions)"
