//! `collections.deque`: a double-ended queue (the schedulers in the talk use it).

use crate::object::{Object, Payload, PyErr, PyResult, Value};
use crate::vm::builtins_types::{add_attr, add_method, new_type};
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

pub struct Deque {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
}

pub fn with<R>(v: &Value, f: impl FnOnce(&mut Deque) -> R) -> PyResult<R> {
    match v.payload() {
        Some(Payload::Opaque(b)) => {
            let mut b = b.borrow_mut();
            match b.downcast_mut::<Deque>() {
                Some(d) => Ok(f(d)),
                None => Err(PyErr::type_error(
                    "descriptor requires a 'collections.deque' object",
                )),
            }
        }
        _ => Err(PyErr::type_error(
            "descriptor requires a 'collections.deque' object",
        )),
    }
}

fn push(d: &mut Deque, v: Value, left: bool) {
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

pub fn deque_type(vm: &mut Vm) -> Rc<Object> {
    let t = new_type(
        "deque",
        crate::object::TypeKind::Opaque,
        Some(&vm.types.object),
    );
    if let Payload::Type(tt) = &t.payload {
        // Reported as collections.deque.
        let _ = tt;
    }
    add_attr(
        &t,
        "__new__",
        crate::vm::builtins::module_fn("__new__", |vm, a, k| {
            let npos = a.len() - k.len();
            let mut maxlen = None;
            for (name, v) in k.iter().zip(&a[npos..]) {
                if name.as_pystr().map(|s| s.as_str()) == Some("maxlen") && !v.is_none() {
                    maxlen = Some(vm.index_value(v)?.max(0) as usize);
                }
            }
            if npos > 2 && !a[2].is_none() {
                maxlen = Some(vm.index_value(&a[2])?.max(0) as usize);
            }
            let mut d = Deque {
                items: VecDeque::new(),
                maxlen,
            };
            if npos > 1 {
                for v in vm.collect_iterable(&a[1])? {
                    push(&mut d, v, false);
                }
            }
            Ok(Value::new_obj(Payload::Opaque(RefCell::new(Box::new(d)))))
        }),
    );
    add_method(&t, "append", |_, a, _| {
        with(&a[0], |d| push(d, a[1].clone(), false)).map(|_| Value::None)
    });
    add_method(&t, "appendleft", |_, a, _| {
        with(&a[0], |d| push(d, a[1].clone(), true)).map(|_| Value::None)
    });
    add_method(&t, "pop", |_, a, _| {
        with(&a[0], |d| d.items.pop_back())?
            .ok_or_else(|| PyErr::index_error("pop from an empty deque"))
    });
    add_method(&t, "popleft", |_, a, _| {
        with(&a[0], |d| d.items.pop_front())?
            .ok_or_else(|| PyErr::index_error("pop from an empty deque"))
    });
    add_method(&t, "extend", |vm, a, _| {
        let items = vm.collect_iterable(&a[1])?;
        with(&a[0], |d| items.into_iter().for_each(|v| push(d, v, false))).map(|_| Value::None)
    });
    add_method(&t, "extendleft", |vm, a, _| {
        let items = vm.collect_iterable(&a[1])?;
        with(&a[0], |d| items.into_iter().for_each(|v| push(d, v, true))).map(|_| Value::None)
    });
    add_method(&t, "clear", |_, a, _| {
        with(&a[0], |d| d.items.clear()).map(|_| Value::None)
    });
    add_method(&t, "rotate", |vm, a, _| {
        let n = match a.get(1) {
            Some(v) => vm.index_value(v)?,
            None => 1,
        };
        with(&a[0], |d| {
            let len = d.items.len() as i64;
            if len > 0 {
                let k = n.rem_euclid(len) as usize;
                d.items.rotate_right(k);
            }
        })
        .map(|_| Value::None)
    });
    add_method(&t, "__len__", |_, a, _| {
        with(&a[0], |d| Value::Int(d.items.len() as i64))
    });
    add_method(&t, "__iter__", |vm, a, _| {
        let items: Vec<Value> = with(&a[0], |d| d.items.iter().cloned().collect())?;
        vm.get_iter(&Value::list(items))
    });
    add_method(&t, "__getitem__", |vm, a, _| {
        let i = vm.index_value(&a[1])?;
        with(&a[0], |d| {
            let n = d.items.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                None
            } else {
                Some(d.items[j as usize].clone())
            }
        })?
        .ok_or_else(|| PyErr::index_error("deque index out of range"))
    });
    add_method(&t, "__contains__", |vm, a, _| {
        let items: Vec<Value> = with(&a[0], |d| d.items.iter().cloned().collect())?;
        for x in items {
            if vm.eq(&x, &a[1])? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
    add_attr(
        &t,
        "maxlen",
        Value::new_obj(Payload::Property(crate::object::Property {
            fget: crate::vm::builtins::module_fn("maxlen", |_, a, _| {
                with(&a[0], |d| {
                    d.maxlen
                        .map(|m| Value::Int(m as i64))
                        .unwrap_or(Value::None)
                })
            }),
            fset: Value::None,
            fdel: Value::None,
        })),
    );
    add_method(&t, "count", |vm, a, _| {
        let items: Vec<Value> = with(&a[0], |d| d.items.iter().cloned().collect())?;
        let mut n = 0;
        for x in items {
            if vm.eq(&x, &a[1])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    });
    add_method(&t, "__repr__", |vm, a, _| {
        let (items, maxlen): (Vec<Value>, Option<usize>) =
            with(&a[0], |d| (d.items.iter().cloned().collect(), d.maxlen))?;
        let l = vm.repr(&Value::list(items))?;
        Ok(Value::string(match maxlen {
            Some(m) => format!("deque({}, maxlen={})", l, m),
            None => format!("deque({})", l),
        }))
    });
    vm.types
        .opaque_types
        .borrow_mut()
        .push((std::any::TypeId::of::<Deque>(), t.clone()));
    t
}
