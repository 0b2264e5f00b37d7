//! Calls: argument binding, frame push for Python functions, natives, classes.

use super::dispatch::{move_values, push_value, write_value, CallOutcome};
use super::frame::{truncate_values, Frame, Ret};
use super::generator::is_generator;
use super::{Completion, Vm};
use crate::bytecode::code::InlineCache;
use crate::bytecode::CodeObject;
use crate::bytecode::{flags, Opcode};
use crate::object::{
    Dict, ExcKind, Function, Instance, Object, Payload, PyErr, PyResult, TypeKind, TypeObj, Value,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// `frames.push(f)` with the growth out of line: `Vec::push` in the call path was
/// left as a call of its own.
#[inline(always)]
#[allow(clippy::vec_box)] // Vm::frames: boxed, so a frame stays put as the stack grows
pub(super) fn push_frame(frames: &mut Vec<Box<Frame>>, f: Box<Frame>) {
    if frames.len() == frames.capacity() {
        grow_frames(frames);
    }
    // SAFETY: there is room for one more (just checked, or grown).
    unsafe {
        let n = frames.len();
        std::ptr::write(frames.as_mut_ptr().add(n), f);
        frames.set_len(n + 1);
    }
}

#[cold]
#[inline(never)]
#[allow(clippy::vec_box)]
fn grow_frames(frames: &mut Vec<Box<Frame>>) {
    frames.reserve(frames.len().max(16));
}

/// Bind one positional argument per parameter: `args` moved into the empty `locals`
/// one by one, the rest of its `nl` locals unbound (`append` and `resize` went through
/// a memcpy call and a generic fill).
#[inline(always)]
fn bind_exact(locals: &mut Vec<Value>, args: impl ExactArgs, nl: usize) {
    let n = args.count();
    debug_assert!(locals.is_empty() && n <= nl);
    locals.reserve(nl);
    // SAFETY: `locals` is empty with room for `nl >= n` values, the first `n` of which
    // the arguments are moved to.
    unsafe {
        let dst = locals.as_mut_ptr();
        args.move_to(dst);
        for i in n..nl {
            write_value(dst.add(i), Value::Null);
        }
        locals.set_len(nl);
    }
}

/// Positional arguments that `bind_exact` moves into a frame's first slots: a vector,
/// or an array written at the call (no vector allocated for a special method's call).
trait ExactArgs {
    fn count(&self) -> usize;
    /// Move the arguments to `dst`.
    ///
    /// # Safety
    /// `dst` has room for `count()` values and does not overlap the arguments.
    unsafe fn move_to(self, dst: *mut Value);
}

impl ExactArgs for Vec<Value> {
    fn count(&self) -> usize {
        self.len()
    }

    unsafe fn move_to(mut self, dst: *mut Value) {
        let n = self.len();
        // The vector forgets its values before they move: its drop frees the buffer only.
        self.set_len(0);
        move_values(self.as_ptr(), dst, n);
    }
}

impl<const N: usize> ExactArgs for [Value; N] {
    fn count(&self) -> usize {
        N
    }

    unsafe fn move_to(self, dst: *mut Value) {
        let args = std::mem::ManuallyDrop::new(self);
        move_values(args.as_ptr(), dst, N);
    }
}

/// A frame for the pool to hand out when it is empty (fields are filled in by callers).
pub(crate) fn new_blank_frame() -> Box<Frame> {
    thread_local! {
        static BLANK: (Rc<crate::bytecode::CodeObject>, Rc<Object>) = blank_parts();
    }
    let (code, globals) = BLANK.with(|b| (b.0.clone(), b.1.clone()));
    Box::new(Frame::new(code, globals, None, Ret::Call, Vec::new()))
}

fn blank_parts() -> (Rc<crate::bytecode::CodeObject>, Rc<Object>) {
    let src = Rc::new(crate::source::SourceFile::new("<blank>", ""));
    let module = crate::ast::Module { body: vec![] };
    let code = crate::compiler::compile(&module, src, crate::compiler::CompileMode::Module)
        .expect("an empty module compiles");
    (code, Object::new(Payload::Dict(RefCell::new(Dict::new()))))
}

impl Vm {
    /// A call with the stack `[NULL|meth, callable|self, args...]` (CALL_FUNCTION_EX
    /// builds it so): the fast paths (`try_fast_call`), then `call_general`. CALL runs
    /// the fast paths inline and comes to `call_general` itself.
    pub(crate) fn call_from_stack(
        &mut self,
        argc: usize,
        kwnames: Option<Value>,
    ) -> PyResult<CallOutcome> {
        if kwnames.is_none() {
            let top: *mut Frame = &mut **self.frames.last_mut().unwrap();
            let site = Cell::new(InlineCache::Empty);
            let fast = self.try_fast_call(top, &site, argc);
            match fast {
                FastCall::Entered(_) | FastCall::Pushed => return Ok(CallOutcome::Pushed),
                FastCall::Raised => {
                    return Err(self.take_native_error());
                }
                FastCall::GeneratorFunction => return self.call_generator_function(argc),
                FastCall::ResumeGen | FastCall::Consume => {
                    if matches!(fast, FastCall::ResumeGen) {
                        if let Some(r) = self.resume_from_call(argc) {
                            return r.map(|_| CallOutcome::Pushed);
                        }
                    }
                    // Not a generator to resume: the built-in runs as any other.
                    match self.run_builtin(argc) {
                        FastCall::Pushed => return Ok(CallOutcome::Pushed),
                        FastCall::Raised => return Err(self.take_native_error()),
                        _ => {}
                    }
                }
                FastCall::NotHandled => {}
            }
        }
        self.call_general(argc, kwnames)
    }

    /// A call no fast path took: a bound-method object of a plain function with
    /// exactly its arguments, keywords bound straight into the frame
    /// (`push_bound_call`), and else `call_value` with the arguments in a vector.
    pub(crate) fn call_general(
        &mut self,
        argc: usize,
        kwnames: Option<Value>,
    ) -> PyResult<CallOutcome> {
        let f = self.frames.last_mut().unwrap();
        let (base, at) = call_operands(&f.stack, argc);
        let skip = at + 1 - base;
        if kwnames.is_none() && skip == 2 {
            if let Some(Payload::BoundMethod { func, .. }) = f.stack[at].payload() {
                if let Some(Payload::Function(f)) = func.payload() {
                    if takes_exactly(f, argc + 1) {
                        return self.push_bound_method_call(base);
                    }
                }
            }
        }
        if let Some(r) = self.push_bound_call(base, skip, kwnames.as_ref()) {
            return r;
        }
        let f = self.frames.last_mut().unwrap();
        let args = f.stack.split_off(at + 1);
        let callable = std::mem::replace(&mut f.stack[at], Value::Null);
        f.stack.truncate(base);
        let kwn: Vec<Value> = kwnames
            .as_ref()
            .and_then(|k| k.as_tuple().map(|t| t.to_vec()))
            .unwrap_or_default();
        self.call_value(callable, args, &kwn, true)
    }

    /// CALL's fast path, for calls with no keywords. A plain Python function called
    /// positionally with exactly its parameters gets its frame here, as CPython 3.11
    /// specialises CALL_PY_EXACT_ARGS, and so does `C(args)` for a class whose
    /// `__init__` is such a function (`simple_init`). Calls that resume a generator,
    /// built-ins and exact-args calls of generator functions are sorted out for the
    /// loop to send to their own paths. Out of line and split from the frame push, so
    /// that each part saves few registers (inlined into the loop, the test cost fib
    /// 2%). Anything else is left to `call_general`.
    /// `top` is the frame on top of the frame stack, the CALL's: the loop holds its
    /// address, and finding it again through the frame stack put two dependent loads
    /// ahead of every call's first test. `site` is the CALL's inline cache
    /// (`InlineCache::Call`; CALL_FUNCTION_EX passes a throwaway one).
    #[inline(never)]
    pub(crate) fn try_fast_call(
        &mut self,
        top: *mut Frame,
        site: &Cell<InlineCache>,
        argc: usize,
    ) -> FastCall {
        debug_assert!(std::ptr::eq(top, &**self.frames.last().unwrap()));
        // SAFETY: `top` is the top frame, boxed and alive while the call is sorted out.
        let (caller, globals) = unsafe { (&(*top).stack, &(*top).globals) };
        let (base, at) = call_operands(caller, argc);
        let nargs = caller.len() - at - 1;
        if let InlineCache::Call {
            func,
            code,
            nargs: n,
        } = site.get()
        {
            if let Value::Obj(o) = &caller[at] {
                if Rc::as_ptr(o) as usize == func && n as usize == nargs && calls(o, code, globals)
                {
                    // SAFETY: the function in the slot holds the code (just checked).
                    let code = unsafe { &*code };
                    return self.push_exact_frame(top, (base, at), code, globals, &[], None);
                }
            }
        }
        match caller[at].payload() {
            Some(Payload::Function(func)) if func.plain_argc as usize == nargs => {
                if func.closure.is_empty() && Rc::ptr_eq(&func.globals, globals) {
                    site.set(InlineCache::Call {
                        func: caller[at].as_obj().map_or(0, |o| Rc::as_ptr(o) as usize),
                        code: Rc::as_ptr(&func.code),
                        nargs: nargs as u32,
                    });
                }
                self.push_function_frame(top, (base, at), func, None)
            }
            // (Exact arguments, but not a plain function.)
            Some(Payload::Function(func)) if takes_exactly(func, nargs) => {
                FastCall::GeneratorFunction
            }
            Some(Payload::Function(func)) if fills_with_defaults(func, nargs) => {
                self.push_defaults_frame(top, base, at, nargs)
            }
            Some(Payload::BoundMethod { func, .. }) if binds_exactly(func, nargs) => {
                self.push_bound_frame(top, base, at)
            }
            Some(Payload::Native(nf)) if resumes_generator(nf, nargs) => FastCall::ResumeGen,
            Some(Payload::Native(nf))
                if nf.consumes && nargs == 1 && at == base + 1 && is_generator(&caller[at + 1]) =>
            {
                FastCall::Consume
            }
            Some(Payload::Native(nf)) => {
                if let Some(quick) = nf.quick {
                    if let Some(v) = quick(self, &caller[at + 1..]) {
                        return self.land_quick(top, base, v);
                    }
                }
                let nf: *const crate::object::NativeFunc = nf;
                // SAFETY: the function lives in the callable's slot, which stays put
                // until `run_native_at` cuts the operands after the call.
                self.run_native_at(base, at, unsafe { &*nf })
            }
            Some(Payload::Type(t))
                if t.kind == TypeKind::List
                    && nargs == 1
                    && at == base + 1
                    && is_generator(&caller[at + 1]) =>
            {
                FastCall::Consume
            }
            Some(Payload::Type(t)) if t.kind != TypeKind::User => {
                if let Some(v) = super::quick::construct(self, t.kind, &caller[at + 1..]) {
                    return self.land_quick(top, base, v);
                }
                match self.types.constructor(t.kind) {
                    Some(ctor) => self.run_ctor_at(base, at, ctor),
                    None => FastCall::NotHandled,
                }
            }
            Some(Payload::Type(t)) if at == base + 1 && t.kind == TypeKind::User => {
                match simple_init(t, argc) {
                    // Only the recursion limit can stop an `__init__` frame's push.
                    Some(init) => match self.push_simple_init(base, init) {
                        Ok(_) => FastCall::Pushed,
                        Err(e) => self.raised(e),
                    },
                    None => FastCall::NotHandled,
                }
            }
            // `*args` functions, out of line.
            _ => self.push_varargs_frame(top, base, at, nargs),
        }
    }

    /// Push the frame `try_fast_call` accepted: the callable is at `at` of the
    /// caller's stack, its `nargs` arguments above it, and `base` is where the CALL's
    /// operands start (a NULL below the callable, or the callable itself). A lean copy
    /// of `push_frame_with_args` on purpose: going through it instead cost fib 5% and
    /// objects 2% in instructions (callgrind). Inlined into `try_fast_call`: a call
    /// of its own cost every Python call 15 instructions (prologue, operands found
    /// again).
    #[inline(always)]
    fn push_exact_frame(
        &mut self,
        top: *mut Frame,
        (base, at): (usize, usize),
        code: &CodeObject,
        globals: &Rc<Object>,
        closure: &[Value],
        receiver: Option<&Value>,
    ) -> FastCall {
        if self.frames.len() >= self.depth_limit {
            return self.raised(recursion_error());
        }
        // SAFETY: `top` is the top frame (see try_fast_call).
        let caller: *mut Vec<Value> = unsafe { &mut (*top).stack };
        // SAFETY: the caller's slots from `base` are CALL's operands, initialised, and
        // `at` holds the function of `code` (checked by try_fast_call), whose
        // parameters its arguments above it fill exactly. Raw pointers, as the frame
        // pool is used while they are read; nothing here grows the caller's stack.
        unsafe {
            let callable = (*caller).as_mut_ptr().add(at);
            let nargs = (*caller).len() - at - 1;
            let mut frame = self.frame_pool.pop().unwrap_or_else(new_blank_frame);
            // Pooled frames often ran this very function (recursion, loops): no
            // reference-count traffic when the code and globals are already in place.
            if !std::ptr::eq(Rc::as_ptr(&frame.code), code) {
                Rc::increment_strong_count(code);
                frame.code = Rc::from_raw(code);
            }
            if !Rc::ptr_eq(&frame.globals, globals) {
                frame.globals = globals.clone();
            }
            frame.ip = self.entry_ip(code);
            frame.ret = Ret::Call;
            let nl = code.nlocalsplus();
            let need = code.frame_size();
            if frame.stack.capacity() < need {
                frame.stack.reserve(need);
            }
            // The new frame's first slots get the receiver when given, then the
            // arguments, moved (the caller's length is cut below them); the rest up to
            // `nl` are unbound. (Written as one offset from the frame's start, this
            // cost fib 0.8%.)
            let mut dst = frame.stack.as_mut_ptr();
            if let Some(r) = receiver {
                write_value(dst, r.clone());
                dst = dst.add(1);
            }
            move_values(callable.add(1), dst, nargs);
            let dst = frame.stack.as_mut_ptr();
            let nargs = nargs + receiver.is_some() as usize;
            for i in nargs..nl {
                write_value(dst.add(i), Value::Null);
            }
            frame.stack.set_len(nl);
            if !closure.is_empty() {
                let start = nl - code.freevars.len();
                for (i, c) in closure.iter().enumerate() {
                    frame.stack[start + i] = c.clone();
                }
            }
            // The callable's reference goes with its slot; a NULL below it needs no drop.
            (*caller).set_len(base);
            std::ptr::drop_in_place(callable);
            let entered: *mut Frame = &mut *frame;
            push_frame(&mut self.frames, frame);
            FastCall::Entered(entered)
        }
    }

    /// `push_exact_frame` of the function `func`.
    #[inline(always)]
    fn push_function_frame(
        &mut self,
        top: *mut Frame,
        operands: (usize, usize),
        func: &Function,
        receiver: Option<&Value>,
    ) -> FastCall {
        let (code, globals, closure) = (&func.code, &func.globals, &func.closure);
        self.push_exact_frame(top, operands, code, globals, closure, receiver)
    }

    /// A plain function called positionally with fewer arguments than parameters,
    /// the missing ones having defaults (CPython 3.11's CALL_PY_WITH_DEFAULTS): the
    /// exact call's frame, then the defaults in their slots. Out of line, so that the
    /// exact call keeps `try_fast_call` to itself. (It went through `call_general`'s
    /// binding of keywords: 400 instructions more than an exact call.)
    #[inline(never)]
    fn push_defaults_frame(
        &mut self,
        top: *mut Frame,
        base: usize,
        at: usize,
        nargs: usize,
    ) -> FastCall {
        // Held here: the frame push drops the caller's reference with its slot.
        // SAFETY: `top` is the top frame (see try_fast_call).
        let callable = unsafe { (&(*top).stack)[at].clone() };
        let Some(Payload::Function(func)) = callable.payload() else {
            unreachable!("checked by try_fast_call")
        };
        let fast = self.push_function_frame(top, (base, at), func, None);
        if let FastCall::Entered(f) = fast {
            // SAFETY: the frame just pushed.
            fill_defaults(unsafe { &mut (*f).stack }, func, nargs);
        }
        fast
    }

    /// A function taking `*args` after its positional parameters (nothing else: no
    /// keyword-only or `**` parameter, no defaults needed), called positionally with
    /// at least those, directly or as a bound method (`def __exit__(self, *exc)`):
    /// the exact call's frame, the arguments past them packed into the tuple in the
    /// `*args` slot. (It went through `call_general`'s binding: ~650 instructions
    /// more a call.) NotHandled: any other callable. The last arm of
    /// `try_fast_call`, out of line: as arms of its own they cost fib 1.4%.
    #[inline(never)]
    fn push_varargs_frame(
        &mut self,
        top: *mut Frame,
        base: usize,
        at: usize,
        nargs: usize,
    ) -> FastCall {
        // SAFETY: `top` is the top frame (see try_fast_call); the rest is moved out of
        // its stack before the frame push reads the operands.
        let caller = unsafe { &mut (*top).stack };
        let packs = match caller[at].payload() {
            Some(Payload::Function(f)) => packs_varargs(f, nargs),
            Some(Payload::BoundMethod { func, .. }) => binds_varargs(func, nargs),
            _ => false,
        };
        if !packs {
            return FastCall::NotHandled;
        }
        // Held here: the frame push drops the caller's reference with its slot.
        let callable = caller[at].clone();
        let (func, receiver) = match callable.payload() {
            Some(Payload::BoundMethod { func, receiver }) => (func, Some(receiver)),
            _ => (&callable, None),
        };
        let Some(Payload::Function(func)) = func.payload() else {
            unreachable!("checked above")
        };
        let argc = func.code.argcount as usize;
        let given = argc - usize::from(receiver.is_some());
        let rest = Value::tuple(caller.drain(at + 1 + given..).collect());
        let fast = self.push_function_frame(top, (base, at), func, receiver);
        if let FastCall::Entered(f) = fast {
            // SAFETY: the frame just pushed, whose slot `argc` is its `*args`.
            unsafe { (&mut (*f).stack)[argc] = rest };
        }
        fast
    }

    /// A bound method of a plain function whose parameters the receiver and the
    /// arguments fill exactly (`m = o.f; m(x)`, a with statement's `__exit__`): the
    /// function's frame with the receiver first, as CPython 3.11's
    /// PRECALL_BOUND_METHOD. (It went through `call_general`'s binding: ~600
    /// instructions more a call.)
    #[inline(never)]
    fn push_bound_frame(&mut self, top: *mut Frame, base: usize, at: usize) -> FastCall {
        // Held here: the frame push drops the caller's reference with its slot.
        // SAFETY: `top` is the top frame (see try_fast_call).
        let callable = unsafe { (&(*top).stack)[at].clone() };
        let Some(Payload::BoundMethod { func, receiver }) = callable.payload() else {
            unreachable!("checked by try_fast_call")
        };
        let Some(Payload::Function(func)) = func.payload() else {
            unreachable!("checked by try_fast_call")
        };
        self.push_function_frame(top, (base, at), func, Some(receiver))
    }

    /// `try_fast_call`'s built-in function (`nf`, at `at` of the caller's stack, its
    /// arguments above it), run at once: its result replaces the CALL's operands, or
    /// its error waits in `native_error`, with no second look at the operands and no
    /// return through the loop (`l.append(i)` in a loop: 617 -> 592 instructions an
    /// iteration).
    #[inline(never)]
    fn run_native_at(
        &mut self,
        base: usize,
        at: usize,
        nf: &crate::object::NativeFunc,
    ) -> FastCall {
        // The callable and its arguments stay in the caller's stack while the built-in
        // runs, which reads them through a slice of it, as CPython's vectorcall reads
        // the caller's stack: whatever the built-in runs (nested runs, generators)
        // pushes frames of its own, and nothing grows or cuts a frame's stack while a
        // frame above it runs. Cut once the built-in returns.
        let stack: *mut Vec<Value> = &mut self.frames.last_mut().unwrap().stack;
        // SAFETY: the frame is boxed and stays on the frame stack during the call
        // (only the dispatch loop pops it), and its stack is neither grown nor cut
        // meanwhile (checked in debug builds), so the slots stay where they are.
        unsafe {
            let (buf, len) = ((*stack).as_ptr(), (*stack).len());
            let args = std::slice::from_raw_parts(buf.add(at + 1), len - at - 1);
            // A method called through its type (a NULL below it, where a method
            // LOAD_METHOD found has its receiver above it) gets its receiver checked.
            let r = if nf.is_method && at == base + 1 {
                self.call_unbound_method(nf, args, &[])
            } else {
                self.call_native(nf, args, &[])
            };
            debug_assert!((*stack).as_ptr() == buf && (*stack).len() == len);
            self.land_result(&mut *stack, base, r)
        }
    }

    /// `run_native_at` for a built-in type's constructor (`str(x)`, `list(it)`), the
    /// class at `at` of the caller's stack.
    #[inline(never)]
    fn run_ctor_at(
        &mut self,
        base: usize,
        at: usize,
        ctor: super::builtins_types::Ctor,
    ) -> FastCall {
        let stack: *mut Vec<Value> = &mut self.frames.last_mut().unwrap().stack;
        // SAFETY: as in `run_native_at`; the class lives in its slot until the cut.
        unsafe {
            let (buf, len) = ((*stack).as_ptr(), (*stack).len());
            let Value::Obj(cls) = &*buf.add(at) else {
                unreachable!("checked by try_fast_call")
            };
            let args = std::slice::from_raw_parts(buf.add(at + 1), len - at - 1);
            let r = self.construct(ctor, cls, args, &[]);
            debug_assert!((*stack).as_ptr() == buf && (*stack).len() == len);
            self.land_result(&mut *stack, base, r)
        }
    }

    /// A quick path's result (`vm/quick.rs`) in place of the CALL's operands, from
    /// `base` of the top frame `top`'s stack.
    #[inline(always)]
    fn land_quick(&mut self, top: *mut Frame, base: usize, v: Value) -> FastCall {
        // SAFETY: `top` is the top frame (see `try_fast_call`); the operands the quick
        // path read are not used again.
        self.land_result(unsafe { &mut (*top).stack }, base, Ok(v))
    }

    /// A built-in's result in place of the CALL's operands (from `base` of the
    /// caller's `stack`), or its error in `native_error`.
    #[inline(always)]
    fn land_result(&mut self, stack: &mut Vec<Value>, base: usize, r: PyResult<Value>) -> FastCall {
        truncate_values(stack, base);
        match r {
            Ok(v) => {
                push_value(stack, v);
                FastCall::Pushed
            }
            Err(e) => self.raised(e),
        }
    }

    /// `FastCall::Raised` with its error.
    #[cold]
    #[inline(never)]
    fn raised(&mut self, e: PyErr) -> FastCall {
        self.native_error = Some(e);
        FastCall::Raised
    }

    /// The error `FastCall::Raised` stands for.
    #[cold]
    #[inline(never)]
    pub(crate) fn take_native_error(&mut self) -> PyErr {
        self.native_error.take().expect("set with FastCall::Raised")
    }

    /// A built-in function or a built-in type's constructor called with the `argc`
    /// positional arguments on top of the caller's stack (`run_native_at`,
    /// `run_ctor_at`), for the paths that first tried something else with it (a
    /// generator to resume or consume). NotHandled: the callable is neither.
    #[inline(never)]
    pub(crate) fn run_builtin(&mut self, argc: usize) -> FastCall {
        let stack = &self.frames.last().unwrap().stack;
        let (base, at) = call_operands(stack, argc);
        match stack[at].payload() {
            Some(Payload::Native(nf)) => {
                let nf: *const crate::object::NativeFunc = nf;
                // SAFETY: as in `try_fast_call`.
                self.run_native_at(base, at, unsafe { &*nf })
            }
            Some(Payload::Type(t)) if t.kind != TypeKind::User => {
                match self.types.constructor(t.kind) {
                    Some(ctor) => self.run_ctor_at(base, at, ctor),
                    None => FastCall::NotHandled,
                }
            }
            _ => FastCall::NotHandled,
        }
    }

    /// `gen.send(v)`, `gen.__next__()` and `next(gen)` called from Python (the top
    /// `argc + 2` slots of the caller's stack; `try_fast_call` found the callable to be
    /// one of these natives) resume the generator's frame in the running loop: no
    /// nested loop, no Rust recursion. None: the receiver is not such a generator.
    pub(crate) fn resume_from_call(&mut self, argc: usize) -> Option<PyResult<()>> {
        let caller = self.frames.last_mut().unwrap();
        let (base, at) = call_operands(&caller.stack, argc);
        let nargs = caller.stack.len() - at - 1;
        debug_assert!(matches!(caller.stack[at].payload(),
            Some(Payload::Native(nf)) if resumes_generator(nf, nargs)));
        match caller.stack[at + 1].payload() {
            Some(Payload::Generator(gen))
                if gen.kind == super::generator::GenKind::Generator
                    && gen.state.get() != super::generator::GenState::Running => {}
            _ => return None,
        }
        // CPython's caller holds the sent value until `send` returns, so a value whose
        // freeing shows (an object: `__del__`, a generator's `finally`) is sent by the
        // general call, which keeps its arguments for the call's length.
        if nargs == 2 && matches!(caller.stack.last(), Some(Value::Obj(_))) {
            return None;
        }
        let sent = if nargs == 2 {
            caller.stack.pop().unwrap()
        } else {
            Value::None
        };
        // The generator moves from the stack to its frame: no count to raise and drop.
        let Some(Value::Obj(g)) = caller.stack.pop() else {
            unreachable!("checked above")
        };
        truncate_values(&mut caller.stack, base);
        let ret = super::dispatch::next_call_ret(caller.code.instr_at(caller.ip));
        Some(self.resume_gen(g, sent, ret).map(|_| ()))
    }

    /// The call `try_fast_call` found to be of a generator or coroutine function
    /// taking exactly the `argc` arguments on the caller's stack, moved into its new
    /// frame. The frame is not run: the call returns the generator RETURN_GENERATOR
    /// would make (skipping one frame switch each way), or runs it at once when the
    /// caller awaits it (`start_generator`).
    pub(crate) fn call_generator_function(&mut self, argc: usize) -> PyResult<CallOutcome> {
        let caller = self.frames.last_mut().unwrap();
        let (base, at) = call_operands(&caller.stack, argc);
        let callable = std::mem::replace(&mut caller.stack[at], Value::Null);
        let Some(Payload::Function(func)) = callable.payload() else {
            unreachable!("checked by try_fast_call")
        };
        // The generator object is pushed here, from registers, rather than handed
        // to the loop inside the returned outcome (through memory, a stall).
        match self.push_frame_with_args(func, None, base, at + 1)? {
            CallOutcome::Done(g) => {
                push_value(&mut self.frames.last_mut().unwrap().stack, g);
                Ok(CallOutcome::Pushed)
            }
            pushed => Ok(pushed),
        }
    }

    /// BEFORE_WITH: the manager's `__exit__`, bound, goes on the caller's stack, then
    /// its `__enter__` is called. A Python method taking only `self` gets its frame
    /// pushed, its result landing on the stack as it returns (a nested run of the
    /// loop cost ~700 instructions more); anything else is called here.
    #[inline(never)]
    pub(crate) fn before_with(&mut self, mgr: Value) -> PyResult<CallOutcome> {
        let (enter, exit) = self.context_methods(&mgr)?;
        let exit = self.bind(exit, &mgr);
        push_value(&mut self.frames.last_mut().unwrap().stack, exit);
        match enter.payload() {
            Some(Payload::Function(f)) if f.plain_argc == 1 => self.push_self_call(f, mgr),
            _ => {
                let enter = self.bind(enter, &mgr);
                self.call_with(&enter, []).map(CallOutcome::Done)
            }
        }
    }

    /// BINARY_SUBSCR past its list fast path: an instance whose class has a Python
    /// `__getitem__` taking `(self, key)` gets that frame pushed, as CPython 3.11's
    /// BINARY_SUBSCR_GETITEM (a nested run of the loop cost ~500 instructions more);
    /// anything else is `getitem`.
    #[inline(never)]
    pub(crate) fn binary_subscr(&mut self, obj: Value, key: Value) -> PyResult<CallOutcome> {
        if let Some(Payload::Instance(_)) = obj.payload() {
            if let Some(m) = self.lookup_special(&obj, "__getitem__") {
                if let Some(Payload::Function(f)) = m.payload() {
                    if f.plain_argc == 2 {
                        let stack = &mut self.frames.last_mut().unwrap().stack;
                        let base = stack.len();
                        push_value(stack, key);
                        return self.push_frame_with_args(
                            f,
                            Some(Prepend::Receiver(obj)),
                            base,
                            base,
                        );
                    }
                }
            }
        }
        self.getitem(&obj, &key).map(CallOutcome::Done)
    }

    /// A call of `f`, a plain Python function of two parameters, with an operator's
    /// operands, which go back on the caller's stack (where they were popped from) for
    /// `ret` (`Ret::BinaryOp`, `Ret::CompareOp`) to take off as the result lands.
    pub(crate) fn push_operator_frame(
        &mut self,
        f: &Function,
        left: Value,
        right: Value,
        ret: Ret,
    ) -> PyResult<CallOutcome> {
        let stack = &mut self.frames.last_mut().unwrap().stack;
        push_value(stack, left.clone());
        let base = stack.len();
        // The right operand's copy moves into the frame, from the slot it then takes
        // again.
        push_value(stack, right.clone());
        self.push_frame_with_args(f, Some(Prepend::Receiver(left)), base, base)?;
        let frames = &mut self.frames;
        let at = frames.len() - 2;
        push_value(&mut frames[at].stack, right);
        frames.last_mut().unwrap().ret = ret;
        Ok(CallOutcome::Pushed)
    }

    /// A call of `f`, a plain Python function taking one parameter, with `receiver`,
    /// its frame pushed: the result lands on the caller's stack as it returns.
    #[inline(never)]
    pub(crate) fn push_self_call(
        &mut self,
        f: &Function,
        receiver: Value,
    ) -> PyResult<CallOutcome> {
        let base = self.frames.last().unwrap().stack.len();
        self.push_frame_with_args(f, Some(Prepend::Receiver(receiver)), base, base)
    }

    /// A bound method of a plain Python function (`super().f(x)`, a stored `obj.f`)
    /// called with exactly the positional arguments its function takes after `self`.
    fn push_bound_method_call(&mut self, base: usize) -> PyResult<CallOutcome> {
        let caller = self.frames.last_mut().unwrap();
        let bound = std::mem::replace(&mut caller.stack[base + 1], Value::Null);
        let Some(Payload::BoundMethod { func, receiver }) = bound.payload() else {
            unreachable!("checked by the caller")
        };
        let Some(Payload::Function(f)) = func.payload() else {
            unreachable!("checked by the caller")
        };
        self.push_frame_with_args(f, Some(Prepend::Receiver(receiver.clone())), base, base + 2)
    }

    /// `C(args)` for a class that `simple_init` accepted: a new instance, and its
    /// `__init__` frame with the instance and the arguments as locals. The instance is
    /// already the call's result on the caller's stack (`Ret::Init` checks for None).
    #[inline(never)]
    fn push_simple_init(&mut self, base: usize, init: Rc<Object>) -> PyResult<CallOutcome> {
        let slot = &mut self.frames.last_mut().unwrap().stack[base + 1];
        let Value::Obj(cls) = std::mem::replace(slot, Value::Null) else {
            unreachable!("checked by the caller")
        };
        let inst = self.new_instance_obj(&cls, &[]);
        let Payload::Function(func) = &init.payload else {
            unreachable!("checked by simple_init")
        };
        // The instance and the arguments.
        let given = self.frames.last().unwrap().stack.len() - base - 1;
        let pushed =
            self.push_frame_with_args(func, Some(Prepend::NewInstance(inst)), base, base + 2);
        if given < func.plain_argc as usize && pushed.is_ok() {
            fill_defaults(&mut self.frames.last_mut().unwrap().stack, func, given);
        }
        pushed
    }

    /// Push a frame for `func` whose arguments are the caller's slots from `from` on
    /// (moved, not copied), after `first` when given: a bound method's receiver, or the
    /// new instance for its `__init__` (which is then also left on the caller's stack
    /// as the call's result). The caller's stack is cut to `base`.
    #[inline(always)]
    fn push_frame_with_args(
        &mut self,
        func: &Function,
        first: Option<Prepend>,
        base: usize,
        from: usize,
    ) -> PyResult<CallOutcome> {
        if self.frames.len() >= self.depth_limit {
            return Err(recursion_error());
        }
        let mut frame = self.frame_pool.pop().unwrap_or_else(new_blank_frame);
        let code = &*func.code;
        frame.ip = self.entry_ip(code);
        let caller = self.frames.last_mut().unwrap();
        // Pooled frames often ran this very function (recursion, loops): skip the
        // reference-count traffic when the code and globals are already in place.
        if !Rc::ptr_eq(&frame.code, &func.code) {
            frame.code = func.code.clone();
        }
        if !Rc::ptr_eq(&frame.globals, &func.globals) {
            frame.globals = func.globals.clone();
        }
        frame.ret = Ret::Call;
        let nl = code.nlocalsplus();
        let need = code.frame_size();
        if frame.stack.capacity() < need {
            frame.stack.reserve(need);
        }
        let nargs = caller.stack.len() - from;
        let at = usize::from(first.is_some());
        debug_assert!(at + nargs <= nl && nl <= frame.stack.capacity());
        debug_assert!(caller.stack[base..from].iter().all(Value::is_null));
        let mut result = None;
        // SAFETY: the new frame's stack is empty with room for `need >= nl` values.
        // Its first `at` slots get the prepended value, the next `nargs` the caller's
        // arguments, moved (read here, the caller's length cut below), the rest up to
        // `nl` are unbound. The caller's slots [base, from) hold NULLs (the callable
        // was taken out), so cutting its length there drops nothing.
        unsafe {
            let dst = frame.stack.as_mut_ptr();
            match first {
                Some(Prepend::NewInstance(inst)) => {
                    frame.ret = Ret::Init;
                    write_value(dst, Value::Obj(inst.clone()));
                    result = Some(inst);
                }
                Some(Prepend::Receiver(r)) => write_value(dst, r),
                None => {}
            }
            move_values(caller.stack.as_ptr().add(from), dst.add(at), nargs);
            for i in at + nargs..nl {
                write_value(dst.add(i), Value::Null);
            }
            frame.stack.set_len(nl);
            caller.stack.set_len(base);
        }
        if let Some(inst) = result {
            // (Vec::push built the value on the stack and moved it with a 16-byte load
            // of two 8-byte stores, a stall; push_value stores it from registers.)
            push_value(&mut caller.stack, Value::Obj(inst));
        }
        if !func.closure.is_empty() {
            let start = nl - code.freevars.len();
            for (i, c) in func.closure.iter().enumerate() {
                frame.stack[start + i] = c.clone();
            }
        }
        if let Some(start) = code.generator_start() {
            return Ok(self.start_generator(frame, start));
        }
        push_frame(&mut self.frames, frame);
        Ok(CallOutcome::Pushed)
    }

    /// Where a new frame of `code` starts: past its entry RESUME, which only takes a
    /// due safe point, when none is (the RESUME still counts as a step).
    #[inline(always)]
    fn entry_ip(&self, code: &CodeObject) -> usize {
        if self.safe_point_due {
            0
        } else {
            let start = code.call_start();
            super::budget::count_steps(start as u64);
            start
        }
    }

    /// A generator function's new frame, stopped after RETURN_GENERATOR at `start`: the
    /// call's result is its generator object, unless the frame is a coroutine that the
    /// caller awaits at once (`Ret::AwaitedCall`); then it is pushed to run now, as the
    /// caller's SEND would run it, with no coroutine object unless it suspends.
    // Inlined: returned through memory, its result was written as two 8-byte stores
    // and read back as one 16-byte load, which the CPU cannot forward (a stall that
    // perf put at half of `call_generator_function`'s time in await_chain).
    #[inline(always)]
    fn start_generator(&mut self, mut frame: Box<Frame>, start: usize) -> CallOutcome {
        frame.ip = start;
        // A coroutine object made at a suspension starts with no handled exception of
        // its resumer's to restore, so the lazy start needs none to be current.
        if frame.code.flags & flags::COROUTINE != 0
            && matches!(frame.ret, Ret::Call)
            && self.exc_info.is_none()
        {
            let caller = self.frames.last_mut().unwrap();
            if let Some(send_ip) = awaited_at_once(caller) {
                // The SEND's receiver slot, filled if the coroutine object is ever made.
                push_value(&mut caller.stack, Value::None);
                caller.ip = send_ip as usize + 1;
                frame.ret = Ret::AwaitedCall { send_ip };
                // GET_AWAITABLE, LOAD_CONST and SEND count as steps, as they do when
                // start_send runs them.
                super::budget::count_steps(3);
                self.enter_resumed(&mut frame, Value::None, true);
                push_frame(&mut self.frames, frame);
                return CallOutcome::Pushed;
            }
        }
        CallOutcome::Done(Value::Obj(super::generator::Generator::created_obj(frame)))
    }

    /// A call to a plain Python function (named parameters only: positional and
    /// keyword-only, no `*args` or `**kwargs`) that needs defaults or passes keywords,
    /// bound straight from the caller's stack. None when the binding is not that
    /// simple or would fail: the general path then binds (and raises CPython's error).
    fn push_bound_call(
        &mut self,
        base: usize,
        skip: usize,
        kwnames: Option<&Value>,
    ) -> Option<PyResult<CallOutcome>> {
        const MAX_KW: usize = 8;
        let caller = self.frames.last().unwrap();
        // A plain class (`C(x=1)`) binds to its `__init__`, after a new instance.
        let (callable, class) = match &caller.stack[base + skip - 1] {
            v @ Value::Obj(o) if matches!(o.payload, Payload::Function(_)) => (v.clone(), None),
            Value::Obj(o) if skip == 2 => match &o.payload {
                Payload::Type(t) => (Value::Obj(plain_init(t)?), Some(o.clone())),
                _ => return None,
            },
            _ => return None,
        };
        let Some(Payload::Function(func)) = callable.payload() else {
            return None;
        };
        let code = &*func.code;
        if code.flags & (flags::VARARGS | flags::VARKEYWORDS) != 0 {
            return None;
        }
        let argcount = code.argcount as usize;
        let nparams = argcount + code.kwonlyargcount as usize;
        let from = base + skip;
        let kw: &[Value] = match kwnames {
            Some(k) => k.as_tuple()?,
            None => &[],
        };
        // The instance is `__init__`'s first positional argument.
        let first = usize::from(class.is_some());
        let nvals = caller.stack.len() - from;
        if nparams > 63
            || kw.len() > MAX_KW
            || nvals < kw.len()
            || first + nvals - kw.len() > argcount
        {
            return None;
        }
        let npos = first + nvals - kw.len();
        let mut filled: u64 = (1u64 << npos) - 1;
        let mut kw_slot = [0usize; MAX_KW];
        for (i, k) in kw.iter().enumerate() {
            let name = k.as_pystr()?.as_str();
            let j = param_index(&code.varnames[..nparams], name)?;
            if j < code.posonlyargcount as usize || filled & (1 << j) != 0 {
                return None;
            }
            filled |= 1 << j;
            kw_slot[i] = j;
        }
        let first_default = argcount - func.defaults.len();
        if (npos..first_default).any(|j| filled & (1 << j) == 0) {
            return None;
        }
        let kwdefault = |j: usize| {
            let name = &*code.varnames[j];
            func.kwdefaults
                .iter()
                .find(|(n, _)| &**n == name)
                .map(|(_, v)| v)
        };
        if nparams > argcount
            && (argcount..nparams).any(|j| filled & (1 << j) == 0 && kwdefault(j).is_none())
        {
            return None;
        }
        // The frame setup repeats push_frame_with_args's: sharing it (a builder and a
        // starter, both inlined) cost async_queue 8%, through this function's layout.
        if self.frames.len() >= self.depth_limit {
            return Some(Err(recursion_error()));
        }
        let mut frame = self.frame_pool.pop().unwrap_or_else(new_blank_frame);
        if !Rc::ptr_eq(&frame.code, &func.code) {
            frame.code = func.code.clone();
        }
        if !Rc::ptr_eq(&frame.globals, &func.globals) {
            frame.globals = func.globals.clone();
        }
        frame.ip = self.entry_ip(code);
        frame.ret = Ret::Call;
        let nl = code.nlocalsplus();
        frame.stack.reserve(code.frame_size());
        frame.stack.resize(nl, Value::Null);
        // Made only now that the binding cannot fail: an instance made and dropped
        // would have its `__del__` run.
        let inst = class.map(|cls| self.new_instance_obj(&cls, &[]));
        if let Some(inst) = &inst {
            frame.ret = Ret::Init;
            frame.stack[0] = Value::Obj(inst.clone());
        }
        let caller = self.frames.last_mut().unwrap();
        for (i, v) in caller.stack.drain(from..).enumerate() {
            let slot = if first + i < npos {
                first + i
            } else {
                kw_slot[first + i - npos]
            };
            frame.stack[slot] = v;
        }
        caller.stack.truncate(base);
        if let Some(inst) = inst {
            // The call's result, which Ret::Init checks `__init__`'s None against.
            push_value(&mut caller.stack, Value::Obj(inst));
        }
        for j in npos.max(first_default)..argcount {
            if filled & (1 << j) == 0 {
                frame.stack[j] = func.defaults[j - first_default].clone();
            }
        }
        for j in argcount..nparams {
            if filled & (1 << j) == 0 {
                frame.stack[j] = kwdefault(j).expect("checked above").clone();
            }
        }
        if !func.closure.is_empty() {
            let start = nl - code.freevars.len();
            for (i, c) in func.closure.iter().enumerate() {
                frame.stack[start + i] = c.clone();
            }
        }
        if let Some(start) = code.generator_start() {
            return Some(Ok(self.start_generator(frame, start)));
        }
        push_frame(&mut self.frames, frame);
        Some(Ok(CallOutcome::Pushed))
    }

    /// Call from native code: runs to completion (a nested loop for Python functions).
    pub fn call(&mut self, f: &Value, args: Vec<Value>, kwnames: &[Value]) -> PyResult<Value> {
        if kwnames.is_empty() {
            if let Some(Payload::Function(func)) = f.payload() {
                if takes_exactly(func, args.len()) && func.code.generator_start().is_none() {
                    return self.run_exact_call(func, args);
                }
            }
        }
        match self.call_value(f.clone(), args, kwnames, false)? {
            CallOutcome::Done(v) => Ok(v),
            CallOutcome::Pushed => unreachable!("nested calls run to completion"),
        }
    }

    /// `call` with positional arguments written at the call site (a special method's
    /// receiver and operand): a plain Python function taking exactly them gets them in
    /// its frame, with no argument vector allocated (malloc and free were ~70 of a
    /// `__hash__` call's instructions).
    pub fn call_with<const N: usize>(&mut self, f: &Value, args: [Value; N]) -> PyResult<Value> {
        if let Some(Payload::Function(func)) = f.payload() {
            if takes_exactly(func, N) && func.code.generator_start().is_none() {
                return self.run_exact_call(func, args);
            }
        }
        self.call(f, args.into(), &[])
    }

    /// A frame from the pool with `func`'s code and globals. Pooled frames often ran
    /// this very function (recursion, loops): the reference-count traffic is skipped
    /// when the code and globals are already in place.
    #[inline(always)]
    fn pooled_frame_for(&mut self, func: &Function) -> Box<Frame> {
        let mut frame = self.frame_pool.pop().unwrap_or_else(new_blank_frame);
        if !Rc::ptr_eq(&frame.code, &func.code) {
            frame.code = func.code.clone();
        }
        if !Rc::ptr_eq(&frame.globals, &func.globals) {
            frame.globals = func.globals.clone();
        }
        frame
    }

    /// `call` of a plain Python function with one positional argument per parameter
    /// (a dunder method, a `map` or sort key function): its frame is filled here, as
    /// `push_exact_frame` fills one for CALL, and run in a nested loop.
    fn run_exact_call(&mut self, func: &Function, args: impl ExactArgs) -> PyResult<Value> {
        if self.frames.len() >= self.depth_limit {
            return Err(recursion_error());
        }
        let code = &*func.code;
        let mut frame = self.pooled_frame_for(func);
        frame.set_locals(None);
        frame.ret = Ret::Entry;
        frame.ip = self.entry_ip(code);
        let nl = code.nlocalsplus();
        frame.stack.reserve(code.frame_size());
        bind_exact(&mut frame.stack, args, nl);
        // Free variables come from the closure (COPY_FREE_VARS is done here).
        let start = nl - code.freevars.len();
        for (i, c) in func.closure.iter().enumerate() {
            frame.stack[start + i] = c.clone();
        }
        match self.run_frame(frame)? {
            Completion::Return(v) | Completion::Yield(v) => Ok(v),
        }
    }

    /// The general call. With `from_loop`, Python frames are pushed for the loop to run;
    /// otherwise they run in a nested loop here.
    pub(crate) fn call_value(
        &mut self,
        callable: Value,
        mut args: Vec<Value>,
        kwnames: &[Value],
        from_loop: bool,
    ) -> PyResult<CallOutcome> {
        let Value::Obj(o) = &callable else {
            return Err(self.not_callable(&callable));
        };
        match &o.payload {
            Payload::Function(func) => {
                let ret = if from_loop { Ret::Call } else { Ret::Entry };
                let mut frame =
                    self.alloc_frame(func.code.clone(), func.globals.clone(), None, ret);
                if let Err(e) = self.bind_args(func, args, kwnames, &mut frame.stack) {
                    self.free_frame(frame);
                    return Err(e);
                }
                let mut frame = self.function_frame(func, frame)?;
                if let Some(start) = func.code.generator_start() {
                    frame.ret = Ret::Call;
                    if from_loop {
                        return Ok(self.start_generator(frame, start));
                    }
                    frame.ip = start;
                    return Ok(CallOutcome::Done(super::generator::Generator::created(
                        frame,
                    )));
                }
                if from_loop {
                    push_frame(&mut self.frames, frame);
                    Ok(CallOutcome::Pushed)
                } else {
                    match self.run_frame(frame)? {
                        Completion::Return(v) | Completion::Yield(v) => Ok(CallOutcome::Done(v)),
                    }
                }
            }
            Payload::Native(nf) if nf.is_method => self
                .call_unbound_method(nf, &args, kwnames)
                .map(CallOutcome::Done),
            Payload::Native(nf) => self.call_native(nf, &args, kwnames).map(CallOutcome::Done),
            Payload::BoundMethod { func, receiver } => {
                args.insert(0, receiver.clone());
                if let Some(Payload::Native(nf)) = func.payload() {
                    // Its receiver is its own: no check.
                    return self.call_native(nf, &args, kwnames).map(CallOutcome::Done);
                }
                let func = func.clone();
                self.call_value(func, args, kwnames, from_loop)
            }
            Payload::Type(_) => self.instantiate(o.clone(), args, kwnames, from_loop),
            Payload::Instance(_)
            | Payload::Opaque(_)
            | Payload::Deque(_)
            | Payload::Future(_)
            | Payload::Task(_) => {
                if let Some(m) = self.lookup_special(&callable, "__call__") {
                    args.insert(0, callable.clone());
                    return self.call_value(m, args, kwnames, from_loop);
                }
                Err(self.not_callable(&callable))
            }
            Payload::StaticMethod(f) => {
                let f = f.clone();
                self.call_value(f, args, kwnames, from_loop)
            }
            _ => Err(self.not_callable(&callable)),
        }
    }

    /// Run a built-in. A bug in one (an unchecked argument count...) becomes a Python
    /// SystemError naming it, not an abort of the whole process.
    fn call_native(
        &mut self,
        nf: &crate::object::NativeFunc,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        if let Some(rule) = nf.arity {
            rule.check_call(args, kwnames)?;
        }
        let f = nf.func;
        let (depth, native_depth) = (self.frames.len(), self.native_depth);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self, args, kwnames)));
        r.unwrap_or_else(|_| {
            // Frames a nested run pushed were skipped by the unwinding.
            while self.frames.len() > depth {
                let fr = self.frames.pop().unwrap();
                if let Ret::Chain { send_ip } = fr.ret {
                    // Its levels must not stay running, nor count as frames.
                    self.suspend_chain(send_ip);
                }
                self.free_frame(fr);
            }
            self.native_depth = native_depth;
            Err(PyErr::new(
                ExcKind::SystemError,
                format!("internal error in built-in {}()", nf.name),
            ))
        })
    }

    /// A built-in type's method called through the type (`str.split(s)`,
    /// `map(str.upper, words)`): its first argument is the receiver, which must be
    /// there and be an instance of the type, as CPython's method descriptors check,
    /// before the method runs on it.
    #[inline(never)]
    fn call_unbound_method(
        &mut self,
        nf: &crate::object::NativeFunc,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        if let Some(rule) = nf.arity {
            if let Some(owner) = rule.method_of() {
                let name = nf.name;
                let wrapper = rule.is_slot_wrapper();
                let Some(receiver) = args[..args.len() - kwnames.len()].first() else {
                    return Err(PyErr::type_error(if wrapper {
                        format!("descriptor '{name}' of '{owner}' object needs an argument")
                    } else {
                        format!("unbound method {owner}.{name}() needs an argument")
                    }));
                };
                let t = self.type_of(receiver);
                let tt = t.payload_type();
                let is_owner = |c: &TypeObj| &*c.name == owner && &*c.module == "builtins";
                if !is_owner(tt) && !tt.mro.iter().any(|c| is_owner(c.payload_type())) {
                    return Err(PyErr::type_error(if wrapper {
                        format!(
                            "descriptor '{name}' requires a '{owner}' object but received a '{}'",
                            tt.name
                        )
                    } else {
                        format!(
                            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
                            tt.name
                        )
                    }));
                }
            }
        }
        self.call_native(nf, args, kwnames)
    }

    /// A built-in type's constructor, after its argument count (CPython's check).
    fn construct(
        &mut self,
        ctor: super::builtins_types::Ctor,
        cls: &Rc<Object>,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        if let Some(rule) = cls.payload_type().ctor_arity {
            rule.check_call(args, kwnames)?;
        }
        ctor(self, cls, args, kwnames)
    }

    fn not_callable(&self, v: &Value) -> PyErr {
        PyErr::type_error(format!("'{}' object is not callable", self.type_name(v)))
    }

    /// Finish a frame for `func` whose arguments are already in the first stack slots:
    /// the recursion check, unbound locals, and the closure's cells.
    fn function_frame(&mut self, func: &Function, mut frame: Box<Frame>) -> PyResult<Box<Frame>> {
        if self.frames.len() >= self.depth_limit {
            self.free_frame(frame);
            return Err(recursion_error());
        }
        let code = &func.code;
        let nl = code.nlocalsplus();
        frame.stack.resize(nl, Value::Null);
        // Free variables come from the closure (COPY_FREE_VARS is done here).
        if !func.closure.is_empty() {
            let start = nl - code.freevars.len();
            for (i, c) in func.closure.iter().enumerate() {
                frame.stack[start + i] = c.clone();
            }
        }
        Ok(frame)
    }

    /// Bind call arguments to parameters (CPython's error messages).
    fn bind_args(
        &mut self,
        func: &Function,
        mut args: Vec<Value>,
        kwnames: &[Value],
        locals: &mut Vec<Value>,
    ) -> PyResult<()> {
        let code = &*func.code;
        let nl = code.nlocalsplus();
        locals.clear();
        if kwnames.is_empty() && takes_exactly(func, args.len()) {
            bind_exact(locals, args, nl);
            return Ok(());
        }
        locals.resize(nl, Value::Null);
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let posonly = code.posonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let kwvals = args.split_off(args.len() - kwnames.len());
        let npos = args.len();
        // The name in error messages (a borrow would be held across calls; a clone of
        // the Rc is cheap and allocates nothing).
        let display: Rc<str> = func.qualname.borrow().clone();
        if npos > argcount && !has_varargs {
            let ndefaults = func.defaults.len();
            // As CPython, keywords are bound before the count is checked: one naming
            // a positional parameter (all filled) is the error; the message counts
            // the keyword-only ones given.
            let mut given_kw = 0;
            for k in kwnames {
                let k = k.as_pystr().unwrap().as_str();
                match param_index(&code.varnames[posonly..argcount + kwonly], k) {
                    Some(j) if posonly + j < argcount => {
                        return Err(PyErr::type_error(format!(
                            "{display}() got multiple values for argument '{k}'"
                        )));
                    }
                    Some(_) => given_kw += 1,
                    None => {}
                }
            }
            let takes = if ndefaults > 0 {
                format!("from {} to {}", argcount - ndefaults, argcount)
            } else {
                format!("{}", argcount)
            };
            let plural = if argcount == 1 && ndefaults == 0 {
                ""
            } else {
                "s"
            };
            let msg = if given_kw > 0 {
                format!(
                    "{}() takes {} positional argument{} but {} positional argument{} (and {} keyword-only argument{}) were given",
                    display, takes, plural, npos, if npos == 1 { "" } else { "s" }, given_kw, if given_kw == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{}() takes {} positional argument{} but {} {} given",
                    display,
                    takes,
                    plural,
                    npos,
                    if npos == 1 { "was" } else { "were" }
                )
            };
            return Err(PyErr::type_error(msg));
        }
        let mut extra = vec![];
        for (i, a) in args.into_iter().enumerate() {
            if i < argcount {
                locals[i] = a;
            } else {
                extra.push(a);
            }
        }
        let varargs_slot = argcount + kwonly;
        let varkw_slot = varargs_slot + has_varargs as usize;
        if has_varargs {
            locals[varargs_slot] = Value::tuple(extra);
        }
        let mut kwdict = if has_varkw { Some(Dict::new()) } else { None };
        for (name, val) in kwnames.iter().zip(kwvals) {
            let n = name.as_pystr().unwrap();
            let pos = code.varnames[..argcount + kwonly]
                .iter()
                .position(|v| **v == *n.as_str());
            match pos {
                Some(p) if p >= posonly => {
                    if !locals[p].is_null() {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            display,
                            n.as_str()
                        )));
                    }
                    locals[p] = val;
                }
                _ => match &mut kwdict {
                    Some(d) => d.set_str(n.clone(), val),
                    None => {
                        if pos.is_some() {
                            return Err(PyErr::type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                display,
                                n.as_str()
                            )));
                        }
                        return Err(PyErr::type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            display,
                            n.as_str()
                        )));
                    }
                },
            }
        }
        if let Some(d) = kwdict {
            locals[varkw_slot] = Value::dict(d);
        }
        // Defaults for missing positionals.
        let ndef = func.defaults.len();
        let mut missing = vec![];
        for i in npos.min(argcount)..argcount {
            if locals[i].is_null() {
                if i >= argcount - ndef {
                    locals[i] = func.defaults[i - (argcount - ndef)].clone();
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                display,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        let mut missing_kw = vec![];
        for i in argcount..argcount + kwonly {
            if locals[i].is_null() {
                let name = &code.varnames[i];
                match func.kwdefaults.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => locals[i] = v.clone(),
                    None => missing_kw.push(name.clone()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                display,
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                join_names(&missing_kw)
            )));
        }
        Ok(())
    }

    /// Calling a class: builtin constructors, or `__new__` + `__init__` for user classes.
    fn instantiate(
        &mut self,
        cls: Rc<Object>,
        args: Vec<Value>,
        kwnames: &[Value],
        from_loop: bool,
    ) -> PyResult<CallOutcome> {
        let t = cls.payload_type();
        if t.kind != crate::object::TypeKind::User {
            if let Some(ctor) = self.types.constructor(t.kind) {
                return self
                    .construct(ctor, &cls, &args, kwnames)
                    .map(CallOutcome::Done);
            }
        }
        // OSError(errno, strerror) picks its subclass from errno, as CPython's does.
        if Rc::ptr_eq(&cls, &self.exc_class(ExcKind::OSError)) && args.len() >= 2 {
            if let Some(sub) = oserror_subclass(&args[0]) {
                let sub = self.exc_class(sub);
                return self.instantiate(sub, args, kwnames, from_loop);
            }
        }
        // User classes (possibly deriving from an exception or builtin base).
        let new = t.lookup_cached(&crate::object::pystr::intern_static("__new__"));
        let own_new = new
            .as_ref()
            .is_some_and(|n| !self.is_object_attr("__new__", n));
        // A native `__new__` other than object's: the class derives from a native type
        // (deque), whose `__new__` builds the instance and whose `__init__` fills it.
        let native_new = new.as_ref().is_some_and(|n| {
            matches!(n.payload(), Some(Payload::Native(_))) && !self.is_object_attr("__new__", n)
        });
        let inst = match new {
            Some(n) if native_new => {
                let mut a = vec![Value::Obj(cls.clone())];
                a.extend(args.iter().cloned());
                let r = self.call(&n, a, kwnames)?;
                if !crate::object::TypeObj::is_subtype(&self.type_of(&r), &cls) {
                    // The native base made one of its own: it cannot be subclassed.
                    return Err(unsupported_subclass(t, &self.type_of(&r)));
                }
                r
            }
            Some(n)
                if matches!(
                    n.payload(),
                    Some(Payload::Function(_)) | Some(Payload::StaticMethod(_))
                ) =>
            {
                let f = match n.payload() {
                    Some(Payload::StaticMethod(f)) => f.clone(),
                    _ => n,
                };
                let mut a = vec![Value::Obj(cls.clone())];
                a.extend(args.iter().cloned());
                let r = self.call(&f, a, kwnames)?;
                if !crate::object::TypeObj::is_subtype(&self.type_of(&r), &cls) {
                    return Ok(CallOutcome::Done(r));
                }
                r
            }
            _ => {
                if let Some(base) = t.builtin_base() {
                    return Err(unsupported_subclass(t, base));
                }
                self.new_instance(&cls, &args[..args.len() - kwnames.len()])
            }
        };
        let init = cls.payload_type().init_method();
        match init {
            Some(f) if matches!(f.payload(), Some(Payload::Function(_))) => {
                let mut a = vec![inst.clone()];
                a.extend(args);
                // A generator or coroutine `__init__` returns its object at once: the
                // nested call below makes it and raises the TypeError for it.
                let plain = matches!(f.payload(), Some(Payload::Function(func)) if !func.code.is_generator_like());
                if from_loop && plain {
                    self.frames.last_mut().unwrap().stack.push(inst.clone());
                    match self.call_value(f, a, kwnames, true)? {
                        CallOutcome::Pushed => {
                            self.frames.last_mut().unwrap().ret = Ret::Init;
                            return Ok(CallOutcome::Pushed);
                        }
                        CallOutcome::Done(_) => {
                            let v = self.frames.last_mut().unwrap().stack.pop().unwrap();
                            return Ok(CallOutcome::Done(v));
                        }
                    }
                }
                let r = self.call(&f, a, kwnames)?;
                if !r.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&r)
                    )));
                }
            }
            // A native base's `__init__` (deque's), even under a Python `__new__`.
            Some(f)
                if matches!(f.payload(), Some(Payload::Native(_)))
                    && !cls.payload_type().is_exception
                    && !self.is_object_attr("__init__", &f) =>
            {
                let mut a = vec![inst.clone()];
                a.extend(args);
                self.call(&f, a, kwnames)?;
            }
            _ => {
                // object.__init__ with arguments: an error unless a __new__ of the
                // class's own took them (CPython's object_init / excess_args).
                if !args.is_empty() && !cls.payload_type().is_exception && !own_new {
                    return Err(PyErr::type_error(format!(
                        "{}() takes no arguments",
                        cls.payload_type().name
                    )));
                }
            }
        }
        Ok(CallOutcome::Done(inst))
    }

    /// Is `v` what `object` itself holds under `name`?
    pub fn is_object_attr(&self, name: &str, v: &Value) -> bool {
        self.types
            .object
            .payload_type()
            .dict
            .borrow()
            .get_str(&crate::object::PyStr::new(name))
            .is_some_and(|o| o.is(v))
    }

    /// `object.__new__(cls)` (exception classes keep `args`).
    pub fn new_instance(&mut self, cls: &Rc<Object>, args: &[Value]) -> Value {
        Value::Obj(self.new_instance_obj(cls, args))
    }

    /// `new_instance`'s object. An `Rc` comes back in a register: the `Value` came
    /// back through memory, written as two words and read back as one 16-byte load,
    /// which the CPU cannot forward (28% of `push_simple_init` in objects.py).
    pub fn new_instance_obj(&mut self, cls: &Rc<Object>, args: &[Value]) -> Rc<Object> {
        let t = cls.payload_type();
        if !t.is_exception {
            // The closure holds only the class: one that captured a made dict and the
            // exception data was memcpy'd (176 bytes) before the object was written,
            // and the class's count read back from the copy stalled (objects.py).
            let cls = cls.clone();
            return Object::new_inline(move || {
                Payload::Instance(Instance::new(cls, Dict::new(), None))
            });
        }
        let mut dict = Dict::new();
        let d = crate::object::typ::ExcData::default();
        let mut args = args.to_vec();
        if crate::object::TypeObj::is_subtype(cls, &self.exc_class(ExcKind::OSError)) {
            split_oserror_args(&mut args, &mut dict);
        }
        *d.args.borrow_mut() = args;
        let exc = Some(crate::object::typ::ExtraKind::Exc(d));
        Object::new_inline(|| Payload::Instance(Instance::new(cls.clone(), dict, exc)))
    }

    /// How CPython names a callable in call errors (_PyObject_FunctionStr):
    /// `__main__.f()`, `print()`, `__main__.A()`; other objects `X object`.
    pub fn function_str(&self, f: &Value) -> String {
        let qualified = |module: &str, qualname: &str| {
            if module == "builtins" || module.is_empty() {
                format!("{qualname}()")
            } else {
                format!("{module}.{qualname}()")
            }
        };
        match f.payload() {
            Some(Payload::Function(func)) => {
                let module = super::dispatch::dict_get_str_pub(&func.globals, "__name__")
                    .and_then(|m| m.as_pystr().map(|s| s.as_str().to_string()))
                    .unwrap_or_default();
                qualified(&module, &func.qualname.borrow())
            }
            Some(Payload::Native(n)) => format!("{}()", n.name),
            Some(Payload::BoundMethod { func, .. }) => self.function_str(func),
            Some(Payload::Type(t)) => qualified(&t.module, &t.qualname),
            _ => format!("{} object", self.type_name(f)),
        }
    }
}

fn join_names(names: &[Rc<str>]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// OSError(errno, strerror, filename[, winerror[, filename2]]): the file names become
/// attributes and args keeps (errno, strerror), as in CPython.
pub(crate) fn split_oserror_args(args: &mut Vec<Value>, dict: &mut Dict) {
    if !(3..=5).contains(&args.len()) {
        return;
    }
    dict.set_str(
        Rc::new(crate::object::PyStr::new("filename")),
        args[2].clone(),
    );
    if let Some(f2) = args.get(4) {
        dict.set_str(Rc::new(crate::object::PyStr::new("filename2")), f2.clone());
    }
    args.truncate(2);
}

/// The OSError subclass CPython 3.11 creates for an errno (Linux values).
fn oserror_subclass(errno: &Value) -> Option<ExcKind> {
    let Value::Int(e) = errno else {
        return None;
    };
    Some(match e {
        11 | 114 | 115 => ExcKind::BlockingIOError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        111 => ExcKind::ConnectionRefusedError,
        104 => ExcKind::ConnectionResetError,
        17 => ExcKind::FileExistsError,
        2 => ExcKind::FileNotFoundError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        4 => ExcKind::InterruptedError,
        1 | 13 => ExcKind::PermissionError,
        3 => ExcKind::ProcessLookupError,
        110 => ExcKind::TimeoutError,
        _ => return None,
    })
}

/// Is `o` still the function a CALL site cached (`InlineCache::Call`): the same
/// object (its address was compared) holding `code`, with the caller's `globals`?
/// (Checked in case the cached function was freed and another took its address.)
#[inline(always)]
fn calls(o: &Object, code: *const CodeObject, globals: &Rc<Object>) -> bool {
    matches!(&o.payload, Payload::Function(f)
        if std::ptr::eq(Rc::as_ptr(&f.code), code) && Rc::ptr_eq(&f.globals, globals))
}

/// Does `func` take exactly `nargs` positional arguments and nothing else?
#[inline]
fn takes_exactly(func: &Function, nargs: usize) -> bool {
    func.simple_argc as usize == nargs
}

/// Where the parameter `name` is among `params` (a code's first varnames).
#[inline(always)]
fn param_index(params: &[Rc<str>], name: &str) -> Option<usize> {
    for (j, p) in params.iter().enumerate() {
        if &**p == name {
            return Some(j);
        }
    }
    None
}

/// The parameters after the `given` first of a new frame of `func` (whose slots are
/// initialised, the missing parameters' to NULL), from their defaults.
fn fill_defaults(slots: &mut [Value], func: &Function, given: usize) {
    let argc = func.plain_argc as usize;
    let first_default = argc - func.defaults.len();
    slots[given..argc].clone_from_slice(&func.defaults[given - first_default..]);
}

/// A plain function (not a generator's, positional parameters only) given `nargs`
/// positional arguments, fewer than its parameters, whose defaults fill the rest.
fn fills_with_defaults(func: &Function, nargs: usize) -> bool {
    let argc = func.plain_argc as usize;
    nargs < argc && argc - nargs <= func.defaults.len()
}

/// The `__init__` to run for `C(argc positional args)` in place, when nothing else can
/// happen in that call: instances come from `object.__new__`, the class is not an
/// exception class, and `__init__` is a plain Python function taking exactly `self`
/// and the arguments (not a generator function, whose call could not return None).
fn simple_init(t: &TypeObj, argc: usize) -> Option<Rc<Object>> {
    if t.is_exception || !t.attr_hooks().object_new {
        return None;
    }
    let init = t.init_object()?;
    match &init.payload {
        Payload::Function(f)
            if f.plain_argc as usize == argc + 1 || fills_with_defaults(f, argc + 1) =>
        {
            Some(init)
        }
        _ => None,
    }
}

/// The `__init__` of a class whose instances come from `object.__new__` (not an
/// exception class), when it is a plain Python function (`push_bound_call`).
fn plain_init(t: &TypeObj) -> Option<Rc<Object>> {
    if t.kind != TypeKind::User || t.is_exception || !t.attr_hooks().object_new {
        return None;
    }
    let init = t.init_object()?;
    match &init.payload {
        Payload::Function(f) if !f.code.is_generator_like() => Some(init),
        _ => None,
    }
}

/// Instances of user subclasses of most built-in types (int, list, dict, asyncio's
/// Future...) would lack the built-in part: say so instead of making a plain object.
#[cold]
fn unsupported_subclass(t: &TypeObj, base: &Rc<Object>) -> PyErr {
    PyErr::type_error(format!(
        "pyco does not support instances of subclasses of '{}' yet (class '{}')",
        base.payload_type().name,
        t.name
    ))
}

/// Where a CALL's operands are, `argc` arguments on top of `stack`: the index they
/// start at (a NULL below the callable, or the callable itself when a method's receiver
/// follows it) and the callable's index. The arguments proper follow the callable.
#[inline(always)]
fn call_operands(stack: &[Value], argc: usize) -> (usize, usize) {
    let base = stack.len() - argc - 2;
    let at = if stack[base].is_null() {
        base + 1
    } else {
        base
    };
    (base, at)
}

/// Is `func` a function (not a generator function) whose only parameters past its
/// positional ones are `*args`, called with `nargs >= ` those positional arguments?
#[inline(always)]
fn packs_varargs(func: &Function, nargs: usize) -> bool {
    use crate::bytecode::flags;
    let code = &*func.code;
    code.flags & (flags::VARARGS | flags::VARKEYWORDS) == flags::VARARGS
        && code.kwonlyargcount == 0
        && nargs >= code.argcount as usize
        && !code.is_generator_like()
}

/// Is `func`, a bound method's function, one that `packs_varargs` with the receiver
/// as its first positional parameter (`def m(*args)` takes it into `args`)?
#[inline(always)]
fn binds_varargs(func: &Value, nargs: usize) -> bool {
    matches!(func.payload(), Some(Payload::Function(f))
        if f.code.argcount > 0 && packs_varargs(f, nargs + 1))
}

/// Is `func`, a bound method's function, a plain function whose parameters the
/// receiver and `nargs` arguments fill?
#[inline(always)]
fn binds_exactly(func: &Value, nargs: usize) -> bool {
    matches!(func.payload(), Some(Payload::Function(f)) if f.plain_argc as usize == nargs + 1)
}

/// Is `nf` called with `nargs` arguments (the receiver first) `gen.send(v)`,
/// `gen.__next__()` or `next(gen)`, which resume a generator in the loop?
#[inline(always)]
fn resumes_generator(nf: &crate::object::NativeFunc, nargs: usize) -> bool {
    use super::builtins::{bi_next, gen_dunder_next, gen_send};
    use crate::object::NativeFn;
    let f = nf.func as usize;
    match nargs {
        1 => f == gen_dunder_next as NativeFn as usize || f == bi_next as NativeFn as usize,
        2 => f == gen_send as NativeFn as usize,
        _ => false,
    }
}

/// The error for a call past the recursion limit.
#[cold]
pub(crate) fn recursion_error() -> PyErr {
    PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded")
}

/// What `Vm::try_fast_call` did.
pub(crate) enum FastCall {
    /// The callee's frame, now on top: the loop goes on in it. (Handed over in a
    /// register: found again through the frame stack just written, the loads waited
    /// on the stores of the push.)
    Entered(*mut Frame),
    /// The callee's frame is on top, or a built-in function's result on the
    /// caller's stack: the loop goes on with the frame on top.
    Pushed,
    /// Not its case: the caller's stack is untouched.
    NotHandled,
    /// The error in `Vm::native_error`: a built-in's, or the recursion limit's
    /// (nothing was changed then).
    Raised,
    /// A call that may resume a generator (`Vm::resume_from_call`).
    ResumeGen,
    /// `sum(x)`, `list(x)`... run in the loop if `x` is a generator
    /// (`Vm::start_consume`).
    Consume,
    /// An exact-args call of a generator or coroutine function
    /// (`Vm::call_generator_function`).
    GeneratorFunction,
}

/// The value a fast call puts before the arguments from the stack.
enum Prepend {
    /// A bound method's receiver.
    Receiver(Value),
    /// A new instance for its `__init__`, also the call's result.
    /// (An `Rc`, not a `Value`: LLVM moved a `Value` built from the returned pointer
    /// through the stack as two words read back as one 16-byte load, which stalls.)
    NewInstance(Rc<Object>),
}

/// The SEND's index when the instruction at the caller's `ip` starts `await` of the
/// value just called: GET_AWAITABLE, LOAD_CONST None, SEND.
fn awaited_at_once(caller: &Frame) -> Option<u32> {
    // Each read follows one control reaches: the caller's resume point after CALL,
    // then what follows a GET_AWAITABLE and a LOAD_CONST (neither ends the code).
    let code = &*caller.code;
    let at = caller.ip;
    if code.instr_at(at).op != Opcode::GetAwaitable {
        return None;
    }
    let load = code.instr_at(at + 1);
    if load.op != Opcode::LoadConst || !code.consts[load.arg as usize].is_none() {
        return None;
    }
    (code.instr_at(at + 2).op == Opcode::Send).then_some(at as u32 + 2)
}
