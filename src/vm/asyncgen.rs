//! The awaitables that drive async generators (`__anext__`, `asend`, `athrow`,
//! `aclose`), how they tell an async generator's own `yield` apart from a `yield` that
//! comes up from an `await` inside it, and `coroutine.__await__()`.
//!
//! An async generator's frame yields two kinds of values: its own `yield x` (marked by
//! the ASYNC_GEN_WRAP before the YIELD_VALUE: CPython wraps the value in an object,
//! pyco sets `Vm::async_gen_own_yield`, and no object is made per item) and raw ones
//! (an event-loop future passed up from an `await`). The awaitable returned by
//! `__anext__`/`asend` resumes the frame: a raw value is passed on up to whoever drives
//! the coroutine, an own one ends the awaitable with `StopIteration(x)`, and a return
//! ends it with `StopAsyncIteration`. These follow CPython 3.11's `genobject.c` state
//! machines and messages.

use super::builtins::{close_gen, throw_args_to_exc, throw_gen};
use super::builtins_types::{add_method, new_type};
use super::dispatch::gen_of;
use super::generator::{GenKind, GenState};
use super::{Completion, Vm};
use crate::object::{ExcKind, Object, Payload, PyErr, PyResult, TypeKind, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// `coroutine.__await__()`: an iterator over the coroutine (`coroutine_wrapper`).
pub struct CoroWrapper {
    pub coro: Rc<Object>,
}

#[derive(Clone)]
enum OpKind {
    /// `__anext__()` / `asend(v)`.
    Send(Value),
    /// `athrow(exc)`.
    Throw(Value),
    /// `aclose()`.
    Close,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OpState {
    Init,
    Iter,
    Closed,
}

/// The awaitable returned by `__anext__`, `asend`, `athrow` and `aclose`.
pub struct AsyncGenOp {
    agen: Rc<Object>,
    kind: OpKind,
    state: OpState,
}

fn opaque<T: 'static>(v: T) -> Value {
    Value::new_obj(Payload::Opaque(RefCell::new(Box::new(v))))
}

/// Whether what an async generator just yielded is its own `yield x` (ASYNC_GEN_WRAP
/// ran), and not a value passed up from an `await`; the mark is cleared. Taken as soon
/// as the generator's frame comes back, whatever it did (an error or a return leaves
/// no mark behind for the next yield to misread).
fn own_yield(vm: &mut Vm) -> bool {
    std::mem::take(&mut vm.async_gen_own_yield)
}

/// The coroutine behind a `coroutine_wrapper`, if `v` is one.
pub fn wrapped_coroutine(v: &Value) -> Option<Rc<Object>> {
    match v.payload() {
        Some(Payload::Opaque(b)) => b
            .borrow()
            .downcast_ref::<CoroWrapper>()
            .map(|w| w.coro.clone()),
        _ => None,
    }
}

/// `agen.__anext__()`: the awaitable for the next item.
pub fn anext_awaitable(vm: &mut Vm, agen: Rc<Object>) -> PyResult<Value> {
    init_hooks(vm, &agen)?;
    Ok(new_op(agen, OpKind::Send(Value::None)))
}

/// CPython's `async_gen_init_hooks`: on first use, remember whether a finalizer is set
/// and call the firstiter hook (asyncio registers the generator for shutdown).
fn init_hooks(vm: &mut Vm, agen: &Rc<Object>) -> PyResult<()> {
    let gen = gen_of(agen);
    if gen.ag_hooks_inited.get() {
        return Ok(());
    }
    gen.ag_hooks_inited.set(true);
    let (firstiter, finalizer) = vm.asyncgen_hooks.clone();
    gen.ag_has_finalizer.set(!finalizer.is_none());
    if !firstiter.is_none() {
        vm.call_with(&firstiter, [Value::Obj(agen.clone())])?;
    }
    Ok(())
}

/// `athrow()`/`aclose()` awaitables: the same machine under CPython's other type name.
pub struct AthrowOp(AsyncGenOp);

fn new_op(agen: Rc<Object>, kind: OpKind) -> Value {
    let op = AsyncGenOp {
        agen,
        kind,
        state: OpState::Init,
    };
    match op.kind {
        OpKind::Send(_) => opaque(op),
        _ => opaque(AthrowOp(op)),
    }
}

fn with_op<R>(v: &Value, f: impl FnOnce(&mut AsyncGenOp) -> R) -> Option<R> {
    let Some(Payload::Opaque(b)) = v.payload() else {
        return None;
    };
    let mut b = b.borrow_mut();
    if b.is::<AsyncGenOp>() {
        return b.downcast_mut::<AsyncGenOp>().map(f);
    }
    b.downcast_mut::<AthrowOp>().map(|o| f(&mut o.0))
}

fn read_op(v: &Value) -> PyResult<(Rc<Object>, OpKind, OpState)> {
    with_op(v, |op| (op.agen.clone(), op.kind.clone(), op.state))
        .ok_or_else(|| PyErr::type_error("expected an async generator awaitable"))
}

fn set_state(v: &Value, state: OpState) {
    with_op(v, |op| op.state = state);
}

fn is_kind(vm: &mut Vm, e: PyErr, kinds: &[ExcKind]) -> (Value, bool) {
    let e = vm.materialize(e);
    let hit = kinds.iter().any(|k| vm.is_instance_of_kind(&e, *k));
    (e, hit)
}

/// Resume the async generator's frame with `v` (CPython's `gen_send_ex`).
fn agen_send(vm: &mut Vm, agen: &Rc<Object>, v: Value) -> PyResult<Completion> {
    let gen = gen_of(agen);
    match gen.state.get() {
        GenState::Running => {
            return Err(PyErr::value_error("async generator already executing"));
        }
        GenState::Closed => {
            return Err(PyErr::with_args(ExcKind::StopAsyncIteration, vec![]));
        }
        GenState::Created if !v.is_none() => {
            return Err(PyErr::type_error(
                "can't send non-None value to a just-started async generator",
            ));
        }
        _ => {}
    }
    match vm.gen_send_native(agen.clone(), v)? {
        super::iterate::GenResult::Yield(y) => Ok(Completion::Yield(y)),
        super::iterate::GenResult::Return(r) => Ok(Completion::Return(r)),
    }
}

/// CPython's `async_gen_unwrap_value`: a wrapped yield finishes the awaitable with
/// StopIteration, a return with StopAsyncIteration; a raw yield passes through.
/// `own`: the generator's `own_yield` mark, taken as it came back.
fn unwrap_result(
    vm: &mut Vm,
    agen: &Rc<Object>,
    r: PyResult<Completion>,
    own: bool,
) -> PyResult<Value> {
    let gen = gen_of(agen);
    match r {
        Ok(Completion::Yield(v)) => {
            if own {
                gen.running_async.set(false);
                Err(PyErr::stop_iteration(v))
            } else {
                Ok(v)
            }
        }
        Ok(Completion::Return(_)) => {
            gen.running_async.set(false);
            gen.ag_closed.set(true);
            Err(PyErr::with_args(ExcKind::StopAsyncIteration, vec![]))
        }
        Err(e) => {
            gen.running_async.set(false);
            let (e, hit) = is_kind(
                vm,
                e,
                &[ExcKind::StopAsyncIteration, ExcKind::GeneratorExit],
            );
            if hit {
                gen.ag_closed.set(true);
            }
            Err(PyErr::Obj(e))
        }
    }
}

/// SEND on an async-generator awaitable, if `v` is one.
pub fn try_op_send(vm: &mut Vm, op: &Value, arg: Value) -> Option<PyResult<Value>> {
    with_op(op, |_| ())?;
    Some(op_send(vm, op, arg))
}

/// SEND of `arg` to `op`, where the loop can resume the async generator itself: an
/// `__anext__()`/`asend()` awaitable, not finished, whose generator is suspended (or
/// not started, sent None) and not already running an awaitable. The awaitable is
/// marked running as `asend_send` marks it, and the generator and the value to
/// resume it with are returned, for a frame with `Ret::AsyncSend` (what its yields and
/// its return mean is `asend_yielded` and `asend_ended`). None: anything else, left to
/// `op_send`, with nothing changed.
pub(crate) fn asend_in_loop(op: &Value, arg: &Value) -> Option<(Rc<Object>, Value)> {
    with_op(op, |o| {
        let OpKind::Send(sendval) = &o.kind else {
            return None;
        };
        let gen = gen_of(&o.agen);
        let sent = match o.state {
            OpState::Init if gen.running_async.get() => return None,
            OpState::Init if arg.is_none() => sendval.clone(),
            OpState::Init | OpState::Iter => arg.clone(),
            OpState::Closed => return None,
        };
        match gen.state.get() {
            GenState::Suspended => {}
            GenState::Created if sent.is_none() => {}
            _ => return None,
        }
        o.state = OpState::Iter;
        gen.running_async.set(true);
        Some((o.agen.clone(), sent))
    })
    .flatten()
}

/// A frame resumed by `asend_in_loop` yielded: an own yield (`own`, the item) finishes
/// the awaitable, whose SEND then gets the item as its result; a raw one (a future
/// passed up from an `await`) leaves it running. True: finished.
pub(crate) fn asend_yielded(op: &Value, own: bool) -> bool {
    if own {
        asend_ended(op, false);
    }
    own
}

/// A frame resumed by `asend_in_loop` returned or raised: the awaitable is finished,
/// and with it the generator when it returned or raised StopAsyncIteration or
/// GeneratorExit (`closed`), as `unwrap_result` does.
pub(crate) fn asend_ended(op: &Value, closed: bool) {
    with_op(op, |o| {
        o.state = OpState::Closed;
        let gen = gen_of(&o.agen);
        gen.running_async.set(false);
        if closed {
            gen.ag_closed.set(true);
        }
    });
}

fn op_send(vm: &mut Vm, op: &Value, arg: Value) -> PyResult<Value> {
    let (agen, kind, state) = read_op(op)?;
    match kind {
        OpKind::Send(sendval) => asend_send(vm, op, agen, sendval, state, arg),
        OpKind::Throw(_) | OpKind::Close => athrow_send(vm, op, agen, kind, state, arg),
    }
}

fn asend_send(
    vm: &mut Vm,
    op: &Value,
    agen: Rc<Object>,
    sendval: Value,
    state: OpState,
    mut arg: Value,
) -> PyResult<Value> {
    if state == OpState::Closed {
        return Err(PyErr::runtime_error(
            "cannot reuse already awaited __anext__()/asend()",
        ));
    }
    let gen = gen_of(&agen);
    if state == OpState::Init {
        if gen.running_async.get() {
            return Err(PyErr::runtime_error(
                "anext(): asynchronous generator is already running",
            ));
        }
        if arg.is_none() {
            arg = sendval;
        }
        set_state(op, OpState::Iter);
    }
    gen.running_async.set(true);
    let r = agen_send(vm, &agen, arg);
    let own = own_yield(vm);
    let r = unwrap_result(vm, &agen, r, own);
    if r.is_err() {
        set_state(op, OpState::Closed);
    }
    r
}

fn athrow_send(
    vm: &mut Vm,
    op: &Value,
    agen: Rc<Object>,
    kind: OpKind,
    state: OpState,
    arg: Value,
) -> PyResult<Value> {
    let closing = matches!(kind, OpKind::Close);
    if state == OpState::Closed {
        return Err(PyErr::runtime_error(
            "cannot reuse already awaited aclose()/athrow()",
        ));
    }
    let gen = gen_of(&agen);
    if gen.state.get() == GenState::Closed {
        set_state(op, OpState::Closed);
        return Err(PyErr::stop_iteration(Value::None));
    }
    let r = if state == OpState::Init {
        if gen.running_async.get() {
            set_state(op, OpState::Closed);
            return Err(PyErr::runtime_error(if closing {
                "aclose(): asynchronous generator is already running"
            } else {
                "athrow(): asynchronous generator is already running"
            }));
        }
        if gen.ag_closed.get() {
            set_state(op, OpState::Closed);
            return Err(PyErr::with_args(ExcKind::StopAsyncIteration, vec![]));
        }
        if !arg.is_none() {
            return Err(PyErr::runtime_error(
                "can't send non-None value to a just-started coroutine",
            ));
        }
        set_state(op, OpState::Iter);
        gen.running_async.set(true);
        let exc = match kind {
            OpKind::Throw(e) => e,
            _ => {
                gen.ag_closed.set(true);
                vm.materialize(PyErr::with_args(ExcKind::GeneratorExit, vec![]))
            }
        };
        throw_gen(vm, agen.clone(), exc)
    } else {
        agen_send(vm, &agen, arg)
    };
    let own = own_yield(vm);
    athrow_result(vm, op, &agen, closing, r, own)
}

/// Interpret what the generator did after `athrow`/`aclose` resumed it.
fn athrow_result(
    vm: &mut Vm,
    op: &Value,
    agen: &Rc<Object>,
    closing: bool,
    r: PyResult<Completion>,
    own: bool,
) -> PyResult<Value> {
    let gen = gen_of(agen);
    let r = if closing {
        match r {
            Ok(Completion::Yield(v)) => {
                if own {
                    gen.running_async.set(false);
                    set_state(op, OpState::Closed);
                    return Err(PyErr::runtime_error(
                        "async generator ignored GeneratorExit",
                    ));
                }
                return Ok(v);
            }
            Ok(Completion::Return(_)) => Err(PyErr::with_args(ExcKind::StopAsyncIteration, vec![])),
            Err(e) => Err(e),
        }
    } else {
        unwrap_result(vm, agen, r, own)
    };
    match r {
        Ok(v) => Ok(v),
        Err(e) => {
            gen.running_async.set(false);
            set_state(op, OpState::Closed);
            let (e, hit) = is_kind(
                vm,
                e,
                &[ExcKind::StopAsyncIteration, ExcKind::GeneratorExit],
            );
            if hit && closing {
                return Err(PyErr::stop_iteration(Value::None));
            }
            Err(PyErr::Obj(e))
        }
    }
}

/// `op.throw(...)`: raise inside the async generator at its current await.
fn op_throw(vm: &mut Vm, op: &Value, exc: Value) -> PyResult<Value> {
    let (agen, kind, state) = read_op(op)?;
    if state == OpState::Closed {
        return Err(PyErr::runtime_error(match kind {
            OpKind::Send(_) => "cannot reuse already awaited __anext__()/asend()",
            _ => "cannot reuse already awaited aclose()/athrow()",
        }));
    }
    let r = throw_gen(vm, agen.clone(), exc);
    let own = own_yield(vm);
    match kind {
        OpKind::Send(_) => {
            let r = unwrap_result(vm, &agen, r, own);
            if r.is_err() {
                set_state(op, OpState::Closed);
            }
            r
        }
        OpKind::Throw(_) => athrow_result(vm, op, &agen, false, r, own),
        OpKind::Close => athrow_result(vm, op, &agen, true, r, own),
    }
}

fn agen_arg(a: &[Value]) -> PyResult<Rc<Object>> {
    match a.first().and_then(|v| v.as_obj()) {
        Some(o) if matches!(&o.payload, Payload::Generator(g) if g.kind == GenKind::AsyncGenerator) => {
            Ok(o.clone())
        }
        _ => Err(PyErr::type_error(
            "descriptor requires an 'async_generator' object",
        )),
    }
}

fn coro_of(a: &[Value]) -> PyResult<Rc<Object>> {
    wrapped_coroutine(&a[0]).ok_or_else(|| PyErr::type_error("expected a coroutine_wrapper"))
}

fn gen_result(r: PyResult<Completion>) -> PyResult<Value> {
    match r? {
        Completion::Yield(v) => Ok(v),
        Completion::Return(v) => Err(PyErr::stop_iteration(v)),
    }
}

/// `anext(it, default)`: awaits `it.__anext__()`, turning StopAsyncIteration into
/// `default` (CPython's `anext_awaitable`).
pub struct AnextAwaitable {
    /// The iterator of the `__anext__()` awaitable, made on first use.
    inner: RefCell<Value>,
    awaitable: Value,
    default: Value,
}

fn anext_state(v: &Value) -> PyResult<(Value, Value, Value)> {
    if let Some(Payload::Opaque(b)) = v.payload() {
        if let Some(a) = b.borrow().downcast_ref::<AnextAwaitable>() {
            return Ok((
                a.inner.borrow().clone(),
                a.awaitable.clone(),
                a.default.clone(),
            ));
        }
    }
    Err(PyErr::type_error("expected an anext_awaitable"))
}

/// The iterator to drive for the `__anext__()` awaitable (made once).
fn anext_inner(vm: &mut Vm, v: &Value) -> PyResult<(Value, Value)> {
    let (inner, awaitable, default) = anext_state(v)?;
    if !inner.is_none() {
        return Ok((inner, default));
    }
    let it = match awaitable.payload() {
        Some(Payload::Generator(g)) if g.kind == GenKind::Coroutine => awaitable.clone(),
        Some(Payload::Opaque(_)) if with_op(&awaitable, |_| ()).is_some() => awaitable.clone(),
        _ => match vm.lookup_special(&awaitable, "__await__") {
            Some(m) => vm.call_with(&m, [awaitable.clone()])?,
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not awaitable",
                    vm.type_name(&awaitable)
                )))
            }
        },
    };
    if let Some(Payload::Opaque(b)) = v.payload() {
        if let Some(a) = b.borrow().downcast_ref::<AnextAwaitable>() {
            *a.inner.borrow_mut() = it.clone();
        }
    }
    Ok((it, default))
}

fn anext_result(vm: &mut Vm, r: PyResult<Value>, default: Value) -> PyResult<Value> {
    r.map_err(|e| {
        let e = vm.materialize(e);
        if vm.is_instance_of_kind(&e, ExcKind::StopAsyncIteration) {
            PyErr::stop_iteration(default)
        } else {
            PyErr::Obj(e)
        }
    })
}

fn anext_send(vm: &mut Vm, v: &Value, arg: Value) -> PyResult<Value> {
    let (it, default) = anext_inner(vm, v)?;
    let r = vm.send_native(&it, arg);
    anext_result(vm, r, default)
}

/// `aiter(x)`.
pub fn builtin_aiter(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let Some(x) = a.first() else {
        return Err(PyErr::type_error(
            "aiter() takes exactly one argument (0 given)",
        ));
    };
    let Some(m) = vm.lookup_special(x, "__aiter__") else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(x)
        )));
    };
    let it = vm.call_with(&m, [x.clone()])?;
    if vm.lookup_special(&it, "__anext__").is_none() {
        return Err(PyErr::type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            vm.type_name(&it)
        )));
    }
    Ok(it)
}

/// `anext(it[, default])`.
pub fn builtin_anext(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    if a.is_empty() || a.len() > 2 {
        return Err(PyErr::type_error(format!(
            "anext expected at least 1 argument, got {}",
            a.len()
        )));
    }
    let it = &a[0];
    let awaitable = match it.payload() {
        Some(Payload::Generator(g)) if g.kind == GenKind::AsyncGenerator => {
            anext_awaitable(vm, it.as_obj().unwrap().clone())?
        }
        _ => {
            let Some(m) = vm.lookup_special(it, "__anext__") else {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not an async iterator",
                    vm.type_name(it)
                )));
            };
            vm.call_with(&m, [it.clone()])?
        }
    };
    match a.get(1) {
        None => Ok(awaitable),
        Some(d) => Ok(opaque(AnextAwaitable {
            inner: RefCell::new(Value::None),
            awaitable,
            default: d.clone(),
        })),
    }
}

/// Install the async-generator methods, `coroutine.__await__` and the awaitable types.
pub fn install(vm: &mut Vm) {
    let ag = vm.types.async_generator.clone();
    add_method(&ag, "__aiter__", |_, a, _| Ok(a[0].clone()));
    add_method(&ag, "__anext__", |vm, a, _| {
        anext_awaitable(vm, agen_arg(a)?)
    });
    add_method(&ag, "asend", |vm, a, _| {
        let v = a.get(1).cloned().unwrap_or(Value::None);
        let agen = agen_arg(a)?;
        init_hooks(vm, &agen)?;
        Ok(new_op(agen, OpKind::Send(v)))
    });
    add_method(&ag, "athrow", |vm, a, _| {
        let agen = agen_arg(a)?;
        if a.len() < 2 {
            return Err(PyErr::type_error(
                "athrow expected at least 1 argument, got 0",
            ));
        }
        init_hooks(vm, &agen)?;
        let exc = throw_args_to_exc(vm, &a[1..])?;
        Ok(new_op(agen, OpKind::Throw(exc)))
    });
    add_method(&ag, "aclose", |vm, a, _| {
        let agen = agen_arg(a)?;
        init_hooks(vm, &agen)?;
        Ok(new_op(agen, OpKind::Close))
    });

    let object = vm.types.object.clone();
    let ids = [
        std::any::TypeId::of::<AsyncGenOp>(),
        std::any::TypeId::of::<AthrowOp>(),
    ];
    for (name, id) in ["async_generator_asend", "async_generator_athrow"]
        .into_iter()
        .zip(ids)
    {
        let t = new_type(name, TypeKind::Opaque, Some(&object));
        add_method(&t, "__await__", |_, a, _| Ok(a[0].clone()));
        add_method(&t, "__iter__", |_, a, _| Ok(a[0].clone()));
        add_method(&t, "__next__", |vm, a, _| op_send(vm, &a[0], Value::None));
        add_method(&t, "send", |vm, a, _| {
            op_send(vm, &a[0], a.get(1).cloned().unwrap_or(Value::None))
        });
        add_method(&t, "throw", |vm, a, _| {
            if a.len() < 2 {
                return Err(PyErr::type_error(
                    "throw expected at least 1 argument, got 0",
                ));
            }
            let exc = throw_args_to_exc(vm, &a[1..])?;
            op_throw(vm, &a[0], exc)
        });
        add_method(&t, "close", |_, a, _| {
            set_state(&a[0], OpState::Closed);
            Ok(Value::None)
        });
        vm.types.opaque_types.borrow_mut().push((id, t));
    }

    let an = new_type("anext_awaitable", TypeKind::Opaque, Some(&object));
    add_method(&an, "__await__", |_, a, _| Ok(a[0].clone()));
    add_method(&an, "__iter__", |_, a, _| Ok(a[0].clone()));
    add_method(&an, "__next__", |vm, a, _| {
        anext_send(vm, &a[0], Value::None)
    });
    add_method(&an, "send", |vm, a, _| {
        anext_send(vm, &a[0], a.get(1).cloned().unwrap_or(Value::None))
    });
    add_method(&an, "throw", |vm, a, _| {
        let (it, default) = anext_inner(vm, &a[0])?;
        let m = vm.getattr(&it, &Value::str("throw"))?;
        let r = vm.call(&m, a[1..].to_vec(), &[]);
        anext_result(vm, r, default)
    });
    add_method(&an, "close", |vm, a, _| {
        let (it, _) = anext_inner(vm, &a[0])?;
        if let Ok(m) = vm.getattr(&it, &Value::str("close")) {
            vm.call_with(&m, [])?;
        }
        Ok(Value::None)
    });
    vm.types
        .opaque_types
        .borrow_mut()
        .push((std::any::TypeId::of::<AnextAwaitable>(), an));

    let wrapper = new_type("coroutine_wrapper", TypeKind::Opaque, Some(&object));
    add_method(&wrapper, "__iter__", |_, a, _| Ok(a[0].clone()));
    add_method(&wrapper, "__next__", |vm, a, _| {
        let c = coro_of(a)?;
        vm.send_native(&Value::Obj(c), Value::None)
    });
    add_method(&wrapper, "send", |vm, a, _| {
        let c = coro_of(a)?;
        vm.send_native(&Value::Obj(c), a.get(1).cloned().unwrap_or(Value::None))
    });
    add_method(&wrapper, "throw", |vm, a, _| {
        let c = coro_of(a)?;
        if a.len() < 2 {
            return Err(PyErr::type_error(
                "throw expected at least 1 argument, got 0",
            ));
        }
        let exc = throw_args_to_exc(vm, &a[1..])?;
        gen_result(throw_gen(vm, c, exc))
    });
    add_method(&wrapper, "close", |vm, a, _| {
        let c = coro_of(a)?;
        close_gen(vm, c)?;
        Ok(Value::None)
    });
    vm.types
        .opaque_types
        .borrow_mut()
        .push((std::any::TypeId::of::<CoroWrapper>(), wrapper));

    let coro = vm.types.coroutine.clone();
    add_method(&coro, "__await__", |_, a, _| match a[0].as_obj() {
        Some(o) if matches!(&o.payload, Payload::Generator(_)) => {
            Ok(opaque(CoroWrapper { coro: o.clone() }))
        }
        _ => Err(PyErr::type_error(
            "descriptor '__await__' requires a 'coroutine' object",
        )),
    });
}
