//! The interactive prompt: `pyco` on a terminal, `pyco -i FILE`, or `pyco -i` reading
//! lines from a pipe. Each finished input runs through `Interpreter::run_interactive`
//! (single mode, top-level await on a persistent event loop); `input` decides when an
//! input is finished and `complete` offers Tab completions.

pub mod complete;
pub mod input;

use crate::{Interpreter, RunError};
use input::Verdict;
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor};
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::rc::Rc;

/// The environment variable naming the history file (empty: keep no history).
pub const HISTORY_ENV: &str = "PYCO_HISTORY";

const BANNER: &str = concat!(
    "pyco ",
    env!("CARGO_PKG_VERSION"),
    " (a Python 3.11 subset)",
    "\nTop-level await works here. Look inside with dis.dis(f), gen.gi_frame, coro.cr_await; Ctrl-D exits.\n"
);

/// Run the REPL on `interp`'s `__main__` until end of input or SystemExit; the exit code.
pub fn run(interp: Interpreter, quiet: bool) -> i32 {
    let interp = Rc::new(RefCell::new(interp));
    interp.borrow_mut().start_repl();
    let mut lines: Box<dyn LineSource> = if std::io::stdin().is_terminal() {
        match Terminal::new(interp.clone()) {
            Ok(t) => Box::new(t),
            Err(e) => {
                eprintln!("pyco: cannot start the line editor: {e}");
                Box::new(Piped)
            }
        }
    } else {
        Box::new(Piped)
    };
    if !quiet {
        eprint!("{BANNER}");
    }
    let mut buf = String::new();
    // Lines of a multi-line paste not yet taken, in order.
    let mut pasted: std::collections::VecDeque<String> = Default::default();
    let code = loop {
        let prompt = if buf.is_empty() { ">>> " } else { "... " };
        let next = match pasted.pop_front() {
            Some(line) => Line::Text(line),
            None => lines.read(prompt),
        };
        let line = match next {
            // A paste arrives as one text: take it a line at a time, as if typed, so
            // that several statements pasted at once all run (CPython 3.11 refuses).
            Line::Text(text) if text.contains('\n') => {
                pasted.extend(text.split('\n').map(str::to_string));
                continue;
            }
            Line::Text(line) => line,
            Line::Interrupted => {
                eprintln!("KeyboardInterrupt");
                buf.clear();
                continue;
            }
            Line::Eof => {
                // Input that ended early is run (or reported) as it stands, like CPython.
                let last = (!buf.trim().is_empty()).then(|| execute(&interp, &buf));
                eprintln!();
                break last.flatten().unwrap_or(0);
            }
        };
        if !buf.is_empty() {
            buf.push('\n');
        }
        buf.push_str(&line);
        match input::classify(&buf) {
            Verdict::Empty => buf.clear(),
            Verdict::More => {}
            Verdict::Run | Verdict::Error(_) => {
                let text = std::mem::take(&mut buf);
                if let Some(code) = execute(&interp, &text) {
                    break code;
                }
            }
        }
    };
    drop(lines);
    let mut interp = interp.borrow_mut();
    interp.finalize();
    code
}

/// Run one input and print what went wrong; Some(exit code) when it raised SystemExit.
fn execute(interp: &Rc<RefCell<Interpreter>>, text: &str) -> Option<i32> {
    // The editor (and its completer) is idle while code runs: this borrow is the only one.
    let r = interp.borrow_mut().run_interactive(text);
    let _ = std::io::stdout().flush();
    match r {
        Ok(()) => None,
        Err(RunError::Syntax(report)) | Err(RunError::Exception { report, .. }) => {
            eprint!("{report}");
            None
        }
        Err(RunError::Exit { report, exit_code }) => {
            eprint!("{report}");
            Some(exit_code)
        }
    }
}

enum Line {
    Text(String),
    Interrupted,
    Eof,
}

trait LineSource {
    fn read(&mut self, prompt: &str) -> Line;
}

/// Lines from a pipe: prompts go to stderr, as CPython's do when stdin is not a terminal.
struct Piped;

impl LineSource for Piped {
    fn read(&mut self, prompt: &str) -> Line {
        eprint!("{prompt}");
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(_) => {
                let trimmed = line.trim_end_matches(['\n', '\r']).len();
                line.truncate(trimmed);
                Line::Text(line)
            }
        }
    }
}

/// A terminal: rustyline with persistent history and Tab completion.
struct Terminal {
    editor: Editor<PycoHelper, FileHistory>,
    history: Option<PathBuf>,
}

impl Terminal {
    fn new(interp: Rc<RefCell<Interpreter>>) -> rustyline::Result<Terminal> {
        let config = Config::builder()
            .completion_type(CompletionType::List)
            .auto_add_history(false)
            .build();
        let mut editor = Editor::with_config(config)?;
        editor.set_helper(Some(PycoHelper { interp }));
        let history = history_path();
        if let Some(path) = &history {
            // A missing file is a first session, not an error.
            let _ = editor.load_history(path);
        }
        Ok(Terminal { editor, history })
    }
}

impl LineSource for Terminal {
    fn read(&mut self, prompt: &str) -> Line {
        match self.editor.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = self.editor.add_history_entry(line.as_str());
                    if let Some(path) = &self.history {
                        // Appended at once, so a session that is killed keeps its history.
                        let _ = self.editor.append_history(path);
                    }
                }
                Line::Text(line)
            }
            Err(ReadlineError::Interrupted) => Line::Interrupted,
            Err(_) => Line::Eof,
        }
    }
}

/// `$PYCO_HISTORY` if set (empty turns history off), else `~/.pyco_history`.
fn history_path() -> Option<PathBuf> {
    match std::env::var_os(HISTORY_ENV) {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyco_history")),
    }
}

/// rustyline's helper: completion from the live interpreter; no hints or colours.
struct PycoHelper {
    interp: Rc<RefCell<Interpreter>>,
}

impl Completer for PycoHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = &line[..pos];
        if before.trim().is_empty() {
            // Tab at the start of a line indents, as in CPython's REPL.
            return Ok((pos, vec!["    ".to_string()]));
        }
        let start = complete::word_start(before);
        // Called from inside readline, when no input is running: the borrow is free.
        let Ok(mut interp) = self.interp.try_borrow_mut() else {
            return Ok((pos, vec![]));
        };
        Ok((start, complete::completions(&mut interp, &before[start..])))
    }
}

impl Hinter for PycoHelper {
    type Hint = String;
}

impl Highlighter for PycoHelper {}

impl Validator for PycoHelper {}

impl rustyline::Helper for PycoHelper {}
