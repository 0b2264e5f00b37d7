//! The command line behaves like python3's: exit codes, -c, usage errors, flushing.

mod common;

use common::{last_stderr_line, pyco};
use std::process::Command;

#[test]
fn dash_c_runs_code_with_argv() {
    let o = pyco(&["-c", "import sys; print(sys.argv)", "a", "b"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "['-c', 'a', 'b']\n");
}

#[test]
fn missing_file_is_a_usage_error() {
    let o = pyco(&["/nonexistent/x.py"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(last_stderr_line(&o).contains("can't open file"));
    assert!(last_stderr_line(&o).contains("[Errno 2] No such file or directory"));
}

#[test]
fn unknown_option_is_a_usage_error() {
    let o = pyco(&["--frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn uncaught_exception_keeps_earlier_output() {
    let o = pyco(&["-c", "print('before')\nraise KeyError('k')"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "before\n");
    assert_eq!(last_stderr_line(&o), "KeyError: 'k'");
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("Traceback (most recent call last):"));
}

#[test]
fn syntax_error_exit_1() {
    let o = pyco(&["-c", "print('x')\nif True\n    pass"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(o.stdout, b"");
    assert_eq!(last_stderr_line(&o), "SyntaxError: expected ':'");
}

#[test]
fn sys_exit_codes() {
    assert_eq!(
        pyco(&["-c", "import sys; sys.exit(3)"]).status.code(),
        Some(3)
    );
    let o = pyco(&["-c", "import sys; sys.exit('bye')"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(last_stderr_line(&o), "bye");
}

#[test]
fn opcode_listing_covers_the_table() {
    let o = pyco(&["--opcodes"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    for &op in pyco::bytecode::Opcode::ALL {
        assert!(text.contains(op.name()), "{}", op.name());
    }
}

#[test]
fn relative_script_path_is_made_absolute_like_cpython() {
    // CPython 3.11 records cwd + "/" + path (not normalised) as the script's
    // co_filename, __file__ and traceback name; sys.argv[0] stays as given.
    let dir = std::env::temp_dir().join(format!("pyco-cli-relpath-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("t.py"),
        "import sys\ndef f():\n    return f.__code__.co_filename\nprint(f())\nprint(__file__)\nprint(sys.argv[0])\n1/0\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .arg("./t.py")
        .current_dir(&dir)
        .output()
        .unwrap();
    // The child's getcwd() is the physical path.
    let cwd = dir.canonicalize().unwrap_or(dir.clone());
    let _ = std::fs::remove_dir_all(&dir);
    let full = format!("{}/./t.py", cwd.display());
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("{}\n{}\n./t.py\n", full, full)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains(&format!("File \"{}\", line 7", full)));
}

/// Run `program` with `interpreter`; once it prints its first line ("started"), wait
/// `delay_ms` and send SIGINT; collect (stdout, last stderr line, exit status as a shell
/// reports it). Waiting for the line, not a fixed time, keeps a slow start (a loaded
/// machine) from turning the interrupt into one during startup.
fn interrupt(interpreter: &str, program: &str, delay_ms: u64) -> (String, String, i32) {
    interrupt_with(interpreter, program, delay_ms, libc::SIG_DFL)
}

/// `interrupt`, the child starting with SIGINT's disposition set to `inherited` (a test
/// run from a background job inherits it ignored, and both interpreters keep it so).
fn interrupt_with(
    interpreter: &str,
    program: &str,
    delay_ms: u64,
    inherited: libc::sighandler_t,
) -> (String, String, i32) {
    use std::io::BufRead;
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    let mut command = Command::new(interpreter);
    // SAFETY: signal(2) is async-signal-safe, as pre_exec requires.
    unsafe {
        command.pre_exec(move || {
            libc::signal(libc::SIGINT, inherited);
            Ok(())
        });
    }
    let mut child = command
        .arg(program)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(delay_ms));
    // SAFETY: plain kill(2) on our own child.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let o = child.wait_with_output().unwrap();
    let status = o
        .status
        .code()
        .unwrap_or_else(|| 128 + o.status.signal().unwrap_or(0));
    (first + &rest, last_stderr_line(&o), status)
}

/// Ctrl-C behaves as in CPython: KeyboardInterrupt, `finally` blocks run, exit 130;
/// under asyncio.run the main task is cancelled first and the other tasks cleaned up.
/// Compared with python3 live (skipped where python3 is missing).
#[test]
fn ctrl_c_matches_cpython() {
    let have_python = Command::new("python3").arg("-V").output().is_ok();
    for name in ["sleep_ctrl_c.py", "asyncio_run_ctrl_c.py"] {
        let path = format!("{}/tests/signals/{}", env!("CARGO_MANIFEST_DIR"), name);
        let got = interrupt(env!("CARGO_BIN_EXE_pyco"), &path, 200);
        assert_eq!(got.1, "KeyboardInterrupt", "{}", name);
        assert_eq!(got.2, 130, "{}", name);
        if have_python {
            let want = interrupt("python3", &path, 200);
            assert_eq!(got, want, "{}", name);
        }
    }
}

/// SIGINT inherited ignored stays ignored, as CPython leaves it: the program runs on.
#[test]
fn an_inherited_ignored_sigint_stays_ignored() {
    let dir = std::env::temp_dir().join(format!("pyco-sigign-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("short_sleep.py");
    std::fs::write(
        &path,
        "import time\nprint('started', flush=True)\ntime.sleep(0.6)\nprint('done')\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let got = interrupt_with(env!("CARGO_BIN_EXE_pyco"), path, 100, libc::SIG_IGN);
    assert_eq!(got, ("started\ndone\n".to_string(), String::new(), 0));
    if Command::new("python3").arg("-V").output().is_ok() {
        assert_eq!(got, interrupt_with("python3", path, 100, libc::SIG_IGN));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn is_with_a_literal_is_a_syntax_warning_like_cpython() {
    let o = pyco(&[
        "-c",
        "x = 1\nprint(x is 1, x is not 's', x is None, x is [1])",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "True True False False\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "<string>:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n\
         <string>:2: SyntaxWarning: \"is not\" with a literal. Did you mean \"!=\"?\n"
    );
}

#[test]
fn literal_warnings_follow_cpythons_constant_folding() {
    // Folded (warned): -True, 2 / (2**64), a tuple sum, (1,)[0]. Not folded: 2**100
    // and 10**20 * 10**20 (results over 128 bits), `not 1` (a bool), `'%s' % 1` (string
    // formatting). Recorded from 3.11.
    let o = pyco(&[
        "-c",
        "x = 5\nprint(x is -True, x is 2 / (2**64), x is ((2, -13) + ()), x is 2**100, \
         x is (1,)[0], x is 10**20 * 10**20, x is (not 1), x is '%s' % 1)",
    ]);
    let warning = "<string>:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n";
    assert_eq!(String::from_utf8_lossy(&o.stderr), warning.repeat(4));
}

#[test]
fn subclassing_a_builtin_pyco_lacks_is_a_clear_error() {
    // Outside the subset: instances of such subclasses would silently lack the built-in
    // part, so pyco names what is missing; plain, exception and deque subclasses work.
    let program = "import collections\nclass Q(collections.deque): pass\nclass E(KeyError): pass\n\
                   print(list(Q([1])), repr(E(2)))\nclass L(list): pass\nL()\n";
    let o = pyco(&["-c", program]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "[1] E(2)\n");
    assert_eq!(
        last_stderr_line(&o),
        "TypeError: pyco does not support instances of subclasses of 'list' yet (class 'L')"
    );
}

#[test]
fn assigning_class_or_dict_of_an_instance_is_a_clear_error() {
    // CPython retypes the object or swaps its namespace; pyco cannot, and says so
    // instead of storing a plain attribute of that name. Re-assigning its own class
    // changes nothing, so it works.
    for (program, what) in [
        ("class P: pass\nclass Q: pass\np = P()\np.__class__ = P\nprint('same')\np.__class__ = Q\n", "__class__"),
        ("class P: pass\np = P()\nprint('same')\np.__dict__ = {'a': 1}\n", "__dict__"),
    ] {
        let o = pyco(&["-c", program]);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(String::from_utf8_lossy(&o.stdout), "same\n");
        assert_eq!(
            last_stderr_line(&o),
            format!("TypeError: pyco does not support assigning {what} yet")
        );
    }
}

#[test]
fn except_star_syntax_errors_are_rendered_at_the_clause() {
    // Mixing except and except* points at the second kind's keyword, as CPython does.
    let o = pyco(&[
        "-c",
        "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("except TypeError:"), "{err}");
    assert_eq!(
        last_stderr_line(&o),
        "SyntaxError: cannot have both 'except' and 'except*' on the same 'try'"
    );
}

/// The binary turns transparent huge pages off for itself (see main.rs: they doubled a
/// small script's resident memory). Linux reports the flag in /proc/PID/status.
#[cfg(target_os = "linux")]
#[test]
fn transparent_huge_pages_are_off_for_the_interpreter() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .args(["-c", "import time; time.sleep(0.3)"])
        .spawn()
        .expect("run pyco");
    std::thread::sleep(std::time::Duration::from_millis(100));
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id()));
    child.wait().expect("pyco exits");
    let status = status.expect("read /proc/PID/status");
    // Kernels before 6.x do not report the flag; there is nothing to check then.
    if let Some(line) = status.lines().find(|l| l.starts_with("THP_enabled:")) {
        assert_eq!(line.split_whitespace().nth(1), Some("0"), "{line}");
    }
}

#[test]
fn a_lone_surrogate_is_a_clear_error() {
    // CPython makes the one-character string; pyco's strings are UTF-8 and say so,
    // where they used to say the code point was out of range.
    let o = pyco(&["-c", "print(chr(0xdfff - 1), end='')\n"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        last_stderr_line(&o),
        "ValueError: chr(0xdffe): lone surrogates are not supported by pyco's strings"
    );
    let o = pyco(&["-c", "print(chr(0x110000))\n"]);
    assert_eq!(
        last_stderr_line(&o),
        "ValueError: chr() arg not in range(0x110000)"
    );
}
