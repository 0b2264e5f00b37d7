//! Operators: arithmetic, comparison, truthiness, hashing, equality, containers.

use super::dispatch::CallOutcome;
use super::frame::Ret;
use super::Vm;
use crate::object::{Dict, ExcKind, Function, Payload, PyErr, PyResult, SetObj, Value};
use crate::settable::SetTable;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::RefCell;
use std::rc::Rc;

const DUNDER: [(&str, &str); 13] = [
    ("__add__", "__radd__"),
    ("__and__", "__rand__"),
    ("__floordiv__", "__rfloordiv__"),
    ("__lshift__", "__rlshift__"),
    ("__matmul__", "__rmatmul__"),
    ("__mul__", "__rmul__"),
    ("__mod__", "__rmod__"),
    ("__or__", "__ror__"),
    ("__pow__", "__rpow__"),
    ("__rshift__", "__rrshift__"),
    ("__sub__", "__rsub__"),
    ("__truediv__", "__rtruediv__"),
    ("__xor__", "__rxor__"),
];
/// The rich comparisons' methods and their reflections, by COMPARE_OP's argument.
const COMPARE_DUNDERS: [(&str, &str); 6] = [
    ("__lt__", "__gt__"),
    ("__le__", "__ge__"),
    ("__eq__", "__eq__"),
    ("__ne__", "__ne__"),
    ("__gt__", "__lt__"),
    ("__ge__", "__le__"),
];

const INPLACE: [&str; 13] = [
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imul__",
    "__imod__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__itruediv__",
    "__ixor__",
];

pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        Value::BigInt(b) => b.to_f64(),
        _ => None,
    }
}

fn int_pair(a: &Value, b: &Value) -> Option<(i64, i64)> {
    let x = match a {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return None,
    };
    let y = match b {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return None,
    };
    Some((x, y))
}

pub(crate) fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div == 0.0 {
        return 0.0f64.copysign(a / b);
    }
    let fl = div.floor();
    if div - fl > 0.5 {
        fl + 1.0
    } else {
        fl
    }
}

pub(crate) fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

impl Vm {
    /// BINARY_OP with an instance on the left, the operands popped. For two instances
    /// of one class whose method for the operator is a plain Python function (for
    /// `+=`, when the class has no `__iadd__`) the method's frame is pushed, as CPython
    /// 3.11's BINARY_SUBSCR_GETITEM does for `[]` (a nested run of the loop cost ~180
    /// instructions more), with the operands back on the stack for `Ret::BinaryOp` to
    /// take off as the result lands. Anything else is `binary_op`.
    #[inline(never)]
    pub(crate) fn binary_op_on_instance(
        &mut self,
        a: Value,
        b: Value,
        op: u32,
    ) -> PyResult<CallOutcome> {
        let base = (op % 13) as usize;
        let method = match same_class(&a, &b) {
            true if op >= 13 && self.lookup_special(&a, INPLACE[base]).is_some() => None,
            true => self.lookup_special(&a, DUNDER[base].0),
            false => None,
        };
        match method.as_ref().and_then(plain_binary_function) {
            Some(f) => self.push_operator_frame(f, a, b, Ret::BinaryOp { op }),
            None => self.binary_op(a, b, op).map(CallOutcome::Done),
        }
    }

    /// COMPARE_OP with an instance on the left: as `binary_op_on_instance`, the
    /// comparison's own method pushed for two instances of one class
    /// (`Ret::CompareOp`); anything else is `compare`.
    #[inline(never)]
    pub(crate) fn compare_on_instance(
        &mut self,
        a: Value,
        b: Value,
        op: u32,
    ) -> PyResult<CallOutcome> {
        let method = match same_class(&a, &b) {
            true => self.lookup_compare(&a, COMPARE_DUNDERS[op as usize].0),
            false => None,
        };
        match method.as_ref().and_then(plain_binary_function) {
            Some(f) => self.push_operator_frame(f, a, b, Ret::CompareOp { op }),
            None => self.compare(a, b, op).map(CallOutcome::Done),
        }
    }

    /// An operator's method (pushed by `binary_op_on_instance` or `compare_on_instance`)
    /// returned `v`: the operands leave the caller's stack, and the operator's result
    /// is `v`, unless it is NotImplemented: the rest of the operator's protocol then
    /// decides (CPython tries no reflected method for two operands of one type; a
    /// comparison does).
    pub(crate) fn operator_result(&mut self, ret: Ret, v: Value) -> PyResult<Value> {
        let (a, b) = self.pop_pair();
        if !self.is_not_implemented(&v) {
            return Ok(v);
        }
        match ret {
            Ret::CompareOp { op } => self.compare_by_methods(a, b, op, true),
            Ret::BinaryOp { op } => Err(self.unsupported_operands(&a, &b, op)),
            _ => unreachable!("an operator's frame"),
        }
    }

    fn pop_pair(&mut self) -> (Value, Value) {
        let s = &mut self.frames.last_mut().unwrap().stack;
        let b = super::dispatch::pop_value(s);
        (super::dispatch::pop_value(s), b)
    }

    /// Arithmetic on numbers (and the sequence operators), then user dunders.
    pub fn binary_op(&mut self, a: Value, b: Value, op: u32) -> PyResult<Value> {
        let base = op % 13;
        if let Some(r) = self.numeric_op(&a, &b, base)? {
            return Ok(r);
        }
        if let Some(r) = self.sequence_op(&a, &b, base, op >= 13)? {
            return Ok(r);
        }
        // User-defined operators.
        if op >= 13 {
            if let Some(m) = self.lookup_special(&a, INPLACE[base as usize]) {
                let r = self.call_with(&m, [a.clone(), b.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        let (l, r) = DUNDER[base as usize];
        let ta = self.type_of(&a);
        let tb = self.type_of(&b);
        let b_sub = !Rc::ptr_eq(&ta, &tb) && crate::object::TypeObj::is_subtype(&tb, &ta);
        if b_sub {
            if let Some(m) = self.lookup_special(&b, r) {
                let res = self.call_with(&m, [b.clone(), a.clone()])?;
                if !self.is_not_implemented(&res) {
                    return Ok(res);
                }
            }
        }
        if let Some(m) = self.lookup_special(&a, l) {
            let res = self.call_with(&m, [a.clone(), b.clone()])?;
            if !self.is_not_implemented(&res) {
                return Ok(res);
            }
        }
        if !Rc::ptr_eq(&ta, &tb) && !b_sub {
            if let Some(m) = self.lookup_special(&b, r) {
                let res = self.call_with(&m, [b.clone(), a.clone()])?;
                if !self.is_not_implemented(&res) {
                    return Ok(res);
                }
            }
        }
        Err(self.unsupported_operands(&a, &b, op))
    }

    /// The TypeError of a binary operator that neither operand's type supports (with
    /// the sequences' own wordings).
    pub(crate) fn unsupported_operands(&self, a: &Value, b: &Value, op: u32) -> PyErr {
        let base = op % 13;
        let sym = crate::bytecode::NB_OPS[op as usize];
        if base == 0 {
            // The sequences' own `+` messages.
            let sequence = match a.payload() {
                _ if a.as_pystr().is_some() => Some("str"),
                Some(Payload::List(_)) => Some("list"),
                Some(Payload::Tuple(_)) => Some("tuple"),
                Some(Payload::Bytes(_)) => {
                    return PyErr::type_error(format!(
                        "can't concat {} to bytes",
                        self.type_name(b)
                    ))
                }
                _ => None,
            };
            if let Some(seq) = sequence {
                return PyErr::type_error(format!(
                    "can only concatenate {seq} (not \"{}\") to {seq}",
                    self.type_name(b)
                ));
            }
        }
        if base == 5 {
            let sequence = |v: &Value| {
                v.as_pystr().is_some()
                    || matches!(
                        v.payload(),
                        Some(Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_))
                    )
            };
            let other = if sequence(a) {
                Some(b)
            } else if sequence(b) {
                Some(a)
            } else {
                None
            };
            if let Some(other) = other {
                return PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(other)
                ));
            }
        }
        if base == 8 && op < 13 {
            return PyErr::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            ));
        }
        PyErr::type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            self.type_name(a),
            self.type_name(b)
        ))
    }

    fn numeric_op(&mut self, a: &Value, b: &Value, op: u32) -> PyResult<Option<Value>> {
        // bool's own `&`, `|` and `^` keep bools bools (`True & False` is False).
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                1 => return Ok(Some(Value::Bool(x & y))),
                7 => return Ok(Some(Value::Bool(x | y))),
                12 => return Ok(Some(Value::Bool(x ^ y))),
                _ => {}
            }
        }
        if let Some((x, y)) = int_pair(a, b) {
            let r = match op {
                0 => x.checked_add(y).map(Value::Int),
                10 => x.checked_sub(y).map(Value::Int),
                5 => x.checked_mul(y).map(Value::Int),
                2 => {
                    if y == 0 {
                        return Err(PyErr::zero_division("integer division or modulo by zero"));
                    }
                    if x == i64::MIN && y == -1 {
                        None
                    } else {
                        Some(Value::Int(Integer::div_floor(&x, &y)))
                    }
                }
                6 => {
                    if y == 0 {
                        return Err(PyErr::zero_division("integer modulo by zero"));
                    }
                    if y == -1 {
                        Some(Value::Int(0))
                    } else {
                        Some(Value::Int(x.mod_floor(&y)))
                    }
                }
                11 => {
                    if y == 0 {
                        return Err(PyErr::zero_division("division by zero"));
                    }
                    Some(Value::Float(int_true_div(
                        &BigInt::from(x),
                        &BigInt::from(y),
                    )?))
                }
                1 => Some(Value::Int(x & y)),
                7 => Some(Value::Int(x | y)),
                12 => Some(Value::Int(x ^ y)),
                3 => {
                    if y < 0 {
                        return Err(PyErr::value_error("negative shift count"));
                    }
                    if y < 63 && x.unsigned_abs() < (1u64 << (62 - y)) {
                        Some(Value::Int(x << y))
                    } else {
                        None
                    }
                }
                9 => {
                    if y < 0 {
                        return Err(PyErr::value_error("negative shift count"));
                    }
                    Some(Value::Int(if y >= 64 {
                        if x < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        x >> y
                    }))
                }
                8 => {
                    if y < 0 {
                        if x == 0 {
                            return Err(PyErr::zero_division(
                                "0.0 cannot be raised to a negative power",
                            ));
                        }
                        Some(Value::Float((x as f64).powf(y as f64)))
                    } else if y <= u32::MAX as i64 {
                        x.checked_pow(y as u32).map(Value::Int)
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some(r) = r {
                return Ok(Some(r));
            }
        }
        if is_int(a) && is_int(b) {
            let x = to_big(a).unwrap();
            let y = to_big(b).unwrap();
            return Ok(Some(big_op(&x, &y, op)?));
        }
        let (Some(x), Some(y)) = (to_f64(a), to_f64(b)) else {
            return Ok(None);
        };
        if !matches!(a, Value::Float(_)) && !matches!(b, Value::Float(_)) {
            return Ok(None);
        }
        let r = match op {
            0 => x + y,
            10 => x - y,
            5 => x * y,
            11 => {
                if y == 0.0 {
                    return Err(PyErr::zero_division("float division by zero"));
                }
                x / y
            }
            2 => {
                if y == 0.0 {
                    return Err(PyErr::zero_division("float floor division by zero"));
                }
                float_floordiv(x, y)
            }
            6 => {
                if y == 0.0 {
                    return Err(PyErr::zero_division("float modulo"));
                }
                float_mod(x, y)
            }
            8 => {
                if x == 0.0 && y < 0.0 {
                    return Err(PyErr::zero_division(
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                // (An infinite or NaN exponent gives a real result: inf, 0 or nan.)
                if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
                    return Err(PyErr::new(
                        ExcKind::ValueError,
                        "complex results are not supported by pyco",
                    ));
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(PyErr::overflow("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => return Ok(None),
        };
        Ok(Some(Value::Float(r)))
    }

    fn sequence_op(
        &mut self,
        a: &Value,
        b: &Value,
        op: u32,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        match (op, a, b) {
            (0, Value::Str(x), Value::Str(y)) => Ok(Some(Value::Str(
                crate::object::PyStr::concat([&**x, &**y].into_iter()),
            ))),
            (5, Value::Str(x), n) | (5, n, Value::Str(x)) if is_int(n) => {
                let n = self.repeat_count(n)?;
                self.check_alloc(x.as_str().len() as u128 * n as u128)?;
                let n = if x.as_str().is_empty() { 0 } else { n };
                Ok(Some(Value::string(x.as_str().repeat(n))))
            }
            (6, Value::Str(x), args) => {
                Ok(Some(Value::string(self.percent_format(x.as_str(), args)?)))
            }
            _ => match (a.payload(), b.payload()) {
                (Some(Payload::List(x)), Some(Payload::List(y))) if op == 0 => {
                    if inplace {
                        let items = y.borrow().clone();
                        x.borrow_mut().extend(items);
                        return Ok(Some(a.clone()));
                    }
                    let mut v = x.borrow().clone();
                    v.extend(y.borrow().iter().cloned());
                    Ok(Some(Value::list(v)))
                }
                (Some(Payload::List(x)), _) if op == 0 && inplace => {
                    let items = self.collect_iterable(b)?;
                    x.borrow_mut().extend(items);
                    Ok(Some(a.clone()))
                }
                (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) if op == 0 => {
                    let mut v = x.to_vec();
                    v.extend(y.iter().cloned());
                    Ok(Some(Value::tuple(v)))
                }
                (Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) if op == 0 => {
                    let mut v = x.to_vec();
                    v.extend(y.iter());
                    Ok(Some(Value::bytes(v)))
                }
                (Some(Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)), _)
                    if op == 5 && is_int(b) =>
                {
                    let n = self.repeat_count(b)?;
                    self.repeat_seq(a, n, inplace).map(Some)
                }
                (_, Some(Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)))
                    if op == 5 && is_int(a) =>
                {
                    let n = self.repeat_count(a)?;
                    self.repeat_seq(b, n, false).map(Some)
                }
                (Some(Payload::Set(x)), Some(Payload::Set(y))) if matches!(op, 1 | 7 | 10 | 12) => {
                    let r = self.set_algebra(x, y, op, a, b)?;
                    if inplace && !x.frozen {
                        *x.table.borrow_mut() = r;
                        return Ok(Some(a.clone()));
                    }
                    Ok(Some(Value::new_obj(Payload::Set(SetObj {
                        table: RefCell::new(r),
                        frozen: x.frozen,
                    }))))
                }
                (Some(Payload::Dict(x)), Some(Payload::Dict(y))) if op == 7 => {
                    let items: Vec<(Value, Value)> = y.borrow().items();
                    if inplace {
                        for (k, v) in items {
                            self.dict_setitem(a, k, v)?;
                        }
                        return Ok(Some(a.clone()));
                    }
                    let d = Value::dict(x.borrow().clone());
                    for (k, v) in items {
                        self.dict_setitem(&d, k, v)?;
                    }
                    Ok(Some(d))
                }
                _ => Ok(None),
            },
        }
    }

    /// The count of `seq * n` (negative is 0); beyond an index either way, OverflowError.
    fn repeat_count(&mut self, n: &Value) -> PyResult<usize> {
        if let Value::BigInt(b) = n {
            if b.to_i64().is_none() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
        }
        Ok(self.index_value(n)?.max(0) as usize)
    }

    fn repeat_seq(&self, a: &Value, n: usize, inplace: bool) -> PyResult<Value> {
        let (len, item_size) = match a.payload() {
            Some(Payload::List(l)) => (l.borrow().len(), std::mem::size_of::<Value>()),
            Some(Payload::Tuple(t)) => (t.len(), std::mem::size_of::<Value>()),
            Some(Payload::Bytes(b)) => (b.len(), 1),
            _ => (0, 0),
        };
        self.check_alloc(len as u128 * n as u128 * item_size as u128)?;
        let n = if len == 0 { 0 } else { n }; // [] * 2**62 is [] at once
        Ok(match a.payload() {
            Some(Payload::List(l)) => {
                let items = l.borrow().clone();
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                if inplace {
                    *l.borrow_mut() = v;
                    return Ok(a.clone());
                }
                Value::list(v)
            }
            Some(Payload::Tuple(t)) => {
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.iter().cloned());
                }
                Value::tuple(v)
            }
            Some(Payload::Bytes(b)) => Value::bytes(b.repeat(n)),
            _ => Value::None,
        })
    }

    fn set_algebra(
        &mut self,
        x: &SetObj,
        y: &SetObj,
        op: u32,
        a: &Value,
        b: &Value,
    ) -> PyResult<SetTable<Value>> {
        let same = a.is(b);
        let fast = {
            let xt = x.table.borrow();
            let yt = y.table.borrow();
            // Err: keys the fast equality cannot compare (frozensets, instances).
            let mut eq = |p: &Value, q: &Value| fast_eq(p, q).ok_or(());
            match op {
                1 | 7 if same => Ok(xt.copy()),
                1 => xt.intersection(&yt, &mut eq),
                7 => xt.union(&yt, &mut eq),
                10 => xt.difference(&yt, &mut eq),
                _ => xt.symmetric_difference(&yt, &mut eq),
            }
        };
        match fast {
            Ok(t) => Ok(t),
            Err(()) => self.set_algebra_slow(x, y, op, a, b),
        }
    }

    /// `set_algebra` by membership tests, which compare keys with `==` where the fast
    /// equality cannot (no table borrowed while Python code may run).
    fn set_algebra_slow(
        &mut self,
        x: &SetObj,
        y: &SetObj,
        op: u32,
        a: &Value,
        b: &Value,
    ) -> PyResult<SetTable<Value>> {
        let (xs, ys) = (set_keys(x), set_keys(y));
        let mut out = Vec::new();
        match op {
            // &: x's keys in y; -: x's keys not in y.
            1 | 10 => {
                for k in xs {
                    if self.set_contains(b, &k)? == (op == 1) {
                        out.push(k);
                    }
                }
            }
            7 => out.extend(xs.into_iter().chain(ys)),
            _ => {
                for k in xs {
                    if !self.set_contains(b, &k)? {
                        out.push(k);
                    }
                }
                for k in ys {
                    if !self.set_contains(a, &k)? {
                        out.push(k);
                    }
                }
            }
        }
        let result = self.new_set(out, false)?;
        let Some(Payload::Set(r)) = result.payload() else {
            unreachable!("new_set makes a set")
        };
        Ok(r.table.replace(SetTable::new()))
    }

    /// Subset and equality of two sets by membership tests (`set_algebra_slow`'s
    /// reason): `op` as in rich comparison.
    fn set_compare_slow(&mut self, a: &Value, b: &Value, op: u32) -> PyResult<bool> {
        let keys = |v: &Value| match v.payload() {
            Some(Payload::Set(s)) => set_keys(s),
            _ => Vec::new(),
        };
        let (xs, ys) = (keys(a), keys(b));
        let within = |vm: &mut Vm, small: &[Value], big: &Value| -> PyResult<bool> {
            for k in small {
                if !vm.set_contains(big, k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let (nx, ny) = (xs.len(), ys.len());
        Ok(match op {
            0 => nx < ny && within(self, &xs, b)?,
            1 => nx <= ny && within(self, &xs, b)?,
            2 => nx == ny && within(self, &xs, b)?,
            3 => !(nx == ny && within(self, &xs, b)?),
            4 => nx > ny && within(self, &ys, a)?,
            _ => nx >= ny && within(self, &ys, a)?,
        })
    }

    pub fn unary_neg(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_bigint(-BigInt::from(i)),
            }),
            Value::Bool(b) => Ok(Value::Int(-(b as i64))),
            Value::BigInt(b) => Ok(Value::from_bigint(-(*b).clone())),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => self.unary_dunder(v, "__neg__", "-"),
        }
    }

    pub fn unary_pos(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(v),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            _ => self.unary_dunder(v, "__pos__", "+"),
        }
    }

    pub fn unary_invert(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(b as i64))),
            Value::BigInt(b) => Ok(Value::from_bigint(-(*b).clone() - 1)),
            _ => self.unary_dunder(v, "__invert__", "~"),
        }
    }

    fn unary_dunder(&mut self, v: Value, name: &'static str, sym: &str) -> PyResult<Value> {
        if let Some(m) = self.lookup_special(&v, name) {
            return self.call_with(&m, [v]);
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {}: '{}'",
            sym,
            self.type_name(&v)
        )))
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::BigInt(b) => !b.is_zero(),
            Value::Str(s) => !s.is_empty(),
            Value::Obj(o) => match &o.payload {
                Payload::List(l) => !l.borrow().is_empty(),
                Payload::Tuple(t) => !t.is_empty(),
                Payload::Dict(d) => !d.borrow().is_empty(),
                Payload::Set(s) => !s.table.borrow().is_empty(),
                Payload::Bytes(b) => !b.is_empty(),
                Payload::Range { start, stop, step } => range_len(*start, *stop, *step) > 0,
                Payload::Instance(_) => {
                    if let Some(m) = self.lookup_special(v, "__bool__") {
                        let r = self.call_with(&m, [v.clone()])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => Err(PyErr::type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if let Some(m) = self.lookup_special(v, "__len__") {
                        let r = self.call_with(&m, [v.clone()])?;
                        return Ok(self.index_value(&r)? != 0);
                    }
                    true
                }
                // asyncio's queues and waiter lists test one often.
                Payload::Deque(d) => !d.borrow().items.is_empty(),
                Payload::Opaque(_) => {
                    if let Some(m) = self.lookup_special(v, "__len__") {
                        let r = self.call_with(&m, [v.clone()])?;
                        return Ok(self.index_value(&r)? != 0);
                    }
                    true
                }
                _ => true,
            },
        })
    }

    /// Rich comparison (COMPARE_OP).
    pub fn compare(&mut self, a: Value, b: Value, op: u32) -> PyResult<Value> {
        if let Some(r) = self.fast_compare(&a, &b, op)? {
            return Ok(Value::Bool(r));
        }
        self.compare_by_methods(a, b, op, false)
    }

    /// `compare`'s protocol of special methods, then identity for `==` and `!=`.
    /// `left_declined`: `a`'s own method, `a` and `b` of one type, was called and
    /// returned NotImplemented (its frame pushed by COMPARE_OP): the protocol goes on
    /// from the reflected method.
    pub(crate) fn compare_by_methods(
        &mut self,
        a: Value,
        b: Value,
        op: u32,
        left_declined: bool,
    ) -> PyResult<Value> {
        let (name, reflected) = COMPARE_DUNDERS[op as usize];
        let ta = self.type_of(&a);
        let tb = self.type_of(&b);
        let b_sub = !Rc::ptr_eq(&ta, &tb) && crate::object::TypeObj::is_subtype(&tb, &ta);
        let order = if b_sub {
            [(&b, &a, reflected), (&a, &b, name)]
        } else {
            [(&a, &b, name), (&b, &a, reflected)]
        };
        for (x, y, n) in order.into_iter().skip(usize::from(left_declined)) {
            if let Some(m) = self.lookup_compare(x, n) {
                let r = self.call_with(&m, [x.clone(), y.clone()])?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        // object.__ne__ inverts __eq__ when only __eq__ is defined.
        if op == 3 && (self.lookup_compare(&a, "__ne__").is_none()) {
            let r = self.compare(a, b, 2)?;
            return Ok(Value::Bool(!self.truthy(&r)?));
        }
        match op {
            2 => Ok(Value::Bool(a.is(&b))),
            3 => Ok(Value::Bool(!a.is(&b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                crate::bytecode::CMP_OP[op as usize],
                self.type_name(&a),
                self.type_name(&b)
            ))),
        }
    }

    /// A comparison method of `v`'s type: user code, or a native one of a builtin type
    /// other than `object`'s defaults (identity comparison is the fallback below).
    pub(crate) fn lookup_compare(&self, v: &Value, name: &'static str) -> Option<Value> {
        let m = self.lookup_special(v, name)?;
        if let Some(Payload::Native(_)) = m.payload() {
            let from_object = self
                .types
                .object
                .payload_type()
                .dict
                .borrow()
                .get_str(&crate::object::PyStr::new(name))
                .is_some_and(|o| o.is(&m));
            if from_object {
                return None;
            }
        }
        Some(m)
    }

    /// Comparisons of builtin values; None when user code must decide.
    pub(crate) fn fast_compare(&mut self, a: &Value, b: &Value, op: u32) -> PyResult<Option<bool>> {
        use std::cmp::Ordering as O;
        // Instances: their classes decide (the common case of `compare`'s callers).
        if matches!(a.payload(), Some(Payload::Instance(_)))
            || matches!(b.payload(), Some(Payload::Instance(_)))
        {
            return Ok(None);
        }
        let ord: Option<O> = match (a, b) {
            _ if is_int(a) && is_int(b) => {
                if let Some((x, y)) = int_pair(a, b) {
                    Some(x.cmp(&y))
                } else {
                    Some(to_big(a).unwrap().cmp(&to_big(b).unwrap()))
                }
            }
            (Value::Float(_), _) | (_, Value::Float(_))
                if to_f64(a).is_some() && to_f64(b).is_some() =>
            {
                let (x, y) = (num_as_f64_for_cmp(a), num_as_f64_for_cmp(b));
                match x.partial_cmp(&y) {
                    Some(o) => Some(o),
                    None => return Ok(Some(op == 3)),
                }
            }
            (Value::Str(x), Value::Str(y)) => Some(x.as_str().cmp(y.as_str())),
            _ => match (a.payload(), b.payload()) {
                (Some(Payload::List(x)), Some(Payload::List(y))) => {
                    let xs = x.borrow().clone();
                    let ys = y.borrow().clone();
                    return self.seq_compare(&xs, &ys, op).map(Some);
                }
                (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
                    // Compared in place: a tuple cannot change, and the caller holds both
                    // (a list is copied above, since the items' `__eq__` may change it).
                    return self.seq_compare(x, y, op).map(Some);
                }
                (Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) => Some(x.cmp(y)),
                (
                    Some(Payload::BoundMethod {
                        func: f,
                        receiver: r,
                    }),
                    Some(Payload::BoundMethod {
                        func: g,
                        receiver: s,
                    }),
                ) if op == 2 || op == 3 => {
                    return Ok(Some(bound_method_eq(f, r, g, s) == (op == 2)));
                }
                (Some(Payload::Set(x)), Some(Payload::Set(y))) => {
                    let fast = {
                        // Err: keys the fast equality cannot compare (frozensets).
                        let mut eq = |p: &Value, q: &Value| fast_eq(p, q).ok_or(());
                        let xt = x.table.borrow();
                        let yt = y.table.borrow();
                        match op {
                            0 => xt.is_proper_subset(&yt, &mut eq),
                            1 => xt.issubset(&yt, &mut eq),
                            2 => xt.set_eq(&yt, &mut eq),
                            3 => xt.set_eq(&yt, &mut eq).map(|e| !e),
                            4 => xt.is_proper_superset(&yt, &mut eq),
                            _ => xt.issuperset(&yt, &mut eq),
                        }
                    };
                    return match fast {
                        Ok(r) => Ok(Some(r)),
                        Err(()) => self.set_compare_slow(a, b, op).map(Some),
                    };
                }
                (Some(Payload::Dict(_)), Some(Payload::Dict(_))) if op == 2 || op == 3 => {
                    let r = self.dict_eq(a, b)?;
                    return Ok(Some(r == (op == 2)));
                }
                (Some(Payload::Range { .. }), Some(Payload::Range { .. }))
                    if op == 2 || op == 3 =>
                {
                    return Ok(Some(ranges_equal(a, b) == (op == 2)));
                }
                _ => {
                    if op == 2 || op == 3 {
                        // Different builtin kinds (instances left above) are never equal
                        // unless user code says so.
                        if matches!((a, b), (Value::Obj(_), Value::Obj(_))) && a.is(b) {
                            return Ok(Some(op == 2));
                        }
                        if self.has_user_eq(a) || self.has_user_eq(b) {
                            return Ok(None);
                        }
                        return Ok(Some((op == 3) != a.is(b)));
                    }
                    None
                }
            },
        };
        Ok(ord.map(|o| ordering_satisfies(o, op)))
    }

    fn has_user_eq(&self, v: &Value) -> bool {
        matches!(
            v.payload(),
            Some(
                Payload::Instance(_)
                    | Payload::Opaque(_)
                    | Payload::Deque(_)
                    | Payload::Future(_)
                    | Payload::Task(_)
            )
        )
    }

    fn seq_compare(&mut self, xs: &[Value], ys: &[Value], op: u32) -> PyResult<bool> {
        for (x, y) in xs.iter().zip(ys) {
            if x.is(y) {
                continue;
            }
            if !self.eq(x, y)? {
                if op == 2 {
                    return Ok(false);
                }
                if op == 3 {
                    return Ok(true);
                }
                if let Some(r) = self.fast_compare(x, y, op)? {
                    return Ok(r);
                }
                let r = self.compare(x.clone(), y.clone(), op)?;
                return self.truthy(&r);
            }
        }
        Ok(ordering_satisfies(xs.len().cmp(&ys.len()), op))
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = fast_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(a.clone(), b.clone(), 2)?;
        self.truthy(&r)
    }

    fn dict_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (Some(Payload::Dict(x)), Some(Payload::Dict(_))) = (a.payload(), b.payload()) else {
            return Ok(false);
        };
        let items: Vec<(Value, Value)> = x.borrow().items();
        if items.len() != self.len_of(b)? {
            return Ok(false);
        }
        for (k, v) in items {
            match self.dict_getitem_opt(b, &k)? {
                Some(v2) => {
                    if !self.eq(&v, &v2)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        use crate::settable::*;
        Ok(match v {
            Value::Int(i) => hash_i64(*i),
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) => hash_bigint(b),
            Value::Float(f) => hash_f64(*f).unwrap_or_else(|| (f.to_bits() >> 4) as i64),
            Value::Str(s) => s.hash(),
            Value::None => 0xFCA86420,
            Value::Null => 0,
            Value::Obj(o) => match &o.payload {
                Payload::Tuple(items) => {
                    let mut h = TupleHasher::new();
                    for it in items.iter() {
                        h.add(self.hash(it)?);
                    }
                    h.finish()
                }
                Payload::Bytes(b) => hash_bytes(b),
                // As CPython: the hash of (len, start, step), start and step None where
                // they make no difference, so that equal ranges hash alike.
                Payload::Range { start, stop, step } => {
                    let len = range_len(*start, *stop, *step);
                    let none = self.hash(&Value::None)?;
                    let mut h = TupleHasher::new();
                    h.add(hash_i64(len));
                    h.add(if len == 0 { none } else { hash_i64(*start) });
                    h.add(if len <= 1 { none } else { hash_i64(*step) });
                    h.finish()
                }
                Payload::Set(s) if s.frozen => s.table.borrow().frozenset_hash(),
                Payload::List(_)
                | Payload::Dict(_)
                | Payload::Set(_)
                | Payload::DictView(..)
                | Payload::Slice(..) => {
                    return Err(PyErr::type_error(format!(
                        "unhashable type: '{}'",
                        self.type_name(v)
                    )))
                }
                Payload::Instance(_)
                | Payload::Opaque(_)
                | Payload::Deque(_)
                | Payload::Future(_)
                | Payload::Task(_) => match self.lookup_special(v, "__hash__") {
                    Some(Value::None) => {
                        return Err(PyErr::type_error(format!(
                            "unhashable type: '{}'",
                            self.type_name(v)
                        )))
                    }
                    Some(f) if !matches!(f.payload(), Some(Payload::Native(_))) => {
                        let r = self.call_with(&f, [v.clone()])?;
                        match r {
                            Value::Int(i) => {
                                if i == -1 {
                                    -2
                                } else {
                                    i
                                }
                            }
                            Value::BigInt(b) => hash_bigint(&b),
                            Value::Bool(b) => b as i64,
                            _ => {
                                return Err(PyErr::type_error(
                                    "__hash__ method should return an integer",
                                ))
                            }
                        }
                    }
                    _ => (Rc::as_ptr(o) as i64) >> 4,
                },
                Payload::BoundMethod { func, receiver } => {
                    // Consistent with equality: the receiver's identity and the function.
                    let x = match receiver {
                        Value::Str(s) if s.len() <= 1 => self.hash(receiver)?,
                        _ => receiver.id() >> 4,
                    };
                    match x ^ (func.id() >> 4) {
                        -1 => -2,
                        h => h,
                    }
                }
                _ => (Rc::as_ptr(o) as i64) >> 4,
            },
        })
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(crate::text::find_bytes(s.as_str(), sub.as_str()).is_some()),
                _ => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Obj(o) => match &o.payload {
                Payload::List(l) => {
                    let n = l.borrow().len();
                    for i in 0..n {
                        let x = match l.borrow().get(i) {
                            Some(x) => x.clone(),
                            None => break,
                        };
                        if x.is(item) || self.eq(&x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                Payload::Tuple(t) => {
                    for x in t.iter() {
                        if x.is(item) || self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                Payload::Dict(_) => self.dict_contains(container, item),
                Payload::DictView(d, kind) => {
                    let dv = Value::Obj(d.clone());
                    match kind {
                        crate::object::iter::ViewKind::Keys => self.dict_contains(&dv, item),
                        _ => {
                            let items = self.collect_iterable(container)?;
                            for x in items {
                                if self.eq(&x, item)? {
                                    return Ok(true);
                                }
                            }
                            Ok(false)
                        }
                    }
                }
                Payload::Set(_) => self.set_contains(container, item),
                Payload::Range { start, stop, step } => {
                    if let Value::Int(i) = item {
                        let (i, start, stop, step) = (*i, *start, *stop, *step);
                        Ok(if step > 0 {
                            i >= start && i < stop && (i - start) % step == 0
                        } else {
                            i <= start && i > stop && (start - i) % (-step) == 0
                        })
                    } else {
                        let items = self.collect_iterable(container)?;
                        for x in items {
                            if self.eq(&x, item)? {
                                return Ok(true);
                            }
                        }
                        Ok(false)
                    }
                }
                Payload::Bytes(b) => match item {
                    Value::Int(i) if (0..256).contains(i) => Ok(b.contains(&(*i as u8))),
                    Value::Int(_) | Value::BigInt(_) => {
                        Err(PyErr::value_error("byte must be in range(0, 256)"))
                    }
                    _ => match item.payload() {
                        Some(Payload::Bytes(sub)) => {
                            Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                        }
                        _ => Err(PyErr::type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            self.type_name(item)
                        ))),
                    },
                },
                _ => {
                    if let Some(m) = self.lookup_special(container, "__contains__") {
                        let r = self.call_with(&m, [container.clone(), item.clone()])?;
                        return self.truthy(&r);
                    }
                    if self.lookup_special(container, "__iter__").is_some()
                        || matches!(o.payload, Payload::Iter(_) | Payload::Generator(_))
                    {
                        let it = self.get_iter(container)?;
                        while let Some(x) = self.next(&it)? {
                            if x.is(item) || self.eq(&x, item)? {
                                return Ok(true);
                            }
                        }
                        return Ok(false);
                    }
                    Err(PyErr::type_error(format!(
                        "argument of type '{}' is not iterable",
                        self.type_name(container)
                    )))
                }
            },
            _ => Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            ))),
        }
    }

    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v.payload(), Some(Payload::NotImplemented))
    }

    /// An integer index (`__index__`).
    pub fn index_value(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(b) => b.to_i64().ok_or_else(|| {
                PyErr::new(
                    ExcKind::IndexError,
                    "cannot fit 'int' into an index-sized integer",
                )
            }),
            _ => {
                if let Some(m) = self.lookup_user_special(v, "__index__") {
                    let r = self.call_with(&m, [v.clone()])?;
                    return self.index_value(&r);
                }
                Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                )))
            }
        }
    }

    // ----- dict and set helpers (never hold a borrow while running Python code) -----

    pub fn dict_setitem(&mut self, d: &Value, k: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&k)?;
        let Some(Payload::Dict(dict)) = d.payload() else {
            return Err(PyErr::type_error("not a dict"));
        };
        if needs_slow_eq(&k) {
            if let Some(i) = self.dict_find_slow(dict, h, &k)? {
                *dict.borrow_mut().value_at_mut(i) = v;
                return Ok(());
            }
            dict.borrow_mut().insert_new(h, k, v);
            return Ok(());
        }
        let mut eq = |a: &Value, b: &Value| -> Result<bool, ()> { fast_eq(a, b).ok_or(()) };
        let r = dict.borrow_mut().insert(h, k.clone(), v.clone(), &mut eq);
        match r {
            Ok(_) => Ok(()),
            Err(()) => {
                if let Some(i) = self.dict_find_slow(dict, h, &k)? {
                    *dict.borrow_mut().value_at_mut(i) = v;
                } else {
                    dict.borrow_mut().insert_new(h, k, v);
                }
                Ok(())
            }
        }
    }

    /// Find by running Python `__eq__` on candidates, outside any borrow.
    fn dict_find_slow(
        &mut self,
        dict: &RefCell<Dict>,
        h: i64,
        k: &Value,
    ) -> PyResult<Option<usize>> {
        let candidates = dict.borrow().same_hash_keys(h);
        for (i, c) in candidates {
            if c.is(k) || self.eq(&c, k)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    pub fn dict_getitem_opt(&mut self, d: &Value, k: &Value) -> PyResult<Option<Value>> {
        let Some(Payload::Dict(dict)) = d.payload() else {
            return Ok(None);
        };
        if let Value::Str(s) = k {
            return Ok(dict.borrow().get_str(s).cloned());
        }
        let h = self.hash(k)?;
        if needs_slow_eq(k) {
            let i = self.dict_find_slow(dict, h, k)?;
            return Ok(i.and_then(|i| dict.borrow().entry_at(i).map(|e| e.value.clone())));
        }
        let mut eq = |a: &Value, b: &Value| -> Result<bool, ()> { fast_eq(a, b).ok_or(()) };
        let r = dict.borrow().get(h, k, &mut eq).map(|o| o.cloned());
        match r {
            Ok(v) => Ok(v),
            Err(()) => {
                let i = self.dict_find_slow(dict, h, k)?;
                Ok(i.and_then(|i| dict.borrow().entry_at(i).map(|e| e.value.clone())))
            }
        }
    }

    pub fn dict_contains(&mut self, d: &Value, k: &Value) -> PyResult<bool> {
        Ok(self.dict_getitem_opt(d, k)?.is_some())
    }

    pub fn dict_delitem(&mut self, d: &Value, k: &Value) -> PyResult<Option<Value>> {
        let Some(Payload::Dict(dict)) = d.payload() else {
            return Ok(None);
        };
        let h = self.hash(k)?;
        let slow = if needs_slow_eq(k) {
            true
        } else {
            let mut eq = |a: &Value, b: &Value| -> Result<bool, ()> { fast_eq(a, b).ok_or(()) };
            let r = dict.borrow_mut().remove(h, k, &mut eq);
            match r {
                Ok(r) => return Ok(r.map(|(_, v)| v)),
                Err(()) => true,
            }
        };
        if slow {
            if let Some(i) = self.dict_find_slow(dict, h, k)? {
                let key = dict.borrow().entry_at(i).map(|e| e.key.clone()).unwrap();
                let mut eq = |a: &Value, b: &Value| -> Result<bool, ()> { Ok(a.is(b)) };
                let r = dict.borrow_mut().remove(h, &key, &mut eq).ok().flatten();
                return Ok(r.map(|(_, v)| v));
            }
        }
        Ok(None)
    }

    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let set = Value::new_obj(Payload::Set(SetObj {
            table: RefCell::new(SetTable::new()),
            frozen,
        }));
        for v in items {
            self.set_add(&set, v)?;
        }
        Ok(set)
    }

    pub fn set_add(&mut self, set: &Value, v: Value) -> PyResult<()> {
        let h = self.hash(&v)?;
        let Some(Payload::Set(s)) = set.payload() else {
            return Err(PyErr::type_error("not a set"));
        };
        if !needs_slow_eq(&v) {
            let mut eq = |a: &Value, b: &Value| fast_eq(a, b).ok_or(());
            if s.table.borrow_mut().insert(h, v.clone(), &mut eq).is_ok() {
                return Ok(());
            }
        }
        if self.set_key_equal_to(s, h, &v)?.is_some() {
            return Ok(());
        }
        let mut eq = |a: &Value, b: &Value| -> Result<bool, ()> { Ok(a.is(b)) };
        let _ = s.table.borrow_mut().insert(h, v, &mut eq);
        Ok(())
    }

    /// The key of `s` with hash `h` that `==` says equals `v` (for what the fast
    /// equality cannot decide: instances, frozensets, tuples holding them).
    fn set_key_equal_to(
        &mut self,
        s: &crate::object::SetObj,
        h: i64,
        v: &Value,
    ) -> PyResult<Option<Value>> {
        let existing = s.table.borrow().same_hash_keys(h, v);
        for e in existing {
            if e.is(v) || self.eq(&e, v)? {
                return Ok(Some(e));
            }
        }
        Ok(None)
    }

    pub fn set_contains(&mut self, set: &Value, v: &Value) -> PyResult<bool> {
        let Some(Payload::Set(s)) = set.payload() else {
            return Ok(false);
        };
        // `{1} in some_set`: a set is looked up as the frozenset of its items, as
        // CPython's set_contains retries.
        if let Some(Payload::Set(inner)) = v.payload() {
            if !inner.frozen {
                let key = self.new_set(set_keys(inner), true)?;
                return self.set_contains(set, &key);
            }
        }
        let h = self.hash(v)?;
        if !needs_slow_eq(v) {
            let mut eq = |a: &Value, b: &Value| fast_eq(a, b).ok_or(());
            if let Ok(found) = s.table.borrow().contains(h, v, &mut eq) {
                return Ok(found);
            }
        }
        Ok(self.set_key_equal_to(s, h, v)?.is_some())
    }

    pub fn set_remove(&mut self, set: &Value, v: &Value) -> PyResult<bool> {
        let Some(Payload::Set(s)) = set.payload() else {
            return Ok(false);
        };
        let h = self.hash(v)?;
        if !needs_slow_eq(v) {
            let mut eq = |a: &Value, b: &Value| fast_eq(a, b).ok_or(());
            if let Ok(removed) = s.table.borrow_mut().remove(h, v, &mut eq) {
                return Ok(removed.is_some());
            }
        }
        let Some(key) = self.set_key_equal_to(s, h, v)? else {
            return Ok(false);
        };
        let mut same = |a: &Value, b: &Value| -> Result<bool, ()> { Ok(a.is(b)) };
        Ok(matches!(
            s.table.borrow_mut().remove(h, &key, &mut same),
            Ok(Some(_))
        ))
    }
}

/// Do two ranges hold the same numbers? (As CPython: the same length, and where it
/// matters the same start and step; not by listing them.)
fn ranges_equal(a: &Value, b: &Value) -> bool {
    let (
        Some(&Payload::Range { start, stop, step }),
        Some(&Payload::Range {
            start: s2,
            stop: e2,
            step: t2,
        }),
    ) = (a.payload(), b.payload())
    else {
        return false;
    };
    let len = range_len(start, stop, step);
    len == range_len(s2, e2, t2) && (len == 0 || (start == s2 && (len == 1 || step == t2)))
}

/// Equality decidable without running Python code; None when a user `__eq__` may apply.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(Rc::ptr_eq(x, y) || x.as_str() == y.as_str()),
        (Value::None, Value::None) => Some(true),
        _ if is_int(a) && is_int(b) => match int_pair(a, b) {
            Some((x, y)) => Some(x == y),
            None => Some(to_big(a) == to_big(b)),
        },
        (Value::Float(_), _) | (_, Value::Float(_))
            if to_f64(a).is_some() && to_f64(b).is_some() =>
        {
            Some(num_as_f64_for_cmp(a) == num_as_f64_for_cmp(b))
        }
        (Value::Obj(x), Value::Obj(y)) => {
            if Rc::ptr_eq(x, y) {
                return Some(true);
            }
            match (&x.payload, &y.payload) {
                (Payload::Tuple(p), Payload::Tuple(q)) => {
                    if p.len() != q.len() {
                        return Some(false);
                    }
                    for (u, v) in p.iter().zip(q.iter()) {
                        if !fast_eq(u, v)? {
                            return Some(false);
                        }
                    }
                    Some(true)
                }
                (Payload::Bytes(p), Payload::Bytes(q)) => Some(p == q),
                (Payload::Range { .. }, Payload::Range { .. }) => Some(ranges_equal(a, b)),
                (
                    Payload::BoundMethod {
                        func: f,
                        receiver: r,
                    },
                    Payload::BoundMethod {
                        func: g,
                        receiver: s,
                    },
                ) => Some(bound_method_eq(f, r, g, s)),
                (Payload::Instance(_), _) | (_, Payload::Instance(_)) => None,
                (Payload::List(_), _) | (Payload::Dict(_), _) | (Payload::Set(_), _) => None,
                _ => Some(false),
            }
        }
        (Value::Obj(o), _) | (_, Value::Obj(o)) => match &o.payload {
            Payload::Instance(_) => None,
            _ => Some(false),
        },
        _ => Some(false),
    }
}

/// Bound methods are equal when they bind the same function to the same object
/// (identity of `__self__`, as CPython 3.8+).
fn bound_method_eq(f: &Value, r: &Value, g: &Value, s: &Value) -> bool {
    f.is(g) && r.is(s)
}

/// A set's keys, copied out so that no borrow of its table is held while `==` runs.
fn set_keys(s: &SetObj) -> Vec<Value> {
    s.table.borrow().iter().map(|(_, k)| k.clone()).collect()
}

/// Keys whose equality may run user code.
fn needs_slow_eq(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Instance(_)))
}

fn num_as_f64_for_cmp(v: &Value) -> f64 {
    to_f64(v).unwrap_or(f64::NAN)
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// int / int as a correctly rounded float.
pub fn int_true_div(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if y.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return Ok(a as f64 / b as f64);
        }
    }
    // CPython's long_true_divide: an integer quotient with DBL_MANT_DIG + 2 bits (fewer
    // where the result is subnormal) plus a sticky bit for a nonzero remainder rounds
    // once, correctly, when converted; the scaling by 2**shift is then exact.
    const MANT: i64 = 53;
    const MIN_EXP: i64 = -1021;
    let neg = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    if a.is_zero() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1024 + 1 {
        return Err(PyErr::overflow(
            "integer division result too large for a float",
        ));
    }
    if diff < MIN_EXP - MANT - 1 {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let (mut q, r) = if shift < 0 {
        (a << (-shift) as usize).div_rem(&b)
    } else {
        a.div_rem(&(b << shift as usize))
    };
    if !r.is_zero() {
        q |= BigInt::from(1);
    }
    let mantissa = q.to_u64().expect("at most 56 bits") as f64;
    // ldexp in two steps so 2**shift itself never underflows. (A subnormal result may
    // round twice; CPython rounds q to the subnormal's precision first.)
    let half = (shift / 2) as i32;
    let v = mantissa * 2f64.powi(half) * 2f64.powi(shift as i32 - half);
    if v.is_infinite() {
        return Err(PyErr::overflow(
            "integer division result too large for a float",
        ));
    }
    Ok(if neg { -v } else { v })
}

fn big_op(x: &BigInt, y: &BigInt, op: u32) -> PyResult<Value> {
    Ok(match op {
        0 => Value::from_bigint(x + y),
        10 => Value::from_bigint(x - y),
        5 => Value::from_bigint(x * y),
        2 => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            Value::from_bigint(x.div_floor(y))
        }
        6 => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            Value::from_bigint(x.mod_floor(y))
        }
        11 => Value::Float(int_true_div(x, y)?),
        1 => Value::from_bigint(x & y),
        7 => Value::from_bigint(x | y),
        12 => Value::from_bigint(x ^ y),
        // Zero shifted any way is zero, however far.
        3 if x.is_zero() && !y.is_negative() => Value::Int(0),
        3 => {
            let n = y.to_usize().ok_or_else(|| {
                if y.is_negative() {
                    PyErr::value_error("negative shift count")
                } else {
                    PyErr::overflow("too many digits in integer")
                }
            })?;
            Value::from_bigint(x << n)
        }
        9 => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            let n = y.to_usize().unwrap_or(usize::MAX);
            if n > x.bits() as usize + 1 {
                Value::Int(if x.is_negative() { -1 } else { 0 })
            } else {
                Value::from_bigint(x >> n)
            }
        }
        8 => {
            if y.is_negative() {
                let (a, b) = (
                    x.to_f64().unwrap_or(f64::INFINITY),
                    y.to_f64().unwrap_or(f64::NEG_INFINITY),
                );
                if a == 0.0 {
                    return Err(PyErr::zero_division(
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                Value::Float(a.powf(b))
            } else if x.is_zero() || x.is_one() {
                // 0 and 1 to any power are themselves, and -1's sign is the
                // exponent's parity, however large it is.
                Value::from_bigint(x.clone())
            } else if *x == -BigInt::one() {
                Value::Int(if y.is_even() { 1 } else { -1 })
            } else {
                let e = y
                    .to_u32()
                    .ok_or_else(|| PyErr::overflow("exponent too large"))?;
                Value::from_bigint(num_traits::pow::Pow::pow(x, e))
            }
        }
        _ => return Err(PyErr::type_error("unsupported operand")),
    })
}

/// Whether `a OP b` holds when `a.cmp(b)` is `o`, for COMPARE_OP's argument `op`
/// (0 `<`, 1 `<=`, 2 `==`, 3 `!=`, 4 `>`, 5 `>=`).
#[inline(always)]
pub(crate) fn ordering_satisfies(o: std::cmp::Ordering, op: u32) -> bool {
    use std::cmp::Ordering as O;
    match op {
        0 => o == O::Less,
        1 => o != O::Greater,
        2 => o == O::Equal,
        3 => o != O::Equal,
        4 => o == O::Greater,
        _ => o != O::Less,
    }
}

/// Two instances of one class (an instance's class is its type: pyco does not
/// reassign `__class__`).
fn same_class(a: &Value, b: &Value) -> bool {
    match (a.payload(), b.payload()) {
        (Some(Payload::Instance(x)), Some(Payload::Instance(y))) => Rc::ptr_eq(&x.class, &y.class),
        _ => false,
    }
}

/// `m` if it is a plain Python function called with exactly two arguments.
fn plain_binary_function(m: &Value) -> Option<&Function> {
    match m.payload() {
        Some(Payload::Function(f)) if f.plain_argc == 2 => Some(f),
        _ => None,
    }
}
