//! Expression code generation, comprehensions, lambdas and the yield/await loops.

use super::*;
use crate::ast::{BoolOp, CmpOp, Constant, Expr, ExprKind, UnaryOp};
use crate::bytecode::Opcode as Op;

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &Expr) -> CResult {
        self.enter_nesting(e.span)?;
        let saved_line = self.u().line;
        let line = self.line_of(e.span);
        self.u().line = line;
        let r = self.expr_inner(e);
        self.u().line = saved_line;
        self.nesting -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult {
        // What CPython's AST optimizer turns into a constant (BinOp chains fold in their
        // own arm, bottom-up).
        if matches!(
            e.kind,
            ExprKind::UnaryOp { .. } | ExprKind::Subscript { .. } | ExprKind::Tuple(_)
        ) {
            if let Some(v) = fold::fold(e) {
                self.load_const(v);
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n)?,
            ExprKind::Constant(c) => {
                let v = constant_value(c);
                self.load_const(v);
            }
            ExprKind::JoinedStr(parts) => {
                let mut n = 0;
                for p in parts {
                    match &p.kind {
                        ExprKind::Constant(Constant::Str(s)) if s.is_empty() => continue,
                        _ => {}
                    }
                    self.expr(p)?;
                    n += 1;
                }
                if n == 0 {
                    self.load_const(Value::str(""));
                } else if n > 1 {
                    self.emit(Op::BuildString, n);
                }
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut flags = match conversion {
                    None => 0,
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    Some(_) => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    flags |= 4;
                }
                self.emit(Op::FormatValue, flags);
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jop = match op {
                    BoolOp::And => Op::JumpIfFalseOrPop,
                    BoolOp::Or => Op::JumpIfTrueOrPop,
                };
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.emit_jump(jop, end);
                    }
                }
                self.bind(end);
            }
            ExprKind::BinOp { left, op, right } => {
                // Iterate down the left spine so long chains (a+b+c+...) don't recurse deeply.
                let mut spine = vec![(op, &**right, e.span)];
                let mut cur = &**left;
                while let ExprKind::BinOp { left, op, right } = &cur.kind {
                    self.enter_nesting(cur.span)?;
                    spine.push((op, &**right, cur.span));
                    cur = left;
                }
                let extra = spine.len() as u32 - 1;
                // Fold the constant part at the bottom of the chain, bottom-up as CPython's
                // optimizer does (`2 * 3 * x` loads 6).
                match fold::fold(cur) {
                    Some(mut v) => {
                        while let Some(&(op, right, _)) = spine.last() {
                            match fold::fold(right).and_then(|r| fold::binary(*op, &v, &r)) {
                                Some(folded) => {
                                    v = folded;
                                    spine.pop();
                                }
                                None => break,
                            }
                        }
                        self.load_const(v);
                    }
                    None => self.expr(cur)?,
                }
                for (op, right, span) in spine.into_iter().rev() {
                    self.expr(right)?;
                    let line = self.line_of(span);
                    self.u().line = line;
                    self.emit(Op::BinaryOp, *op as u32);
                }
                self.nesting -= extra;
            }
            ExprKind::UnaryOp { op, operand } => {
                if *op == UnaryOp::Not {
                    if let Some((left, cmp, right)) = negatable_compare(operand) {
                        self.expr(left)?;
                        self.iterable_if_in(cmp, right)?;
                        self.emit_compare(negated(cmp));
                        return Ok(());
                    }
                }
                self.expr(operand)?;
                self.emit(
                    match op {
                        UnaryOp::Invert => Op::UnaryInvert,
                        UnaryOp::Not => Op::UnaryNot,
                        UnaryOp::UAdd => Op::UnaryPositive,
                        UnaryOp::USub => Op::UnaryNegative,
                    },
                    0,
                );
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.iterable_if_in(ops[0], &comparators[0])?;
                    self.emit_compare(ops[0]);
                } else {
                    let cleanup = self.new_label();
                    let end = self.new_label();
                    for i in 0..ops.len() - 1 {
                        self.expr(&comparators[i])?;
                        self.emit(Op::Swap, 2);
                        self.emit(Op::Copy, 2);
                        self.emit_compare(ops[i]);
                        self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
                    }
                    let last = ops.len() - 1;
                    self.iterable_if_in(ops[last], &comparators[last])?;
                    self.emit_compare(ops[last]);
                    self.emit_jump(Op::JumpForward, end);
                    self.bind(cleanup);
                    self.emit(Op::Swap, 2);
                    self.emit(Op::PopTop, 0);
                    self.bind(end);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                if let ExprKind::Attribute { value, attr } = &func.kind {
                    // CPython 3.11's maybe_optimize_method_call: not on a name imported
                    // at module level (`time.sleep(...)` is LOAD_ATTR), not with *args,
                    // **kwargs or 30+ arguments.
                    let imported = matches!(&value.kind,
                        ExprKind::Name(n) if self.table.module_imports.contains(n));
                    let nkw = keywords.len();
                    if !imported
                        && args.len() + nkw + usize::from(nkw != 0) < 30
                        && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
                        && !keywords.iter().any(|k| k.arg.is_none())
                    {
                        self.expr(value)?;
                        let ni = self.name_idx(attr);
                        let line = self.line_of(func.span);
                        let saved = self.u().line;
                        self.u().line = line;
                        self.emit(Op::LoadMethod, ni);
                        self.u().line = saved;
                        return self.call_helper(0, args, keywords);
                    }
                }
                if let ExprKind::Name(n) = &func.kind {
                    let sc = self.name_scope(n);
                    let optimized = matches!(
                        self.u().kind,
                        ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
                    );
                    if matches!(sc, NameScope::GlobalImplicit | NameScope::GlobalExplicit)
                        && (optimized || sc == NameScope::GlobalExplicit)
                    {
                        let i = self.name_idx(n);
                        self.emit(Op::LoadGlobal, (i << 1) | 1);
                        return self.call_helper(0, args, keywords);
                    }
                }
                self.emit(Op::PushNull, 0);
                self.expr(func)?;
                self.call_helper(0, args, keywords)?;
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let ni = self.name_idx(attr);
                self.emit(Op::LoadAttr, ni);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_index(slice)?;
                self.emit(Op::BinarySubscr, 0);
            }
            ExprKind::Slice { .. } => self.subscript_index(e)?,
            ExprKind::Starred(_) => {
                return Err(self.error("can't use starred expression here", e.span));
            }
            ExprKind::List(items) => self.sequence(items, Seq::List)?,
            ExprKind::Tuple(items) => self.sequence(items, Seq::Tuple)?,
            ExprKind::Set(items) => self.sequence(items, Seq::Set)?,
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_ = self.new_label();
                let end = self.new_label();
                self.jump_if(test, else_, false)?;
                self.expr(body)?;
                self.emit_jump(Op::JumpForward, end);
                self.bind(else_);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Lambda { args, body } => {
                let flags = self.function_defaults(args)?;
                let code = match self.compiled_before(e) {
                    Some(code) => code,
                    None => {
                        let scope = self.table.scope_for(e);
                        let line = self.line_of(e.span);
                        let qualname = self.qualname_for("<lambda>");
                        self.enter_unit(scope, "<lambda>".into(), qualname, line);
                        self.set_arg_counts(args);
                        self.add_const(Value::None);
                        self.emit_prologue();
                        self.expr(body)?;
                        self.emit(Op::ReturnValue, 0);
                        self.leave_nested_unit(e)
                    }
                };
                self.make_closure(code, flags);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, CompKind::List, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, CompKind::Set, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, CompKind::Gen, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(
                e,
                "<dictcomp>",
                generators,
                CompKind::Dict,
                key,
                Some(value),
            )?,
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                if self.u().flags & crate::bytecode::flags::ASYNC_GENERATOR != 0 {
                    self.emit(Op::AsyncGenWrap, 0);
                }
                self.emit(Op::YieldValue, 0);
                self.emit(Op::Resume, 1);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.load_const(Value::None);
                self.add_yield_from(false);
            }
            ExprKind::Await(v) => {
                self.expr(v)?;
                self.emit(Op::GetAwaitable, 0);
                self.load_const(Value::None);
                self.add_yield_from(true);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Copy, 1);
                self.store_target(target)?;
            }
        }
        Ok(())
    }

    /// The `yield from` / `await` loop (CPython's compiler_add_yield_from).
    pub(super) fn add_yield_from(&mut self, is_await: bool) {
        let send = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.emit_jump(Op::Send, exit);
        self.emit(Op::YieldValue, 0);
        self.emit(Op::Resume, if is_await { 3 } else { 2 });
        self.emit_jump(Op::JumpBackwardNoInterrupt, send);
        self.bind(exit);
    }

    fn emit_compare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Lt => self.emit(Op::CompareOp, 0),
            CmpOp::LtE => self.emit(Op::CompareOp, 1),
            CmpOp::Eq => self.emit(Op::CompareOp, 2),
            CmpOp::NotEq => self.emit(Op::CompareOp, 3),
            CmpOp::Gt => self.emit(Op::CompareOp, 4),
            CmpOp::GtE => self.emit(Op::CompareOp, 5),
            CmpOp::Is => self.emit(Op::IsOp, 0),
            CmpOp::IsNot => self.emit(Op::IsOp, 1),
            CmpOp::In => self.emit(Op::ContainsOp, 0),
            CmpOp::NotIn => self.emit(Op::ContainsOp, 1),
        }
    }

    /// Jump to `target` when the truth of `e` equals `cond` (CPython's compiler_jump_if).
    pub(super) fn jump_if(&mut self, e: &Expr, target: Label, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => {
                return match negatable_compare(operand) {
                    Some((left, cmp, right)) => {
                        self.jump_if_compare(left, negated(cmp), right, target, cond)
                    }
                    None => self.jump_if(operand, target, !cond),
                }
            }
            ExprKind::BoolOp { op, values } => {
                let is_or = *op == BoolOp::Or;
                let (next2, own) = if cond == is_or {
                    (target, false)
                } else {
                    (self.new_label(), true)
                };
                for v in &values[..values.len() - 1] {
                    self.jump_if(v, next2, is_or)?;
                }
                self.jump_if(values.last().unwrap(), target, cond)?;
                if own {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() == 1 => {
                return self.jump_if_compare(left, ops[0], &comparators[0], target, cond);
            }
            _ => {}
        }
        // A constant condition is decided now: an unconditional jump or nothing. The NOP
        // is what CPython's optimizer leaves of the LOAD_CONST (it keeps the line).
        if let Some(t) = super::stmt::constant_truth(e) {
            self.emit(Op::Nop, 0);
            if t == cond {
                self.emit_jump(Op::JumpForward, target);
            }
            return Ok(());
        }
        self.expr(e)?;
        self.pop_jump_if(cond, target);
        Ok(())
    }

    /// Jump to `target` when `left <op> right` is `cond`; `x is None` and `x is not
    /// None` jump on None directly.
    fn jump_if_compare(
        &mut self,
        left: &Expr,
        op: CmpOp,
        right: &Expr,
        target: Label,
        cond: bool,
    ) -> CResult {
        self.expr(left)?;
        if matches!(op, CmpOp::Is | CmpOp::IsNot)
            && matches!(right.kind, ExprKind::Constant(Constant::None))
        {
            let jump_on_none = (op == CmpOp::Is) == cond;
            self.emit_jump(
                if jump_on_none {
                    Op::PopJumpForwardIfNone
                } else {
                    Op::PopJumpForwardIfNotNone
                },
                target,
            );
            return Ok(());
        }
        self.iterable_if_in(op, right)?;
        self.emit_compare(op);
        self.pop_jump_if(cond, target);
        Ok(())
    }

    /// Pop the top of the stack and jump to `target` when its truth is `cond`.
    fn pop_jump_if(&mut self, cond: bool, target: Label) {
        let op = if cond {
            Op::PopJumpForwardIfTrue
        } else {
            Op::PopJumpForwardIfFalse
        };
        self.emit_jump(op, target);
    }

    /// The right operand of a comparison: only iterated for `in` / `not in`.
    fn iterable_if_in(&mut self, op: CmpOp, right: &Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.iterable(right)
        } else {
            self.expr(right)
        }
    }

    /// Arguments and CALL (or CALL_FUNCTION_EX); the callable (and NULL/self) are pushed.
    /// `extra` counts positional values already pushed after the callable.
    pub(super) fn call_helper(
        &mut self,
        extra: u32,
        args: &[Expr],
        keywords: &[ast::Keyword],
    ) -> CResult {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        if !has_star && !has_dstar {
            for a in args {
                self.expr(a)?;
            }
            let mut names = vec![];
            for k in keywords {
                self.expr(&k.value)?;
                names.push(Value::Str(crate::object::pystr::intern(
                    k.arg.as_ref().unwrap(),
                )));
            }
            let n = extra + args.len() as u32 + keywords.len() as u32;
            if !names.is_empty() {
                let ci = self.add_const(Value::tuple(names));
                self.emit(Op::KwNames, ci);
            }
            self.emit(Op::Precall, n);
            self.emit(Op::Call, n);
            return Ok(());
        }
        // General form (CPython 3.11's ex_call): the positionals as one iterable, a
        // lone `*x` as it is; the keywords as one dict, `**m` merged in order.
        if extra == 0 && args.len() == 1 {
            if let ExprKind::Starred(inner) = &args[0].kind {
                self.expr(inner)?;
            } else {
                self.starunpack_tuple(extra, args)?;
            }
        } else {
            self.starunpack_tuple(extra, args)?;
        }
        if keywords.is_empty() {
            self.emit(Op::CallFunctionEx, 0);
            return Ok(());
        }
        let mut have_dict = false;
        let mut seen = 0;
        for (i, k) in keywords.iter().enumerate() {
            if k.arg.is_some() {
                seen += 1;
                continue;
            }
            if seen > 0 {
                self.keyword_map(&keywords[i - seen..i])?;
                if have_dict {
                    self.emit(Op::DictMerge, 1);
                }
                have_dict = true;
                seen = 0;
            }
            if !have_dict {
                self.emit(Op::BuildMap, 0);
                have_dict = true;
            }
            self.expr(&k.value)?;
            self.emit(Op::DictMerge, 1);
        }
        if seen > 0 {
            self.keyword_map(&keywords[keywords.len() - seen..])?;
            if have_dict {
                self.emit(Op::DictMerge, 1);
            }
        }
        self.emit(Op::CallFunctionEx, 1);
        Ok(())
    }

    /// `name=value` keywords as one dict (CPython's compiler_subkwargs, small case).
    fn keyword_map(&mut self, keywords: &[ast::Keyword]) -> CResult {
        for k in keywords {
            self.load_const(Value::str(k.arg.as_ref().unwrap()));
            self.expr(&k.value)?;
        }
        self.emit(Op::BuildMap, keywords.len() as u32);
        Ok(())
    }

    /// Positional call arguments as a tuple (CPython's starunpack_helper with
    /// BUILD_LIST/LIST_APPEND/LIST_EXTEND and tuple=1): plain values and BUILD_TUPLE
    /// when nothing is starred; else a list begun at the first star, then a tuple.
    fn starunpack_tuple(&mut self, extra: u32, args: &[Expr]) -> CResult {
        if !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) {
            for a in args {
                self.expr(a)?;
            }
            self.emit(Op::BuildTuple, extra + args.len() as u32);
            return Ok(());
        }
        let mut built = false;
        for (i, a) in args.iter().enumerate() {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    if !built {
                        self.emit(Op::BuildList, extra + i as u32);
                        built = true;
                    }
                    self.expr(inner)?;
                    self.emit(Op::ListExtend, 1);
                }
                _ => {
                    self.expr(a)?;
                    if built {
                        self.emit(Op::ListAppend, 1);
                    }
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
        Ok(())
    }

    pub(super) fn subscript_index(&mut self, slice: &Expr) -> CResult {
        if let ExprKind::Slice { lower, upper, step } = &slice.kind {
            for part in [lower, upper] {
                match part {
                    Some(p) => self.expr(p)?,
                    None => self.load_const(Value::None),
                }
            }
            if let Some(s) = step {
                self.expr(s)?;
                self.emit(Op::BuildSlice, 3);
            } else {
                self.emit(Op::BuildSlice, 2);
            }
            Ok(())
        } else {
            self.expr(slice)
        }
    }

    /// An expression whose value is only iterated (`for x in [1, 2]`, a comprehension's
    /// source, the right of `in`): a list display compiles as a tuple, which then folds
    /// to a constant, and a set display of constants is a frozenset constant, as
    /// CPython's AST optimizer (fold_iter) arranges.
    pub(super) fn iterable(&mut self, e: &Expr) -> CResult {
        match &e.kind {
            ExprKind::List(items)
                if !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) =>
            {
                self.sequence(items, Seq::Tuple)
            }
            // An all-constant set display is the frozenset constant itself.
            ExprKind::Set(items) => {
                let frozen = items
                    .iter()
                    .map(fold::fold)
                    .collect::<Option<Vec<Value>>>()
                    .and_then(constant_frozenset);
                match frozen {
                    Some(f) => {
                        self.load_const(f);
                        Ok(())
                    }
                    None => self.expr(e),
                }
            }
            _ => self.expr(e),
        }
    }

    /// A list, tuple or set display, as CPython 3.11's starunpack_helper builds it:
    /// more than two constants become one constant tuple (a list extends an empty list
    /// with it); otherwise items are pushed and built at once, or, with a star, a
    /// sequence is built at the first star and extended.
    fn sequence(&mut self, items: &[Expr], kind: Seq) -> CResult {
        let (build, extend, add) = match kind {
            Seq::List => (Op::BuildList, Op::ListExtend, Op::ListAppend),
            Seq::Tuple => (Op::BuildTuple, Op::ListExtend, Op::ListAppend),
            Seq::Set => (Op::BuildSet, Op::SetUpdate, Op::SetAdd),
        };
        let n = items.len();
        if n > 2 {
            let folded: Option<Vec<Value>> = items.iter().map(fold::fold).collect();
            let folded = match (folded, kind) {
                (Some(values), Seq::Set) => constant_frozenset(values),
                (Some(values), _) => Some(Value::tuple(values)),
                (None, _) => None,
            };
            if let Some(value) = folded {
                match kind {
                    Seq::Tuple => self.load_const(value),
                    Seq::List | Seq::Set => {
                        self.emit(build, 0);
                        self.load_const(value);
                        self.emit(extend, 1);
                    }
                }
                return Ok(());
            }
        }
        let has_star = items.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let big = n > 30;
        if !has_star && !big {
            for i in items {
                self.expr(i)?;
            }
            self.emit(build, n as u32);
            return Ok(());
        }
        // A tuple is collected in a list, then converted.
        let build = if kind == Seq::Tuple {
            Op::BuildList
        } else {
            build
        };
        let mut built = false;
        if big {
            self.emit(build, 0);
            built = true;
        }
        for (idx, i) in items.iter().enumerate() {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    if !built {
                        self.emit(build, idx as u32);
                        built = true;
                    }
                    self.expr(inner)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(i)?;
                    if built {
                        self.emit(add, 1);
                    }
                }
            }
        }
        if kind == Seq::Tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    /// A dict display as CPython 3.11's compiler_dict builds it: runs of `key: value`
    /// items between `**` unpackings are sub-dicts, merged with DICT_UPDATE; a run of
    /// more than 15 items is split off as it grows.
    fn dict_display(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> CResult {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Op::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Op::BuildMap, 0);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit(Op::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Op::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Op::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Op::BuildMap, 0);
        }
        Ok(())
    }

    /// Items `begin..end` of a dict display (none of them `**`): constant keys become
    /// one tuple for BUILD_CONST_KEY_MAP; a big run is built with MAP_ADD.
    fn subdict(
        &mut self,
        keys: &[Option<Expr>],
        values: &[Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let constant_keys: Option<Vec<Value>> = keys[begin..end]
                .iter()
                .map(|k| k.as_ref().and_then(fold::fold))
                .collect();
            if let Some(ck) = constant_keys {
                for v in &values[begin..end] {
                    self.expr(v)?;
                }
                self.load_const(Value::tuple(ck));
                self.emit(Op::BuildConstKeyMap, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Op::BuildMap, 0);
        }
        for (k, v) in keys[begin..end].iter().zip(&values[begin..end]) {
            self.expr(k.as_ref().expect("no ** in a sub-dict"))?;
            self.expr(v)?;
            if big {
                self.emit(Op::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Op::BuildMap, n as u32);
        }
        Ok(())
    }

    /// 3.11 comprehensions are nested functions called with the first iterator.
    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult {
        let code = match self.compiled_before(e) {
            Some(code) => code,
            None => {
                let scope = self.table.scope_for(e);
                let line = self.line_of(e.span);
                let qualname = self.qualname_for(name);
                self.enter_unit(scope, name.into(), qualname, line);
                self.u().argcount = 1;
                self.emit_prologue();
                match kind {
                    CompKind::List => self.emit(Op::BuildList, 0),
                    CompKind::Set => self.emit(Op::BuildSet, 0),
                    CompKind::Dict => self.emit(Op::BuildMap, 0),
                    CompKind::Gen => {}
                }
                self.comp_generator(generators, 0, kind, elt, value)?;
                if kind == CompKind::Gen {
                    self.load_const(Value::None);
                }
                self.emit(Op::ReturnValue, 0);
                self.leave_nested_unit(e)
            }
        };
        let is_coro = code.flags & crate::bytecode::flags::COROUTINE != 0;
        self.make_closure(code, 0);
        self.iterable(&generators[0].iter)?;
        if generators[0].is_async {
            self.emit(Op::GetAiter, 0);
        } else {
            self.emit(Op::GetIter, 0);
        }
        self.emit(Op::Precall, 0);
        self.emit(Op::Call, 0);
        if is_coro && kind != CompKind::Gen {
            self.emit(Op::GetAwaitable, 0);
            self.load_const(Value::None);
            self.add_yield_from(true);
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        generators: &[ast::Comprehension],
        idx: usize,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult {
        let g = &generators[idx];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if idx == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.iterable(&g.iter)?;
            self.emit(
                if g.is_async {
                    Op::GetAiter
                } else {
                    Op::GetIter
                },
                0,
            );
        }
        self.bind(start);
        if g.is_async {
            let except = anchor;
            self.push_handler(except, false, 0);
            self.emit(Op::GetAnext, 0);
            self.load_const(Value::None);
            self.add_yield_from(true);
            self.pop_handler();
        } else {
            self.emit_jump(Op::ForIter, anchor);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if idx + 1 < generators.len() {
            self.comp_generator(generators, idx + 1, kind, elt, value)?;
        } else {
            // depth: the collection sits below one iterator per generator.
            let depth = generators.len() as u32 + 1;
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    if self.u().flags & crate::bytecode::flags::ASYNC_GENERATOR != 0 {
                        self.emit(Op::AsyncGenWrap, 0);
                    }
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::Resume, 1);
                    self.emit(Op::PopTop, 0);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend, depth);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd, depth);
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.unwrap())?;
                    self.emit(Op::MapAdd, depth);
                }
            }
        }
        self.bind(if_cleanup);
        self.emit_jump(Op::JumpBackward, start);
        self.bind(anchor);
        if g.is_async {
            self.emit(Op::EndAsyncFor, 0);
        }
        Ok(())
    }
}

/// `not (a is b)` and `not (a in b)`: CPython's optimizer rewrites them as `a is not b`
/// and `a not in b` (only these: `not (a == b)` may differ from `a != b`).
fn negatable_compare(e: &Expr) -> Option<(&Expr, CmpOp, &Expr)> {
    match &e.kind {
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } if ops.len() == 1
            && matches!(ops[0], CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) =>
        {
            Some((left, ops[0], &comparators[0]))
        }
        _ => None,
    }
}

fn negated(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        other => other,
    }
}

/// CPython's limit on values a display pushes before building in steps.
const STACK_USE_GUIDELINE: usize = 30;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

/// The frozenset constant CPython's compiler makes of an all-constant set display
/// (its iteration order is CPython's: see `SetTable::from_constant_frozenset`).
fn constant_frozenset(values: Vec<Value>) -> Option<Value> {
    let mut items = Vec::with_capacity(values.len());
    for v in values {
        items.push((constant_hash(&v)?, v));
    }
    let mut eq = |a: &Value, b: &Value| -> Result<bool, ()> { Ok(constants_equal(a, b)) };
    let table = crate::settable::SetTable::from_constant_frozenset(&items, &mut eq).ok()?;
    Some(Value::new_obj(Payload::Set(crate::object::SetObj {
        table: std::cell::RefCell::new(table),
        frozen: true,
    })))
}

/// `hash()` of a constant, without a VM (None: not a kind the folding handles).
fn constant_hash(v: &Value) -> Option<i64> {
    use crate::settable::*;
    Some(match v {
        Value::Int(i) => hash_i64(*i),
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => hash_bigint(b),
        Value::Float(f) => hash_f64(*f)?,
        Value::Str(s) => s.hash(),
        Value::None => 0xFCA86420,
        Value::Obj(o) => match &o.payload {
            Payload::Tuple(items) => hash_tuple(
                &items
                    .iter()
                    .map(constant_hash)
                    .collect::<Option<Vec<_>>>()?,
            ),
            Payload::Bytes(b) => hash_bytes(b),
            _ => return None,
        },
        Value::Null => return None,
    })
}

fn constants_equal(a: &Value, b: &Value) -> bool {
    match (a.payload(), b.payload()) {
        (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| constants_equal(p, q))
        }
        (Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) => x == y,
        _ => crate::vm::ops::fast_eq(a, b).unwrap_or(false),
    }
}

pub(super) fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::True => Value::Bool(true),
        Constant::False => Value::Bool(false),
        Constant::Ellipsis => crate::vm::builtins_types::ellipsis(),
        Constant::Int(i) => Value::from_bigint(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Imaginary(_) => Value::Float(f64::NAN),
        // Identifier-like constants are interned, as CPython does (dict keys, getattr names).
        Constant::Str(s)
            if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
        {
            Value::Str(crate::object::pystr::intern(s))
        }
        Constant::Str(s) => Value::str(s),
        Constant::Bytes(b) => Value::bytes(b.to_vec()),
    }
}
