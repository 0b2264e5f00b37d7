//! Builtin functions, builtin constructors and the methods of builtin types.

use super::builtins_types::{add_attr, add_method, Ctor};
use super::dispatch::{dict_get_str, dict_set_str, gen_of};
use super::frame::Ret;
use super::Vm;
use crate::object::{
    Dict, ExcKind, Module, NativeFn, NativeFunc, Object, Payload, Property, PyErr, PyResult, PyStr,
    SetObj, TypeKind, TypeObj, Value,
};
use crate::settable::SetTable;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};
use std::cell::RefCell;
use std::rc::Rc;

fn native(name: &'static str, f: NativeFn) -> Value {
    native_of("", name, f)
}

/// A built-in function of `owner` ("builtins", or the type of a static or class
/// method), with CPython's count check when the arity table has it.
fn native_of(owner: &str, name: &'static str, f: NativeFn) -> Value {
    Value::new_obj(Payload::Native(NativeFunc {
        name,
        func: f,
        is_method: false,
        consumes: consumer_of_fn(f).is_some(),
        data: Value::None,
        arity: super::arity::rule(owner, name),
        quick: if owner == "builtins" {
            super::quick::builtin(name)
        } else {
            None
        },
    }))
}

/// Split `args` into positional values and (name, value) keyword pairs.
pub(crate) fn split_kw<'a>(
    args: &'a [Value],
    kwnames: &'a [Value],
) -> (&'a [Value], Vec<(&'a str, &'a Value)>) {
    let npos = args.len() - kwnames.len();
    let kws = kwnames
        .iter()
        .zip(&args[npos..])
        .map(|(k, v)| (k.as_pystr().map(|s| s.as_str()).unwrap_or(""), v))
        .collect();
    (&args[..npos], kws)
}

pub(crate) fn kwarg<'a>(kws: &[(&str, &'a Value)], name: &str) -> Option<&'a Value> {
    kws.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
}

fn no_kw(name: &str, kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            name
        )));
    }
    Ok(())
}

/// The count check of a built-in's body, which indexes its arguments. The built-ins
/// CPython has are checked before they run, with CPython's wording (`vm/arity.rs`), so
/// this one only speaks for the others (and guards the bodies).
fn nargs(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        if min == max {
            return Err(PyErr::type_error(format!(
                "{}() takes exactly {} argument{} ({} given)",
                name,
                min,
                if min == 1 { "" } else { "s" },
                args.len()
            )));
        }
        if args.len() < min {
            return Err(PyErr::type_error(format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                args.len()
            )));
        }
        return Err(PyErr::type_error(format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(())
}

/// The first of `params` (required, positional) that `pos` lacks, reported as
/// CPython's keyword parser does: "pow() missing required argument 'exp' (pos 2)";
/// `numbered: false` leaves out the position (enumerate's wording). Too many
/// arguments are the arity table's to report.
pub(crate) fn require(name: &str, pos: &[Value], params: &[&str], numbered: bool) -> PyResult<()> {
    match params.get(pos.len()) {
        Some(p) if numbered => Err(PyErr::type_error(format!(
            "{name}() missing required argument '{p}' (pos {})",
            pos.len() + 1
        ))),
        Some(p) => Err(PyErr::type_error(format!(
            "{name}() missing required argument '{p}'"
        ))),
        None => Ok(()),
    }
}

/// The leading parameters of a C function that may come by position or by name
/// (`round(number=2.5)`, `math.isclose(a=1, b=1)`): each one's value, or CPython's
/// errors for one given twice or a required one missing.
pub(crate) fn positional_or_named<'a>(
    name: &str,
    pos: &'a [Value],
    kws: &[(&str, &'a Value)],
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<&'a Value>>> {
    let mut out = Vec::with_capacity(params.len());
    for (i, p) in params.iter().enumerate() {
        let v = match (pos.get(i), kwarg(kws, p)) {
            (Some(_), Some(_)) => {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('{p}') and position ({})",
                    i + 1
                )))
            }
            (v, by_name) => v.or(by_name),
        };
        if v.is_none() && i < required {
            return Err(PyErr::type_error(format!(
                "{name}() missing required argument '{p}' (pos {})",
                i + 1
            )));
        }
        out.push(v);
    }
    Ok(out)
}

fn s_of(v: &Value) -> &str {
    v.as_pystr().map(|s| s.as_str()).unwrap_or("")
}

pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    let set = |name: &str, v: Value| dict_set_str(&b, Value::str(name), v);
    let t = &vm.types;
    for (n, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("str", &t.str_),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("bytes", &t.bytes),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
    ] {
        set(n, Value::Obj(ty.clone()));
    }
    for k in ExcKind::ALL {
        set(k.name(), Value::Obj(vm.types.exc[*k as usize].clone()));
    }
    set(
        "EnvironmentError",
        Value::Obj(vm.types.exc[ExcKind::OSError as usize].clone()),
    );
    set(
        "IOError",
        Value::Obj(vm.types.exc[ExcKind::OSError as usize].clone()),
    );
    set("None", Value::None);
    set("Ellipsis", super::builtins_types::ellipsis());
    set("NotImplemented", super::builtins_types::not_implemented());
    set("__name__", Value::str("builtins"));
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", bi_print),
        ("len", bi_len),
        ("repr", bi_repr),
        ("ascii", bi_ascii),
        ("isinstance", bi_isinstance),
        ("issubclass", bi_issubclass),
        ("iter", bi_iter),
        ("next", bi_next),
        ("aiter", super::asyncgen::builtin_aiter),
        ("anext", super::asyncgen::builtin_anext),
        ("abs", bi_abs),
        ("min", bi_min),
        ("max", bi_max),
        ("sum", bi_sum),
        ("any", bi_any),
        ("all", bi_all),
        ("sorted", bi_sorted),
        ("reversed", bi_reversed),
        ("enumerate", bi_enumerate),
        ("zip", bi_zip),
        ("map", bi_map),
        ("filter", bi_filter),
        ("divmod", bi_divmod),
        ("round", bi_round),
        ("pow", bi_pow),
        ("hasattr", bi_hasattr),
        ("getattr", bi_getattr),
        ("setattr", bi_setattr),
        ("delattr", bi_delattr),
        ("id", bi_id),
        ("hash", bi_hash),
        ("ord", bi_ord),
        ("chr", bi_chr),
        ("hex", bi_hex),
        ("bin", bi_bin),
        ("oct", bi_oct),
        ("callable", bi_callable),
        ("format", bi_format),
        ("vars", bi_vars),
        ("globals", bi_globals),
        ("locals", bi_locals),
        ("dir", bi_dir),
        ("input", bi_input),
        ("__build_class__", bi_build_class),
        ("__import__", bi_import),
    ];
    for (n, f) in fns {
        set(n, native_of("builtins", n, *f));
    }
    install_methods(vm);
    super::builtin_dunders::install(&vm.types);
}

/// A built-in class method (`dict.fromkeys`, `int.from_bytes`), counted as `owner`'s.
fn add_classmethod(t: &Rc<Object>, owner: &'static str, name: &'static str, f: NativeFn) {
    let m = Value::new_obj(Payload::ClassMethod(native_of(owner, name, f)));
    add_attr(t, name, m);
}

fn install_methods(vm: &mut Vm) {
    let t = &vm.types;
    let o = &t.object;
    add_method(o, "__init__", m_object_init);
    add_method(o, "__repr__", m_object_repr);
    add_method(o, "__str__", m_object_str);
    add_method(o, "__eq__", m_object_eq);
    add_method(o, "__ne__", m_object_ne);
    add_method(o, "__hash__", m_object_hash);
    add_method(o, "__setattr__", m_object_setattr);
    add_method(o, "__delattr__", m_object_delattr);
    add_method(o, "__getattribute__", m_object_getattribute);
    add_method(o, "__format__", m_object_format);
    add_attr(o, "__new__", native("__new__", m_object_new));
    add_attr(
        o,
        "__init_subclass__",
        native("__init_subclass__", |_, _, _| Ok(Value::None)),
    );
    let be = &t.exc[ExcKind::BaseException as usize];
    add_method(be, "__init__", m_exc_init);
    add_method(be, "with_traceback", |vm, a, _| {
        if a.len() != 2 {
            return Err(PyErr::type_error(format!(
                "BaseException.with_traceback() takes exactly one argument ({} given)",
                a.len().saturating_sub(1)
            )));
        }
        vm.set_traceback(&a[0], &a[1])?;
        Ok(a[0].clone())
    });
    add_method(be, "add_note", |vm, a, _| {
        nargs("add_note", a, 2, 2)?;
        if a[1].as_pystr().is_none() {
            return Err(PyErr::type_error(format!(
                "note must be a str, not '{}'",
                vm.type_name(&a[1])
            )));
        }
        let key = Value::str("__notes__");
        let notes = match vm.getattr_opt(&a[0], &key)? {
            Some(n) => n,
            None => {
                let l = Value::list(vec![]);
                vm.setattr(&a[0], &key, l.clone())?;
                l
            }
        };
        match notes.payload() {
            Some(Payload::List(l)) => l.borrow_mut().push(a[1].clone()),
            _ => {
                return Err(PyErr::type_error(
                    "Cannot add note: __notes__ is not a list",
                ))
            }
        }
        Ok(Value::None)
    });
    add_method(be, "__str__", m_exc_str);
    add_method(be, "__repr__", m_exc_repr);
    for (n, f) in STR_METHODS {
        add_method(&t.str_, n, *f);
    }
    add_attr(
        &t.str_,
        "maketrans",
        native_of("str", "maketrans", str_maketrans),
    );
    for (n, f) in LIST_METHODS {
        add_method(&t.list, n, *f);
    }
    for (n, f) in DICT_METHODS {
        add_method(&t.dict, n, *f);
    }
    add_classmethod(&t.dict, "dict", "fromkeys", dict_fromkeys);
    for (n, f) in SET_METHODS {
        add_method(&t.set, n, *f);
        if !matches!(
            *n,
            "add"
                | "discard"
                | "remove"
                | "pop"
                | "clear"
                | "update"
                | "intersection_update"
                | "difference_update"
                | "symmetric_difference_update"
        ) {
            add_method(&t.frozenset, n, *f);
        }
    }
    add_method(&t.tuple, "index", seq_index);
    add_method(&t.tuple, "count", seq_count);
    add_method(&t.int, "bit_length", |_, a, _| {
        let b = super::ops::to_big(&a[0]).unwrap_or_default();
        Ok(Value::Int(b.bits() as i64))
    });
    // An int's own value: True.conjugate() is 1.
    add_method(&t.int, "conjugate", |_, a, _| Ok(int_value(&a[0])));
    add_method(&t.int, "bit_count", |_, a, _| {
        let b = super::ops::to_big(&a[0]).unwrap_or_default();
        Ok(Value::Int(
            b.magnitude()
                .iter_u64_digits()
                .map(|d| d.count_ones() as i64)
                .sum(),
        ))
    });
    add_method(&t.int, "to_bytes", int_to_bytes);
    add_classmethod(&t.int, "int", "from_bytes", int_from_bytes);
    add_method(&t.int, "as_integer_ratio", |_, a, _| {
        Ok(Value::tuple(vec![int_value(&a[0]), Value::Int(1)]))
    });
    add_method(&t.float, "conjugate", |_, a, _| Ok(a[0].clone()));
    add_method(&t.int, "__index__", |_, a, _| Ok(a[0].clone()));
    add_method(&t.float, "is_integer", |_, a, _| {
        Ok(Value::Bool(
            matches!(a[0], Value::Float(f) if f.fract() == 0.0 && f.is_finite()),
        ))
    });
    add_method(&t.float, "as_integer_ratio", |vm, a, _| {
        let Value::Float(f) = a[0] else {
            return Ok(Value::None);
        };
        if !f.is_finite() {
            return Err(PyErr::value_error(
                "cannot convert Infinity to integer ratio",
            ));
        }
        let (m, e, s) = decode_f64(f);
        let mut n = BigInt::from(m) * s;
        let mut d = BigInt::from(1);
        if e > 0 {
            n <<= e as usize;
        } else {
            d <<= (-e) as usize;
        }
        let g = num_integer::Integer::gcd(&n, &d);
        let _ = vm;
        Ok(Value::tuple(vec![
            Value::from_bigint(&n / &g),
            Value::from_bigint(&d / &g),
        ]))
    });
    add_method(&t.bytes, "decode", |vm, a, k| {
        let (pos, kws) = split_kw(a, k);
        let encoding = text_param(vm, "decode", "encoding", pos.get(1), &kws)?;
        let errors = text_param(vm, "decode", "errors", pos.get(2), &kws)?;
        let codec = crate::codecs::Codec::lookup(encoding.unwrap_or("utf-8"))?;
        match a[0].payload() {
            Some(Payload::Bytes(b)) => {
                crate::codecs::decode(b, codec, errors.unwrap_or("strict")).map(Value::string)
            }
            _ => Ok(Value::None),
        }
    });
    add_classmethod(&t.bytes, "bytes", "fromhex", bytes_fromhex);
    add_classmethod(&t.float, "float", "fromhex", float_fromhex);
    add_method(&t.float, "hex", |_, a, _| {
        let Value::Float(x) = a[0] else {
            return Ok(Value::None);
        };
        Ok(Value::string(float_hex(x)))
    });
    add_method(&t.bytes, "hex", bytes_hex);
    for g in [&t.generator, &t.coroutine] {
        add_method(g, "send", gen_send);
        add_method(g, "throw", gen_throw);
        add_method(g, "close", gen_close);
    }
    add_method(&t.generator, "__next__", gen_dunder_next);
    add_method(&t.generator, "__iter__", |_, a, _| Ok(a[0].clone()));
    add_method(&t.iterator, "__next__", |vm, a, _| {
        match vm.next(&a[0])? {
            Some(v) => Ok(v),
            None => Err(PyErr::stop_iteration(Value::None)),
        }
    });
    add_method(&t.iterator, "__iter__", |_, a, _| Ok(a[0].clone()));
    add_method(&t.type_, "mro", |vm, a, _| {
        let v = vm.special_attr(&a[0], "__mro__")?.unwrap_or(Value::None);
        Ok(Value::list(
            v.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
        ))
    });
    add_method(&t.property, "getter", |_, a, _| property_with(a, 0));
    add_method(&t.property, "setter", |_, a, _| property_with(a, 1));
    add_method(&t.property, "deleter", |_, a, _| property_with(a, 2));
}

/// `prop.getter(f)` / `.setter(f)` / `.deleter(f)`: a copy with accessor `which` replaced.
fn property_with(a: &[Value], which: usize) -> PyResult<Value> {
    nargs("property", a, 2, 2)?;
    let Some(Payload::Property(p)) = a[0].payload() else {
        return Err(PyErr::type_error("descriptor requires a 'property' object"));
    };
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = a[1].clone();
    let [fget, fset, fdel] = parts;
    let copy = Property::new(fget, fset, fdel);
    copy.name.set(p.name());
    Ok(Value::new_obj(Payload::Property(copy)))
}

fn decode_f64(f: f64) -> (u64, i32, i64) {
    let bits = f.to_bits();
    let sign = if bits >> 63 == 0 { 1 } else { -1 };
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let mant = if exp == 0 {
        (bits & 0xfffffffffffff) << 1
    } else {
        (bits & 0xfffffffffffff) | 0x10000000000000
    };
    (mant, exp - 1075, sign)
}

// ----- constructors -----

pub fn constructor_for(kind: TypeKind) -> Option<Ctor> {
    Some(match kind {
        TypeKind::Object => |vm, cls, a, k| {
            let (pos, _) = split_kw(a, k);
            if !pos.is_empty() {
                return Err(PyErr::type_error("object() takes no arguments"));
            }
            Ok(vm.new_instance(cls, &[]))
        },
        TypeKind::Int => ctor_int,
        TypeKind::Bool => |vm, _, a, _| {
            Ok(Value::Bool(match a.first() {
                Some(v) => vm.truthy(v)?,
                None => false,
            }))
        },
        TypeKind::Float => ctor_float,
        TypeKind::Str => |vm, _, a, k| match a.first() {
            None => Ok(Value::str("")),
            Some(v) => {
                if a.len() > 1 {
                    return str_decode(vm, a, k);
                }
                match (v, a.len()) {
                    (Value::Str(_), 1) => return Ok(v.clone()), // str(s) is s, as in CPython
                    (Value::Int(i), 1) => {
                        return Ok(Value::Str(crate::object::PyStr::from_int(*i)))
                    }
                    _ => {}
                }
                Ok(Value::string(vm.str_of(v)?))
            }
        },
        TypeKind::List => |vm, _, a, _| match a.first() {
            None => Ok(Value::list(vec![])),
            Some(v) => Ok(Value::list(vm.collect_iterable(v)?)),
        },
        TypeKind::Tuple => |vm, _, a, _| match a.first() {
            None => Ok(Value::tuple(vec![])),
            Some(v) => {
                if v.as_tuple().is_some() {
                    return Ok(v.clone());
                }
                Ok(Value::tuple(vm.collect_iterable(v)?))
            }
        },
        TypeKind::Dict => |vm, _, a, k| {
            let (pos, kws) = split_kw(a, k);
            let d = Value::dict(Dict::new());
            if let Some(src) = pos.first() {
                dict_update_from(vm, &d, src)?;
            }
            for (n, v) in kws {
                vm.dict_setitem(&d, Value::str(n), v.clone())?;
            }
            Ok(d)
        },
        TypeKind::Set | TypeKind::FrozenSet => |vm, cls, a, _| {
            let frozen = cls.payload_type().kind == TypeKind::FrozenSet;
            let items = match a.first() {
                Some(v) => vm.collect_iterable(v)?,
                None => vec![],
            };
            vm.new_set(items, frozen)
        },
        // (Keyword values follow the positional ones in `a`.)
        TypeKind::Bytes => |vm, _, a, k| match a[..a.len() - k.len()].first() {
            None if k.is_empty() => Ok(Value::bytes(vec![])),
            None => bytes_encode(vm, a, k),
            Some(Value::Str(_)) => bytes_encode(vm, a, k),
            Some(_) if a.len() > 1 => bytes_encode(vm, a, k),
            Some(v @ (Value::Int(_) | Value::Bool(_))) => {
                let n = vm.index_value(v)?;
                if n < 0 {
                    return Err(PyErr::value_error("negative count"));
                }
                Ok(Value::bytes(vec![0; n as usize]))
            }
            Some(v) => {
                if vm.get_iter(v).is_err() {
                    return Err(PyErr::type_error(format!(
                        "cannot convert '{}' object to bytes",
                        vm.type_name(v)
                    )));
                }
                let items = vm.collect_iterable(v)?;
                let mut out = vec![];
                for i in items {
                    let n = vm.index_value(&i)?;
                    if !(0..256).contains(&n) {
                        return Err(PyErr::value_error("bytes must be in range(0, 256)"));
                    }
                    out.push(n as u8);
                }
                Ok(Value::bytes(out))
            }
        },
        TypeKind::Range => |vm, _, a, _| {
            nargs("range", a, 1, 3)?;
            // (No vector: `for i in range(n)` in a function called often made one
            // each time.)
            let mut v = [0i64; 3];
            for (slot, x) in v.iter_mut().zip(a) {
                *slot = match x {
                    Value::Int(i) => *i,
                    _ => vm.index_value(x)?,
                };
            }
            let (start, stop, step) = match a.len() {
                1 => (0, v[0], 1),
                2 => (v[0], v[1], 1),
                _ => (v[0], v[1], v[2]),
            };
            if step == 0 {
                return Err(PyErr::value_error("range() arg 3 must not be zero"));
            }
            Ok(Value::Obj(Object::new_inline(|| Payload::Range {
                start,
                stop,
                step,
            })))
        },
        TypeKind::Slice => |_, _, a, _| {
            let (s, e, st) = match a.len() {
                0 => {
                    return Err(PyErr::type_error(
                        "slice expected at least 1 argument, got 0",
                    ))
                }
                1 => (Value::None, a[0].clone(), Value::None),
                2 => (a[0].clone(), a[1].clone(), Value::None),
                3 => (a[0].clone(), a[1].clone(), a[2].clone()),
                n => {
                    return Err(PyErr::type_error(format!(
                        "slice expected at most 3 arguments, got {n}"
                    )))
                }
            };
            Ok(Value::new_obj(Payload::Slice(s, e, st)))
        },
        TypeKind::Type => |vm, _, a, _| {
            if a.len() == 1 {
                return Ok(Value::Obj(vm.type_of(&a[0])));
            }
            if a.len() == 3 {
                let bases = a[1].as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                let ns = match a[2].payload() {
                    Some(Payload::Dict(d)) => d.borrow().clone(),
                    _ => Dict::new(),
                };
                return make_class(vm, s_of(&a[0]), bases, ns);
            }
            Err(PyErr::type_error("type() takes 1 or 3 arguments"))
        },
        TypeKind::Property => |_, _, a, k| {
            let (pos, kws) = split_kw(a, k);
            let get = |i: usize, n: &str| {
                pos.get(i)
                    .cloned()
                    .or_else(|| kwarg(&kws, n).cloned())
                    .unwrap_or(Value::None)
            };
            Ok(Value::new_obj(Payload::Property(Property::new(
                get(0, "fget"),
                get(1, "fset"),
                get(2, "fdel"),
            ))))
        },
        TypeKind::StaticMethod => |_, _, a, _| {
            one_argument("staticmethod", a)?;
            Ok(Value::new_obj(Payload::StaticMethod(a[0].clone())))
        },
        TypeKind::ClassMethod => |_, _, a, _| {
            one_argument("classmethod", a)?;
            Ok(Value::new_obj(Payload::ClassMethod(a[0].clone())))
        },
        TypeKind::Super => ctor_super,
        TypeKind::Opaque => |vm, cls, a, k| {
            let Some(new) = cls.payload_type().lookup(&PyStr::new("__new__")) else {
                return Err(PyErr::type_error("cannot create instances of this type"));
            };
            let mut args = vec![Value::Obj(cls.clone())];
            args.extend(a.iter().cloned());
            vm.call(&new, args, k)
        },
        _ => return None,
    })
}

/// `str(obj, encoding[, errors])`: decode bytes, with CPython's checks of the
/// arguments (their types first, then the object).
fn str_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    let encoding = text_param(vm, "str", "encoding", pos.get(1), &kws)?;
    let errors = text_param(vm, "str", "errors", pos.get(2), &kws)?;
    match pos[0].payload() {
        Some(Payload::Bytes(b)) => {
            let codec = crate::codecs::Codec::lookup(encoding.unwrap_or("utf-8"))?;
            crate::codecs::decode(b, codec, errors.unwrap_or("strict")).map(Value::string)
        }
        _ if matches!(pos[0], Value::Str(_)) => {
            Err(PyErr::type_error("decoding str is not supported"))
        }
        _ => Err(PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            vm.type_name(&pos[0])
        ))),
    }
}

/// `bytes(s, encoding[, errors])`, and `bytes(s)` for a str, which is an error.
fn bytes_encode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    let encoding = text_param(vm, "bytes", "encoding", pos.get(1), &kws)?;
    let errors = text_param(vm, "bytes", "errors", pos.get(2), &kws)?;
    let Some(Value::Str(s)) = pos.first() else {
        return Err(PyErr::type_error(
            if errors.is_some() && encoding.is_none() {
                "errors without a string argument"
            } else {
                "encoding without a string argument"
            },
        ));
    };
    let Some(encoding) = encoding else {
        return Err(PyErr::type_error("string argument without an encoding"));
    };
    let codec = crate::codecs::Codec::lookup(encoding)?;
    Ok(Value::bytes(crate::codecs::encode(
        s.as_str(),
        codec,
        errors.unwrap_or("strict"),
    )?))
}

fn ctor_int(vm: &mut Vm, _: &Rc<Object>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    let base = pos.get(1).or_else(|| kwarg(&kws, "base"));
    let Some(v) = pos.first() else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = vm.index_value(b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        let Value::Str(s) = v else {
            return Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            ));
        };
        return crate::format::parse_int(s.as_str(), b as u32)
            .map(Value::from_bigint)
            .ok_or_else(|| {
                PyErr::value_error(format!(
                    "invalid literal for int() with base {}: {}",
                    b,
                    crate::text::str_repr(s.as_str())
                ))
            });
    }
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyErr::overflow("cannot convert float infinity to integer"));
            }
            Ok(float_to_int(*f))
        }
        Value::Str(s)
            if vm.int_max_str_digits > 0 && s.len() > vm.int_max_str_digits && {
                let digits = s.as_str().bytes().filter(|b| b.is_ascii_digit()).count();
                digits > vm.int_max_str_digits
            } =>
        {
            let digits = s.as_str().bytes().filter(|b| b.is_ascii_digit()).count();
            Err(PyErr::value_error(format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                vm.int_max_str_digits, digits
            )))
        }
        Value::Str(s) => crate::format::parse_int(s.as_str(), 10)
            .map(Value::from_bigint)
            .ok_or_else(|| {
                PyErr::value_error(format!(
                    "invalid literal for int() with base 10: {}",
                    crate::text::str_repr(s.as_str())
                ))
            }),
        _ => {
            for m in ["__int__", "__index__", "__trunc__"] {
                if let Some(f) = vm.lookup_user_special(v, m) {
                    return vm.call_with(&f, [v.clone()]);
                }
            }
            Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

pub fn float_to_int(f: f64) -> Value {
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        Value::Int(t as i64)
    } else {
        use num_traits::FromPrimitive;
        Value::from_bigint(BigInt::from_f64(t).unwrap_or_default())
    }
}

fn ctor_float(vm: &mut Vm, _: &Rc<Object>, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let Some(v) = a.first() else {
        return Ok(Value::Float(0.0));
    };
    match v {
        Value::Float(_) => Ok(v.clone()),
        Value::Str(s) => crate::format::parse_float(s.as_str())
            .map(Value::Float)
            .ok_or_else(|| {
                PyErr::value_error(format!(
                    "could not convert string to float: {}",
                    crate::text::str_repr(s.as_str())
                ))
            }),
        _ if super::ops::is_int(v) => super::ops::to_f64(v)
            .filter(|f| f.is_finite())
            .map(Value::Float)
            .ok_or_else(|| PyErr::overflow("int too large to convert to float")),
        // Bytes are parsed as their ASCII text, and named by their repr when they fail.
        Value::Obj(o) if matches!(o.payload, Payload::Bytes(_)) => {
            let Payload::Bytes(b) = &o.payload else {
                unreachable!("matched above")
            };
            std::str::from_utf8(b)
                .ok()
                .filter(|t| t.is_ascii())
                .and_then(crate::format::parse_float)
                .map(Value::Float)
                .ok_or_else(|| {
                    PyErr::value_error(format!(
                        "could not convert string to float: {}",
                        crate::text::bytes_repr(b)
                    ))
                })
        }
        _ => {
            if let Some(f) = vm.lookup_user_special(v, "__float__") {
                return vm.call_with(&f, [v.clone()]);
            }
            Err(PyErr::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

fn ctor_super(vm: &mut Vm, _: &Rc<Object>, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let (typ, obj) = if a.len() >= 2 {
        (a[0].clone(), a[1].clone())
    } else {
        // Zero-argument form: __class__ cell and the first argument of the caller.
        let f = vm
            .frames
            .last()
            .ok_or_else(|| PyErr::runtime_error("super(): no current frame"))?;
        let code = f.code.clone();
        if code.argcount == 0 {
            return Err(PyErr::runtime_error("super(): no arguments"));
        }
        let mut first = f.stack[0].clone();
        if let Some(Payload::Cell(c)) = first.payload() {
            let inner = c.borrow().clone();
            first = inner;
        }
        let pos = code.freevars.iter().position(|n| &**n == "__class__");
        let Some(pos) = pos else {
            return Err(PyErr::runtime_error("super(): __class__ cell not found"));
        };
        let slot = code.varnames.len() + code.cellvars.len() + pos;
        let cls = match f.stack[slot].payload() {
            Some(Payload::Cell(c)) => c.borrow().clone(),
            _ => Value::None,
        };
        if cls.is_null() || cls.is_none() {
            return Err(PyErr::runtime_error("super(): empty __class__ cell"));
        }
        (cls, first)
    };
    let Some(t) = typ
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(PyErr::type_error("super() argument 1 must be a type"));
    };
    Ok(Value::new_obj(Payload::Super { typ: t, obj }))
}

/// What `super(typ, obj)` finds for `name`: the attribute in the dict of the first
/// class after `typ` in the MRO of `obj`'s type (of `obj` itself when it is a subclass
/// of `typ`), not bound to `obj`.
pub fn super_find(vm: &Vm, typ: &Rc<Object>, obj: &Value, name: &PyStr) -> Option<Value> {
    let start_type = match obj.payload() {
        Some(Payload::Type(_)) if TypeObj::is_subtype(obj.as_obj().unwrap(), typ) => {
            obj.as_obj().unwrap().clone()
        }
        _ => vm.type_of(obj),
    };
    // The MRO is the type itself, then its `mro` list.
    let mro = std::iter::once(&start_type).chain(start_type.payload_type().mro.iter());
    let mut after = mro.skip_while(|m| !Rc::ptr_eq(m, typ)).skip(1);
    after.find_map(|cls| cls.payload_type().dict.borrow().get_str(name).cloned())
}

/// Attribute lookup through `super()`: search the MRO after `typ`.
pub fn super_getattr(vm: &mut Vm, sup: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(Payload::Super { typ, obj }) = sup.payload() else {
        return Ok(None);
    };
    let n = name.as_pystr().unwrap();
    let Some(v) = super_find(vm, typ, obj, n) else {
        return Ok(None);
    };
    let is_class_obj = matches!(obj.payload(), Some(Payload::Type(_)));
    Ok(Some(match v.payload() {
        Some(Payload::Function(_)) if !is_class_obj => Value::new_obj(Payload::BoundMethod {
            func: v.clone(),
            receiver: obj.clone(),
        }),
        Some(Payload::Native(nf)) if nf.is_method && !is_class_obj => {
            Value::new_obj(Payload::BoundMethod {
                func: v.clone(),
                receiver: obj.clone(),
            })
        }
        Some(Payload::ClassMethod(f)) => Value::new_obj(Payload::BoundMethod {
            func: f.clone(),
            receiver: if is_class_obj {
                obj.clone()
            } else {
                Value::Obj(vm.type_of(obj))
            },
        }),
        Some(Payload::StaticMethod(f)) => f.clone(),
        Some(Payload::Property(p)) if !is_class_obj => {
            let f = p.fget.clone();
            return vm.call_with(&f, [obj.clone()]).map(Some);
        }
        _ => v.clone(),
    }))
}

/// Create a class object from a namespace (CPython's type.__new__).
pub fn make_class(vm: &mut Vm, name: &str, bases: Vec<Value>, mut ns: Dict) -> PyResult<Value> {
    // A class that defines __eq__ but not __hash__ gets __hash__ = None (type_new), so
    // its instances, and its subclasses' instances, are unhashable.
    let hash_key = Rc::new(PyStr::new("__hash__"));
    if ns.get_str(&PyStr::new("__eq__")).is_some() && ns.get_str(&hash_key).is_none() {
        ns.set_str(hash_key, Value::None);
    }
    let mut base_objs = vec![];
    for b in &bases {
        match b.as_obj() {
            Some(o) if matches!(o.payload, Payload::Type(_)) => base_objs.push(o.clone()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "bases must be types, not {}",
                    vm.type_name(b)
                )))
            }
        }
    }
    for b in &base_objs {
        let k = b.payload_type().kind;
        if matches!(
            k,
            TypeKind::Bool | TypeKind::Function | TypeKind::Generator | TypeKind::NoneType
        ) {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                b.payload_type().name
            )));
        }
    }
    if base_objs.is_empty() {
        base_objs.push(vm.types.object.clone());
    }
    let mro = c3_mro(&base_objs)?;
    let is_exception = mro.iter().any(|m| m.payload_type().is_exception);
    let module = ns
        .get_str(&PyStr::new("__module__"))
        .and_then(|v| v.as_pystr().map(|s| s.as_str().to_string()))
        .unwrap_or_else(|| "__main__".into());
    let qualname = ns
        .get_str(&PyStr::new("__qualname__"))
        .and_then(|v| v.as_pystr().map(|s| s.as_str().to_string()))
        .unwrap_or_else(|| name.to_string());
    let mut ns = ns;
    let classcell = ns.remove_str(&PyStr::new("__classcell__"));
    // A plain function named __new__ / __init_subclass__ / __class_getitem__ is implicitly static/class.
    if let Some(f) = ns.get_str(&PyStr::new("__new__")).cloned() {
        if matches!(f.payload(), Some(Payload::Function(_))) {
            ns.set_str(
                Rc::new(PyStr::new("__new__")),
                Value::new_obj(Payload::StaticMethod(f)),
            );
        }
    }
    for n in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = ns.get_str(&PyStr::new(n)).cloned() {
            if matches!(f.payload(), Some(Payload::Function(_))) {
                ns.set_str(
                    Rc::new(PyStr::new(n)),
                    Value::new_obj(Payload::ClassMethod(f)),
                );
            }
        }
    }
    let cls = Object::new(Payload::Type(Box::new(TypeObj {
        name: name.into(),
        qualname: qualname.into(),
        module: module.into(),
        bases: base_objs.clone(),
        mro,
        dict: RefCell::new(ns),
        kind: TypeKind::User,
        is_exception,
        cache: Default::default(),
        ctor_arity: None,
    })));
    if let Some(cell) = classcell {
        if let Some(Payload::Cell(c)) = cell.payload() {
            *c.borrow_mut() = Value::Obj(cls.clone());
        }
    }
    let cls_v = Value::Obj(cls.clone());
    set_names(vm, &cls)?;
    // __init_subclass__ of the parent.
    let parent = base_objs[0].clone();
    if let Some(f) = parent
        .payload_type()
        .lookup(&PyStr::new("__init_subclass__"))
    {
        if let Some(Payload::ClassMethod(func)) = f.payload() {
            let func = func.clone();
            vm.call_with(&func, [cls_v.clone()])?;
        }
    }
    Ok(cls_v)
}

/// `__set_name__(cls, name)` for each attribute of a new class whose type defines it
/// in Python, in the namespace's order, as type_new does. A failure is wrapped as in
/// CPython 3.11.
fn set_names(vm: &mut Vm, cls: &Rc<Object>) -> PyResult<()> {
    let entries: Vec<(Value, Value)> = cls
        .payload_type()
        .dict
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (name, attr) in entries {
        // property's own __set_name__ (native in CPython): it keeps the name.
        if let (Some(Payload::Property(p)), Value::Str(n)) = (attr.payload(), &name) {
            p.name.set(Some(n.clone()));
            continue;
        }
        let Some(set_name) = vm.lookup_user_special(&attr, "__set_name__") else {
            continue;
        };
        let args = vec![attr.clone(), Value::Obj(cls.clone()), name.clone()];
        if let Err(e) = vm.call(&set_name, args, &[]) {
            let cause = vm.materialize(e);
            let msg = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                vm.type_name(&attr),
                vm.repr(&name)?,
                cls.payload_type().name
            );
            let err = vm.materialize(PyErr::runtime_error(msg));
            vm.set_cause(&err, Some(cause));
            return Err(PyErr::Obj(err));
        }
    }
    Ok(())
}

fn c3_mro(bases: &[Rc<Object>]) -> PyResult<Vec<Rc<Object>>> {
    let mut seqs: Vec<Vec<Rc<Object>>> = bases
        .iter()
        .map(|b| {
            let mut v = vec![b.clone()];
            v.extend(b.payload_type().mro.iter().cloned());
            v
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, cand)))
            {
                chosen = Some(cand.clone());
                break;
            }
        }
        let Some(c) = chosen else {
            return Err(PyErr::type_error(
                "Cannot create a consistent method resolution order (MRO)",
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

// ----- builtin functions -----

fn bi_print(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    // (print takes any number of positional arguments, so the arity table has no
    // rule for it to carry its keywords.)
    if let Some((bad, _)) = kws
        .iter()
        .find(|(n, _)| !["sep", "end", "file", "flush"].contains(n))
    {
        return Err(PyErr::type_error(format!(
            "'{bad}' is an invalid keyword argument for print()"
        )));
    }
    let sep = match kwarg(&kws, "sep") {
        Some(Value::None) | None => " ".to_string(),
        Some(v) => vm.str_of(v)?,
    };
    let end = match kwarg(&kws, "end") {
        Some(Value::None) | None => "\n".to_string(),
        Some(v) => vm.str_of(v)?,
    };
    let mut out = String::new();
    for (i, v) in pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match v {
            Value::Str(s) => out.push_str(s.as_str()),
            _ => out.push_str(&vm.str_of(v)?),
        }
    }
    out.push_str(&end);
    match kwarg(&kws, "file") {
        Some(f) if !f.is_none() => {
            let w = vm.getattr(f, &Value::str("write"))?;
            vm.call_with(&w, [Value::string(out)])?;
            if let Some(fl) = kwarg(&kws, "flush") {
                if vm.truthy(fl)? {
                    vm.flush();
                }
            }
        }
        _ => {
            vm.write_stdout(&out);
            if let Some(fl) = kwarg(&kws, "flush") {
                if vm.truthy(fl)? {
                    vm.flush();
                }
            }
        }
    }
    Ok(Value::None)
}

pub(crate) fn bi_len(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    no_kw("len", k)?;
    Ok(Value::Int(vm.len_of(&a[0])? as i64))
}

fn bi_repr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(Value::string(vm.repr(&a[0])?))
}

fn bi_ascii(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let r = vm.repr(&a[0])?;
    Ok(Value::string(ascii_escape(&r)))
}

pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 256 {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n < 65536 {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

pub fn isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    // A class first: the common case.
    if let Some(c) = cls
        .as_obj()
        .filter(|c| matches!(c.payload, Payload::Type(_)))
    {
        return Ok(TypeObj::is_subtype(&vm.type_of(obj), c));
    }
    if let Some(items) = cls.as_tuple() {
        for c in items {
            if isinstance(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(PyErr::type_error(
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    ))
}

pub(crate) fn bi_isinstance(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(isinstance(vm, &a[0], &a[1])?))
}

fn bi_issubclass(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let Some(c) = a[0]
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Type(_)))
    else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    let targets = match a[1].as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![a[1].clone()],
    };
    for t in targets {
        match t.as_obj() {
            Some(to) if matches!(to.payload, Payload::Type(_)) => {
                if TypeObj::is_subtype(c, to) {
                    return Ok(Value::Bool(true));
                }
            }
            _ => {
                let _ = vm;
                return Err(PyErr::type_error(
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                ));
            }
        }
    }
    Ok(Value::Bool(false))
}

fn bi_iter(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    if a.len() == 2 {
        if !is_callable(vm, &a[0]) {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        return Ok(Value::new_obj(Payload::Iter(RefCell::new(
            crate::object::IterState::Callable {
                f: a[0].clone(),
                sentinel: a[1].clone(),
            },
        ))));
    }
    vm.get_iter(&a[0])
}

pub(crate) fn bi_next(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let it = &a[0];
    let next_method = match it.payload() {
        Some(Payload::Iter(_)) | Some(Payload::Generator(_)) => None,
        _ => vm.lookup_special(it, "__next__"),
    };
    let is_iter = next_method.is_some()
        || matches!(it.payload(), Some(Payload::Iter(_) | Payload::Generator(_)));
    if !is_iter {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(it)
        )));
    }
    if let Some(Payload::Generator(_)) = it.payload() {
        let g = it.as_obj().unwrap().clone();
        if gen_of(&g).state.get() == super::generator::GenState::Closed {
            return match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(PyErr::stop_iteration(Value::None)),
            };
        }
        return match vm.gen_send_native(g, Value::None) {
            Ok(super::iterate::GenResult::Yield(v)) => Ok(v),
            Ok(super::iterate::GenResult::Return(v)) => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(PyErr::stop_iteration(v)),
            },
            Err(e) => Err(e),
        };
    }
    if let Some(m) = next_method {
        // A `__next__` method's StopIteration propagates as raised, its value intact.
        return match (vm.call_with(&m, [it.clone()]), a.get(1)) {
            (Ok(v), _) => Ok(v),
            (Err(e), Some(d)) => vm.stop_iteration_result(e).map(|_| d.clone()),
            (Err(e), None) => Err(e),
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::stop_iteration(Value::None)),
        },
    }
}

fn bi_abs(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    match &a[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(v) => Value::Int(v),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(Value::from_bigint(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v => {
            if let Some(m) = vm.lookup_user_special(v, "__abs__") {
                return vm.call_with(&m, [v.clone()]);
            }
            Err(PyErr::type_error(format!(
                "bad operand type for abs(): '{}'",
                vm.type_name(v)
            )))
        }
    }
}

fn min_max(vm: &mut Vm, a: &[Value], k: &[Value], is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let (pos, kws) = split_kw(a, k);
    let key = kwarg(&kws, "key").cloned().filter(|v| !v.is_none());
    let default = kwarg(&kws, "default").cloned();
    if pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "{} expected at least 1 argument, got 0",
            name
        )));
    }
    if pos.len() > 1 && default.is_some() {
        return Err(PyErr::type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    // One iterable is walked as CPython's min_max walks it: each item's key and
    // comparison run as the item comes, not after the iterable is exhausted.
    let it = if pos.len() == 1 {
        Some(vm.get_iter(&pos[0])?)
    } else {
        None
    };
    let mut args = pos.iter().cloned();
    let mut best: Option<(Value, Value)> = None;
    loop {
        let item = match &it {
            Some(it) => vm.next(it)?,
            None => args.next(),
        };
        let Some(item) = item else { break };
        let k = match &key {
            Some(f) => vm.call_with(f, [item.clone()])?,
            None => item.clone(),
        };
        best = Some(match best {
            Some((b, bk)) if !beats(vm, &k, &bk, is_max)? => (b, bk),
            _ => (item, k),
        });
    }
    match (best, default) {
        (Some((b, _)), _) => Ok(b),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::value_error(format!(
            "{}() arg is an empty sequence",
            name
        ))),
    }
}

/// CPython's min_max step: does an item with key `k` replace the best so far, with key
/// `best` (`k > best` for max, `k < best` for min)?
pub(crate) fn beats(vm: &mut Vm, k: &Value, best: &Value, is_max: bool) -> PyResult<bool> {
    let r = vm.compare(k.clone(), best.clone(), if is_max { 4 } else { 0 })?;
    vm.truthy(&r)
}

fn bi_min(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    min_max(vm, a, k, false)
}

fn bi_max(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    min_max(vm, a, k, true)
}

fn bi_sum(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    let mut acc = pos
        .get(1)
        .cloned()
        .or_else(|| kwarg(&kws, "start").cloned())
        .unwrap_or(Value::Int(0));
    let it = vm.get_iter(&pos[0])?;
    if acc.as_pystr().is_some() {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    if matches!(acc.payload(), Some(Payload::Bytes(_))) {
        return Err(PyErr::type_error(
            "sum() can't sum bytes [use b''.join(seq) instead]",
        ));
    }
    while let Some(v) = vm.next(&it)? {
        acc = sum_step(vm, acc, v)?;
    }
    Ok(acc)
}

/// `acc + v`, as `sum()` adds each item.
pub(crate) fn sum_step(vm: &mut Vm, acc: Value, v: Value) -> PyResult<Value> {
    match (&acc, &v) {
        (Value::Int(x), Value::Int(y)) if x.checked_add(*y).is_some() => Ok(Value::Int(x + y)),
        _ => vm.binary_op(acc, v, 0),
    }
}

/// The built-in this native is, if it consumes a generator in the loop (`consume.rs`)
/// when called with one argument and no keywords.
pub(crate) fn consumer_of_native(
    nf: &crate::object::NativeFunc,
) -> Option<super::consume::Consumer> {
    consumer_of_fn(nf.func)
}

fn consumer_of_fn(f: NativeFn) -> Option<super::consume::Consumer> {
    use super::consume::Consumer;
    let is = |g: NativeFn| f as usize == g as usize;
    if is(bi_sum) {
        Some(Consumer::Sum)
    } else if is(bi_any) {
        Some(Consumer::Any)
    } else if is(bi_all) {
        Some(Consumer::All)
    } else if is(bi_min) {
        Some(Consumer::Min)
    } else if is(bi_max) {
        Some(Consumer::Max)
    } else {
        None
    }
}

fn bi_any(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let it = vm.get_iter(&a[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn bi_all(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let it = vm.get_iter(&a[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Stable sort with an optional key; comparison errors abort the sort.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = match &key {
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                ks.push(vm.call_with(f, [it.clone()])?);
            }
            ks
        }
        None => items.clone(),
    };
    // CPython's list.sort: reverse=True reverses, sorts stably with `<`, and reverses
    // back, so equal items keep their order and comparisons run as in CPython.
    let n = items.len();
    let mut idx: Vec<usize> = if reverse {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    if !sort_native_keys(&keys, &mut idx) {
        timsort(vm, &keys, &mut idx)?;
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

/// `timsort`'s result where no comparison can run Python code or fail and the order is
/// total: keys that are all small ints, all strings, or all tuples of them with one
/// kind at each position (`(len(w), w)`). Any stable sort then gives the same order,
/// so the standard library's does it, comparing the keys directly (CPython's sort
/// checks key types first too: unsafe_long_compare, unsafe_latin_compare,
/// unsafe_tuple_compare). False: other keys, `idx` untouched.
fn sort_native_keys(keys: &[Value], idx: &mut [usize]) -> bool {
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        let int = |i: usize| match keys[i] {
            Value::Int(x) => x,
            _ => unreachable!("checked above"),
        };
        idx.sort_by_key(|&i| int(i));
    } else if keys.iter().all(|k| matches!(k, Value::Str(_))) {
        let text = |i: usize| match &keys[i] {
            Value::Str(s) => s.as_str(),
            _ => unreachable!("checked above"),
        };
        idx.sort_by(|&a, &b| text(a).cmp(text(b)));
    } else if flat_tuples_of_one_kind(keys) {
        let items = |i: usize| match keys[i].payload() {
            Some(Payload::Tuple(t)) => &t[..],
            _ => unreachable!("checked above"),
        };
        // Lexicographic: the first items that differ decide, else the shorter tuple.
        idx.sort_by(|&a, &b| {
            let (x, y) = (items(a), items(b));
            x.iter()
                .zip(y)
                .map(|pair| match pair {
                    (Value::Int(p), Value::Int(q)) => p.cmp(q),
                    (Value::Str(p), Value::Str(q)) => p.as_str().cmp(q.as_str()),
                    _ => unreachable!("checked above"),
                })
                .find(|o| o.is_ne())
                .unwrap_or_else(|| x.len().cmp(&y.len()))
        });
    } else {
        return false;
    }
    true
}

/// Are the keys all tuples whose items are small ints or strings, the same kind at
/// each position in every tuple (so comparing two of them compares like with like)?
fn flat_tuples_of_one_kind(keys: &[Value]) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Unseen,
        Int,
        Str,
    }
    let mut kinds: Vec<Kind> = Vec::new();
    for k in keys {
        let Some(Payload::Tuple(items)) = k.payload() else {
            return false;
        };
        if kinds.len() < items.len() {
            kinds.resize(items.len(), Kind::Unseen);
        }
        for (item, kind) in items.iter().zip(kinds.iter_mut()) {
            let this = match item {
                Value::Int(_) => Kind::Int,
                Value::Str(_) => Kind::Str,
                _ => return false,
            };
            if *kind != Kind::Unseen && *kind != this {
                return false;
            }
            *kind = this;
        }
    }
    !keys.is_empty()
}

/// Sort `idx` (indices into `keys`) stably by `keys[i] < keys[j]`, making the same
/// comparisons as CPython's timsort where it matters to a program (the order of `__lt__`
/// calls, which operands a failing comparison names): natural runs found by `count_run`
/// and extended to `minrun` by binary insertion, then merged. Lists shorter than 64 are
/// sorted exactly as CPython sorts them; for longer ones the merges do not gallop, so the
/// result is the same but the comparison sequence may differ.
fn timsort(vm: &mut Vm, keys: &[Value], idx: &mut [usize]) -> PyResult<()> {
    let n = idx.len();
    if n < 2 {
        return Ok(());
    }
    let lt = |vm: &mut Vm, a: usize, b: usize| -> PyResult<bool> {
        // Builtin keys compare in place; `compare` takes its operands by value.
        if let Some(r) = vm.fast_compare(&keys[a], &keys[b], 0)? {
            return Ok(r);
        }
        let r = vm.compare(keys[a].clone(), keys[b].clone(), 0)?;
        match r {
            Value::Bool(b) => Ok(b),
            v => vm.truthy(&v),
        }
    };
    let minrun = {
        let (mut m, mut r) = (n, 0);
        while m >= 64 {
            r |= m & 1;
            m >>= 1;
        }
        m + r
    };
    let mut runs: Vec<(usize, usize)> = vec![];
    let mut lo = 0;
    while lo < n {
        // count_run: the longest ascending (a[i] >= a[i-1]) or strictly descending run.
        let mut len = 1;
        if lo + 1 < n {
            len = 2;
            if lt(vm, idx[lo + 1], idx[lo])? {
                while lo + len < n && lt(vm, idx[lo + len], idx[lo + len - 1])? {
                    len += 1;
                }
                idx[lo..lo + len].reverse();
            } else {
                while lo + len < n && !lt(vm, idx[lo + len], idx[lo + len - 1])? {
                    len += 1;
                }
            }
        }
        if len < minrun {
            let force = minrun.min(n - lo);
            // binarysort: insert each following item after its equals.
            for start in lo + len..lo + force {
                let pivot = idx[start];
                let (mut l, mut r) = (lo, start);
                while l < r {
                    let p = l + ((r - l) >> 1);
                    if lt(vm, pivot, idx[p])? {
                        r = p;
                    } else {
                        l = p + 1;
                    }
                }
                idx.copy_within(l..start, l + 1);
                idx[l] = pivot;
            }
            len = force;
        }
        runs.push((lo, len));
        lo += len;
    }
    // Merge neighbouring runs until one is left (stable: right wins only if smaller).
    let mut tmp: Vec<usize> = Vec::with_capacity(n);
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len() / 2 + 1);
        for pair in runs.chunks(2) {
            let [(a, alen), (_, blen)] = *pair else {
                merged.push(pair[0]);
                continue;
            };
            tmp.clear();
            tmp.extend_from_slice(&idx[a..a + alen]);
            let (mut i, mut j, mut o) = (0, a + alen, a);
            while i < alen && j < a + alen + blen {
                if lt(vm, idx[j], tmp[i])? {
                    idx[o] = idx[j];
                    j += 1;
                } else {
                    idx[o] = tmp[i];
                    i += 1;
                }
                o += 1;
            }
            idx[o..o + alen - i].copy_from_slice(&tmp[i..alen]);
            merged.push((a, alen + blen));
        }
        runs = merged;
    }
    Ok(())
}

fn bi_sorted(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    let items = vm.collect_iterable(&pos[0])?;
    let key = kwarg(&kws, "key").cloned().filter(|v| !v.is_none());
    let reverse = match kwarg(&kws, "reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok(Value::list(sort_values(vm, items, key, reverse)?))
}

fn bi_reversed(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let v = &a[0];
    if let Some(m) = vm.lookup_special(v, "__reversed__") {
        return vm.call_with(&m, [v.clone()]);
    }
    let st = match v.payload() {
        Some(Payload::List(l)) => crate::object::IterState::Reversed {
            seq: v.clone(),
            idx: l.borrow().len(),
        },
        Some(Payload::Tuple(t)) => crate::object::IterState::Reversed {
            seq: v.clone(),
            idx: t.len(),
        },
        Some(Payload::Dict(_)) | Some(Payload::Range { .. }) | Some(Payload::Bytes(_)) => {
            let mut items = vm.collect_iterable(v)?;
            items.reverse();
            let name = match v.payload() {
                Some(Payload::Dict(_)) => "dict_reversekeyiterator",
                Some(Payload::Range { .. }) => "range_iterator",
                _ => "reversed",
            };
            crate::object::IterState::Snapshot {
                items,
                idx: 0,
                name,
            }
        }
        _ => {
            if let Value::Str(_) = v {
                let mut items = vm.collect_iterable(v)?;
                items.reverse();
                crate::object::IterState::Snapshot {
                    items,
                    idx: 0,
                    name: "reversed",
                }
            } else if vm.lookup_user_special(v, "__getitem__").is_some() {
                let n = vm.len_of(v)?;
                crate::object::IterState::Reversed {
                    seq: v.clone(),
                    idx: n,
                }
            } else {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not reversible",
                    vm.type_name(v)
                )));
            }
        }
    };
    Ok(Value::new_obj(Payload::Iter(RefCell::new(st))))
}

fn bi_enumerate(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    let named = kwarg(&kws, "iterable").is_some();
    if !named {
        require("enumerate", pos, &["iterable"], false)?;
    }
    nargs("enumerate", pos, usize::from(!named), 2)?;
    let [iterable, start] =
        positional_or_named("enumerate", pos, &kws, &["iterable", "start"], 1)?[..]
    else {
        unreachable!("two parameters")
    };
    // CPython reads `start` before it asks for the iterator.
    let start = match start {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let it = vm.get_iter(iterable.expect("required"))?;
    Ok(Value::new_obj(Payload::Iter(RefCell::new(
        crate::object::IterState::Enumerate { it, n: start },
    ))))
}

fn bi_zip(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, _) = split_kw(a, k);
    let mut its = vec![];
    for v in pos {
        its.push(vm.get_iter(v)?);
    }
    Ok(Value::new_obj(Payload::Iter(RefCell::new(
        crate::object::IterState::Zip { its },
    ))))
}

fn bi_map(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    if a.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut its = vec![];
    for v in &a[1..] {
        its.push(vm.get_iter(v)?);
    }
    Ok(Value::new_obj(Payload::Iter(RefCell::new(
        crate::object::IterState::Map {
            f: a[0].clone(),
            its,
        },
    ))))
}

fn bi_filter(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let it = vm.get_iter(&a[1])?;
    Ok(Value::new_obj(Payload::Iter(RefCell::new(
        crate::object::IterState::Filter {
            f: a[0].clone(),
            it,
        },
    ))))
}

fn bi_divmod(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let number = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::BigInt(_)
        )
    };
    if !(number(&a[0]) && number(&a[1])) {
        if let Some(m) = vm.lookup_user_special(&a[0], "__divmod__") {
            let r = vm.call_with(&m, [a[0].clone(), a[1].clone()])?;
            if !matches!(r.payload(), Some(Payload::NotImplemented)) {
                return Ok(r);
            }
        }
        if let Some(m) = vm.lookup_user_special(&a[1], "__rdivmod__") {
            let r = vm.call_with(&m, [a[1].clone(), a[0].clone()])?;
            if !matches!(r.payload(), Some(Payload::NotImplemented)) {
                return Ok(r);
            }
        }
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(&a[0]),
            vm.type_name(&a[1])
        )));
    }
    let q = vm.binary_op(a[0].clone(), a[1].clone(), 2)?;
    let r = vm.binary_op(a[0].clone(), a[1].clone(), 6)?;
    Ok(Value::tuple(vec![q, r]))
}

/// `round`'s ndigits, an int of any size, clamped to i64's range (the rounding gives
/// the same result past a few hundred digits either way).
fn ndigits(vm: &mut Vm, n: &Value) -> PyResult<i64> {
    match n {
        Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => Ok(i64::MIN),
        Value::BigInt(_) => Ok(i64::MAX),
        n => vm.index_value(n),
    }
}

fn bi_round(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    nargs("round", pos, 0, 2)?;
    let [number, nd] = positional_or_named("round", pos, &kws, &["number", "ndigits"], 1)?[..]
    else {
        unreachable!("two parameters")
    };
    let nd = nd.filter(|v| !v.is_none()).cloned();
    let number = number.expect("required");
    match number {
        Value::Float(f) => match nd {
            None => {
                if f.is_nan() {
                    return Err(PyErr::value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(PyErr::overflow("cannot convert float infinity to integer"));
                }
                Ok(float_to_int(crate::format::round_half_even(*f)))
            }
            Some(n) => {
                // Past ±400 digits every float rounds as at ±400 (to itself, or a zero).
                let n = ndigits(vm, &n)?.clamp(-400, 400);
                Ok(Value::Float(crate::format::round_float(*f, n)))
            }
        },
        v if super::ops::is_int(v) => match nd {
            None => Ok(match v {
                Value::Bool(b) => Value::Int(*b as i64),
                _ => v.clone(),
            }),
            Some(n) => {
                let n = ndigits(vm, &n)?;
                if n >= 0 {
                    return Ok(int_value(v));
                }
                let x = super::ops::to_big(v).unwrap();
                // More digits rounded away than the int has: it rounds to 0.
                if n.unsigned_abs() > x.bits() / 3 + 2 {
                    return Ok(Value::Int(0));
                }
                let p = num_traits::pow::Pow::pow(BigInt::from(10), (-n) as u32);
                let (q, r) = num_integer::Integer::div_mod_floor(&x, &p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
                    q + 1
                } else {
                    q
                };
                Ok(Value::from_bigint(q * p))
            }
        },
        v => {
            if let Some(m) = vm.lookup_user_special(v, "__round__") {
                let mut args = vec![v.clone()];
                if let Some(n) = nd {
                    args.push(n);
                }
                return vm.call(&m, args, &[]);
            }
            Err(PyErr::type_error(format!(
                "type {} doesn't define __round__ method",
                vm.type_name(v)
            )))
        }
    }
}

fn bi_pow(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    require("pow", a, &["base", "exp"], true)?;
    nargs("pow", a, 2, 3)?;
    if a.len() == 3 && !a[2].is_none() {
        let (Some(b), Some(e), Some(m)) = (
            super::ops::to_big(&a[0]),
            super::ops::to_big(&a[1]),
            super::ops::to_big(&a[2]),
        ) else {
            // Float's pow, reached by any float among the three, refuses a modulus.
            if a.iter().any(|v| matches!(v, Value::Float(_))) {
                return Err(PyErr::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            }
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                vm.type_name(&a[0]),
                vm.type_name(&a[1]),
                vm.type_name(&a[2])
            )));
        };
        if m.is_zero() {
            return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
        }
        let (b, e) = if e.is_negative() {
            // A negative exponent means the modular inverse of the base (3.8+).
            let modulus = m.abs();
            let g = b.mod_floor(&modulus).extended_gcd(&modulus);
            if !g.gcd.is_one() {
                return Err(PyErr::value_error(
                    "base is not invertible for the given modulus",
                ));
            }
            (g.x.mod_floor(&modulus), -e)
        } else {
            (b, e)
        };
        let r = b.modpow(&e, &m);
        let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
            r + &m
        } else {
            r
        };
        return Ok(Value::from_bigint(r));
    }
    vm.binary_op(a[0].clone(), a[1].clone(), 8)
}

/// `classmethod(f)`, `staticmethod(f)`: exactly one argument, CPython's message otherwise.
fn one_argument(what: &str, a: &[Value]) -> PyResult<()> {
    if a.len() != 1 {
        return Err(PyErr::type_error(format!(
            "{what} expected 1 argument, got {}",
            a.len()
        )));
    }
    Ok(())
}

fn bi_hasattr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    if a[1].as_pystr().is_none() {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&a[1])
        )));
    }
    Ok(Value::Bool(vm.hasattr(&a[0], &a[1])?))
}

fn bi_getattr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    if a[1].as_pystr().is_none() {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&a[1])
        )));
    }
    match a.get(2) {
        None => vm.getattr(&a[0], &a[1]),
        Some(default) => Ok(vm
            .getattr_suppressed(&a[0], &a[1])?
            .unwrap_or_else(|| default.clone())),
    }
}

fn bi_setattr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    vm.setattr(&a[0], &a[1], a[2].clone())?;
    Ok(Value::None)
}

fn bi_delattr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    vm.delattr(&a[0], &a[1])?;
    Ok(Value::None)
}

fn bi_id(_: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(a[0].id()))
}

fn bi_hash(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(vm.hash(&a[0])?))
}

fn bi_ord(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    match &a[0] {
        Value::Str(s) if s.char_len() == 1 => {
            Ok(Value::Int(s.as_str().chars().next().unwrap() as i64))
        }
        Value::Str(s) => Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        ))),
        v => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(v)
        ))),
    }
}

fn bi_chr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let i = vm.index_value(&a[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        // (Encoded on the stack: a String made for it was a second allocation.)
        Some(c) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
        // pyco's strings are UTF-8, which has no lone surrogates.
        None if (0xD800..0xE000).contains(&i) => Err(PyErr::value_error(format!(
            "chr({i:#x}): lone surrogates are not supported by pyco's strings"
        ))),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn radix(vm: &mut Vm, a: &[Value], r: u32, p: &str) -> PyResult<Value> {
    let i = match super::ops::to_big(&a[0]) {
        Some(i) => i,
        None => BigInt::from(vm.index_value(&a[0])?),
    };
    Ok(Value::string(crate::format::int_to_radix(&i, r, p)))
}

fn bi_hex(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    radix(vm, a, 16, "0x")
}

fn bi_bin(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    radix(vm, a, 2, "0b")
}

fn bi_oct(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    radix(vm, a, 8, "0o")
}

fn bi_callable(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(is_callable(vm, &a[0])))
}

/// `callable(v)`.
pub(crate) fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::Function(_)
            | Payload::Native(_)
            | Payload::BoundMethod { .. }
            | Payload::Type(_),
        ) => true,
        Some(Payload::Instance(_)) => vm.lookup_special(v, "__call__").is_some(),
        _ => false,
    }
}

fn bi_format(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let spec = match a.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                parser_type_name(vm, v)
            )))
        }
    };
    Ok(Value::string(vm.format(&a[0], &spec)?))
}

fn bi_vars(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    match a.first() {
        Some(v) => vm.getattr(v, &Value::str("__dict__")),
        None => bi_locals(vm, a, &[]),
    }
}

fn bi_globals(vm: &mut Vm, _: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(Value::Obj(vm.frames.last().unwrap().globals.clone()))
}

fn bi_locals(vm: &mut Vm, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let f = vm.frames.last().unwrap();
    if let Some(l) = f.locals() {
        return Ok(Value::Obj(l.clone()));
    }
    // Module level: the namespace is the globals.
    if f.code.flags & crate::bytecode::flags::OPTIMIZED == 0 {
        return Ok(Value::Obj(f.globals.clone()));
    }
    let mut d = Dict::new();
    for (i, n) in f.code.varnames.iter().enumerate() {
        let v = &f.stack[i];
        let v = match v.payload() {
            Some(Payload::Cell(c)) => c.borrow().clone(),
            _ => v.clone(),
        };
        if !v.is_null() {
            d.set_str(Rc::new(PyStr::new(n)), v);
        }
    }
    Ok(Value::dict(d))
}

fn bi_dir(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let mut names: Vec<String> = vec![];
    match a.first() {
        None => {
            let l = bi_locals(vm, &[], &[])?;
            if let Some(Payload::Dict(d)) = l.payload() {
                names = d
                    .borrow()
                    .iter()
                    .map(|(k, _)| s_of(k).to_string())
                    .collect();
            }
        }
        Some(v) => {
            if let Some(Payload::Instance(i)) = v.payload() {
                names.extend(i.dict().borrow().iter().map(|(k, _)| s_of(k).to_string()));
            }
            if let Some(Payload::Module(m)) = v.payload() {
                if let Payload::Dict(d) = &m.dict.payload {
                    names.extend(d.borrow().iter().map(|(k, _)| s_of(k).to_string()));
                }
            }
            let t = match v.payload() {
                Some(Payload::Type(_)) => v.as_obj().unwrap().clone(),
                Some(Payload::Module(_)) => {
                    names.sort();
                    names.dedup();
                    return Ok(Value::list(names.into_iter().map(Value::string).collect()));
                }
                _ => vm.type_of(v),
            };
            let tt = t.payload_type();
            names.extend(tt.dict.borrow().iter().map(|(k, _)| s_of(k).to_string()));
            for m in &tt.mro {
                names.extend(
                    m.payload_type()
                        .dict
                        .borrow()
                        .iter()
                        .map(|(k, _)| s_of(k).to_string()),
                );
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn bi_input(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    if let Some(p) = a.first() {
        let s = vm.str_of(p)?;
        vm.write_stdout(&s);
    }
    vm.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => Ok(Value::string(
            line.trim_end_matches(['\n', '\r']).to_string(),
        )),
        Err(e) => Err(PyErr::new(ExcKind::OSError, e.to_string())),
    }
}

fn bi_build_class(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    if pos.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    if kwarg(&kws, "metaclass").is_some() {
        return Err(PyErr::new(
            ExcKind::NotImplementedError,
            "pyco does not support metaclasses",
        ));
    }
    let func = &pos[0];
    let name = s_of(&pos[1]).to_string();
    let bases = pos[2..].to_vec();
    let Some(Payload::Function(f)) = func.payload() else {
        return Err(PyErr::type_error(
            "__build_class__: func must be a function",
        ));
    };
    let ns = Object::new(Payload::Dict(RefCell::new(Dict::new())));
    let code = f.code.clone();
    let mut frame = vm.alloc_frame(
        code.clone(),
        f.globals.clone(),
        Some(ns.clone()),
        Ret::Entry,
    );
    frame.stack.resize(code.nlocalsplus(), Value::Null);
    if !f.closure.is_empty() {
        let start = code.nlocalsplus() - code.freevars.len();
        for (i, c) in f.closure.iter().enumerate() {
            frame.stack[start + i] = c.clone();
        }
    }
    vm.run_frame(frame)?;
    let d = match &ns.payload {
        Payload::Dict(d) => d.borrow().clone(),
        _ => Dict::new(),
    };
    make_class(vm, &name, bases, d)
}

fn bi_import(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    nargs("__import__", a, 1, 5)?;
    vm.import_module(s_of(&a[0]))
}

// ----- object / exception methods -----

fn m_object_init(_: &mut Vm, _: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(Value::None)
}

fn m_object_new(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let Some(cls) = a
        .first()
        .and_then(|c| c.as_obj())
        .filter(|o| matches!(o.payload, Payload::Type(_)))
    else {
        return Err(PyErr::type_error(
            "object.__new__(X): X is not a type object",
        ));
    };
    let cls = cls.clone();
    if cls.payload_type().kind != TypeKind::User {
        if let Some(ctor) = constructor_for(cls.payload_type().kind) {
            return ctor(vm, &cls, &a[1..], &[]);
        }
    }
    Ok(vm.new_instance(&cls, &a[1..]))
}

fn m_object_repr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let t = vm.type_of(&a[0]);
    let tt = t.payload_type();
    // CPython names a built-in type without its module (`<int object at 0x...>`).
    let module = match &*tt.module {
        "builtins" => String::new(),
        m => format!("{m}."),
    };
    Ok(Value::string(format!(
        "<{module}{} object at {:#x}>",
        tt.qualname,
        a[0].id()
    )))
}

fn m_object_str(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(Value::string(vm.repr(&a[0])?))
}

fn m_object_eq(_: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    nargs("__eq__", a, 2, 2)?;
    if a[0].is(&a[1]) {
        Ok(Value::Bool(true))
    } else {
        Ok(super::builtins_types::not_implemented())
    }
}

fn m_object_ne(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    nargs("__ne__", a, 2, 2)?;
    if let Some(eq) = vm.lookup_user_special(&a[0], "__eq__") {
        let r = vm.call_with(&eq, [a[0].clone(), a[1].clone()])?;
        if vm.is_not_implemented(&r) {
            return Ok(r);
        }
        return Ok(Value::Bool(!vm.truthy(&r)?));
    }
    Ok(Value::Bool(!a[0].is(&a[1])))
}

fn m_object_hash(_: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    Ok(Value::Int(a[0].id() >> 4))
}

/// `object.__delattr__(o, name)`: remove an attribute from the instance itself.
fn m_object_delattr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    nargs("__delattr__", a, 2, 2)?;
    vm.delattr_generic(&a[0], &a[1])?;
    Ok(Value::None)
}

fn m_object_setattr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    nargs("__setattr__", a, 3, 3)?;
    vm.setattr_generic(&a[0], &a[1], a[2].clone())?;
    Ok(Value::None)
}

fn m_object_getattribute(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    nargs("__getattribute__", a, 2, 2)?;
    vm.getattr(&a[0], &a[1])
}

fn m_object_format(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let spec = a.get(1).map(|s| s_of(s).to_string()).unwrap_or_default();
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&a[0])
        )));
    }
    Ok(Value::string(vm.str_of(&a[0])?))
}

fn m_exc_init(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, _) = split_kw(a, k);
    let mut args = pos[1..].to_vec();
    if vm.is_instance_of_kind(&a[0], ExcKind::OSError) {
        if let Some(Payload::Instance(i)) = a[0].payload() {
            super::call::split_oserror_args(&mut args, &mut i.dict().borrow_mut());
        }
    }
    if let Some(Payload::Instance(i)) = a[0].payload() {
        if let Some(d) = i.exc() {
            *d.args.borrow_mut() = args;
        }
    }
    Ok(Value::None)
}

fn m_exc_str(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    exc_str(vm, &a[0])
}

/// `BaseException.__str__`.
pub(crate) fn exc_str(vm: &mut Vm, exc: &Value) -> PyResult<Value> {
    let a = std::slice::from_ref(exc);
    let args = vm.exc_args(&a[0]);
    // OSError(errno, strerror[, filename]): "[Errno 2] No such file: 'x'".
    if args.len() == 2 && vm.is_instance_of_kind(&a[0], ExcKind::OSError) {
        let mut s = format!("[Errno {}] {}", vm.str_of(&args[0])?, vm.str_of(&args[1])?);
        let filename = match a[0].payload() {
            Some(Payload::Instance(i)) => {
                i.dict().borrow().get_str(&PyStr::new("filename")).cloned()
            }
            _ => None,
        };
        if let Some(f) = filename.filter(|f| !f.is_none()) {
            s.push_str(&format!(": {}", vm.repr(&f)?));
        }
        return Ok(Value::string(s));
    }
    Ok(Value::string(match args.len() {
        0 => String::new(),
        1 => {
            if vm.is_instance_of_kind(&a[0], ExcKind::KeyError) {
                vm.repr(&args[0])?
            } else {
                vm.str_of(&args[0])?
            }
        }
        _ => vm.repr(&Value::tuple(args))?,
    }))
}

fn m_exc_repr(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let args = vm.exc_args(&a[0]);
    let name = vm.type_name(&a[0]);
    let mut parts = vec![];
    for x in &args {
        parts.push(vm.repr(x)?);
    }
    Ok(Value::string(format!("{}({})", name, parts.join(", "))))
}

// ----- generator methods -----

pub(crate) fn gen_dunder_next(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let g = a[0].as_obj().unwrap().clone();
    match vm.gen_next(g)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration(Value::None)),
    }
}

pub(crate) fn gen_send(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    nargs("send", a, 2, 2)?;
    let g = a[0].as_obj().unwrap().clone();
    match vm.gen_send_native(g, a[1].clone())? {
        super::iterate::GenResult::Yield(v) => Ok(v),
        super::iterate::GenResult::Return(v) => Err(PyErr::stop_iteration(v)),
    }
}

fn gen_throw(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    nargs("throw", a, 2, 4)?;
    let g = a[0].as_obj().unwrap().clone();
    let exc = throw_args_to_exc(vm, &a[1..])?;
    match throw_gen(vm, g, exc)? {
        super::Completion::Yield(v) => Ok(v),
        super::Completion::Return(v) => Err(PyErr::stop_iteration(v)),
    }
}

/// `throw(typ[, val[, tb]])` arguments as one exception instance.
pub(crate) fn throw_args_to_exc(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mut exc = a[0].clone();
    if let Some(Payload::Type(_)) = exc.payload() {
        let args = match a.get(1) {
            Some(v) if !v.is_none() => match v.as_tuple() {
                Some(t) => t.to_vec(),
                None => vec![v.clone()],
            },
            _ => vec![],
        };
        exc = vm.call(&exc, args, &[])?;
    }
    if !vm.is_exception(&exc) {
        return Err(PyErr::type_error(
            "exceptions must be classes or instances deriving from BaseException, not ".to_string()
                + &vm.type_name(&exc),
        ));
    }
    Ok(exc)
}

/// Raise `exc` inside generator `g` at its yield point.
pub(crate) fn throw_gen(vm: &mut Vm, g: Rc<Object>, exc: Value) -> PyResult<super::Completion> {
    let gen = gen_of(&g);
    match gen.state.get() {
        super::generator::GenState::Created | super::generator::GenState::Closed => {
            // Never started (or finished): the exception is raised right away.
            gen.state.set(super::generator::GenState::Closed);
            gen.clear_frame();
            return Err(PyErr::Obj(exc));
        }
        super::generator::GenState::Running => {
            return Err(PyErr::value_error(format!(
                "{} already executing",
                gen.type_name()
            )));
        }
        _ => {}
    }
    vm.throw_into(g, exc, false)
}

fn gen_close(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let g = a[0].as_obj().unwrap().clone();
    close_gen(vm, g)?;
    Ok(Value::None)
}

/// `g.close()`: GeneratorExit at the yield point; yielding again is a RuntimeError.
pub(crate) fn close_gen(vm: &mut Vm, g: Rc<Object>) -> PyResult<()> {
    let gen = gen_of(&g);
    match gen.state.get() {
        super::generator::GenState::Created | super::generator::GenState::Closed => {
            gen.state.set(super::generator::GenState::Closed);
            gen.clear_frame();
            return Ok(());
        }
        super::generator::GenState::Running => {
            return Err(PyErr::value_error(format!(
                "{} already executing",
                gen.type_name()
            )));
        }
        _ => {}
    }
    let kind = super::dispatch::gen_of(&g).type_name();
    let exc = vm.materialize(PyErr::with_args(ExcKind::GeneratorExit, vec![]));
    match vm.throw_into(g, exc, false) {
        Ok(super::Completion::Yield(_)) => Err(PyErr::runtime_error(format!(
            "{kind} ignored GeneratorExit"
        ))),
        Ok(super::Completion::Return(_)) => Ok(()),
        Err(e) => {
            let e = vm.materialize(e);
            if vm.is_instance_of_kind(&e, ExcKind::GeneratorExit)
                || vm.is_instance_of_kind(&e, ExcKind::StopIteration)
            {
                Ok(())
            } else {
                Err(PyErr::Obj(e))
            }
        }
    }
}

/// `gen.gi_frame`: a snapshot object with f_lineno, f_locals, f_code. A running
/// generator's frame is found on the VM's stack (a collapsed level of a `yield from`
/// chain keeps its own).
pub fn frame_proxy(vm: &mut Vm, g: &Rc<Object>) -> Value {
    let gen = gen_of(g);
    let mut d = Dict::new();
    let own = gen.frame();
    let running = || {
        vm.frames
            .iter()
            .rev()
            .find(|f| f.gen().is_some_and(|o| Rc::ptr_eq(o, g)))
            .map(|f| &**f)
    };
    match own.as_deref().or_else(running) {
        Some(f) => snapshot_frame(&mut d, f),
        None => {
            d.set_str(
                Rc::new(PyStr::new("f_lineno")),
                Value::Int(gen.code.first_line as i64),
            );
            d.set_str(Rc::new(PyStr::new("f_locals")), Value::dict(Dict::new()));
        }
    }
    drop(own);
    let cls = frame_type(vm);
    Value::new_obj(Payload::Instance(crate::object::Instance::new(
        cls, d, None,
    )))
}

/// `frame_proxy`'s fields of frame `f`: the line of the instruction it last ran, its
/// locals and its code.
fn snapshot_frame(d: &mut Dict, f: &super::frame::Frame) {
    let line = f.code.line_of(f.ip.saturating_sub(1));
    d.set_str(Rc::new(PyStr::new("f_lineno")), Value::Int(line as i64));
    let mut locals = Dict::new();
    for (i, n) in f.code.varnames.iter().enumerate() {
        let v = match f.stack.get(i) {
            Some(v) => match v.payload() {
                Some(Payload::Cell(c)) => c.borrow().clone(),
                _ => v.clone(),
            },
            None => Value::Null,
        };
        if !v.is_null() {
            locals.set_str(Rc::new(PyStr::new(n)), v);
        }
    }
    d.set_str(Rc::new(PyStr::new("f_locals")), Value::dict(locals));
    d.set_str(
        Rc::new(PyStr::new("f_code")),
        crate::bytecode::code::code_value(&f.code),
    );
}

fn frame_type(vm: &mut Vm) -> Rc<Object> {
    if let Some(Value::Obj(o)) = vm.modules.get("__frame_type__") {
        return o.clone();
    }
    let t = super::builtins_types::new_type("frame", TypeKind::User, Some(&vm.types.object));
    vm.modules
        .insert("__frame_type__".into(), Value::Obj(t.clone()));
    t
}

// ----- str methods -----

fn this_str(a: &[Value]) -> &str {
    s_of(&a[0])
}

/// A wrong argument's type as Argument Clinic's messages name it: None itself, not
/// "NoneType" (`_PyArg_BadArgument`).
fn parser_type_name(vm: &Vm, v: &Value) -> String {
    match v {
        Value::None => "None".to_string(),
        v => vm.type_name(v),
    }
}

/// An int, or a bool as the int it is.
fn int_value(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    }
}

fn arg_str<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        // Argument Clinic's message, naming the argument.
        _ if !what.is_empty() => Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            parser_type_name(vm, v)
        ))),
        // The older message of some methods names no argument (and says NoneType).
        _ => Err(PyErr::type_error(format!(
            "must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// An optional str parameter given by position or keyword (`encoding`, `errors`), with
/// the argument parser's type error.
fn text_param<'a>(
    vm: &Vm,
    func: &str,
    name: &str,
    positional: Option<&'a Value>,
    kws: &[(&str, &'a Value)],
) -> PyResult<Option<&'a str>> {
    match positional.or_else(|| kwarg(kws, name)) {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str())),
        Some(v) => Err(PyErr::type_error(format!(
            "{func}() argument '{name}' must be str, not {}",
            parser_type_name(vm, v)
        ))),
    }
}

/// An optional integer argument that may not be None (`maxsplit`, `count`): None is
/// refused as any other non-integer.
fn opt_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    v.map(|v| vm.index_value(v)).transpose()
}

/// A start or end of `str.find` and its kin: None or an integer, with CPython's
/// `_PyEval_SliceIndex` error. Integers past the machine's range are clamped, as there.
fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => slice_index_not_none(vm, v, "integers or None").map(Some),
    }
}

/// `list.index`'s and `tuple.index`'s start and end (None refused:
/// `_PyEval_SliceIndexNotNone`).
fn slice_index_not_none(vm: &mut Vm, v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::BigInt(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        Value::Int(_) | Value::Bool(_) => vm.index_value(v),
        _ if vm.lookup_user_special(v, "__index__").is_some() => vm.index_value(v),
        _ => Err(PyErr::type_error(format!(
            "slice indices must be {what} or have an __index__ method"
        ))),
    }
}

/// The list of the pieces of `src` (a split): pieces of ASCII text are ASCII, and
/// are made without counting their code points again.
fn str_list(src: &Value, items: Vec<&str>) -> Value {
    let ascii = src.as_pystr().is_some_and(|s| s.is_ascii());
    Value::list(
        (items.into_iter())
            .map(|s| match ascii {
                true => Value::Str(PyStr::ascii(s)),
                false => Value::str(s),
            })
            .collect(),
    )
}

/// `s.upper()` / `s.lower()`: an ASCII string's bytes mapped straight into the new
/// string, others through the full Unicode mapping.
#[inline(always)]
fn case_mapped(s: &Value, ascii: impl Fn(u8) -> u8, full: fn(&str) -> String) -> Value {
    match s.as_pystr() {
        Some(p) if p.is_ascii() => Value::Str(PyStr::map_ascii(p.as_str(), ascii)),
        _ => Value::string(full(s_of(s))),
    }
}

static STR_METHODS: &[(&str, NativeFn)] = &[
    ("join", |vm, a, _| {
        let items = vm.collect_iterable(&a[1]).map_err(|e| match e {
            // The argument itself is not iterable (an error from iterating it stays).
            PyErr::New(ExcKind::TypeError, _) if vm.get_iter(&a[1]).is_err() => {
                PyErr::type_error("can only join an iterable")
            }
            e => e,
        })?;
        let sep = this_str(a);
        let mut out = String::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            match it {
                Value::Str(s) => out.push_str(s.as_str()),
                _ => {
                    return Err(PyErr::type_error(format!(
                        "sequence item {}: expected str instance, {} found",
                        i,
                        vm.type_name(it)
                    )))
                }
            }
        }
        Ok(Value::string(out))
    }),
    ("split", |vm, a, k| {
        let (pos, kws) = split_kw(a, k);
        let sep = pos
            .get(1)
            .or_else(|| kwarg(&kws, "sep"))
            .filter(|v| !v.is_none());
        let max = opt_index(vm, pos.get(2).or_else(|| kwarg(&kws, "maxsplit")))?.unwrap_or(-1);
        let s = this_str(a);
        Ok(match sep {
            None => str_list(&a[0], crate::text::split_whitespace(s, max)),
            Some(sep) => {
                let Value::Str(sep) = sep else {
                    return Err(PyErr::type_error(format!(
                        "must be str or None, not {}",
                        vm.type_name(sep)
                    )));
                };
                let sep = sep.as_str();
                if sep.is_empty() {
                    return Err(PyErr::value_error("empty separator"));
                }
                str_list(&a[0], crate::text::split_sep(s, sep, max))
            }
        })
    }),
    ("rsplit", |vm, a, k| {
        let (pos, kws) = split_kw(a, k);
        let sep = pos
            .get(1)
            .or_else(|| kwarg(&kws, "sep"))
            .filter(|v| !v.is_none());
        let max = opt_index(vm, pos.get(2).or_else(|| kwarg(&kws, "maxsplit")))?.unwrap_or(-1);
        let s = this_str(a);
        Ok(match sep {
            None => str_list(&a[0], crate::text::rsplit_whitespace(s, max)),
            Some(sep) => {
                let Value::Str(sep) = sep else {
                    return Err(PyErr::type_error(format!(
                        "must be str or None, not {}",
                        vm.type_name(sep)
                    )));
                };
                let sep = sep.as_str();
                if sep.is_empty() {
                    return Err(PyErr::value_error("empty separator"));
                }
                str_list(&a[0], crate::text::rsplit_sep(s, sep, max))
            }
        })
    }),
    ("splitlines", |vm, a, k| {
        let (pos, kws) = split_kw(a, k);
        // An integer (a bool is one), not any truthy value.
        let keep = match pos.get(1).or_else(|| kwarg(&kws, "keepends")) {
            Some(v) => vm.index_value(v)? != 0,
            None => false,
        };
        Ok(str_list(&a[0], crate::text::splitlines(this_str(a), keep)))
    }),
    ("strip", |vm, a, _| {
        str_strip(vm, a, "strip", crate::text::strip)
    }),
    ("lstrip", |vm, a, _| {
        str_strip(vm, a, "lstrip", crate::text::lstrip)
    }),
    ("rstrip", |vm, a, _| {
        str_strip(vm, a, "rstrip", crate::text::rstrip)
    }),
    ("upper", |_, a, _| {
        Ok(case_mapped(
            &a[0],
            |b| b.to_ascii_uppercase(),
            crate::text::upper,
        ))
    }),
    ("lower", |_, a, _| {
        Ok(case_mapped(
            &a[0],
            |b| b.to_ascii_lowercase(),
            crate::text::lower,
        ))
    }),
    ("casefold", |_, a, _| {
        Ok(Value::string(crate::text::casefold(this_str(a))))
    }),
    ("swapcase", |_, a, _| {
        Ok(Value::string(crate::text::swapcase(this_str(a))))
    }),
    ("title", |_, a, _| {
        Ok(Value::string(crate::text::title(this_str(a))))
    }),
    ("capitalize", |_, a, _| {
        Ok(Value::string(crate::text::capitalize(this_str(a))))
    }),
    ("replace", |vm, a, _| {
        let old = arg_str(vm, &a[1], "replace() argument 1")?;
        let new = arg_str(vm, &a[2], "replace() argument 2")?;
        let count = opt_index(vm, a.get(3))?.unwrap_or(-1);
        Ok(Value::string(crate::text::replace(
            this_str(a),
            old,
            new,
            count,
        )))
    }),
    ("startswith", |vm, a, _| str_affix(vm, a, true)),
    ("endswith", |vm, a, _| str_affix(vm, a, false)),
    ("find", |vm, a, _| str_find(vm, a, 0)),
    ("rfind", |vm, a, _| str_find(vm, a, 1)),
    ("index", |vm, a, _| str_find(vm, a, 2)),
    ("rindex", |vm, a, _| str_find(vm, a, 3)),
    ("count", |vm, a, _| {
        let st = slice_index(vm, a.get(2))?;
        let en = slice_index(vm, a.get(3))?;
        let sub = arg_str(vm, &a[1], "")?.to_string();
        Ok(Value::Int(crate::text::count(this_str(a), &sub, st, en)))
    }),
    ("format", |vm, a, k| str_format(vm, a, k)),
    ("format_map", str_format_map),
    ("isprintable", |_, a, _| {
        Ok(Value::Bool(crate::text::is_printable(this_str(a))))
    }),
    ("isdigit", |_, a, _| {
        Ok(Value::Bool(crate::text::is_digit(this_str(a))))
    }),
    ("isalpha", |_, a, _| {
        Ok(Value::Bool(crate::text::is_alpha(this_str(a))))
    }),
    ("isalnum", |_, a, _| {
        Ok(Value::Bool(crate::text::is_alnum(this_str(a))))
    }),
    ("isspace", |_, a, _| {
        Ok(Value::Bool(crate::text::is_space(this_str(a))))
    }),
    ("isupper", |_, a, _| {
        Ok(Value::Bool(crate::text::is_upper(this_str(a))))
    }),
    ("islower", |_, a, _| {
        Ok(Value::Bool(crate::text::is_lower(this_str(a))))
    }),
    ("istitle", |_, a, _| {
        Ok(Value::Bool(crate::text::is_title(this_str(a))))
    }),
    ("isdecimal", |_, a, _| {
        Ok(Value::Bool(crate::text::is_decimal(this_str(a))))
    }),
    ("isnumeric", |_, a, _| {
        Ok(Value::Bool(crate::text::is_numeric(this_str(a))))
    }),
    ("isidentifier", |_, a, _| {
        Ok(Value::Bool(crate::text::is_identifier(this_str(a))))
    }),
    ("isascii", |_, a, _| {
        Ok(Value::Bool(crate::text::is_ascii(this_str(a))))
    }),
    ("center", |vm, a, _| str_pad(vm, a, 0)),
    ("ljust", |vm, a, _| str_pad(vm, a, 1)),
    ("rjust", |vm, a, _| str_pad(vm, a, 2)),
    ("zfill", |vm, a, _| {
        let w = vm.index_value(&a[1])?;
        Ok(Value::string(crate::text::zfill(this_str(a), w)))
    }),
    ("partition", |vm, a, _| {
        let sep = arg_str(vm, &a[1], "")?;
        if sep.is_empty() {
            return Err(PyErr::value_error("empty separator"));
        }
        let (x, y, z) = crate::text::partition(this_str(a), sep);
        Ok(Value::tuple(vec![
            Value::str(x),
            Value::str(y),
            Value::str(z),
        ]))
    }),
    ("rpartition", |vm, a, _| {
        let sep = arg_str(vm, &a[1], "")?;
        if sep.is_empty() {
            return Err(PyErr::value_error("empty separator"));
        }
        let (x, y, z) = crate::text::rpartition(this_str(a), sep);
        Ok(Value::tuple(vec![
            Value::str(x),
            Value::str(y),
            Value::str(z),
        ]))
    }),
    ("expandtabs", |vm, a, _| {
        let t = opt_index(vm, a.get(1))?.unwrap_or(8);
        Ok(Value::string(crate::text::expandtabs(this_str(a), t)))
    }),
    ("encode", |vm, a, k| {
        let (pos, kws) = split_kw(a, k);
        let encoding = text_param(vm, "encode", "encoding", pos.get(1), &kws)?;
        let errors = text_param(vm, "encode", "errors", pos.get(2), &kws)?;
        let codec = crate::codecs::Codec::lookup(encoding.unwrap_or("utf-8"))?;
        let b = crate::codecs::encode(this_str(a), codec, errors.unwrap_or("strict"))?;
        Ok(Value::bytes(b))
    }),
    ("removeprefix", |vm, a, _| {
        let p = arg_str(vm, &a[1], "removeprefix() argument")?;
        let s = this_str(a);
        Ok(Value::str(s.strip_prefix(p).unwrap_or(s)))
    }),
    ("removesuffix", |vm, a, _| {
        let p = arg_str(vm, &a[1], "removesuffix() argument")?;
        let s = this_str(a);
        Ok(Value::str(if p.is_empty() {
            s
        } else {
            s.strip_suffix(p).unwrap_or(s)
        }))
    }),
    ("translate", |vm, a, _| {
        let s = this_str(a).to_string();
        let mut out = String::new();
        for c in s.chars() {
            match vm.getitem(&a[1], &Value::Int(c as i64)) {
                Ok(Value::None) => {}
                Ok(Value::Str(r)) => out.push_str(r.as_str()),
                Ok(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
                    let i = vm.index_value(&v).unwrap_or(-1);
                    match u32::try_from(i).ok().and_then(char::from_u32) {
                        Some(m) => out.push(m),
                        None => {
                            return Err(PyErr::value_error(
                                "character mapping must be in range(0x110000)",
                            ))
                        }
                    }
                }
                Ok(_) => {
                    return Err(PyErr::type_error(
                        "character mapping must return integer, None or str",
                    ))
                }
                // A character the table has no entry for stays.
                Err(e) if vm.err_is(&e, ExcKind::LookupError) => out.push(c),
                Err(e) => return Err(e),
            }
        }
        Ok(Value::string(out))
    }),
];

fn str_strip(
    _vm: &mut Vm,
    a: &[Value],
    name: &str,
    f: for<'s> fn(&'s str, Option<&str>) -> &'s str,
) -> PyResult<Value> {
    let chars = match a.get(1) {
        Some(Value::None) | None => None,
        Some(Value::Str(c)) => Some(c.as_str()),
        Some(_) => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
    };
    Ok(Value::str(f(this_str(a), chars)))
}

/// `str.maketrans`, with CPython's checks: one dict (its keys made code points), or two
/// strings of equal length and an optional third of characters to delete.
fn str_maketrans(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let d = Value::dict(Dict::new());
    if a.len() == 1 {
        let Some(Payload::Dict(src)) = a[0].payload() else {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        let entries = src.borrow().items();
        for (k, v) in entries {
            let code = match &k {
                Value::Str(s) if s.char_len() == 1 => s.as_str().chars().next().unwrap() as i64,
                Value::Str(_) => {
                    return Err(PyErr::value_error(
                        "string keys in translate table must be of length 1",
                    ))
                }
                Value::Int(i) => *i,
                _ => {
                    return Err(PyErr::type_error(
                        "keys in translate table must be strings or integers",
                    ))
                }
            };
            vm.dict_setitem(&d, Value::Int(code), v)?;
        }
        return Ok(d);
    }
    let text_arg = |i: usize| match &a[i] {
        Value::Str(s) => Ok(s.as_str().chars().collect::<Vec<char>>()),
        v => Err(PyErr::type_error(format!(
            "maketrans() argument {} must be str, not {}",
            i + 1,
            vm.type_name(v)
        ))),
    };
    // The argument parser checks the second and third before the body the first.
    let y = text_arg(1)?;
    let z = if a.len() > 2 { text_arg(2)? } else { vec![] };
    let Value::Str(x) = &a[0] else {
        return Err(PyErr::type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let x: Vec<char> = x.as_str().chars().collect();
    if x.len() != y.len() {
        return Err(PyErr::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (p, q) in x.iter().zip(y.iter()) {
        vm.dict_setitem(&d, Value::Int(*p as i64), Value::Int(*q as i64))?;
    }
    for c in z {
        vm.dict_setitem(&d, Value::Int(c as i64), Value::None)?;
    }
    Ok(d)
}

fn str_affix(vm: &mut Vm, a: &[Value], start: bool) -> PyResult<Value> {
    let st = slice_index(vm, a.get(2))?;
    let en = slice_index(vm, a.get(3))?;
    let s = this_str(a);
    let cands: Vec<Value> = match a[1].as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![a[1].clone()],
    };
    for c in &cands {
        let Value::Str(p) = c else {
            return Err(PyErr::type_error(format!(
                "{} first arg must be str or a tuple of str, not {}",
                if start { "startswith" } else { "endswith" },
                vm.type_name(c)
            )));
        };
        let hit = if start {
            crate::text::startswith(s, p.as_str(), st, en)
        } else {
            crate::text::endswith(s, p.as_str(), st, en)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_find(vm: &mut Vm, a: &[Value], mode: u8) -> PyResult<Value> {
    // CPython parses the bounds before it looks at the substring's type.
    let st = slice_index(vm, a.get(2))?;
    let en = slice_index(vm, a.get(3))?;
    let sub = arg_str(vm, &a[1], "")?.to_string();
    let s = this_str(a);
    let r = if mode.is_multiple_of(2) {
        crate::text::find(s, &sub, st, en)
    } else {
        crate::text::rfind(s, &sub, st, en)
    };
    if mode >= 2 && r < 0 {
        return Err(PyErr::value_error("substring not found"));
    }
    Ok(Value::Int(r))
}

fn str_pad(vm: &mut Vm, a: &[Value], mode: u8) -> PyResult<Value> {
    let w = vm.index_value(&a[1])?;
    let fill = match a.get(2) {
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap(),
        Some(Value::Str(_)) => {
            return Err(PyErr::type_error(
                "The fill character must be exactly one character long",
            ))
        }
        Some(v) => {
            return Err(PyErr::type_error(format!(
                "The fill character must be a unicode character, not {}",
                vm.type_name(v)
            )))
        }
        None => ' ',
    };
    let s = this_str(a);
    Ok(Value::string(match mode {
        0 => crate::text::center(s, w, fill),
        1 => crate::text::ljust(s, w, fill),
        _ => crate::text::rjust(s, w, fill),
    }))
}

fn str_format(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    let fmt = this_str(a).to_string();
    let args = &pos[1..];
    let mut auto = 0usize;
    let out = format_with(vm, &fmt, args, Names::Keywords(&kws), &mut auto, 0)?;
    Ok(Value::string(out))
}

/// `s.format_map(mapping)`: named fields looked up through `mapping`'s `__getitem__`
/// (any object with one); positional fields are refused.
fn str_format_map(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let fmt = this_str(a).to_string();
    let mut auto = 0usize;
    let out = format_with(vm, &fmt, &[], Names::Mapping(&a[1]), &mut auto, 0)?;
    Ok(Value::string(out))
}

/// Where `str.format`'s named fields come from.
#[derive(Clone, Copy)]
enum Names<'a> {
    Keywords(&'a [(&'a str, &'a Value)]),
    Mapping(&'a Value),
}

fn format_with(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    names: Names,
    auto: &mut usize,
    depth: usize,
) -> PyResult<String> {
    use crate::text::{FieldAccess, FieldFirst, FormatPiece};
    if depth > 2 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let pieces = crate::text::parse_format_string(fmt).map_err(PyErr::value_error)?;
    let mut out = String::new();
    for p in pieces {
        match p {
            FormatPiece::Literal(s) => out.push_str(&s),
            FormatPiece::Field {
                first,
                rest,
                conversion,
                spec,
            } => {
                if let (Names::Mapping(_), FieldFirst::Auto | FieldFirst::Index(_)) =
                    (names, &first)
                {
                    return Err(PyErr::value_error(
                        "Format string contains positional fields",
                    ));
                }
                let mut v = match first {
                    FieldFirst::Auto => {
                        let i = *auto;
                        *auto += 1;
                        args.get(i).cloned().ok_or_else(|| {
                            PyErr::index_error(format!(
                                "Replacement index {} out of range for positional args tuple",
                                i
                            ))
                        })?
                    }
                    FieldFirst::Index(i) => args.get(i).cloned().ok_or_else(|| {
                        PyErr::index_error(format!(
                            "Replacement index {} out of range for positional args tuple",
                            i
                        ))
                    })?,
                    FieldFirst::Name(n) => match names {
                        Names::Keywords(kws) => kwarg(kws, &n)
                            .cloned()
                            .ok_or_else(|| PyErr::key_error(Value::str(&n)))?,
                        Names::Mapping(m) => vm.getitem(m, &Value::str(&n))?,
                    },
                };
                for acc in rest {
                    v = match acc {
                        FieldAccess::Attr(n) => vm.getattr(&v, &Value::str(&n))?,
                        FieldAccess::Index(i) => vm.getitem(&v, &Value::Int(i as i64))?,
                        FieldAccess::Key(k) => vm.getitem(&v, &Value::str(&k))?,
                    };
                }
                let v = match conversion {
                    Some('r') => Value::string(vm.repr(&v)?),
                    Some('s') => Value::string(vm.str_of(&v)?),
                    Some('a') => Value::string(ascii_escape(&vm.repr(&v)?)),
                    _ => v,
                };
                let spec = if spec.contains('{') {
                    format_with(vm, &spec, args, names, auto, depth + 1)?
                } else {
                    spec
                };
                out.push_str(&vm.format(&v, &spec)?);
            }
        }
    }
    Ok(out)
}

// ----- list methods -----

fn this_list(a: &[Value]) -> &RefCell<Vec<Value>> {
    match a[0].payload() {
        Some(Payload::List(l)) => l,
        _ => panic!("list method on non-list"),
    }
}

static LIST_METHODS: &[(&str, NativeFn)] = &[
    ("append", |_, a, _| {
        this_list(a).borrow_mut().push(a[1].clone());
        Ok(Value::None)
    }),
    ("extend", |vm, a, _| {
        let items = vm.collect_iterable(&a[1])?;
        this_list(a).borrow_mut().extend(items);
        Ok(Value::None)
    }),
    ("pop", |vm, a, _| {
        // The index is read before the list is looked at, as CPython's argument
        // parsing does.
        let i = a.get(1).map(|v| vm.index_value(v)).transpose()?;
        let l = this_list(a);
        let n = l.borrow().len();
        if n == 0 {
            return Err(PyErr::index_error("pop from empty list"));
        }
        let i = i.unwrap_or(n as i64 - 1);
        let j = if i < 0 { i + n as i64 } else { i };
        if j < 0 || j >= n as i64 {
            return Err(PyErr::index_error("pop index out of range"));
        }
        Ok(l.borrow_mut().remove(j as usize))
    }),
    ("insert", |vm, a, _| {
        let l = this_list(a);
        let n = l.borrow().len() as i64;
        let i = vm.index_value(&a[1])?;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        l.borrow_mut().insert(j as usize, a[2].clone());
        Ok(Value::None)
    }),
    ("remove", |vm, a, _| {
        let l = this_list(a);
        let items = l.borrow().clone();
        for (i, x) in items.iter().enumerate() {
            if vm.eq(x, &a[1])? {
                l.borrow_mut().remove(i);
                return Ok(Value::None);
            }
        }
        Err(PyErr::value_error("list.remove(x): x not in list"))
    }),
    ("index", seq_index),
    ("count", seq_count),
    ("sort", |vm, a, k| {
        let (_, kws) = split_kw(a, k);
        let key = kwarg(&kws, "key").cloned().filter(|v| !v.is_none());
        let reverse = match kwarg(&kws, "reverse") {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let l = this_list(a);
        let items = std::mem::take(&mut *l.borrow_mut());
        let r = sort_values(vm, items.clone(), key, reverse);
        match r {
            Ok(sorted) => {
                *l.borrow_mut() = sorted;
                Ok(Value::None)
            }
            Err(e) => {
                *l.borrow_mut() = items;
                Err(e)
            }
        }
    }),
    ("reverse", |_, a, _| {
        this_list(a).borrow_mut().reverse();
        Ok(Value::None)
    }),
    ("copy", |_, a, _| {
        Ok(Value::list(this_list(a).borrow().clone()))
    }),
    ("clear", |_, a, _| {
        // Released after the borrow, from the last item back, as CPython does.
        let mut items = std::mem::take(&mut *this_list(a).borrow_mut());
        while let Some(v) = items.pop() {
            drop(v);
        }
        Ok(Value::None)
    }),
];

/// Item `i` of a list or tuple, if it still has one (a comparison run by `index` or
/// `count` may shrink a list, as CPython's loops re-check).
fn seq_item(seq: &Value, i: usize) -> Option<Value> {
    match seq.payload() {
        Some(Payload::List(l)) => l.borrow().get(i).cloned(),
        Some(Payload::Tuple(t)) => t.get(i).cloned(),
        _ => None,
    }
}

fn seq_len(seq: &Value) -> usize {
    match seq.payload() {
        Some(Payload::List(l)) => l.borrow().len(),
        Some(Payload::Tuple(t)) => t.len(),
        _ => 0,
    }
}

fn seq_index(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    // Bounds first (their `__index__` may run code), then against the length now.
    let mut bound = |v: Option<&Value>| -> PyResult<Option<i64>> {
        v.map(|v| slice_index_not_none(vm, v, "integers"))
            .transpose()
    };
    let (st, en) = (bound(a.get(2))?, bound(a.get(3))?);
    let n = seq_len(&a[0]) as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let (st, en) = (norm(st.unwrap_or(0)), norm(en.unwrap_or(n)));
    // Item by item, not a copy of the whole sequence.
    for i in st..en {
        let Some(item) = seq_item(&a[0], i as usize) else {
            break;
        };
        if vm.eq(&item, &a[1])? {
            return Ok(Value::Int(i));
        }
    }
    let what = if a[0].as_tuple().is_some() {
        "tuple.index(x): x not in tuple"
    } else {
        "x not in list"
    };
    if a[0].as_tuple().is_some() {
        return Err(PyErr::value_error(what));
    }
    Err(PyErr::value_error(format!(
        "{} is not in list",
        vm.repr(&a[1])?
    )))
}

fn seq_count(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let mut c = 0;
    let mut i = 0;
    while let Some(item) = seq_item(&a[0], i) {
        if vm.eq(&item, &a[1])? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::Int(c))
}

// ----- dict methods -----

fn dict_update_from(vm: &mut Vm, d: &Value, src: &Value) -> PyResult<()> {
    if vm.is_mapping(src) {
        for (k, v) in vm.mapping_items(src)? {
            vm.dict_setitem(d, k, v)?;
        }
        return Ok(());
    }
    let items = vm.collect_iterable(src)?;
    for (i, it) in items.iter().enumerate() {
        let pair = vm.collect_iterable(it).map_err(|_| {
            PyErr::type_error(format!(
                "cannot convert dictionary update sequence element #{} to a sequence",
                i
            ))
        })?;
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        vm.dict_setitem(d, pair[0].clone(), pair[1].clone())?;
    }
    Ok(())
}

fn dict_fromkeys(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let keys = vm.collect_iterable(&a[1])?;
    let v = a.get(2).cloned().unwrap_or(Value::None);
    let d = Value::dict(Dict::new());
    for k in keys {
        vm.dict_setitem(&d, k, v.clone())?;
    }
    Ok(d)
}

fn view(a: &[Value], kind: crate::object::iter::ViewKind) -> Value {
    Value::new_obj(Payload::DictView(a[0].as_obj().unwrap().clone(), kind))
}

static DICT_METHODS: &[(&str, NativeFn)] = &[
    ("get", |vm, a, _| {
        Ok(vm
            .dict_getitem_opt(&a[0], &a[1])?
            .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
    }),
    ("keys", |_, a, _| {
        Ok(view(a, crate::object::iter::ViewKind::Keys))
    }),
    ("values", |_, a, _| {
        Ok(view(a, crate::object::iter::ViewKind::Values))
    }),
    ("items", |_, a, _| {
        Ok(view(a, crate::object::iter::ViewKind::Items))
    }),
    ("pop", |vm, a, _| match vm.dict_delitem(&a[0], &a[1])? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::key_error(a[1].clone())),
        },
    }),
    ("popitem", |_, a, _| {
        let Some(Payload::Dict(d)) = a[0].payload() else {
            return Ok(Value::None);
        };
        let r = d.borrow_mut().pop_last();
        match r {
            Some((k, v)) => Ok(Value::tuple(vec![k, v])),
            None => Err(PyErr::key_error(Value::str(
                "popitem(): dictionary is empty",
            ))),
        }
    }),
    ("setdefault", |vm, a, _| {
        if let Some(v) = vm.dict_getitem_opt(&a[0], &a[1])? {
            return Ok(v);
        }
        let d = a.get(2).cloned().unwrap_or(Value::None);
        vm.dict_setitem(&a[0], a[1].clone(), d.clone())?;
        Ok(d)
    }),
    ("update", |vm, a, k| {
        let (pos, kws) = split_kw(a, k);
        if let Some(src) = pos.get(1) {
            dict_update_from(vm, &a[0], src)?;
        }
        for (n, v) in kws {
            vm.dict_setitem(&a[0], Value::str(n), v.clone())?;
        }
        Ok(Value::None)
    }),
    ("copy", |_, a, _| match a[0].payload() {
        Some(Payload::Dict(d)) => Ok(Value::dict(d.borrow().clone())),
        _ => Ok(Value::None),
    }),
    ("clear", |_, a, _| {
        if let Some(Payload::Dict(d)) = a[0].payload() {
            d.borrow_mut().clear();
        }
        Ok(Value::None)
    }),
];

// ----- set methods -----

fn set_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    vm.collect_iterable(v)
}

fn set_table(v: &Value) -> &RefCell<SetTable<Value>> {
    match v.payload() {
        Some(Payload::Set(s)) => &s.table,
        _ => panic!("set method on non-set"),
    }
}

fn set_result(a: &Value, t: SetTable<Value>) -> Value {
    let frozen = matches!(a.payload(), Some(Payload::Set(s)) if s.frozen);
    Value::new_obj(Payload::Set(SetObj {
        table: RefCell::new(t),
        frozen,
    }))
}

fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if matches!(v.payload(), Some(Payload::Set(_))) {
        return Ok(v.clone());
    }
    let items = set_items(vm, v)?;
    vm.new_set(items, false)
}

fn set_op(vm: &mut Vm, a: &[Value], op: u32) -> PyResult<Value> {
    let mut acc = a[0].clone();
    let copy = set_table(&acc).borrow().copy();
    acc = set_result(&a[0], copy);
    if a.len() == 1 {
        return Ok(acc);
    }
    for other in &a[1..] {
        let o = as_set(vm, other)?;
        acc = vm.binary_op(acc, o, op)?;
    }
    let _ = vm;
    Ok(acc)
}

static SET_METHODS: &[(&str, NativeFn)] = &[
    ("add", |vm, a, _| {
        vm.set_add(&a[0], a[1].clone())?;
        Ok(Value::None)
    }),
    ("discard", |vm, a, _| {
        vm.set_remove(&a[0], &a[1])?;
        Ok(Value::None)
    }),
    ("remove", |vm, a, _| {
        if !vm.set_remove(&a[0], &a[1])? {
            return Err(PyErr::key_error(a[1].clone()));
        }
        Ok(Value::None)
    }),
    ("pop", |_, a, _| {
        let r = set_table(&a[0]).borrow_mut().pop();
        r.ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
    }),
    ("clear", |_, a, _| {
        set_table(&a[0]).borrow_mut().clear();
        Ok(Value::None)
    }),
    ("copy", |_, a, _| {
        let t = set_table(&a[0]).borrow().copy();
        Ok(set_result(&a[0], t))
    }),
    ("update", |vm, a, _| {
        for o in &a[1..] {
            for v in set_items(vm, o)? {
                vm.set_add(&a[0], v)?;
            }
        }
        Ok(Value::None)
    }),
    ("union", |vm, a, _| set_op(vm, a, 7)),
    ("intersection", |vm, a, _| set_op(vm, a, 1)),
    ("difference", |vm, a, _| set_op(vm, a, 10)),
    ("symmetric_difference", |vm, a, _| set_op(vm, a, 12)),
    ("intersection_update", |vm, a, _| {
        let r = set_op(vm, a, 1)?;
        let t = set_table(&r).borrow().copy();
        *set_table(&a[0]).borrow_mut() = t;
        Ok(Value::None)
    }),
    ("difference_update", |vm, a, _| {
        for o in &a[1..] {
            for v in set_items(vm, o)? {
                vm.set_remove(&a[0], &v)?;
            }
        }
        Ok(Value::None)
    }),
    ("symmetric_difference_update", |vm, a, _| {
        let r = set_op(vm, a, 12)?;
        let t = set_table(&r).borrow().copy();
        *set_table(&a[0]).borrow_mut() = t;
        Ok(Value::None)
    }),
    ("issubset", |vm, a, _| {
        let o = as_set(vm, &a[1])?;
        vm.compare(a[0].clone(), o, 1)
    }),
    ("issuperset", |vm, a, _| {
        let o = as_set(vm, &a[1])?;
        vm.compare(a[0].clone(), o, 5)
    }),
    ("isdisjoint", |vm, a, _| {
        for v in set_items(vm, &a[1])? {
            if vm.set_contains(&a[0], &v)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    }),
];

// ----- modules -----

impl Vm {
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let m = crate::modules::create(self, name)?;
        self.modules.insert(name.to_string(), m.clone());
        Ok(m)
    }

    pub fn new_module(&mut self, name: &str, items: Vec<(&str, Value)>) -> Value {
        let d = self.new_module_dict(name);
        for (k, mut v) in items {
            // Its functions, just made, get CPython's count checks (`vm/arity.rs`).
            if let Value::Obj(o) = &mut v {
                if let Some(Payload::Native(nf)) = Rc::get_mut(o).map(|o| &mut o.payload) {
                    nf.arity = nf.arity.or_else(|| super::arity::rule(name, k));
                }
            }
            dict_set_str(&d, Value::str(k), v);
        }
        Value::new_obj(Payload::Module(Module {
            name: name.into(),
            dict: d,
        }))
    }
}

pub fn module_fn(name: &'static str, f: NativeFn) -> Value {
    native(name, f)
}

pub fn module_get(m: &Value, name: &str) -> Option<Value> {
    match m.payload() {
        Some(Payload::Module(md)) => dict_get_str(&md.dict, &Value::str(name)),
        _ => None,
    }
}

/// The keywords of `int.to_bytes` / `int.from_bytes` (the positional count is the
/// arity rule's): `(first, byteorder, signed)` with CPython's messages.
fn byte_order_args<'a>(
    vm: &mut Vm,
    name: &str,
    first: &str,
    a: &'a [Value],
    k: &'a [Value],
) -> PyResult<(Option<&'a Value>, Option<&'a Value>, bool)> {
    let (pos, kws) = split_kw(a, k);
    for (key, _) in &kws {
        if ![first, "byteorder", "signed"].contains(key) {
            return Err(PyErr::type_error(format!(
                "'{}' is an invalid keyword argument for {}()",
                key, name
            )));
        }
    }
    let first = pos.get(1).or_else(|| kwarg(&kws, first));
    let order = pos.get(2).or_else(|| kwarg(&kws, "byteorder"));
    let signed = match kwarg(&kws, "signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok((first, order, signed))
}

/// Whether `byteorder` asks for little-endian: 'little' or 'big', else CPython's error.
fn little_endian(vm: &Vm, name: &str, order: Option<&Value>) -> PyResult<bool> {
    match order {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(PyErr::value_error(
                "byteorder must be either 'little' or 'big'",
            )),
        },
        Some(v) => Err(PyErr::type_error(format!(
            "{}() argument 'byteorder' must be str, not {}",
            name,
            vm.type_name(v)
        ))),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (length, order, signed) = byte_order_args(vm, "to_bytes", "length", a, k)?;
    let length = opt_index(vm, length)?.unwrap_or(1);
    let little = little_endian(vm, "to_bytes", order)?;
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let n = super::ops::to_big(&a[0]).unwrap_or_default();
    if !signed && n.is_negative() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    // The minimal two's complement form; an unsigned value may drop its sign byte,
    // and zero takes no byte at all.
    let mut bytes = n.to_signed_bytes_le();
    if (!signed && bytes.len() > 1 && bytes.last() == Some(&0)) || n.is_zero() {
        bytes.pop();
    }
    let length = length as usize;
    if bytes.len() > length {
        return Err(PyErr::new(ExcKind::OverflowError, "int too big to convert"));
    }
    vm.check_alloc(length as u128)?;
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`: bytes, or an iterable
/// of ints in range(256).
fn int_from_bytes(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (data, order, signed) = byte_order_args(vm, "from_bytes", "bytes", a, k)?;
    let data = data.ok_or_else(|| {
        PyErr::type_error("from_bytes() missing required argument 'bytes' (pos 1)")
    })?;
    let little = little_endian(vm, "from_bytes", order)?;
    let mut bytes = match data.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        _ if matches!(
            data,
            Value::Str(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
        ) =>
        {
            return Err(PyErr::type_error(format!(
                "cannot convert '{}' object to bytes",
                vm.type_name(data)
            )))
        }
        _ => {
            let items = vm.collect_iterable(data)?;
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                match vm.index_value(it)? {
                    b @ 0..=255 => out.push(b as u8),
                    _ => return Err(PyErr::value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    if !little {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    Ok(Value::from_bigint(n))
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed between pairs.
fn bytes_fromhex(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let Value::Str(s) = &a[1] else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&a[1])
        )));
    };
    let chars: Vec<char> = s.as_str().chars().collect();
    let bad = |at: usize| {
        PyErr::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {at}"
        ))
    };
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let lo = (chars.get(i + 1).and_then(|c| c.to_digit(16))).ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(Value::bytes(out))
}

/// `float.hex()`, as CPython's float_hex: `[-]0x1.<13 hex digits>p<exp>` for a normal
/// number, `0x0.<digits>p-1022` for a subnormal one.
fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{mantissa:013x}p{exp:+}")
}

/// `float.fromhex(s)` (`format::parse_float_hex`).
fn float_fromhex(_: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let Value::Str(s) = &a[1] else {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    };
    use crate::format::HexFloatError;
    match crate::format::parse_float_hex(s.as_str()) {
        Ok(f) => Ok(Value::Float(f)),
        Err(HexFloatError::Invalid) => Err(PyErr::value_error(
            "invalid hexadecimal floating-point string",
        )),
        Err(HexFloatError::TooLarge) => Err(PyErr::overflow(
            "hexadecimal value too large to represent as a float",
        )),
    }
}

/// `bytes.hex(sep=None, bytes_per_sep=1)`: groups of `bytes_per_sep` bytes counted from
/// the right (from the left when negative), joined by the one ASCII character `sep`.
fn bytes_hex(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (pos, kws) = split_kw(a, k);
    let Some(Payload::Bytes(b)) = a[0].payload() else {
        return Ok(Value::None);
    };
    let sep = pos.get(1).or_else(|| kwarg(&kws, "sep"));
    let per = opt_index(vm, pos.get(2).or_else(|| kwarg(&kws, "bytes_per_sep")))?.unwrap_or(1);
    let sep: Option<u8> = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let text: Vec<u8> = match v {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                _ => match v.payload() {
                    Some(Payload::Bytes(sb)) => sb.to_vec(),
                    _ => {
                        return Err(PyErr::type_error(format!(
                            "object of type '{}' has no len()",
                            vm.type_name(v)
                        )))
                    }
                },
            };
            if v.as_pystr().map_or(text.len(), |s| s.char_len()) != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            if !text[0].is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(text[0])
        }
    };
    let group = per.unsigned_abs() as usize;
    let mut out = String::with_capacity(b.len() * 3);
    for (i, x) in b.iter().enumerate() {
        if let (Some(sep), true) = (sep, i > 0 && group > 0) {
            // A separator goes before byte i when a group ends there: counted from
            // the end for a positive count, from the start for a negative one.
            let boundary = if per > 0 {
                (b.len() - i) % group == 0
            } else {
                i % group == 0
            };
            if boundary {
                out.push(sep as char);
            }
        }
        out.push_str(&format!("{x:02x}"));
    }
    Ok(Value::string(out))
}
