//! Statement code generation (CPython 3.11 `compiler_*` shapes).

use super::*;
use crate::ast::{ExprKind, Stmt, StmtKind};
use crate::bytecode::Opcode as Op;

/// CPython's error for leaving an except* body early.
const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &[Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, s: &Stmt) -> CResult {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.mode == CompileMode::Interactive && self.units.len() == 1 {
                    self.expr(e)?;
                    self.emit(Op::PrintExpr, 0);
                } else if let ExprKind::Constant(_) = e.kind {
                    // A bare constant (docstring-like) statement generates no code.
                    self.emit(Op::Nop, 0);
                } else {
                    self.expr(e)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Copy, 1);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                } else if let ExprKind::Name(_) = target.kind {
                } else if let ExprKind::Attribute { value, .. } = &target.kind {
                    self.expr(value)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            StmtKind::Pass => self.emit(Op::Nop, 0),
            StmtKind::Break => self.break_continue(s, true)?,
            StmtKind::Continue => self.break_continue(s, false)?,
            StmtKind::Return(v) => self.return_stmt(s, v.as_ref())?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RaiseVarargs, n);
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, end, true)?;
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Precall, 0);
                    self.emit(Op::Call, 0);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.bind(end);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.set_line(a.span);
                    self.load_const(Value::Int(0));
                    self.load_const(Value::None);
                    let ni = self.name_idx(&a.name);
                    self.emit(Op::ImportName, ni);
                    match &a.asname {
                        Some(asname) => {
                            // import a.b.c as d: walk to the submodule.
                            let parts: Vec<&str> = a.name.split('.').collect();
                            if parts.len() > 1 {
                                for p in &parts[1..] {
                                    let pi = self.name_idx(&Rc::from(*p));
                                    self.emit(Op::ImportFrom, pi);
                                    self.emit(Op::Swap, 2);
                                    self.emit(Op::PopTop, 0);
                                }
                            }
                            self.store_name(asname)?;
                        }
                        None => {
                            let top: Rc<str> = a.name.split('.').next().unwrap_or("").into();
                            self.store_name(&top)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.load_const(Value::Int(*level as i64));
                let fromlist: Vec<Value> = names.iter().map(|a| Value::str(&a.name)).collect();
                self.load_const(Value::tuple(fromlist));
                let m = module.clone().unwrap_or_else(|| "".into());
                let mi = self.name_idx(&m);
                self.emit(Op::ImportName, mi);
                if names.len() == 1 && &*names[0].name == "*" {
                    self.emit(Op::ImportStar, 0);
                } else {
                    for a in names {
                        let ni = self.name_idx(&a.name);
                        self.emit(Op::ImportFrom, ni);
                        let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                        self.store_name(&bound)?;
                    }
                    self.emit(Op::PopTop, 0);
                }
            }
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                if orelse.is_empty() {
                    self.jump_if(test, end, false)?;
                    self.stmts(body)?;
                } else {
                    let else_ = self.new_label();
                    self.jump_if(test, else_, false)?;
                    self.stmts(body)?;
                    self.emit_jump(Op::JumpForward, end);
                    self.bind(else_);
                    self.stmts(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                // CPython 3.11's shape: the test at the top and again at the bottom, so
                // an iteration takes one backward jump; constant tests fold away.
                let start = self.new_label();
                let body_start = self.new_label();
                let anchor = self.new_label();
                let end = self.new_label();
                self.bind(start);
                self.set_line(test.span);
                if constant_truth(test) == Some(true) {
                    self.emit(Op::Nop, 0);
                } else {
                    self.jump_if(test, anchor, false)?;
                }
                self.bind(body_start);
                self.u().fblocks.push(FBlock::WhileLoop { start, end });
                self.stmts(body)?;
                self.u().fblocks.pop();
                self.set_line(s.span);
                self.jump_if(test, body_start, true)?;
                self.bind(anchor);
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.async_for(s, target, iter, body, orelse)?;
                } else {
                    let start = self.new_label();
                    let cleanup = self.new_label();
                    let end = self.new_label();
                    self.iterable(iter)?;
                    self.emit(Op::GetIter, 0);
                    self.bind(start);
                    self.set_line(s.span);
                    self.emit_jump(Op::ForIter, cleanup);
                    self.u().fblocks.push(FBlock::ForLoop { start, end });
                    self.store_target(target)?;
                    self.stmts(body)?;
                    self.u().fblocks.pop();
                    // The jump back is artificial: it takes a line from the flow.
                    self.u().line = 0;
                    self.emit_jump(Op::JumpBackward, start);
                    self.bind(cleanup);
                    self.stmts(orelse)?;
                    self.bind(end);
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_stmt(s, items, 0, body, *is_async)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                // The `try:` line itself is a NOP, as in CPython 3.11.
                self.emit(Op::Nop, 0);
                if !finalbody.is_empty() {
                    self.try_finally(body, handlers, orelse, finalbody, *is_star)?;
                } else if *is_star {
                    self.try_star_except(body, handlers, orelse)?;
                } else {
                    self.try_except(body, handlers, orelse)?;
                }
            }
            StmtKind::FunctionDef(f) => self.function_def(f)?,
            StmtKind::ClassDef(c) => self.class_def(c)?,
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &ast::Expr, op: ast::BinOp, value: &ast::Expr) -> CResult {
        let inplace = op as u32 + 13;
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n)?;
                self.expr(value)?;
                self.emit(Op::BinaryOp, inplace);
                self.store_name(n)?;
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::Copy, 1);
                let ni = self.name_idx(attr);
                self.emit(Op::LoadAttr, ni);
                self.expr(value)?;
                self.emit(Op::BinaryOp, inplace);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreAttr, ni);
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.subscript_index(slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.expr(value)?;
                self.emit(Op::BinaryOp, inplace);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
            _ => return Err(self.error("illegal expression for augmented assignment", target.span)),
        }
        Ok(())
    }

    pub(super) fn store_target(&mut self, t: &ast::Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let ni = self.name_idx(attr);
                self.emit(Op::StoreAttr, ni);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_index(slice)?;
                self.emit(Op::StoreSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(i) => {
                        if items
                            .iter()
                            .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(
                                self.error("multiple starred expressions in assignment", t.span)
                            );
                        }
                        let after = items.len() - i - 1;
                        self.emit(Op::UnpackEx, (i as u32) | ((after as u32) << 8));
                    }
                    None => self.emit(Op::UnpackSequence, items.len() as u32),
                }
                for it in items {
                    match &it.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(it)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => Err(self.error(
                "starred assignment target must be in a list or tuple",
                t.span,
            )),
            _ => Err(self.error("cannot assign to expression", t.span)),
        }
    }

    fn delete_target(&mut self, t: &ast::Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameOp::Del),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let ni = self.name_idx(attr);
                self.emit(Op::DeleteAttr, ni);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_index(slice)?;
                self.emit(Op::DeleteSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for it in items {
                    self.delete_target(it)?;
                }
                Ok(())
            }
            _ => Err(self.error("cannot delete expression", t.span)),
        }
    }

    // ----- unwinding for break / continue / return -----

    /// Emit the cleanup of one frame block (CPython's compiler_unwind_fblock).
    fn unwind_fblock(&mut self, fb: &FBlock, preserve_tos: bool) -> CResult {
        match fb {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler | FBlock::ExceptionGroupHandler => {
            }
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
            FBlock::TryExcept => self.pop_handler(),
            FBlock::FinallyTry { body } => {
                self.pop_handler();
                if preserve_tos {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                let body = body.clone();
                self.stmts(&body)?;
                if preserve_tos {
                    self.u().fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.pop_handler();
                self.emit(Op::PopExcept, 0);
            }
            FBlock::With { is_async } => {
                self.pop_handler();
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.emit(Op::GetAwaitable, 2);
                    self.load_const(Value::None);
                    self.add_yield_from(true);
                }
                self.emit(Op::PopTop, 0);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_handler();
                }
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.pop_handler();
                self.emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.clear_handler_name(n)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    fn break_continue(&mut self, s: &Stmt, is_break: bool) -> CResult {
        let saved_fblocks = self.u().fblocks.clone();
        let saved_handlers = self.u().handler_stack.clone();
        let mut found = None;
        while let Some(fb) = self.u().fblocks.pop() {
            if matches!(fb, FBlock::ExceptionGroupHandler) {
                return Err(self.error(EXCEPT_STAR_EXIT, s.span));
            }
            match fb {
                FBlock::WhileLoop { start, end } | FBlock::ForLoop { start, end } => {
                    if is_break {
                        self.unwind_fblock(&fb, false)?;
                    }
                    found = Some(if is_break { end } else { start });
                    break;
                }
                _ => self.unwind_fblock(&fb, false)?,
            }
        }
        let Some(target) = found else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.error(msg, s.span));
        };
        self.set_line(s.span);
        let op = if is_break {
            Op::JumpForward
        } else {
            Op::JumpBackward
        };
        self.emit_jump(op, target);
        let u = self.u();
        u.fblocks = saved_fblocks;
        u.handler_stack = saved_handlers;
        Ok(())
    }

    fn return_stmt(&mut self, s: &Stmt, v: Option<&ast::Expr>) -> CResult {
        if self.u().flags & crate::bytecode::flags::ASYNC_GENERATOR != 0 && v.is_some() {
            return Err(self.error("'return' with value in async generator", s.span));
        }
        // As CPython: a constant return value (after folding: `-1`, `(1, 2)`) is loaded
        // after the unwinding (finally bodies, with exits), so nothing has to be kept on
        // the stack meanwhile.
        let constant = v.and_then(super::fold::fold);
        let preserve = v.is_some() && constant.is_none();
        match (v, &constant) {
            (Some(e), None) => self.expr(e)?,
            (Some(e), Some(_)) => {
                self.set_line(e.span);
                self.emit(Op::Nop, 0);
            }
            _ => {}
        }
        let saved_fblocks = self.u().fblocks.clone();
        let saved_handlers = self.u().handler_stack.clone();
        while let Some(fb) = self.u().fblocks.pop() {
            if matches!(fb, FBlock::ExceptionGroupHandler) {
                return Err(self.error(EXCEPT_STAR_EXIT, s.span));
            }
            self.unwind_fblock(&fb, preserve)?;
        }
        self.set_line(s.span);
        match constant {
            Some(c) => self.load_const(c),
            None if v.is_none() => self.load_const(Value::None),
            None => {}
        }
        self.emit(Op::ReturnValue, 0);
        let u = self.u();
        u.fblocks = saved_fblocks;
        u.handler_stack = saved_handlers;
        Ok(())
    }

    // ----- try -----

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
    ) -> CResult {
        let end = self.new_label();
        let except = self.new_label();
        let cleanup = self.new_label();
        self.try_body(body, except)?;
        self.stmts(orelse)?;
        self.u().line = 0;
        self.emit_jump(Op::JumpForward, end);

        // Handler code CPython marks as artificial (no line of its own): line 0.
        self.bind(except);
        self.u().line = 0;
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.u().fblocks.push(FBlock::ExceptionHandler);
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.span);
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(self.error("default 'except:' must be last", h.span));
            }
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Op::CheckExcMatch, 0);
                self.emit_jump(Op::PopJumpForwardIfFalse, next);
            }
            match &h.name {
                Some(name) => {
                    let cleanup_end = self.new_label();
                    self.store_name(name)?;
                    self.handler_body(h, cleanup_end)?;
                    self.pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.clear_handler_name(name)?;
                    self.emit_jump(Op::JumpForward, end);
                    // The artificial except path is inside the outer cleanup handler.
                    self.bind(cleanup_end);
                    self.reenter_handler(cleanup);
                    self.clear_handler_name(name)?;
                    self.emit(Op::ReRaise, 1);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    self.u().fblocks.push(FBlock::HandlerCleanup { name: None });
                    self.stmts(&h.body)?;
                    self.u().fblocks.pop();
                    self.u().line = 0;
                    self.pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.emit_jump(Op::JumpForward, end);
                    // Code after this point is still inside the cleanup handler.
                    self.reenter_handler(cleanup);
                }
            }
            self.bind(next);
        }
        self.u().fblocks.pop();
        self.u().line = 0;
        self.emit(Op::ReRaise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `try` with `except*` clauses, as CPython 3.11's compiler_try_star_except: the
    /// handler keeps [prev_exc, orig, raised, rest] on the stack; each clause splits
    /// what it matches off `rest` (CHECK_EG_MATCH) and runs its body under a cleanup
    /// that adds whatever the body raises to `raised`; PREP_RERAISE_STAR then builds
    /// the exception to re-raise from `orig`, `raised` and the unmatched rest.
    fn try_star_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
    ) -> CResult {
        let end = self.new_label();
        let except = self.new_label();
        let orelse_start = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        let reraise = self.new_label();
        self.try_body(body, except)?;
        self.u().line = 0;
        self.emit_jump(Op::JumpForward, orelse_start);

        self.bind(except);
        self.u().line = 0;
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.u().fblocks.push(FBlock::ExceptionGroupHandler);
        let last = handlers.len() - 1;
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.span);
            let next = self.new_label();
            let no_match = self.new_label();
            let with_error = self.new_label();
            let cleanup_end = self.new_label();
            if i == 0 {
                // [exc] -> [orig, [], exc]: the original group, and the list of what
                // the clause bodies raise.
                self.emit(Op::Copy, 1);
                self.emit(Op::BuildList, 0);
                self.emit(Op::Swap, 2);
            }
            let typ = h
                .typ
                .as_ref()
                .expect("the parser requires a type after except*");
            self.expr(typ)?;
            self.emit(Op::CheckEgMatch, 0);
            self.emit(Op::Copy, 1);
            self.emit_jump(Op::PopJumpForwardIfNone, no_match);
            match &h.name {
                Some(name) => self.store_name(name)?,
                None => self.emit(Op::PopTop, 0),
            }
            self.handler_body(h, cleanup_end)?;
            if let Some(name) = &h.name {
                self.clear_handler_name(name)?;
            }
            self.emit_jump(Op::JumpForward, next);

            // The body raised: `name = None; del name`, and add the exception to the list.
            self.bind(cleanup_end);
            self.u().line = 0;
            if let Some(name) = &h.name {
                self.clear_handler_name(name)?;
            }
            self.emit(Op::ListAppend, 3);
            self.emit(Op::PopTop, 0);
            self.emit_jump(Op::JumpForward, with_error);

            self.bind(next);
            self.emit(Op::Nop, 0);
            self.emit_jump(Op::JumpForward, with_error);

            self.bind(no_match);
            self.emit(Op::PopTop, 0);

            self.bind(with_error);
            if i == last {
                // The unmatched rest (or None) joins the list.
                self.emit(Op::ListAppend, 1);
                self.emit_jump(Op::JumpForward, reraise_star);
            }
        }
        self.u().line = 0;
        self.u().fblocks.pop();
        self.bind(reraise_star);
        self.emit(Op::PrepReraiseStar, 0);
        self.emit(Op::Copy, 1);
        self.emit_jump(Op::PopJumpForwardIfNotNone, reraise);
        self.emit(Op::PopTop, 0);
        self.pop_handler();
        self.emit(Op::PopExcept, 0);
        self.emit_jump(Op::JumpForward, end);
        self.bind(reraise);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::ReRaise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse_start);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// An except clause's body, under the handler at `cleanup_end` (which clears the
    /// clause's name if the body raises); leaves line 0 for the artificial code after.
    fn handler_body(&mut self, h: &ast::ExceptHandler, cleanup_end: Label) -> CResult {
        self.push_handler(cleanup_end, true, 0);
        self.u().fblocks.push(FBlock::HandlerCleanup {
            name: h.name.clone(),
        });
        self.stmts(&h.body)?;
        self.u().fblocks.pop();
        self.pop_handler();
        self.u().line = 0;
        Ok(())
    }

    /// Code after a jump out of a handler's body is again inside the handler at
    /// `label` (the most recent one with that label).
    fn reenter_handler(&mut self, label: Label) {
        let idx = self
            .u()
            .handlers
            .iter()
            .rposition(|hh| hh.label == label)
            .expect("the handler was pushed") as u32;
        self.u().handler_stack.push(idx);
    }

    /// The body of a `try` with handlers at `except` (SETUP_FINALLY ... POP_BLOCK).
    fn try_body(&mut self, body: &[Stmt], except: Label) -> CResult {
        self.push_handler(except, false, 0);
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.u().fblocks.pop();
        self.pop_handler();
        self.pop_block();
        Ok(())
    }

    /// `name = None; del name` after an `except ... as name` body (artificial code).
    fn clear_handler_name(&mut self, name: &ast::Name) -> CResult {
        self.load_const(Value::None);
        self.store_name(name)?;
        self.name_op(name, NameOp::Del)
    }

    /// COPY 3; POP_EXCEPT; RERAISE 1 — leave a handler that itself raised.
    fn pop_except_and_reraise(&mut self) {
        self.u().line = 0;
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::ReRaise, 1);
    }

    fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        is_star: bool,
    ) -> CResult {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.push_handler(end, false, 0);
        self.u().fblocks.push(FBlock::FinallyTry {
            body: Rc::new(finalbody.to_vec()),
        });
        if is_star {
            self.try_star_except(body, handlers, orelse)?;
        } else if !handlers.is_empty() {
            self.try_except(body, handlers, orelse)?;
        } else {
            self.stmts(body)?;
        }
        self.u().fblocks.pop();
        self.pop_handler();
        self.pop_block();
        self.stmts(finalbody)?;
        self.u().line = 0;
        self.emit_jump(Op::JumpForward, exit);

        self.bind(end);
        self.u().line = 0;
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.u().fblocks.pop();
        self.emit(Op::ReRaise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    // ----- with -----

    /// `__exit__(None, None, None)`: the exit function is already on the stack.
    pub(super) fn call_exit_with_nones(&mut self) {
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit(Op::Precall, 2);
        self.emit(Op::Call, 2);
    }

    fn with_stmt(
        &mut self,
        s: &Stmt,
        items: &[ast::WithItem],
        pos: usize,
        body: &[Stmt],
        is_async: bool,
    ) -> CResult {
        let item = &items[pos];
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_line(s.span);
        if is_async {
            self.emit(Op::BeforeAsyncWith, 0);
            self.emit(Op::GetAwaitable, 1);
            self.load_const(Value::None);
            self.add_yield_from(true);
        } else {
            self.emit(Op::BeforeWith, 0);
        }
        self.bind(block);
        self.push_handler(final_, true, -1);
        self.u().fblocks.push(FBlock::With { is_async });
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Op::PopTop, 0),
        }
        if pos + 1 < items.len() {
            self.with_stmt(s, items, pos + 1, body, is_async)?;
        } else {
            self.stmts(body)?;
        }
        self.u().fblocks.pop();
        self.pop_handler();
        if is_async {
            // 3.11's compiler_async_with leaves its POP_BLOCK on the current line.
            self.emit(Op::Nop, 0);
        } else {
            self.pop_block();
        }
        self.set_line(s.span);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Op::GetAwaitable, 2);
            self.load_const(Value::None);
            self.add_yield_from(true);
        }
        self.emit(Op::PopTop, 0);
        self.emit_jump(Op::JumpForward, exit);

        self.bind(final_);
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        if is_async {
            self.emit(Op::GetAwaitable, 2);
            self.load_const(Value::None);
            self.add_yield_from(true);
        }
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: Label) {
        let suppress = self.new_label();
        self.emit_jump(Op::PopJumpForwardIfTrue, suppress);
        self.emit(Op::ReRaise, 2);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(suppress);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopTop, 0);
    }

    fn async_for(
        &mut self,
        s: &Stmt,
        target: &ast::Expr,
        iter: &ast::Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> CResult {
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.emit(Op::GetAiter, 0);
        self.bind(start);
        self.set_line(s.span);
        self.push_handler(except, false, 0);
        self.emit(Op::GetAnext, 0);
        self.load_const(Value::None);
        self.add_yield_from(true);
        self.pop_handler();
        self.u().fblocks.push(FBlock::ForLoop { start, end });
        self.store_target(target)?;
        self.stmts(body)?;
        self.u().fblocks.pop();
        // The jump back is artificial; END_ASYNC_FOR has the iterator's line.
        self.u().line = 0;
        self.emit_jump(Op::JumpBackward, start);
        self.bind(except);
        self.set_line(iter.span);
        self.emit(Op::EndAsyncFor, 0);
        self.stmts(orelse)?;
        self.bind(end);
        self.u().block_labels.push(end);
        Ok(())
    }

    // ----- definitions -----

    /// Push default values; returns the MAKE_FUNCTION flags for them.
    pub(super) fn function_defaults(&mut self, args: &ast::Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple, args.defaults.len() as u32);
            flags |= 0x01;
        }
        let kw: Vec<(&ast::Arg, &ast::Expr)> = args
            .kwonlyargs
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if !kw.is_empty() {
            let mut names = vec![];
            for (a, d) in &kw {
                self.expr(d)?;
                names.push(Value::Str(crate::object::pystr::intern(&a.name)));
            }
            self.load_const(Value::tuple(names));
            self.emit(Op::BuildConstKeyMap, kw.len() as u32);
            flags |= 0x02;
        }
        Ok(flags)
    }

    pub(super) fn set_arg_counts(&mut self, args: &ast::Arguments) {
        let u = self.u();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
        if args.vararg.is_some() {
            u.flags |= crate::bytecode::flags::VARARGS;
        }
        if args.kwarg.is_some() {
            u.flags |= crate::bytecode::flags::VARKEYWORDS;
        }
    }

    fn function_def(&mut self, f: &ast::FunctionDef) -> CResult {
        for d in &f.decorators {
            self.set_line(d.span);
            self.expr(d)?;
        }
        self.set_line(f.span);
        let flags = self.function_defaults(&f.args)?;
        let scope = self.table.scope_for(f);
        let first_line = f
            .decorators
            .first()
            .map(|d| self.line_of(d.span))
            .unwrap_or_else(|| self.line_of(f.span));
        let qualname = self.qualname_for(&f.name);
        self.enter_unit(scope, f.name.clone(), qualname, first_line);
        self.set_arg_counts(&f.args);
        // The prologue is at co_firstlineno (the first decorator's line).
        self.u().line = first_line;
        let doc = docstring(&f.body);
        self.add_const(match &doc {
            Some(d) => Value::str(d),
            None => Value::None,
        });
        self.emit_prologue();
        let body = if doc.is_some() {
            &f.body[1..]
        } else {
            &f.body[..]
        };
        self.stmts(body)?;
        // The implicit return has no line of its own (CPython's UNSET_LOC).
        self.u().line = 0;
        self.load_const(Value::None);
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit();
        self.set_line(f.span);
        self.make_closure(code, flags);
        self.apply_decorators(&f.decorators);
        self.set_line(f.span);
        self.store_name(&f.name)
    }

    /// Call the decorators, innermost first, each at its own line (as CPython 3.11).
    fn apply_decorators(&mut self, decorators: &[ast::Expr]) {
        for d in decorators.iter().rev() {
            self.set_line(d.span);
            self.emit(Op::Precall, 0);
            self.emit(Op::Call, 0);
        }
    }

    fn class_def(&mut self, c: &ast::ClassDef) -> CResult {
        for d in &c.decorators {
            self.set_line(d.span);
            self.expr(d)?;
        }
        self.set_line(c.span);
        let scope = self.table.scope_for(c);
        let first_line = c
            .decorators
            .first()
            .map(|d| self.line_of(d.span))
            .unwrap_or_else(|| self.line_of(c.span));
        let qualname = self.qualname_for(&c.name);
        self.enter_unit(scope, c.name.clone(), qualname.clone(), first_line);
        self.u().line = first_line;
        self.emit_prologue();
        self.load_name(&"__name__".into())?;
        self.store_name(&"__module__".into())?;
        self.load_const(Value::str(&qualname));
        self.store_name(&"__qualname__".into())?;
        let mut body = &c.body[..];
        if let Some(doc) = docstring(&c.body) {
            self.load_const(Value::str(&doc));
            self.store_name(&"__doc__".into())?;
            body = &c.body[1..];
        }
        self.stmts(body)?;
        if self.scope().needs_class_cell && self.u().cellvars.iter().any(|n| &**n == "__class__") {
            let i = self.deref_idx(&"__class__".into());
            self.emit(Op::LoadClosure, i);
            self.emit(Op::Copy, 1);
            self.store_name(&"__classcell__".into())?;
        } else {
            self.load_const(Value::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit();
        self.set_line(c.span);
        self.emit(Op::PushNull, 0);
        self.emit(Op::LoadBuildClass, 0);
        self.make_closure(code, 0);
        self.load_const(Value::str(&c.name));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorators);
        self.set_line(c.span);
        self.store_name(&c.name)
    }
}

/// The truth value of a constant expression, if it is one (CPython folds these jumps).
pub(super) fn constant_truth(e: &ast::Expr) -> Option<bool> {
    use crate::ast::Constant as C;
    match &e.kind {
        ExprKind::Constant(c) => Some(match c {
            C::None | C::False => false,
            C::True | C::Ellipsis => true,
            C::Int(i) => !num_traits::Zero::is_zero(i),
            C::Float(f) | C::Imaginary(f) => *f != 0.0,
            C::Str(s) => !s.is_empty(),
            C::Bytes(b) => !b.is_empty(),
        }),
        _ => None,
    }
}
