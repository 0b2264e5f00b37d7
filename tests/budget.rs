//! Execution budgets: `--max-instructions`, `--max-time`, `--max-memory` and
//! `Interpreter::set_limits` stop a program with a clear error, even one that catches it.

mod common;

use common::{last_stderr_line, pyco};
use pyco::vm::budget::Limits;
use pyco::{Interpreter, RunError};
use std::time::{Duration, Instant};

#[test]
fn instruction_budget_stops_an_endless_loop() {
    let o = pyco(&["--max-instructions", "10000", "-c", "while True: pass"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        last_stderr_line(&o),
        "RuntimeError: execution budget exceeded: 10000 instructions"
    );
}

#[test]
fn instruction_budget_stops_deep_recursion_and_while_conditions() {
    let o = pyco(&[
        "--max-instructions",
        "5000",
        "-c",
        "def f(n): return f(n - 1) + 1 if n else 0\nsys = __import__('sys')\nsys.setrecursionlimit(100000)\nf(50000)",
    ]);
    assert!(last_stderr_line(&o).contains("execution budget exceeded"));
    let o = pyco(&[
        "--max-instructions",
        "5000",
        "-c",
        "i = 0\nwhile i >= 0: i += 1",
    ]);
    assert!(last_stderr_line(&o).contains("execution budget exceeded"));
}

#[test]
fn a_program_within_budget_runs_normally() {
    let o = pyco(&[
        "--max-instructions",
        "1000000",
        "-c",
        "print(sum(i * i for i in range(1000)))",
    ]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "332833500\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn catching_the_budget_error_does_not_escape_it() {
    let program = "
n = 0
while True:
    try:
        while True:
            n += 1
    except BaseException as e:
        print('caught', type(e).__name__)
print('unreachable')
";
    let o = pyco(&["--max-instructions", "20000", "-c", program]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "caught RuntimeError\n");
    assert_eq!(o.status.code(), Some(1));
    // Caught at the end, with no safe point after it: the run still fails.
    let o = pyco(&[
        "--max-instructions",
        "2000",
        "-c",
        "try:\n  while True: pass\nexcept RuntimeError:\n  print('caught')",
    ]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "caught\n");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn time_budget_wakes_sleeps_and_the_event_loop() {
    for program in [
        "import time\ntime.sleep(30)",
        "import asyncio\nasync def main(): await asyncio.sleep(30)\nasyncio.run(main())",
        "while True: pass",
    ] {
        let start = Instant::now();
        let o = pyco(&["--max-time", "0.3", "-c", program]);
        assert!(start.elapsed() < Duration::from_secs(10), "{program}");
        assert_ne!(o.status.code(), Some(0), "{program}");
        assert!(
            String::from_utf8_lossy(&o.stderr)
                .contains("TimeoutError: execution budget exceeded: 0.3 seconds of wall time"),
            "{program}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn memory_budget_stops_growth() {
    let o = pyco(&[
        "--max-memory",
        "64",
        "-c",
        "x = []\nwhile True: x.append([0] * 1000)",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        last_stderr_line(&o),
        "MemoryError: execution budget exceeded: 64 MiB of memory"
    );
}

#[test]
fn bad_budget_values_are_usage_errors() {
    let o = pyco(&["--max-time", "soon", "-c", "pass"]);
    assert_eq!(o.status.code(), Some(2));
    let o = pyco(&["--max-instructions", "-c", "pass"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn embedders_set_limits_on_the_interpreter() {
    let mut interp = Interpreter::new();
    interp.set_limits(Limits {
        instructions: Some(50_000),
        ..Limits::default()
    });
    match interp.run_source("<budget>", "while True: pass\n") {
        Err(RunError::Exception { report, exit_code }) => {
            assert_eq!(exit_code, 1);
            assert!(
                report.ends_with("RuntimeError: execution budget exceeded: 50000 instructions\n"),
                "{report}"
            );
        }
        _ => panic!("the loop should have been stopped"),
    }
}
