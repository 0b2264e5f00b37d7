//! Runs every tests/cases/*.py and examples/*.py with the pyco binary and compares
//! stdout, the exit status and the last stderr line with CPython 3.11's recorded
//! output (regenerate with `python3 tests/regen.py`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = vec![];
    for dir in ["tests/cases", "examples"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "py") {
                v.push(p);
            }
        }
    }
    v.sort();
    v
}

fn check(path: &Path) -> Result<(), String> {
    check_with(path, false)
}

fn check_with(path: &Path, gc_stress: bool) -> Result<(), String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyco"));
    cmd.arg(path);
    if gc_stress {
        cmd.env("PYCO_GC_STRESS", "1");
    }
    let out = cmd.output().map_err(|e| e.to_string())?;
    let expected =
        std::fs::read(path.with_extension("out")).map_err(|e| format!("no .out: {}", e))?;
    let mut problems = vec![];
    if out.stdout != expected {
        problems.push(format!(
            "stdout differs:\n--- expected\n{}\n--- got\n{}",
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    let (code, last) = match std::fs::read_to_string(path.with_extension("err")) {
        Ok(s) => {
            let mut l = s.lines();
            (
                l.next().unwrap().trim().parse::<i32>().unwrap(),
                l.next().map(|s| s.to_string()),
            )
        }
        Err(_) => (0, None),
    };
    if out.status.code() != Some(code) {
        problems.push(format!(
            "exit status {:?}, expected {}",
            out.status.code(),
            code
        ));
    }
    if let Some(last) = last {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let got = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        if got.trim_end() != last.trim_end() {
            problems.push(format!("last stderr line {:?}, expected {:?}", got, last));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn programs_match_cpython() {
    let mut failures = vec![];
    let all = programs();
    assert!(!all.is_empty());
    for p in &all {
        if let Err(e) = check(p) {
            failures.push(format!("{}: {}", p.display(), e));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n\n")
    );
}

/// The same programs with the cycle collector running every few dozen allocations: it
/// must never free anything still in use.
#[test]
fn programs_match_cpython_under_gc_stress() {
    let mut failures = vec![];
    for p in &programs() {
        if let Err(e) = check_with(p, true) {
            failures.push(format!("{}: {}", p.display(), e));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
