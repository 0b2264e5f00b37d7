//! Helpers shared by the integration tests.

use std::process::Output;

/// The last non-blank line a process wrote to stderr (what the conformance rules compare).
pub fn last_stderr_line(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}
