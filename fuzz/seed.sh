#!/bin/sh
# Seed the fuzz corpora from the project's own programs (tests/, examples/, tools/).
set -e
cd "$(dirname "$0")"
for target in compile run; do
    mkdir -p "corpus/$target"
    for f in ../tests/cases/*.py ../examples/*.py ../tests/repl/*.in \
             ../tests/dis/*.py ../tools/difftest/hand/*.py; do
        [ -f "$f" ] && cp "$f" "corpus/$target/$(basename "$f")"
    done
done
echo "seeded: $(ls corpus/compile | wc -l) files per target"
