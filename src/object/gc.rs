//! The cycle collector: CPython's trial deletion over tracked container objects.
//!
//! Reference counting frees everything that is not part of a reference cycle. Containers
//! (lists, dicts, sets, instances, functions, cells, classes, bound methods) are tracked
//! in a registry from creation until they are freed (each object knows its slot, so
//! removal is O(1) and memory is returned at once). `collect` subtracts the references that tracked
//! objects hold to each other from their reference counts; whatever is left with no
//! outside reference, directly or through other objects, is garbage, and clearing its
//! contents breaks the cycles so reference counting frees it.

use super::{Object, Payload, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The registry, in one thread-local so that tracking a new object costs one access.
struct Registry {
    /// Every live tracked object (raw pointers: an object removes itself when freed).
    tracked: Vec<*const Object>,
    /// A full collection runs when the live tracked count passes this (twice what
    /// survived the last collection); 0 until first needed, usize::MAX while collecting.
    collect_at: usize,
    /// `gc.disable()`: no automatic collections (`gc.collect()` still collects).
    disabled: bool,
}

thread_local! {
    /// The last collection left garbage intact for finalizers to run first.
    static LEFT_TO_FINALIZERS: Cell<bool> = const { Cell::new(false) };
    static REGISTRY: RefCell<Registry> = const {
        RefCell::new(Registry { tracked: Vec::new(), collect_at: 0, disabled: false })
    };
}

/// Does this payload hold references that can form a cycle?
fn is_container(p: &Payload) -> bool {
    matches!(
        p,
        Payload::List(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::Tuple(_)
            | Payload::Instance(_)
            | Payload::Function(_)
            | Payload::Cell(_)
            | Payload::Type(_)
            | Payload::BoundMethod { .. }
            | Payload::Property(_)
            | Payload::StaticMethod(_)
            | Payload::ClassMethod(_)
            | Payload::Generator(_)
            | Payload::Future(_)
            | Payload::Task(_)
            | Payload::Deque(_)
    )
}

/// Called for every new object.
pub const UNTRACKED: u32 = u32::MAX;

/// `PYCO_GC_STRESS=1` collects after every few dozen container allocations, to shake out
/// objects the collector would wrongly free (clox's DEBUG_STRESS_GC, as an env var).
fn min_threshold() -> usize {
    if std::env::var_os("PYCO_GC_STRESS").is_some_and(|v| v != "0") {
        32
    } else {
        10_000
    }
}

#[inline]
pub fn track(o: &Rc<Object>) {
    // Tuples of atomic values (ints, strs, None...) can never be part of a cycle.
    if let Payload::Tuple(items) = &o.payload {
        if items.iter().all(|v| !matches!(v, Value::Obj(_))) {
            return;
        }
    }
    if is_container(&o.payload) {
        let due = REGISTRY.try_with(|r| {
            let mut r = r.borrow_mut();
            o.gc_slot.set(r.tracked.len() as u32);
            r.tracked.push(Rc::as_ptr(o));
            if r.collect_at == 0 {
                r.collect_at = min_threshold_cached();
            }
            r.tracked.len() > r.collect_at && !r.disabled
        });
        if due == Ok(true) {
            collect();
        }
    }
}

/// `track` without starting a collection (for objects made while another is freed).
pub(crate) fn track_quietly(o: &Rc<Object>) {
    if is_container(&o.payload) {
        let _ = REGISTRY.try_with(|r| {
            if let Ok(mut r) = r.try_borrow_mut() {
                o.gc_slot.set(r.tracked.len() as u32);
                r.tracked.push(Rc::as_ptr(o));
            }
        });
    }
}

fn min_threshold_cached() -> usize {
    thread_local! {
        static FLOOR: usize = min_threshold();
    }
    FLOOR.with(|f| *f)
}

/// Called from `Object`'s drop: take it out of the registry.
pub(crate) fn untrack(o: &Object) {
    let slot = o.gc_slot.get() as usize;
    let _ = REGISTRY.try_with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else {
            return;
        };
        let t = &mut r.tracked;
        if slot < t.len() && std::ptr::eq(t[slot], o) {
            t.swap_remove(slot);
            if slot < t.len() {
                // SAFETY: registered objects are alive (they remove themselves on drop).
                unsafe { (*t[slot]).gc_slot.set(slot as u32) };
            }
        }
    });
}

/// `gc.enable()` / `gc.disable()`: automatic collection on or off.
pub fn set_enabled(on: bool) {
    REGISTRY.with(|r| r.borrow_mut().disabled = !on);
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    REGISTRY.with(|r| !r.borrow().disabled)
}

/// Live tracked objects.
pub fn tracked_count() -> usize {
    REGISTRY.with(|r| r.borrow().tracked.len())
}

/// Push the objects `o` refers to. A borrow that fails (a container being mutated by
/// the code that called us) is skipped: its children then count as externally held.
pub(crate) fn children(o: &Object, out: &mut Vec<Rc<Object>>) {
    match &o.payload {
        Payload::List(l) => {
            if let Ok(l) = l.try_borrow() {
                l.iter().for_each(|v| val(out, v));
            }
        }
        Payload::Tuple(t) => t.iter().for_each(|v| val(out, v)),
        Payload::Dict(d) => {
            if let Ok(d) = d.try_borrow() {
                for (k, v) in d.iter() {
                    val(out, k);
                    val(out, v);
                }
            }
        }
        Payload::Set(s) => {
            if let Ok(t) = s.table.try_borrow() {
                t.iter().for_each(|(_, k)| val(out, k));
            }
        }
        Payload::Instance(i) => {
            out.push(i.class.clone());
            out.extend(i.native().cloned());
            // Attributes moved to a dict object (`obj.__dict__`) are that object's
            // children, not the instance's: counting them here too would subtract their
            // references twice.
            match i.dict_object_if_any() {
                Some(d) => out.push(d.clone()),
                None => {
                    if let Ok(d) = i.inline_dict().try_borrow() {
                        for (k, v) in d.iter() {
                            val(out, k);
                            val(out, v);
                        }
                    }
                }
            }
            if let Some(e) = i.exc() {
                exc_children(e, out);
            }
        }
        Payload::Function(f) => {
            out.push(f.globals.clone());
            f.defaults.iter().for_each(|v| val(out, v));
            f.kwdefaults.iter().for_each(|(_, v)| val(out, v));
            f.closure.iter().for_each(|v| val(out, v));
            if let Ok(d) = f.dict.try_borrow() {
                out.extend(d.iter().cloned());
            }
        }
        Payload::Cell(c) => {
            if let Ok(c) = c.try_borrow() {
                val(out, &c);
            }
        }
        Payload::Type(t) => {
            out.extend(t.bases.iter().cloned());
            out.extend(t.mro.iter().cloned());
            if let Ok(d) = t.dict.try_borrow() {
                for (k, v) in d.iter() {
                    val(out, k);
                    val(out, v);
                }
            }
        }
        Payload::BoundMethod { func, receiver } => {
            val(out, func);
            val(out, receiver);
        }
        Payload::Property(p) => {
            val(out, &p.fget);
            val(out, &p.fset);
            val(out, &p.fdel);
        }
        Payload::StaticMethod(f) | Payload::ClassMethod(f) => val(out, f),
        Payload::Generator(g) => {
            if let Ok(e) = g.exc_state.try_borrow() {
                val(out, &e);
            }
            // A suspended frame: its namespaces, locals and value stack. (A running
            // frame is on the VM's stack, whose references count as external.)
            g.frame_children(out, val);
        }
        Payload::Future(_) | Payload::Task(_) => crate::modules::aio::visit_future(&o.payload, out),
        Payload::Deque(d) => {
            if let Ok(d) = d.try_borrow() {
                d.items.iter().for_each(|v| val(out, v));
            }
        }
        _ => {}
    }
}

/// What an exception refers to: its args, cause and context, and the locals its
/// traceback keeps.
fn exc_children(e: &super::typ::ExcData, out: &mut Vec<Rc<Object>>) {
    if let Ok(a) = e.args.try_borrow() {
        a.iter().for_each(|v| val(out, v));
    }
    for link in [&e.cause, &e.context] {
        if let Ok(l) = link.try_borrow() {
            l.iter().for_each(|v| val(out, v));
        }
    }
    // Locals shared with a copy of the traceback (`__traceback__` read or assigned)
    // are not this exception's alone: counting them here could make a live object
    // look unreferenced, so they are left as held from outside.
    if let Ok(tb) = e.traceback.try_borrow() {
        for entry in tb.iter() {
            if let Some(l) = entry.locals.as_ref().filter(|l| Rc::strong_count(l) == 1) {
                l.iter().for_each(|v| val(out, v));
            }
        }
    }
}

/// For native payloads' visitors: push `v` if it is an object.
pub fn visit_value(out: &mut Vec<Rc<Object>>, v: &Value) {
    val(out, v)
}

fn val(out: &mut Vec<Rc<Object>>, v: &Value) {
    if let Value::Obj(c) = v {
        out.push(c.clone());
    }
}

/// Break unreachable cycles by emptying the containers in them.
fn clear(o: &Object) {
    // Values are moved out first and dropped after the borrow ends: dropping can free
    // other containers of the same cycle.
    let mut garbage: Vec<Value> = vec![];
    match &o.payload {
        Payload::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                garbage.extend(l.drain(..));
            }
        }
        Payload::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                let old = std::mem::take(&mut *d);
                drop(d);
                drop(old);
            }
        }
        Payload::Set(s) => {
            if let Ok(mut t) = s.table.try_borrow_mut() {
                let old = std::mem::take(&mut *t);
                drop(t);
                drop(old);
            }
        }
        Payload::Instance(i) => {
            // A dict object made by `obj.__dict__` is cleared as garbage of its own, if
            // it is; someone may still hold it.
            if let Ok(mut d) = i.inline_dict().try_borrow_mut() {
                let old = std::mem::take(&mut *d);
                drop(d);
                drop(old);
            }
            // An exception keeps its args and chain (what finalizers run after this,
            // like a task's "exception was never retrieved", still show); the frames'
            // locals its traceback keeps are what closes a cycle through it.
            if let Some(e) = i.exc() {
                if let Ok(mut tb) = e.traceback.try_borrow_mut() {
                    for entry in tb.iter_mut() {
                        if let Some(locals) = entry.locals.take() {
                            garbage.extend(locals.iter().cloned());
                        }
                    }
                }
            }
        }
        Payload::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                garbage.push(std::mem::replace(&mut *c, Value::Null));
            }
        }
        Payload::Type(t) => {
            if let Ok(mut d) = t.dict.try_borrow_mut() {
                let old = std::mem::take(&mut *d);
                drop(d);
                drop(old);
            }
        }
        Payload::Future(_) | Payload::Task(_) => {
            crate::modules::aio::clear_future(&o.payload, &mut garbage)
        }
        Payload::Deque(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                garbage.extend(d.items.drain(..));
            }
        }
        _ => {}
    }
    drop(garbage);
}

/// `gc.collect()`: returns how many unreachable tracked objects were found.
pub fn collect() -> usize {
    REGISTRY.with(|r| r.borrow_mut().collect_at = usize::MAX);
    let n = collect_now();
    let survivors = tracked_count();
    let floor = min_threshold_cached();
    // Stress mode stays frequent but not quadratic on large live sets.
    let next = if floor < 10_000 {
        survivors + floor.max(survivors / 4)
    } else {
        (survivors * 2).max(floor)
    };
    REGISTRY.with(|r| r.borrow_mut().collect_at = next);
    n
}

/// Did the last collection leave garbage intact for finalizers (`__del__`, a
/// generator's `finally`, a pending task's report) queued for the next safe point?
/// `gc.collect()` then runs them and collects again, as CPython's collector frees
/// what is still unreachable after its finalizers within the same collection.
pub fn left_to_finalizers() -> bool {
    LEFT_TO_FINALIZERS.with(|l| l.get())
}

fn collect_now() -> usize {
    let garbage = REGISTRY.with(|r| unreachable_objects(&r.borrow().tracked));
    LEFT_TO_FINALIZERS.with(|l| l.set(false));
    if garbage.is_empty() {
        return 0;
    }
    // Unreachable generators suspended in a try run their `finally` first (PEP 442):
    // their frames are queued for the next safe point. What those frames can reach is
    // left intact for them (CPython likewise spares what a finalizer resurrects); it is
    // freed by reference counting once they finish, or by a later collection.
    let mut spared: Vec<Rc<Object>> = vec![];
    let mut buf = vec![];
    for o in &garbage {
        // Unreachable instances with `__del__` are finalized first, intact, as in
        // CPython (PEP 442); a later collection frees them if they stay unreachable.
        if let Payload::Instance(inst) = &o.payload {
            if !o.finalized.get() && inst.class.payload_type().has_finalizer() {
                o.finalized.set(true);
                let _ = super::FINALIZABLE.try_with(|q| q.borrow_mut().push_back(o.clone()));
                crate::vm::signal_pending();
                spared.push(o.clone());
            }
            continue;
        }
        // Pending tasks are reported (CPython's Task.__del__), intact, likewise.
        if crate::modules::aio::queue_destroyed_pending(o) {
            spared.push(o.clone());
            continue;
        }
        let Payload::Generator(g) = &o.payload else {
            continue;
        };
        buf.clear();
        children(o, &mut buf);
        let frame = g.take_frame();
        if let Some(frame) = frame {
            let queued = g.retire(frame);
            g.state.set(crate::vm::generator::GenState::Closed);
            if queued {
                spared.append(&mut buf);
            }
        }
    }
    drop(buf);
    LEFT_TO_FINALIZERS.with(|l| l.set(!spared.is_empty()));
    let keep = spared_garbage(&garbage, spared);
    let dead: Vec<Rc<Object>> = garbage
        .into_iter()
        .zip(keep)
        .filter(|&(_, k)| !k)
        .map(|(o, _)| o)
        .collect();
    let n = dead.len();
    for o in &dead {
        clear(o);
    }
    n
}

/// Which of `garbage` is reachable from `spared` (objects left intact for finalizers
/// that have yet to run). Usually nothing is spared, and no lookup table is made.
fn spared_garbage(garbage: &[Rc<Object>], mut work: Vec<Rc<Object>>) -> Vec<bool> {
    let mut keep = vec![false; garbage.len()];
    if work.is_empty() {
        return keep;
    }
    let mut by_address: Vec<(*const Object, u32)> = garbage
        .iter()
        .enumerate()
        .map(|(i, o)| (Rc::as_ptr(o), i as u32))
        .collect();
    by_address.sort_unstable();
    let index = |c: &Rc<Object>| {
        by_address
            .binary_search_by_key(&Rc::as_ptr(c), |&(p, _)| p)
            .ok()
            .map(|at| by_address[at].1 as usize)
    };
    let mut buf = vec![];
    while let Some(o) = work.pop() {
        let Some(i) = index(&o) else { continue };
        if std::mem::replace(&mut keep[i], true) {
            continue;
        }
        buf.clear();
        children(&o, &mut buf);
        work.append(&mut buf);
    }
    keep
}

/// Trial deletion over the registry: the tracked objects that no reference from outside
/// the tracked set reaches, directly or through others, each with a strong reference.
///
/// Nothing is created or freed while this runs (`children` hands out clones whose
/// originals stay alive), so the registry's pointers are read in place: the scratch is
/// one 4-byte count per tracked object and a depth-first stack, where a copy of the
/// registry, a mark byte each and a list of every externally held object were 7 MiB
/// of memory.py's peak at 400,000 objects.
fn unreachable_objects(objs: &[*const Object]) -> Vec<Rc<Object>> {
    // SAFETY (both closures): registered objects are alive while their pointers are in
    // the registry, and this function frees nothing.
    let object = |i: usize| -> &Object { unsafe { &*objs[i] } };
    let index = |c: &Rc<Object>| -> Option<usize> {
        let slot = c.gc_slot.get() as usize;
        (slot < objs.len() && std::ptr::eq(objs[slot], Rc::as_ptr(c))).then_some(slot)
    };
    // References from outside the tracked set: the count minus references from other
    // tracked objects. Then REACHABLE marks what such references keep alive.
    const REACHABLE: i32 = i32::MIN;
    let mut refs: Vec<i32> = objs
        .iter()
        .map(|&p| {
            // SAFETY: as above; the Rc made from the pointer is never dropped.
            let rc = std::mem::ManuallyDrop::new(unsafe { Rc::from_raw(p) });
            Rc::strong_count(&rc).min(i32::MAX as usize) as i32
        })
        .collect();
    let mut buf = vec![];
    for i in 0..objs.len() {
        buf.clear();
        children(object(i), &mut buf);
        for c in &buf {
            if let Some(j) = index(c) {
                refs[j] -= 1;
            }
        }
    }
    let mut stack: Vec<u32> = vec![];
    for root in 0..objs.len() {
        if refs[root] <= 0 {
            continue;
        }
        refs[root] = REACHABLE;
        stack.push(root as u32);
        while let Some(i) = stack.pop() {
            buf.clear();
            children(object(i as usize), &mut buf);
            for c in &buf {
                if let Some(j) = index(c) {
                    if refs[j] != REACHABLE {
                        refs[j] = REACHABLE;
                        stack.push(j as u32);
                    }
                }
            }
        }
    }
    drop(buf);
    (0..objs.len())
        .filter(|&i| refs[i] != REACHABLE)
        .map(|i| {
            // SAFETY: a live registered object; this takes a new strong reference.
            unsafe {
                Rc::increment_strong_count(objs[i]);
                Rc::from_raw(objs[i])
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_containing_list_is_collected() {
        let l = Value::list(vec![]);
        let weak = Rc::downgrade(l.as_obj().unwrap());
        if let Some(Payload::List(items)) = l.payload() {
            items.borrow_mut().push(l.clone());
        }
        drop(l);
        assert!(
            weak.upgrade().is_some(),
            "a cycle survives reference counting"
        );
        assert!(collect() >= 1);
        assert!(weak.upgrade().is_none(), "the collector frees it");
    }

    #[test]
    fn externally_referenced_cycles_survive() {
        let a = Value::list(vec![]);
        let b = Value::list(vec![a.clone()]);
        if let Some(Payload::List(items)) = a.payload() {
            items.borrow_mut().push(b.clone());
        }
        let keep = a.clone();
        drop(a);
        drop(b);
        collect();
        match keep.payload() {
            Some(Payload::List(items)) => assert_eq!(items.borrow().len(), 1),
            _ => unreachable!(),
        }
    }
}
