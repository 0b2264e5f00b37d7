//! The virtual machine: a stack of heap frames run by one dispatch loop.
//!
//! A Python call pushes a frame and the same loop continues; a generator resume moves the
//! generator's frame onto the stack. Native code that must call back into Python runs a
//! nested loop (`run_frames`) that stops when its base frame finishes; the depth of such
//! nesting is capped and counted against the recursion limit.

pub mod arity;
mod arity_table;
pub mod asyncgen;
pub mod attr;
pub mod budget;
mod builtin_dunders;
pub mod builtins;
pub mod builtins_types;
pub mod call;
mod chain;
pub mod consume;
mod dispatch;
pub mod except_star;
pub mod exception;
mod finalize;
pub mod frame;
pub mod generator;
pub mod iterate;
pub mod ops;
mod parked;
pub(crate) mod quick;
pub mod repr;

use crate::bytecode::CodeObject;
use crate::object::{Dict, ExcKind, Object, Payload, PyErr, PyResult, Value};
use builtins_types::Types;
use call::recursion_error;
use frame::{Frame, Ret};
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when something needs the dispatch loop's attention at the next safe point
/// (a generator to finalize, a coroutine never awaited, Ctrl-C).
static PENDING: AtomicBool = AtomicBool::new(false);
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Ask for the dispatch loop's attention before its next instruction (finalizers to
/// run). Only from the VM's own thread; a signal handler sets the flags alone.
pub fn signal_pending() {
    PENDING.store(true, Ordering::Relaxed);
    budget::attention_now();
}

/// While an asyncio runner is active, the first Ctrl-C is handed to it (it cancels the
/// main task, as CPython's Runner does) instead of raising KeyboardInterrupt.
pub static SIGINT_DEFERRED: AtomicBool = AtomicBool::new(false);
/// A deferred Ctrl-C waiting for the runner; and Ctrl-Cs since the runner started.
pub static SIGINT_SEEN: AtomicBool = AtomicBool::new(false);
pub static SIGINT_COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

extern "C" fn on_sigint(_: libc::c_int) {
    // Only atomics here: this runs inside a signal handler.
    let n = SIGINT_COUNT.fetch_add(1, Ordering::SeqCst) + 1;
    if SIGINT_DEFERRED.load(Ordering::SeqCst) && n == 1 {
        SIGINT_SEEN.store(true, Ordering::SeqCst);
    } else {
        INTERRUPTED.store(true, Ordering::SeqCst);
        PENDING.store(true, Ordering::SeqCst);
    }
}

/// Make Ctrl-C raise KeyboardInterrupt at the next safe point (the CLI does this),
/// unless SIGINT came ignored from the parent (a background job of a shell without job
/// control): CPython then leaves it ignored too.
pub fn install_sigint_handler() {
    // SAFETY: sigaction with no new action only reads the current one; the handler
    // installed only touches atomics.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut current) == 0
            && current.sa_sigaction == libc::SIG_IGN
        {
            return;
        }
        libc::signal(
            libc::SIGINT,
            on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
}

/// Forget a Ctrl-C that arrived while no Python code ran (the REPL calls this before
/// each input, so a stale one does not interrupt the next).
pub fn clear_sigint() {
    INTERRUPTED.store(false, Ordering::SeqCst);
    SIGINT_SEEN.store(false, Ordering::SeqCst);
    SIGINT_COUNT.store(0, Ordering::SeqCst);
}

/// Sleep `secs`, waking early for Ctrl-C: Err(KeyboardInterrupt) when it should be
/// raised, Ok when a deferred Ctrl-C is waiting for the asyncio runner.
pub fn interruptible_sleep(secs: f64) -> PyResult<()> {
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    let too_long = || PyErr::overflow("timestamp out of range for platform time_t");
    let span = std::time::Duration::try_from_secs_f64(secs).map_err(|_| too_long())?;
    let mut end = std::time::Instant::now()
        .checked_add(span)
        .ok_or_else(too_long)?;
    let deadline = budget::deadline();
    if let Some(d) = deadline {
        end = end.min(d);
    }
    loop {
        if INTERRUPTED.swap(false, Ordering::SeqCst) {
            return Err(PyErr::with_args(ExcKind::KeyboardInterrupt, vec![]));
        }
        if SIGINT_SEEN.load(Ordering::SeqCst) {
            return Ok(());
        }
        let now = std::time::Instant::now();
        if deadline.is_some_and(|d| now >= d) {
            return Err(budget::time_exceeded());
        }
        if now >= end {
            return Ok(());
        }
        // Short slices: a signal may land on another thread and not cut the sleep.
        std::thread::sleep((end - now).min(std::time::Duration::from_millis(20)));
    }
}

/// How a nested run ended.
pub enum Completion {
    Return(Value),
    Yield(Value),
}

pub struct Vm {
    /// The call stack. Frames are boxed so a frame's address is stable while it runs
    /// (the dispatch loop keeps a pointer to the current one).
    pub frames: Vec<Box<Frame>>,
    pub types: Types,
    pub builtins: Rc<Object>,
    pub modules: HashMap<String, Value>,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    /// `sys.getrecursionlimit()`.
    pub(crate) recursion_limit: usize,
    /// The error behind a `FastCall::Raised`: a built-in's that CALL's fast path ran,
    /// or the recursion limit's.
    pub(crate) native_error: Option<PyErr>,
    /// Frames the stack may hold before a call raises RecursionError: the recursion
    /// limit less the levels of collapsed `yield from` chains (`chain.rs`), which
    /// count as the frames they stand for.
    pub(crate) depth_limit: usize,
    pub(crate) collapsed_levels: usize,
    native_depth: usize,
    // Boxed on purpose: pooled frames keep their allocation (and address) when reused.
    #[allow(clippy::vec_box)]
    pub(crate) frame_pool: Vec<Box<Frame>>,
    pub out: std::io::BufWriter<std::io::Stdout>,
    pub argv: Vec<String>,
    /// Interactive sessions flush after every write.
    pub interactive: bool,
    pub random_state: u64,
    /// The error being unwound is a re-raise (RERAISE / bare raise): no new traceback entry.
    pub(crate) reraising: bool,
    pub(crate) repr_stack: Vec<i64>,
    pub int_max_str_digits: usize,
    /// `sys.set_asyncgen_hooks`: (firstiter, finalizer), None when unset.
    pub asyncgen_hooks: (Value, Value),
    /// Warnings already shown (file:line:message), shown once as Python's default.
    pub(crate) warned: std::collections::HashSet<String>,
    /// The thread's instruction count when the budget was set (`budget.rs`).
    pub(crate) steps_base: u64,
    /// The budget is checked when the thread's instruction count reaches this
    /// (u64::MAX: no budget).
    pub(crate) step_check: u64,
    /// Ctrl-C or the budget wants the next safe point (`Vm::safe_point`).
    pub(crate) safe_point_due: bool,
    pub(crate) budget: Option<Box<budget::Budget>>,
    /// The value an async generator just yielded is its own `yield x` (ASYNC_GEN_WRAP
    /// ran before the YIELD_VALUE), not one passed up from an `await` inside it. Read
    /// and cleared by the awaitable that resumed the generator (`asyncgen.rs`), the
    /// next thing to run after the yield.
    pub(crate) async_gen_own_yield: bool,
    /// The type attribute cache (`Vm::type_attr`).
    pub(crate) type_attrs: std::cell::RefCell<Box<[attr::TypeAttrEntry]>>,
}

const MAX_NATIVE_DEPTH: usize = 8000;

impl Vm {
    pub fn new() -> Vm {
        let types = Types::new();
        let builtins = Object::new(Payload::Dict(std::cell::RefCell::new(Dict::new())));
        let mut vm = Vm {
            frames: Vec::with_capacity(64),
            types,
            builtins,
            modules: HashMap::new(),
            exc_info: Value::None,
            recursion_limit: 1000,
            native_error: None,
            depth_limit: 1000,
            collapsed_levels: 0,
            native_depth: 0,
            frame_pool: vec![],
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            argv: vec![],
            interactive: false,
            random_state: 0x2545_F491_4F6C_DD1D,
            reraising: false,
            repr_stack: vec![],
            int_max_str_digits: 4300,
            asyncgen_hooks: (Value::None, Value::None),
            warned: Default::default(),
            steps_base: 0,
            step_check: u64::MAX,
            safe_point_due: false,
            budget: None,
            async_gen_own_yield: false,
            type_attrs: std::cell::RefCell::new(
                vec![attr::TypeAttrEntry::default(); attr::TYPE_ATTR_SLOTS].into_boxed_slice(),
            ),
        };
        builtins::install(&mut vm);
        asyncgen::install(&mut vm);
        vm
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// `sys.setrecursionlimit(n)`.
    pub(crate) fn set_recursion_limit(&mut self, n: usize) {
        self.recursion_limit = n;
        self.update_depth_limit();
    }

    /// Python frames running, the levels of collapsed chains included.
    pub(crate) fn recursion_depth(&self) -> usize {
        self.frames.len() + self.collapsed_levels
    }

    fn update_depth_limit(&mut self) {
        self.depth_limit = self.recursion_limit.saturating_sub(self.collapsed_levels);
    }

    /// A fresh module namespace with `__name__` set.
    pub fn new_module_dict(&self, name: &str) -> Rc<Object> {
        let mut d = Dict::new();
        d.set_str(
            Rc::new(crate::object::PyStr::new("__name__")),
            Value::str(name),
        );
        d.set_str(
            Rc::new(crate::object::PyStr::new("__builtins__")),
            Value::Obj(self.builtins.clone()),
        );
        Object::new(Payload::Dict(std::cell::RefCell::new(d)))
    }

    /// Run a module-level code object in `globals`. Its frame has no separate locals
    /// (the *_NAME instructions use the globals then), so a REPL input with a top-level
    /// `await`, a coroutine frame, has room for its coroutine.
    pub fn run_code(&mut self, code: Rc<CodeObject>, globals: Rc<Object>) -> PyResult<Value> {
        let mut frame = self.alloc_frame(code, globals, None, Ret::Entry);
        let nl = frame.nlocalsplus();
        frame.stack.resize(nl, Value::Null);
        match self.run_frame(frame)? {
            Completion::Return(v) | Completion::Yield(v) => Ok(v),
        }
    }

    /// Push `frame` (whose `ret` must be Entry) and run until it completes.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult<Completion> {
        if self.native_depth >= MAX_NATIVE_DEPTH {
            self.free_frame(frame);
            return Err(recursion_error());
        }
        let base = self.frames.len();
        self.frames.push(frame);
        self.native_depth += 1;
        let r = self.run_frames(base);
        self.native_depth -= 1;
        // What the nested run freed as it returned (a temporary of a `__str__` that
        // print() called) is finalized before the built-in goes on, as CPython does at
        // once, not at the caller's next instruction.
        if PENDING.load(Ordering::Relaxed) {
            if let Err(e) = self.handle_pending_pub() {
                if r.is_ok() {
                    return Err(e);
                }
            }
        }
        r
    }

    /// A frame with an empty stack, reusing a pooled allocation when there is one.
    pub(crate) fn alloc_frame(
        &mut self,
        code: Rc<CodeObject>,
        globals: Rc<Object>,
        locals: Option<Rc<Object>>,
        ret: Ret,
    ) -> Box<Frame> {
        let cap = code.frame_size();
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.stack.reserve(cap);
                f.code = code;
                f.globals = globals;
                f.set_locals(locals);
                f.ret = ret;
                f.ip = 0;
                f
            }
            None => Box::new(Frame::new(
                code,
                globals,
                locals,
                ret,
                Vec::with_capacity(cap),
            )),
        }
    }

    /// Return a finished frame to the pool; its locals are dropped now.
    #[inline]
    pub(crate) fn free_frame(&mut self, mut f: Box<Frame>) {
        frame::truncate_values(&mut f.stack, 0);
        f.clear_link();
        self.pool_frame(f);
    }

    /// `free_frame` for the return of a plain call (no namespace, no generator),
    /// inlined into RETURN_VALUE: the call cost each Python return ten instructions.
    #[inline(always)]
    pub(crate) fn free_plain_frame(&mut self, mut f: Box<Frame>) {
        debug_assert!(f.is_plain());
        frame::truncate_values(&mut f.stack, 0);
        self.pool_frame(f);
    }

    /// Keep an emptied frame for reuse, up to a pool of 64 with modest stacks.
    #[inline(always)]
    fn pool_frame(&mut self, f: Box<Frame>) {
        if self.frame_pool.len() < 64 && f.stack.capacity() <= 256 {
            self.frame_pool.push(f);
        }
    }

    /// Look up a builtin exception class.
    pub fn exc_class(&self, kind: ExcKind) -> Rc<Object> {
        self.types.exc[kind as usize].clone()
    }

    pub fn write_stdout(&mut self, s: &str) {
        let _ = self.out.write_all(s.as_bytes());
        if self.interactive {
            let _ = self.out.flush();
        }
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

/// Set `__file__` in a module namespace.
/// Store into a namespace dict (string key) from outside the VM.
pub fn dispatch_set_item(globals: &Rc<Object>, key: Value, v: Value) {
    dispatch::dict_set_str_pub(globals, key, v);
}

/// Look up a string key in a namespace dict (module globals, builtins).
pub fn namespace_get(globals: &Rc<Object>, key: &str) -> Option<Value> {
    dispatch::dict_get_str_pub(globals, key)
}

pub fn dispatch_set_file(globals: &Rc<Object>, filename: &str) {
    dispatch::dict_set_str_pub(globals, Value::str("__file__"), Value::str(filename));
}

impl Vm {
    /// Run work left for the last safe point (finalizers, warnings) before exiting.
    pub fn drain_pending(&mut self) -> PyResult<()> {
        if PENDING.load(Ordering::Relaxed) {
            self.handle_pending_pub()?;
        }
        Ok(())
    }
}
