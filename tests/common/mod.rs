//! Helpers shared by the integration tests.

use std::process::{Command, Output};

/// The last non-blank line a process wrote to stderr (what the conformance rules compare).
pub fn last_stderr_line(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

/// Run the pyco binary with `args` and collect its output.
pub fn pyco(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyco"))
        .args(args)
        .output()
        .unwrap()
}
