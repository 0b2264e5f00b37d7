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
    /// A generator resumed by FOR_ITER: a yield pushes the value; a return ends the loop.
    ForIter { target: u32 },
    /// A generator/coroutine resumed by SEND at `send_ip` in the caller.
    Send { send_ip: u32 },
    /// A level of a `yield from`/`await` chain that a `throw()` went down through: as
    /// `Send`, but an exception leaving it is chained, in the caller, to the caller's own
    /// handled exception (CPython re-enters each level with the exception).
    ThrownSend { send_ip: u32 },
    /// A coroutine awaited as soon as it was called (`await f(x)`: the call, then
    /// GET_AWAITABLE, LOAD_CONST None, SEND at `send_ip`), running before its coroutine
    /// object exists. Nothing else can reach the object yet, so it is made only if the
    /// frame suspends (then the frame continues as `Send`); a return or an exception
    /// reaches the SEND as if the object had been there.
    AwaitedCall { send_ip: u32 },
    /// `next(g)`, `g.send(v)`, `g.throw(...)` from Python: a return raises StopIteration.
    NextCall,
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
    /// Module and class bodies: the namespace dict for *_NAME instructions.
    pub locals: Option<Rc<Object>>,
    pub ret: Ret,
    /// The generator/coroutine running this frame (set only while it runs).
    pub gen: Option<Rc<Object>>,
}

impl Frame {
    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.code.nlocalsplus()
    }
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
            std::ptr::drop_in_place(p.add(i));
        }
    }
}
