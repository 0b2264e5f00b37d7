//! AST -> code objects. Passes as CPython 3.11: symbol table, code generation into
//! instructions with labels and pseudo handler blocks, then assembly (jump resolution,
//! stack depth, exception table).

mod assemble;
mod expr;
mod fold;
mod stmt;
pub mod symtable;

use crate::ast::{self, Span};
use crate::bytecode::{flags, CodeObject, Opcode};
use crate::object::{Payload, Value};
use crate::source::SourceFile;
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;
use symtable::{NameScope, ScopeKind, SymbolTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// A script or module.
    Module,
    /// One REPL input: expression statements print their value; top-level await allowed.
    Interactive,
    /// A single expression whose value is returned (`eval`).
    Eval,
}

#[derive(Debug)]
pub struct CompileError {
    /// "SyntaxError" or "RecursionError".
    pub kind: &'static str,
    pub msg: String,
    pub span: Span,
}

type CResult<T = ()> = Result<T, CompileError>;

/// Expression nesting beyond this raises RecursionError, like CPython 3.11.
const MAX_NESTING: u32 = 3000;

pub type Label = u32;
const NO_LABEL: u32 = u32::MAX;
const NO_HANDLER: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct CInstr {
    op: Opcode,
    arg: u32,
    target: Label,
    line: u32,
    handler: u32,
}

#[derive(Clone, Copy)]
struct Handler {
    label: Label,
    /// Instruction index where the protected region starts (its depth is the handler's).
    setup_index: usize,
    lasti: bool,
    /// Added to the depth at `setup_index` (SETUP_WITH keeps only `__exit__`).
    depth_adjust: i32,
}

/// Frame blocks: what `break`, `continue` and `return` must unwind (CPython's fblocks).
#[derive(Clone)]
enum FBlock {
    WhileLoop {
        start: Label,
        end: Label,
    },
    ForLoop {
        start: Label,
        end: Label,
    },
    TryExcept,
    FinallyTry {
        body: Rc<Vec<ast::Stmt>>,
    },
    FinallyEnd,
    With {
        is_async: bool,
    },
    HandlerCleanup {
        name: Option<ast::Name>,
    },
    PopValue,
    ExceptionHandler,
    /// The handlers of a `try` with `except*`: nothing may leave them early.
    ExceptionGroupHandler,
}

struct Unit {
    scope: usize,
    kind: ScopeKind,
    name: Rc<str>,
    qualname: Rc<str>,
    first_line: u32,
    instrs: Vec<CInstr>,
    labels: Vec<usize>,
    /// Labels that start a CPython basic block though nothing may jump to them (NOPs
    /// are cleaned block by block).
    block_labels: Vec<Label>,
    consts: Vec<Value>,
    const_keys: HashMap<String, u32>,
    names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    varnames: Vec<Rc<str>>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    handlers: Vec<Handler>,
    handler_stack: Vec<u32>,
    fblocks: Vec<FBlock>,
    line: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
}

impl Unit {
    /// The index of constant `v` in this unit's table, adding it if new.
    fn add_const(&mut self, v: Value) -> u32 {
        let key = const_key(&v);
        if let Some(k) = &key {
            if let Some(&i) = self.const_keys.get(k) {
                return i;
            }
        }
        self.consts.push(v);
        let i = (self.consts.len() - 1) as u32;
        if let Some(k) = key {
            self.const_keys.insert(k, i);
        }
        i
    }
}

pub struct Compiler<'a> {
    source: Rc<SourceFile>,
    table: SymbolTable,
    units: Vec<Unit>,
    mode: CompileMode,
    nesting: u32,
    /// Code objects of lambdas and comprehensions by their AST node: a `while` condition
    /// is compiled twice, and CPython's constant merging gives both copies one code object.
    nested_code: HashMap<*const ast::Expr, Rc<CodeObject>>,
    _marker: std::marker::PhantomData<&'a ()>,
}

/// Compile a parsed module into its top-level code object.
pub fn compile(
    module: &ast::Module,
    source: Rc<SourceFile>,
    mode: CompileMode,
) -> Result<Rc<CodeObject>, CompileError> {
    compile_with_warnings(module, source, mode).map(|(code, _)| code)
}

/// Compile, also returning the SyntaxWarnings found (`x is 1`), in source order.
pub fn compile_with_warnings(
    module: &ast::Module,
    source: Rc<SourceFile>,
    mode: CompileMode,
) -> Result<(Rc<CodeObject>, Vec<(ast::Span, &'static str)>), CompileError> {
    let mut table =
        SymbolTable::build(module, mode == CompileMode::Interactive).map_err(|e| CompileError {
            kind: "SyntaxError",
            msg: e.msg,
            span: e.span,
        })?;
    let warnings = std::mem::take(&mut table.warnings);
    let mut c = Compiler {
        source,
        table,
        units: vec![],
        mode,
        nesting: 0,
        nested_code: HashMap::default(),
        _marker: std::marker::PhantomData,
    };
    Ok((c.compile_module(module)?, warnings))
}

impl<'a> Compiler<'a> {
    fn compile_module(&mut self, module: &ast::Module) -> CResult<Rc<CodeObject>> {
        self.enter_unit(0, "<module>".into(), "<module>".into(), 1);
        self.u().line = 0;
        if self.mode == CompileMode::Interactive && self.table.scopes[0].is_coroutine {
            // Top-level await (CPython's PyCF_ALLOW_TOP_LEVEL_AWAIT): running this code
            // makes a coroutine, which the REPL runs on its event loop.
            self.u().flags |= flags::COROUTINE;
            self.emit(Opcode::ReturnGenerator, 0);
            self.emit(Opcode::PopTop, 0);
        }
        self.emit(Opcode::Resume, 0);
        let body = &module.body;
        match self.mode {
            CompileMode::Eval => {
                if let Some(ast::Stmt {
                    kind: ast::StmtKind::Expr(e),
                    ..
                }) = body.first()
                {
                    self.expr(e)?;
                } else {
                    self.load_const(Value::None);
                }
                self.emit(Opcode::ReturnValue, 0);
            }
            CompileMode::Interactive => {
                for s in body {
                    self.stmt(s)?;
                }
                self.load_const(Value::None);
                self.emit(Opcode::ReturnValue, 0);
            }
            CompileMode::Module => {
                // A leading docstring becomes __doc__.
                let mut rest = &body[..];
                if let Some(doc) = docstring(body) {
                    self.set_line(body[0].span);
                    self.load_const(Value::str(&doc));
                    self.store_name(&"__doc__".into())?;
                    rest = &body[1..];
                }
                for s in rest {
                    self.stmt(s)?;
                }
                // The implicit return has no line of its own (CPython's UNSET_LOC).
                self.u().line = 0;
                self.load_const(Value::None);
                self.emit(Opcode::ReturnValue, 0);
            }
        }
        Ok(self.leave_unit())
    }

    // ----- units -----

    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().unwrap()
    }

    fn enter_unit(&mut self, scope: usize, name: Rc<str>, qualname: Rc<str>, first_line: u32) {
        let s = &self.table.scopes[scope];
        let kind = s.kind;
        let varnames: Vec<Rc<str>> = s.varnames.clone();
        let cellvars = s.cellvars.clone();
        let freevars = s.freevars.clone();
        let mut flags = 0;
        if matches!(
            kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        ) {
            flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            if s.is_generator && s.is_coroutine {
                flags |= flags::ASYNC_GENERATOR;
            } else if s.is_generator {
                flags |= flags::GENERATOR;
            } else if s.is_coroutine {
                flags |= flags::COROUTINE;
            }
        }
        // CPython 3.11: nested means some enclosing scope is a function (CO_NOFREE is
        // gone since 3.10).
        if self.units.iter().any(|u| {
            matches!(
                u.kind,
                ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
            )
        }) {
            flags |= flags::NESTED;
        }
        self.units.push(Unit {
            scope,
            kind,
            name,
            qualname,
            first_line,
            instrs: vec![],
            labels: vec![],
            block_labels: vec![],
            consts: vec![],
            const_keys: HashMap::default(),
            names: vec![],
            name_index: HashMap::default(),
            varnames,
            cellvars,
            freevars,
            handlers: vec![],
            handler_stack: vec![],
            fblocks: vec![],
            line: first_line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
        });
    }

    fn leave_unit(&mut self) -> Rc<CodeObject> {
        let u = self.units.pop().unwrap();
        Rc::new(assemble::assemble(u, self.source.clone()))
    }

    fn scope(&self) -> &symtable::Scope {
        &self.table.scopes[self.units.last().unwrap().scope]
    }

    // ----- emission -----

    fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(usize::MAX);
        (u.labels.len() - 1) as Label
    }

    fn bind(&mut self, l: Label) {
        let u = self.u();
        u.labels[l as usize] = u.instrs.len();
    }

    fn emit(&mut self, op: Opcode, arg: u32) {
        let u = self.u();
        let handler = u.handler_stack.last().copied().unwrap_or(NO_HANDLER);
        let line = u.line;
        u.instrs.push(CInstr {
            op,
            arg,
            target: NO_LABEL,
            line,
            handler,
        });
    }

    fn emit_jump(&mut self, op: Opcode, target: Label) {
        self.emit(op, 0);
        self.u().instrs.last_mut().unwrap().target = target;
    }

    /// SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH: protect what follows with a handler.
    fn push_handler(&mut self, label: Label, lasti: bool, depth_adjust: i32) {
        let u = self.u();
        let idx = u.handlers.len() as u32;
        u.handlers.push(Handler {
            label,
            setup_index: u.instrs.len(),
            lasti,
            depth_adjust,
        });
        u.handler_stack.push(idx);
    }

    /// POP_BLOCK.
    fn pop_handler(&mut self) {
        self.u().handler_stack.pop();
    }

    /// Where CPython emits its POP_BLOCK pseudo-instruction: a NOP without a line. The
    /// assembler gives it the line of a lone jump to it (a `for` loop that ends a `try`
    /// or `with` body shows its exit as a NOP on the `for` line, as in CPython) or drops it.
    fn pop_block(&mut self) {
        self.u().line = 0;
        self.emit(Opcode::Nop, 0);
    }

    fn set_line(&mut self, span: Span) {
        let line = self.source.line_of(span.start);
        self.u().line = line;
    }

    fn line_of(&self, span: Span) -> u32 {
        self.source.line_of(span.start)
    }

    fn load_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit(Opcode::LoadConst, i);
    }

    fn add_const(&mut self, v: Value) -> u32 {
        self.u().add_const(v)
    }

    fn name_idx(&mut self, name: &Rc<str>) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        u.names.push(name.clone());
        let i = (u.names.len() - 1) as u32;
        u.name_index.insert(name.clone(), i);
        i
    }

    fn varname_idx(&mut self, name: &Rc<str>) -> u32 {
        let u = self.u();
        if let Some(i) = u.varnames.iter().position(|n| n == name) {
            return i as u32;
        }
        u.varnames.push(name.clone());
        (u.varnames.len() - 1) as u32
    }

    /// Index of a cell or free variable in localsplus terms (varnames come first).
    fn deref_idx(&mut self, name: &Rc<str>) -> u32 {
        let u = self.u();
        let nv = u.varnames.len() as u32;
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            // A cell that is also a parameter keeps the parameter's slot.
            if let Some(p) = u.varnames.iter().position(|n| n == name) {
                return p as u32;
            }
            return nv + i as u32;
        }
        let nc = u.cellvars.len() as u32;
        let i = u
            .freevars
            .iter()
            .position(|n| n == name)
            .expect("free variable known to the symbol table");
        nv + nc + i as u32
    }

    fn name_scope(&self, name: &str) -> NameScope {
        let s = self.scope();
        match s.scopes.get(name) {
            Some(sc) => *sc,
            None => NameScope::GlobalImplicit,
        }
    }

    fn load_name(&mut self, name: &Rc<str>) -> CResult {
        self.name_op(name, NameOp::Load)
    }

    fn store_name(&mut self, name: &Rc<str>) -> CResult {
        self.name_op(name, NameOp::Store)
    }

    fn name_op(&mut self, name: &Rc<str>, op: NameOp) -> CResult {
        let sc = self.name_scope(name);
        let kind = self.u().kind;
        let optimized = matches!(
            kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        );
        match sc {
            NameScope::Free | NameScope::Cell => {
                let i = self.deref_idx(name);
                let opc = match op {
                    NameOp::Load if kind == ScopeKind::Class => Opcode::LoadClassderef,
                    NameOp::Load => Opcode::LoadDeref,
                    NameOp::Store => Opcode::StoreDeref,
                    NameOp::Del => Opcode::DeleteDeref,
                };
                self.emit(opc, i);
            }
            NameScope::Local if optimized => {
                let i = self.varname_idx(name);
                let opc = match op {
                    NameOp::Load => Opcode::LoadFast,
                    NameOp::Store => Opcode::StoreFast,
                    NameOp::Del => Opcode::DeleteFast,
                };
                self.emit(opc, i);
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit
                if optimized || sc == NameScope::GlobalExplicit =>
            {
                let i = self.name_idx(name);
                match op {
                    NameOp::Load => self.emit(Opcode::LoadGlobal, i << 1),
                    NameOp::Store => self.emit(Opcode::StoreGlobal, i),
                    NameOp::Del => self.emit(Opcode::DeleteGlobal, i),
                }
            }
            _ => {
                let i = self.name_idx(name);
                let opc = match op {
                    NameOp::Load => Opcode::LoadName,
                    NameOp::Store => Opcode::StoreName,
                    NameOp::Del => Opcode::DeleteName,
                };
                self.emit(opc, i);
            }
        }
        Ok(())
    }

    fn error(&self, msg: impl Into<String>, span: Span) -> CompileError {
        CompileError {
            kind: "SyntaxError",
            msg: msg.into(),
            span,
        }
    }

    fn compiled_before(&self, e: &ast::Expr) -> Option<Rc<CodeObject>> {
        self.nested_code.get(&(e as *const ast::Expr)).cloned()
    }

    /// Finish the unit of the lambda or comprehension `e`, remembering its code object.
    fn leave_nested_unit(&mut self, e: &ast::Expr) -> Rc<CodeObject> {
        let code = self.leave_unit();
        self.nested_code.insert(e as *const ast::Expr, code.clone());
        code
    }

    /// The code object of a nested scope, as a constant plus MAKE_FUNCTION with its closure.
    fn make_closure(&mut self, code: Rc<CodeObject>, mut flags: u32) {
        if !code.freevars.is_empty() {
            for fv in code.freevars.clone().iter() {
                // The child's free variable is a cell or free variable here.
                let i = self.deref_idx(fv);
                self.emit(Opcode::LoadClosure, i);
            }
            self.emit(Opcode::BuildTuple, code.freevars.len() as u32);
            flags |= 0x08;
        }
        self.load_const(crate::bytecode::code::code_value(&code));
        self.emit(Opcode::MakeFunction, flags);
    }

    fn qualname_for(&self, name: &str) -> Rc<str> {
        let parent = self.units.last().unwrap();
        match parent.kind {
            ScopeKind::Module => name.into(),
            ScopeKind::Class => format!("{}.{}", parent.qualname, name).into(),
            _ => format!("{}.<locals>.{}", parent.qualname, name).into(),
        }
    }

    /// Prologue of a function-like unit: cells, free variables, generator creation, RESUME.
    fn emit_prologue(&mut self) {
        let u = self.u();
        let ncell = u.cellvars.len();
        let nfree = u.freevars.len();
        let nv = u.varnames.len() as u32;
        let cells: Vec<Rc<str>> = u.cellvars.clone();
        for (i, c) in cells.iter().enumerate() {
            let slot = match self.u().varnames.iter().position(|n| n == c) {
                Some(p) => p as u32,
                None => nv + i as u32,
            };
            self.emit(Opcode::MakeCell, slot);
        }
        let _ = ncell;
        if nfree > 0 {
            self.emit(Opcode::CopyFreeVars, nfree as u32);
        }
        if self.u().flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
            self.emit(Opcode::ReturnGenerator, 0);
            self.emit(Opcode::PopTop, 0);
        }
        self.emit(Opcode::Resume, 0);
    }

    fn enter_nesting(&mut self, span: Span) -> CResult {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(CompileError {
                kind: "RecursionError",
                msg: "maximum recursion depth exceeded during compilation".into(),
                span,
            });
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NameOp {
    Load,
    Store,
    Del,
}

/// A docstring: the first statement is a string constant.
fn docstring(body: &[ast::Stmt]) -> Option<String> {
    match body.first() {
        Some(ast::Stmt {
            kind:
                ast::StmtKind::Expr(ast::Expr {
                    kind: ast::ExprKind::Constant(ast::Constant::Str(s)),
                    ..
                }),
            ..
        }) => Some(s.to_string()),
        _ => None,
    }
}

/// Deduplication key for constants (type-tagged so 1, 1.0 and True stay distinct).
fn const_key(v: &Value) -> Option<String> {
    Some(match v {
        Value::None => "N".into(),
        Value::Bool(b) => format!("B{}", b),
        Value::Int(i) => format!("I{}", i),
        Value::BigInt(b) => format!("I{}", b),
        Value::Float(f) => format!("F{:?}", f.to_bits()),
        Value::Str(s) => format!("S{}", s.as_str()),
        Value::Obj(o) => match &o.payload {
            Payload::Tuple(items) => {
                let mut k = String::from("T(");
                for it in items.iter() {
                    k.push_str(&const_key(it)?);
                    k.push(',');
                }
                k.push(')');
                k
            }
            Payload::Bytes(b) => format!("Y{:?}", b),
            Payload::Ellipsis => "E".into(),
            Payload::Set(set) if set.frozen => {
                let mut k = String::from("Z(");
                for it in set.table.borrow().keys() {
                    k.push_str(&const_key(it)?);
                    k.push(',');
                }
                k.push(')');
                k
            }
            // Only the very same code object (see `Compiler::nested_code`).
            Payload::Code(c) => format!("C{:p}", Rc::as_ptr(c)),
            _ => return None,
        },
        Value::Null => return None,
    })
}
