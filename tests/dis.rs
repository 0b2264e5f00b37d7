//! `pyco -m dis` on the sources in tests/dis/ gives CPython 3.11's opname sequences for
//! every code object (recorded by `python3 tests/regen_dis.py` into *.opnames).

use std::path::Path;
use std::process::Command;

/// `NAME: OPNAME ...` per code object, parsed from the dis text layout.
fn opnames(dis_text: &str) -> String {
    let mut out = vec![];
    let mut name = "<module>".to_string();
    let mut ops: Vec<String> = vec![];
    for line in dis_text.lines() {
        if let Some(rest) = line.strip_prefix("Disassembly of <code object ") {
            out.push(format!("{}: {}", name, ops.join(" ")));
            name = rest.split(' ').next().unwrap_or("").to_string();
            ops.clear();
            continue;
        }
        // Columns: [line] [>>] offset OPNAME ...; the opname is the first upper-case word
        // after the offset.
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(pos) = words
            .iter()
            .position(|w| w.chars().all(|c| c.is_ascii_digit()))
        {
            let mut i = pos;
            // The first number may be the line: the offset is the last number before the opname.
            while i + 1 < words.len()
                && (words[i + 1] == ">>" || words[i + 1].chars().all(|c| c.is_ascii_digit()))
            {
                i += 1;
            }
            if let Some(op) = words.get(i + 1) {
                if op.chars().all(|c| c.is_ascii_uppercase() || c == '_') && !op.is_empty() {
                    ops.push(op.to_string());
                }
            }
        }
    }
    out.push(format!("{}: {}", name, ops.join(" ")));
    out.join("\n") + "\n"
}

fn pyco_dis(path: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pyco"))
        .args(["-m", "dis"])
        .arg(path)
        .output()
        .unwrap()
}

#[test]
fn opname_sequences_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
    let mut checked = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "py") {
            continue;
        }
        let out = pyco_dis(&p);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = opnames(&String::from_utf8_lossy(&out.stdout));
        let expected = std::fs::read_to_string(p.with_extension("opnames")).unwrap();
        assert_eq!(got, expected, "{}", p.display());
        checked += 1;
    }
    assert!(checked >= 2);
}

#[test]
fn dis_runs_on_every_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "py") {
            continue;
        }
        let out = pyco_dis(&p);
        assert!(
            out.status.success(),
            "{}: {}",
            p.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("RESUME"), "{}", p.display());
        assert!(
            text.contains("Disassembly of <code object"),
            "{}",
            p.display()
        );
    }
}
