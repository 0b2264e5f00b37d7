//! Helpers for the grammar actions: literal decoding, f-strings, target and
//! argument validation, and the small intermediate types the grammar builds.

use crate::ast::*;
use crate::lexer::token::Token;
use crate::parser::{SyntaxError, SyntaxErrorKind};
use lalrpop_util::ParseError;
use num_bigint::BigInt;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;

pub type PErr<'s> = ParseError<usize, Token<'s>, SyntaxError>;
pub type PResult<'s, T> = Result<T, PErr<'s>>;

/// Parser state shared by the grammar actions: the source and an identifier interner.
pub struct Ctx<'s> {
    pub src: &'s str,
    names: RefCell<HashMap<&'s str, Name>>,
}

impl<'s> Ctx<'s> {
    pub fn new(src: &'s str) -> Ctx<'s> {
        Ctx {
            src,
            names: RefCell::new(HashMap::default()),
        }
    }

    /// Interns an identifier.
    pub fn name(&self, s: &'s str) -> Name {
        let mut names = self.names.borrow_mut();
        if let Some(n) = names.get(s) {
            return n.clone();
        }
        let n: Name = Rc::from(s);
        names.insert(s, n.clone());
        n
    }
}

pub fn syntax_error(msg: impl Into<String>, start: usize, end: usize) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.into(),
        span: Span::new(start, end),
        incomplete: false,
    }
}

/// A user error for a grammar action.
pub fn user<'s>(msg: impl Into<String>, start: usize, end: usize) -> PErr<'s> {
    ParseError::User {
        error: syntax_error(msg, start, end),
    }
}

fn user_at<'s>(msg: impl Into<String>, span: Span) -> PErr<'s> {
    user(msg, span.start as usize, span.end as usize)
}

pub fn prepend<T>(first: T, mut rest: Vec<T>) -> Vec<T> {
    rest.insert(0, first);
    rest
}

pub fn tuple(elts: Vec<Expr>, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::Tuple(elts), Span::new(l, r))
}

// ---------------------------------------------------------------------------
// Intermediate types
// ---------------------------------------------------------------------------

/// A `key: value` dict item, or `(None, mapping)` for `**mapping`.
pub type DictItem = (Option<Expr>, Expr);

/// What was found between a pair of brackets.
pub enum ParenContent {
    Empty,
    Single(Expr),
    GenExp(Expr, Vec<Comprehension>),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    ListComp(Expr, Vec<Comprehension>),
    Dict(Vec<DictItem>),
    DictComp(Expr, Expr, Vec<Comprehension>),
    Set(Vec<Expr>),
    SetComp(Expr, Vec<Comprehension>),
}

impl ParenContent {
    /// Builds the expression for brackets spanning `l..r`.
    pub fn into_expr<'s>(self, l: usize, r: usize) -> PResult<'s, Expr> {
        let span = Span::new(l, r);
        let kind = match self {
            ParenContent::Empty => ExprKind::Tuple(vec![]),
            ParenContent::Single(e) => {
                if let ExprKind::Starred(_) = e.kind {
                    return Err(user_at("cannot use starred expression here", e.span));
                }
                return Ok(e);
            }
            ParenContent::GenExp(elt, generators) => ExprKind::GeneratorExp {
                elt: Box::new(elt),
                generators,
            },
            ParenContent::Tuple(v) => ExprKind::Tuple(v),
            ParenContent::List(v) => ExprKind::List(v),
            ParenContent::ListComp(elt, generators) => ExprKind::ListComp {
                elt: Box::new(elt),
                generators,
            },
            ParenContent::Dict(items) => {
                let (keys, values) = items.into_iter().unzip();
                ExprKind::Dict { keys, values }
            }
            ParenContent::DictComp(key, value, generators) => ExprKind::DictComp {
                key: Box::new(key),
                value: Box::new(value),
                generators,
            },
            ParenContent::Set(v) => ExprKind::Set(v),
            ParenContent::SetComp(elt, generators) => ExprKind::SetComp {
                elt: Box::new(elt),
                generators,
            },
        };
        Ok(Expr::new(kind, span))
    }
}

/// One item of a call's argument list.
pub enum ArgItem {
    /// A positional argument, possibly `*iterable` (a `Starred`).
    Pos(Expr),
    /// An unparenthesized generator expression.
    GenExp(Expr),
    /// `**mapping`.
    Keyword(Keyword),
    /// `target = value`; valid only when the target is a plain name.
    Assign(Expr, Expr, Span),
}

/// One item of a parameter list.
pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    Star(Option<Arg>, Span),
    DoubleStar(Arg, Span),
    Slash(Span),
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

/// The end of a compound statement: the end of its last nested statement.
pub fn body_end(body: &[Stmt], orelse: &[Stmt]) -> usize {
    orelse
        .last()
        .or(body.last())
        .map(|s| s.span.end as usize)
        .unwrap_or(0)
}

pub fn interactive<'s>(mut lines: Vec<Vec<Stmt>>) -> PResult<'s, Vec<Stmt>> {
    match lines.len() {
        0 => Err(user("invalid syntax", 0, 0)),
        1 => Ok(lines.pop().unwrap()),
        _ => {
            let end = lines[0].last().map_or(0, |s| s.span.end as usize);
            Err(user(
                "multiple statements found while compiling a single statement",
                end,
                end,
            ))
        }
    }
}

pub fn decorate(decorators: Vec<Expr>, mut stmt: Stmt) -> Stmt {
    match &mut stmt.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => unreachable!("only definitions are decorated"),
    }
    stmt
}

pub fn if_stmt(
    l: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut orelse = orelse.unwrap_or_default();
    for (el, t, b) in elifs.into_iter().rev() {
        let r = body_end(&b, &orelse);
        orelse = vec![Stmt::new(
            StmtKind::If {
                test: t,
                body: b,
                orelse,
            },
            Span::new(el, r),
        )];
    }
    let r = body_end(&body, &orelse);
    Stmt::new(StmtKind::If { test, body, orelse }, Span::new(l, r))
}

pub fn try_stmt<'s>(
    l: usize,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
) -> PResult<'s, Stmt> {
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    if let Some(h) = handlers[..handlers.len().saturating_sub(1)]
        .iter()
        .find(|h| h.typ.is_none())
    {
        return Err(user_at("default 'except:' must be last", h.span));
    }
    let is_star = handlers.first().is_some_and(|h| h.star);
    if let Some(h) = handlers.iter().find(|h| h.star != is_star) {
        let kw = if h.star { 7 } else { 6 };
        return Err(user(
            "cannot have both 'except' and 'except*' on the same 'try'",
            h.span.start as usize,
            h.span.start as usize + kw,
        ));
    }
    let r = finalbody
        .last()
        .or(orelse.last())
        .map(|s| s.span.end)
        .or(handlers.last().map(|h| h.span.end))
        .or(body.last().map(|s| s.span.end))
        .unwrap_or(0);
    Ok(Stmt::new(
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            is_star,
        },
        Span::new(l, r as usize),
    ))
}

pub fn with_items<'s>(
    first: (Expr, Option<Expr>),
    rest: Vec<(Expr, Option<Expr>)>,
) -> PResult<'s, Vec<WithItem>> {
    let mut items = Vec::with_capacity(rest.len() + 1);
    for (e, t) in std::iter::once(first).chain(rest) {
        if let Some(t) = &t {
            check_target(t, TargetCtx::For)?;
        }
        items.push(WithItem {
            context_expr: e,
            optional_vars: t,
        });
    }
    Ok(items)
}

pub fn import_from<'s>(
    module: Option<Name>,
    names: (Vec<Alias>, Option<usize>),
    level: u32,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    if let Some(c) = names.1 {
        return Err(user(
            "trailing comma not allowed without surrounding parentheses",
            c + 1,
            c + 1,
        ));
    }
    Ok(Stmt::new(
        StmtKind::ImportFrom {
            module,
            names: names.0,
            level,
        },
        Span::new(l, r),
    ))
}

pub fn expr_stmt<'s>(e: Expr, l: usize, r: usize) -> PResult<'s, Stmt> {
    check_value(&e)?;
    Ok(Stmt::new(StmtKind::Expr(e), Span::new(l, r)))
}

pub fn return_stmt<'s>(e: Option<Expr>, l: usize, r: usize) -> PResult<'s, Stmt> {
    if let Some(e) = &e {
        check_value(e)?;
    }
    Ok(Stmt::new(StmtKind::Return(e), Span::new(l, r)))
}

pub fn delete<'s>(first: Expr, rest: Vec<Expr>, l: usize, r: usize) -> PResult<'s, Stmt> {
    let targets = prepend(first, rest);
    for t in &targets {
        check_target(t, TargetCtx::Del)?;
    }
    Ok(Stmt::new(StmtKind::Delete(targets), Span::new(l, r)))
}

pub fn assign<'s>(
    ctx: &Ctx<'s>,
    first: Expr,
    mut rest: Vec<Expr>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    let value = rest.pop().expect("at least one '='");
    let mut targets = prepend(first, rest);
    check_value(&value)?;
    let single = targets.len() == 1;
    for t in &targets {
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_))
            && !ctx.src[..t.span.start as usize].trim_end().ends_with('(')
        {
            return Err(user_at(
                "assignment to yield expression not possible",
                t.span,
            ));
        }
        if let Some(bad) = invalid_target(t, TargetCtx::Assign) {
            let name = expr_name(bad);
            let msg = if single && std::ptr::eq(bad, t) && is_bitwise_or_level(t) {
                format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {name}")
            };
            return Err(user_at(msg, bad.span));
        }
        check_starred_target(t)?;
    }
    targets.shrink_to_fit();
    Ok(Stmt::new(
        StmtKind::Assign { targets, value },
        Span::new(l, r),
    ))
}

pub fn aug_assign<'s>(
    target: Expr,
    op: BinOp,
    value: Expr,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        _ => {
            return Err(user_at(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&target)
                ),
                target.span,
            ))
        }
    }
    check_value(&value)?;
    Ok(Stmt::new(
        StmtKind::AugAssign { target, op, value },
        Span::new(l, r),
    ))
}

pub fn ann_assign<'s>(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    let simple = match &target.kind {
        ExprKind::Name(_) => target.span.start as usize == l,
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
        ExprKind::Tuple(_) => {
            return Err(user_at(
                "only single target (not tuple) can be annotated",
                target.span,
            ))
        }
        ExprKind::List(_) => {
            return Err(user_at(
                "only single target (not list) can be annotated",
                target.span,
            ))
        }
        _ => return Err(user_at("illegal target for annotation", target.span)),
    };
    if let Some(v) = &value {
        check_value(v)?;
    }
    Ok(Stmt::new(
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        },
        Span::new(l, r),
    ))
}

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TargetCtx {
    /// `a = ...`
    Assign,
    /// `for` / comprehension / `with ... as` targets.
    For,
    /// `del`
    Del,
}

/// CPython's name for an expression kind, as used in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::True => "True",
            Constant::False => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Could CPython's `invalid_named_expression` rule match this target
/// (a `bitwise_or` that is not a display or a keyword constant)?
fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
    )
}

/// The first sub-expression that cannot be a target, if any.
fn invalid_target(e: &Expr, ctx: TargetCtx) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred(inner) if ctx != TargetCtx::Del => invalid_target(inner, ctx),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            elts.iter().find_map(|x| invalid_target(x, ctx))
        }
        _ => Some(e),
    }
}

/// Rejects an invalid assignment / `for` / `with` / `del` target.
pub fn check_target<'s>(e: &Expr, ctx: TargetCtx) -> PResult<'s, ()> {
    if let Some(bad) = invalid_target(e, ctx) {
        let verb = if ctx == TargetCtx::Del {
            "delete"
        } else {
            "assign to"
        };
        return Err(user_at(
            format!("cannot {verb} {}", expr_name(bad)),
            bad.span,
        ));
    }
    if ctx != TargetCtx::Del {
        check_starred_target(e)?;
    }
    Ok(())
}

/// A starred target must sit in a tuple or list, at most once per level.
fn check_starred_target<'s>(e: &Expr) -> PResult<'s, ()> {
    fn nested<'s>(e: &Expr) -> PResult<'s, ()> {
        match &e.kind {
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let mut seen = false;
                for x in elts {
                    if let ExprKind::Starred(inner) = &x.kind {
                        if seen {
                            return Err(user_at(
                                "multiple starred expressions in assignment",
                                e.span,
                            ));
                        }
                        seen = true;
                        if let ExprKind::Starred(_) = inner.kind {
                            return Err(user_at(
                                "starred assignment target must be in a list or tuple",
                                inner.span,
                            ));
                        }
                        nested(inner)?;
                    } else {
                        nested(x)?;
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
    if let ExprKind::Starred(_) = e.kind {
        return Err(user_at(
            "starred assignment target must be in a list or tuple",
            e.span,
        ));
    }
    nested(e)
}

/// A value position may not be a bare `*x`.
pub fn check_value<'s>(e: &Expr) -> PResult<'s, ()> {
    if let ExprKind::Starred(_) = e.kind {
        return Err(user_at("can't use starred expression here", e.span));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Calls and parameters
// ---------------------------------------------------------------------------

/// Sorts call arguments into positional and keyword ones, as CPython checks them.
fn arguments<'s>(items: Vec<ArgItem>, in_class: bool) -> PResult<'s, (Vec<Expr>, Vec<Keyword>)> {
    let n = items.len();
    let mut args = Vec::new();
    let mut keywords = Vec::new();
    let (mut seen_kw, mut seen_kw_unpack) = (false, false);
    for item in items {
        match item {
            ArgItem::GenExp(g) => {
                if in_class {
                    return Err(user_at("invalid syntax", g.span));
                }
                if n > 1 {
                    return Err(user_at(
                        "Generator expression must be parenthesized",
                        g.span,
                    ));
                }
                args.push(g);
            }
            ArgItem::Pos(e) => {
                if let ExprKind::Starred(_) = e.kind {
                    if seen_kw_unpack {
                        return Err(user_at(
                            "iterable argument unpacking follows keyword argument unpacking",
                            e.span,
                        ));
                    }
                } else if seen_kw_unpack {
                    return Err(user_at(
                        "positional argument follows keyword argument unpacking",
                        e.span,
                    ));
                } else if seen_kw {
                    return Err(user_at(
                        "positional argument follows keyword argument",
                        e.span,
                    ));
                }
                args.push(e);
            }
            ArgItem::Keyword(k) => {
                seen_kw_unpack = true;
                keywords.push(k);
            }
            ArgItem::Assign(target, value, span) => {
                if let ExprKind::Constant(Constant::True | Constant::False | Constant::None) =
                    target.kind
                {
                    return Err(user_at(
                        format!("cannot assign to {}", expr_name(&target)),
                        target.span,
                    ));
                }
                let name = match target.kind {
                    // `f((x)=1)`: a parenthesized name is not a keyword.
                    ExprKind::Name(name) if target.span.start == span.start => name,
                    _ => {
                        return Err(user(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            target.span.start as usize,
                            value.span.start as usize,
                        ))
                    }
                };
                seen_kw = true;
                keywords.push(Keyword {
                    arg: Some(name),
                    value,
                    span,
                });
            }
        }
    }
    Ok((args, keywords))
}

pub fn call<'s>(
    ctx: &Ctx<'s>,
    func: Expr,
    items: Vec<ArgItem>,
    l: usize,
    r: usize,
) -> PResult<'s, Expr> {
    let mut items = items;
    if let [ArgItem::GenExp(g)] = &mut items[..] {
        // `f(x for x in y,)`: the trailing comma makes it an argument list.
        let after = ctx.src[g.span.end as usize..r].trim_start();
        if after.starts_with(',') {
            return Err(user_at(
                "Generator expression must be parenthesized",
                g.span,
            ));
        }
        // Like CPython, the sole generator argument spans the call's parentheses.
        let fend = func.span.end as usize;
        if let Some(p) = ctx.src[fend..g.span.start as usize].find('(') {
            g.span = Span::new(fend + p, r);
        }
    }
    let (args, keywords) = arguments(items, false)?;
    Ok(Expr::new(
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
        Span::new(l, r),
    ))
}

pub fn class_args<'s>(items: Vec<ArgItem>) -> PResult<'s, (Vec<Expr>, Vec<Keyword>)> {
    arguments(items, true)
}

/// Builds `ast::Arguments` from a parameter list, with CPython's checks.
pub fn parameters<'s>(items: Vec<ParamItem>) -> PResult<'s, Arguments> {
    let mut a = Arguments::default();
    let mut star: Option<Span> = None;
    let mut bare_star = false;
    let mut slash_seen = false;
    for item in items {
        if a.kwarg.is_some() {
            let sp = match &item {
                ParamItem::Plain(arg, _) => arg.span,
                ParamItem::Star(_, sp) | ParamItem::DoubleStar(_, sp) | ParamItem::Slash(sp) => *sp,
            };
            return Err(user_at("arguments cannot follow var-keyword argument", sp));
        }
        match item {
            ParamItem::Slash(sp) => {
                if star.is_some() {
                    return Err(user_at("/ must be ahead of *", sp));
                }
                if slash_seen {
                    return Err(user_at("/ may appear only once", sp));
                }
                if a.args.is_empty() {
                    return Err(user_at("at least one argument must precede /", sp));
                }
                slash_seen = true;
                a.posonlyargs = std::mem::take(&mut a.args);
            }
            ParamItem::Plain(arg, default) => {
                if star.is_some() {
                    a.kwonlyargs.push(arg);
                    a.kw_defaults.push(default);
                } else if let Some(d) = default {
                    a.args.push(arg);
                    a.defaults.push(d);
                } else {
                    if !a.defaults.is_empty() {
                        return Err(user_at(
                            "non-default argument follows default argument",
                            arg.span,
                        ));
                    }
                    a.args.push(arg);
                }
            }
            ParamItem::Star(arg, sp) => {
                if star.is_some() {
                    return Err(user_at("* argument may appear only once", sp));
                }
                star = Some(sp);
                bare_star = arg.is_none();
                a.vararg = arg;
            }
            ParamItem::DoubleStar(arg, _) => {
                if bare_star && a.kwonlyargs.is_empty() {
                    return Err(user_at("named arguments must follow bare *", star.unwrap()));
                }
                a.kwarg = Some(arg);
            }
        }
    }
    if bare_star && a.kwonlyargs.is_empty() {
        return Err(user_at("named arguments must follow bare *", star.unwrap()));
    }
    check_duplicate_args(&a)?;
    Ok(a)
}

/// `def f(a, a)`: CPython reports this from its symbol table; we do it here.
fn check_duplicate_args<'s>(a: &Arguments) -> PResult<'s, ()> {
    let all = a
        .posonlyargs
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonlyargs)
        .chain(&a.kwarg);
    let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
    for arg in all {
        if !seen.insert(&arg.name) {
            return Err(user_at(
                format!("duplicate argument '{}' in function definition", arg.name),
                arg.span,
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

pub fn number<'s>(text: &str, l: usize, r: usize) -> PResult<'s, Expr> {
    let span = Span::new(l, r);
    let clean: String;
    let t = if text.contains('_') {
        clean = text.replace('_', "");
        clean.as_str()
    } else {
        text
    };
    // CPython 3.11 refuses decimal literals beyond the int/str conversion limit.
    let is_decimal_int = t.bytes().all(|c| c.is_ascii_digit());
    if is_decimal_int && t.len() > MAX_STR_DIGITS {
        return Err(user(
            format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                MAX_STR_DIGITS,
                t.len()
            ),
            l,
            r,
        ));
    }
    let c = parse_number(t).ok_or_else(|| user("invalid number literal", l, r))?;
    Ok(Expr::new(ExprKind::Constant(c), span))
}

/// `sys.get_int_max_str_digits()` default.
const MAX_STR_DIGITS: usize = 4300;

/// Decodes a number literal (underscores already removed).
pub fn parse_number(t: &str) -> Option<Constant> {
    let b = t.as_bytes();
    if b.len() > 2 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return BigInt::parse_bytes(&b[2..], radix).map(Constant::Int);
        }
    }
    if let Some(imag) = t.strip_suffix(['j', 'J']) {
        return imag.parse::<f64>().ok().map(Constant::Imaginary);
    }
    if t.bytes().any(|c| matches!(c, b'.' | b'e' | b'E')) {
        return t.parse::<f64>().ok().map(Constant::Float);
    }
    if t.len() <= 18 {
        return t
            .parse::<i64>()
            .ok()
            .map(|v| Constant::Int(BigInt::from(v)));
    }
    BigInt::parse_bytes(b, 10).map(Constant::Int)
}

// ---------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------

/// Prefix flags of one string literal token.
struct StrParts<'a> {
    raw: bool,
    bytes: bool,
    fstring: bool,
    /// The text between the quotes.
    body: &'a str,
    /// Offset of `body` in the source.
    body_start: usize,
}

fn split_string(tok: &str, start: usize) -> StrParts<'_> {
    let qpos = tok.find(['\'', '"']).expect("string token has a quote");
    let prefix = &tok[..qpos];
    let quote = tok.as_bytes()[qpos];
    let b = tok.as_bytes();
    let triple = b.len() >= qpos + 6 && b[qpos + 1] == quote && b[qpos + 2] == quote;
    let qlen = if triple { 3 } else { 1 };
    let has = |c: char| prefix.chars().any(|p| p.eq_ignore_ascii_case(&c));
    StrParts {
        raw: has('r'),
        bytes: has('b'),
        fstring: has('f'),
        body: &tok[qpos + qlen..tok.len() - qlen],
        body_start: start + qpos + qlen,
    }
}

/// Pieces of a (possibly implicitly concatenated) string being assembled.
enum Piece {
    Lit(String),
    Value(Expr),
}

/// Source newlines in literals read as `\n`, as CPython's tokenizer translates them.
fn norm_newlines(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn push_lit(pieces: &mut Vec<Piece>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Lit(last)) = pieces.last_mut() {
        last.push_str(s);
    } else {
        pieces.push(Piece::Lit(s.to_string()));
    }
}

/// Builds the expression for adjacent string literals `parts` (start, token, end).
pub fn strings<'s>(ctx: &Ctx<'s>, parts: Vec<(usize, &'s str, usize)>) -> PResult<'s, Expr> {
    strings_inner(ctx, &parts).map_err(|error| ParseError::User { error })
}

fn strings_inner(ctx: &Ctx<'_>, parts: &[(usize, &str, usize)]) -> Result<Expr, SyntaxError> {
    let l = parts[0].0;
    let r = parts[parts.len() - 1].2;
    let span = Span::new(l, r);
    let first_bytes = split_string(parts[0].1, l).bytes;
    if first_bytes {
        let mut out: Vec<u8> = Vec::new();
        for &(s, tok, e) in parts {
            let p = split_string(tok, s);
            if !p.bytes {
                return Err(syntax_error("cannot mix bytes and nonbytes literals", s, e));
            }
            if !p.body.is_ascii() {
                return Err(syntax_error(
                    "bytes can only contain ASCII literal characters",
                    s,
                    e,
                ));
            }
            let body = norm_newlines(p.body);
            if p.raw {
                out.extend_from_slice(body.as_bytes());
            } else {
                decode_escapes(&body, true, p.body_start, &mut |c| out.push(c as u8))?;
            }
        }
        return Ok(Expr::new(
            ExprKind::Constant(Constant::Bytes(Rc::from(out))),
            span,
        ));
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut any_f = false;
    for &(s, tok, e) in parts {
        let p = split_string(tok, s);
        if p.bytes {
            return Err(syntax_error("cannot mix bytes and nonbytes literals", s, e));
        }
        if p.fstring {
            any_f = true;
            let mut fp = FStringParser {
                ctx,
                src: ctx.src,
                raw: p.raw,
                span,
            };
            fp.parse(
                p.body_start,
                p.body_start + p.body.len(),
                0,
                false,
                &mut pieces,
            )?;
        } else if p.raw {
            push_lit(&mut pieces, &norm_newlines(p.body));
        } else {
            let body = norm_newlines(p.body);
            let mut buf = String::with_capacity(body.len());
            decode_escapes(&body, false, p.body_start, &mut |c| buf.push(c))?;
            push_lit(&mut pieces, &buf);
        }
    }
    if !any_f {
        let text = match pieces.pop() {
            Some(Piece::Lit(s)) => s,
            _ => String::new(),
        };
        return Ok(Expr::new(
            ExprKind::Constant(Constant::Str(Rc::from(text))),
            span,
        ));
    }
    Ok(Expr::new(
        ExprKind::JoinedStr(pieces_to_exprs(pieces, span)),
        span,
    ))
}

fn pieces_to_exprs(pieces: Vec<Piece>, span: Span) -> Vec<Expr> {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Lit(s) => Expr::new(ExprKind::Constant(Constant::Str(Rc::from(s))), span),
            Piece::Value(e) => e,
        })
        .collect()
}

fn unicode_error(msg: String, start: usize, end: usize) -> SyntaxError {
    syntax_error(format!("(unicode error) {msg}"), start, end)
}

/// Decodes backslash escapes in a non-raw literal body. For bytes, each
/// emitted char is < 256. `start` is the body's source offset (for errors).
fn decode_escapes(
    body: &str,
    bytes: bool,
    start: usize,
    emit: &mut dyn FnMut(char),
) -> Result<(), SyntaxError> {
    let codec = if bytes {
        ""
    } else {
        "'unicodeescape' codec can't decode bytes in "
    };
    let b = body.as_bytes();
    let mut i = 0;
    let mut lit_start = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        for c in body[lit_start..i].chars() {
            emit(c);
        }
        let esc = i;
        i += 1;
        let Some(&c) = b.get(i) else {
            // A lone trailing backslash cannot happen (it would escape the quote).
            emit('\\');
            lit_start = i;
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => emit('\\'),
            b'\'' => emit('\''),
            b'"' => emit('"'),
            b'a' => emit('\x07'),
            b'b' => emit('\x08'),
            b'f' => emit('\x0c'),
            b'n' => emit('\n'),
            b'r' => emit('\r'),
            b't' => emit('\t'),
            b'v' => emit('\x0b'),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if bytes {
                    emit(char::from((v & 0xff) as u8));
                } else {
                    emit(char::from_u32(v).unwrap_or('\u{fffd}'));
                }
            }
            b'x' | b'u' | b'U' if c == b'x' || !bytes => {
                let n = match c {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let digits = body
                    .get(i..i + n)
                    .filter(|d| d.bytes().all(|x| x.is_ascii_hexdigit()));
                let Some(digits) = digits else {
                    let upto = (i..(i + n).min(b.len()))
                        .take_while(|&k| b[k].is_ascii_hexdigit())
                        .last()
                        .map_or(i, |k| k + 1);
                    let what = match c {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    let msg = if bytes {
                        format!("(value error) invalid \\x escape at position {esc}")
                    } else {
                        format!(
                            "{codec}position {}-{}: {what}",
                            esc,
                            upto.saturating_sub(1).max(esc + 1)
                        )
                    };
                    return Err(if bytes {
                        syntax_error(msg, start + esc, start + upto)
                    } else {
                        unicode_error(msg, start + esc, start + upto)
                    });
                };
                let v = u32::from_str_radix(digits, 16).unwrap();
                i += n;
                match char::from_u32(v) {
                    Some(ch) => emit(ch),
                    None => {
                        return Err(unicode_error(
                            format!(
                                "{codec}position {}-{}: illegal Unicode character",
                                esc,
                                i - 1
                            ),
                            start + esc,
                            start + i,
                        ))
                    }
                }
            }
            b'N' if !bytes => {
                let (what, last) = if b.get(i) != Some(&b'{') {
                    ("malformed \\N character escape", i - 1)
                } else if let Some(close) = body[i..].find('}') {
                    ("\\N{...} escapes are not supported", i + close)
                } else {
                    ("malformed \\N character escape", b.len() - 1)
                };
                return Err(unicode_error(
                    format!("{codec}position {esc}-{last}: {what}"),
                    start + esc,
                    start + i,
                ));
            }
            _ => {
                // Unknown escapes are kept as written.
                emit('\\');
                i -= 1;
            }
        }
        lit_start = i;
    }
    for c in body[lit_start..].chars() {
        emit(c);
    }
    Ok(())
}

/// Parses f-string bodies into literal pieces and `FormattedValue`s.
struct FStringParser<'a, 's> {
    ctx: &'a Ctx<'s>,
    src: &'s str,
    raw: bool,
    /// Span of the whole string expression (used for the synthesized nodes).
    span: Span,
}

fn fs_err(msg: &str, at: usize) -> SyntaxError {
    syntax_error(format!("f-string: {msg}"), at, at + 1)
}

impl FStringParser<'_, '_> {
    fn lit(&self, text: &str, start: usize, pieces: &mut Vec<Piece>) -> Result<(), SyntaxError> {
        let text = &*norm_newlines(text);
        if self.raw {
            push_lit(pieces, text);
        } else {
            let mut buf = String::with_capacity(text.len());
            decode_escapes(text, false, start, &mut |c| buf.push(c))?;
            push_lit(pieces, &buf);
        }
        Ok(())
    }

    /// Parses `src[pos..end]` as literal text with replacement fields. In a
    /// format spec (`in_spec`), `{{`/`}}` are not escapes and an unmatched
    /// `}` ends the spec. Returns the position where parsing stopped.
    fn parse(
        &mut self,
        mut pos: usize,
        end: usize,
        depth: u32,
        in_spec: bool,
        pieces: &mut Vec<Piece>,
    ) -> Result<usize, SyntaxError> {
        let b = self.src.as_bytes();
        let mut lit_start = pos;
        while pos < end {
            match b[pos] {
                b'\\' if !self.raw => {
                    // Skip escapes; `\N{...}` braces belong to the escape.
                    if b.get(pos + 1) == Some(&b'N') && b.get(pos + 2) == Some(&b'{') {
                        pos += 3;
                        while pos < end && b[pos] != b'}' {
                            pos += 1;
                        }
                        pos += 1;
                    } else {
                        pos += 2;
                    }
                }
                b'{' => {
                    if !in_spec && b.get(pos + 1) == Some(&b'{') && pos + 1 < end {
                        self.lit(&self.src[lit_start..pos + 1], lit_start, pieces)?;
                        pos += 2;
                        lit_start = pos;
                        continue;
                    }
                    self.lit(&self.src[lit_start..pos], lit_start, pieces)?;
                    pos = self.field(pos + 1, end, depth, pieces)?;
                    lit_start = pos;
                }
                b'}' => {
                    if in_spec {
                        break;
                    }
                    if b.get(pos + 1) == Some(&b'}') && pos + 1 < end {
                        self.lit(&self.src[lit_start..pos + 1], lit_start, pieces)?;
                        pos += 2;
                        lit_start = pos;
                        continue;
                    }
                    return Err(fs_err("single '}' is not allowed", pos));
                }
                _ => pos += 1,
            }
        }
        let stop = pos.min(end);
        self.lit(&self.src[lit_start..stop], lit_start, pieces)?;
        Ok(stop)
    }

    /// Parses a replacement field whose expression starts at `pos` (just after
    /// `{`). Returns the position after the closing `}`.
    fn field(
        &mut self,
        start: usize,
        end: usize,
        depth: u32,
        pieces: &mut Vec<Piece>,
    ) -> Result<usize, SyntaxError> {
        if depth >= 2 {
            return Err(fs_err("expressions nested too deeply", start));
        }
        let b = self.src.as_bytes();
        let mut pos = start;
        let mut nest: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        let mut self_doc = false;
        // Find the end of the expression.
        while pos < end {
            let c = b[pos];
            if let Some((q, triple)) = quote {
                if c == b'\\' {
                    return Err(fs_err("expression part cannot include a backslash", pos)
                        .strip_prefix_fstring());
                }
                if c == q {
                    if !triple {
                        quote = None;
                    } else if pos + 2 < end && b[pos + 1] == q && b[pos + 2] == q {
                        quote = None;
                        pos += 2;
                    }
                }
                pos += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = pos + 2 < end && b[pos + 1] == c && b[pos + 2] == c;
                    quote = Some((c, triple));
                    pos += if triple { 3 } else { 1 };
                    continue;
                }
                b'\\' => {
                    return Err(fs_err("expression part cannot include a backslash", pos)
                        .strip_prefix_fstring());
                }
                b'#' => {
                    return Err(
                        fs_err("expression part cannot include '#'", pos).strip_prefix_fstring()
                    );
                }
                b'(' | b'[' | b'{' => {
                    if nest.len() >= crate::lexer::indent::MAX_BRACKET_DEPTH {
                        return Err(fs_err("too many nested parenthesis", pos));
                    }
                    nest.push(c);
                }
                b')' | b']' | b'}' if !nest.is_empty() => {
                    let open = nest.pop().unwrap();
                    let want = match c {
                        b')' => b'(',
                        b']' => b'[',
                        _ => b'{',
                    };
                    if open != want {
                        return Err(fs_err(
                            &format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, open as char
                            ),
                            pos,
                        ));
                    }
                }
                b')' | b']' => {
                    return Err(fs_err(&format!("unmatched '{}'", c as char), pos));
                }
                b'}' => break,
                b':' if nest.is_empty() => break,
                b'!' if nest.is_empty() && b.get(pos + 1) != Some(&b'=') => break,
                b'=' if nest.is_empty()
                    && b.get(pos + 1) != Some(&b'=')
                    && !matches!(b[pos - 1], b'=' | b'!' | b'<' | b'>') =>
                {
                    self_doc = true;
                    break;
                }
                _ => {}
            }
            pos += 1;
        }
        if quote.is_some() {
            return Err(fs_err("unterminated string", pos.min(end)));
        }
        if pos >= end {
            return Err(fs_err("expecting '}'", end));
        }
        if !nest.is_empty() {
            return Err(fs_err("expecting '}'", pos));
        }
        let expr_text = &self.src[start..pos];
        if expr_text
            .trim_matches([' ', '\t', '\n', '\r', '\x0c'])
            .is_empty()
        {
            let msg = match b[pos] {
                c @ (b'!' | b':' | b'=') => format!("expression required before '{}'", c as char),
                _ => "empty expression not allowed".to_string(),
            };
            return Err(fs_err(&msg, pos));
        }
        let value = crate::parser::parse_fstring_expr(self.ctx, start, pos)?;
        if self_doc {
            pos += 1;
            while pos < end && matches!(b[pos], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                pos += 1;
            }
            push_lit(pieces, &self.src[start..pos]);
        }
        let mut conversion = None;
        if pos < end && b[pos] == b'!' {
            if pos + 1 >= end {
                return Err(fs_err("expecting '}'", end));
            }
            match Some(b[pos + 1]) {
                Some(c @ (b's' | b'r' | b'a')) => conversion = Some(c as char),
                _ => {
                    return Err(fs_err(
                        "invalid conversion character: expected 's', 'r', or 'a'",
                        pos + 1,
                    ))
                }
            }
            pos += 2;
            if pos >= end || !matches!(b[pos], b':' | b'}') {
                return Err(fs_err("expecting '}'", pos.min(end)));
            }
        }
        let mut format_spec = None;
        if pos < end && b[pos] == b':' {
            let mut spec = Vec::new();
            pos = self.parse(pos + 1, end, depth + 1, true, &mut spec)?;
            format_spec = Some(Box::new(Expr::new(
                ExprKind::JoinedStr(pieces_to_exprs(spec, self.span)),
                self.span,
            )));
        }
        if pos >= end || b[pos] != b'}' {
            return Err(fs_err("expecting '}'", pos.min(end)));
        }
        if self_doc && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        pieces.push(Piece::Value(Expr::new(
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            self.span,
        )));
        Ok(pos + 1)
    }
}

trait StripPrefix {
    fn strip_prefix_fstring(self) -> Self;
}

impl StripPrefix for SyntaxError {
    /// CPython words a few f-string errors as "f-string expression part ...".
    fn strip_prefix_fstring(mut self) -> Self {
        if let Some(rest) = self.msg.strip_prefix("f-string: ") {
            self.msg = format!("f-string {rest}");
        }
        self
    }
}
