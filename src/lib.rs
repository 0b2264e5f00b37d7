//! pyco: a small Python interpreter built to make coroutines visible.
//!
//! Pipeline: logos lexer -> indentation layer -> LALRPOP parser -> AST -> compiler ->
//! code objects -> stackless VM with heap frames.

// Index loops over parallel arrays read clearer in the VM's argument binding.
#![allow(clippy::needless_range_loop, clippy::type_complexity)]

pub mod alloc;
pub mod ast;
pub mod bytecode;
mod codecs;
pub mod compiler;
pub mod diagnostics;
pub mod format;
pub mod lexer;
pub mod modules;
pub mod object;
pub mod parser;
pub mod repl;
pub mod settable;
pub mod source;
pub mod text;
pub mod vm;

use object::{Object, PyErr, Value};
use source::SourceFile;
use std::rc::Rc;

/// How running a program ended.
pub enum RunError {
    /// The source did not parse or compile: the rendered diagnostic.
    Syntax(String),
    /// An uncaught exception: the formatted traceback, and the exit code.
    Exception { report: String, exit_code: i32 },
    /// SystemExit: what to print (its message, if it is not a number) and the exit code.
    Exit { report: String, exit_code: i32 },
}

/// An embeddable interpreter: compile and run source in-process.
pub struct Interpreter {
    pub vm: vm::Vm,
    main_globals: Rc<Object>,
}

impl Interpreter {
    pub fn new() -> Interpreter {
        let vm = vm::Vm::new();
        let main_globals = vm.new_module_dict("__main__");
        Interpreter { vm, main_globals }
    }

    /// Compile `text` (named `filename`) to a code object, or a rendered SyntaxError.
    pub fn compile(
        &self,
        filename: &str,
        text: &str,
        mode: compiler::CompileMode,
    ) -> Result<Rc<bytecode::CodeObject>, String> {
        let src = Rc::new(SourceFile::new(filename, text));
        let pmode = match mode {
            compiler::CompileMode::Eval => parser::Mode::Eval,
            compiler::CompileMode::Interactive => parser::Mode::Interactive,
            compiler::CompileMode::Module => parser::Mode::Module,
        };
        let module =
            parser::parse(text, pmode).map_err(|e| diagnostics::render_syntax_error(&src, &e))?;
        let (code, warnings) = compiler::compile_with_warnings(&module, src.clone(), mode)
            .map_err(|e| diagnostics::render_compile_error(&src, &e))?;
        for (span, msg) in warnings {
            // As CPython's warnings module shows them; the source line only when the
            // file can be read back (not for `-c` or the REPL).
            let line = src.line_of(span.start);
            eprintln!("{filename}:{line}: SyntaxWarning: {msg}");
            if !filename.starts_with('<') {
                if let Some(text) = src.line_text(line) {
                    eprintln!("  {}", text.trim());
                }
            }
        }
        Ok(code)
    }

    /// Run a whole program as `__main__`.
    pub fn run_source(&mut self, filename: &str, text: &str) -> Result<(), RunError> {
        let code = self
            .compile(filename, text, compiler::CompileMode::Module)
            .map_err(RunError::Syntax)?;
        vm::dispatch_set_file(&self.main_globals, filename);
        let r = self.vm.run_code(code, self.main_globals.clone());
        let r = r
            .and_then(|_| self.vm.drain_pending())
            .and_then(|_| self.vm.budget_result());
        match r {
            Ok(_) => Ok(()),
            Err(e) => Err(self.exception_report(e)),
        }
    }

    /// Run one REPL input, compiled in CPython's `single` mode: an expression
    /// statement prints its repr and binds `_`. An input with a top-level `await`
    /// compiles to a coroutine, which runs to completion on the REPL's event loop
    /// (`asyncio._repl_run`); that loop persists, so tasks created by one input keep
    /// running while later inputs await. After each input the loop takes the steps that
    /// are ready, so a task just created starts at once.
    pub fn run_interactive(&mut self, text: &str) -> Result<(), RunError> {
        let code = self
            .compile("<stdin>", text, compiler::CompileMode::Interactive)
            .map_err(RunError::Syntax)?;
        vm::clear_sigint();
        let is_coroutine = code.flags & bytecode::flags::COROUTINE != 0;
        let r = self
            .vm
            .run_code(code, self.main_globals.clone())
            .and_then(|v| {
                if is_coroutine {
                    self.call_asyncio("_repl_run", vec![v])
                        .map_err(|e| self.hide_repl_loop_frames(e))?;
                }
                Ok(())
            })
            .and_then(|_| self.asyncio_tick())
            .and_then(|_| self.vm.drain_pending());
        self.flush();
        r.map_err(|e| self.exception_report(e))
    }

    /// A traceback through `_repl_run` starts with the REPL's own event-loop frames;
    /// the user's input is the outermost frame they care about.
    fn hide_repl_loop_frames(&mut self, e: PyErr) -> PyErr {
        let exc = self.vm.materialize(e);
        if let Some(object::Payload::Instance(i)) = exc.payload() {
            if let Some(d) = i.exc() {
                let mut tb = d.traceback.borrow_mut();
                // Innermost first: the loop's frames are at the end.
                while tb
                    .last()
                    .is_some_and(|t| t.code.source.name == "<frozen asyncio>")
                {
                    tb.pop();
                }
            }
        }
        PyErr::Obj(exc)
    }

    /// Enter interactive mode: stdout is flushed at every write, and `asyncio`
    /// (now or when first imported) gets the REPL's persistent event loop.
    pub fn start_repl(&mut self) {
        self.vm.interactive = true;
        self.flush();
        if self.vm.modules.contains_key("asyncio") {
            if let Err(e) = self.call_asyncio("_repl_install", vec![]) {
                let e = self.vm.materialize(e);
                self.vm
                    .report_unraisable(&e, "starting the REPL's event loop");
            }
        }
    }

    /// Let the REPL's event loop run what is ready, if asyncio is in use.
    fn asyncio_tick(&mut self) -> Result<(), PyErr> {
        if self.vm.modules.contains_key("asyncio") {
            self.call_asyncio("_repl_tick", vec![])?;
        }
        Ok(())
    }

    fn call_asyncio(&mut self, name: &str, args: Vec<Value>) -> Result<Value, PyErr> {
        let m = self.vm.import_module("asyncio")?;
        let f = self.vm.getattr(&m, &Value::str(name))?;
        self.vm.call(&f, args, &[])
    }

    /// The `__main__` namespace (the REPL completes names from it).
    pub fn globals(&self) -> &Rc<Object> {
        &self.main_globals
    }

    /// Interpreter shutdown, as CPython's: `__main__` is freed, its values released in
    /// insertion order, so what they held is finalized now: a suspended generator's
    /// `finally` runs, an unawaited coroutine warns.
    pub fn finalize(&mut self) {
        let keys: Vec<Value> = match &self.main_globals.payload {
            object::Payload::Dict(d) => d.borrow().keys(),
            _ => return,
        };
        let name = |k: &Value| k.as_pystr().map(|s| s.as_str().to_string());
        let keys: Vec<Value> = keys
            .into_iter()
            .filter(|k| name(k).is_some_and(|n| n != "__builtins__"))
            .collect();
        // `__del__` methods and generators' `finally` blocks first, while every global
        // is still bound: those of garbage cycles left from the run, then those of what
        // the globals hold.
        object::gc::collect();
        self.drain_at_exit();
        let values: Vec<Value> = keys
            .iter()
            .filter_map(|k| vm::namespace_get(&self.main_globals, &name(k)?))
            .collect();
        self.vm.finalize_globals(&values);
        drop(values);
        self.drain_at_exit();
        for k in keys {
            vm::dispatch_set_item(&self.main_globals, k, Value::None);
            self.drain_at_exit();
        }
        // Cycles left over from the run: CPython's last collection finalizes them.
        object::gc::collect();
        self.drain_at_exit();
        self.flush();
    }

    fn drain_at_exit(&mut self) {
        if let Err(e) = self.vm.drain_pending() {
            let e = self.vm.materialize(e);
            self.vm.report_unraisable(&e, "module teardown");
        }
    }

    /// Turn an uncaught error into its report and exit code (SystemExit handled like CPython).
    pub fn exception_report(&mut self, e: PyErr) -> RunError {
        let exc = self.vm.materialize(e);
        if self
            .vm
            .is_instance_of_kind(&exc, object::ExcKind::SystemExit)
        {
            let args = self.vm.exc_args(&exc);
            let (report, code) = match args.first() {
                None | Some(Value::None) => (String::new(), 0),
                Some(Value::Int(i)) => (String::new(), *i as i32),
                Some(Value::Bool(b)) => (String::new(), *b as i32),
                Some(v) => {
                    let s = self.vm.str_of(v).unwrap_or_default();
                    (format!("{}\n", s), 1)
                }
            };
            return RunError::Exit {
                report,
                exit_code: code,
            };
        }
        let report = self.vm.format_exception(&exc);
        // CPython ends with SIGINT's status (128 + 2) after an uncaught Ctrl-C.
        let exit_code = if self
            .vm
            .is_instance_of_kind(&exc, object::ExcKind::KeyboardInterrupt)
        {
            130
        } else {
            1
        };
        RunError::Exception { report, exit_code }
    }

    /// Limit what the programs run from now on may use (instructions, wall time,
    /// memory); exceeding a limit raises RuntimeError, TimeoutError or MemoryError
    /// ("execution budget exceeded: ..."), again at every later safe point, so the
    /// program stops even if it catches the error.
    pub fn set_limits(&mut self, limits: vm::budget::Limits) {
        self.vm.set_limits(limits);
    }

    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.argv = argv;
    }

    pub fn flush(&mut self) {
        self.vm.flush();
    }
}

impl Drop for Interpreter {
    /// Free what this interpreter made, cycles included, so that an embedder creating
    /// interpreters one after another does not accumulate them: release the roots
    /// (`__main__`, the modules, the builtins), then run the cycle collector, which
    /// frees module namespaces and the functions and classes that refer back to them.
    fn drop(&mut self) {
        let _ = self.vm.drain_pending();
        let mut namespaces = vec![self.main_globals.clone(), self.vm.builtins.clone()];
        for m in std::mem::take(&mut self.vm.modules).into_values() {
            if let Some(object::Payload::Module(md)) = m.payload() {
                namespaces.push(md.dict.clone());
            }
        }
        for ns in namespaces {
            if let object::Payload::Dict(d) = &ns.payload {
                // Taken out first: values are dropped outside the dict's borrow.
                let entries = std::mem::take(&mut *d.borrow_mut());
                drop(entries);
            }
        }
        object::gc::collect();
        // Generators and instances freed just now cannot be finalized without a
        // namespace; they must not wait for (and run in) the next interpreter on this
        // thread. Dropping them can queue more, hence the loop.
        loop {
            let frames =
                vm::generator::FINALIZE_QUEUE.try_with(|q| std::mem::take(&mut *q.borrow_mut()));
            let objects = object::FINALIZABLE.try_with(|q| std::mem::take(&mut *q.borrow_mut()));
            let empty = frames.as_ref().map_or(true, |f| f.is_empty())
                && objects.as_ref().map_or(true, |o| o.is_empty());
            drop(frames);
            drop(objects);
            if empty {
                break;
            }
        }
    }
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}
