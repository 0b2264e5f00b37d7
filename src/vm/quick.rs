//! Quick paths of a few built-ins, the ones programs call in their inner loops
//! (`len`, `isinstance`, `hash`, `type(x)`, `list.append`, `dict.get`, `set.add`, a deque's
//! `append`/`popleft`, `fut.done()`), as CPython 3.11 specializes PRECALL for `len`,
//! `isinstance`, `type(x)`, `list.append` and method descriptors.
//!
//! A built-in's `NativeFunc::quick` answers the common case of a call with positional
//! arguments and no keywords, straight from the caller's stack (`try_fast_call`),
//! without the general call's layers: the argument-count rule, the panic guard, the
//! frame-depth bookkeeping. It runs no Python code and cannot fail: `None` means
//! "not my case" (another receiver type, another argument count, an empty deque, a
//! key that needs `__eq__`...) with nothing changed, and the call then goes the
//! general way, which also raises the errors. So a quick path only ever repeats the
//! simplest branch of the built-in it stands for.

use super::Vm;
use crate::object::{Payload, TypeKind, Value};

/// A quick path: the call's positional arguments (a method's receiver first).
pub(crate) type QuickFn = fn(&Vm, &[Value]) -> Option<Value>;

/// The quick path of the built-in function `name`.
pub(crate) fn builtin(name: &str) -> Option<QuickFn> {
    Some(match name {
        "len" => len,
        "isinstance" => isinstance,
        "hash" => hash,
        _ => return None,
    })
}

/// The quick path of the method `name` of the built-in type `type_name`.
pub(crate) fn method(type_name: &str, name: &str) -> Option<QuickFn> {
    Some(match (type_name, name) {
        ("list", "append") => list_append,
        ("list", "pop") => list_pop,
        ("dict", "get") => dict_get,
        ("set", "add") => set_add,
        ("deque", "append") => deque_append,
        ("deque", "popleft") => deque_popleft,
        // (Task inherits it.)
        ("Future", "done") => future_done,
        _ => return None,
    })
}

/// The quick path of calling the built-in type of kind `kind`: `type(x)`.
#[inline(always)]
pub(crate) fn construct(vm: &Vm, kind: TypeKind, args: &[Value]) -> Option<Value> {
    match (kind, args) {
        (TypeKind::Type, [obj]) => Some(Value::Obj(vm.type_of(obj))),
        _ => None,
    }
}

fn len(_: &Vm, args: &[Value]) -> Option<Value> {
    let [v] = args else { return None };
    super::iterate::native_len(v).map(|n| Value::Int(n as i64))
}

/// `hash(x)` of an int, a string, or a flat tuple of them (a `__hash__` returning
/// `hash((self.x, self.y))`): nothing there runs Python code or fails.
fn hash(_: &Vm, args: &[Value]) -> Option<Value> {
    let [v] = args else { return None };
    let h = match v {
        Value::Obj(o) => match &o.payload {
            Payload::Tuple(items) => {
                let mut h = crate::settable::TupleHasher::new();
                for item in items.iter() {
                    h.add(int_or_str_hash(item)?);
                }
                h.finish()
            }
            _ => return None,
        },
        _ => int_or_str_hash(v)?,
    };
    Some(Value::Int(h))
}

/// The hash of an int or a string, as `Vm::hash` makes it.
fn int_or_str_hash(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(crate::settable::hash_i64(*i)),
        Value::Str(s) => Some(s.hash()),
        _ => None,
    }
}

/// `isinstance(x, C)` with a class or a flat tuple of classes as `C` (anything else,
/// a nested tuple among them, goes the general way).
fn isinstance(vm: &Vm, args: &[Value]) -> Option<Value> {
    let [obj, cls] = args else { return None };
    let t = vm.type_of(obj);
    if let Some(c) = is_class(cls) {
        return Some(Value::Bool(crate::object::TypeObj::is_subtype(&t, c)));
    }
    let Some(Payload::Tuple(classes)) = cls.payload() else {
        return None;
    };
    let mut found = false;
    for c in classes.iter() {
        found |= crate::object::TypeObj::is_subtype(&t, is_class(c)?);
    }
    Some(Value::Bool(found))
}

/// `c` if it is a class.
fn is_class(c: &Value) -> Option<&std::rc::Rc<crate::object::Object>> {
    c.as_obj().filter(|c| matches!(c.payload, Payload::Type(_)))
}

fn list_append(_: &Vm, args: &[Value]) -> Option<Value> {
    let [l, v] = args else { return None };
    let Some(Payload::List(items)) = l.payload() else {
        return None;
    };
    items.try_borrow_mut().ok()?.push(v.clone());
    Some(Value::None)
}

/// `s.add(x)` of a set with a str or int `x`, whose hash and equality run no Python
/// code (an equality fast_eq cannot decide goes the general way, nothing added).
fn set_add(_: &Vm, args: &[Value]) -> Option<Value> {
    let [s, v] = args else { return None };
    let Some(Payload::Set(set)) = s.payload() else {
        return None;
    };
    if set.frozen {
        return None;
    }
    let h = int_or_str_hash(v)?;
    let mut eq = |a: &Value, b: &Value| super::ops::fast_eq(a, b).ok_or(());
    let mut table = set.table.try_borrow_mut().ok()?;
    table.insert(h, v.clone(), &mut eq).ok()?;
    Some(Value::None)
}

/// `l.pop()` of a list with items (an index, or an empty list's error, goes the
/// general way).
fn list_pop(_: &Vm, args: &[Value]) -> Option<Value> {
    let [l] = args else { return None };
    let Some(Payload::List(items)) = l.payload() else {
        return None;
    };
    items.try_borrow_mut().ok()?.pop()
}

/// `d.get(k)` or `d.get(k, default)` of a str or int key (a key of another type may
/// need its `__hash__` or `__eq__` run).
fn dict_get(_: &Vm, args: &[Value]) -> Option<Value> {
    let (d, k, default) = match args {
        [d, k] => (d, k, None),
        [d, k, default] => (d, k, Some(default)),
        _ => return None,
    };
    let Some(Payload::Dict(d)) = d.payload() else {
        return None;
    };
    let d = d.try_borrow().ok()?;
    let found = match k {
        Value::Str(s) => d.get_str(s),
        Value::Int(i) => {
            let mut eq = |a: &Value, b: &Value| super::ops::fast_eq(a, b).ok_or(());
            d.get(crate::settable::hash_i64(*i), k, &mut eq).ok()?
        }
        _ => return None,
    };
    Some(match found {
        Some(v) => v.clone(),
        None => default.cloned().unwrap_or(Value::None),
    })
}

fn deque_append(_: &Vm, args: &[Value]) -> Option<Value> {
    let [d, v] = args else { return None };
    let Some(Payload::Deque(d)) = d.payload() else {
        return None;
    };
    let mut d = d.try_borrow_mut().ok()?;
    crate::modules::collections::push(&mut d, v.clone(), false);
    Some(Value::None)
}

/// `d.popleft()` of a deque with items (an empty one's error goes the general way).
fn deque_popleft(_: &Vm, args: &[Value]) -> Option<Value> {
    let [d] = args else { return None };
    let Some(Payload::Deque(d)) = d.payload() else {
        return None;
    };
    let mut d = d.try_borrow_mut().ok()?;
    let v = d.items.pop_front()?;
    d.changed();
    Some(v)
}

fn future_done(_: &Vm, args: &[Value]) -> Option<Value> {
    let [f] = args else { return None };
    crate::modules::aio::is_done(f).map(Value::Bool)
}

#[cfg(test)]
mod tests {
    use crate::object::{Payload, PyStr, Value};

    fn has_quick(v: &Value) -> bool {
        matches!(v.payload(), Some(Payload::Native(nf)) if nf.quick.is_some())
    }

    /// The quick paths are wired to the objects programs call: a quick path that
    /// never attaches changes no output, only the speed.
    #[test]
    fn builtins_and_methods_carry_their_quick_paths() {
        let vm = super::Vm::new();
        let Payload::Dict(b) = &vm.builtins.payload else {
            panic!("builtins is a dict")
        };
        let builtin = |name: &str| b.borrow().get_str(&PyStr::new(name)).cloned().unwrap();
        assert!(has_quick(&builtin("len")) && has_quick(&builtin("isinstance")));
        assert!(!has_quick(&builtin("print")));
        let method = |t: &std::rc::Rc<crate::object::Object>, name: &str| {
            t.payload_type().lookup(&PyStr::new(name)).unwrap()
        };
        assert!(has_quick(&method(&vm.types.list, "append")));
        assert!(has_quick(&method(&vm.types.list, "pop")));
        assert!(has_quick(&method(&vm.types.dict, "get")));
        assert!(has_quick(&method(&vm.types.set, "add")));
        assert!(!has_quick(&method(&vm.types.list, "extend")));
    }
}
