//! Generator, coroutine and async-generator objects: each owns a suspended frame.

use super::frame::Frame;
use crate::bytecode::{flags, CodeObject};
use crate::object::{Payload, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Closed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct Generator {
    pub kind: GenKind,
    /// `__name__` and `__qualname__` are the code's (they cannot be set in pyco).
    pub code: Rc<CodeObject>,
    pub state: Cell<GenState>,
    /// The frame, while not running.
    pub frame: RefCell<Option<Box<Frame>>>,
    /// Suspended: the exception being handled inside the generator when it yielded.
    /// Running: the resumer's, restored when the generator yields or finishes (kept
    /// here rather than in the frame, which every call uses: frames stay 80 bytes).
    pub exc_state: RefCell<Value>,
    /// Running: the VM's current handled exception is the generator's own (from its
    /// handlers), not its resumer's showing through. Kept apart because the two can be
    /// the same object (`gen.throw(e)` of the exception the resumer is handling).
    pub has_own_exc: Cell<bool>,
    /// Running as a level that a `throw()` went down through to the generator it
    /// delegates to: its handled-exception state is swapped in only when control comes
    /// back to it (CPython's `_gen_throw` does not push a delegating level's state).
    pub exc_deferred: Cell<bool>,
    /// Async generators: an `asend`/`athrow` awaitable is in flight (`ag_running`).
    pub running_async: Cell<bool>,
    /// Async generators: `aclose()` has started, so `__anext__` ends at once.
    pub ag_closed: Cell<bool>,
    /// Async generators: the asyncgen hooks ran (first `__anext__`/`asend`/...), and
    /// whether a finalizer hook was set then (it gets the generator if it is freed
    /// unfinished: asyncio schedules its `aclose()`).
    pub ag_hooks_inited: Cell<bool>,
    pub ag_has_finalizer: Cell<bool>,
}

impl Generator {
    pub fn new(kind: GenKind, frame: Box<Frame>, state: GenState) -> Generator {
        let code = frame.code.clone();
        Generator::with_frame(kind, code, state, Some(frame))
    }

    /// The object for a coroutine frame that has been running without one
    /// (`Ret::AwaitedCall`), made as it first suspends.
    pub fn running(kind: GenKind, code: Rc<CodeObject>) -> Generator {
        Generator::with_frame(kind, code, GenState::Running, None)
    }

    fn with_frame(
        kind: GenKind,
        code: Rc<CodeObject>,
        state: GenState,
        frame: Option<Box<Frame>>,
    ) -> Generator {
        Generator {
            kind,
            code,
            state: Cell::new(state),
            frame: RefCell::new(frame),
            exc_state: RefCell::new(Value::None),
            has_own_exc: Cell::new(false),
            exc_deferred: Cell::new(false),
            running_async: Cell::new(false),
            ag_closed: Cell::new(false),
            ag_hooks_inited: Cell::new(false),
            ag_has_finalizer: Cell::new(false),
        }
    }

    /// The object a generator function's call returns: `frame` stopped just after
    /// RETURN_GENERATOR, with its arguments in place.
    pub fn created(frame: Box<Frame>) -> Value {
        let f = frame.code.flags;
        let kind = if f & flags::COROUTINE != 0 {
            GenKind::Coroutine
        } else if f & flags::ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        Value::Obj(crate::object::Object::new_inline(|| {
            Payload::Generator(Generator::new(kind, frame, GenState::Created))
        }))
    }

    pub fn type_name(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
}

thread_local! {
    /// Frames of abandoned generators that still have handlers to run (their `finally`).
    /// The last field is true for an async generator to hand to the finalizer hook.
    pub static FINALIZE_QUEUE: RefCell<Vec<(Box<Frame>, GenKind, bool)>> = const { RefCell::new(Vec::new()) };
    /// Coroutines freed without ever being awaited (for the RuntimeWarning).
    pub static NEVER_AWAITED: RefCell<Vec<Rc<str>>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Generator {
    fn drop(&mut self) {
        if let Some(frame) = self.frame.get_mut().take() {
            self.retire(frame);
        }
    }
}

impl Generator {
    /// The frame of a generator being freed (by reference counting, or by the cycle
    /// collector breaking a cycle through it): queue what must still run, its `finally`
    /// or the asyncgen finalizer hook, or the never-awaited warning; else just drop it.
    /// True when the frame was queued to run code.
    pub(crate) fn retire(&self, frame: Box<Frame>) -> bool {
        let state = self.state.get();
        if state == GenState::Created && self.kind == GenKind::Coroutine {
            let q = self.code.qualname.clone();
            let _ = NEVER_AWAITED.try_with(|n| n.borrow_mut().push(q));
            super::signal_pending();
            return false;
        }
        if self.ag_has_finalizer.get() && state != GenState::Closed {
            // An unfinished async generator goes to the finalizer hook (CPython's
            // _PyGen_Finalize), whether or not it has handlers.
            let item = (frame, self.kind, true);
            let _ = FINALIZE_QUEUE.try_with(|q| q.borrow_mut().push(item));
            super::signal_pending();
            return true;
        }
        if state != GenState::Suspended {
            return false;
        }
        // Only a frame suspended inside a try/with has code to run on close.
        let at = frame.ip.saturating_sub(1) as u32;
        if frame.code.find_handler(at).is_none() {
            return false;
        }
        let item = (frame, self.kind, false);
        let _ = FINALIZE_QUEUE.try_with(|q| q.borrow_mut().push(item));
        super::signal_pending();
        true
    }
}
