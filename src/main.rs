//! The `pyco` command: run a script (`pyco FILE`, `pyco -c CODE`), like python3, or
//! open the REPL (`pyco` on a terminal, `pyco -i FILE`).

use pyco::{Interpreter, RunError};
use std::io::{IsTerminal, Write};

#[global_allocator]
static GLOBAL: pyco::alloc::MiMalloc = pyco::alloc::MiMalloc;

const USAGE: &str = "usage: pyco [option] ... [-c cmd | file | -] [arg] ...
Options:
  -m dis FILE   disassemble FILE (like python3 -m dis)
  --opcodes     list the instruction set, one line each
  -c cmd   program passed in as string
  -i       inspect interactively after running the script (the REPL)
  -q       don't print the version banner on entering the REPL
  --max-instructions N   stop after N bytecode instructions (RuntimeError)
  --max-time SECONDS     stop after this much wall time (TimeoutError)
  --max-memory MIB       stop when the process uses more memory (MemoryError)
  -h       print this help message and exit (also --help)
  -V       print the Python version number and exit (also --version)
";

fn main() {
    disable_transparent_huge_pages();
    pyco::alloc::return_freed_pages_promptly();
    // The interpreter runs on a thread with a large stack: native recursion (nested
    // runs from builtins, deep ASTs) is capped well below what this stack allows.
    let child = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(real_main)
        .expect("spawn interpreter thread");
    let code = child.join().unwrap_or(70);
    std::process::exit(code);
}

/// pyco's heap is many small objects. With transparent huge pages the allocator's
/// arenas get 2 MiB pages as they are touched: a small script's resident memory was
/// 11 MiB instead of 5.4, and memory.py's 100,000 waiting tasks peaked at 149 MiB
/// instead of 140 (and ran 30% slower, faulting in huge pages). The cost is a few
/// percent on large, scattered heaps (loops.py +6%, async_gather_tree +9%; 5 runs
/// side by side). mimalloc is built without its madvise(MADV_HUGEPAGE) (the `no_thp`
/// feature), which is enough where THP is "madvise"; where it is "always", this flag
/// keeps the pages faulted after startup small. Process-wide, so the binary decides
/// it, not the library.
#[cfg(target_os = "linux")]
fn disable_transparent_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE only sets a flag on this process; a failure (an old
    // kernel) leaves the default in place.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn disable_transparent_huge_pages() {}

fn real_main() -> i32 {
    let args: Vec<String> = std::env::args().collect();
    // Leading flags: -i (inspect: the REPL after the script), -q (no banner), and the
    // execution budget (--max-instructions N, --max-time SECONDS, --max-memory MIB).
    let mut i = 1;
    let (mut inspect, mut quiet) = (false, false);
    let mut limits = pyco::vm::budget::Limits::default();
    while let Some(flag) = args.get(i) {
        match flag.as_str() {
            "-i" => inspect = true,
            "-q" => quiet = true,
            "--max-instructions" | "--max-time" | "--max-memory" => {
                let value = args.get(i + 1).map(|v| v.as_str()).unwrap_or("");
                let ok = match flag.as_str() {
                    "--max-instructions" => {
                        value.parse().map(|n| limits.instructions = Some(n)).is_ok()
                    }
                    "--max-time" => value
                        .parse::<f64>()
                        .ok()
                        .and_then(|s| std::time::Duration::try_from_secs_f64(s).ok())
                        .map(|d| limits.time = Some(d))
                        .is_some(),
                    _ => value
                        .parse::<f64>()
                        .ok()
                        .filter(|m| *m >= 0.0)
                        .map(|m| limits.memory = Some((m * (1u64 << 20) as f64) as u64))
                        .is_some(),
                };
                if !ok {
                    eprintln!("{flag} needs a non-negative number, not {value:?}");
                    eprint!("{}", USAGE);
                    return 2;
                }
                i += 1;
            }
            _ => break,
        }
        i += 1;
    }
    // The program to run: (file name, source, sys.argv), or None for the REPL alone.
    let script = 'args: {
        let Some(a) = args.get(i) else {
            if inspect || std::io::stdin().is_terminal() {
                break 'args None;
            }
            // No script and stdin is not a terminal: read stdin as a program.
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
            break 'args Some(("<stdin>".to_string(), s, vec![String::new()]));
        };
        match a.as_str() {
            "-h" | "--help" => {
                print!("{}", USAGE);
                return 0;
            }
            "--opcodes" => {
                // The instruction set, one line each, from the opcode table.
                for &op in pyco::bytecode::Opcode::ALL {
                    println!("{:>3} {:<28} {}", op as u8, op.name(), op.doc());
                }
                return 0;
            }
            "-V" | "--version" => {
                println!("Python 3.11.7 (pyco {})", env!("CARGO_PKG_VERSION"));
                return 0;
            }
            "-m" => {
                let Some(module) = args.get(i + 1) else {
                    eprintln!("Argument expected for the -m option");
                    eprint!("{}", USAGE);
                    return 2;
                };
                if module != "dis" {
                    eprintln!("{}: No module named {}", args[0], module);
                    return 1;
                }
                return dis_main(&args[i + 2..]);
            }
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    eprintln!("Argument expected for the -c option");
                    eprint!("{}", USAGE);
                    return 2;
                };
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                break 'args Some(("<string>".to_string(), code.clone(), argv));
            }
            "-" => {
                let mut s = String::new();
                let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
                break 'args Some(("<stdin>".to_string(), s, args[i..].to_vec()));
            }
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("unknown option {}", s);
                eprint!("{}", USAGE);
                return 2;
            }
            path => match read_script(&args[0], path) {
                Ok(text) => break 'args Some((script_path(path), text, args[i..].to_vec())),
                Err(code) => return code,
            },
        }
    };
    let mut interp = Interpreter::new();
    pyco::vm::install_sigint_handler();
    interp.set_limits(limits);
    let Some((name, text, argv)) = script else {
        interp.set_argv(vec![String::new()]);
        return pyco::repl::run(interp, quiet);
    };
    interp.set_argv(argv);
    let r = interp.run_source(&name, &text);
    interp.flush();
    let _ = std::io::stdout().flush();
    let code = match r {
        Ok(()) => 0,
        Err(RunError::Syntax(report)) => {
            eprint!("{}", report);
            if !inspect {
                // Nothing ran, so there is nothing to finalize.
                return 1;
            }
            1
        }
        Err(RunError::Exception { report, exit_code } | RunError::Exit { report, exit_code }) => {
            eprint!("{}", report);
            exit_code
        }
    };
    if inspect {
        // `-i`: whatever happened, explore the program's globals at the prompt.
        return pyco::repl::run(interp, true);
    }
    // As at CPython's exit: what the program's globals held is finalized now.
    interp.finalize();
    let _ = std::io::stdout().flush();
    // The process ends now: the OS takes the memory back faster than tearing down every
    // object one by one (Interpreter's Drop is for embedders running many programs).
    std::mem::forget(interp);
    code
}

/// `path` made absolute for an error message (as given if that fails).
fn absolute(path: &str) -> String {
    std::fs::canonicalize(path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.to_string())
}

/// The text of the script at `path`, or the exit code after CPython's message.
fn read_script(argv0: &str, path: &str) -> Result<String, i32> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "{}: can't open file '{}': [Errno {}] {}",
                argv0,
                absolute(path),
                e.raw_os_error().unwrap_or(2),
                strip_os_error(&e)
            );
            return Err(2);
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        let pos = e.utf8_error().valid_up_to();
        let byte = e.as_bytes()[pos];
        eprintln!(
            "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            byte,
            absolute(path),
            e.as_bytes()[..pos].iter().filter(|&&b| b == b'\n').count() + 1
        );
        1
    })
}

fn strip_os_error(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `pyco -m dis FILE`: print the bytecode of FILE and its nested code objects.
fn dis_main(args: &[String]) -> i32 {
    let Some(path) = args.first() else {
        eprintln!("usage: pyco -m dis FILE");
        return 2;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "pyco -m dis: can't open file '{}': {}",
                path,
                strip_os_error(&e)
            );
            return 2;
        }
    };
    let mut interp = Interpreter::new();
    match interp.compile(path, &text, pyco::compiler::CompileMode::Module) {
        Ok(code) => {
            let out = pyco::modules::dis::dis_text(&mut interp.vm, &code);
            print!("{}", out);
            0
        }
        Err(report) => {
            eprint!("{}", report);
            1
        }
    }
}

/// The file name of the main script, as CPython 3.11 records it (`co_filename`,
/// `__file__`, tracebacks): a relative path is joined to the working directory
/// without normalisation (`_Py_abspath`: `./t.py` becomes `/cwd/./t.py`);
/// `sys.argv[0]` keeps the path as given.
fn script_path(path: &str) -> String {
    if path.is_empty() || std::path::Path::new(path).is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.display(), path),
        Err(_) => path.to_string(),
    }
}
