//! Symbol table pass: which names are local, global, free or cell in each scope, and which
//! functions are generators or coroutines (CPython's `symtable.c`, pass 2 of the compiler).

use crate::ast::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives, as the code generator needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;

pub struct Scope {
    pub kind: ScopeKind,
    pub name: Name,
    flags: HashMap<Name, u8>,
    /// Names in order of first binding (parameters first): becomes co_varnames.
    order: Vec<Name>,
    pub params: Vec<Name>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub has_await: bool,
    /// A class scope whose methods use `super()` / `__class__`.
    pub needs_class_cell: bool,
    pub scopes: HashMap<Name, NameScope>,
    pub varnames: Vec<Name>,
    pub cellvars: Vec<Name>,
    pub freevars: Vec<Name>,
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address -> scope index.
    by_node: HashMap<usize, usize>,
    /// Compile-time SyntaxWarnings, in source order: where, and the message.
    pub warnings: Vec<(Span, &'static str)>,
    /// Names bound by an import in the module scope (CPython's DEF_IMPORT in the top
    /// symbol table): `name.attr(...)` on them compiles without LOAD_METHOD.
    pub module_imports: HashSet<Name>,
}

#[derive(Debug)]
pub struct SymtableError {
    pub msg: String,
    pub span: Span,
}

type R = Result<(), SymtableError>;

fn err(msg: impl Into<String>, span: Span) -> SymtableError {
    SymtableError {
        msg: msg.into(),
        span,
    }
}

impl SymbolTable {
    pub fn scope_for<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }

    pub fn build(module: &Module, interactive_await: bool) -> Result<SymbolTable, SymtableError> {
        let mut b = Builder {
            table: SymbolTable {
                scopes: vec![],
                by_node: HashMap::default(),
                warnings: vec![],
                module_imports: HashSet::default(),
            },
            stack: vec![],
            top_level_await: interactive_await,
        };
        let top = b.push_scope(ScopeKind::Module, "<module>".into(), 0);
        b.stmts(&module.body)?;
        b.stack.pop();
        let mut table = b.table;
        table.analyze(top, &HashSet::default(), &HashSet::default())?;
        Ok(table)
    }

    /// CPython's analyze_block: decide each name's scope; returns the free names of `idx`.
    fn analyze(
        &mut self,
        idx: usize,
        enclosing_bound: &HashSet<Name>,
        enclosing_global: &HashSet<Name>,
    ) -> Result<HashSet<Name>, SymtableError> {
        let kind = self.scopes[idx].kind;
        let mut scopes: HashMap<Name, NameScope> = HashMap::default();
        let mut local: HashSet<Name> = HashSet::default();
        let mut global: HashSet<Name> = enclosing_global.clone();
        let mut free: HashSet<Name> = HashSet::default();
        let flags: Vec<(Name, u8)> = self.scopes[idx]
            .flags
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        for (name, f) in &flags {
            let sc = if f & DEF_GLOBAL != 0 {
                global.insert(name.clone());
                NameScope::GlobalExplicit
            } else if f & DEF_NONLOCAL != 0 {
                if !enclosing_bound.contains(name) {
                    return Err(err(
                        format!("no binding for nonlocal '{}' found", name),
                        Span::default(),
                    ));
                }
                free.insert(name.clone());
                NameScope::Free
            } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
                local.insert(name.clone());
                global.remove(name);
                NameScope::Local
            } else if kind != ScopeKind::Module && enclosing_bound.contains(name) {
                free.insert(name.clone());
                NameScope::Free
            } else if global.contains(name) {
                NameScope::GlobalExplicit
            } else {
                NameScope::GlobalImplicit
            };
            scopes.insert(name.clone(), sc);
        }
        // Names visible to nested functions: class scopes do not contribute theirs.
        let mut child_bound = enclosing_bound.clone();
        if matches!(
            kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        ) {
            for n in &local {
                child_bound.insert(n.clone());
            }
        }
        let mut child_global = global.clone();
        for n in &local {
            if kind != ScopeKind::Class {
                child_global.remove(n);
            }
        }
        if kind == ScopeKind::Class && self.scopes[idx].needs_class_cell {
            child_bound.insert("__class__".into());
        }
        let children = self.scopes[idx].children.clone();
        let mut child_free: HashSet<Name> = HashSet::default();
        for c in children {
            let f = self.analyze(c, &child_bound, &child_global)?;
            child_free.extend(f);
        }
        // Free variables of children: cells here if bound here, else free here too.
        for name in child_free {
            let here = scopes.get(&name).copied();
            match here {
                Some(NameScope::Local) if kind != ScopeKind::Class => {
                    scopes.insert(name.clone(), NameScope::Cell);
                }
                Some(NameScope::Cell) => {}
                _ if kind == ScopeKind::Class && &*name == "__class__" => {
                    scopes.insert(name.clone(), NameScope::Cell);
                }
                Some(NameScope::GlobalExplicit) | Some(NameScope::GlobalImplicit)
                    if !enclosing_bound.contains(&name) => {}
                _ => {
                    if kind != ScopeKind::Module {
                        if kind == ScopeKind::Class {
                            // A class passes the free name through without binding it.
                            if !scopes.contains_key(&name)
                                || scopes[&name] == NameScope::GlobalImplicit
                            {
                                scopes.insert(name.clone(), NameScope::Free);
                            }
                        } else {
                            scopes.insert(name.clone(), NameScope::Free);
                        }
                        free.insert(name);
                    }
                }
            }
        }
        let s = &mut self.scopes[idx];
        let mut varnames: Vec<Name> = s.params.clone();
        if matches!(
            kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        ) {
            for n in &s.order {
                if !varnames.contains(n)
                    && matches!(
                        scopes.get(n),
                        Some(NameScope::Local) | Some(NameScope::Cell)
                    )
                {
                    varnames.push(n.clone());
                }
            }
        }
        let mut cellvars: Vec<Name> = scopes
            .iter()
            .filter(|(_, s)| **s == NameScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        cellvars.sort();
        let mut freevars: Vec<Name> = scopes
            .iter()
            .filter(|(_, s)| **s == NameScope::Free)
            .map(|(n, _)| n.clone())
            .collect();
        freevars.sort();
        s.scopes = scopes;
        s.varnames = varnames;
        s.cellvars = cellvars;
        s.freevars = freevars;
        Ok(free)
    }
}

struct Builder {
    table: SymbolTable,
    stack: Vec<usize>,
    top_level_await: bool,
}

impl Builder {
    fn push_scope(&mut self, kind: ScopeKind, name: Name, key: usize) -> usize {
        let idx = self.table.scopes.len();
        self.table.scopes.push(Scope {
            kind,
            name,
            flags: HashMap::default(),
            order: vec![],
            params: vec![],
            children: vec![],
            is_generator: false,
            is_coroutine: false,
            has_await: false,
            needs_class_cell: false,
            scopes: HashMap::default(),
            varnames: vec![],
            cellvars: vec![],
            freevars: vec![],
        });
        if let Some(&parent) = self.stack.last() {
            self.table.scopes[parent].children.push(idx);
        }
        if key != 0 {
            self.table.by_node.insert(key, idx);
        }
        self.stack.push(idx);
        idx
    }

    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap();
        &mut self.table.scopes[i]
    }

    fn add(&mut self, name: &Name, flag: u8, span: Span) -> R {
        let s = self.cur();
        let old = s.flags.get(name).copied().unwrap_or(0);
        if flag & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
            let what = if flag & DEF_GLOBAL != 0 {
                "global"
            } else {
                "nonlocal"
            };
            if old & DEF_PARAM != 0 {
                return Err(err(
                    format!("name '{}' is parameter and {}", name, what),
                    span,
                ));
            }
            if old & USE != 0 {
                return Err(err(
                    format!("name '{}' is used prior to {} declaration", name, what),
                    span,
                ));
            }
            if old & DEF_LOCAL != 0 {
                return Err(err(
                    format!("name '{}' is assigned to before {} declaration", name, what),
                    span,
                ));
            }
        }
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(err(
                format!("duplicate argument '{}' in function definition", name),
                span,
            ));
        }
        if flag & (DEF_LOCAL | DEF_PARAM) != 0 && !s.order.contains(name) {
            s.order.push(name.clone());
        }
        if flag & DEF_PARAM != 0 {
            s.params.push(name.clone());
        }
        s.flags.insert(name.clone(), old | flag);
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.add(n, DEF_LOCAL | USE, target.span)
                } else {
                    self.expr(target)
                }
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                if let ExprKind::Name(n) = &target.kind {
                    let f = self.cur().flags.get(n).copied().unwrap_or(0);
                    if f & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && *simple {
                        let what = if f & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(err(
                            format!("annotated name '{}' can't be {}", n, what),
                            s.span,
                        ));
                    }
                    self.add(n, DEF_LOCAL, target.span)?;
                } else {
                    self.expr(target)?;
                }
                let _ = annotation;
                Ok(())
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Return(v) => {
                if matches!(self.cur().kind, ScopeKind::Module | ScopeKind::Class) {
                    return Err(err("'return' outside function", s.span));
                }
                if let Some(v) = v {
                    self.expr(v)?;
                }
                Ok(())
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
                Ok(())
            }
            StmtKind::Global(names) => {
                for n in names {
                    self.add(n, DEF_GLOBAL, s.span)?;
                }
                Ok(())
            }
            StmtKind::Nonlocal(names) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(err(
                        "nonlocal declaration not allowed at module level",
                        s.span,
                    ));
                }
                for n in names {
                    self.add(n, DEF_NONLOCAL, s.span)?;
                }
                Ok(())
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
                Ok(())
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound: Name = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").into(),
                    };
                    self.add(&bound, DEF_LOCAL, a.span)?;
                    self.note_import(&bound);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if &*a.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(err("import * only allowed at module level", s.span));
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.add(&bound, DEF_LOCAL, a.span)?;
                    self.note_import(&bound);
                }
                Ok(())
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.check_async(s.span, "'async for' outside async function")?;
                }
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.check_async(s.span, "'async with' outside async function")?;
                }
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n, DEF_LOCAL, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.arg_defaults(&f.args)?;
                self.annotations(&f.args, f.returns.as_ref())?;
                self.add(&f.name, DEF_LOCAL, f.span)?;
                let key = &**f as *const FunctionDef as usize;
                self.push_scope(ScopeKind::Function, f.name.clone(), key);
                self.cur().is_coroutine = f.is_async;
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.stack.pop();
                Ok(())
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.add(&c.name, DEF_LOCAL, c.span)?;
                let key = &**c as *const ClassDef as usize;
                self.push_scope(ScopeKind::Class, c.name.clone(), key);
                self.stmts(&c.body)?;
                self.stack.pop();
                Ok(())
            }
        }
    }

    fn note_import(&mut self, bound: &Name) {
        if self.cur().kind == ScopeKind::Module {
            self.table.module_imports.insert(bound.clone());
        }
    }

    fn check_async(&mut self, span: Span, msg: &str) -> R {
        let tla = self.top_level_await;
        let in_async = self.in_async_context();
        let s = self.cur();
        let ok = s.is_coroutine
            || (s.kind == ScopeKind::Module && tla)
            || (s.kind == ScopeKind::Comprehension && in_async);
        if !ok {
            return Err(err(msg, span));
        }
        if s.kind == ScopeKind::Module {
            // Top-level `async for`/`async with` (REPL): the module code is a coroutine.
            s.is_coroutine = true;
        }
        Ok(())
    }

    fn in_async_context(&self) -> bool {
        for &i in self.stack.iter().rev() {
            let s = &self.table.scopes[i];
            match s.kind {
                ScopeKind::Comprehension => continue,
                ScopeKind::Module => return self.top_level_await,
                _ => return s.is_coroutine,
            }
        }
        false
    }

    fn arg_defaults(&mut self, a: &Arguments) -> R {
        for d in &a.defaults {
            self.expr(d)?;
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn annotations(&mut self, a: &Arguments, returns: Option<&Expr>) -> R {
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(a.vararg.as_ref())
            .chain(&a.kwonlyargs)
            .chain(a.kwarg.as_ref());
        for arg in all {
            if let Some(ann) = &arg.annotation {
                self.expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn params(&mut self, a: &Arguments) -> R {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.add(&arg.name, DEF_PARAM, arg.span)?;
        }
        if let Some(v) = &a.vararg {
            self.add(&v.name, DEF_PARAM, v.span)?;
        }
        if let Some(k) = &a.kwarg {
            self.add(&k.name, DEF_PARAM, k.span)?;
        }
        Ok(())
    }

    /// A binding target (assignment, for, with, del).
    fn target(&mut self, t: &Expr) -> R {
        match &t.kind {
            ExprKind::Name(n) => self.add(n, DEF_LOCAL, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn expr(&mut self, e: &Expr) -> R {
        // Iterative over the left spine of long operator chains (a+b+c+...).
        match &e.kind {
            ExprKind::Name(n) => {
                if &**n == "super" {
                    self.mark_super();
                }
                if &**n == "__class__" {
                    self.mark_super();
                }
                let s = self.cur();
                let old = s.flags.get(n).copied().unwrap_or(0);
                s.flags.insert(n.clone(), old | USE);
                Ok(())
            }
            ExprKind::Constant(_) => Ok(()),
            ExprKind::JoinedStr(parts) => {
                for p in parts {
                    self.expr(p)?;
                }
                Ok(())
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
                Ok(())
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                if let Some(msg) = is_with_literal(left, ops, comparators) {
                    self.table.warnings.push((e.span, msg));
                }
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
                Ok(())
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
                Ok(())
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
                Ok(())
            }
            ExprKind::Starred(v) => self.expr(v),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i)?;
                }
                Ok(())
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                for v in values {
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Lambda { args, body } => {
                self.arg_defaults(args)?;
                let key = e as *const Expr as usize;
                self.push_scope(ScopeKind::Lambda, "<lambda>".into(), key);
                self.params(args)?;
                self.expr(body)?;
                self.stack.pop();
                Ok(())
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match &e.kind {
                    ExprKind::ListComp { .. } => "<listcomp>",
                    ExprKind::SetComp { .. } => "<setcomp>",
                    _ => "<genexpr>",
                };
                let is_gen = matches!(e.kind, ExprKind::GeneratorExp { .. });
                self.comprehension(e, name, generators, is_gen, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, false, &[key, value]),
            ExprKind::Yield(v) => {
                self.mark_yield(e.span)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::YieldFrom(v) => {
                self.mark_yield(e.span)?;
                if self.cur().is_coroutine {
                    return Err(err("'yield from' inside async function", e.span));
                }
                self.expr(v)
            }
            ExprKind::Await(v) => {
                let s = self.cur();
                let kind = s.kind;
                if kind == ScopeKind::Module && !self.top_level_await {
                    return Err(err("'await' outside function", e.span));
                }
                if kind == ScopeKind::Class {
                    return Err(err("'await' outside function", e.span));
                }
                if kind == ScopeKind::Comprehension {
                    if !self.in_async_context() {
                        return Err(err(
                            "asynchronous comprehension outside of an asynchronous function",
                            e.span,
                        ));
                    }
                    let c = self.cur();
                    c.is_coroutine = true;
                } else if kind != ScopeKind::Module && !self.cur().is_coroutine {
                    return Err(err("'await' outside async function", e.span));
                }
                if kind == ScopeKind::Module {
                    // Top-level await (REPL): the module code is a coroutine.
                    self.cur().is_coroutine = true;
                }
                self.cur().has_await = true;
                self.expr(v)
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    // The walrus binds in the nearest enclosing non-comprehension scope.
                    let mut i = self.stack.len() - 1;
                    while self.table.scopes[self.stack[i]].kind == ScopeKind::Comprehension && i > 0
                    {
                        let s = &mut self.table.scopes[self.stack[i]];
                        let old = s.flags.get(n).copied().unwrap_or(0);
                        s.flags.insert(n.clone(), old | USE);
                        i -= 1;
                    }
                    let saved = self.stack.split_off(i + 1);
                    let r = self.add(n, DEF_LOCAL, target.span);
                    self.stack.extend(saved);
                    r
                } else {
                    Ok(())
                }
            }
        }
    }

    fn mark_yield(&mut self, span: Span) -> R {
        let s = self.cur();
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => Err(err("'yield' outside function", span)),
            ScopeKind::Comprehension => {
                let what = match &*s.name {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(err(format!("'yield' inside {}", what), span))
            }
            _ => {
                s.is_generator = true;
                Ok(())
            }
        }
    }

    /// `super()` / `__class__` in a method: the enclosing class needs a `__class__` cell.
    fn mark_super(&mut self) {
        for &i in self.stack.iter().rev() {
            if self.table.scopes[i].kind == ScopeKind::Class {
                self.table.scopes[i].needs_class_cell = true;
                break;
            }
        }
        let s = self.cur();
        if s.kind != ScopeKind::Class && s.kind != ScopeKind::Module {
            let old = s.flags.get("__class__").copied().unwrap_or(0);
            s.flags.insert("__class__".into(), old | USE);
        }
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[Comprehension],
        is_gen: bool,
        elts: &[&Expr],
    ) -> R {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        let key = e as *const Expr as usize;
        let is_async_comp = generators.iter().any(|g| g.is_async);
        self.push_scope(ScopeKind::Comprehension, Rc::from(name), key);
        self.cur().is_generator = is_gen;
        let dot0: Name = ".0".into();
        self.add(&dot0, DEF_PARAM, e.span)?;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for elt in elts {
            self.expr(elt)?;
        }
        if is_async_comp {
            if !is_gen && !self.in_async_context() {
                self.stack.pop();
                return Err(err(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.span,
                ));
            }
            self.cur().is_coroutine = true;
        }
        self.stack.pop();
        if is_async_comp && !is_gen && self.cur().kind == ScopeKind::Module {
            // Awaited at the top level (REPL): the module code is a coroutine.
            self.cur().is_coroutine = true;
        }
        Ok(())
    }
}

/// `__class__` is implicitly bound in class scopes for `super()`; used by `analyze`.
pub fn is_class_cell(name: &str) -> bool {
    name == "__class__"
}

/// CPython's check_compare: `x is 1` compares identity with a literal, almost surely
/// meant as `==`. Only the first such operator of a chain is reported.
fn is_with_literal(left: &Expr, ops: &[CmpOp], comparators: &[Expr]) -> Option<&'static str> {
    let mut l = left;
    for (op, r) in ops.iter().zip(comparators) {
        if matches!(op, CmpOp::Is | CmpOp::IsNot) && (is_literal(l) || is_literal(r)) {
            return Some(if *op == CmpOp::Is {
                "\"is\" with a literal. Did you mean \"==\"?"
            } else {
                "\"is not\" with a literal. Did you mean \"!=\"?"
            });
        }
        l = r;
    }
    None
}

/// A constant after CPython's AST folding that is not a singleton (None, True, False,
/// ...): `1`, `-1`, `'s'`, `1 + 1`, `(1, None)`, `()`.
fn is_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(c) => !matches!(
            c,
            Constant::None | Constant::True | Constant::False | Constant::Ellipsis
        ),
        _ => folds_to_constant(e),
    }
}

const MAX_INT_BITS: u64 = 128;

/// The value of an int expression that CPython's AST optimizer folds, if it does.
fn const_int(e: &Expr) -> Option<num_bigint::BigInt> {
    use num_bigint::BigInt;
    match &e.kind {
        ExprKind::Constant(Constant::Int(i)) => Some(i.clone()),
        ExprKind::Constant(Constant::True) => Some(BigInt::from(1)),
        ExprKind::Constant(Constant::False) => Some(BigInt::from(0)),
        ExprKind::UnaryOp { op, operand } => {
            let v = const_int(operand)?;
            match op {
                UnaryOp::USub => Some(-v),
                UnaryOp::UAdd => Some(v),
                UnaryOp::Invert => Some(-v - 1),
                UnaryOp::Not => None,
            }
        }
        ExprKind::BinOp { left, op, right } => {
            let (l, r) = (const_int(left)?, const_int(right)?);
            match op {
                BinOp::Add => Some(l + r),
                BinOp::Sub => Some(l - r),
                BinOp::Mult
                    if l.bits() > 0 && r.bits() > 0 && l.bits() + r.bits() > MAX_INT_BITS =>
                {
                    None
                }
                BinOp::Mult => Some(l * r),
                BinOp::Pow => {
                    let w = u32::try_from(&r).ok()?;
                    (l.bits() == 0 || w == 0 || l.bits() <= MAX_INT_BITS / w as u64)
                        .then(|| l.pow(w))
                }
                BinOp::LShift => {
                    let w = u64::try_from(&r).ok()?;
                    (l.bits() <= MAX_INT_BITS && w <= MAX_INT_BITS - l.bits())
                        .then(|| l << w as usize)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Does CPython's AST optimizer turn `e` into a constant? Unary and binary operations
/// on constants fold, within its safety limits on the size of the result (ints of at
/// most 128 bits from `*`, `**` and `<<`), and so do subscripts and tuples of constants.
fn folds_to_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp { op, operand } => *op != UnaryOp::Not && folds_to_constant(operand),
        ExprKind::BinOp { left, op, right } => {
            if !(folds_to_constant(left) && folds_to_constant(right)) {
                return false;
            }
            if *op == BinOp::Mod
                && matches!(
                    left.kind,
                    ExprKind::Constant(Constant::Str(_) | Constant::Bytes(_))
                )
            {
                // `'%s' % x` is formatting, which the optimizer never folds.
                return false;
            }
            match (op, const_int(left), const_int(right)) {
                // Folding would raise: left for run time.
                (BinOp::Div | BinOp::FloorDiv | BinOp::Mod, _, Some(r)) if r.bits() == 0 => false,
                (BinOp::Pow, Some(l), Some(r)) if l.bits() > 0 && r.bits() > 0 => {
                    let w = u64::try_from(&r).unwrap_or(u64::MAX);
                    l.bits() <= MAX_INT_BITS / w
                }
                (BinOp::Mult, Some(l), Some(r)) if l.bits() > 0 && r.bits() > 0 => {
                    l.bits() + r.bits() <= MAX_INT_BITS
                }
                (BinOp::LShift, Some(l), Some(r)) => {
                    let w = u64::try_from(&r).unwrap_or(u64::MAX);
                    l.bits() <= MAX_INT_BITS && w <= MAX_INT_BITS - l.bits()
                }
                _ => true,
            }
        }
        ExprKind::Subscript { value, slice } => {
            folds_to_constant(value) && folds_to_constant(slice)
        }
        ExprKind::Tuple(elts) => elts.iter().all(folds_to_constant),
        _ => false,
    }
}
