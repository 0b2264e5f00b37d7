//! Generator, coroutine and async-generator objects: each owns a suspended frame.

use super::frame::{Frame, Ret};
use super::parked::ParkedFrame;
use crate::bytecode::{flags, CodeObject};
use crate::object::{Payload, Value};
use std::cell::{Cell, Ref, RefCell};
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

/// Is `v` a generator, coroutine or async generator object?
#[inline(always)]
pub(crate) fn is_generator(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Generator(_)))
}

pub struct Generator {
    pub kind: GenKind,
    /// `__name__` and `__qualname__` are the code's (they cannot be set in pyco).
    pub code: Rc<CodeObject>,
    pub state: Cell<GenState>,
    /// The frame, while not running (and not parked).
    frame: RefCell<Option<Box<Frame>>>,
    /// The suspended frame, packed while its task waits on a future (`parked.rs`).
    parked: Cell<Option<ParkedFrame>>,
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
            parked: Cell::new(None),
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
        Value::Obj(Generator::created_obj(frame))
    }

    /// `created`'s object, returned in a register: a `Value` came back through
    /// memory, written as two words and read as one 16-byte load (a stall).
    pub fn created_obj(frame: Box<Frame>) -> Rc<crate::object::Object> {
        let f = frame.code.flags;
        let kind = if f & flags::COROUTINE != 0 {
            GenKind::Coroutine
        } else if f & flags::ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        crate::object::Object::new_inline(|| {
            Payload::Generator(Generator::new(kind, frame, GenState::Created))
        })
    }

    pub fn type_name(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }

    /// Take the frame to run it. A parked one is unpacked into `blank()`, an empty
    /// frame (the VM passes its pool's).
    #[inline(always)]
    pub(crate) fn take_frame_with(&self, blank: impl FnOnce() -> Box<Frame>) -> Option<Box<Frame>> {
        // Taken and kept without the RefCell's flag: the flag and the slot, written
        // together as one 16-byte store, stalled the next resume's load of the slot
        // (gen_pipeline's four-generator chain 8% faster without). SAFETY: borrows of
        // the slot are short and never held across running Python code, so none is
        // live when a generator resumes or suspends (checked in debug builds).
        debug_assert!(self.frame.try_borrow_mut().is_ok());
        if let Some(f) = unsafe { (*self.frame.as_ptr()).take() } {
            return Some(f);
        }
        let parked = self.parked.take()?;
        let mut f = blank();
        if !Rc::ptr_eq(&f.code, &self.code) {
            f.code = self.code.clone();
        }
        parked.unpack(&mut f);
        Some(f)
    }

    /// The frame if it is live (neither running nor parked), to look at in place.
    #[inline(always)]
    pub(crate) fn live_frame(&self) -> Ref<'_, Option<Box<Frame>>> {
        self.frame.borrow()
    }

    /// `live_frame` without the borrow's bookkeeping, for walks down a chain of
    /// generators that run no code (`chain.rs`).
    ///
    /// # Safety
    /// No mutable borrow of the frame may be live, nor start while the reference is.
    #[inline(always)]
    pub(crate) unsafe fn peek_live_frame(&self) -> Option<&Frame> {
        (*self.frame.as_ptr()).as_deref()
    }

    /// No exception state stored (suspended: it handles no exception of its own;
    /// running: its resumer handles none), read as `peek_live_frame` is.
    ///
    /// # Safety
    /// No mutable borrow of the state may be live.
    #[inline(always)]
    pub(crate) unsafe fn peek_no_exc_state(&self) -> bool {
        (*self.exc_state.as_ptr()).is_none()
    }

    /// Take the frame if it is live (neither running nor parked).
    pub(crate) fn take_live_frame(&self) -> Option<Box<Frame>> {
        self.frame.borrow_mut().take()
    }

    /// Take the frame (away from the hot paths: a parked one gets a new header).
    pub(crate) fn take_frame(&self) -> Option<Box<Frame>> {
        let live = self.frame.borrow_mut().take();
        live.or_else(|| self.parked.take().map(|p| self.unpark_fresh(p)))
    }

    /// A parked frame unpacked into a new header, made from the generator's own code
    /// and the frame's globals (no thread-local pool: this also runs in drops).
    fn unpark_fresh(&self, parked: ParkedFrame) -> Box<Frame> {
        let globals = parked.globals().clone();
        let mut f = Box::new(Frame::new(
            self.code.clone(),
            globals,
            None,
            Ret::Call,
            vec![],
        ));
        parked.unpack(&mut f);
        f
    }

    /// Keep the frame of a generator that suspended.
    #[inline(always)]
    pub(crate) fn keep_frame(&self, mut f: Box<Frame>) {
        if f.stack.capacity() > 2 * f.code.frame_size() {
            fit_suspended_stack(&mut f);
        }
        // SAFETY: as in `take_frame_with`; the slot is empty, its frame is the one
        // that was running, so nothing is dropped by the write.
        debug_assert!(self.frame.try_borrow_mut().is_ok());
        unsafe {
            let slot = &mut *self.frame.as_ptr();
            debug_assert!(slot.is_none());
            std::ptr::write(slot, Some(f));
        }
    }

    /// Park the suspended frame (its task waits on a future, maybe for long): the
    /// emptied header is handed back for the VM's pool, with what the frame awaits.
    pub(crate) fn park(&self) -> Option<(Box<Frame>, Option<Value>)> {
        // (An async generator is never awaited directly; its `asend` objects end a
        // chain before it.)
        if self.state.get() != GenState::Suspended || self.kind == GenKind::AsyncGenerator {
            return None;
        }
        let mut f = self.frame.try_borrow_mut().ok()?.take()?;
        let below = super::dispatch::gen_yieldfrom(&f);
        self.parked.set(Some(ParkedFrame::pack(&mut f)));
        Some((f, below))
    }

    /// The frame, to look at (a parked one is unpacked, and stays so until its task
    /// waits again).
    pub(crate) fn frame(&self) -> Ref<'_, Option<Box<Frame>>> {
        if let Some(parked) = self.parked.take() {
            let f = self.unpark_fresh(parked);
            *self.frame.borrow_mut() = Some(f);
        }
        self.frame.borrow()
    }

    /// Suspended inside a try/with, so that closing it runs code? Read in place: a
    /// parked frame is not unpacked to tell (finalizers and drops ask).
    pub(crate) fn suspended_in_handler(&self) -> bool {
        if self.state.get() != GenState::Suspended {
            return false;
        }
        if let Ok(f) = self.frame.try_borrow() {
            if let Some(f) = f.as_ref() {
                return self.code.suspended_in_handler(f.ip);
            }
        }
        let Some(parked) = self.parked.take() else {
            return false;
        };
        let inside = self.code.suspended_in_handler(parked.ip());
        self.parked.set(Some(parked));
        inside
    }

    /// Drop the frame: the generator finished without running it again.
    pub(crate) fn clear_frame(&self) {
        let f = self.frame.borrow_mut().take();
        let parked = self.parked.take();
        drop((f, parked));
    }

    /// For the collector: what the suspended frame references (its globals and
    /// values, each value through `val`), read in place: a parked frame is not
    /// unpacked, as nothing may be allocated while the collector walks objects.
    pub(crate) fn frame_children(
        &self,
        out: &mut Vec<Rc<crate::object::Object>>,
        val: fn(&mut Vec<Rc<crate::object::Object>>, &Value),
    ) {
        if let Ok(f) = self.frame.try_borrow() {
            if let Some(f) = f.as_ref() {
                out.push(f.globals.clone());
                out.extend(f.link().cloned());
                f.stack.iter().for_each(|v| val(out, v));
            }
        }
        if let Some(parked) = self.parked.take() {
            out.push(parked.globals().clone());
            parked.values().iter().for_each(|v| val(out, v));
            self.parked.set(Some(parked));
        }
    }
}

/// A generator's frame came from the pool with the stack of whatever ran in it last; it
/// may stay suspended for long, so a stack more than twice its size shrinks to exactly
/// its size. Done at a suspension rather than at creation: a generator that finishes
/// without suspending would pay a reallocation for nothing. (Not for any larger stack:
/// a parked frame resumes in a pooled one, and would pay it at every suspension.)
#[cold]
#[inline(never)]
fn fit_suspended_stack(f: &mut Frame) {
    let mut exact = Vec::with_capacity(f.code.frame_size());
    exact.append(&mut f.stack);
    f.stack = exact;
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
        // A parked frame is unpacked only when it has handlers to queue (`retire`
        // drops any other suspended frame).
        let in_handler = self.suspended_in_handler();
        let frame = match self.parked.get_mut().take() {
            Some(parked) if in_handler => Some(self.unpark_fresh(parked)),
            Some(_) => None,
            None => self.frame.get_mut().take(),
        };
        if let Some(frame) = frame {
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
        if !frame.code.suspended_in_handler(frame.ip) {
            return false;
        }
        let item = (frame, self.kind, false);
        let _ = FINALIZE_QUEUE.try_with(|q| q.borrow_mut().push(item));
        super::signal_pending();
        true
    }
}
