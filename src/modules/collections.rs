//! `collections.deque`: a double-ended queue (the schedulers in the talk use it).

use crate::object::{Object, Payload, PyErr, PyResult, Value};
use crate::vm::builtins_types::{add_attr, add_method, method_value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

pub struct Deque {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Moves on every change but a replaced item or a reversal, as CPython's
    /// `state`: an iterator made before a change raises "deque mutated during
    /// iteration".
    pub state: u64,
}

impl Deque {
    pub fn new(items: VecDeque<Value>, maxlen: Option<usize>) -> Deque {
        Deque {
            items,
            maxlen,
            state: 0,
        }
    }

    pub(crate) fn changed(&mut self) {
        self.state = self.state.wrapping_add(1);
    }
}

/// The deque inside `v`: a deque itself, or the native part of an instance of a
/// subclass of deque.
fn cell(v: &Value) -> Option<&RefCell<Deque>> {
    let p = match v.payload()? {
        Payload::Instance(i) => &i.native()?.payload,
        p => p,
    };
    match p {
        Payload::Deque(d) => Some(d),
        _ => None,
    }
}

/// Run `f` on the deque inside `v`. `f` must not run Python code (the deque is borrowed).
pub fn with<R>(v: &Value, f: impl FnOnce(&mut Deque) -> R) -> PyResult<R> {
    let Some(b) = cell(v) else {
        return Err(PyErr::type_error(
            "descriptor requires a 'collections.deque' object",
        ));
    };
    Ok(f(&mut b.borrow_mut()))
}

pub(crate) fn push(d: &mut Deque, v: Value, left: bool) {
    d.changed();
    if d.maxlen == Some(0) {
        return;
    }
    if left {
        d.items.push_front(v);
        if d.maxlen.is_some_and(|m| d.items.len() > m) {
            d.items.pop_back();
        }
    } else {
        d.items.push_back(v);
        if d.maxlen.is_some_and(|m| d.items.len() > m) {
            d.items.pop_front();
        }
    }
}

/// `iter(d)` / `reversed(d)`: reads the deque by position as it goes, and stops with
/// "deque mutated during iteration" once the deque changes (CPython's iterators).
fn deque_iter(d: &Value, reverse: bool) -> PyResult<Value> {
    let state = with(d, |dq| dq.state)?;
    Ok(Value::new_obj(Payload::Iter(RefCell::new(
        crate::object::IterState::Deque {
            deque: d.clone(),
            idx: 0,
            state,
            reverse,
        },
    ))))
}

/// The next item of a deque iterator (see `deque_iter`).
pub fn iter_next(d: &Value, idx: &mut usize, state: u64, reverse: bool) -> PyResult<Option<Value>> {
    with(d, |dq| {
        if dq.state != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
        let n = dq.items.len();
        if *idx >= n {
            return Ok(None);
        }
        let at = if reverse { n - 1 - *idx } else { *idx };
        *idx += 1;
        Ok(Some(dq.items[at].clone()))
    })?
}

fn snapshot(v: &Value) -> PyResult<Vec<Value>> {
    with(v, |d| d.items.iter().cloned().collect())
}

fn arg(a: &[Value], i: usize, name: &str) -> PyResult<()> {
    if a.len() <= i {
        return Err(PyErr::type_error(format!(
            "{}() missing required argument",
            name
        )));
    }
    Ok(())
}

/// `a` holds the receiver and then the arguments.
fn nargs(name: &str, a: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = a.len() - 1;
    if n < min || n > max {
        return Err(PyErr::type_error(if min == max {
            format!(
                "{} expected {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else if n < min {
            format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else {
            format!(
                "{} expected at most {} argument{}, got {}",
                name,
                max,
                if max == 1 { "" } else { "s" },
                n
            )
        }));
    }
    Ok(())
}

fn one(name: &str, a: &[Value]) -> PyResult<()> {
    if a.len() != 2 {
        return Err(PyErr::type_error(format!(
            "deque.{}() takes exactly one argument ({} given)",
            name,
            a.len() - 1
        )));
    }
    Ok(())
}

fn no_kw(name: &str, k: &[Value]) -> PyResult<()> {
    if !k.is_empty() {
        return Err(PyErr::type_error(format!(
            "deque.{}() takes no keyword arguments",
            name
        )));
    }
    Ok(())
}

/// A deque subscript: ints (and `__index__`) only, as CPython's sequence protocol.
fn seq_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let ok = matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        || vm.lookup_user_special(v, "__index__").is_some();
    if !ok {
        return Err(PyErr::type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(v)
        )));
    }
    vm.index_value(v)
}

fn norm_index(d: &Deque, i: i64) -> Option<usize> {
    let n = d.items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then_some(j as usize)
}

/// `deque.copy()`: a plain deque copies directly; a subclass is called as
/// `type(d)(d)` or `type(d)(d, maxlen)`, as CPython does.
fn copy(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (items, maxlen) = with(v, |d| (d.items.clone(), d.maxlen))?;
    if let Some(Payload::Deque(_)) = v.payload() {
        return Ok(new_deque(Deque::new(items, maxlen)));
    }
    let cls = Value::Obj(vm.type_of(v));
    let mut args = vec![v.clone()];
    if let Some(m) = maxlen {
        args.push(Value::Int(m as i64));
    }
    vm.call(&cls, args, &[])
}

fn repeat(vm: &mut Vm, d: &Value, n: &Value) -> PyResult<()> {
    let n = vm.index_value(n)?;
    with(d, |d| {
        if n <= 0 {
            d.changed();
            d.items.clear();
            return;
        }
        let items: Vec<Value> = d.items.iter().cloned().collect();
        let cap = d.maxlen.unwrap_or(usize::MAX);
        // Only the last `maxlen` items can survive: skip whole rounds that would be
        // pushed out again (keeps `d *= 10**9` on a bounded deque cheap).
        let mut rounds = n as u64 - 1;
        if !items.is_empty() && d.maxlen.is_some() {
            let keep = (cap / items.len()) as u64 + 1;
            rounds = rounds.min(keep);
        }
        for _ in 0..rounds {
            for v in &items {
                push(d, v.clone(), false);
            }
        }
    })
}

fn compare_fn(name: &'static str, op: u32) -> Value {
    let f: crate::object::NativeFn = match op {
        0 => |vm, a, _| compare(vm, a, 0),
        1 => |vm, a, _| compare(vm, a, 1),
        2 => |vm, a, _| compare(vm, a, 2),
        3 => |vm, a, _| compare(vm, a, 3),
        4 => |vm, a, _| compare(vm, a, 4),
        _ => |vm, a, _| compare(vm, a, 5),
    };
    method_value(name, f, None, None)
}

/// Rich comparison: deques compare as lists of their items; anything else is
/// NotImplemented.
fn compare(vm: &mut Vm, a: &[Value], op: u32) -> PyResult<Value> {
    arg(a, 1, "comparison")?;
    if cell(&a[1]).is_none() {
        return Ok(crate::vm::builtins_types::not_implemented());
    }
    let x = Value::list(snapshot(&a[0])?);
    let y = Value::list(snapshot(&a[1])?);
    vm.compare(x, y, op)
}

fn new_deque(d: Deque) -> Value {
    Value::new_obj(Payload::Deque(RefCell::new(d)))
}

/// `deque(iterable=(), maxlen=None)`'s arguments, applied to `d` (emptied first).
fn init(vm: &mut Vm, d: &Value, a: &[Value], k: &[Value]) -> PyResult<()> {
    let npos = a.len() - k.len();
    if npos > 3 {
        return Err(PyErr::type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            a.len() - 1
        )));
    }
    let mut iterable = a.get(1).filter(|_| npos > 1).cloned();
    let mut maxlen_arg = a.get(2).filter(|_| npos > 2).cloned();
    for (name, v) in k.iter().zip(&a[npos..]) {
        match name.as_pystr().map(|s| s.as_str()) {
            Some("iterable") if iterable.is_none() => iterable = Some(v.clone()),
            Some("maxlen") if maxlen_arg.is_none() => maxlen_arg = Some(v.clone()),
            Some(n) if n == "iterable" || n == "maxlen" => {
                return Err(PyErr::type_error(format!(
                    "argument for deque() given by name ('{}') and position",
                    n
                )))
            }
            n => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for deque()",
                    n.unwrap_or("")
                )))
            }
        }
    }
    let maxlen = match maxlen_arg {
        Some(v) if !v.is_none() => {
            if !matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
                return Err(PyErr::type_error("an integer is required"));
            }
            let m = vm.index_value(&v)?;
            if m < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
        _ => None,
    };
    let old = with(d, |d| {
        d.changed();
        d.maxlen = maxlen;
        std::mem::take(&mut d.items)
    })?;
    drop(old);
    if let Some(it) = iterable {
        let items = vm.collect_iterable(&it)?;
        with(d, |d| items.into_iter().for_each(|v| push(d, v, false)))?;
    }
    Ok(())
}

pub fn deque_type(vm: &mut Vm) -> Rc<Object> {
    let object = vm.types.object.clone();
    let mut mro = vec![object.clone()];
    mro.extend(object.payload_type().mro.iter().cloned());
    let t = Object::new(Payload::Type(Box::new(crate::object::TypeObj {
        name: "deque".into(),
        qualname: "deque".into(),
        module: "collections".into(),
        bases: vec![object],
        mro,
        dict: RefCell::new(crate::object::Dict::new()),
        kind: crate::object::TypeKind::Opaque,
        is_exception: false,
        cache: Default::default(),
        ctor_arity: None,
    })));
    add_attr(
        &t,
        "__new__",
        crate::vm::builtins::module_fn("__new__", |vm, a, k| {
            let d = new_deque(Deque::new(VecDeque::new(), None));
            let deque_t = vm.types.deque.get().cloned();
            match (a.first().and_then(|c| c.as_obj()), deque_t) {
                // deque.__new__(D) for a subclass D: an empty deque inside a D instance
                // (the call of D then runs __init__, which fills it).
                (Some(cls), Some(deque_t))
                    if matches!(cls.payload, Payload::Type(_))
                        && !Rc::ptr_eq(cls, &deque_t)
                        && crate::object::TypeObj::is_subtype(cls, &deque_t) =>
                {
                    let Value::Obj(native) = d else {
                        unreachable!("new_deque makes an object")
                    };
                    Ok(Value::new_obj(Payload::Instance(
                        crate::object::Instance::new(
                            cls.clone(),
                            crate::object::Dict::new(),
                            Some(crate::object::typ::ExtraKind::Native(native)),
                        ),
                    )))
                }
                _ => {
                    init(vm, &d, a, k)?;
                    Ok(d)
                }
            }
        }),
    );
    add_method(&t, "__init__", |vm, a, k| {
        init(vm, &a[0], a, k)?;
        Ok(Value::None)
    });
    add_method(&t, "append", |_, a, _| {
        one("append", a)?;
        with(&a[0], |d| push(d, a[1].clone(), false)).map(|_| Value::None)
    });
    add_method(&t, "appendleft", |_, a, _| {
        one("appendleft", a)?;
        with(&a[0], |d| push(d, a[1].clone(), true)).map(|_| Value::None)
    });
    add_method(&t, "pop", |_, a, _| {
        with(&a[0], |d| {
            d.changed();
            d.items.pop_back()
        })?
        .ok_or_else(|| PyErr::index_error("pop from an empty deque"))
    });
    add_method(&t, "popleft", |_, a, _| {
        with(&a[0], |d| {
            d.changed();
            d.items.pop_front()
        })?
        .ok_or_else(|| PyErr::index_error("pop from an empty deque"))
    });
    add_method(&t, "extend", |vm, a, _| {
        one("extend", a)?;
        let items = vm.collect_iterable(&a[1])?;
        with(&a[0], |d| items.into_iter().for_each(|v| push(d, v, false))).map(|_| Value::None)
    });
    add_method(&t, "extendleft", |vm, a, _| {
        one("extendleft", a)?;
        let items = vm.collect_iterable(&a[1])?;
        with(&a[0], |d| items.into_iter().for_each(|v| push(d, v, true))).map(|_| Value::None)
    });
    add_method(&t, "clear", |_, a, _| {
        let old = with(&a[0], |d| {
            d.changed();
            std::mem::take(&mut d.items)
        })?;
        drop(old);
        Ok(Value::None)
    });
    add_method(&t, "rotate", |vm, a, k| {
        no_kw("rotate", k)?;
        nargs("deque.rotate", a, 0, 1)?;
        let n = match a.get(1) {
            Some(v) => vm.index_value(v)?,
            None => 1,
        };
        with(&a[0], |d| {
            d.changed();
            let len = d.items.len() as i64;
            if len > 0 {
                let k = n.rem_euclid(len) as usize;
                d.items.rotate_right(k);
            }
        })
        .map(|_| Value::None)
    });
    add_method(&t, "reverse", |_, a, _| {
        with(&a[0], |d| d.items.make_contiguous().reverse()).map(|_| Value::None)
    });
    add_method(&t, "__len__", |_, a, _| {
        with(&a[0], |d| Value::Int(d.items.len() as i64))
    });
    add_method(&t, "__iter__", |_, a, _| deque_iter(&a[0], false));
    add_method(&t, "__reversed__", |_, a, _| deque_iter(&a[0], true));
    add_method(&t, "__getitem__", |vm, a, _| {
        arg(a, 1, "__getitem__")?;
        let i = seq_index(vm, &a[1])?;
        with(&a[0], |d| norm_index(d, i).map(|j| d.items[j].clone()))?
            .ok_or_else(|| PyErr::index_error("deque index out of range"))
    });
    add_method(&t, "__setitem__", |vm, a, _| {
        arg(a, 2, "__setitem__")?;
        let i = seq_index(vm, &a[1])?;
        // The old item is dropped after the borrow ends (its finalizer may run code).
        let old = with(&a[0], |d| {
            norm_index(d, i).map(|j| std::mem::replace(&mut d.items[j], a[2].clone()))
        })?
        .ok_or_else(|| PyErr::index_error("deque index out of range"))?;
        drop(old);
        Ok(Value::None)
    });
    add_method(&t, "__delitem__", |vm, a, _| {
        arg(a, 1, "__delitem__")?;
        let i = seq_index(vm, &a[1])?;
        let old = with(&a[0], |d| {
            let j = norm_index(d, i)?;
            d.changed();
            d.items.remove(j)
        })?
        .ok_or_else(|| PyErr::index_error("deque index out of range"))?;
        drop(old);
        Ok(Value::None)
    });
    add_method(&t, "__contains__", |vm, a, _| {
        arg(a, 1, "__contains__")?;
        let items = snapshot(&a[0])?;
        for x in items {
            if x.is(&a[1]) || vm.eq(&x, &a[1])? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
    add_method(&t, "remove", |vm, a, k| {
        no_kw("remove", k)?;
        one("remove", a)?;
        let n = with(&a[0], |d| d.items.len())?;
        for i in 0..n {
            // Compare outside any borrow: `__eq__` may touch the deque.
            let Some(x) = with(&a[0], |d| d.items.get(i).cloned())? else {
                break;
            };
            let found = x.is(&a[1]) || vm.eq(&x, &a[1])?;
            if with(&a[0], |d| d.items.len())? != n {
                return Err(PyErr::index_error("deque mutated during remove()."));
            }
            if found {
                let old = with(&a[0], |d| {
                    d.changed();
                    d.items.remove(i)
                })?;
                drop(old);
                return Ok(Value::None);
            }
        }
        Err(PyErr::value_error(format!(
            "{} is not in deque",
            vm.repr(&a[1])?
        )))
    });
    add_method(&t, "index", |vm, a, k| {
        no_kw("index", k)?;
        if a.len() < 2 || a.len() > 4 {
            return Err(PyErr::type_error(if a.len() < 2 {
                "index() takes at least 1 argument (0 given)".to_string()
            } else {
                format!("index() takes at most 3 arguments ({} given)", a.len() - 1)
            }));
        }
        let n = with(&a[0], |d| d.items.len())? as i64;
        let clamp = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
        let start = match a.get(2) {
            Some(v) => clamp(vm.index_value(v)?),
            None => 0,
        };
        let stop = match a.get(3) {
            Some(v) => clamp(vm.index_value(v)?),
            None => n,
        };
        for i in start..stop {
            let Some(x) = with(&a[0], |d| d.items.get(i as usize).cloned())? else {
                break;
            };
            let found = x.is(&a[1]) || vm.eq(&x, &a[1])?;
            if with(&a[0], |d| d.items.len())? as i64 != n {
                return Err(PyErr::runtime_error("deque mutated during iteration"));
            }
            if found {
                return Ok(Value::Int(i));
            }
        }
        Err(PyErr::value_error(format!(
            "{} is not in deque",
            vm.repr(&a[1])?
        )))
    });
    add_method(&t, "insert", |vm, a, k| {
        no_kw("insert", k)?;
        if a.len() != 3 {
            return Err(PyErr::type_error(format!(
                "insert() takes exactly 2 arguments ({} given)",
                a.len() - 1
            )));
        }
        let i = vm.index_value(&a[1])?;
        with(&a[0], |d| {
            if d.maxlen == Some(d.items.len()) {
                return Err(PyErr::index_error("deque already at its maximum size"));
            }
            let n = d.items.len() as i64;
            let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
            d.changed();
            d.items.insert(j as usize, a[2].clone());
            Ok(Value::None)
        })?
    });
    add_method(&t, "copy", |vm, a, _| copy(vm, &a[0]));
    add_method(&t, "__copy__", |vm, a, _| copy(vm, &a[0]));
    add_attr(&t, "__hash__", Value::None);
    for (name, op) in [
        ("__lt__", 0u32),
        ("__le__", 1),
        ("__eq__", 2),
        ("__ne__", 3),
        ("__gt__", 4),
        ("__ge__", 5),
    ] {
        add_attr(&t, name, compare_fn(name, op));
    }
    add_method(&t, "__add__", |vm, a, _| {
        arg(a, 1, "__add__")?;
        if cell(&a[1]).is_none() {
            return Err(PyErr::type_error(format!(
                "can only concatenate deque (not \"{}\") to deque",
                vm.type_name(&a[1])
            )));
        }
        let r = copy(vm, &a[0])?;
        let items = snapshot(&a[1])?;
        with(&r, |d| items.into_iter().for_each(|v| push(d, v, false)))?;
        Ok(r)
    });
    add_method(&t, "__iadd__", |vm, a, _| {
        arg(a, 1, "__iadd__")?;
        let items = vm.collect_iterable(&a[1])?;
        with(&a[0], |d| items.into_iter().for_each(|v| push(d, v, false)))?;
        Ok(a[0].clone())
    });
    add_method(&t, "__mul__", |vm, a, _| {
        arg(a, 1, "__mul__")?;
        let r = copy(vm, &a[0])?;
        repeat(vm, &r, &a[1])?;
        Ok(r)
    });
    add_method(&t, "__rmul__", |vm, a, _| {
        arg(a, 1, "__rmul__")?;
        let r = copy(vm, &a[0])?;
        repeat(vm, &r, &a[1])?;
        Ok(r)
    });
    add_method(&t, "__imul__", |vm, a, _| {
        arg(a, 1, "__imul__")?;
        repeat(vm, &a[0], &a[1])?;
        Ok(a[0].clone())
    });
    add_attr(
        &t,
        "maxlen",
        Value::new_obj(Payload::Property(crate::object::Property::new(
            crate::vm::builtins::module_fn("maxlen", |_, a, _| {
                with(&a[0], |d| {
                    d.maxlen
                        .map(|m| Value::Int(m as i64))
                        .unwrap_or(Value::None)
                })
            }),
            crate::vm::builtins::module_fn("maxlen", |_, _, _| {
                Err(PyErr::attribute_error(
                    "attribute 'maxlen' of 'collections.deque' objects is not writable",
                ))
            }),
            Value::None,
        ))),
    );
    add_method(&t, "count", |vm, a, _| {
        one("count", a)?;
        let items = snapshot(&a[0])?;
        let mut n = 0;
        for x in items {
            if x.is(&a[1]) || vm.eq(&x, &a[1])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    });
    add_method(&t, "__repr__", |vm, a, _| {
        let id = a[0].id();
        let name = vm.type_of(&a[0]).payload_type().name.clone();
        if vm.repr_stack.contains(&id) {
            return Ok(Value::str("[...]"));
        }
        let (items, maxlen): (Vec<Value>, Option<usize>) =
            with(&a[0], |d| (d.items.iter().cloned().collect(), d.maxlen))?;
        vm.repr_stack.push(id);
        let l = vm.repr(&Value::list(items));
        vm.repr_stack.pop();
        let l = l?;
        Ok(Value::string(match maxlen {
            Some(m) => format!("{}({}, maxlen={})", name, l, m),
            None => format!("{}({})", name, l),
        }))
    });
    let _ = vm.types.deque.set(t.clone());
    t
}
