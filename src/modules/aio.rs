//! `_asyncio`: the native core of asyncio, as CPython has one. Future and Task live
//! here, and so does the runner of the loop's ready queue, because these are what every
//! task switch goes through. Everything else (the loop's timers, gather, queues, locks)
//! is Python in `asyncio.py`, which registers its exception classes and repr helpers
//! here with `_setup`.
//!
//! A task switch: the ready queue holds the task itself (no handle per step); running it
//! resumes its coroutine with `send`, and a yielded Future gets the task as a done
//! callback (no bound method per await). Semantics and messages follow CPython 3.11's
//! `_asynciomodule.c` and `futures.py`/`tasks.py`.
//!
//! Borrowing rule: the objects' state sits in `Cell`/`RefCell` fields behind a shared
//! borrow of the `Opaque` payload; values are cloned out and every borrow ends before
//! Python code runs.

use super::collections;
use crate::object::Object;
use crate::object::{ExcKind, Payload, Property, PyErr, PyResult, TypeKind, Value};
use crate::vm::builtins::{kwarg, module_fn as f, split_kw, throw_gen};
use crate::vm::builtins_types::{add_attr, add_method, new_type};
use crate::vm::generator::GenKind;
use crate::vm::{Completion, Vm};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Pending,
    Cancelled,
    Finished,
}

/// A done-callback: a Python callable, or a task to wake.
#[derive(Clone)]
enum Callback {
    Py(Value),
    Wakeup(Value),
}

/// A future's done-callbacks. Nearly every future has at most one (the task awaiting
/// it), kept inline: a vector allocated per future cost 96 bytes per waiting task. 16
/// bytes: the task to wake is an object pointer and the list a thin box, so both fit
/// beside a Python callback's Value, whose tag tells the four apart.
#[derive(Default, Clone)]
enum Callbacks {
    #[default]
    None,
    Py(Value),
    Wakeup(Rc<Object>),
    // A thin pointer (a Vec itself is three words), so that the enum stays 16 bytes.
    #[allow(clippy::box_collection)]
    Many(Box<Vec<Callback>>),
}

impl Callbacks {
    fn push(&mut self, cb: Callback) {
        *self = match std::mem::take(self) {
            Callbacks::None => match cb {
                Callback::Py(f) => Callbacks::Py(f),
                Callback::Wakeup(Value::Obj(t)) => Callbacks::Wakeup(t),
                wakeup => Callbacks::Many(Box::new(vec![wakeup])),
            },
            Callbacks::Many(mut v) => {
                v.push(cb);
                Callbacks::Many(v)
            }
            one => Callbacks::Many(Box::new(vec![one.into_each().next().unwrap(), cb])),
        };
    }

    /// The callbacks in order (a Vec only when there are two or more).
    fn into_each(self) -> impl Iterator<Item = Callback> {
        let (one, many) = match self {
            Callbacks::None => (None, Vec::new()),
            Callbacks::Py(f) => (Some(Callback::Py(f)), Vec::new()),
            Callbacks::Wakeup(t) => (Some(Callback::Wakeup(Value::Obj(t))), Vec::new()),
            Callbacks::Many(v) => (None, *v),
        };
        one.into_iter().chain(many)
    }

    fn for_each_value(&self, mut f: impl FnMut(&Value)) {
        match self {
            Callbacks::None => {}
            Callbacks::Py(v) => f(v),
            Callbacks::Wakeup(t) => f(&Value::Obj(t.clone())),
            Callbacks::Many(cbs) => {
                for cb in cbs.iter() {
                    match cb {
                        Callback::Py(v) | Callback::Wakeup(v) => f(v),
                    }
                }
            }
        }
    }

    fn from_vec(mut v: Vec<Callback>) -> Callbacks {
        match v.len() {
            0 => Callbacks::None,
            1 => {
                let mut c = Callbacks::None;
                c.push(v.pop().unwrap());
                c
            }
            _ => Callbacks::Many(Box::new(v)),
        }
    }
}

/// A Core's callbacks: taken and replaced whole, never borrowed across a call (a
/// Cell, not a RefCell, so that a Future fits inline in its object).
struct CallbackCell(Cell<Callbacks>);

impl CallbackCell {
    fn take(&self) -> Callbacks {
        self.0.take()
    }

    fn set(&self, c: Callbacks) {
        drop(self.0.replace(c));
    }

    fn push(&self, cb: Callback) {
        let mut c = self.take();
        c.push(cb);
        self.set(c);
    }

    /// The callbacks in place, for reads that run no code (as `Slot::peek`).
    fn peek(&self) -> &Callbacks {
        // SAFETY: written only through `set`/`take`/`push`, none of which can run while
        // a reference from `peek` is in use (cloning or visiting values runs no code).
        unsafe { &*self.0.as_ptr() }
    }
}

/// A Value field of a Core or Task: 16 bytes where a `RefCell<Value>` takes 24. Reads
/// clone, writes replace: no borrow is ever held.
struct Slot(Cell<Value>);

impl Slot {
    fn new(v: Value) -> Slot {
        Slot(Cell::new(v))
    }

    fn get(&self) -> Value {
        self.peek().clone()
    }

    /// The value in place, for reads that finish before the next write (single thread;
    /// cloning a Value runs no code).
    fn peek(&self) -> &Value {
        // SAFETY: the Cell is only written through `set`/`take`/`get_mut`, none of which
        // can run while a reference from `peek` is in use within one expression or a
        // collector visit (which never writes).
        unsafe { &*self.0.as_ptr() }
    }

    /// Store `v`; the old value is dropped after the slot already holds `v`.
    fn set(&self, v: Value) {
        drop(self.0.replace(v));
    }

    fn take(&self) -> Value {
        self.0.replace(Value::None)
    }
}

/// A slot that holds an object: 8 bytes where a `Slot` is 16, which keeps a Future's
/// object in mimalloc's 96-byte class (the loop and its ready deque, in every future).
struct ObjSlot(Rc<Object>);

impl ObjSlot {
    /// `v` must be an object: a loop, or its `_ready` deque.
    fn new(v: Value, what: &str) -> PyResult<ObjSlot> {
        match v {
            Value::Obj(o) => Ok(ObjSlot(o)),
            _ => Err(PyErr::type_error(format!(
                "pyco: a future's {what} must be an object"
            ))),
        }
    }

    fn get(&self) -> Value {
        Value::Obj(self.0.clone())
    }

    fn is(&self, other: &ObjSlot) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The state of a Future, and the future half of a Task. Kept small: 100,000 waiting
/// tasks hold 100,000 tasks and as many futures. It is 64 bytes, inline in a Future's
/// object (`Payload::Future`); fields most futures never use are in `Rare`.
pub struct Core {
    state: Cell<State>,
    blocking: Cell<bool>,
    log_traceback: Cell<bool>,
    result: Slot,
    /// Its loop (whose ready deque `ready_queue` finds: the deque is not kept here,
    /// 8 bytes more per waiting task).
    loop_: ObjSlot,
    callbacks: CallbackCell,
    rare: RareBox,
}

/// The fields of a Core that only failed, cancelled or gather() futures use.
struct Rare {
    exception: Slot,
    cancel_message: Slot,
    cancelled_exc: Slot,
    /// gather()'s future: cancel() cancels the children instead.
    cancel_hook: Slot,
    /// A task's name, once set or asked for (until then its `TaskObj::number` stands
    /// for "Task-N").
    name: Slot,
}

/// A Core's `Rare` fields, allocated on the first write of a value other than None.
struct RareBox(Cell<Option<Box<Rare>>>);

impl RareBox {
    fn peek(&self) -> Option<&Rare> {
        // SAFETY: the box is only installed while empty (`get_or_init`) and removed
        // only by the collector's `Core::clear`, which runs no code and holds no `peek`
        // reference, so a reference from `peek` stays valid while it is used.
        unsafe { (*self.0.as_ptr()).as_deref() }
    }

    fn get_or_init(&self) -> &Rare {
        if self.peek().is_none() {
            self.0.set(Some(Box::new(Rare {
                exception: Slot::new(Value::None),
                cancel_message: Slot::new(Value::None),
                cancelled_exc: Slot::new(Value::None),
                cancel_hook: Slot::new(Value::None),
                name: Slot::new(Value::None),
            })));
        }
        self.peek().expect("just installed")
    }
}

/// Which `Rare` field a Core accessor reads or writes.
type RareField = fn(&Rare) -> &Slot;

impl Core {
    fn new(loop_: Value) -> PyResult<Core> {
        Ok(Core {
            state: Cell::new(State::Pending),
            blocking: Cell::new(false),
            log_traceback: Cell::new(false),
            result: Slot::new(Value::None),
            loop_: ObjSlot::new(loop_, "loop")?,
            callbacks: CallbackCell(Cell::new(Callbacks::None)),
            rare: RareBox(Cell::new(None)),
        })
    }

    fn get(&self, field: RareField) -> Value {
        self.rare.peek().map_or(Value::None, |r| field(r).get())
    }

    fn set(&self, field: RareField, v: Value) {
        if v.is_none() && self.rare.peek().is_none() {
            return;
        }
        field(self.rare.get_or_init()).set(v);
    }

    fn take(&self, field: RareField) -> Value {
        self.rare.peek().map_or(Value::None, |r| field(r).take())
    }

    /// Every Value the core holds, for the collector.
    fn visit(&self, mut v: impl FnMut(&Value)) {
        v(self.result.peek());
        v(&self.loop_.get());
        if let Some(r) = self.rare.peek() {
            for slot in [
                &r.exception,
                &r.cancel_message,
                &r.cancelled_exc,
                &r.cancel_hook,
                &r.name,
            ] {
                v(slot.peek());
            }
        }
        self.callbacks.peek().for_each_value(v);
    }

    /// Empty every field the collector may have to break a cycle through.
    fn clear(&self, garbage: &mut Vec<Value>) {
        garbage.push(self.result.take());
        if let Some(r) = self.rare.0.take() {
            for slot in [
                &r.exception,
                &r.cancel_message,
                &r.cancelled_exc,
                &r.cancel_hook,
                &r.name,
            ] {
                garbage.push(slot.take());
            }
        }
        for cb in self.callbacks.take().into_each() {
            match cb {
                Callback::Py(f) | Callback::Wakeup(f) => garbage.push(f),
            }
        }
    }
}

const EXCEPTION: RareField = |r| &r.exception;
const CANCEL_MESSAGE: RareField = |r| &r.cancel_message;
const CANCELLED_EXC: RareField = |r| &r.cancelled_exc;
const CANCEL_HOOK: RareField = |r| &r.cancel_hook;
const TASK_NAME: RareField = |r| &r.name;

pub struct FutureObj(Core);

/// A Task: its future half inline in the object (`Payload::Task`), the task's own
/// fields behind one pointer (a task inline whole would make every object bigger).
pub struct TaskObj {
    core: Core,
    fields: Box<TaskFields>,
}

impl std::ops::Deref for TaskObj {
    type Target = TaskFields;

    fn deref(&self) -> &TaskFields {
        &self.fields
    }
}

pub struct TaskFields {
    coro: Slot,
    /// N of a default name "Task-N" not made yet (0: the name is in `Rare`).
    number: Cell<u32>,
    fut_waiter: Slot,
    must_cancel: Cell<bool>,
    /// Queued on the ready deque to wake up from `fut_waiter`, which is done (the
    /// task itself is the entry; no Wakeup entry object per wakeup).
    woken: Cell<bool>,
    num_cancels: Cell<u32>,
    /// Report the task if it is freed while pending (`_log_destroy_pending`).
    log_destroy_pending: Cell<bool>,
    /// Its place in the order tasks were made: the collector reports the pending
    /// tasks it frees together in that order, as CPython's collector finalizes them.
    serial: u32,
}

/// `Future.__await__()`: yields the future once, then returns its result.
pub struct FutureIter {
    fut: Value,
    /// 0 before the first send, 1 after yielding the future, 2 finished.
    stage: Cell<u8>,
}

/// Ready-queue entries made by the core.
enum Entry {
    /// `callback(fut)` for a finished future.
    Call(Value, Value),
    /// Resume `task` because the future it waited on is done.
    Wakeup(Value, Value),
    /// Run `task`'s step with an exception to throw in (a bad yield).
    Throw(Value, Value),
}

/// What `asyncio.py` registers with `_setup`.
struct Registered {
    cancelled_error: Value,
    invalid_state_error: Value,
    get_event_loop: Value,
    future_repr: Value,
    task_repr: Value,
    iscoroutine: Value,
    states: [Value; 3],
    report_unretrieved: Value,
    report_destroyed_pending: Value,
}

/// A future freed with an exception nobody retrieved: (loop, is_task, name, coro, exc).
type Unretrieved = (Value, bool, Value, Value, Value);

thread_local! {
    static REG: RefCell<Option<Registered>> = const { RefCell::new(None) };
    static CURRENT_TASK: RefCell<Value> = const { RefCell::new(Value::None) };
    static TASK_COUNTER: Cell<u64> = const { Cell::new(0) };
    static TASK_SERIAL: Cell<u32> = const { Cell::new(0) };
    /// Task objects alive now (see `PARK_FROM_TASKS`).
    static LIVE_TASKS: Cell<usize> = const { Cell::new(0) };
    /// Tasks in creation order (weak: a finished task is freed as in CPython, where
    /// the registry is a WeakSet); finished ones are dropped when it is pruned.
    static ALL_TASKS: RefCell<WeakList> = const { RefCell::new(WeakList::new()) };
    static UNRETRIEVED: RefCell<Vec<Unretrieved>> = const { RefCell::new(Vec::new()) };
    /// Pending tasks the collector found unreachable, kept intact to be reported
    /// ("Task was destroyed but it is pending!", CPython's Task.__del__).
    static DESTROYED_PENDING: RefCell<Vec<Rc<Object>>> = const { RefCell::new(Vec::new()) };
    /// Async generators first iterated under a running loop (the loop's `_asyncgens`
    /// WeakSet in CPython), closed by `shutdown_asyncgens()`.
    static AGENS: RefCell<WeakList> = const { RefCell::new(WeakList::new()) };
}

/// Objects held weakly (CPython's WeakSets), pruned whenever the list has doubled.
struct WeakList {
    items: Vec<Weak<Object>>,
    prune_at: usize,
}

impl WeakList {
    const fn new() -> WeakList {
        WeakList {
            items: Vec::new(),
            prune_at: 64,
        }
    }

    /// Add `v`; a prune keeps the live objects that `keep` accepts.
    fn add(&mut self, v: &Value, keep: fn(&Value) -> bool) {
        let Some(o) = v.as_obj() else {
            return;
        };
        self.items.push(Rc::downgrade(o));
        if self.items.len() >= self.prune_at {
            self.items
                .retain(|w| w.upgrade().is_some_and(|o| keep(&Value::Obj(o))));
            self.prune_at = (2 * self.items.len()).max(64);
        }
    }

    fn discard(&mut self, v: &Value) {
        self.items
            .retain(|w| w.upgrade().is_some_and(|o| !Value::Obj(o).is(v)));
    }

    fn contains(&self, v: &Value) -> bool {
        self.live().iter().any(|o| o.is(v))
    }

    fn live(&self) -> Vec<Value> {
        self.items
            .iter()
            .filter_map(|w| w.upgrade().map(Value::Obj))
            .collect()
    }
}

impl TaskObj {
    /// A task's name; a default name is stored as its number until first asked for
    /// (most are never asked for, and 100,000 tasks would keep 100,000 strings).
    fn task_name(&self) -> Value {
        let n = self.number.replace(0);
        if n != 0 {
            self.set_name(Value::string(format!("Task-{}", n)));
        }
        self.core.get(TASK_NAME)
    }

    fn set_name(&self, name: Value) {
        self.number.set(0);
        self.core.set(TASK_NAME, name);
    }
}

/// On drop: queue the "exception was never retrieved" report (CPython's __del__).
/// `task` gives a task's name and coroutine.
fn note_unretrieved(c: &Core, task: Option<&TaskObj>) {
    if !c.log_traceback.replace(false) {
        return;
    }
    let (is_task, name, coro) = match task {
        Some(t) => (true, t.task_name(), t.coro.take()),
        None => (false, Value::None, Value::None),
    };
    let item = (c.loop_.get(), is_task, name, coro, c.take(EXCEPTION));
    let _ = UNRETRIEVED.try_with(|u| u.borrow_mut().push(item));
    crate::vm::signal_pending();
}

impl Drop for FutureObj {
    fn drop(&mut self) {
        note_unretrieved(&self.0, None);
    }
}

impl Drop for TaskObj {
    fn drop(&mut self) {
        let _ = LIVE_TASKS.try_with(|n| n.set(n.get().saturating_sub(1)));
        note_unretrieved(&self.core, Some(self));
    }
}

/// The collector found `o` unreachable: if it is a pending task not yet reported,
/// queue it to be reported as destroyed while pending and say so (the collector then
/// leaves it and what it reaches intact, as for a `__del__` method: the report shows
/// the task as it was; a later collection frees it).
pub fn queue_destroyed_pending(o: &Rc<Object>) -> bool {
    let Payload::Task(t) = &o.payload else {
        return false;
    };
    if o.finalized.get() || t.core.state.get() != State::Pending || !t.log_destroy_pending.get() {
        return false;
    }
    o.finalized.set(true);
    let queued = DESTROYED_PENDING.try_with(|q| q.borrow_mut().push(o.clone()));
    crate::vm::signal_pending();
    queued.is_ok()
}

/// Report pending tasks the collector found unreachable, then futures freed with
/// unretrieved exceptions (at a safe point of the loop).
pub fn report_unretrieved(vm: &mut Vm) {
    let mut tasks = DESTROYED_PENDING.with(|q| std::mem::take(&mut *q.borrow_mut()));
    if !tasks.is_empty() {
        tasks.sort_by_key(|o| match &o.payload {
            Payload::Task(t) => t.serial,
            _ => 0,
        });
        if let Ok(reporter) = reg(|r| r.report_destroyed_pending.clone()) {
            for task in tasks {
                if let Err(e) = vm.call_with(&reporter, [Value::Obj(task)]) {
                    let e = vm.materialize(e);
                    vm.report_unraisable(&e, "asyncio exception reporter");
                }
            }
        }
    }
    let items = UNRETRIEVED.with(|u| std::mem::take(&mut *u.borrow_mut()));
    if items.is_empty() {
        return;
    }
    let Ok(reporter) = reg(|r| r.report_unretrieved.clone()) else {
        return;
    };
    for (loop_, is_task, name, coro, exc) in items {
        let args = vec![loop_, Value::Bool(is_task), name, coro, exc];
        if let Err(e) = vm.call(&reporter, args, &[]) {
            let e = vm.materialize(e);
            vm.report_unraisable(&e, "asyncio exception reporter");
        }
    }
}

fn reg<R>(f: impl FnOnce(&Registered) -> R) -> PyResult<R> {
    REG.with(|r| match r.borrow().as_ref() {
        Some(reg) => Ok(f(reg)),
        None => Err(PyErr::runtime_error("_asyncio is not initialised")),
    })
}

/// An interned attribute name (no allocation per use).
macro_rules! name {
    ($s:literal) => {{
        thread_local!(static N: Value = Value::Str(crate::object::pystr::intern($s)));
        N.with(|n| n.clone())
    }};
}

fn opaque<T: 'static>(v: T) -> Value {
    Value::new_obj(Payload::Opaque(RefCell::new(Box::new(v))))
}

/// The core of a Future or Task.
fn core(v: &Value) -> Option<&Core> {
    match v.payload()? {
        Payload::Future(f) => Some(&f.0),
        Payload::Task(t) => Some(&t.core),
        _ => None,
    }
}

/// `fut.done()` of a Future or Task (`vm/quick.rs`); None for anything else.
pub(crate) fn is_done(v: &Value) -> Option<bool> {
    core(v).map(|c| c.state.get() != State::Pending)
}

/// The Task behind `v`.
fn task_of(v: &Value) -> Option<&TaskObj> {
    match v.payload()? {
        Payload::Task(t) => Some(t),
        _ => None,
    }
}

fn is_task(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Task(_)))
}

fn this(a: &[Value]) -> PyResult<&Core> {
    a.first()
        .and_then(core)
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_asyncio.Future' object"))
}

fn this_task(a: &[Value]) -> PyResult<&TaskObj> {
    a.first()
        .and_then(task_of)
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_asyncio.Task' object"))
}

fn invalid_state(vm: &mut Vm, msg: &str) -> PyErr {
    match reg(|r| r.invalid_state_error.clone()) {
        Ok(cls) => match vm.call_with(&cls, [Value::str(msg)]) {
            Ok(e) => PyErr::Obj(e),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

fn is_cancelled_error(vm: &mut Vm, e: &Value) -> bool {
    match reg(|r| r.cancelled_error.clone()) {
        Ok(cls) => crate::vm::builtins::isinstance(vm, e, &cls).unwrap_or(false),
        Err(_) => false,
    }
}

fn push_ready(ready: &Value, v: Value) -> PyResult<()> {
    collections::with(ready, |d| d.items.push_back(v))
}

// ----- Future -----

fn make_cancelled_error(vm: &mut Vm, fut: &Value) -> PyResult<Value> {
    let (stored, msg) = {
        let c = core(fut).ok_or_else(|| PyErr::type_error("not a future"))?;
        let stored = c.take(CANCELLED_EXC);
        let msg = c.get(CANCEL_MESSAGE);
        (stored, msg)
    };
    if !stored.is_none() {
        return Ok(stored);
    }
    let cls = reg(|r| r.cancelled_error.clone())?;
    let args = if msg.is_none() { vec![] } else { vec![msg] };
    vm.call(&cls, args, &[])
}

fn schedule_callbacks(fut: &Value) -> PyResult<()> {
    let (callbacks, ready) = {
        let c = core(fut).unwrap();
        (c.callbacks.take(), ready_queue(c)?)
    };
    for cb in callbacks.into_each() {
        let entry = match cb {
            Callback::Py(f) => Entry::Call(f, fut.clone()),
            Callback::Wakeup(t) => {
                let waits_here = task_of(&t).is_some_and(|c| {
                    let here = c.fut_waiter.peek().is(fut) && !c.woken.get();
                    if here {
                        c.woken.set(true);
                    }
                    here
                });
                if waits_here {
                    push_ready(&ready, t)?;
                    continue;
                }
                Entry::Wakeup(t, fut.clone())
            }
        };
        push_ready(&ready, opaque(entry))?;
    }
    Ok(())
}

fn add_callback(fut: &Value, cb: Callback) -> PyResult<()> {
    let (pending, ready) = {
        let c = core(fut).unwrap();
        (c.state.get() == State::Pending, ready_queue(c)?)
    };
    if pending {
        core(fut).unwrap().callbacks.push(cb);
        return Ok(());
    }
    let entry = match cb {
        Callback::Py(f) => Entry::Call(f, fut.clone()),
        Callback::Wakeup(t) => Entry::Wakeup(t, fut.clone()),
    };
    push_ready(&ready, opaque(entry))
}

fn future_result(vm: &mut Vm, fut: &Value) -> PyResult<Value> {
    let (state, exc, result) = {
        let c = core(fut).unwrap();
        let r = (c.state.get(), c.get(EXCEPTION), c.result.get());
        if r.0 == State::Finished {
            c.log_traceback.set(false);
        }
        r
    };
    match state {
        State::Finished if !exc.is_none() => Err(PyErr::Obj(exc)),
        State::Finished => Ok(result),
        State::Cancelled => Err(PyErr::Obj(make_cancelled_error(vm, fut)?)),
        State::Pending => Err(invalid_state(vm, "Result is not set.")),
    }
}

fn future_cancel(vm: &mut Vm, fut: &Value, msg: Value) -> PyResult<bool> {
    let (pending, hook) = {
        let c = core(fut).unwrap();
        let h = c.get(CANCEL_HOOK);
        if h.is_none() {
            c.log_traceback.set(false);
        }
        (c.state.get() == State::Pending, h)
    };
    if !hook.is_none() && pending {
        let r = vm.call_with(&hook, [msg])?;
        return vm.truthy(&r);
    }
    {
        let c = core(fut).unwrap();
        if c.state.get() != State::Pending {
            return Ok(false);
        }
        c.state.set(State::Cancelled);
        c.set(CANCEL_MESSAGE, msg);
    }
    schedule_callbacks(fut)?;
    Ok(true)
}

fn set_result_core(fut: &Value, v: Value) -> PyResult<()> {
    {
        let c = core(fut).unwrap();
        c.result.set(v);
        c.state.set(State::Finished);
    }
    schedule_callbacks(fut)
}

fn set_exception_core(fut: &Value, e: Value) -> PyResult<()> {
    {
        let c = core(fut).unwrap();
        c.set(EXCEPTION, e);
        c.state.set(State::Finished);
        c.log_traceback.set(true);
    }
    schedule_callbacks(fut)
}

/// `x.cancel(msg=msg)` for any future-like object.
fn cancel_any(vm: &mut Vm, x: &Value, msg: Value) -> PyResult<bool> {
    if core(x).is_some() {
        return if is_task(x) {
            task_cancel(vm, x, msg)
        } else {
            future_cancel(vm, x, msg)
        };
    }
    let m = vm.getattr(x, &name!("cancel"))?;
    let r = vm.call(&m, vec![msg], &[name!("msg")])?;
    vm.truthy(&r)
}

fn new_future(vm: &mut Vm, loop_: Value) -> PyResult<Core> {
    let loop_ = if loop_.is_none() {
        let gel = reg(|r| r.get_event_loop.clone())?;
        vm.call_with(&gel, [])?
    } else {
        loop_
    };
    // A loop without a ready deque is refused here, not when the future is done.
    ready_of(vm, &loop_)?;
    Core::new(loop_)
}

// ----- Task -----

fn task_cancel(vm: &mut Vm, task: &Value, msg: Value) -> PyResult<bool> {
    let waiter = {
        let t = task_of(task).unwrap();
        t.core.log_traceback.set(false);
        if t.core.state.get() != State::Pending {
            return Ok(false);
        }
        t.num_cancels.set(t.num_cancels.get().saturating_add(1));
        t.fut_waiter.get()
    };
    if !waiter.is_none() && cancel_any(vm, &waiter, msg.clone())? {
        return Ok(true);
    }
    let t = task_of(task).unwrap();
    t.must_cancel.set(true);
    t.core.set(CANCEL_MESSAGE, msg);
    Ok(true)
}

fn coro_send(vm: &mut Vm, coro: &Value, exc: Option<Value>) -> PyResult<Completion> {
    if let Some(Payload::Generator(_)) = coro.payload() {
        let g = coro.as_obj().unwrap().clone();
        return match exc {
            None => match vm.gen_send_native(g, Value::None)? {
                crate::vm::iterate::GenResult::Yield(v) => Ok(Completion::Yield(v)),
                crate::vm::iterate::GenResult::Return(v) => Ok(Completion::Return(v)),
            },
            Some(e) => throw_gen(vm, g, e),
        };
    }
    let (name, args) = match exc {
        None => ("send", vec![Value::None]),
        Some(e) => ("throw", vec![e]),
    };
    let m = vm.getattr(coro, &Value::str(name))?; // rare: not a native coroutine
    match vm.call(&m, args, &[]) {
        Ok(v) => Ok(Completion::Yield(v)),
        Err(e) => vm.stop_iteration_result(e).map(Completion::Return),
    }
}

fn task_step(vm: &mut Vm, task: &Value, exc: Option<Value>) -> PyResult<()> {
    let (pending, must_cancel) = {
        let t = task_of(task).unwrap();
        (t.core.state.get() == State::Pending, t.must_cancel.get())
    };
    if !pending {
        let tr = vm.repr(task)?;
        let er = vm.repr(exc.as_ref().unwrap_or(&Value::None))?;
        return Err(invalid_state(
            vm,
            &format!("_step(): already done: {}, {}", tr, er),
        ));
    }
    let mut exc = exc;
    if must_cancel {
        if !exc.as_ref().is_some_and(|e| is_cancelled_error(vm, e)) {
            exc = Some(make_cancelled_error(vm, task)?);
        }
        task_of(task).unwrap().must_cancel.set(false);
    }
    let coro = {
        let t = task_of(task).unwrap();
        t.fut_waiter.set(Value::None);
        t.coro.get()
    };
    let current = CURRENT_TASK.with(|c| c.borrow().clone());
    if !current.is_none() {
        let tr = vm.repr(task)?;
        let cr = vm.repr(&current)?;
        return Err(PyErr::runtime_error(format!(
            "Cannot enter into task {} while another task {} is being executed.",
            tr, cr
        )));
    }
    CURRENT_TASK.with(|c| *c.borrow_mut() = task.clone());
    let r = coro_send(vm, &coro, exc);
    CURRENT_TASK.with(|c| *c.borrow_mut() = Value::None);
    match r {
        Ok(Completion::Return(v)) => {
            let (must_cancel, msg) = {
                let t = task_of(task).unwrap();
                (t.must_cancel.get(), t.core.get(CANCEL_MESSAGE))
            };
            if must_cancel {
                // Cancelled right before the coroutine returned.
                task_of(task).unwrap().must_cancel.set(false);
                future_cancel(vm, task, msg)?;
            } else {
                set_result_core(task, v)?;
            }
            Ok(())
        }
        Err(e) => {
            let e = vm.materialize(e);
            if is_cancelled_error(vm, &e) {
                core(task).unwrap().set(CANCELLED_EXC, e);
                future_cancel(vm, task, Value::None)?;
                Ok(())
            } else if vm.is_instance_of_kind(&e, ExcKind::KeyboardInterrupt)
                || vm.is_instance_of_kind(&e, ExcKind::SystemExit)
            {
                set_exception_core(task, e.clone())?;
                Err(PyErr::Obj(e))
            } else {
                set_exception_core(task, e)
            }
        }
        Ok(Completion::Yield(y)) => task_yielded(vm, task, y),
    }
}

/// The coroutine yielded `y` up to its task: wait on it if it is a future.
fn task_yielded(vm: &mut Vm, task: &Value, y: Value) -> PyResult<()> {
    let ready = ready_queue(core(task).unwrap())?;
    if y.is_none() {
        // A bare yield (sleep(0)): run again on the next loop iteration.
        return push_ready(&ready, task.clone());
    }
    let new_exc = if let Some((same_loop, blocking)) = core(&y).map(|fc| {
        let tc = core(task).unwrap();
        let same = fc.loop_.is(&tc.loop_);
        (same, fc.blocking.get())
    }) {
        if !same_loop {
            let (tr, yr) = (vm.repr(task)?, vm.repr(&y)?);
            format!("Task {} got Future {} attached to a different loop", tr, yr)
        } else if !blocking {
            let (tr, yr) = (vm.repr(task)?, vm.repr(&y)?);
            format!(
                "yield was used instead of yield from in task {} with {}",
                tr, yr
            )
        } else if y.is(task) {
            format!("Task cannot await on itself: {}", vm.repr(task)?)
        } else {
            core(&y).unwrap().blocking.set(false);
            add_callback(&y, Callback::Wakeup(task.clone()))?;
            return wait_on(vm, task, y);
        }
    } else if let Some(blocking) = vm.getattr_opt(&y, &name!("_asyncio_future_blocking"))? {
        if blocking.is_none() {
            bad_yield(vm, task, &y)?
        } else if vm.truthy(&blocking)? {
            // A Python-level future.
            vm.setattr(&y, &name!("_asyncio_future_blocking"), Value::Bool(false))?;
            let wake = vm.getattr(task, &name!("_wakeup"))?;
            let add = vm.getattr(&y, &name!("add_done_callback"))?;
            vm.call_with(&add, [wake])?;
            return wait_on(vm, task, y);
        } else {
            let (tr, yr) = (vm.repr(task)?, vm.repr(&y)?);
            format!(
                "yield was used instead of yield from in task {} with {}",
                tr, yr
            )
        }
    } else {
        bad_yield(vm, task, &y)?
    };
    let e = vm.materialize(PyErr::runtime_error(new_exc));
    push_ready(&ready, opaque(Entry::Throw(task.clone(), e)))
}

fn bad_yield(vm: &mut Vm, task: &Value, y: &Value) -> PyResult<String> {
    let (tr, yr) = (vm.repr(task)?, vm.repr(y)?);
    if matches!(y.payload(), Some(Payload::Generator(g)) if g.kind == GenKind::Generator) {
        Ok(format!(
            "yield was used instead of yield from for generator in task {} with {}",
            tr, yr
        ))
    } else {
        Ok(format!("Task got bad yield: {}", yr))
    }
}

/// The task now waits on `fut`; a cancel requested meanwhile goes to `fut`.
fn wait_on(vm: &mut Vm, task: &Value, fut: Value) -> PyResult<()> {
    let (must_cancel, msg) = {
        let t = task_of(task).unwrap();
        t.fut_waiter.set(fut.clone());
        (t.must_cancel.get(), t.core.get(CANCEL_MESSAGE))
    };
    if must_cancel && cancel_any(vm, &fut, msg)? {
        task_of(task).unwrap().must_cancel.set(false);
    } else if LIVE_TASKS.with(|n| n.get()) >= PARK_FROM_TASKS {
        // It may wait for long, with many others: its frames shrink to what
        // resuming needs.
        let coro = task_of(task).unwrap().coro.get();
        vm.park_awaiting(&coro);
    }
    Ok(())
}

/// Waiting tasks park their frames (`Vm::park_awaiting`) once this many tasks are
/// alive. A parked frame saves about 100 bytes and costs about 350 instructions to
/// park and unpack: worth it when thousands of tasks wait at once (memory.py's two
/// frames per task, 304 -> 128 bytes), not for a few (async_queue's 20 tasks ran 4%
/// slower parked).
const PARK_FROM_TASKS: usize = 1000;

fn task_wakeup(vm: &mut Vm, task: &Value, fut: &Value) -> PyResult<()> {
    let r = if core(fut).is_some() {
        future_result(vm, fut)
    } else {
        let m = vm.getattr(fut, &name!("result"))?;
        vm.call_with(&m, [])
    };
    match r {
        Ok(_) => task_step(vm, task, None),
        Err(e) => {
            let e = vm.materialize(e);
            task_step(vm, task, Some(e))
        }
    }
}

fn register_task(task: &Value) {
    ALL_TASKS.with(|a| a.borrow_mut().add(task, is_pending));
}

/// A pending task still in `all_tasks()`: not one the collector found unreachable
/// (`queue_destroyed_pending` marks those finalized), as CPython's collector clears
/// the weak references to garbage before it calls finalizers.
fn is_pending(t: &Value) -> bool {
    core(t).is_some_and(|c| c.state.get() == State::Pending)
        && t.as_obj().is_some_and(|o| !o.finalized.get())
}

// ----- the ready queue -----

fn is_fatal(vm: &Vm, e: &Value) -> bool {
    vm.is_instance_of_kind(e, ExcKind::KeyboardInterrupt)
        || vm.is_instance_of_kind(e, ExcKind::SystemExit)
}

/// Run one ready entry; an ordinary error is reported through the loop's handler.
fn run_entry(vm: &mut Vm, loop_: &Value, h: Value) -> PyResult<()> {
    let entry = match h.payload() {
        Some(Payload::Task(_)) => None,
        Some(Payload::Opaque(b)) => match b.borrow().downcast_ref::<Entry>() {
            Some(Entry::Call(cb, fut)) => Some((0, cb.clone(), fut.clone())),
            Some(Entry::Wakeup(t, fut)) => Some((1, t.clone(), fut.clone())),
            Some(Entry::Throw(t, e)) => Some((2, t.clone(), e.clone())),
            None => Some((3, Value::None, Value::None)),
        },
        _ => Some((3, Value::None, Value::None)),
    };
    let (r, cb, args) = match entry {
        None => {
            let woken =
                task_of(&h).and_then(|t| t.woken.replace(false).then(|| t.fut_waiter.get()));
            let r = match woken {
                Some(fut) => task_wakeup(vm, &h, &fut),
                None => task_step(vm, &h, None),
            };
            (r, Value::None, vec![])
        }
        Some((0, cb, fut)) => (vm.call_with(&cb, [fut.clone()]).map(|_| ()), cb, vec![fut]),
        Some((1, t, fut)) => (task_wakeup(vm, &t, &fut), Value::None, vec![]),
        Some((2, t, e)) => (task_step(vm, &t, Some(e)), Value::None, vec![]),
        _ => {
            // A Python Handle from call_soon/call_later.
            let cancelled = vm.getattr(&h, &name!("_cancelled"))?;
            if vm.truthy(&cancelled)? {
                return Ok(());
            }
            let cb = vm.getattr(&h, &name!("_callback"))?;
            let args = vm.getattr(&h, &name!("_args"))?;
            let argv = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
            if let Err(e) = vm.call(&cb, argv, &[]) {
                let e = vm.materialize(e);
                if is_fatal(vm, &e) {
                    return Err(PyErr::Obj(e));
                }
                let m = vm.getattr(loop_, &name!("_callback_failed"))?;
                vm.call_with(&m, [h, e])?;
            }
            return Ok(());
        }
    };
    if let Err(e) = r {
        let e = vm.materialize(e);
        if is_fatal(vm, &e) {
            return Err(PyErr::Obj(e));
        }
        let m = vm.getattr(loop_, &name!("_native_callback_failed"))?;
        vm.call_with(&m, [cb, Value::tuple(args), e])?;
    }
    Ok(())
}

/// `_run_ready(loop, ready, ntodo)`: the inner loop of `BaseEventLoop._run_once`.
fn run_ready(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let (loop_, ready) = (a[0].clone(), a[1].clone());
    let ntodo = vm.index_value(&a[2])?;
    let (Some(l), Some(q)) = (loop_.as_obj(), ready.as_obj()) else {
        return Err(PyErr::type_error("_run_ready() takes a loop and its deque"));
    };
    // While its ready queue runs, the loop and the queue are at hand for the futures
    // made and finished meanwhile, without an attribute lookup each. (`loop_` and
    // `ready` hold the references that keep the pointers valid until they are reset.)
    let outer = RUNNING.with(|r| r.replace((Rc::as_ptr(l), Rc::as_ptr(q))));
    let mut r = Ok(Value::None);
    for _ in 0..ntodo {
        let h = match collections::with(&ready, |d| d.items.pop_front()) {
            Ok(Some(h)) => h,
            Ok(None) => break,
            Err(e) => {
                r = Err(e);
                break;
            }
        };
        if let Err(e) = run_entry(vm, &loop_, h) {
            r = Err(e);
            break;
        }
    }
    RUNNING.with(|r| r.set(outer));
    r
}

thread_local! {
    /// The loop whose ready queue `run_ready` is running, and that queue (null
    /// pointers when none runs); `run_ready` holds both objects meanwhile.
    static RUNNING: Cell<(*const Object, *const Object)> =
        const { Cell::new((std::ptr::null(), std::ptr::null())) };
}

/// The running loop's ready deque if `loop_` is the loop running its ready queue.
#[inline]
fn running_ready(loop_: &Rc<Object>) -> Option<Value> {
    let (l, ready) = RUNNING.with(Cell::get);
    if !std::ptr::eq(l, Rc::as_ptr(loop_)) {
        return None;
    }
    // SAFETY: `run_ready` holds a reference to the deque while RUNNING names it; this
    // takes one more for the caller.
    unsafe {
        Rc::increment_strong_count(ready);
        Some(Value::Obj(Rc::from_raw(ready)))
    }
}

/// `loop_`'s ready queue: the running one's without a lookup.
fn ready_of(vm: &mut Vm, loop_: &Value) -> PyResult<Value> {
    match loop_.as_obj().and_then(running_ready) {
        Some(ready) => Ok(ready),
        None => vm.getattr(loop_, &name!("_ready")),
    }
}

/// The ready deque of a future's loop: the running loop's without a lookup, else
/// the loop's own `_ready` (a plain attribute of pyco's loops; `new_future` checked
/// the loop has one).
///
/// Inlined: returned through memory, its result was written as two 8-byte stores and
/// read back as one 16-byte load, which the CPU cannot forward (perf: a fifth of
/// `task_step`'s time in async_tasks).
#[inline(always)]
fn ready_queue(c: &Core) -> PyResult<Value> {
    let loop_ = &c.loop_.0;
    if let Some(ready) = running_ready(loop_) {
        return Ok(ready);
    }
    loop_ready_attr(loop_)
}

/// `ready_queue` of a loop that is not running: its `_ready` attribute.
#[inline(never)]
fn loop_ready_attr(loop_: &Rc<Object>) -> PyResult<Value> {
    match &loop_.payload {
        Payload::Instance(inst) => match name!("_ready") {
            Value::Str(key) => inst.dict().borrow().get_str(&key).cloned(),
            _ => None,
        },
        _ => None,
    }
    .ok_or_else(|| PyErr::type_error("pyco: a future's loop has no _ready deque"))
}

/// Is `loop_` running its ready queue (`run_ready`) now?
fn is_running(loop_: &Value) -> bool {
    let l = RUNNING.with(Cell::get).0;
    loop_
        .as_obj()
        .is_some_and(|o| std::ptr::eq(l, Rc::as_ptr(o)))
}

// ----- FutureIter (the awaitable) -----

/// One step of awaiting `fut`, as CPython's FutureIter takes it: a pending future is
/// yielded to the task, which clears its `_asyncio_future_blocking` when it accepts
/// it; a done one ends the await with its result (as StopIteration).
fn future_send(vm: &mut Vm, fut: &Value) -> PyResult<Value> {
    let pending = {
        let c = core(fut).unwrap();
        let pending = c.state.get() == State::Pending;
        if pending && !c.blocking.replace(true) {
            return Ok(fut.clone());
        }
        pending
    };
    if pending {
        return Err(PyErr::runtime_error("await wasn't used with future"));
    }
    let v = future_result(vm, fut)?;
    Err(PyErr::stop_iteration(v))
}

/// `fut.__await__()`'s iterator: `future_send` until the future is done, then spent.
fn iter_send(vm: &mut Vm, it: &Value) -> PyResult<Value> {
    let (fut, stage) = iter_state(it)?;
    if stage == 2 {
        return Err(PyErr::stop_iteration(Value::None));
    }
    if core(&fut).is_some_and(|c| c.state.get() != State::Pending) {
        set_stage(it, 2);
    }
    future_send(vm, &fut)
}

fn iter_state(it: &Value) -> PyResult<(Value, u8)> {
    if let Some(Payload::Opaque(b)) = it.payload() {
        if let Some(fi) = b.borrow().downcast_ref::<FutureIter>() {
            return Ok((fi.fut.clone(), fi.stage.get()));
        }
    }
    Err(PyErr::type_error("expected a FutureIter"))
}

fn set_stage(it: &Value, stage: u8) {
    if let Some(Payload::Opaque(b)) = it.payload() {
        if let Some(fi) = b.borrow().downcast_ref::<FutureIter>() {
            fi.stage.set(stage);
        }
    }
}

/// `await fut` for a native Future or Task: the future itself is the awaiting frame's
/// delegate, and SEND steps it with `future_send`. CPython makes a FutureIter per
/// await; that object had no other use than holding the future (100,000 waiting tasks
/// held 100,000 of them), and `cr_await` still shows one (`delegate_view`).
pub fn native_await(v: &Value) -> Option<Value> {
    core(v)?;
    Some(v.clone())
}

/// What `gi_yieldfrom`/`cr_await` show for a frame's delegate: a native future
/// awaited in place appears as the FutureIter CPython would have there.
pub fn delegate_view(v: Value) -> Value {
    if core(&v).is_none() {
        return v;
    }
    opaque(FutureIter {
        fut: v,
        stage: Cell::new(0),
    })
}

/// SEND on an awaited native future, or on a Future's `__await__()` iterator, without
/// a method call.
pub fn try_iter_send(vm: &mut Vm, recv: &Value) -> Option<PyResult<Value>> {
    if core(recv).is_some() {
        return Some(future_send(vm, recv));
    }
    let is_iter = matches!(recv.payload(), Some(Payload::Opaque(b))
        if b.try_borrow().is_ok_and(|b| b.is::<FutureIter>()));
    is_iter.then(|| iter_send(vm, recv))
}

// ----- the module -----

fn prop(get: crate::object::NativeFn, set: Option<crate::object::NativeFn>) -> Value {
    Value::new_obj(Payload::Property(Property::new(
        f("getter", get),
        set.map(|s| f("setter", s)).unwrap_or(Value::None),
        Value::None,
    )))
}

fn state_value(c: &Core) -> PyResult<Value> {
    let i = match c.state.get() {
        State::Pending => 0,
        State::Cancelled => 1,
        State::Finished => 2,
    };
    reg(|r| r.states[i].clone())
}

/// Read-only properties giving a `Core` value field (`fut._result`, `task._coro`...).
macro_rules! value_props {
    ($t:expr, $($name:literal => $field:ident),* $(,)?) => {
        $(add_attr($t, $name, prop(|_, a, _| Ok(this(a)?.$field.get()), None));)*
    };
}

fn future_methods(t: &std::rc::Rc<crate::object::Object>) {
    add_method(t, "result", |vm, a, _| {
        this(a)?;
        future_result(vm, &a[0])
    });
    add_method(t, "exception", |vm, a, _| {
        let (state, exc) = {
            let c = this(a)?;

            (c.state.get(), c.get(EXCEPTION))
        };
        match state {
            State::Cancelled => Err(PyErr::Obj(make_cancelled_error(vm, &a[0])?)),
            State::Pending => Err(invalid_state(vm, "Exception is not set.")),
            State::Finished => {
                this(a)?.log_traceback.set(false);
                Ok(exc)
            }
        }
    });
    add_method(t, "done", |_, a, _| {
        Ok(Value::Bool(this(a)?.state.get() != State::Pending))
    });
    add_method(t, "cancelled", |_, a, _| {
        Ok(Value::Bool(this(a)?.state.get() == State::Cancelled))
    });
    add_method(t, "get_loop", |_, a, _| Ok(this(a)?.loop_.get()));
    add_method(t, "add_done_callback", |_, a, k| {
        let (pos, _) = split_kw(a, k);
        this(a)?;
        let Some(cb) = pos.get(1) else {
            return Err(PyErr::type_error(
                "add_done_callback() missing 1 required positional argument: 'fn'",
            ));
        };
        add_callback(&a[0], Callback::Py(cb.clone()))?;
        Ok(Value::None)
    });
    add_method(t, "remove_done_callback", |vm, a, _| {
        let cbs = this(a)?.callbacks.peek().clone();
        let target = a.get(1).cloned().unwrap_or(Value::None);
        let mut kept = Vec::new();
        let mut removed = 0;
        for cb in cbs.into_each() {
            let hit = match &cb {
                Callback::Py(f) => f.is(&target) || vm.eq(f, &target)?,
                Callback::Wakeup(_) => false,
            };
            if hit {
                removed += 1;
            } else {
                kept.push(cb);
            }
        }
        if removed > 0 {
            this(a)?.callbacks.set(Callbacks::from_vec(kept));
        }
        Ok(Value::Int(removed))
    });
    add_method(t, "_set_cancel_hook", |_, a, _| {
        this(a)?.set(CANCEL_HOOK, a.get(1).cloned().unwrap_or(Value::None));
        Ok(Value::None)
    });
    add_method(t, "_make_cancelled_error", |vm, a, _| {
        this(a)?;
        make_cancelled_error(vm, &a[0])
    });
    add_method(t, "__await__", |_, a, _| {
        this(a)?;
        Ok(opaque(FutureIter {
            fut: a[0].clone(),
            stage: Cell::new(0),
        }))
    });
    add_method(t, "__iter__", |_, a, _| {
        this(a)?;
        Ok(opaque(FutureIter {
            fut: a[0].clone(),
            stage: Cell::new(0),
        }))
    });
    add_attr(
        t,
        "_state",
        prop(
            |_, a, _| {
                let c = this(a)?;
                state_value(c)
            },
            None,
        ),
    );
    value_props!(
        t,
        "_result" => result,
        "_loop" => loop_,
    );
    add_attr(
        t,
        "_exception",
        prop(|_, a, _| Ok(this(a)?.get(EXCEPTION)), None),
    );
    add_attr(
        t,
        "_callbacks",
        prop(
            |_, a, _| {
                let c = this(a)?;
                let mut v = Vec::new();
                c.callbacks.peek().for_each_value(|f| v.push(f.clone()));
                Ok(if v.is_empty() {
                    Value::None
                } else {
                    Value::list(v)
                })
            },
            None,
        ),
    );
    add_attr(
        t,
        "_cancel_message",
        prop(
            |_, a, _| Ok(this(a)?.get(CANCEL_MESSAGE)),
            Some(|_, a, _| {
                this(a)?.set(CANCEL_MESSAGE, a[1].clone());
                Ok(Value::None)
            }),
        ),
    );
    add_attr(
        t,
        "_log_traceback",
        prop(
            |_, a, _| Ok(Value::Bool(this(a)?.log_traceback.get())),
            Some(|vm, a, _| {
                let b = vm.truthy(&a[1])?;
                this(a)?.log_traceback.set(b);
                Ok(Value::None)
            }),
        ),
    );
    add_attr(
        t,
        "_asyncio_future_blocking",
        prop(
            |_, a, _| Ok(Value::Bool(this(a)?.blocking.get())),
            Some(|vm, a, _| {
                let b = vm.truthy(&a[1])?;
                this(a)?.blocking.set(b);
                Ok(Value::None)
            }),
        ),
    );
    add_attr(t, "_source_traceback", Value::None);
}

fn task_methods(t: &std::rc::Rc<crate::object::Object>) {
    add_method(t, "cancel", |vm, a, k| {
        this(a)?;
        let (pos, kws) = split_kw(a, k);
        let msg = pos
            .get(1)
            .or_else(|| kwarg(&kws, "msg"))
            .cloned()
            .unwrap_or(Value::None);
        Ok(Value::Bool(task_cancel(vm, &a[0], msg)?))
    });
    add_method(t, "cancelling", |_, a, _| {
        Ok(Value::Int(this_task(a)?.num_cancels.get() as i64))
    });
    add_method(t, "uncancel", |_, a, _| {
        let c = this_task(a)?;
        if c.num_cancels.get() > 0 {
            c.num_cancels.set(c.num_cancels.get() - 1);
        }
        Ok(Value::Int(c.num_cancels.get() as i64))
    });
    add_method(t, "get_coro", |_, a, _| Ok(this_task(a)?.coro.get()));
    add_method(t, "get_name", |_, a, _| Ok(this_task(a)?.task_name()));
    add_method(t, "set_name", |vm, a, _| {
        this_task(a)?;
        let s = vm.str_of(a.get(1).unwrap_or(&Value::None))?;
        this_task(a)?.set_name(Value::string(s));
        Ok(Value::None)
    });
    add_method(t, "get_context", |_, _, _| Ok(Value::None));
    add_method(t, "get_stack", |_, _, _| Ok(Value::list(vec![])));
    add_method(t, "print_stack", |_, _, _| Ok(Value::None));
    add_method(t, "set_result", |_, _, _| {
        Err(PyErr::runtime_error(
            "Task does not support set_result operation",
        ))
    });
    add_method(t, "set_exception", |_, _, _| {
        Err(PyErr::runtime_error(
            "Task does not support set_exception operation",
        ))
    });
    add_method(t, "_wakeup", |vm, a, _| {
        this(a)?;
        let fut = a.get(1).cloned().unwrap_or(Value::None);
        task_wakeup(vm, &a[0], &fut)?;
        Ok(Value::None)
    });
    add_method(t, "__repr__", |vm, a, _| {
        let r = reg(|r| r.task_repr.clone())?;
        vm.call_with(&r, [a[0].clone()])
    });
    add_attr(
        t,
        "_coro",
        prop(|_, a, _| Ok(this_task(a)?.coro.get()), None),
    );
    add_attr(
        t,
        "_fut_waiter",
        prop(|_, a, _| Ok(this_task(a)?.fut_waiter.get()), None),
    );
    add_attr(
        t,
        "_name",
        prop(|_, a, _| Ok(this_task(a)?.task_name()), None),
    );
    add_attr(
        t,
        "_must_cancel",
        prop(
            |_, a, _| Ok(Value::Bool(this_task(a)?.must_cancel.get())),
            None,
        ),
    );
    add_attr(
        t,
        "_log_destroy_pending",
        prop(
            |_, a, _| Ok(Value::Bool(this_task(a)?.log_destroy_pending.get())),
            Some(|vm, a, _| {
                let b = vm.truthy(&a[1])?;
                this_task(a)?.log_destroy_pending.set(b);
                Ok(Value::None)
            }),
        ),
    );
    add_attr(
        t,
        "_num_cancels_requested",
        prop(
            |_, a, _| Ok(Value::Int(this_task(a)?.num_cancels.get() as i64)),
            None,
        ),
    );
}

fn future_new(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (_, kws) = split_kw(a, k);
    let loop_ = kwarg(&kws, "loop").cloned().unwrap_or(Value::None);
    make_future(vm, loop_)
}

/// A new pending Future of `loop_` (the running loop's when None).
fn make_future(vm: &mut Vm, loop_: Value) -> PyResult<Value> {
    let core = new_future(vm, loop_)?;
    Ok(Value::Obj(Object::new_inline(|| {
        Payload::Future(FutureObj(core))
    })))
}

fn task_new(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    let Some(coro) = pos.get(1).cloned() else {
        return Err(PyErr::type_error(
            "Task.__init__() missing 1 required positional argument: 'coro'",
        ));
    };
    let native_coro = matches!(coro.payload(), Some(Payload::Generator(g))
        if g.kind == GenKind::Coroutine
            || g.code.flags & crate::bytecode::flags::ITERABLE_COROUTINE != 0);
    if !native_coro {
        let isc = reg(|r| r.iscoroutine.clone())?;
        let ok = vm.call_with(&isc, [coro.clone()])?;
        if !vm.truthy(&ok)? {
            return Err(PyErr::type_error(format!(
                "a coroutine was expected, got {}",
                vm.repr(&coro)?
            )));
        }
    }
    let loop_ = kwarg(&kws, "loop").cloned().unwrap_or(Value::None);
    let c = new_future(vm, loop_)?;
    // A default name is kept as its number: the "Task-N" string is made when first
    // asked for.
    let (number, name) = match kwarg(&kws, "name") {
        Some(n) if !n.is_none() => (0, Value::string(vm.str_of(n)?)),
        _ => {
            let n = TASK_COUNTER.with(|c| {
                c.set(c.get() + 1);
                c.get()
            });
            match u32::try_from(n) {
                Ok(k) => (k, Value::None),
                Err(_) => (0, Value::string(format!("Task-{n}"))),
            }
        }
    };
    let loop_ = c.loop_.get();
    let ready = ready_queue(&c)?;
    // A loop running its ready queue cannot be closed (close() refuses).
    if !is_running(&loop_) {
        let closed = vm.getattr(&loop_, &name!("_closed"))?;
        if vm.truthy(&closed)? {
            return Err(PyErr::runtime_error("Event loop is closed"));
        }
    }
    let task = Value::new_obj(Payload::Task(TaskObj {
        core: c,
        fields: Box::new(TaskFields {
            coro: Slot::new(coro),
            number: Cell::new(number),
            fut_waiter: Slot::new(Value::None),
            must_cancel: Cell::new(false),
            woken: Cell::new(false),
            num_cancels: Cell::new(0),
            log_destroy_pending: Cell::new(true),
            serial: TASK_SERIAL.with(|c| {
                c.set(c.get().wrapping_add(1));
                c.get()
            }),
        }),
    }));
    if !name.is_none() {
        task_of(&task).unwrap().set_name(name);
    }
    push_ready(&ready, task.clone())?;
    register_task(&task);
    LIVE_TASKS.with(|n| n.set(n.get() + 1));
    Ok(task)
}

// ----- what the cycle collector sees (a task whose result is the task, ...) -----

/// The objects a Future or Task refers to, for the cycle collector.
pub fn visit_future(p: &Payload, out: &mut Vec<Rc<Object>>) {
    use crate::object::gc::visit_value;
    let mut v = |x: &Value| visit_value(out, x);
    match p {
        Payload::Task(t) => {
            t.core.visit(&mut v);
            for slot in [&t.coro, &t.fut_waiter] {
                v(slot.peek());
            }
        }
        Payload::Future(f) => f.0.visit(v),
        _ => {}
    }
}

/// Break a garbage cycle through a Future or Task: move out what it refers to.
pub fn clear_future(p: &Payload, garbage: &mut Vec<Value>) {
    // Freed by the collector: report an unretrieved exception as a drop would.
    match p {
        Payload::Task(t) => {
            note_unretrieved(&t.core, Some(t));
            t.core.clear(garbage);
            garbage.push(t.coro.take());
            garbage.push(t.fut_waiter.take());
        }
        Payload::Future(f) => {
            note_unretrieved(&f.0, None);
            f.0.clear(garbage);
        }
        _ => {}
    }
}

pub fn module(vm: &mut Vm) -> Value {
    // Ready-queue entries and await iterators are short-lived and held by frames,
    // which the collector does not look into: not tracked.
    let object = vm.types.object.clone();
    let future = new_type("Future", TypeKind::Opaque, Some(&object));
    add_attr(&future, "__new__", f("__new__", future_new));
    future_methods(&future);
    add_method(&future, "cancel", |vm, a, k| {
        this(a)?;
        let (pos, kws) = split_kw(a, k);
        let msg = pos
            .get(1)
            .or_else(|| kwarg(&kws, "msg"))
            .cloned()
            .unwrap_or(Value::None);
        Ok(Value::Bool(future_cancel(vm, &a[0], msg)?))
    });
    add_method(&future, "set_result", |vm, a, _| {
        if this(a)?.state.get() != State::Pending {
            return Err(invalid_state(vm, "invalid state"));
        }
        set_result_core(&a[0], a.get(1).cloned().unwrap_or(Value::None))?;
        Ok(Value::None)
    });
    add_method(&future, "set_exception", |vm, a, _| {
        if this(a)?.state.get() != State::Pending {
            return Err(invalid_state(vm, "invalid state"));
        }
        let mut e = a.get(1).cloned().unwrap_or(Value::None);
        if let Some(Payload::Type(_)) = e.payload() {
            e = vm.call_with(&e, [])?;
        }
        if !vm.is_exception(&e) {
            return Err(PyErr::type_error("invalid exception object"));
        }
        if vm.type_of(&e).payload_type().name.as_ref() == "StopIteration" {
            return Err(PyErr::type_error(
                "StopIteration interacts badly with generators and cannot be raised into a Future",
            ));
        }
        set_exception_core(&a[0], e)?;
        Ok(Value::None)
    });
    add_method(&future, "__repr__", |vm, a, _| {
        let r = reg(|r| r.future_repr.clone())?;
        vm.call_with(&r, [a[0].clone()])
    });
    let task = new_type("Task", TypeKind::Opaque, Some(&future));
    add_attr(&task, "__new__", f("__new__", task_new));
    task_methods(&task);

    let iter = new_type("FutureIter", TypeKind::Opaque, Some(&object));
    add_method(&iter, "__iter__", |_, a, _| Ok(a[0].clone()));
    add_method(&iter, "__next__", |vm, a, _| iter_send(vm, &a[0]));
    add_method(&iter, "send", |vm, a, _| iter_send(vm, &a[0]));
    add_method(&iter, "throw", |vm, a, _| {
        set_stage(&a[0], 2);
        let e = crate::vm::builtins::throw_args_to_exc(vm, &a[1..])?;
        Err(PyErr::Obj(e))
    });
    add_method(&iter, "close", |_, a, _| {
        set_stage(&a[0], 2);
        Ok(Value::None)
    });
    let handle = new_type("TaskStepMethWrapper", TypeKind::Opaque, Some(&object));
    {
        let mut ot = vm.types.opaque_types.borrow_mut();
        let _ = vm.types.future.set(future.clone());
        let _ = vm.types.task.set(task.clone());
        ot.push((std::any::TypeId::of::<FutureIter>(), iter));
        ot.push((std::any::TypeId::of::<Entry>(), handle));
    }
    vm.new_module(
        "_asyncio",
        vec![
            ("Future", Value::Obj(future)),
            ("Task", Value::Obj(task)),
            ("_setup", f("_setup", setup)),
            // loop.create_future(): Future(loop=loop) without the class call's
            // __new__ lookup and keyword parsing (one per await on a queue or lock).
            (
                "_new_future",
                f("_new_future", |vm, a, _| {
                    make_future(vm, a.first().cloned().unwrap_or(Value::None))
                }),
            ),
            ("_run_ready", f("_run_ready", run_ready)),
            (
                "current_task",
                f("current_task", |_, _, _| {
                    Ok(CURRENT_TASK.with(|c| c.borrow().clone()))
                }),
            ),
            (
                "_swap_current_task",
                f("_swap_current_task", |_, a, _| {
                    let t = a.first().cloned().unwrap_or(Value::None);
                    Ok(CURRENT_TASK.with(|c| std::mem::replace(&mut *c.borrow_mut(), t)))
                }),
            ),
            (
                "_pending_tasks",
                f("_pending_tasks", |_, _, _| {
                    let live = ALL_TASKS.with(|a| a.borrow().live());
                    Ok(Value::list(live.into_iter().filter(is_pending).collect()))
                }),
            ),
            (
                "_register_task",
                f("_register_task", |_, a, _| {
                    let t = a.first().cloned().unwrap_or(Value::None);
                    if !ALL_TASKS.with(|a| a.borrow().contains(&t)) {
                        register_task(&t);
                    }
                    Ok(Value::None)
                }),
            ),
            (
                "_unregister_task",
                f("_unregister_task", |_, a, _| {
                    let t = a.first().cloned().unwrap_or(Value::None);
                    ALL_TASKS.with(|x| x.borrow_mut().discard(&t));
                    Ok(Value::None)
                }),
            ),
            (
                "_agens_add",
                f("_agens_add", |_, a, _| {
                    let g = a.first().cloned().unwrap_or(Value::None);
                    AGENS.with(|x| x.borrow_mut().add(&g, |_| true));
                    Ok(Value::None)
                }),
            ),
            (
                "_agens_discard",
                f("_agens_discard", |_, a, _| {
                    let t = a.first().cloned().unwrap_or(Value::None);
                    AGENS.with(|x| x.borrow_mut().discard(&t));
                    Ok(Value::None)
                }),
            ),
            (
                "_agens_take",
                f("_agens_take", |_, _, _| {
                    let live = AGENS
                        .with(|x| std::mem::replace(&mut *x.borrow_mut(), WeakList::new()).live());
                    Ok(Value::list(live))
                }),
            ),
            (
                "_in_repl",
                f("_in_repl", |vm, _, _| Ok(Value::Bool(vm.interactive))),
            ),
            (
                "_defer_sigint",
                f("_defer_sigint", |vm, a, _| {
                    use std::sync::atomic::Ordering;
                    let on = vm.truthy(a.first().unwrap_or(&Value::None))?;
                    crate::vm::SIGINT_DEFERRED.store(on, Ordering::SeqCst);
                    crate::vm::SIGINT_COUNT.store(0, Ordering::SeqCst);
                    crate::vm::SIGINT_SEEN.store(false, Ordering::SeqCst);
                    Ok(Value::None)
                }),
            ),
            (
                "_take_sigint",
                f("_take_sigint", |_, _, _| {
                    let seen =
                        crate::vm::SIGINT_SEEN.swap(false, std::sync::atomic::Ordering::SeqCst);
                    Ok(Value::Bool(seen))
                }),
            ),
            (
                "_format_exception",
                f("_format_exception", |vm, a, _| {
                    let e = a.first().cloned().unwrap_or(Value::None);
                    Ok(Value::string(vm.format_exception(&e)))
                }),
            ),
            (
                "_next_task_number",
                f("_next_task_number", |_, _, _| {
                    Ok(Value::Int(TASK_COUNTER.with(|c| {
                        c.set(c.get() + 1);
                        c.get()
                    }) as i64))
                }),
            ),
        ],
    )
}

/// `_setup(CancelledError, InvalidStateError, get_event_loop, future_repr, task_repr,
/// iscoroutine, PENDING, CANCELLED, FINISHED, report_unretrieved,
/// report_destroyed_pending)`.
fn setup(_: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    if a.len() != 11 {
        return Err(PyErr::type_error("_setup() takes 11 arguments"));
    }
    REG.with(|r| {
        *r.borrow_mut() = Some(Registered {
            cancelled_error: a[0].clone(),
            invalid_state_error: a[1].clone(),
            get_event_loop: a[2].clone(),
            future_repr: a[3].clone(),
            task_repr: a[4].clone(),
            iscoroutine: a[5].clone(),
            states: [a[6].clone(), a[7].clone(), a[8].clone()],
            report_unretrieved: a[9].clone(),
            report_destroyed_pending: a[10].clone(),
        })
    });
    Ok(Value::None)
}
#[cfg(test)]
mod tests {
    /// 100,000 waiting tasks hold 100,000 Tasks and as many Futures: both are inline
    /// in a Payload (objects in mimalloc's 96-byte class), a Task's own fields in the
    /// 48-byte class.
    #[test]
    fn future_and_task_cores_stay_small() {
        assert!(std::mem::size_of::<super::FutureObj>() <= 64);
        assert!(std::mem::size_of::<super::TaskObj>() <= 64);
        assert!(std::mem::size_of::<super::TaskFields>() <= 48);
    }
}
