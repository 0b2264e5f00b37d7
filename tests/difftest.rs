//! Fixed-seed smoke run of the differential tester (tools/difftest): random generator and
//! asyncio programs must print, exit and fail exactly as CPython 3.11 does. Runs when a
//! python3 3.11 is on the PATH (the oracle); the full 10,000-program run is on demand
//! (tools/difftest/README.md).

use std::process::Command;

/// Programs from each generator.
const PROGRAMS: u32 = 30;

fn python311() -> bool {
    Command::new("python3")
        .args(["-c", "import sys; assert sys.version_info[:2] == (3, 11)"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn generated_programs_agree_with_cpython() {
    if !python311() {
        eprintln!("skipped: no python3 3.11 to compare with");
        return;
    }
    let tools = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/difftest");
    let dir = std::env::temp_dir().join(format!("pyco-difftest-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // Asyncio and generator programs (gen.py), and core-language ones (gen_core.py).
    for (script, extra) in [("gen.py", Some("--avoid-known")), ("gen_core.py", None)] {
        let gen = Command::new("python3")
            .arg(format!("{tools}/{script}"))
            .arg(&dir)
            .args(["0", &PROGRAMS.to_string()])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            gen.status.success(),
            "{}",
            String::from_utf8_lossy(&gen.stderr)
        );
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 2 * PROGRAMS as usize);
    let run = Command::new("python3")
        .arg(format!("{tools}/runner.py"))
        // Two retries, alone: the asyncio programs race sleeps 10 ms apart, which a
        // loaded CI machine can reorder (see runner.py).
        .args(["-q", "-j", "2", "--retries", "2"])
        .args(&files)
        .env("PYCO", env!("CARGO_BIN_EXE_pyco"))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "divergences from CPython:\n{report}");
    assert!(
        report.contains(&format!("{} run, 0 diverged", 2 * PROGRAMS)),
        "{report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
