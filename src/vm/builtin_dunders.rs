//! The special methods of built-in types, as attributes: `(1).__add__(2)`,
//! `[].__len__()`, `str.__lt__`, and `hasattr(x, '__iter__')` true for a list.
//!
//! The operators themselves never come here: the VM runs them on built-in values
//! directly. These wrappers are for code that names the method. Each does what its
//! operator does, and only on operands its type handles itself (CPython's slot
//! wrappers): anything else answers NotImplemented (or, for a sequence's `+`, raises
//! as that type's `+` does). That is also what keeps them from recursing: the VM
//! operation each delegates to handles its operands without looking a method up.

use super::arity::{slot_wrapper_rule, special_method_rule, ArityRule, Style};
use super::builtins_types::{method_value, not_implemented, Types};
use super::Vm;
use crate::object::pystr::intern_static;
use crate::object::{NativeFn, Object, Payload, PyErr, PyResult, PyStr, Value};
use std::rc::Rc;

/// BINARY_OP's operand numbers (CPython's NB_*), for `Vm::binary_op`.
mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
}

/// COMPARE_OP's operand numbers, for `Vm::compare`.
const LT: u32 = 0;
const LE: u32 = 1;
const EQ: u32 = 2;
const NE: u32 = 3;
const GT: u32 = 4;
const GE: u32 = 5;

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

fn is_number(v: &Value) -> bool {
    is_int(v) || matches!(v, Value::Float(_))
}

fn is_set(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Set(_)))
}

fn is_list(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::List(_)))
}

fn is_tuple(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Tuple(_)))
}

fn is_dict(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Dict(_)))
}

fn is_bytes(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Bytes(_)))
}

fn is_range(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Range { .. }))
}

/// Which operands a type's binary and comparison wrappers take.
type Accepts = fn(&Value) -> bool;

/// `a OP b` when `b` is an operand the type takes, else NotImplemented; `reflected`:
/// the method is `__rOP__`, so the receiver is the right operand.
fn binary(vm: &mut Vm, a: &[Value], op: u32, accepts: Accepts, reflected: bool) -> PyResult<Value> {
    let (x, y) = (&a[0], &a[1]);
    if !accepts(y) {
        return Ok(not_implemented());
    }
    if reflected {
        vm.binary_op(y.clone(), x.clone(), op)
    } else {
        vm.binary_op(x.clone(), y.clone(), op)
    }
}

/// `__pow__`: `x ** y`, or with a modulus `pow(x, y, z)` (which refuses floats).
fn ternary_pow(vm: &mut Vm, a: &[Value], accepts: Accepts) -> PyResult<Value> {
    if a.len() == 2 {
        return binary(vm, a, nb::POWER, accepts, false);
    }
    if !accepts(&a[1]) || !accepts(&a[2]) {
        return Ok(not_implemented());
    }
    let pow = vm.builtin("pow")?;
    vm.call(&pow, a.to_vec(), &[])
}

/// `__rpow__`: `y ** x`, or with a modulus `pow(y, x, z)`.
fn ternary_rpow(vm: &mut Vm, a: &[Value], accepts: Accepts) -> PyResult<Value> {
    if a.len() == 2 {
        return binary(vm, a, nb::POWER, accepts, true);
    }
    if !accepts(&a[1]) || !accepts(&a[2]) {
        return Ok(not_implemented());
    }
    call_builtin(vm, "pow", &[a[1].clone(), a[0].clone(), a[2].clone()])
}

/// `seq * n` / `n * seq`: the count is converted as an index (a TypeError names it).
fn repeat(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let n = vm.index_value(&a[1])?;
    vm.binary_op(a[0].clone(), Value::Int(n), nb::MULTIPLY)
}

/// `seq + other` for a str, list, tuple or bytes: its own kind, or the error its `+`
/// gives.
fn concat(vm: &mut Vm, a: &[Value], same: Accepts) -> PyResult<Value> {
    if same(&a[1]) {
        return vm.binary_op(a[0].clone(), a[1].clone(), nb::ADD);
    }
    let (this, other) = (vm.type_name(&a[0]), vm.type_name(&a[1]));
    Err(PyErr::type_error(if this == "bytes" {
        format!("can't concat {other} to bytes")
    } else {
        format!("can only concatenate {this} (not \"{other}\") to {this}")
    }))
}

fn compare(vm: &mut Vm, a: &[Value], op: u32, accepts: Accepts) -> PyResult<Value> {
    if !accepts(&a[1]) {
        return Ok(not_implemented());
    }
    vm.compare(a[0].clone(), a[1].clone(), op)
}

/// `__abs__` of an int or float (a bool's is an int).
fn absolute(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        _ if matches!(vm.compare(v.clone(), Value::Int(0), LT)?, Value::Bool(true)) => {
            vm.unary_neg(v.clone())
        }
        _ => Ok(v.clone()),
    }
}

/// The built-in function `name` called with `args` (the conversions: `int(x)`,
/// `round(x, n)`).
fn call_builtin(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = vm.builtin(name)?;
    vm.call(&f, args.to_vec(), &[])
}

/// `__floor__` / `__ceil__`: the float rounded that way, as an int.
fn float_to_int(vm: &mut Vm, v: &Value, round: fn(f64) -> f64) -> PyResult<Value> {
    match v {
        Value::Float(f) => call_builtin(vm, "int", &[Value::Float(round(*f))]),
        _ => call_builtin(vm, "int", std::slice::from_ref(v)),
    }
}

/// `__divmod__` / `__rdivmod__`: `divmod(x, y)` on operands the type takes.
fn divmod(vm: &mut Vm, a: &[Value], accepts: Accepts, reflected: bool) -> PyResult<Value> {
    if !accepts(&a[1]) {
        return Ok(not_implemented());
    }
    let pair = if reflected {
        [a[1].clone(), a[0].clone()]
    } else {
        [a[0].clone(), a[1].clone()]
    };
    call_builtin(vm, "divmod", &pair)
}

/// Register `f` as `t.name`, taking `min..=max` arguments after the receiver.
fn add(t: &Rc<Object>, name: &'static str, min: u8, max: u8, f: NativeFn) {
    let owner = type_name(&t.payload_type().name);
    add_with_rule(t, name, slot_wrapper_rule(owner, name, min, max), f);
}

fn add_with_rule(t: &Rc<Object>, name: &'static str, rule: &'static ArityRule, f: NativeFn) {
    let v = method_value(name, f, Some(rule), None);
    let owner = t.payload_type();
    owner.dict.borrow_mut().set_str(intern_static(name), v);
}

/// The built-in type's name, as the `'static` str its rules keep.
fn type_name(name: &str) -> &'static str {
    const NAMES: [&str; 10] = [
        "int",
        "float",
        "str",
        "bytes",
        "list",
        "tuple",
        "dict",
        "set",
        "frozenset",
        "range",
    ];
    NAMES
        .into_iter()
        .find(|n| *n == name)
        .expect("a type builtin_dunders installs")
}

/// `t.name = None`: the type is unhashable (list, dict, set), as CPython spells it.
fn add_none(t: &Rc<Object>, name: &str) {
    let owner = t.payload_type();
    owner
        .dict
        .borrow_mut()
        .set_str(Rc::new(PyStr::new(name)), Value::None);
}

/// The binary wrappers of a type, each `(name, op, reflected)`, taking `accepts`.
macro_rules! binaries {
    ($t:expr, $accepts:expr, [$(($name:literal, $op:expr, $refl:expr)),* $(,)?]) => {
        $(add($t, $name, 1, 1, |vm, a, _| binary(vm, a, $op, $accepts, $refl));)*
    };
}

/// The arithmetic wrappers int and float share: `+ - * / // % ** divmod` and their
/// reflections, on the operands `$accepts` takes.
macro_rules! arithmetic {
    ($t:expr, $accepts:expr) => {
        binaries!(
            $t,
            $accepts,
            [
                ("__add__", nb::ADD, false),
                ("__radd__", nb::ADD, true),
                ("__sub__", nb::SUBTRACT, false),
                ("__rsub__", nb::SUBTRACT, true),
                ("__mul__", nb::MULTIPLY, false),
                ("__rmul__", nb::MULTIPLY, true),
                ("__truediv__", nb::TRUE_DIVIDE, false),
                ("__rtruediv__", nb::TRUE_DIVIDE, true),
                ("__floordiv__", nb::FLOOR_DIVIDE, false),
                ("__rfloordiv__", nb::FLOOR_DIVIDE, true),
                ("__mod__", nb::REMAINDER, false),
                ("__rmod__", nb::REMAINDER, true),
            ]
        );
        add($t, "__pow__", 1, 2, |vm, a, _| ternary_pow(vm, a, $accepts));
        add($t, "__rpow__", 1, 2, |vm, a, _| {
            ternary_rpow(vm, a, $accepts)
        });
        add($t, "__divmod__", 1, 1, |vm, a, _| {
            divmod(vm, a, $accepts, false)
        });
        add($t, "__rdivmod__", 1, 1, |vm, a, _| {
            divmod(vm, a, $accepts, true)
        });
    };
}

/// `& | ^` and their reflections, which ints and sets both have.
macro_rules! bitwise {
    ($t:expr, $accepts:expr) => {
        binaries!(
            $t,
            $accepts,
            [
                ("__and__", nb::AND, false),
                ("__rand__", nb::AND, true),
                ("__or__", nb::OR, false),
                ("__ror__", nb::OR, true),
                ("__xor__", nb::XOR, false),
                ("__rxor__", nb::XOR, true),
            ]
        );
    };
}

/// The six comparison wrappers.
macro_rules! comparisons {
    ($t:expr, $accepts:expr) => {
        add($t, "__eq__", 1, 1, |vm, a, _| compare(vm, a, EQ, $accepts));
        add($t, "__ne__", 1, 1, |vm, a, _| compare(vm, a, NE, $accepts));
        comparisons!(@order $t, $accepts);
    };
    // `==` and `!=` only: an order (object's) answers NotImplemented to anything.
    (eq_only $t:expr, $accepts:expr) => {
        add($t, "__eq__", 1, 1, |vm, a, _| compare(vm, a, EQ, $accepts));
        add($t, "__ne__", 1, 1, |vm, a, _| compare(vm, a, NE, $accepts));
        comparisons!(@order $t, |_| false);
    };
    (@order $t:expr, $accepts:expr) => {
        add($t, "__lt__", 1, 1, |vm, a, _| compare(vm, a, LT, $accepts));
        add($t, "__le__", 1, 1, |vm, a, _| compare(vm, a, LE, $accepts));
        add($t, "__gt__", 1, 1, |vm, a, _| compare(vm, a, GT, $accepts));
        add($t, "__ge__", 1, 1, |vm, a, _| compare(vm, a, GE, $accepts));
    };
}

/// The container wrappers every collection has.
fn container(t: &Rc<Object>) {
    add(t, "__len__", 0, 0, |vm, a, _| {
        Ok(Value::Int(vm.len_of(&a[0])? as i64))
    });
    add(t, "__contains__", 1, 1, |vm, a, _| {
        Ok(Value::Bool(vm.contains(&a[0], &a[1])?))
    });
    add(t, "__iter__", 0, 0, |vm, a, _| vm.get_iter(&a[0]));
}

fn hashable(t: &Rc<Object>) {
    add(t, "__hash__", 0, 0, |vm, a, _| {
        Ok(Value::Int(vm.hash(&a[0])?))
    });
}

fn subscriptable(t: &Rc<Object>) {
    add(t, "__getitem__", 1, 1, |vm, a, _| vm.getitem(&a[0], &a[1]));
}

fn mutable_mapping(t: &Rc<Object>) {
    add(t, "__setitem__", 2, 2, |vm, a, _| {
        vm.setitem(&a[0], a[1].clone(), a[2].clone())?;
        Ok(Value::None)
    });
    add(t, "__delitem__", 1, 1, |vm, a, _| {
        vm.delitem(&a[0], &a[1])?;
        Ok(Value::None)
    });
    add_none(t, "__hash__");
}

pub(super) fn install(t: &Types) {
    let int = &t.int;
    arithmetic!(int, is_int);
    binaries!(
        int,
        is_int,
        [
            ("__lshift__", nb::LSHIFT, false),
            ("__rlshift__", nb::LSHIFT, true),
            ("__rshift__", nb::RSHIFT, false),
            ("__rrshift__", nb::RSHIFT, true),
        ]
    );
    bitwise!(int, is_int);
    comparisons!(int, is_int);
    add(int, "__index__", 0, 0, |_, a, _| {
        Ok(match &a[0] {
            Value::Bool(b) => Value::Int(*b as i64),
            v => v.clone(),
        })
    });
    add(int, "__invert__", 0, 0, |vm, a, _| {
        vm.unary_invert(a[0].clone())
    });
    for t in [int, &t.float] {
        add(t, "__neg__", 0, 0, |vm, a, _| vm.unary_neg(a[0].clone()));
        add(t, "__pos__", 0, 0, |vm, a, _| vm.unary_pos(a[0].clone()));
        add(t, "__abs__", 0, 0, |vm, a, _| absolute(vm, &a[0]));
        add(t, "__bool__", 0, 0, |vm, a, _| {
            Ok(Value::Bool(vm.truthy(&a[0])?))
        });
        add(t, "__int__", 0, 0, |vm, a, _| {
            call_builtin(vm, "int", &a[..1])
        });
        add(t, "__float__", 0, 0, |vm, a, _| {
            call_builtin(vm, "float", &a[..1])
        });
        // (Methods in CPython, not slots: their errors are worded as methods'.)
        let no_args = |t: &Rc<Object>, name: &'static str, f: NativeFn| {
            let owner = type_name(&t.payload_type().name);
            let label: &'static str = Box::leak(format!("{owner}.{name}").into_boxed_str());
            let rule = special_method_rule(owner, name, label, Style::NoArgs, 0, 0, label, "");
            add_with_rule(t, name, rule, f);
        };
        no_args(t, "__trunc__", |vm, a, _| call_builtin(vm, "int", &a[..1]));
        no_args(t, "__floor__", |vm, a, _| {
            float_to_int(vm, &a[0], f64::floor)
        });
        no_args(t, "__ceil__", |vm, a, _| float_to_int(vm, &a[0], f64::ceil));
        let owner = type_name(&t.payload_type().name);
        let no_keywords: &'static str = Box::leak(format!("{owner}.__round__").into_boxed_str());
        let round = special_method_rule(
            owner,
            "__round__",
            "__round__",
            Style::Clinic,
            0,
            1,
            no_keywords,
            "",
        );
        add_with_rule(t, "__round__", round, |vm, a, _| {
            // int's takes an index only; float's also None (as round(x, None)).
            if let [x, nd] = a {
                if is_int(x) {
                    vm.index_value(nd)?;
                }
            }
            call_builtin(vm, "round", a)
        });
        hashable(t);
    }
    let float = &t.float;
    arithmetic!(float, is_number);
    comparisons!(float, is_number);

    let s = &t.str_;
    container(s);
    subscriptable(s);
    hashable(s);
    comparisons!(s, |v| matches!(v, Value::Str(_)));
    add(s, "__add__", 1, 1, |vm, a, _| {
        concat(vm, a, |v| matches!(v, Value::Str(_)))
    });
    add(s, "__mod__", 1, 1, |vm, a, _| {
        vm.binary_op(a[0].clone(), a[1].clone(), nb::REMAINDER)
    });

    let b = &t.bytes;
    container(b);
    subscriptable(b);
    hashable(b);
    comparisons!(b, is_bytes);
    add(b, "__add__", 1, 1, |vm, a, _| concat(vm, a, is_bytes));

    for t in [&t.list, &t.tuple] {
        container(t);
        subscriptable(t);
        add(t, "__mul__", 1, 1, |vm, a, _| repeat(vm, a));
        add(t, "__rmul__", 1, 1, |vm, a, _| repeat(vm, a));
    }
    for t in [s, b] {
        add(t, "__mul__", 1, 1, |vm, a, _| repeat(vm, a));
        add(t, "__rmul__", 1, 1, |vm, a, _| repeat(vm, a));
    }
    let list = &t.list;
    comparisons!(list, is_list);
    add(list, "__add__", 1, 1, |vm, a, _| concat(vm, a, is_list));
    mutable_mapping(list);
    let tuple = &t.tuple;
    comparisons!(tuple, is_tuple);
    add(tuple, "__add__", 1, 1, |vm, a, _| concat(vm, a, is_tuple));
    hashable(tuple);

    let dict = &t.dict;
    container(dict);
    subscriptable(dict);
    mutable_mapping(dict);
    comparisons!(eq_only dict, is_dict);
    binaries!(
        dict,
        is_dict,
        [("__or__", nb::OR, false), ("__ror__", nb::OR, true)]
    );

    for t in [&t.set, &t.frozenset] {
        container(t);
        comparisons!(t, is_set);
        bitwise!(t, is_set);
        binaries!(
            t,
            is_set,
            [
                ("__sub__", nb::SUBTRACT, false),
                ("__rsub__", nb::SUBTRACT, true),
            ]
        );
    }
    add_none(&t.set, "__hash__");
    hashable(&t.frozenset);

    let range = &t.range;
    container(range);
    add(range, "__bool__", 0, 0, |vm, a, _| {
        Ok(Value::Bool(vm.truthy(&a[0])?))
    });
    subscriptable(range);
    hashable(range);
    comparisons!(eq_only range, is_range);
    // (Attribute caches see the new entries.)
    crate::object::typ::bump_type_epoch();
}
