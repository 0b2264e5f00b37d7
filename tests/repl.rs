//! The REPL. Sessions in tests/repl/*.in are piped into `pyco -q -i` and must print
//! what CPython printed for them (tests/regen_repl.py); the editor paths (Ctrl-C,
//! Ctrl-D, history, Tab, top-level await across inputs) are driven through a
//! pseudo-terminal, as a person at a terminal would.

use rexpect::session::{spawn_command, PtySession};
use std::io::Write;
use std::process::{Command, Stdio};

fn pyco() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyco"))
}

/// Feed `input` to `pyco -q -i` through a pipe: (stdout, stderr, exit code).
fn piped(input: &str) -> (String, String, i32) {
    piped_with(&["-q".as_ref(), "-i".as_ref()], input)
}

/// Feed `input` to pyco run with `args` through a pipe: (stdout, stderr, exit code).
fn piped_with(args: &[&std::ffi::OsStr], input: &str) -> (String, String, i32) {
    let mut child = pyco()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code().unwrap_or(-1),
    )
}

#[test]
fn piped_sessions_print_what_cpython_printed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/repl");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "in") {
            continue;
        }
        let input = std::fs::read_to_string(&path).unwrap();
        let want = std::fs::read_to_string(path.with_extension("out")).unwrap();
        let (out, err, code) = piped(&input);
        assert_eq!(
            out,
            want,
            "{}: stdout differs; stderr:\n{err}",
            path.display()
        );
        assert_eq!(code, 0, "{}", path.display());
        n += 1;
    }
    assert!(n >= 3, "sessions found: {n}");
}

#[test]
fn errors_are_reported_and_the_session_goes_on() {
    let (out, err, code) = piped("1/0\nundefined_name\ndef f(:\n\nprint('alive')\n");
    assert_eq!(out, "alive\n");
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
    assert!(
        err.contains("NameError: name 'undefined_name' is not defined"),
        "{err}"
    );
    assert!(err.contains("SyntaxError: invalid syntax"), "{err}");
    assert_eq!(code, 0);
}

#[test]
fn prompts_go_to_stderr_and_blocks_wait_for_a_blank_line() {
    let (out, err, _) = piped("if True:\n    print('in block')\n\n");
    assert_eq!(out, "in block\n");
    assert_eq!(err, ">>> ... ... >>> \n");
}

#[test]
fn sys_exit_ends_the_session_with_its_code() {
    let (out, _, code) = piped("print('before')\nimport sys; sys.exit(3)\nprint('never')\n");
    assert_eq!(out, "before\n");
    assert_eq!(code, 3);
}

#[test]
fn dash_i_keeps_the_scripts_globals() {
    let dir = std::env::temp_dir().join(format!("pyco-repl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("script.py");
    std::fs::write(&script, "answer = 42\nprint('script ran')\n").unwrap();
    let (out, _, code) = piped_with(&["-i".as_ref(), script.as_os_str()], "answer + 1\n");
    assert_eq!(out, "script ran\n43\n");
    assert_eq!(code, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn top_level_await_is_only_for_the_repl() {
    let o = pyco().args(["-c", "await x"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("SyntaxError: 'await' outside function"));
}

// ---- through a pseudo-terminal ---------------------------------------------------

/// Start `pyco -q` on a pty, with its history in `history` (None: no history).
fn terminal(history: Option<&std::path::Path>) -> PtySession {
    let mut cmd = pyco();
    cmd.arg("-q").env("TERM", "xterm");
    match history {
        Some(p) => cmd.env("PYCO_HISTORY", p),
        None => cmd.env("PYCO_HISTORY", ""),
    };
    let mut p = spawn_command(cmd, Some(20_000)).unwrap();
    p.exp_string(">>> ").unwrap();
    p
}

/// Type a line and wait for the next primary prompt.
fn enter(p: &mut PtySession, line: &str) -> String {
    p.send_line(line).unwrap();
    p.exp_string(">>> ").unwrap()
}

/// Type a line and wait until `output` appears (the typed echo must not contain it: the
/// editor redraws the prompt as it edits, so waiting for the prompt alone can race),
/// then for the next prompt; everything printed up to `output`. (A Ctrl-D sent before
/// the prompt is back can be lost: `exit_code` then waited for an exit under load.)
fn shows(p: &mut PtySession, line: &str, output: &str) -> String {
    assert!(!line.contains(output), "{line:?} would match its own echo");
    p.send_line(line).unwrap();
    let out = p.exp_string(output).unwrap();
    p.exp_string(">>> ").unwrap();
    out
}

/// Ctrl-D at the prompt (the caller has seen it: a Ctrl-D sent while code still runs
/// meets the terminal in cooked mode, where it is no key for the editor to read).
fn exit_code(p: &mut PtySession) -> i32 {
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    // rexpect hands back nix's WaitStatus; its Debug form is `Exited(Pid(N), CODE)`.
    let status = format!("{:?}", p.process().wait().unwrap());
    let code = status
        .strip_prefix("Exited(")
        .and_then(|s| s.rsplit_once(", "))
        .and_then(|(_, c)| c.trim_end_matches(')').parse().ok());
    code.unwrap_or_else(|| panic!("did not exit normally: {status}"))
}

#[test]
fn terminal_multiline_definitions_underscore_and_errors() {
    let mut p = terminal(None);
    p.send_line("def greet(name):").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    return 'hello ' + name").unwrap();
    p.exp_string("... ").unwrap();
    let out = enter(&mut p, "");
    assert!(!out.contains("Error"), "{out}");
    shows(&mut p, "greet('pty')", "'hello pty'");
    shows(&mut p, "_.upper()", "'HELLO PTY'");
    shows(&mut p, "1/0", "ZeroDivisionError: division by zero");
    shows(&mut p, "print(6 * 7)", "42");
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn terminal_ctrl_c_interrupts_running_code_and_discards_a_line() {
    let mut p = terminal(None);
    p.send_line("while True: pass").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    // Ctrl-C at the prompt throws away the half-typed line.
    p.send("print('discarded'").unwrap();
    p.send_control('c').unwrap();
    // rustyline drops keys typed ahead of an interrupted line: wait for the new prompt.
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();
    let out = shows(&mut p, "print('st' + 'ill alive')", "still alive");
    assert!(!out.contains("discarded\r\n"), "{out}");
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn terminal_history_survives_a_restart() {
    let dir = std::env::temp_dir().join(format!("pyco-history-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("history");
    let _ = std::fs::remove_file(&file);
    let mut p = terminal(Some(&file));
    enter(&mut p, "print('remembered' * 2)");
    assert_eq!(exit_code(&mut p), 0);
    let mut p = terminal(Some(&file));
    // Up arrow recalls the line typed in the last session.
    // (The editor redraws the prompt as it edits, so wait for the output itself.)
    p.send("\x1b[A").unwrap();
    p.send_line("").unwrap();
    p.exp_string("rememberedremembered").unwrap();
    p.exp_string(">>> ").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn terminal_tab_completes_names_and_attributes() {
    let mut p = terminal(None);
    enter(&mut p, "import asyncio");
    enter(&mut p, "unusual_variable_name = 'completed'");
    // (The editor redraws the prompt as it edits, so wait for the output itself.)
    p.send("unusual_var\t").unwrap();
    p.send_line("").unwrap();
    p.exp_string("'completed'").unwrap();
    p.send("asyncio.create_t\t").unwrap();
    p.send_line("").unwrap();
    p.exp_string("<function create_task").unwrap();
    p.exp_string(">>> ").unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn terminal_top_level_await_with_a_task_from_an_earlier_input() {
    let mut p = terminal(None);
    enter(&mut p, "import asyncio");
    p.send_line("async def slow(x):").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    await asyncio.sleep(0.2)").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    return x * 10").unwrap();
    p.exp_string("... ").unwrap();
    enter(&mut p, "");
    enter(&mut p, "t = asyncio.create_task(slow(7))");
    shows(&mut p, "t.done(), await t, t.done()", "(False, 70, True)");
    // Ctrl-C during an await cancels that input and returns to the prompt.
    p.send_line("await asyncio.sleep(30)").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    shows(&mut p, "print(await slow(5))", "50");
    assert_eq!(exit_code(&mut p), 0);
}
