#!/bin/sh
# Compiles pyco's own crate with two code-generation flags, named in
# .cargo/config.toml as build.rustc-workspace-wrapper: Cargo runs it as
# `tools/rustc-non-pie.sh RUSTC ARGS...` for this package only, so dependencies
# (proc-macro libraries among them, which must stay position-independent) build as
# usual.
#
# - Position-dependent code (a non-PIE executable): in position-independent code
#   every `match` jump table is relative (load the table's address, load an offset,
#   add, jump); here it is one indirect jump through an absolute table. 3-7% fewer
#   instructions on every benchmark.
# - Functions aligned to 64 bytes: the dispatch loop's blocks then keep their places
#   relative to cache lines when code elsewhere grows or shrinks. Without it an edit
#   of the compiler alone (FxHash maps) moved objects.py by 15% with the same
#   instructions run.
#
# (Cargo does not watch this file: after editing it, `touch src/lib.rs` to rebuild.)
exec "$@" -C relocation-model=static -C llvm-args=-align-all-functions=6
