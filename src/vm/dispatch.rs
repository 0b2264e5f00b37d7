//! The single instruction loop (one exhaustive match over `Opcode`), frame switching for
//! calls, returns, yields and resumes, and exception unwinding through the exception table.

use super::call::{recursion_error, FastCall};
use super::frame::{truncate_values, Frame, Ret};
use super::generator::{is_generator, GenKind, GenState, Generator};
use super::{budget, Completion, Vm, PENDING};
use crate::bytecode::{flags, InlineCache, Opcode};
use crate::object::{Dict, ExcKind, Object, Payload, PyErr, PyResult, Value};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::Ordering;

/// Result of starting a call from the loop.
pub(crate) enum CallOutcome {
    /// Finished natively; push this value.
    Done(Value),
    /// A frame was pushed, or the result is already on the caller's stack: the loop
    /// goes on with the frame on top.
    Pushed,
}

macro_rules! fr {
    ($vm:expr) => {
        $vm.frames.last_mut().unwrap()
    };
}

impl Vm {
    pub(crate) fn run_frames(&mut self, base: usize) -> PyResult<Completion> {
        loop {
            match self.execute(base) {
                Ok(c) => return Ok(c),
                Err(e) => {
                    if let Some(c) = self.unwind(e, base)? {
                        return Ok(c);
                    }
                }
            }
        }
    }

    /// Find a handler for `err`, popping frames that have none. `Ok(None)`: resume the
    /// loop; `Ok(Some)`: the base frame completed (e.g. a close() that succeeded);
    /// `Err`: the exception escapes the base frame.
    fn unwind(&mut self, err: PyErr, base: usize) -> PyResult<Option<Completion>> {
        let reraise = std::mem::take(&mut self.reraising);
        let mut exc = self.materialize(err);
        let mut add_tb = !reraise;
        loop {
            let frame = fr!(self);
            let fault = frame.ip.saturating_sub(1) as u32;
            if add_tb {
                let code = frame.code.clone();
                self.add_traceback(&exc, code, fault);
            }
            let frame = fr!(self);
            if let Some(h) = frame.code.find_handler(fault).copied() {
                let nl = frame.nlocalsplus();
                frame.stack.truncate(nl + h.depth as usize);
                if h.lasti {
                    frame.stack.push(Value::Int(fault as i64));
                }
                frame.stack.push(exc.clone());
                frame.ip = h.target as usize;
                return Ok(None);
            }
            // No handler: the frame is finished.
            let mut f = self.frames.pop().unwrap();
            let kind = match f.take_gen() {
                Some(g) => {
                    let gen = gen_of(&g);
                    gen.state.set(GenState::Closed);
                    self.exc_info = gen.exc_state.replace(Value::None);
                    Some(gen.kind)
                }
                None if matches!(f.ret, Ret::AwaitedCall { .. }) => Some(GenKind::Coroutine),
                None => None,
            };
            if let Some(kind) = kind {
                // PEP 479: StopIteration escaping a generator becomes RuntimeError.
                if self.is_instance_of_kind(&exc, ExcKind::StopIteration) {
                    let msg = match kind {
                        GenKind::Generator => "generator raised StopIteration",
                        GenKind::Coroutine => "coroutine raised StopIteration",
                        GenKind::AsyncGenerator => "async generator raised StopIteration",
                    };
                    let new = self.materialize(PyErr::runtime_error(msg));
                    self.set_cause_and_context(&new, exc.clone());
                    exc = new;
                } else if kind == GenKind::AsyncGenerator
                    && self.is_instance_of_kind(&exc, ExcKind::StopAsyncIteration)
                {
                    let new = self.materialize(PyErr::runtime_error(
                        "async generator raised StopAsyncIteration",
                    ));
                    self.set_cause_and_context(&new, exc.clone());
                    exc = new;
                }
            }
            let ret = f.ret.clone();
            self.keep_frame_locals(&exc, &mut f);
            self.free_frame(f);
            if matches!(ret, Ret::ThrownSend { .. }) {
                self.settle_deferred_exc_state();
                self.chain_to_own_exception(&exc);
            }
            if let Ret::Chain { send_ip } = ret {
                // Its levels unwind as the frames they stand for.
                self.expand_chain(send_ip);
            }
            if let Ret::AsyncSend { .. } = ret {
                let closed = self.is_instance_of_kind(&exc, ExcKind::StopAsyncIteration)
                    || self.is_instance_of_kind(&exc, ExcKind::GeneratorExit);
                let op = fr!(self).stack.last().expect("SEND's receiver slot");
                super::asyncgen::asend_ended(op, closed);
            }
            match ret {
                Ret::Close => {
                    if self.is_instance_of_kind(&exc, ExcKind::GeneratorExit)
                        || self.is_instance_of_kind(&exc, ExcKind::StopIteration)
                    {
                        if self.frames.len() == base {
                            return Ok(Some(Completion::Return(Value::None)));
                        }
                        fr!(self).stack.push(Value::None);
                        return Ok(None);
                    }
                }
                Ret::Finalize => {
                    if !self.is_instance_of_kind(&exc, ExcKind::GeneratorExit) {
                        self.report_unraisable(&exc, "generator");
                    }
                    if self.frames.len() == base {
                        return Ok(Some(Completion::Return(Value::None)));
                    }
                    return Ok(None);
                }
                Ret::Init
                | Ret::Call
                | Ret::BinaryOp { .. }
                | Ret::CompareOp { .. }
                | Ret::ForIter { .. }
                | Ret::ForIterStore { .. }
                | Ret::NextCall
                | Ret::NextCallStore { .. }
                | Ret::Entry => {}
                Ret::Consume(_) => {}
                Ret::Send { .. }
                | Ret::ThrownSend { .. }
                | Ret::AwaitedCall { .. }
                | Ret::Chain { .. }
                | Ret::AsyncSend { .. } => {}
            }
            if self.frames.len() == base {
                return Err(PyErr::Obj(exc));
            }
            // Continue unwinding in the caller, at the instruction that called/resumed.
            add_tb = true;
        }
    }

    /// Run instructions until the base frame completes or an error escapes an instruction.
    fn execute(&mut self, base: usize) -> PyResult<Completion> {
        // The current frame is boxed, so its address is stable until it is popped, which
        // only this loop does (then it reloads). Natives that run nested loops push and pop
        // frames above it. References made from `fp` never outlive one statement.
        let mut fp: *mut Frame = &mut **self.frames.last_mut().unwrap();
        macro_rules! cur {
            () => {
                unsafe { &mut *fp }
            };
        }
        // The current frame's code, borrowed without a reference count: the frame holds
        // the code while it is current, and every change of current frame reloads.
        let code_ptr = Rc::as_ptr(&cur!().code);
        let mut code: &crate::bytecode::CodeObject = unsafe { &*code_ptr };
        // Its instructions, for the fetch at the loop's head (see CodeObject::instr_at).
        let mut instrs = code.instrs.as_ptr();
        let mut ip = cur!().ip;
        // Go on in frame `$f`, the one on top of the frame stack.
        macro_rules! enter {
            ($f:expr) => {{
                fp = $f;
                debug_assert!(std::ptr::eq(fp, &**self.frames.last().unwrap()));
                let f = cur!();
                let code_ptr = Rc::as_ptr(&f.code);
                code = unsafe { &*code_ptr };
                instrs = code.instrs.as_ptr();
                ip = f.ip;
            }};
        }
        // Go on in whatever frame is now on top.
        macro_rules! reload {
            () => {
                enter!(&mut **self.frames.last_mut().unwrap())
            };
        }
        macro_rules! stack {
            () => {
                cur!().stack
            };
        }
        // Pops and pushes write the slot directly: going through `Option` and a possible
        // reallocation call made LLVM spill each Value and reload it as one 16-byte word,
        // which stalls on store forwarding (a third of the loop's time on fib).
        macro_rules! pop {
            () => {
                pop_value(&mut stack!())
            };
        }
        macro_rules! push {
            ($v:expr) => {{
                let v = $v;
                push_value(&mut stack!(), v)
            }};
        }
        // Fast local `$i` of the current frame. The compiler only emits local indices
        // below the code's `nlocalsplus`, and a frame's stack never shrinks below its
        // locals while it runs, so the bounds check is left to debug builds.
        macro_rules! local {
            ($i:expr) => {{
                let i = $i as usize;
                let s = &mut stack!();
                debug_assert!(i < s.len());
                unsafe { s.get_unchecked_mut(i) }
            }};
        }
        // The value on top of the stack (there is one: as for `pop_value`).
        macro_rules! top {
            () => {{
                &*top_mut!()
            }};
        }
        macro_rules! top_mut {
            () => {{
                let s = &mut stack!();
                let n = s.len();
                debug_assert!(n > 0);
                unsafe { s.get_unchecked_mut(n - 1) }
            }};
        }
        // Jump to $t; a backward jump is a safe point for the execution budget. (What
        // it raises comes from the jump: a fused jump's frame still has the ip of the
        // instruction that started the step.)
        macro_rules! jump_to {
            ($t:expr) => {{
                let t = $t;
                if t < ip && self.safe_point_due {
                    cur!().ip = ip;
                    self.safe_point()?;
                }
                ip = t;
            }};
        }
        // The value of the LOAD_FAST at `ip`, run as part of the instruction before it
        // (the caller pushes it): its error points at its own line.
        macro_rules! fused_load_fast {
            ($slot:expr) => {{
                let slot = $slot;
                ip += 1;
                budget::count_steps(1);
                let v = &*local!(slot);
                if v.is_null() {
                    cur!().ip = ip;
                    return Err(unbound_local(&code, slot));
                }
                v.clone()
            }};
        }
        // After GET_AWAITABLE / GET_YIELD_FROM_ITER: the LOAD_CONST None and SEND that
        // always follow, run here when the awaitable is a generator or coroutine the
        // loop resumes in place (two dispatches saved per await; two steps counted).
        macro_rules! start_send {
            () => {{
                if let (Some(load), Some(send)) = (code.instrs.get(ip), code.instrs.get(ip + 1)) {
                    if load.op == Opcode::LoadConst
                        && send.op == Opcode::Send
                        && code.consts[load.arg as usize].is_none()
                    {
                        if let Some(g) = resumable_gen(top!()) {
                            ip += 2;
                            cur!().ip = ip;
                            budget::count_steps(2);
                            let send_ip = (ip - 1) as u32;
                            let f = self.resume_gen(g, Value::None, Ret::Send { send_ip })?;
                            enter!(f);
                            continue;
                        }
                    }
                }
            }};
        }
        // The opcode of the instruction running, read again from the code: the few arms
        // shared by two opcodes ask it this way, so that the fetched opcode is dead once
        // the dispatch has jumped (kept for them, it took a register move at every
        // instruction). Volatile, so that it is not kept from the fetch after all.
        macro_rules! op_again {
            () => {
                // SAFETY: ip - 1 is the instruction just fetched, in the current code.
                unsafe { std::ptr::read_volatile(&(*instrs.add(ip - 1)).op) }
            };
        }
        // A small-int result of the instruction before `$at`, whose operands were
        // popped: stored straight into the local when a STORE_FAST follows (`i = i +
        // 1`), or pushed. `$steps` counts the instructions run since the one fetched.
        macro_rules! store_or_push_int {
            ($r:expr, $at:expr, $steps:expr) => {{
                let (r, at): (i64, usize) = ($r, $at);
                let store = code.instr_at(at);
                if store.op == Opcode::StoreFast {
                    ip = at + 1;
                    budget::count_steps($steps + 1);
                    local!(store.arg).replace_with(Value::Int(r));
                } else {
                    ip = at;
                    budget::count_steps($steps);
                    push!(Value::Int(r));
                }
            }};
        }
        // CALL with `$argc` arguments, run by CALL's arm and by PRECALL's (which runs
        // the CALL after it as part of the same step).
        macro_rules! call {
            ($argc:expr) => {{
                let argc: usize = $argc;
                // KW_NAMES, PRECALL and CALL are always adjacent: a call with
                // keywords has them named two instructions up. (Read through the
                // fetch's pointer: ip - 3 is below ip, so in the code.)
                let kw_names = (ip >= 3)
                    .then(|| unsafe { *instrs.add(ip - 3) })
                    .filter(|k| k.op == Opcode::KwNames);
                if kw_names.is_none() {
                    let fast = self.try_fast_call(fp, code.inline_cache_at(ip - 1), argc);
                    // The common cases first, one test each: a jump table over
                    // the outcomes cost Python calls three instructions more.
                    if let FastCall::Entered(f) = fast {
                        enter!(f);
                        continue;
                    }
                    if matches!(fast, FastCall::Pushed) {
                        reload!();
                        continue;
                    }
                    match fast {
                        FastCall::Entered(_) | FastCall::Pushed => unreachable!("taken above"),
                        FastCall::Raised => {
                            return Err(self.take_native_error());
                        }
                        FastCall::ResumeGen | FastCall::Consume => {
                            // A generator resumed, or consumed, in this loop.
                            let resumed = if matches!(fast, FastCall::ResumeGen) {
                                self.resume_from_call(argc)
                            } else {
                                self.start_consume(argc)
                            };
                            if let Some(r) = resumed {
                                r?;
                                reload!();
                                continue;
                            }
                            // Not a generator: the built-in runs as any other.
                            match self.run_builtin(argc) {
                                FastCall::Pushed => {
                                    reload!();
                                    continue;
                                }
                                FastCall::Raised => return Err(self.take_native_error()),
                                _ => {}
                            }
                        }
                        FastCall::GeneratorFunction => {
                            match self.call_generator_function(argc)? {
                                CallOutcome::Done(v) => push!(v),
                                CallOutcome::Pushed => reload!(),
                            }
                            continue;
                        }
                        FastCall::NotHandled => {}
                    }
                }
                let kwnames = kw_names.map(|k| code.consts[k.arg as usize].clone());
                match self.call_general(argc, kwnames)? {
                    CallOutcome::Done(v) => push!(v),
                    CallOutcome::Pushed => reload!(),
                }
            }};
        }
        // Two small ints about to be pushed by the loads ending just before `$at`: when
        // the instruction at `$at` is a BINARY_OP whose result is a small int, or a
        // COMPARE_OP (and a conditional jump on it), run it too and push only its
        // result, or jump (what CPython 3.11's BINARY_OP_ADD_INT and
        // COMPARE_OP_INT_JUMP do once specialised, here without the pushes and pops
        // between). `$loads` is how many loads start at `ip`, past the one running;
        // each instruction run counts as a step. Nothing here can fail, so an error's
        // line is never at stake; other cases fall through to push the operands.
        macro_rules! fused_int_op {
            ($x:expr, $y:expr, $at:expr, $loads:expr) => {{
                let (x, y, at): (i64, i64, usize) = ($x, $y, $at);
                let then = code.instr_at(at);
                if then.op == Opcode::BinaryOp {
                    if let Some(r) = int_binary(x, y, then.arg) {
                        store_or_push_int!(r, at + 1, $loads + 1);
                        continue;
                    }
                } else if then.op == Opcode::CompareOp {
                    let t = super::ops::ordering_satisfies(x.cmp(&y), then.arg);
                    let jump = code.instr_at(at + 1);
                    match jump_taken(jump.op, t) {
                        Some(taken) => {
                            ip = at + 2;
                            budget::count_steps($loads + 2);
                            if taken {
                                jump_to!(jump.arg as usize);
                            }
                        }
                        None => {
                            ip = at + 1;
                            budget::count_steps($loads + 1);
                            push!(Value::Bool(t));
                        }
                    }
                    continue;
                }
            }};
        }
        loop {
            if budget::tick() {
                // Finalizers run in frames above this one and leave it as it was, so
                // the loop's state needs no reload (one made LLVM shuffle a register
                // through the stack at every instruction).
                cur!().ip = ip;
                self.attention()?;
            }
            debug_assert!(ip < code.instrs.len());
            // SAFETY: as in CodeObject::instr_at: control only reaches indices below
            // the length (`seal_control_flow`); `instrs` is the current code's.
            let instr = unsafe { *instrs.add(ip) };
            ip += 1;
            cur!().ip = ip;
            let arg = instr.arg;
            match instr.op {
                Opcode::Resume => {
                    // Function entry and generator resumption: a safe point.
                    if self.safe_point_due {
                        self.safe_point()?;
                    }
                }
                Opcode::Precall => {
                    // The CALL that always follows runs now, as part of this step (its
                    // own counted): one dispatch less per call.
                    let next = code.instr_at(ip);
                    if next.op == Opcode::Call {
                        ip += 1;
                        cur!().ip = ip;
                        budget::count_steps(1);
                        call!(next.arg as usize);
                    }
                }
                Opcode::Nop | Opcode::CopyFreeVars => {}
                Opcode::Cache => return Err(cache_executed()),
                Opcode::PopTop => pop!().discard(),
                Opcode::PushNull => push!(Value::Null),
                Opcode::Copy => {
                    let s = &mut stack!();
                    let v = s[s.len() - arg as usize].clone();
                    s.push(v);
                }
                Opcode::Swap => {
                    let s = &mut stack!();
                    let n = s.len();
                    s.swap(n - 1, n - arg as usize);
                }
                Opcode::UnaryPositive => {
                    let v = pop!();
                    push!(self.unary_pos(v)?);
                }
                Opcode::UnaryNegative => {
                    let v = pop!();
                    push!(self.unary_neg(v)?);
                }
                Opcode::UnaryNot => {
                    let v = pop!();
                    let b = self.truthy(&v)?;
                    push!(Value::Bool(!b));
                }
                Opcode::UnaryInvert => {
                    let v = pop!();
                    push!(self.unary_invert(v)?);
                }
                Opcode::BinaryOp => {
                    // Small ints are read in place and the result written over the
                    // left operand: one read and one write of the stack length, where
                    // two pops and a push chain three through memory.
                    if let Some(r) =
                        top_int_pair(&stack!()).and_then(|(x, y)| int_binary(x, y, arg))
                    {
                        if code.instr_at(ip).op == Opcode::StoreFast {
                            forget_top_ints(&mut stack!(), 2);
                            store_or_push_int!(r, ip, 0);
                        } else {
                            replace_top_pair(&mut stack!(), Value::Int(r));
                        }
                        continue;
                    }
                    let b = pop!();
                    let a = pop!();
                    if is_instance(&a) {
                        match self.binary_op_on_instance(a, b, arg)? {
                            CallOutcome::Done(v) => push!(v),
                            CallOutcome::Pushed => reload!(),
                        }
                        continue;
                    }
                    push!(self.binary_op(a, b, arg)?);
                }
                Opcode::CompareOp => {
                    // A bool result is fused with a following conditional jump (what
                    // CPython 3.11 specialises as COMPARE_OP_*_JUMP), and with `and` /
                    // `or`'s JUMP_IF_*_OR_POP, which keep it only when they jump; dis is
                    // unchanged.
                    macro_rules! bool_result {
                        ($t:expr) => {{
                            let t = $t;
                            let next = code.instr_at(ip);
                            if let Some(taken) = jump_taken(next.op, t) {
                                budget::count_steps(1);
                                if taken {
                                    jump_to!(next.arg as usize);
                                } else {
                                    ip += 1;
                                }
                                continue;
                            }
                            let keeps = match next.op {
                                Opcode::JumpIfFalseOrPop => Some(!t),
                                Opcode::JumpIfTrueOrPop => Some(t),
                                _ => None,
                            };
                            if let Some(jumps) = keeps {
                                budget::count_steps(1);
                                if jumps {
                                    push!(Value::Bool(t));
                                    ip = next.arg as usize;
                                } else {
                                    ip += 1;
                                }
                                continue;
                            }
                            push!(Value::Bool(t));
                            continue;
                        }};
                    }
                    let r = match top_int_pair(&stack!()) {
                        Some((x, y)) => {
                            let t = super::ops::ordering_satisfies(x.cmp(&y), arg);
                            // Both operands are ints: dropping them is forgetting them.
                            let s = &mut stack!();
                            unsafe { s.set_len(s.len() - 2) };
                            // Handled here, the bool stays in a register: joined with
                            // the general path's result, it went through memory as a
                            // byte read back as a word, a stall (perf: 5% of dunder_ops'
                            // loop).
                            bool_result!(t)
                        }
                        None => {
                            let b = pop!();
                            let a = pop!();
                            if is_instance(&a) {
                                match self.compare_on_instance(a, b, arg)? {
                                    CallOutcome::Done(v) => v,
                                    CallOutcome::Pushed => {
                                        reload!();
                                        continue;
                                    }
                                }
                            } else {
                                self.compare(a, b, arg)?
                            }
                        }
                    };
                    if let Value::Bool(t) = r {
                        bool_result!(t)
                    }
                    push!(r);
                }
                Opcode::IsOp => {
                    let b = pop!();
                    let a = pop!();
                    push!(Value::Bool(a.is(&b) != (arg == 1)));
                }
                Opcode::ContainsOp => {
                    let b = pop!();
                    let a = pop!();
                    let r = self.contains(&b, &a)?;
                    push!(Value::Bool(r != (arg == 1)));
                }
                Opcode::BinarySubscr => {
                    if let Some(v) = list_item_at_top(&stack!()) {
                        // list[int], CPython 3.11's BINARY_SUBSCR_LIST_INT.
                        pop!();
                        let list = pop!();
                        push!(v);
                        drop(list);
                        continue;
                    }
                    let key = pop!();
                    let obj = pop!();
                    match self.binary_subscr(obj, key)? {
                        CallOutcome::Done(v) => push!(v),
                        CallOutcome::Pushed => reload!(),
                    }
                }
                Opcode::StoreSubscr => {
                    if let Some(old) = store_list_item_at_top(&mut stack!()) {
                        // list[int] = v, CPython 3.11's STORE_SUBSCR_LIST_INT.
                        drop(old);
                        continue;
                    }
                    let key = pop!();
                    let obj = pop!();
                    let v = pop!();
                    self.setitem(&obj, key, v)?;
                }
                Opcode::DeleteSubscr => {
                    let key = pop!();
                    let obj = pop!();
                    self.delitem(&obj, &key)?;
                }
                Opcode::GetIter => {
                    let v = pop!();
                    push!(self.get_iter(&v)?);
                }
                Opcode::ForIter => {
                    // range and list/tuple iterators step here, without a call;
                    // generators resume in this loop.
                    let step = match step_simple_iter(top!()) {
                        Some(step) => step,
                        None => {
                            if let Some(g) = resumable_gen(top!()) {
                                let next = code.instr_at(ip);
                                let ret = if next.op == Opcode::StoreFast {
                                    Ret::ForIterStore { slot: next.arg }
                                } else {
                                    Ret::ForIter { target: arg }
                                };
                                let f = self.resume_gen(g, Value::None, ret)?;
                                enter!(f);
                                continue;
                            }
                            let it = top!().clone();
                            self.next(&it)?
                        }
                    };
                    match step {
                        Some(v) => {
                            // FOR_ITER, STORE_FAST (`for x in ...`): the item goes
                            // straight to its local, one step fewer; dis is unchanged.
                            let next = code.instr_at(ip);
                            if next.op == Opcode::StoreFast {
                                ip += 1;
                                budget::count_steps(1);
                                local!(next.arg).replace_with(v);
                            } else {
                                push!(v);
                            }
                        }
                        None => {
                            pop!();
                            ip = arg as usize;
                        }
                    }
                }
                Opcode::LoadConst => {
                    let c = code.const_at(arg);
                    // A small int constant and the small int below it (what the next
                    // instruction pops, so there is one): `... == 0`, `p.x > 500`
                    // compare, and jump on the result; `... + 1`, `... % k` make the
                    // result in place. (Written out rather than through fused_int_op!,
                    // which would pop and push where this writes in place: measured
                    // 0.5-2% more instructions on every benchmark.)
                    if let Value::Int(y) = c {
                        let next = code.instr_at(ip);
                        if next.op == Opcode::CompareOp {
                            if let Value::Int(x) = top!() {
                                let t = super::ops::ordering_satisfies(x.cmp(y), next.arg);
                                forget_top_ints(&mut stack!(), 1);
                                let jump = code.instr_at(ip + 1);
                                match jump_taken(jump.op, t) {
                                    Some(taken) => {
                                        ip += 2;
                                        budget::count_steps(2);
                                        if taken {
                                            jump_to!(jump.arg as usize);
                                        }
                                    }
                                    None => {
                                        ip += 1;
                                        budget::count_steps(1);
                                        push!(Value::Bool(t));
                                    }
                                }
                                continue;
                            }
                        }
                        if next.op == Opcode::BinaryOp {
                            if let Value::Int(x) = top!() {
                                if let Some(r) = int_binary(*x, *y, next.arg) {
                                    if code.instr_at(ip + 1).op == Opcode::StoreFast {
                                        forget_top_ints(&mut stack!(), 1);
                                        store_or_push_int!(r, ip + 1, 1);
                                        continue;
                                    }
                                    ip += 1;
                                    budget::count_steps(1);
                                    let top: *mut Value = top_mut!();
                                    // SAFETY: the top slot holds an int (no destructor).
                                    unsafe { write_value(top, Value::Int(r)) };
                                    continue;
                                }
                            }
                        }
                    }
                    push!(c.clone());
                }
                Opcode::LoadFast => {
                    // Tested in place: a clone went through a stack temporary first.
                    let v = &*local!(arg);
                    if v.is_null() {
                        return Err(unbound_local(code, arg));
                    }
                    // LOAD_FAST pairs (`a + b`, call arguments) and LOAD_FAST, LOAD_CONST
                    // run as one step, as CPython 3.11's LOAD_FAST__LOAD_FAST and
                    // LOAD_FAST__LOAD_CONST do, pushing both with one write of the
                    // stack length; dis is unchanged.
                    let next = code.instr_at(ip);
                    if next.op == Opcode::LoadFast {
                        if let (Value::Int(x), Value::Int(y)) = (v, &*local!(next.arg)) {
                            fused_int_op!(*x, *y, ip + 1, 1);
                        }
                        let v = v.clone();
                        let w = fused_load_fast!(next.arg);
                        push_pair(&mut stack!(), v, w);
                        continue;
                    }
                    if next.op == Opcode::LoadConst {
                        if let (Value::Int(x), Value::Int(y)) = (v, code.const_at(next.arg)) {
                            fused_int_op!(*x, *y, ip + 1, 1);
                        }
                        let v = v.clone();
                        ip += 1;
                        budget::count_steps(1);
                        push_pair(&mut stack!(), v, code.const_at(next.arg).clone());
                        continue;
                    }
                    // LOAD_FAST, LOAD_ATTR / LOAD_METHOD on a local (`self.x`,
                    // `p.step()`): on an inline-cache hit the attribute (or the method
                    // and a new reference to the local) is pushed with the local read
                    // in place, never pushed and popped itself; dis is unchanged.
                    if let Value::Obj(o) = v {
                        if next.op == Opcode::LoadAttr {
                            let name = code.attr_name_at(next.arg);
                            let site = code.inline_cache_at(ip);
                            if let Some(a) = super::attr::attr_cache_hit(o, name, site) {
                                ip += 1;
                                budget::count_steps(1);
                                push!(a);
                                continue;
                            }
                        } else if next.op == Opcode::LoadMethod {
                            let name = code.attr_name_at(next.arg);
                            let cache = code.class_cache_at(next.arg);
                            if let Some(m) =
                                super::attr::method_cache_hit(&self.types, v, name, cache)
                            {
                                let recv = v.clone();
                                let is_gen = matches!(o.payload, Payload::Generator(_));
                                ip += 1;
                                budget::count_steps(1);
                                if is_gen {
                                    push!(recv);
                                    if self.send_in_place(&m, ip)? {
                                        reload!();
                                        continue;
                                    }
                                    let recv = pop!();
                                    push_pair(&mut stack!(), m, recv);
                                    continue;
                                }
                                push_pair(&mut stack!(), m, recv);
                                continue;
                            }
                        }
                    }
                    let v = v.clone();
                    push!(v);
                }
                Opcode::StoreFast => {
                    let v = pop!();
                    local!(arg).replace_with(v);
                    // STORE_FAST__LOAD_FAST (`x = f(); g(x)`, loop variables).
                    let next = code.instr_at(ip);
                    if next.op == Opcode::LoadFast {
                        let v = fused_load_fast!(next.arg);
                        push!(v);
                    }
                }
                Opcode::DeleteFast => {
                    let s = &mut stack!();
                    if s[arg as usize].is_null() {
                        return Err(unbound_local(code, arg));
                    }
                    s[arg as usize] = Value::Null;
                }
                Opcode::LoadGlobal => {
                    // The hit returns its value in registers; a PyResult went through
                    // two stack temporaries before the push.
                    let v = match cached_global(&self.builtins, &cur!().globals, code, ip - 1) {
                        Some(v) => v,
                        None => self.load_global_miss(code, ip - 1, arg >> 1)?,
                    };
                    if arg & 1 != 0 {
                        push_pair(&mut stack!(), Value::Null, v);
                    } else {
                        push!(v);
                    }
                }
                Opcode::StoreGlobal => {
                    let v = pop!();
                    let name = code.names[arg as usize].clone();
                    let g = cur!().globals.clone();
                    dict_set_str(&g, name, v);
                }
                Opcode::DeleteGlobal => {
                    let name = code.names[arg as usize].clone();
                    let g = cur!().globals.clone();
                    if !dict_del_str(&g, &name) {
                        return Err(name_error(&name));
                    }
                }
                Opcode::LoadName => {
                    if cur!().locals().is_none() {
                        // Module level: the names are the globals, looked up through
                        // LOAD_GLOBAL's cache (scripts run their loops up here).
                        let v = match cached_global(&self.builtins, &cur!().globals, code, ip - 1) {
                            Some(v) => v,
                            None => self.load_global_miss(code, ip - 1, arg)?,
                        };
                        push!(v);
                        continue;
                    }
                    let name = &code.names[arg as usize];
                    let locals = cur!().locals().cloned();
                    let found = locals.as_ref().and_then(|l| dict_get_str(l, name));
                    let v = match found {
                        Some(v) => v,
                        None => match self.load_global(name) {
                            Ok(v) => v,
                            Err(e) => self.lazy_builtin(name)?.ok_or(e)?,
                        },
                    };
                    push!(v);
                }
                Opcode::StoreName => {
                    let v = pop!();
                    if cur!().locals().is_none() {
                        store_module_name(&cur!().globals, code, ip - 1, arg, v);
                        continue;
                    }
                    let name = code.names[arg as usize].clone();
                    let ns = cur!().namespace().clone();
                    dict_set_str(&ns, name, v);
                }
                Opcode::DeleteName => {
                    let name = code.names[arg as usize].clone();
                    let ns = cur!().namespace().clone();
                    if !dict_del_str(&ns, &name) {
                        return Err(name_error(&name));
                    }
                }
                Opcode::MakeCell => {
                    let s = &mut stack!();
                    let old = std::mem::replace(&mut s[arg as usize], Value::Null);
                    s[arg as usize] = Value::new_obj(Payload::Cell(RefCell::new(old)));
                }
                Opcode::LoadClosure => {
                    let v = stack!()[arg as usize].clone();
                    push!(v);
                }
                Opcode::LoadDeref | Opcode::LoadClassderef => {
                    if op_again!() == Opcode::LoadClassderef {
                        let name = code.localsplus_name(arg as usize).clone();
                        let locals = cur!().locals().cloned();
                        if let Some(v) = locals
                            .as_ref()
                            .and_then(|l| dict_get_str(l, &Value::str(&name)))
                        {
                            push!(v);
                            continue;
                        }
                    }
                    let cell = stack!()[arg as usize].clone();
                    let v = match cell.payload() {
                        Some(Payload::Cell(c)) => c.borrow().clone(),
                        _ => Value::Null,
                    };
                    if v.is_null() {
                        return Err(self.unbound_deref(code, arg as usize));
                    }
                    push!(v);
                }
                Opcode::StoreDeref => {
                    let v = pop!();
                    let cell = stack!()[arg as usize].clone();
                    if let Some(Payload::Cell(c)) = cell.payload() {
                        *c.borrow_mut() = v;
                    }
                }
                Opcode::DeleteDeref => {
                    let cell = stack!()[arg as usize].clone();
                    if let Some(Payload::Cell(c)) = cell.payload() {
                        if c.borrow().is_null() {
                            return Err(self.unbound_deref(code, arg as usize));
                        }
                        *c.borrow_mut() = Value::Null;
                    }
                }
                Opcode::LoadAttr => {
                    let name = code.attr_name_at(arg);
                    let site = code.inline_cache_at(ip - 1);
                    if let Value::Obj(o) = top!() {
                        if let Some(v) = super::attr::attr_cache_hit(o, name, site) {
                            let obj = std::mem::replace(top_mut!(), v);
                            // The operand is the instance: its reference is let go
                            // without a match on the value's tag.
                            let Value::Obj(o) = obj else {
                                unsafe { std::hint::unreachable_unchecked() }
                            };
                            drop(o);
                            continue;
                        }
                    }
                    let obj = pop!();
                    match self.load_attr_cached(&obj, name, code.class_cache_at(arg), site)? {
                        CallOutcome::Done(v) => push!(v),
                        CallOutcome::Pushed => reload!(),
                    }
                }
                Opcode::StoreAttr => {
                    let obj = pop!();
                    let v = pop!();
                    self.store_attr_cached(
                        &obj,
                        code.attr_name_at(arg),
                        v,
                        code.class_cache_at(arg),
                        code.inline_cache_at(ip - 1),
                    )?;
                }
                Opcode::DeleteAttr => {
                    let obj = pop!();
                    self.delattr(&obj, &code.names[arg as usize])?;
                }
                Opcode::LoadMethod => {
                    let name = code.attr_name_at(arg);
                    let cache = code.class_cache_at(arg);
                    if let Some(m) = super::attr::method_cache_hit(&self.types, top!(), name, cache)
                    {
                        if is_generator(top!()) && self.send_in_place(&m, ip)? {
                            reload!();
                            continue;
                        }
                        let obj = pop!();
                        push_pair(&mut stack!(), m, obj);
                        continue;
                    }
                    let obj = pop!();
                    let (m, recv) = self.load_method_cached(obj, name, cache)?;
                    match recv {
                        Some(r) => {
                            push!(m);
                            push!(r);
                        }
                        None => {
                            push!(Value::Null);
                            push!(m);
                        }
                    }
                }
                // CALL reads its KW_NAMES from the code (the compiler emits KW_NAMES only
                // right before a call's PRECALL, CALL), so frames need no slot for it.
                Opcode::KwNames => {}
                Opcode::Call => call!(arg as usize),
                Opcode::CallFunctionEx => {
                    let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                    let args = pop!();
                    let func = pop!();
                    let _null = pop!();
                    // A lone `*x` arrives as it is (CPython compiles no tuple for it).
                    let args = match args.payload() {
                        Some(Payload::Tuple(t)) => t.to_vec(),
                        _ => match self.star_iter(&args)? {
                            Some(it) => self.collect_iterable(&it)?,
                            None => {
                                return Err(PyErr::type_error(format!(
                                    "{} argument after * must be an iterable, not {}",
                                    self.function_str(&func),
                                    self.type_name(&args)
                                )))
                            }
                        },
                    };
                    let (mut all, kwnames) = match kwargs {
                        Some(k) => {
                            let items = self.mapping_items(&k)?;
                            let mut names = vec![];
                            let mut vals = vec![];
                            for (kk, vv) in items {
                                if kk.as_pystr().is_none() {
                                    return Err(PyErr::type_error("keywords must be strings"));
                                }
                                names.push(kk);
                                vals.push(vv);
                            }
                            let mut a = args;
                            a.extend(vals);
                            (a, names)
                        }
                        None => (args, vec![]),
                    };
                    let kw = if kwnames.is_empty() {
                        None
                    } else {
                        Some(Value::tuple(kwnames))
                    };
                    let n = all.len();
                    let s = &mut stack!();
                    s.push(Value::Null);
                    s.push(func);
                    s.append(&mut all);
                    match self.call_from_stack(n, kw)? {
                        CallOutcome::Done(v) => push!(v),
                        CallOutcome::Pushed => reload!(),
                    }
                }
                Opcode::MakeFunction => {
                    let code_obj = pop!();
                    let closure = if arg & 8 != 0 {
                        pop!().as_tuple().map(|t| t.to_vec()).unwrap_or_default()
                    } else {
                        vec![]
                    };
                    if arg & 4 != 0 {
                        pop!();
                    }
                    let kwdefaults = if arg & 2 != 0 {
                        let d = pop!();
                        self.mapping_items(&d)?
                            .into_iter()
                            .map(|(k, v)| {
                                (Rc::from(k.as_pystr().map(|s| s.as_str()).unwrap_or("")), v)
                            })
                            .collect()
                    } else {
                        vec![]
                    };
                    let defaults = if arg & 1 != 0 {
                        pop!().as_tuple().map(|t| t.to_vec()).unwrap_or_default()
                    } else {
                        vec![]
                    };
                    let Some(Payload::Code(c)) = code_obj.payload() else {
                        return Err(PyErr::type_error("MAKE_FUNCTION needs a code object"));
                    };
                    let c = c.clone();
                    let globals = cur!().globals.clone();
                    let doc = c
                        .consts
                        .first()
                        .cloned()
                        .filter(|v| v.as_pystr().is_some())
                        .unwrap_or(Value::None);
                    let f = crate::object::Function {
                        simple_argc: crate::object::func::simple_argc(&c),
                        plain_argc: crate::object::func::plain_argc(&c),
                        name: RefCell::new(c.name.clone()),
                        qualname: RefCell::new(c.qualname.clone()),
                        code: c,
                        globals,
                        defaults,
                        kwdefaults,
                        closure,
                        dict: RefCell::new(None),
                        doc,
                    };
                    push!(Value::new_obj(Payload::Function(Box::new(f))));
                }
                Opcode::ReturnValue => {
                    let v = pop!();
                    // Fast path: a plain call returns into the frame below.
                    if matches!(cur!().ret, Ret::Call)
                        && cur!().is_plain()
                        && self.frames.len() > base + 1
                    {
                        // The caller's address is read before the pop, whose stores
                        // a reload would wait on.
                        let n = self.frames.len();
                        let caller: *mut Frame = &mut *self.frames[n - 2];
                        let f = self.frames.pop().unwrap();
                        self.free_plain_frame(f);
                        enter!(caller);
                        push!(v);
                        continue;
                    }
                    if let Some(c) = self.finish_frame(v, base)? {
                        return Ok(c);
                    }
                    reload!();
                }
                Opcode::BuildTuple => {
                    let s = &mut stack!();
                    let items = s.split_off(s.len() - arg as usize);
                    s.push(Value::tuple(items));
                }
                Opcode::BuildList => {
                    let s = &mut stack!();
                    let items = s.split_off(s.len() - arg as usize);
                    s.push(Value::list(items));
                }
                Opcode::BuildSet => {
                    let items = {
                        let s = &mut stack!();
                        s.split_off(s.len() - arg as usize)
                    };
                    let set = self.new_set(items, false)?;
                    push!(set);
                }
                Opcode::BuildMap => {
                    let items = {
                        let s = &mut stack!();
                        s.split_off(s.len() - 2 * arg as usize)
                    };
                    let d = Value::dict(Dict::with_capacity(arg as usize));
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.dict_setitem(&d, k, v)?;
                    }
                    push!(d);
                }
                Opcode::BuildConstKeyMap => {
                    let keys = pop!();
                    let vals = {
                        let s = &mut stack!();
                        s.split_off(s.len() - arg as usize)
                    };
                    let d = Value::dict(Dict::with_capacity(arg as usize));
                    let keys = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                    for (k, v) in keys.into_iter().zip(vals) {
                        self.dict_setitem(&d, k, v)?;
                    }
                    push!(d);
                }
                Opcode::BuildString => {
                    // Sized first: the text is then written once, into its final place.
                    let s = &mut stack!();
                    let from = s.len() - arg as usize;
                    let out = crate::object::PyStr::concat(
                        s[from..].iter().filter_map(|v| v.as_pystr().map(|p| &**p)),
                    );
                    truncate_values(s, from);
                    s.push(Value::Str(out));
                }
                Opcode::BuildSlice => {
                    // `seq[a:b]`, BUILD_SLICE 2 then BINARY_SUBSCR, with int or None
                    // bounds on a str, list or tuple: sliced at once, with no slice
                    // object (what CPython 3.12's BINARY_SLICE does); dis still
                    // shows both instructions, and nothing here can fail.
                    if arg == 2 && code.instr_at(ip).op == Opcode::BinarySubscr {
                        let s = &stack!();
                        if let [.., seq, start, stop] = &s[..] {
                            if let Some(v) = super::iterate::slice_now(seq, start, stop) {
                                ip += 1;
                                budget::count_steps(1);
                                let stack = &mut stack!();
                                truncate_values(stack, stack.len() - 3);
                                push!(v);
                                continue;
                            }
                        }
                    }
                    let step = if arg == 3 { pop!() } else { Value::None };
                    let stop = pop!();
                    let start = pop!();
                    push!(Value::new_obj(Payload::Slice(start, stop, step)));
                }
                Opcode::ListAppend => {
                    let v = pop!();
                    let s = &stack!();
                    if let Some(Payload::List(l)) = s[s.len() - arg as usize].payload() {
                        l.borrow_mut().push(v);
                    }
                }
                Opcode::SetAdd => {
                    let v = pop!();
                    let set = {
                        let s = &stack!();
                        s[s.len() - arg as usize].clone()
                    };
                    self.set_add(&set, v)?;
                }
                Opcode::MapAdd => {
                    let v = pop!();
                    let k = pop!();
                    let d = {
                        let s = &stack!();
                        s[s.len() - arg as usize].clone()
                    };
                    self.dict_setitem(&d, k, v)?;
                }
                Opcode::ListExtend => {
                    let v = pop!();
                    let Some(it) = self.star_iter(&v)? else {
                        return Err(PyErr::type_error(format!(
                            "Value after * must be an iterable, not {}",
                            self.type_name(&v)
                        )));
                    };
                    let items = self.collect_iterable(&it)?;
                    let s = &stack!();
                    if let Some(Payload::List(l)) = s[s.len() - arg as usize].payload() {
                        l.borrow_mut().extend(items);
                    }
                }
                Opcode::SetUpdate => {
                    let it = pop!();
                    let set = {
                        let s = &stack!();
                        s[s.len() - arg as usize].clone()
                    };
                    // `{1, 2, 3}`: BUILD_SET 0 then the frozenset constant, which
                    // CPython's set_merge copies slot for slot into the empty set.
                    if let (Some(Payload::Set(dst)), Some(Payload::Set(src))) =
                        (set.payload(), it.payload())
                    {
                        if dst.table.borrow().is_empty() && src.frozen {
                            let copy = src.table.borrow().copy();
                            *dst.table.borrow_mut() = copy;
                            continue;
                        }
                    }
                    let items = self.collect_iterable(&it)?;
                    for v in items {
                        self.set_add(&set, v)?;
                    }
                }
                Opcode::DictUpdate | Opcode::DictMerge => {
                    let m = pop!();
                    let d = {
                        let s = &stack!();
                        s[s.len() - arg as usize].clone()
                    };
                    if op_again!() == Opcode::DictUpdate && !self.is_mapping(&m) {
                        return Err(PyErr::type_error(format!(
                            "'{}' object is not a mapping",
                            self.type_name(&m)
                        )));
                    }
                    if op_again!() == Opcode::DictMerge && !self.is_mapping(&m) {
                        // The callable sits below the positionals and the dict.
                        let f = {
                            let s = &stack!();
                            s.get((s.len() - arg as usize).wrapping_sub(2)).cloned()
                        };
                        let fs = f.map_or("function".into(), |f| self.function_str(&f));
                        return Err(PyErr::type_error(format!(
                            "{} argument after ** must be a mapping, not {}",
                            fs,
                            self.type_name(&m)
                        )));
                    }
                    let items = self.mapping_items(&m)?;
                    for (k, v) in items {
                        if op_again!() == Opcode::DictMerge && self.dict_contains(&d, &k)? {
                            let fname = {
                                let s = &stack!();
                                let n = s.len() - arg as usize;
                                s.get(n.wrapping_sub(2)).cloned()
                            };
                            let fname = match fname {
                                Some(f) => self.function_str(&f),
                                None => "function()".into(),
                            };
                            return Err(PyErr::type_error(format!(
                                "{} got multiple values for keyword argument '{}'",
                                fname,
                                self.str_of(&k)?
                            )));
                        }
                        self.dict_setitem(&d, k, v)?;
                    }
                }
                Opcode::ListToTuple => {
                    let l = pop!();
                    let items = match l.payload() {
                        Some(Payload::List(l)) => l.borrow().clone(),
                        _ => vec![],
                    };
                    push!(Value::tuple(items));
                }
                Opcode::UnpackSequence => {
                    let seq = pop!();
                    let items = self.unpack(&seq, arg as usize)?;
                    let s = &mut stack!();
                    s.extend(items.into_iter().rev());
                }
                Opcode::UnpackEx => {
                    let seq = pop!();
                    let before = (arg & 0xff) as usize;
                    let after = (arg >> 8) as usize;
                    let mut items = self.collect_iterable(&seq)?;
                    if items.len() < before + after {
                        return Err(PyErr::value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )));
                    }
                    let tail = items.split_off(items.len() - after);
                    let mid = items.split_off(before);
                    let s = &mut stack!();
                    for v in tail.into_iter().rev() {
                        s.push(v);
                    }
                    s.push(Value::list(mid));
                    for v in items.into_iter().rev() {
                        s.push(v);
                    }
                }
                Opcode::FormatValue => {
                    let spec = if arg & 4 != 0 { Some(pop!()) } else { None };
                    let v = pop!();
                    let v = match arg & 3 {
                        1 => Value::string(self.str_of(&v)?),
                        2 => Value::string(self.repr(&v)?),
                        3 => Value::string(super::builtins::ascii_escape(&self.repr(&v)?)),
                        _ => v,
                    };
                    let spec_s = spec
                        .as_ref()
                        .and_then(|s| s.as_pystr().map(|p| p.as_str().to_string()))
                        .unwrap_or_default();
                    let r = if spec_s.is_empty() && v.as_pystr().is_some() {
                        v
                    } else if let (true, Value::Int(i)) = (spec_s.is_empty(), &v) {
                        Value::Str(crate::object::PyStr::from_int(*i))
                    } else {
                        Value::string(self.format(&v, &spec_s)?)
                    };
                    push!(r);
                }
                Opcode::JumpBackward => {
                    // Ctrl-C in a loop is raised here (a safe point), as CPython's eval
                    // breaker does, so the traceback names the loop's line.
                    jump_to!(arg as usize);
                }
                Opcode::JumpForward | Opcode::JumpBackwardNoInterrupt => {
                    ip = arg as usize;
                }
                Opcode::PopJumpForwardIfFalse | Opcode::PopJumpBackwardIfFalse => {
                    let v = pop!();
                    let t = match v {
                        Value::Bool(b) => b,
                        _ => self.truthy(&v)?,
                    };
                    if !t {
                        jump_to!(arg as usize);
                    }
                }
                Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue => {
                    let v = pop!();
                    let t = match v {
                        Value::Bool(b) => b,
                        _ => self.truthy(&v)?,
                    };
                    if t {
                        jump_to!(arg as usize);
                    }
                }
                Opcode::PopJumpForwardIfNone | Opcode::PopJumpBackwardIfNone => {
                    if pop!().is_none() {
                        jump_to!(arg as usize);
                    }
                }
                Opcode::PopJumpForwardIfNotNone | Opcode::PopJumpBackwardIfNotNone => {
                    if !pop!().is_none() {
                        jump_to!(arg as usize);
                    }
                }
                Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                    let v = top!().clone();
                    let t = self.truthy(&v)?;
                    if t == (op_again!() == Opcode::JumpIfTrueOrPop) {
                        ip = arg as usize;
                    } else {
                        pop!();
                    }
                }
                Opcode::RaiseVarargs => {
                    return Err(self.do_raise(arg)?);
                }
                Opcode::ReRaise => {
                    // The handler is found from this instruction; the saved lasti (arg)
                    // only matters for line reporting, which tracebacks already have.
                    let exc = pop!();
                    self.reraising = true;
                    return Err(PyErr::Obj(exc));
                }
                // In a running generator, a handler saves and restores the generator's
                // own handled exception; its resumer's (kept in the generator while it
                // runs) shows through whenever the generator has none, as through
                // CPython's chain of exc_info entries.
                Opcode::PushExcInfo => {
                    let exc = pop!();
                    let mut prev = std::mem::replace(&mut self.exc_info, exc.clone());
                    if let Some(g) = cur!().gen() {
                        let gen = gen_of(g);
                        if !gen.has_own_exc.replace(true) {
                            prev = Value::None;
                        }
                    }
                    push!(prev);
                    push!(exc);
                }
                Opcode::PopExcept => {
                    let mut prev = pop!();
                    if let Some(g) = cur!().gen() {
                        let gen = gen_of(g);
                        gen.has_own_exc.set(!prev.is_none());
                        if prev.is_none() {
                            prev = gen.exc_state.borrow().clone();
                        }
                    }
                    self.exc_info = prev;
                }
                Opcode::CheckEgMatch => {
                    let typ = pop!();
                    let exc = pop!();
                    let (rest, matched) = self.except_star_match(exc, typ)?;
                    // The clause body handles the matched part (sys.exc_info()).
                    if !matched.is_none() {
                        self.exc_info = matched.clone();
                        if let Some(g) = cur!().gen() {
                            gen_of(g).has_own_exc.set(true);
                        }
                    }
                    push!(rest);
                    push!(matched);
                }
                Opcode::PrepReraiseStar => {
                    let raised = pop!();
                    let orig = pop!();
                    push!(self.prep_reraise_star(orig, raised)?);
                }
                Opcode::CheckExcMatch => {
                    let typ = pop!();
                    let exc = top!().clone();
                    let m = self.exc_matches(&exc, &typ)?;
                    push!(Value::Bool(m));
                }
                Opcode::WithExceptStart => {
                    let (exit, exc) = {
                        let s = &stack!();
                        let n = s.len();
                        (s[n - 4].clone(), s[n - 1].clone())
                    };
                    let typ = Value::Obj(self.type_of(&exc));
                    let tb = self.traceback_value(&exc);
                    let r = self.call_with(&exit, [typ, exc, tb])?;
                    push!(r);
                }
                Opcode::BeforeWith => {
                    let mgr = pop!();
                    match self.before_with(mgr)? {
                        CallOutcome::Done(v) => push!(v),
                        CallOutcome::Pushed => reload!(),
                    }
                }
                Opcode::LoadBuildClass => {
                    let v = self.builtin("__build_class__")?;
                    push!(v);
                }
                Opcode::LoadAssertionError => {
                    push!(Value::Obj(self.exc_class(ExcKind::AssertionError)))
                }
                Opcode::ReturnGenerator => {
                    let mut f = self.frames.pop().unwrap();
                    let ret = std::mem::replace(&mut f.ret, Ret::Call);
                    let gen = Generator::created(f);
                    if let Some(c) = self.deliver_return(ret, gen, base)? {
                        return Ok(c);
                    }
                    reload!();
                }
                Opcode::YieldValue => {
                    if let Ret::Consume(kind) = cur!().ret {
                        if self.consume_top(kind) {
                            // Resumed at once with None, as any resume enters a frame.
                            let f = cur!();
                            f.ip = ip;
                            enter_resumed(f, Value::None, false, self.safe_point_due);
                            ip = f.ip;
                            continue;
                        }
                    }
                    let v = pop!();
                    if let Some(c) = self.yield_frame(v, base)? {
                        return Ok(c);
                    }
                    reload!();
                }
                Opcode::GetYieldFromIter => {
                    let v = top!().clone();
                    let is_gen_or_coro = matches!(v.payload(), Some(Payload::Generator(g)) if g.kind != GenKind::AsyncGenerator);
                    if let Some(Payload::Generator(g)) = v.payload() {
                        if g.kind == GenKind::Coroutine
                            && code.flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) == 0
                        {
                            return Err(PyErr::type_error(
                                "cannot 'yield from' a coroutine object in a non-coroutine generator",
                            ));
                        }
                    }
                    if !is_gen_or_coro {
                        let v = pop!();
                        push!(self.get_iter(&v)?);
                    }
                    start_send!();
                }
                Opcode::Send => {
                    let v = pop!();
                    if let Some(g) = resumable_gen(top!()) {
                        self.resume_chain(g, v, (ip - 1) as u32)?;
                        reload!();
                        continue;
                    }
                    if let Some((g, sent)) = self.asend_resumable(top!(), &v) {
                        self.resume_gen(
                            g,
                            sent,
                            Ret::AsyncSend {
                                send_ip: (ip - 1) as u32,
                            },
                        )?;
                        reload!();
                        continue;
                    }
                    let recv = top!().clone();
                    match self.send_native(&recv, v) {
                        Ok(y) => push!(y),
                        Err(e) => {
                            let val = self.stop_iteration_result(e)?;
                            pop!();
                            push!(val);
                            ip = arg as usize;
                        }
                    }
                }
                Opcode::GetAwaitable => {
                    let v = pop!();
                    let it = self.get_awaitable(v, arg)?;
                    push!(it);
                    start_send!();
                }
                Opcode::PrintExpr => {
                    let v = pop!();
                    if !v.is_none() {
                        let s = self.repr(&v)?;
                        self.write_stdout(&s);
                        self.write_stdout("\n");
                        dict_set_str(&self.builtins.clone(), Value::str("_"), v);
                    }
                }
                Opcode::ImportName => {
                    let _fromlist = pop!();
                    let _level = pop!();
                    let name = code.names[arg as usize].clone();
                    let m = self.import_module(name.as_pystr().unwrap().as_str())?;
                    push!(m);
                }
                Opcode::ImportFrom => {
                    let m = top!().clone();
                    let name = &code.names[arg as usize];
                    match self.getattr(&m, name) {
                        Ok(v) => push!(v),
                        Err(_) => {
                            let mname = self.getattr(&m, &Value::str("__name__")).ok();
                            let mname = mname
                                .and_then(|v| v.as_pystr().map(|s| s.as_str().to_string()))
                                .unwrap_or_default();
                            return Err(PyErr::new(
                                ExcKind::ImportError,
                                format!(
                                    "cannot import name '{}' from '{}' (unknown location)",
                                    name.as_pystr().unwrap().as_str(),
                                    mname
                                ),
                            ));
                        }
                    }
                }
                Opcode::ImportStar => {
                    let m = pop!();
                    if let Some(Payload::Module(md)) = m.payload() {
                        let items: Vec<(Value, Value)> = match &md.dict.payload {
                            Payload::Dict(d) => d.borrow().items(),
                            _ => vec![],
                        };
                        let ns = cur!().namespace().clone();
                        for (k, v) in items {
                            if k.as_pystr().is_some_and(|s| !s.as_str().starts_with('_')) {
                                dict_set_str(&ns, k, v);
                            }
                        }
                    }
                }
                Opcode::SetupAnnotations => {
                    let ns = cur!().namespace().clone();
                    if dict_get_str(&ns, &Value::str("__annotations__")).is_none() {
                        dict_set_str(&ns, Value::str("__annotations__"), Value::dict(Dict::new()));
                    }
                }
                Opcode::GetAiter => {
                    let obj = pop!();
                    let it = self.get_aiter(obj)?;
                    push!(it);
                }
                Opcode::GetAnext => {
                    let aiter = top!().clone();
                    let awaitable = self.get_anext(&aiter)?;
                    push!(awaitable);
                }
                Opcode::EndAsyncFor => {
                    let exc = pop!();
                    if !self.is_instance_of_kind(&exc, ExcKind::StopAsyncIteration) {
                        self.reraising = true;
                        return Err(PyErr::Obj(exc));
                    }
                    pop!();
                }
                Opcode::BeforeAsyncWith => {
                    let mgr = pop!();
                    let (enter, exit) = self.async_context_methods(&mgr)?;
                    push!(exit);
                    let res = self.call_with(&enter, [])?;
                    push!(res);
                }
                // The YIELD_VALUE after it is the running async generator's own: its
                // resumer is told through the VM (no wrapper object, `asyncgen.rs`).
                Opcode::AsyncGenWrap => self.async_gen_own_yield = true,
            }
        }
    }

    /// RETURN_VALUE: pop the frame and deliver `v` according to how it was entered.
    fn finish_frame(&mut self, v: Value, base: usize) -> PyResult<Option<Completion>> {
        let mut f = self.frames.pop().unwrap();
        // A nested run's function returns to the native code that ran it (a special
        // method, a key function): the general path below cost each such call ~50
        // instructions.
        if matches!(f.ret, Ret::Entry) && f.is_plain() {
            self.free_plain_frame(f);
            return Ok(Some(Completion::Return(v)));
        }
        if let Some(g) = f.take_gen() {
            let gen = gen_of(&g);
            gen.state.set(GenState::Closed);
            self.exc_info = gen.exc_state.replace(Value::None);
        }
        let ret = std::mem::replace(&mut f.ret, Ret::Call);
        self.free_frame(f);
        match ret {
            Ret::ForIter { target } => {
                let caller = fr!(self);
                caller.stack.pop();
                caller.ip = target as usize;
                Ok(None)
            }
            Ret::ForIterStore { .. } => {
                let caller = fr!(self);
                caller.stack.pop();
                // The caller's ip is just past its FOR_ITER.
                caller.ip = caller.code.instr_at(caller.ip - 1).arg as usize;
                Ok(None)
            }
            Ret::Send { send_ip }
            | Ret::ThrownSend { send_ip }
            | Ret::AwaitedCall { send_ip }
            | Ret::Chain { send_ip } => {
                let send_ip = match ret {
                    Ret::ThrownSend { .. } => {
                        self.settle_deferred_exc_state();
                        send_ip
                    }
                    Ret::Chain { .. } => self.expand_chain(send_ip),
                    _ => send_ip,
                };
                self.send_finished(send_ip, v);
                Ok(None)
            }
            Ret::NextCall | Ret::NextCallStore { .. } => Err(PyErr::stop_iteration(v)),
            Ret::AsyncSend { .. } => {
                let op = fr!(self).stack.last().expect("SEND's receiver slot");
                super::asyncgen::asend_ended(op, true);
                Err(PyErr::with_args(ExcKind::StopAsyncIteration, vec![]))
            }
            // The result is on the caller's stack.
            Ret::Consume(kind) => self.consumed_all(kind).map(|_| None),
            Ret::Close | Ret::Finalize => {
                if self.frames.len() == base {
                    return Ok(Some(Completion::Return(Value::None)));
                }
                if matches!(ret, Ret::Close) {
                    fr!(self).stack.push(Value::None);
                }
                Ok(None)
            }
            other => self.deliver_return(other, v, base),
        }
    }

    /// Hand a return value to the caller for plain calls.
    fn deliver_return(&mut self, ret: Ret, v: Value, base: usize) -> PyResult<Option<Completion>> {
        match ret {
            Ret::Entry => Ok(Some(Completion::Return(v))),
            Ret::Call => {
                fr!(self).stack.push(v);
                Ok(None)
            }
            Ret::BinaryOp { .. } | Ret::CompareOp { .. } => {
                let r = self.operator_result(ret, v)?;
                fr!(self).stack.push(r);
                Ok(None)
            }
            Ret::Init => {
                if !v.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&v)
                    )));
                }
                Ok(None)
            }
            _ => {
                let _ = base;
                fr!(self).stack.push(v);
                Ok(None)
            }
        }
    }

    /// YIELD_VALUE's exception-state swap when either side handles an exception. A
    /// generator handling no exception of its own sees its resumer's; that is not its
    /// own to keep (in CPython its exc_info entry is empty and links to the resumer's).
    #[cold]
    #[inline(never)]
    fn swap_exc_state_at_yield(&mut self, gen: &Generator, outer_exc: Value) {
        let inner_exc = std::mem::replace(&mut self.exc_info, outer_exc);
        let own = if gen.has_own_exc.get() {
            inner_exc
        } else {
            Value::None
        };
        *gen.exc_state.borrow_mut() = own;
    }

    /// YIELD_VALUE: suspend the top frame into its generator and deliver `v`.
    ///
    /// A value yielded to a `yield from` or `await` loop goes on up through the
    /// YIELD_VALUE after that loop's SEND here, level after level, as the loop would
    /// run it (each counted as a step), without a push, a pop and a dispatch per level.
    fn yield_frame(&mut self, mut v: Value, base: usize) -> PyResult<Option<Completion>> {
        loop {
            let top = self.frames.last_mut().unwrap();
            let g = match (top.take_gen(), &top.ret) {
                (Some(g), _) => g,
                (None, &Ret::AwaitedCall { send_ip }) => self.make_awaited_coroutine(send_ip),
                // Only a compiler bug could get here; say so instead of aborting.
                (None, _) => {
                    return Err(PyErr::new(
                        ExcKind::SystemError,
                        "YIELD_VALUE outside a generator frame",
                    ))
                }
            };
            let mut f = self.frames.pop().unwrap();
            let ret = std::mem::replace(&mut f.ret, Ret::Call);
            let gen = gen_of(&g);
            // Swap the handled-exception state back to the resumer's (nothing to do in the
            // common case where neither side handles an exception).
            // SAFETY: the state is borrowed mutably only within the swaps.
            if !self.exc_info.is_none() || unsafe { !gen.peek_no_exc_state() } {
                let outer_exc = gen.exc_state.replace(Value::None);
                self.swap_exc_state_at_yield(gen, outer_exc);
            }
            if matches!(ret, Ret::Finalize) {
                // The generator is being freed: its frame is dropped with no more code
                // run, or it would be finalized again when freed again.
                gen.state.set(GenState::Closed);
                drop(f);
            } else {
                gen.state.set(GenState::Suspended);
                gen.keep_frame(f);
            }
            return match ret {
                Ret::Entry => Ok(Some(Completion::Yield(v))),
                Ret::ForIterStore { slot } | Ret::NextCallStore { slot } => {
                    // The item goes straight to the local that the caller's next
                    // instruction, a STORE_FAST, stores it in (`for x in gen`,
                    // `x = g.send(v)`), as in FOR_ITER's own fusion.
                    let caller = fr!(self);
                    caller.ip += 1;
                    budget::count_steps(1);
                    caller.stack[slot as usize].replace_with(v);
                    Ok(None)
                }
                Ret::ForIter { .. } | Ret::NextCall | Ret::Call => {
                    // The item's slot or the call's result slot (the compiler's stack
                    // depth counts it).
                    push_value(&mut fr!(self).stack, v);
                    Ok(None)
                }
                // (An AwaitedCall frame became Send as it got its coroutine object.)
                Ret::Send { send_ip }
                | Ret::ThrownSend { send_ip }
                | Ret::AwaitedCall { send_ip }
                | Ret::Chain { send_ip }
                | Ret::AsyncSend { send_ip } => {
                    match ret {
                        Ret::ThrownSend { .. } => self.settle_deferred_exc_state(),
                        Ret::Chain { send_ip } => self.suspend_chain(send_ip),
                        // An async generator's own yield finishes the awaitable that
                        // SEND resumed it with: the item is the SEND's result. A raw one
                        // (a future from an `await`) goes up as any other.
                        Ret::AsyncSend { .. } => {
                            let own = std::mem::take(&mut self.async_gen_own_yield);
                            let op = fr!(self).stack.last().expect("SEND's receiver slot");
                            if super::asyncgen::asend_yielded(op, own) {
                                self.send_finished(send_ip, v);
                                return Ok(None);
                            }
                        }
                        _ => {}
                    }
                    let caller = fr!(self);
                    let at = send_ip as usize + 1;
                    if caller.code.instr_at(at).op == Opcode::YieldValue {
                        caller.ip = at + 1;
                        budget::count_steps(1);
                        // Up to a generator that `sum()` & co. consume: its YIELD_VALUE
                        // hands the item to the consumer as its own yields do.
                        if let Ret::Consume(kind) = caller.ret {
                            match self.consume_passed_up(kind, v) {
                                None => return Ok(None),
                                Some(back) => v = back,
                            }
                        }
                        continue;
                    }
                    // SEND's result slot (its receiver stays below).
                    push_value(&mut caller.stack, v);
                    caller.ip = at;
                    Ok(None)
                }
                Ret::Consume(kind) => self
                    .finish_consume(kind, Value::Obj(g.clone()), v)
                    .map(|_| None),
                Ret::Close => Err(PyErr::runtime_error(format!(
                    "{} ignored GeneratorExit",
                    gen.type_name()
                ))),
                Ret::Finalize => {
                    let msg = format!("{} ignored GeneratorExit", gen.type_name());
                    let e = self.materialize(PyErr::runtime_error(msg));
                    self.report_unraisable(&e, gen.type_name());
                    if self.frames.len() == base {
                        return Ok(Some(Completion::Return(Value::None)));
                    }
                    Ok(None)
                }
                // Not generator frames.
                Ret::Init | Ret::BinaryOp { .. } | Ret::CompareOp { .. } => Ok(None),
            };
        }
    }

    /// `g.send(x)` of a generator `g` that can resume, where `x` is a local, a constant
    /// or a module-level name: LOAD_METHOD (its method `m` found, `g` on top of the
    /// stack, `ip` the next instruction) also runs the load, PRECALL and CALL after it
    /// (counted as steps), resuming `g` as that CALL would (`resume_from_call`) without pushing
    /// the method, the receiver and the argument. False: not that shape, or `g`
    /// cannot resume now; nothing was changed, and the instructions run as usual.
    #[inline(never)]
    fn send_in_place(&mut self, m: &Value, ip: usize) -> PyResult<bool> {
        let is_send = matches!(m.payload(), Some(Payload::Native(nf))
            if nf.func as usize == super::builtins::gen_send as crate::object::NativeFn as usize);
        let too_deep = self.frames.len() >= self.depth_limit + 50;
        let f = self.frames.last_mut().unwrap();
        let code = &*f.code;
        if ip + 2 >= code.instrs.len() {
            return Ok(false);
        }
        let (load, precall, call) = (
            code.instr_at(ip),
            code.instr_at(ip + 1),
            code.instr_at(ip + 2),
        );
        if !is_send
            || precall.op != Opcode::Precall
            || precall.arg != 1
            || call.op != Opcode::Call
            || call.arg != 1
        {
            return Ok(false);
        }
        // An object is sent by the general call, which holds it for the call's length
        // as CPython's caller does (see `resume_from_call`); an unbound local raises there.
        let sendable = |v: &Value| !matches!(v, Value::Obj(_) | Value::Null);
        let sent = match load.op {
            Opcode::LoadFast if sendable(&f.stack[load.arg as usize]) => {
                f.stack[load.arg as usize].clone()
            }
            Opcode::LoadConst if sendable(&code.consts[load.arg as usize]) => {
                code.consts[load.arg as usize].clone()
            }
            // `g.send(x)` in a script's loop: the name read through LOAD_NAME's cache
            // (a miss takes the general path).
            Opcode::LoadName if f.locals().is_none() => {
                match cached_global(&self.builtins, &f.globals, code, ip) {
                    Some(v) if sendable(&v) => v,
                    _ => return Ok(false),
                }
            }
            _ => return Ok(false),
        };
        let Some(Payload::Generator(gen)) = f.stack.last().and_then(Value::payload) else {
            return Ok(false);
        };
        let fresh = gen.state.get() == GenState::Created;
        let resumable = gen.kind == GenKind::Generator
            && (gen.state.get() == GenState::Suspended || (fresh && sent.is_none()));
        if !resumable || too_deep {
            return Ok(false);
        }
        let Some(Value::Obj(g)) = f.stack.pop() else {
            unreachable!("checked above")
        };
        f.ip = ip + 3;
        let code_after = f.code.instr_at(ip + 3);
        budget::count_steps(3);
        // `take_resumed_frame`, its checks made above.
        let mut f = self.activate_gen_frame(g, next_call_ret(code_after))?;
        self.enter_resumed(&mut f, sent, fresh);
        super::call::push_frame(&mut self.frames, f);
        Ok(true)
    }

    /// The awaitable or delegate that the SEND at `send_ip` of the top frame resumed
    /// finished with `v`: SEND's receiver slot takes it, and the frame goes on at SEND's
    /// jump target.
    #[inline(always)]
    fn send_finished(&mut self, send_ip: u32, v: Value) {
        let caller = fr!(self);
        let target = caller.code.instr_at(send_ip as usize).arg;
        *caller.stack.last_mut().expect("SEND's receiver slot") = v;
        caller.ip = target as usize;
    }

    /// `asyncgen::asend_in_loop` for SEND's receiver `recv`, within the frame stack's
    /// limit (past it the native path raises).
    #[inline(always)]
    fn asend_resumable(&self, recv: &Value, sent: &Value) -> Option<(Rc<Object>, Value)> {
        if !matches!(recv.payload(), Some(Payload::Opaque(_)))
            || self.frames.len() >= self.depth_limit + 50
        {
            return None;
        }
        super::asyncgen::asend_in_loop(recv, sent)
    }

    /// The first suspension of a frame running as `Ret::AwaitedCall`: its coroutine
    /// object is made now and put in the caller's SEND receiver slot, and the frame
    /// goes on as any coroutine resumed by SEND.
    #[cold]
    #[inline(never)]
    fn make_awaited_coroutine(&mut self, send_ip: u32) -> Rc<Object> {
        let n = self.frames.len();
        let top = &mut self.frames[n - 1];
        top.ret = Ret::Send { send_ip };
        let code = top.code.clone();
        let g =
            Object::new_inline(|| Payload::Generator(Generator::running(GenKind::Coroutine, code)));
        // The frame ran with no resumer's exception to show through (see
        // start_generator): a handled exception now is its own.
        gen_of(&g).has_own_exc.set(!self.exc_info.is_none());
        *self.frames[n - 2].stack.last_mut().unwrap() = Value::Obj(g.clone());
        g
    }

    /// Move a generator's frame onto the stack, with `sent` as the result of its
    /// yield: the frame, now on top, for the loop to enter (`FastCall::Entered`).
    pub(crate) fn resume_gen(
        &mut self,
        g: Rc<Object>,
        sent: Value,
        ret: Ret,
    ) -> PyResult<*mut Frame> {
        let mut f = self.take_resumed_frame(g, sent, ret)?;
        let entered: *mut Frame = &mut *f;
        super::call::push_frame(&mut self.frames, f);
        Ok(entered)
    }

    /// SEND's `resume_gen`, down a chain: a frame resumed at the SEND of its own
    /// `yield from` or `await` loop, whose receiver the loop resumes in place, has
    /// that SEND run here, level after level (each counted as a step): the frame is
    /// pushed with the SEND done and the receiver resumed with the sent value, never
    /// pushed and popped. A receiver that refuses (running, or the recursion limit)
    /// raises at the SEND of the level above it, now the top frame, as that SEND
    /// would. (Only SEND asks: the test costs the other resumes more than it saves.)
    /// A chain of levels that would only pass the value on is collapsed instead
    /// (`chain.rs`): the innermost generator is resumed directly.
    fn resume_chain(&mut self, g: Rc<Object>, sent: Value, send_ip: u32) -> PyResult<()> {
        if let Some(leaf) = self.collapse_chain(&g, send_ip) {
            // (The leaf was found resumable, so this does not fail.)
            let f = match self.resumed_frame(leaf, sent, Ret::Chain { send_ip }) {
                Ok(f) => f,
                Err(e) => {
                    self.suspend_chain(send_ip);
                    return Err(e);
                }
            };
            super::call::push_frame(&mut self.frames, f);
            return Ok(());
        }
        let mut f = self.take_resumed_frame(g, sent, Ret::Send { send_ip })?;
        loop {
            let send_ip = f.ip;
            let n = f.stack.len();
            let receiver = match f.code.instr_at(send_ip).op {
                Opcode::Send if n >= 2 => resumable_gen(&f.stack[n - 2]),
                _ => None,
            };
            let Some(sub) = receiver else {
                break;
            };
            let sent = pop_value(&mut f.stack);
            f.ip = send_ip + 1;
            budget::count_steps(1);
            super::call::push_frame(&mut self.frames, f);
            f = self.resumed_frame(
                sub,
                sent,
                Ret::Send {
                    send_ip: send_ip as u32,
                },
            )?;
        }
        super::call::push_frame(&mut self.frames, f);
        Ok(())
    }

    /// `resume_gen` without the push: the frame, ready to run, for the caller to push
    /// or to run in a nested loop.
    pub(crate) fn take_resumed_frame(
        &mut self,
        g: Rc<Object>,
        sent: Value,
        ret: Ret,
    ) -> PyResult<Box<Frame>> {
        self.resumed_frame(g, sent, ret)
    }

    /// `take_resumed_frame`'s body, inlined into `resume_chain`'s loop, which runs it
    /// once per level of a chain.
    #[inline(always)]
    fn resumed_frame(&mut self, g: Rc<Object>, sent: Value, ret: Ret) -> PyResult<Box<Frame>> {
        let gen = gen_of(&g);
        let state = gen.state.get();
        let startable =
            state == GenState::Suspended || (state == GenState::Created && sent.is_none());
        if !startable || self.frames.len() >= self.depth_limit + 50 {
            return Err(resume_refused(gen, &sent, startable));
        }
        let fresh = state == GenState::Created;
        let mut f = self.activate_gen_frame(g, ret)?;
        self.enter_resumed(&mut f, sent, fresh);
        Ok(f)
    }

    /// Give a resumed frame the sent value and run the instructions every resume starts
    /// with, saving their dispatches (each still counts as a step): a fresh generator's
    /// POP_TOP of the sent None, then RESUME, then for a frame suspended in an await or
    /// `yield from` loop the JUMP_BACKWARD_NO_INTERRUPT back to its SEND, or after a
    /// `yield` the POP_TOP or STORE_FAST of the sent value. When the budget is due,
    /// RESUME runs in the loop as usual (it is a budget safe point).
    #[inline(always)]
    pub(super) fn enter_resumed(&mut self, f: &mut Frame, sent: Value, fresh: bool) {
        enter_resumed(f, sent, fresh, self.safe_point_due);
    }

    /// Take a generator's frame for running: link it to the generator, swap in its
    /// handled-exception state, and mark it running. The caller pushes it.
    #[inline(always)]
    fn activate_gen_frame(&mut self, g: Rc<Object>, ret: Ret) -> PyResult<Box<Frame>> {
        let gen: *const Generator = gen_of(&g);
        let f = self.take_gen_frame(g, ret)?;
        // SAFETY: the frame now holds the generator's object, so it is alive; reading
        // it through the pointer saves asking the frame's link again what it is.
        self.swap_in_exc_state(unsafe { &*gen });
        Ok(f)
    }

    /// `activate_gen_frame` but for the handled-exception state.
    #[inline(always)]
    fn take_gen_frame(&mut self, g: Rc<Object>, ret: Ret) -> PyResult<Box<Frame>> {
        let gen = gen_of(&g);
        let pool = &mut self.frame_pool;
        let blank = || pool.pop().unwrap_or_else(super::call::new_blank_frame);
        let Some(mut f) = gen.take_frame_with(blank) else {
            return Err(no_frame());
        };
        f.ret = ret;
        gen.state.set(GenState::Running);
        f.set_gen(g);
        Ok(f)
    }

    /// The exception the generator was handling when it yielded becomes current again;
    /// the resumer's is kept in the generator for the next yield or return.
    #[inline(always)]
    pub(super) fn swap_in_exc_state(&mut self, gen: &Generator) {
        // Commonly neither side handles an exception: nothing to store, and the
        // states are only read.
        // SAFETY: as in `yield_frame`.
        let own = unsafe { !gen.peek_no_exc_state() };
        gen.has_own_exc.set(own);
        if own || !self.exc_info.is_none() {
            self.exchange_exc_states(gen);
        }
    }

    /// `swap_in_exc_state` when either side handles an exception.
    #[cold]
    #[inline(never)]
    fn exchange_exc_states(&mut self, gen: &Generator) {
        let inner = gen.exc_state.replace(Value::None);
        let outer = if inner.is_none() {
            self.exc_info.clone()
        } else {
            std::mem::replace(&mut self.exc_info, inner)
        };
        *gen.exc_state.borrow_mut() = outer;
    }

    /// Control is back in the frame on top from a generator a `throw()` reached through
    /// it: swap in its handled-exception state now, if that was deferred. (Out of line:
    /// only `throw()` paths need it.)
    #[cold]
    #[inline(never)]
    fn settle_deferred_exc_state(&mut self) {
        let Some(g) = self.frames.last().and_then(|f| f.gen().cloned()) else {
            return;
        };
        let gen = gen_of(&g);
        if gen.exc_deferred.replace(false) {
            self.swap_in_exc_state(gen);
        }
    }

    #[cold]
    #[inline(never)]
    fn unbound_deref(&self, code: &crate::bytecode::CodeObject, i: usize) -> PyErr {
        let name = code.localsplus_name(i);
        if i >= code.varnames.len() + code.cellvars.len() {
            PyErr::new(
                ExcKind::NameError,
                format!(
                    "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                    name
                ),
            )
        } else {
            unbound_local(code, i as u32)
        }
    }

    /// LOAD_GLOBAL (or a module-level LOAD_NAME) of name `name_ix` when its cache
    /// misses: look the name up, fill the cache, and load a builtin written in Python
    /// the first time it is named.
    #[inline(never)]
    fn load_global_miss(
        &mut self,
        code: &crate::bytecode::CodeObject,
        at: usize,
        name_ix: u32,
    ) -> PyResult<Value> {
        let name = &code.names[name_ix as usize];
        match self.load_global_fill(code, at, name) {
            Ok(v) => Ok(v),
            Err(e) => self.lazy_builtin(&name.clone())?.ok_or(e),
        }
    }

    /// Look the name up and fill the cache.
    fn load_global_fill(
        &self,
        code: &crate::bytecode::CodeObject,
        at: usize,
        name: &Value,
    ) -> PyResult<Value> {
        let (Payload::Dict(g), Payload::Dict(b)) = (
            &self.frames.last().unwrap().globals.payload,
            &self.builtins.payload,
        ) else {
            return self.load_global(name);
        };
        let (g, b) = (g.borrow(), b.borrow());
        let slot = code.inline_cache_at(at);
        let Value::Str(key) = name else {
            return self.load_global(name);
        };
        let (in_builtins, index) = match g.index_of_str(key) {
            Some(i) => (false, i),
            None => match b.index_of_str(key) {
                Some(i) => (true, i),
                None => return Err(name_error(name)),
            },
        };
        slot.set(InlineCache::Global {
            globals_layout: g.layout(),
            builtins_layout: b.layout(),
            index: index as u32,
            in_builtins,
        });
        let d = if in_builtins { &b } else { &g };
        Ok(d.value_at(index).clone())
    }

    fn load_global(&self, name: &Value) -> PyResult<Value> {
        let globals = &self.frames.last().unwrap().globals;
        dict_get_str(globals, name)
            .or_else(|| dict_get_str(&self.builtins, name))
            .ok_or_else(|| name_error(name))
    }

    /// The iterator of a `*x` operand, made once; None when `x` is not iterable at all
    /// (its own `__iter__` failing is that error, not "must be an iterable").
    fn star_iter(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match self.get_iter(v) {
            Ok(it) => Ok(Some(it)),
            Err(e) => {
                let e = self.materialize(e);
                let not_iterable = self.is_instance_of_kind(&e, ExcKind::TypeError)
                    && self.lookup_special(v, "__iter__").is_none()
                    && self.lookup_special(v, "__getitem__").is_none();
                if not_iterable {
                    Ok(None)
                } else {
                    Err(PyErr::Obj(e))
                }
            }
        }
    }

    /// Builtins written in Python, loaded the first time a program names one (so they
    /// cost nothing at startup): BaseExceptionGroup, ExceptionGroup, exit and quit.
    #[cold]
    #[inline(never)]
    fn lazy_builtin(&mut self, name: &Value) -> PyResult<Option<Value>> {
        let n = name.as_pystr().map(|s| s.as_str()).unwrap_or("");
        let (module, names): (&str, &[&str]) = match n {
            "ExceptionGroup" | "BaseExceptionGroup" => (
                "_exception_group",
                &["BaseExceptionGroup", "ExceptionGroup"],
            ),
            "exit" | "quit" => ("_sitebuiltins", &["exit", "quit"]),
            _ => return Ok(None),
        };
        let m = self.import_module(module)?;
        for &k in names {
            let v = self.getattr(&m, &Value::str(k))?;
            dict_set_str(
                &self.builtins.clone(),
                Value::Str(crate::object::pystr::intern(k)),
                v,
            );
        }
        Ok(dict_get_str(&self.builtins, name))
    }

    pub fn builtin(&self, name: &str) -> PyResult<Value> {
        dict_get_str(&self.builtins, &Value::str(name)).ok_or_else(|| {
            PyErr::new(
                ExcKind::NameError,
                format!("name '{}' is not defined", name),
            )
        })
    }

    /// The RuntimeWarning for a coroutine freed unawaited, located like CPython's: at
    /// the line running when it was freed (once per location, the warnings module's
    /// default), or `sys:1` once the program has finished.
    fn warn_never_awaited(&mut self, qualname: &str) {
        self.flush();
        let msg = format!("RuntimeWarning: coroutine '{}' was never awaited", qualname);
        let Some(f) = self.frames.last() else {
            eprintln!("sys:1: {}", msg);
            return;
        };
        let line = f.code.line_of(f.ip.saturating_sub(1));
        let file = f.code.source.name.clone();
        let text = f
            .code
            .source
            .line_text(line)
            .map(|t| t.trim().to_string())
            .unwrap_or_default();
        let key = format!("{}:{}:{}", file, line, msg);
        if !self.warned.insert(key) {
            return;
        }
        eprintln!("{}:{}: {}", file, line, msg);
        if !text.is_empty() {
            eprintln!("  {}", text);
        }
        eprintln!("RuntimeWarning: Enable tracemalloc to get the object allocation traceback");
    }

    /// Safe point work: finalize abandoned generators, warn about unawaited coroutines.
    #[cold]
    #[inline(never)]
    fn handle_pending(&mut self) -> PyResult<()> {
        if super::INTERRUPTED.swap(false, Ordering::Relaxed) {
            PENDING.store(false, Ordering::Relaxed);
            return Err(PyErr::with_args(ExcKind::KeyboardInterrupt, vec![]));
        }
        self.run_pending()
    }

    /// The finalizers and warnings waiting for a safe point (not Ctrl-C).
    pub(super) fn run_pending(&mut self) -> PyResult<()> {
        // Finalizers run Python code between two instructions (maybe between an async
        // generator's ASYNC_GEN_WRAP and its YIELD_VALUE) and close async generators
        // outside their awaitables: the mark the one left for the other's resumer is
        // kept across them, and whatever they leave is dropped.
        let own = std::mem::take(&mut self.async_gen_own_yield);
        let r = self.run_pending_work();
        self.async_gen_own_yield = own;
        r
    }

    fn run_pending_work(&mut self) -> PyResult<()> {
        PENDING.store(false, Ordering::Relaxed);
        loop {
            self.run_finalizers();
            let item = super::generator::FINALIZE_QUEUE.with(|q| q.borrow_mut().pop());
            let Some((frame, kind, to_hook)) = item else {
                break;
            };
            let started = frame.ip > 0;
            let g = Generator::new(kind, frame, GenState::Suspended);
            if to_hook {
                // Revived for the asyncgen finalizer hook; freed again, it just closes.
                if !started {
                    g.state.set(GenState::Created);
                }
                g.ag_hooks_inited.set(true);
                let g = Value::new_obj(Payload::Generator(g));
                let hook = self.asyncgen_hooks.1.clone();
                if !hook.is_none() {
                    if let Err(e) = self.call_with(&hook, [g]) {
                        let e = self.materialize(e);
                        self.report_unraisable(&e, "async generator finalizer");
                    }
                }
                continue;
            }
            let g = Object::new(Payload::Generator(g));
            let exc = self.materialize(PyErr::with_args(ExcKind::GeneratorExit, vec![]));
            // Run the close to completion in a nested loop: finalizers are rare.
            let _ = self.throw_into(g, exc, true);
        }
        let names: Vec<Rc<str>> =
            super::generator::NEVER_AWAITED.with(|n| std::mem::take(&mut *n.borrow_mut()));
        for n in names {
            self.warn_never_awaited(&n);
        }
        crate::modules::aio::report_unretrieved(self);
        Ok(())
    }

    /// Throw `exc` into generator `g` (delegating down a `yield from` chain), running it
    /// in a nested loop. `finalize` reports errors instead of raising them.
    pub(crate) fn throw_into(
        &mut self,
        g: Rc<Object>,
        exc: Value,
        finalize: bool,
    ) -> PyResult<Completion> {
        let base = self.frames.len();
        let ret = if finalize { Ret::Finalize } else { Ret::Entry };
        // The generator's frame is on top, with the exception to raise at its yield
        // point, or already redirected by a delegate's own `throw`.
        let raise = self.push_throw(g, ret, exc)?;
        self.native_depth += 1;
        let r = match raise {
            Some(err) => match self.unwind(err, base) {
                Ok(Some(c)) => Ok(c),
                Ok(None) => {
                    if self.frames.len() > base {
                        self.run_frames(base)
                    } else {
                        Ok(Completion::Return(Value::None))
                    }
                }
                Err(e) => Err(e),
            },
            None => self.run_frames(base),
        };
        self.native_depth -= 1;
        if finalize {
            return Ok(Completion::Return(Value::None));
        }
        r
    }

    /// Push a suspended generator's frame (and, for `yield from` chains, the frames it
    /// delegates to) so that `exc` can be raised at the innermost yield point. A
    /// delegate that is not a generator gets `exc` through its own `throw` (or `close`
    /// for GeneratorExit), as CPython's `_gen_throw` does; then the error to raise is
    /// whatever that produced, or none when the frame just continues.
    pub(crate) fn push_throw(
        &mut self,
        g: Rc<Object>,
        ret: Ret,
        exc: Value,
    ) -> PyResult<Option<PyErr>> {
        let mut g = g;
        let mut ret = ret;
        // GeneratorExit (close(), or thrown) closes a generator's delegate instead of
        // going down into it, as CPython's _gen_throw does; not an async generator's
        // (`aclose()` lets its awaits run).
        let close_delegate = gen_of(&g).kind != GenKind::AsyncGenerator
            && self.is_instance_of_kind(&exc, ExcKind::GeneratorExit);
        // Iterative over `yield from` chains: each level is pushed as if its SEND were
        // running, so the exception raised in the innermost frame unwinds outward.
        loop {
            let gen = gen_of(&g);
            if gen.state.get() == GenState::Running {
                // The level that delegates here (if any) gets the error back.
                self.settle_deferred_exc_state();
                return Err(PyErr::value_error(format!(
                    "{} already executing",
                    gen.type_name()
                )));
            }
            // A level that passes the exception on to the generator it delegates to does
            // not run meanwhile, so its handled-exception state is swapped in only when
            // control comes back to it (`settle_deferred_exc_state`), as in CPython,
            // where the innermost frame sees its thrower's exception below its own.
            let f = match self.take_gen_frame(g.clone(), ret) {
                Ok(f) => f,
                Err(e) => {
                    self.settle_deferred_exc_state();
                    return Err(e);
                }
            };
            let yf = gen_yieldfrom(&f);
            self.frames.push(f);
            gen_of(&g).exc_deferred.set(true);
            // A finished delegate (closed from outside) has no frame to throw into:
            // its `throw` raises the exception straight back, as CPython's does.
            let live = |s: &Rc<Object>| gen_of(s).state.get() != GenState::Closed;
            match yf.as_ref().and_then(resumable_gen).filter(live) {
                // (Each level closes the next in a nested run: past the nesting cap the
                // GeneratorExit goes on down instead, where CPython's C stack overflows.)
                Some(sub) if close_delegate && self.native_depth < super::MAX_NATIVE_DEPTH => {
                    // The delegate is closed (its own delegates first); then the
                    // GeneratorExit, or the error closing it raised, is raised here.
                    let closed = super::builtins::close_gen(self, sub);
                    self.settle_deferred_exc_state();
                    let e = match closed {
                        Ok(()) => exc,
                        Err(e) => self.materialize(e),
                    };
                    self.chain_to_own_exception(&e);
                    return Ok(Some(PyErr::Obj(e)));
                }
                Some(sub) => {
                    let caller = fr!(self);
                    let send_ip = caller.ip as u32 - 2;
                    caller.ip = send_ip as usize + 1;
                    g = sub;
                    ret = Ret::ThrownSend { send_ip };
                }
                None => {
                    let err = match yf {
                        Some(sub) => {
                            let r = self.throw_to_delegate(sub, exc);
                            self.settle_deferred_exc_state();
                            r?
                        }
                        None => {
                            self.settle_deferred_exc_state();
                            Some(PyErr::Obj(exc))
                        }
                    };
                    // The exception enters this frame chained to its own handled
                    // exception, if any; the levels above chain it again as it leaves
                    // each frame below them (`Ret::ThrownSend`).
                    if let Some(PyErr::Obj(e)) = &err {
                        self.chain_to_own_exception(e);
                    }
                    return Ok(err);
                }
            }
        }
    }

    /// A thrown exception entering the generator frame on top: its `__context__` becomes
    /// the generator's own handled exception, when it has one (CPython's
    /// _PyErr_ChainStackItem in gen_send_ex2).
    fn chain_to_own_exception(&mut self, exc: &Value) {
        let Some(g) = self.frames.last().and_then(|f| f.gen().cloned()) else {
            return;
        };
        if gen_of(&g).has_own_exc.get() && !self.exc_info.is_none() {
            self.replace_context(exc);
        }
    }

    /// `throw` into a frame (on top of the stack) suspended in `yield from`/`await` on a
    /// delegate that is not a generator frame we can push.
    fn throw_to_delegate(&mut self, sub: Value, exc: Value) -> PyResult<Option<PyErr>> {
        if self.is_instance_of_kind(&exc, ExcKind::GeneratorExit) {
            if let Ok(close) = self.getattr(&sub, &Value::str("close")) {
                if let Err(e) = self.call_with(&close, []) {
                    return Ok(Some(e));
                }
            }
            return Ok(Some(PyErr::Obj(exc)));
        }
        let r = match self.getattr(&sub, &Value::str("throw")) {
            Ok(throw) => self.call_with(&throw, [exc]),
            Err(_) => return Ok(Some(PyErr::Obj(exc))),
        };
        let frame = fr!(self);
        let send_ip = frame.ip - 2;
        match r {
            Ok(v) => {
                // The delegate yielded: the frame yields it on, still delegating.
                frame.stack.push(v);
                frame.ip = send_ip + 1;
                Ok(None)
            }
            Err(e) => {
                // The delegate finished: its value is the result of the `yield from`.
                let val = match self.stop_iteration_result(e) {
                    Ok(val) => val,
                    Err(e) => return Ok(Some(e)),
                };
                let frame = fr!(self);
                let target = frame.code.instrs[send_ip].arg;
                frame.stack.pop();
                frame.stack.push(val);
                frame.ip = target as usize;
                Ok(None)
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn do_raise(&mut self, arg: u32) -> PyResult<PyErr> {
        match arg {
            0 => {
                if self.exc_info.is_none() {
                    return Ok(PyErr::runtime_error("No active exception to reraise"));
                }
                self.reraising = true;
                Ok(PyErr::Obj(self.exc_info.clone()))
            }
            _ => {
                let cause = if arg == 2 {
                    Some(fr!(self).stack.pop().unwrap())
                } else {
                    None
                };
                let exc = fr!(self).stack.pop().unwrap();
                let exc = self.make_exception(exc)?;
                if let Some(c) = cause {
                    let c = if c.is_none() {
                        None
                    } else {
                        Some(self.make_exception(c)?)
                    };
                    self.set_cause(&exc, c);
                }
                self.set_context(&exc);
                Ok(PyErr::Obj(exc))
            }
        }
    }
}

pub(crate) fn gen_of(g: &Rc<Object>) -> &Generator {
    match &g.payload {
        Payload::Generator(gen) => gen,
        _ => unreachable!("not a generator"),
    }
}

/// FOR_ITER over a range or list/tuple iterator: the next item (None at the end), as
/// `Vm::next_builtin` gives it; None when `it` is another kind of iterator. (A copy of
/// next_builtin's two cases, kept on purpose: a refactor that shared them, together
/// with the call paths' frame setup, made async_queue 8% slower through code layout.)
#[inline]
fn step_simple_iter(it: &Value) -> Option<Option<Value>> {
    use crate::object::IterState;
    let Some(Payload::Iter(st)) = it.payload() else {
        return None;
    };
    let mut s = st.try_borrow_mut().ok()?;
    match &mut *s {
        IterState::Range { cur, stop, step } => {
            if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                let v = *cur;
                *cur = cur.saturating_add(*step);
                Some(Some(Value::Int(v)))
            } else {
                Some(None)
            }
        }
        IterState::Seq { seq, idx } => {
            let v = match seq.payload() {
                Some(Payload::List(l)) => l.try_borrow().ok()?.get(*idx).cloned(),
                Some(Payload::Tuple(t)) => t.get(*idx).cloned(),
                _ => return None,
            };
            if v.is_some() {
                *idx += 1;
            } else {
                *s = IterState::Exhausted;
            }
            Some(v)
        }
        _ => None,
    }
}

/// The dict in `d`, if it still has the layout an inline cache saw, for a read that
/// ends before anything can change it (so it takes no borrow guard).
#[inline(always)]
fn dict_with_layout(d: &Object, layout: u64) -> Option<&Dict> {
    let Payload::Dict(d) = &d.payload else {
        return None;
    };
    // SAFETY: the caller reads one value and clones it; no code runs meanwhile.
    unsafe { d.try_borrow_unguarded() }
        .ok()
        .filter(|d| d.layout() == layout)
}

#[cold]
fn no_frame() -> PyErr {
    PyErr::runtime_error("generator has no frame")
}

/// Why a generator cannot be resumed (`startable`: its state allows it, so the
/// recursion limit is the reason). Out of line: the resume path stays small.
#[cold]
#[inline(never)]
fn resume_refused(gen: &Generator, sent: &Value, startable: bool) -> PyErr {
    if startable {
        return recursion_error();
    }
    match gen.state.get() {
        GenState::Running => PyErr::value_error(format!("{} already executing", gen.type_name())),
        GenState::Closed if gen.kind == GenKind::Coroutine => {
            PyErr::runtime_error("cannot reuse already awaited coroutine")
        }
        GenState::Closed => PyErr::stop_iteration(Value::None),
        _ => {
            debug_assert!(!sent.is_none());
            PyErr::type_error(format!(
                "can't send non-None value to a just-started {}",
                gen.type_name()
            ))
        }
    }
}

/// A generator/coroutine that the loop can resume in place (not running).
#[inline(always)]
pub(crate) fn resumable_gen(v: &Value) -> Option<Rc<Object>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Generator(g)
                if g.state.get() != GenState::Running && g.kind != GenKind::AsyncGenerator =>
            {
                Some(o.clone())
            }
            // `coro.__await__()` resumes the coroutine itself.
            Payload::Opaque(_) => super::asyncgen::wrapped_coroutine(v)
                .filter(|c| gen_of(c).state.get() != GenState::Running),
            _ => None,
        },
        _ => None,
    }
}

/// The object a suspended frame is delegating to (`gi_yieldfrom`), if any.
pub(crate) fn gen_yieldfrom(f: &Frame) -> Option<Value> {
    let next = f.code.instrs.get(f.ip)?;
    if next.op == Opcode::Resume && next.arg >= 2 {
        f.stack.last().cloned()
    } else {
        None
    }
}

pub(crate) fn dict_get_str(d: &Rc<Object>, key: &Value) -> Option<Value> {
    match (&d.payload, key) {
        (Payload::Dict(d), Value::Str(k)) => d.borrow().get_str(k).cloned(),
        _ => None,
    }
}

pub(crate) fn dict_set_str(d: &Rc<Object>, key: Value, v: Value) {
    if let (Payload::Dict(d), Value::Str(k)) = (&d.payload, key) {
        d.borrow_mut().set_str(k, v);
    }
}

/// LOAD_GLOBAL's inline cache (and a module-level LOAD_NAME's): the entry index found
/// last time. A name found in globals stays valid while globals gains or loses no
/// entry; one found in builtins needs the same of both dicts (globals must still lack
/// it). The builtins are passed in, for callers that hold the current frame mutably.
#[inline(always)]
fn cached_global(
    builtins: &Object,
    globals: &Object,
    code: &crate::bytecode::CodeObject,
    at: usize,
) -> Option<Value> {
    let InlineCache::Global {
        globals_layout,
        builtins_layout,
        index,
        in_builtins,
    } = code.inline_cache_at(at).get()
    else {
        return None;
    };
    // The builtins are looked at only for a name found there.
    let g = dict_with_layout(globals, globals_layout)?;
    if !in_builtins {
        return Some(g.value_at(index as usize).clone());
    }
    let b = dict_with_layout(builtins, builtins_layout)?;
    Some(b.value_at(index as usize).clone())
}

/// STORE_NAME at module level (operand `arg`, at `at`): the entry the name had last
/// time is replaced while the globals keep their layout (a loop variable rebound on
/// every pass), otherwise the name is set and its entry remembered. The replaced value
/// is dropped after the dict's borrow ends.
#[inline(always)]
fn store_module_name(
    globals: &Rc<Object>,
    code: &crate::bytecode::CodeObject,
    at: usize,
    arg: u32,
    v: Value,
) {
    let (Payload::Dict(d), Value::Str(key)) = (&globals.payload, &code.names[arg as usize]) else {
        return dict_set_str(globals, code.names[arg as usize].clone(), v);
    };
    let slot = code.inline_cache_at(at);
    let mut d = d.borrow_mut();
    let old = match slot.get() {
        InlineCache::Global {
            globals_layout,
            index,
            ..
        } if d.layout() == globals_layout => {
            Some(std::mem::replace(d.value_at_mut(index as usize), v))
        }
        _ => {
            let (index, old) = d.set_str_at(key, v);
            slot.set(InlineCache::Global {
                globals_layout: d.layout(),
                builtins_layout: 0,
                index: index as u32,
                in_builtins: false,
            });
            old
        }
    };
    drop(d);
    drop(old);
}

pub(crate) fn dict_del_str(d: &Rc<Object>, key: &Value) -> bool {
    match (&d.payload, key) {
        (Payload::Dict(d), Value::Str(k)) => d.borrow_mut().remove_str(k).is_some(),
        _ => false,
    }
}

#[cold]
#[inline(never)]
fn name_error(name: &Value) -> PyErr {
    PyErr::new(
        ExcKind::NameError,
        format!(
            "name '{}' is not defined",
            name.as_pystr().map(|s| s.as_str()).unwrap_or("?")
        ),
    )
}

pub(crate) fn dict_get_str_pub(d: &Rc<Object>, key: &str) -> Option<Value> {
    dict_get_str(d, &Value::str(key))
}

pub(crate) fn dict_set_str_pub(d: &Rc<Object>, key: Value, v: Value) {
    dict_set_str(d, key, v)
}

impl Vm {
    pub(crate) fn handle_pending_pub(&mut self) -> PyResult<()> {
        self.handle_pending()
    }
}

#[cold]
#[inline(never)]
/// UnboundLocalError for a fast local or a cell of this frame (localsplus index).
fn unbound_local(code: &crate::bytecode::CodeObject, slot: u32) -> PyErr {
    PyErr::new(
        ExcKind::UnboundLocalError,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            code.localsplus_name(slot as usize)
        ),
    )
}

/// `Vm::enter_resumed` (`safe_point_due`: the VM's flag), also for the loop itself
/// and `consume.rs`, which resume a consumed generator in place.
#[inline(always)]
pub(super) fn enter_resumed(f: &mut Frame, sent: Value, fresh: bool, safe_point_due: bool) {
    // Each index read is one control reaches: the frame's resume point, and the
    // instruction after a POP_TOP or a RESUME (neither ends the code).
    let code = &*f.code;
    let mut at = f.ip;
    let fresh = fresh && code.instr_at(at).op == Opcode::PopTop;
    if fresh {
        at += 1;
    }
    if safe_point_due || code.instr_at(at).op != Opcode::Resume {
        push_value(&mut f.stack, sent);
        return;
    }
    at += 1;
    let mut steps = 1 + fresh as u64;
    let next = code.instr_at(at);
    if next.op == Opcode::JumpBackwardNoInterrupt {
        at = next.arg as usize;
        steps += 1;
    } else if !fresh && next.op == Opcode::PopTop {
        // A `yield` statement's value is thrown away: its POP_TOP is run here, and
        // the JUMP_BACKWARD of a `for` loop's body ending at the yield (its safe
        // point is not due: checked above).
        let after = code.instr_at(at + 1);
        if after.op == Opcode::JumpBackward {
            budget::count_steps(steps + 2);
            f.ip = after.arg as usize;
        } else {
            budget::count_steps(steps + 1);
            f.ip = at + 1;
        }
        sent.discard();
        return;
    } else if !fresh && next.op == Opcode::StoreFast {
        // `x = yield ...`: the sent value goes straight to its local.
        budget::count_steps(steps + 1);
        f.ip = at + 1;
        f.stack[next.arg as usize].replace_with(sent);
        return;
    }
    budget::count_steps(steps);
    f.ip = at;
    if !fresh {
        push_value(&mut f.stack, sent);
    }
}

/// How a generator resumed by a call (`g.send(v)`, `next(g)`) hands back what it
/// yields, given the instruction after the call.
#[inline(always)]
pub(crate) fn next_call_ret(after: crate::bytecode::Instr) -> Ret {
    if after.op == Opcode::StoreFast {
        Ret::NextCallStore { slot: after.arg }
    } else {
        Ret::NextCall
    }
}

/// Pop the top of a value stack that the compiler guarantees is non-empty.
#[inline(always)]
pub(crate) fn pop_value(s: &mut Vec<Value>) -> Value {
    let len = s.len();
    // The compiler's stack-depth pass balances every pop with a push before it (as
    // CPython's does; its loop does not check either): checked in debug builds.
    debug_assert!(len > 0, "value stack underflow");
    // SAFETY: len > 0; the slot is initialised and is logically removed by set_len.
    unsafe {
        s.set_len(len - 1);
        std::ptr::read(s.as_ptr().add(len - 1))
    }
}

/// Push with no capacity check, as CPython's loop pushes: every frame's stack is
/// allocated for its code's `frame_size()` before it runs, and the compiler's flow
/// analysis (`max_stack`, CPython's co_stacksize) bounds every push of the code's
/// instructions. Tests run with debug assertions, which check that bound.
#[inline(always)]
pub(crate) fn push_value(s: &mut Vec<Value>, v: Value) {
    let len = s.len();
    debug_assert!(
        len < s.capacity(),
        "a frame's value stack passed its frame_size"
    );
    // SAFETY: len < capacity (see above), so the slot exists and is uninitialised.
    unsafe {
        write_value(s.as_mut_ptr().add(len), v);
        s.set_len(len + 1);
    }
}

/// Move `len` values from `src` to `dst` one by one: calls and frames move a few,
/// where a `memcpy` call of a length known only at run time cost more than the copy.
///
/// # Safety
/// `src` holds `len` initialised values that the caller stops owning; `dst` has room
/// for them and does not overlap `src`.
#[inline(always)]
pub(crate) unsafe fn move_values(src: *const Value, dst: *mut Value, len: usize) {
    for i in 0..len {
        write_value(dst.add(i), std::ptr::read(src.add(i)));
    }
}

/// Write `v` to `dst` as one 16-byte store assembled from its two words. A value the
/// handler built in a stack temporary (an arm of BINARY_OP's match writes the tag and
/// the payload separately) is then read back as two 8-byte loads, which the CPU
/// forwards from those stores, instead of one 16-byte load, which it cannot: that
/// stall was 17% of the loop's samples on fib.
#[inline(always)]
pub(crate) unsafe fn write_value(dst: *mut Value, v: Value) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_set_epi64x, _mm_storeu_si128};
        let w: [i64; 2] = std::mem::transmute(v);
        _mm_storeu_si128(dst as *mut __m128i, _mm_set_epi64x(w[1], w[0]));
    }
    #[cfg(not(target_arch = "x86_64"))]
    std::ptr::write(dst, v);
}

/// `list[i]` for a stack ending in [list, small int i in range]: the item.
#[inline(always)]
fn list_item_at_top(s: &[Value]) -> Option<Value> {
    let [.., Value::Obj(o), Value::Int(i)] = s else {
        return None;
    };
    let Payload::List(l) = &o.payload else {
        return None;
    };
    let l = l.try_borrow().ok()?;
    l.get(list_index(*i, l.len())?).cloned()
}

/// A list index as Python reads it (negative: from the end); the caller's `get`
/// checks the range.
#[inline(always)]
fn list_index(i: i64, len: usize) -> Option<usize> {
    let at = if i < 0 { i.checked_add(len as i64)? } else { i };
    usize::try_from(at).ok()
}

/// `list[i] = v` for a stack ending in [v, list, small int i in range]: the three are
/// popped and the replaced item returned, for the caller to drop (its finalizer, if
/// any, runs later; no borrow is held by then).
#[inline(always)]
fn store_list_item_at_top(s: &mut Vec<Value>) -> Option<Value> {
    let (list, i) = match &s[..] {
        [.., _, Value::Obj(o), Value::Int(i)] => (Rc::as_ptr(o), *i),
        _ => return None,
    };
    // SAFETY: the stack's reference keeps the list alive until it is dropped below,
    // after this borrow of its items ends.
    let Payload::List(l) = (unsafe { &(*list).payload }) else {
        return None;
    };
    let mut l = l.try_borrow_mut().ok()?;
    let at = list_index(i, l.len())?;
    let slot = l.get_mut(at)?;
    let len = s.len();
    // SAFETY: the stack holds at least three values (the pattern matched); the value
    // is moved into the list (the slot's length is cut first, so it is not dropped
    // twice), the int key needs no drop, and the list reference is dropped after the
    // borrow of the list ends.
    unsafe {
        s.set_len(len - 3);
        let v = std::ptr::read(s.as_ptr().add(len - 3));
        let old = std::mem::replace(slot, v);
        drop(l);
        std::ptr::drop_in_place(s.as_mut_ptr().add(len - 2));
        Some(old)
    }
}

/// The two topmost values, when both are small ints.
#[inline(always)]
fn top_int_pair(s: &[Value]) -> Option<(i64, i64)> {
    match s {
        [.., Value::Int(x), Value::Int(y)] => Some((*x, *y)),
        _ => None,
    }
}

/// Whether the conditional jump `op` is taken on `t` (None: `op` is not a jump on
/// a truth value, so the value is pushed).
#[inline(always)]
fn jump_taken(op: Opcode, t: bool) -> Option<bool> {
    match op {
        Opcode::PopJumpForwardIfFalse | Opcode::PopJumpBackwardIfFalse => Some(!t),
        Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue => Some(t),
        _ => None,
    }
}

/// BINARY_OP on two small ints, when the result is a small int too (None: overflow,
/// division by zero or an operator done the general way).
#[inline(always)]
fn int_binary(x: i64, y: i64, op: u32) -> Option<i64> {
    match op {
        0 | 13 => x.checked_add(y),
        10 | 23 => x.checked_sub(y),
        5 | 18 => x.checked_mul(y),
        // Python's floor modulo and division: the result takes the divisor's sign.
        6 | 19 if y != 0 && y != -1 => {
            let r = x % y;
            Some(if r != 0 && (r ^ y) < 0 { r + y } else { r })
        }
        2 | 15 if y != 0 && y != -1 => {
            let q = x / y;
            Some(if x % y != 0 && (x ^ y) < 0 { q - 1 } else { q })
        }
        1 | 14 => Some(x & y),
        7 | 20 => Some(x | y),
        12 | 25 => Some(x ^ y),
        _ => None,
    }
}

/// Drop the `n` topmost values, which are ints (so there is nothing to release).
#[inline(always)]
pub(crate) fn forget_top_ints(s: &mut Vec<Value>, n: usize) {
    let len = s.len();
    debug_assert!(len >= n && s[len - n..].iter().all(|v| matches!(v, Value::Int(_))));
    // SAFETY: the slots hold ints, which have no destructor.
    unsafe { s.set_len(len - n) };
}

/// Replace the two topmost values, which `top_int_pair` found to be ints (so nothing
/// needs dropping), by `v`.
#[inline(always)]
fn replace_top_pair(s: &mut Vec<Value>, v: Value) {
    let len = s.len();
    debug_assert!(len >= 2 && matches!(s[len - 2], Value::Int(_)));
    // SAFETY: len >= 2 (top_int_pair matched two values); slot len-2 holds an int,
    // which has no destructor, and slot len-1 (an int) is forgotten by set_len.
    unsafe {
        write_value(s.as_mut_ptr().add(len - 2), v);
        s.set_len(len - 1);
    }
}

/// Push two values with one write of the length (bounded as `push_value` is).
#[inline(always)]
fn push_pair(s: &mut Vec<Value>, a: Value, b: Value) {
    let len = s.len();
    debug_assert!(
        s.capacity() - len >= 2,
        "a frame's value stack passed its frame_size"
    );
    // SAFETY: len + 2 <= capacity (see push_value), so both slots exist and are
    // uninitialised.
    unsafe {
        let p = s.as_mut_ptr().add(len);
        write_value(p, a);
        write_value(p.add(1), b);
        s.set_len(len + 2);
    }
}

/// A CACHE instruction reached the loop: code pyco's compiler could not have made.
#[cold]
#[inline(never)]
fn cache_executed() -> PyErr {
    PyErr::new(ExcKind::SystemError, "unknown opcode CACHE")
}

/// An instance of a class (whose special methods are looked up in Python code).
#[inline(always)]
fn is_instance(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Instance(_)))
}
