//! pyco: a small Python interpreter built to make coroutines visible.
//!
//! Pipeline: logos lexer -> indentation layer -> LALRPOP parser -> AST -> compiler ->
//! code objects -> stackless VM with heap frames.

// Index loops over parallel arrays read clearer in the VM's argument binding.
#![allow(clippy::needless_range_loop, clippy::type_complexity)]

pub mod ast;
pub mod bytecode;
pub mod compiler;
pub mod diagnostics;
pub mod format;
pub mod lexer;
pub mod modules;
pub mod object;
pub mod parser;
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
    /// An uncaught exception: the formatted traceback, and the exit code (SystemExit).
    Exception { report: String, exit_code: i32 },
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
        compiler::compile(&module, src.clone(), mode)
            .map_err(|e| diagnostics::render_compile_error(&src, &e))
    }

    /// Run a whole program as `__main__`.
    pub fn run_source(&mut self, filename: &str, text: &str) -> Result<(), RunError> {
        let code = self
            .compile(filename, text, compiler::CompileMode::Module)
            .map_err(RunError::Syntax)?;
        vm::dispatch_set_file(&self.main_globals, filename);
        let r = self.vm.run_code(code, self.main_globals.clone());
        let r = r.and_then(|_| self.vm.drain_pending());
        match r {
            Ok(_) => Ok(()),
            Err(e) => Err(self.exception_report(e)),
        }
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
        for k in keys
            .iter()
            .filter(|k| name(k).is_some_and(|n| n != "__builtins__"))
        {
            vm::dispatch_set_item(&self.main_globals, k.clone(), Value::None);
            if let Err(e) = self.vm.drain_pending() {
                let e = self.vm.materialize(e);
                self.vm.report_unraisable(&e, "module teardown");
            }
        }
        self.flush();
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
            return RunError::Exception {
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

    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.argv = argv;
    }

    pub fn flush(&mut self) {
        self.vm.flush();
    }
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}
