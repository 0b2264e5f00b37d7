//! A generator suspended 100,000 frames deep in a `yield from` chain resumes, throws and
//! closes without a native stack overflow, printing exactly what CPython prints for the
//! same program 100 deep (tests/cases/yield_from_chain.out, recorded with python3).

use std::process::Command;

#[test]
fn hundred_thousand_deep_yield_from_chain() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/");
    let out = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .arg(format!("{}yield_from_chain.py", dir))
        .arg("100000")
        .output()
        .unwrap();
    let expected = std::fs::read_to_string(format!("{}yield_from_chain.out", dir)).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}
