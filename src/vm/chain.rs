//! Collapsed delegation chains: PEP 380's suggested optimisation of `yield from`.
//!
//! A SEND into a generator that is itself suspended in a `yield from` or `await` loop,
//! over a suspended generator that may be too, and so on, would resume each level in
//! turn only for it to run its own SEND, and each yield would come back up through every
//! level's YIELD_VALUE unchanged. Instead, the SEND marks the levels between it and the
//! innermost generator (the leaf) running and resumes the leaf directly, as
//! `Ret::Chain`: a yield goes straight to the SEND's frame, which yields it on as the
//! top level would have. The skipped levels' frames stay in their generators, untouched,
//! at the point after their YIELD_VALUE where the next collapse finds them again.
//!
//! What Python code can see stays CPython's:
//! - The levels are running while the leaf runs (`gi_running`, "generator already
//!   executing"), and suspended again when it yields.
//! - They count towards the recursion limit (`Vm::depth_limit`).
//! - When the leaf returns or raises, the levels' frames are first put back on the
//!   stack, each as SEND would have left it (`expand_chain`). The return value or
//!   exception then reaches the level above the leaf as usual, with the same traceback.
//! - Only a level handling no exception of its own is collapsed: one that is would show
//!   its exception to the leaf (`sys.exc_info()`, implicit chaining).

use super::frame::Ret;
use super::generator::{GenKind, GenState, Generator};
use super::{budget, Vm};
use crate::bytecode::{InlineCache, Opcode};
use crate::object::{Object, Payload, Value};
use std::rc::Rc;

/// Instructions a collapsed level skips on the way down (its RESUME, its
/// JUMP_BACKWARD_NO_INTERRUPT and its SEND) and on the way up (its YIELD_VALUE); they
/// still count for the instruction budget.
const STEPS_DOWN: u64 = 3;
const STEPS_UP: u64 = 1;

/// A SEND site whose collapsed chains end this many times in a row with their leaf
/// returning or raising (the levels put back on the stack) resumes the next
/// SKIP_AFTER_MISSES chains level by level. A leaf that returns as soon as it resumes
/// (`await asyncio.sleep(0)` at the bottom of a call chain, resumed by the task at its
/// top) makes the walk down pure cost, as putting the levels back costs what resuming
/// them would have. A leaf that yields again in between (a delegating generator
/// resumed in a loop) keeps its site collapsing.
const MISSES_BEFORE_SKIPPING: u8 = 2;
const SKIP_AFTER_MISSES: u16 = 64;

/// SENDs a site resumes level by level after finding nothing to collapse: most sites'
/// chains are the same every time (a coroutine awaiting a future, or a generator
/// delegating to one that yields), so the test is mostly saved.
const SKIP_AFTER_SHORT: u16 = 16;

fn generator(o: &Object) -> Option<&Generator> {
    match &o.payload {
        Payload::Generator(g) => Some(g),
        _ => None,
    }
}

/// The object on top of a value stack, if it is one.
fn top_object(stack: &[Value]) -> Option<&Rc<Object>> {
    match stack.last() {
        Some(Value::Obj(o)) => Some(o),
        _ => None,
    }
}

/// What `gen` delegates to, if `gen` can be collapsed: suspended in a `yield from` or
/// `await` loop (its next instruction is RESUME 2 or 3), its frame live (not parked),
/// handling no exception, and delegating to a suspended generator or coroutine.
///
/// # Safety
/// As `Generator::peek_live_frame`; the result is as alive as `gen`'s frame.
#[inline(always)]
unsafe fn collapsible_delegate(gen: &Generator) -> Option<*const Object> {
    if gen.state.get() != GenState::Suspended || !gen.peek_no_exc_state() {
        return None;
    }
    let f = gen.peek_live_frame()?;
    // A suspended frame's next instruction is one of its code's.
    let next = f.code.instr_at(f.ip);
    if next.op != Opcode::Resume || next.arg < 2 {
        return None;
    }
    let below = top_object(&f.stack)?;
    match generator(below) {
        Some(d) if d.state.get() == GenState::Suspended && d.kind != GenKind::AsyncGenerator => {
            Some(Rc::as_ptr(below))
        }
        _ => None,
    }
}

/// `collapsible_delegate` of the object at `o`, if it is a generator.
///
/// # Safety
/// `o` is alive, and as `collapsible_delegate`.
#[inline(always)]
unsafe fn delegate_below(o: *const Object) -> Option<*const Object> {
    generator(&*o).and_then(|g| collapsible_delegate(g))
}

/// Mark running the level at `o`, found collapsible.
///
/// # Safety
/// As `delegate_below`, which found the level collapsible.
#[inline(always)]
unsafe fn mark_running(o: *const Object) {
    generator(&*o)
        .unwrap_unchecked()
        .state
        .set(GenState::Running);
}

/// A collapsed level: running, with its frame still in the generator.
fn is_collapsed(gen: &Generator) -> bool {
    gen.state.get() == GenState::Running && gen.live_frame().is_some()
}

impl Vm {
    /// SEND's receiver `first`, on top of the SEND frame's stack: if it is a level that
    /// can be collapsed, mark it and each such level below it running, and return the
    /// leaf, for SEND to resume as `Ret::Chain`. None: nothing to collapse, or the chain
    /// is too deep to (its levels are then resumed one by one, and the one over the
    /// recursion limit raises where it would).
    pub(super) fn collapse_chain(
        &mut self,
        first: &Rc<Object>,
        send_ip: u32,
    ) -> Option<Rc<Object>> {
        let f = self.frames.last()?;
        if !top_object(&f.stack).is_some_and(|o| Rc::ptr_eq(o, first)) {
            return None;
        }
        let cache = f.code.inline_cache_at(send_ip as usize);
        if let InlineCache::Send { skip, misses } = cache.get() {
            if skip > 0 {
                cache.set(InlineCache::Send {
                    skip: skip - 1,
                    misses,
                });
                return None;
            }
        }
        // SAFETY (both walks): each level is held by the frame of the level above it
        // (the first by the SEND's frame); the walks run no code, borrow nothing and
        // drop nothing.
        let Some(mut leaf) = (unsafe { delegate_below(Rc::as_ptr(first)) }) else {
            cache.set(InlineCache::Send {
                skip: SKIP_AFTER_SHORT,
                misses: 0,
            });
            return None;
        };
        unsafe { mark_running(Rc::as_ptr(first)) };
        let mut levels = 1;
        while let Some(below) = unsafe { delegate_below(leaf) } {
            unsafe { mark_running(leaf) };
            leaf = below;
            levels += 1;
        }
        if self.frames.len() + levels >= self.depth_limit {
            self.release_chain(first);
            return None;
        }
        self.set_collapsed_levels(self.collapsed_levels + levels);
        budget::count_steps(STEPS_DOWN * levels as u64);
        // SAFETY: the leaf is alive (held by the last level's frame); the new count is
        // the returned reference's.
        unsafe {
            Rc::increment_strong_count(leaf);
            Some(Rc::from_raw(leaf))
        }
    }

    /// Mark suspended again the collapsed levels from `first` down. Their number.
    fn release_chain(&mut self, first: &Object) -> usize {
        let mut levels = 0;
        let mut cur: *const Object = first;
        // SAFETY: as in `collapse_chain`.
        unsafe {
            while let Some(gen) = generator(&*cur) {
                if gen.state.get() != GenState::Running {
                    break;
                }
                let Some(f) = gen.peek_live_frame() else {
                    break;
                };
                gen.state.set(GenState::Suspended);
                levels += 1;
                match top_object(&f.stack) {
                    Some(below) => cur = Rc::as_ptr(below),
                    None => break,
                }
            }
        }
        levels
    }

    /// The leaf of a collapsed chain yielded, and the SEND's frame is on top again: its
    /// levels are suspended again, where each would be after passing the value up.
    pub(super) fn suspend_chain(&mut self, send_ip: u32) {
        let Some(f) = self.frames.last() else {
            return;
        };
        let cache = f.code.inline_cache_at(send_ip as usize);
        if let InlineCache::Send { misses: 1.., .. } = cache.get() {
            cache.set(InlineCache::Send { skip: 0, misses: 0 });
        }
        let Some(first) = top_object(&f.stack).map(Rc::as_ptr) else {
            return;
        };
        // SAFETY: the SEND's frame holds the first level.
        let levels = self.release_chain(unsafe { &*first });
        self.set_collapsed_levels(self.collapsed_levels - levels);
        budget::count_steps(STEPS_UP * levels as u64);
    }

    /// The leaf of a collapsed chain returned or raised, and its frame is gone: put the
    /// levels' frames back on the stack above the SEND's frame (at `send_ip`), each as
    /// its own SEND left it when it resumed the level below. Returns where the level
    /// above the leaf is at its SEND, for the leaf's result or exception to reach it.
    pub(super) fn expand_chain(&mut self, mut send_ip: u32) -> u32 {
        if let Some(f) = self.frames.last() {
            let cache = f.code.inline_cache_at(send_ip as usize);
            let misses = match cache.get() {
                InlineCache::Send { misses, .. } => misses + 1,
                _ => 1,
            };
            cache.set(if misses >= MISSES_BEFORE_SKIPPING {
                InlineCache::Send {
                    skip: SKIP_AFTER_MISSES,
                    misses: 0,
                }
            } else {
                InlineCache::Send { skip: 0, misses }
            });
        }
        let mut levels = 0;
        loop {
            let next = self.frames.last().and_then(|f| top_object(&f.stack));
            let Some(level) = next.filter(|o| generator(o).is_some_and(is_collapsed)) else {
                break;
            };
            let level = level.clone();
            let gen: *const Generator = generator(&level).unwrap();
            // SAFETY: the frame below holds the level; the pointer saves matching its
            // payload again once `level` has moved into the frame.
            let gen = unsafe { &*gen };
            let Some(mut f) = gen.take_live_frame() else {
                break;
            };
            // The frame stopped at the RESUME after its YIELD_VALUE; the
            // JUMP_BACKWARD_NO_INTERRUPT after that goes back to its SEND.
            let own_send = f.code.instr_at(f.ip + 1).arg;
            f.ip = own_send as usize + 1;
            f.ret = Ret::Send { send_ip };
            f.set_gen(level);
            self.swap_in_exc_state(gen);
            super::call::push_frame(&mut self.frames, f);
            send_ip = own_send;
            levels += 1;
        }
        self.set_collapsed_levels(self.collapsed_levels - levels);
        send_ip
    }

    /// Levels of collapsed chains running below the top frames: they count towards the
    /// recursion limit as the frames they stand for.
    fn set_collapsed_levels(&mut self, levels: usize) {
        self.collapsed_levels = levels;
        self.update_depth_limit();
    }
}
