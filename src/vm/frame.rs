//! Heap frames. A frame is a plain struct the VM keeps in a `Vec` (its call stack);
//! a generator holds its frame while suspended and moves it back onto the stack to resume.

use crate::bytecode::CodeObject;
use crate::object::{Object, Value};
use std::rc::Rc;

/// What happens when this frame finishes or yields: where the result goes.
#[derive(Clone)]
pub enum Ret {
    /// A call from Python code: push the return value on the caller's stack.
    Call,
    /// The base frame of a nested run (`Vm::run_frames`): hand the result to native code.
    Entry,
    /// `__init__` of a new instance: the instance is already on the caller's stack.
    Init,
    /// An operator's method called by BINARY_OP (`op`, its argument) on two instances
    /// of one class: the operands stay on the caller's stack until the result lands
    /// (NotImplemented becomes the operator's TypeError).
    BinaryOp { op: u32 },
    /// As `BinaryOp`, for COMPARE_OP's method: NotImplemented goes on to the reflected
    /// method, then to identity for `==` and `!=`.
    CompareOp { op: u32 },
    /// A generator resumed by FOR_ITER: a yield pushes the value; a return ends the loop.
    ForIter { target: u32 },
    /// As `ForIter`, where the loop's STORE_FAST to `slot` follows its FOR_ITER (`for x
    /// in gen`): a yield stores the item there without reading the caller's code; a
    /// return jumps to the FOR_ITER's target, read then.
    ForIterStore { slot: u32 },
    /// A generator/coroutine resumed by SEND at `send_ip` in the caller.
    Send { send_ip: u32 },
    /// The innermost generator of a chain SEND at `send_ip` collapsed (`chain.rs`): a
    /// yield goes to that SEND's frame as for `Send`; a return or an exception first
    /// puts the skipped levels' frames back between the two.
    Chain { send_ip: u32 },
    /// A level of a `yield from`/`await` chain that a `throw()` went down through: as
    /// `Send`, but an exception leaving it is chained, in the caller, to the caller's own
    /// handled exception (CPython re-enters each level with the exception).
    ThrownSend { send_ip: u32 },
    /// An async generator resumed by SEND at `send_ip` in the caller, whose receiver is
    /// the generator's `__anext__()`/`asend()` awaitable (`asyncgen::asend_in_loop`):
    /// its own yield is the SEND's result (the awaitable finished), a raw yield goes up
    /// as for `Send`, a return raises StopAsyncIteration at the SEND.
    AsyncSend { send_ip: u32 },
    /// A coroutine awaited as soon as it was called (`await f(x)`: the call, then
    /// GET_AWAITABLE, LOAD_CONST None, SEND at `send_ip`), running before its coroutine
    /// object exists. Nothing else can reach the object yet, so it is made only if the
    /// frame suspends (then the frame continues as `Send`); a return or an exception
    /// reaches the SEND as if the object had been there.
    AwaitedCall { send_ip: u32 },
    /// `next(g)`, `g.send(v)`, `g.throw(...)` from Python: a return raises StopIteration.
    NextCall,
    /// As `NextCall`, where the call's result goes to the caller's local `slot` (`x =
    /// g.send(v)`: the STORE_FAST after the CALL, run by the yield).
    NextCallStore { slot: u32 },
    /// `sum(g)`, `list(g)`, `any(g)`, `all(g)`, `min(g)`, `max(g)` from Python, run in
    /// the loop (`consume.rs`): the caller's top slot holds the result so far.
    Consume(super::consume::Consumer),
    /// `g.close()` from Python: GeneratorExit thrown in; yielding is a RuntimeError.
    Close,
    /// A generator abandoned with live handlers, closed at a safe point: result discarded.
    Finalize,
}

pub struct Frame {
    pub code: Rc<CodeObject>,
    /// Next instruction to execute.
    pub ip: usize,
    /// Fast locals, cells and free variables (`nlocalsplus` slots), then the value stack.
    pub stack: Vec<Value>,
    pub globals: Rc<Object>,
    pub ret: Ret,
    /// Module and class bodies: the namespace dict for *_NAME instructions. A generator's
    /// frame while it runs: its generator/coroutine. A frame never has both, and one
    /// field keeps a frame in 64 bytes (100,000 suspended tasks hold 200,000 frames).
    link: Option<Rc<Object>>,
}

impl Frame {
    pub fn new(
        code: Rc<CodeObject>,
        globals: Rc<Object>,
        locals: Option<Rc<Object>>,
        ret: Ret,
        stack: Vec<Value>,
    ) -> Frame {
        Frame {
            code,
            ip: 0,
            stack,
            globals,
            ret,
            link: locals,
        }
    }

    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.code.nlocalsplus()
    }

    /// The namespace of a module or class body.
    #[inline]
    pub fn locals(&self) -> Option<&Rc<Object>> {
        self.link.as_ref().filter(|o| !is_generator(o))
    }

    /// Where the *_NAME instructions store: the body's namespace, else the globals.
    #[inline]
    pub fn namespace(&self) -> &Rc<Object> {
        self.locals().unwrap_or(&self.globals)
    }

    pub fn set_locals(&mut self, locals: Option<Rc<Object>>) {
        debug_assert!(locals.as_ref().is_none_or(|o| !is_generator(o)));
        self.link = locals;
    }

    /// The generator/coroutine running this frame (set only while it runs).
    #[inline]
    pub fn gen(&self) -> Option<&Rc<Object>> {
        self.link.as_ref().filter(|o| is_generator(o))
    }

    #[inline(always)]
    pub fn set_gen(&mut self, g: Rc<Object>) {
        debug_assert!(self.link.is_none() && is_generator(&g));
        // The link is empty: a plain assignment's drop of the old value made LLVM
        // keep this out of line, a call on every generator resume.
        if let Some(old) = self.link.replace(g) {
            drop_link(old);
        }
    }

    #[inline]
    pub fn take_gen(&mut self) -> Option<Rc<Object>> {
        if self.gen().is_some() {
            self.link.take()
        } else {
            None
        }
    }

    /// Neither a namespace nor a generator: a plain function call's frame.
    #[inline]
    pub fn is_plain(&self) -> bool {
        self.link.is_none()
    }

    /// Drop the namespace or generator (a frame going back to the pool).
    #[inline]
    pub fn clear_link(&mut self) {
        if self.link.is_some() {
            self.link = None;
        }
    }

    /// The namespace or generator, for the collector.
    pub fn link(&self) -> Option<&Rc<Object>> {
        self.link.as_ref()
    }
}

#[cold]
#[inline(never)]
fn drop_link(link: Rc<Object>) {
    drop(link);
}

fn is_generator(o: &Object) -> bool {
    matches!(o.payload, crate::object::Payload::Generator(_))
}

/// `Vec::truncate` for a frame's values, inlined into the call and return paths: the
/// generic slice drop is an out-of-line loop that cost about 30 instructions per call
/// even when the slots dropped are two NULLs (callgrind, fib). Values are dropped first
/// to last, as CPython clears a frame's locals (it shows in `__del__` order).
#[inline(always)]
pub(crate) fn truncate_values(stack: &mut Vec<Value>, len: usize) {
    let old = stack.len();
    if old <= len {
        return;
    }
    // SAFETY: slots len..old are initialised; the length is cut first, so each is
    // dropped exactly once and none is reachable through the vector meanwhile.
    unsafe {
        stack.set_len(len);
        let p = stack.as_mut_ptr();
        for i in len..old {
            Value::drop_in_place(p.add(i));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn frame_header_fits_64_bytes() {
        // mimalloc's 64-byte class: one more word is the 80-byte class, 32 bytes more
        // per suspended task (its coroutine's frame and the one it awaits).
        assert!(std::mem::size_of::<super::Frame>() <= 64);
    }
}
