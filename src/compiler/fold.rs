//! Constant folding of operators on constants, as CPython 3.11's AST optimizer does it
//! (`fold_binop`, `fold_unaryop`, `fold_tuple`, `fold_subscr`): `60 * 60` compiles as `LOAD_CONST 3600`.
//!
//! Only results that are certainly what the operation computes at run time are folded,
//! within CPython's size limits (ints of at most 128 bits from `*`, `**` and `<<`,
//! strings of at most 4096 characters, tuples of at most 256 items). An operation that
//! would raise is left for run time, as CPython leaves it. Where pyco folds less than
//! CPython (float `**`), the program still computes the same value; only
//! `dis` shows the operation.

use super::expr::constant_value;
use crate::ast::{BinOp, Constant, Expr, ExprKind, UnaryOp};
use crate::object::{Payload, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

const MAX_INT_BITS: u64 = 128;
const MAX_STR_SIZE: usize = 4096;
const MAX_COLLECTION_SIZE: usize = 256;
/// Beyond this depth an expression is left unfolded (no Rust recursion on deep input).
const MAX_DEPTH: u32 = 100;

/// The constant `e` folds to, if CPython's optimizer folds it and pyco can be sure of
/// the value.
pub(super) fn fold(e: &Expr) -> Option<Value> {
    fold_at(e, 0)
}

fn fold_at(e: &Expr, depth: u32) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    match &e.kind {
        ExprKind::Constant(Constant::Imaginary(_)) => None,
        ExprKind::Constant(c) => Some(constant_value(c)),
        ExprKind::Tuple(items) => items
            .iter()
            .map(|i| fold_at(i, depth + 1))
            .collect::<Option<Vec<Value>>>()
            .map(Value::tuple),
        ExprKind::UnaryOp { op, operand } => unary(*op, fold_at(operand, depth + 1)?),
        ExprKind::Subscript { value, slice } => {
            subscript(&fold_at(value, depth + 1)?, &fold_at(slice, depth + 1)?)
        }
        ExprKind::BinOp { left, op, right } => {
            // A long `a + b + c + ...` chain is a deep left spine: bail before recursing
            // when its bottom is not a constant.
            let mut bottom = &**left;
            let mut steps = 0;
            while let ExprKind::BinOp { left, .. } = &bottom.kind {
                bottom = left;
                steps += 1;
                if depth + steps > MAX_DEPTH {
                    return None;
                }
            }
            if !matches!(
                bottom.kind,
                ExprKind::Constant(_) | ExprKind::Tuple(_) | ExprKind::UnaryOp { .. }
            ) {
                return None;
            }
            let l = fold_at(left, depth + 1)?;
            let r = fold_at(right, depth + 1)?;
            binary(*op, &l, &r)
        }
        _ => None,
    }
}

fn int_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// A number as the VM's float arithmetic converts it (an int too big for a float is
/// left for run time, where it raises).
fn float_of(v: &Value) -> Option<f64> {
    crate::vm::ops::to_f64(v).filter(|f| f.is_finite())
}

fn unary(op: UnaryOp, v: Value) -> Option<Value> {
    if op == UnaryOp::Not {
        return Some(Value::Bool(!truth(&v)?));
    }
    if let Value::Float(f) = v {
        return match op {
            UnaryOp::USub => Some(Value::Float(-f)),
            UnaryOp::UAdd => Some(Value::Float(f)),
            _ => None,
        };
    }
    let i = int_of(&v)?;
    match op {
        UnaryOp::USub => Some(Value::from_bigint(-i)),
        UnaryOp::UAdd => Some(Value::from_bigint(i)),
        UnaryOp::Invert => Some(Value::from_bigint(-i - 1)),
        UnaryOp::Not => unreachable!("handled above"),
    }
}

pub(super) fn binary(op: BinOp, l: &Value, r: &Value) -> Option<Value> {
    if let (Value::Bool(a), Value::Bool(b)) = (l, r) {
        // bool's own &, |, ^ give a bool.
        match op {
            BinOp::BitAnd => return Some(Value::Bool(a & b)),
            BinOp::BitOr => return Some(Value::Bool(a | b)),
            BinOp::BitXor => return Some(Value::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (int_of(l), int_of(r)) {
        return int_binary(op, a, b);
    }
    if matches!(l, Value::Float(_)) || matches!(r, Value::Float(_)) {
        let (a, b) = (float_of(l)?, float_of(r)?);
        return match op {
            BinOp::Add => Some(Value::Float(a + b)),
            BinOp::Sub => Some(Value::Float(a - b)),
            BinOp::Mult => Some(Value::Float(a * b)),
            BinOp::Div if b != 0.0 => Some(Value::Float(a / b)),
            BinOp::FloorDiv if b != 0.0 => Some(Value::Float(crate::vm::ops::float_floordiv(a, b))),
            BinOp::Mod if b != 0.0 => Some(Value::Float(crate::vm::ops::float_mod(a, b))),
            _ => None,
        };
    }
    match (op, l, r) {
        (BinOp::Add, Value::Str(a), Value::Str(b)) => {
            Some(Value::string(format!("{}{}", a.as_str(), b.as_str())))
        }
        (BinOp::Mult, Value::Str(s), n) | (BinOp::Mult, n, Value::Str(s)) => {
            let k = repeat_count(n, s.as_str().chars().count(), MAX_STR_SIZE)?;
            Some(Value::string(s.as_str().repeat(k)))
        }
        _ => match (op, l.payload(), r.payload()) {
            (BinOp::Add, Some(Payload::Tuple(a)), Some(Payload::Tuple(b))) => {
                Some(Value::tuple(a.iter().chain(b.iter()).cloned().collect()))
            }
            (BinOp::Mult, Some(Payload::Tuple(t)), _) => {
                let k = repeat_count(r, t.len(), MAX_COLLECTION_SIZE)?;
                Some(Value::tuple(
                    t.iter().cloned().cycle().take(t.len() * k).collect(),
                ))
            }
            (BinOp::Mult, _, Some(Payload::Tuple(t))) => {
                let k = repeat_count(l, t.len(), MAX_COLLECTION_SIZE)?;
                Some(Value::tuple(
                    t.iter().cloned().cycle().take(t.len() * k).collect(),
                ))
            }
            _ => None,
        },
    }
}

/// The truth value of a constant.
fn truth(v: &Value) -> Option<bool> {
    Some(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(b) => !b.is_zero(),
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.as_str().is_empty(),
        _ => match v.payload()? {
            Payload::Tuple(t) => !t.is_empty(),
            Payload::Bytes(b) => !b.is_empty(),
            Payload::Ellipsis => true,
            _ => return None,
        },
    })
}

/// `"abc"[1]`, `(1, 2)[-1]`, `b"ab"[0]`: an index inside the sequence (an error is left
/// for run time).
fn subscript(v: &Value, index: &Value) -> Option<Value> {
    let i = match index {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return None,
    };
    let at = |len: usize| -> Option<usize> {
        let k = if i < 0 { i + len as i64 } else { i };
        (0..len as i64).contains(&k).then_some(k as usize)
    };
    if let Value::Str(s) = v {
        let s = s.as_str();
        let c = s.chars().nth(at(s.chars().count())?)?;
        return Some(Value::string(c.to_string()));
    }
    match v.payload()? {
        Payload::Tuple(t) => Some(t[at(t.len())?].clone()),
        Payload::Bytes(b) => Some(Value::Int(b[at(b.len())?] as i64)),
        _ => None,
    }
}

/// `n` for `seq * n` when the result stays within `limit` items (CPython's
/// safe_multiply: a negative count folds only for an empty sequence, which stays empty).
fn repeat_count(n: &Value, len: usize, limit: usize) -> Option<usize> {
    let n = int_of(n)?.to_i64()?;
    if len == 0 {
        return Some(0);
    }
    let n = usize::try_from(n).ok()?;
    (n <= limit / len).then_some(n)
}

fn int_binary(op: BinOp, a: BigInt, b: BigInt) -> Option<Value> {
    let bits = |x: &BigInt| x.bits();
    let v = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => {
            if !a.is_zero() && !b.is_zero() && bits(&a) + bits(&b) > MAX_INT_BITS {
                return None;
            }
            a * b
        }
        BinOp::FloorDiv if !b.is_zero() => a.div_floor(&b),
        BinOp::Mod if !b.is_zero() => a.mod_floor(&b),
        // The VM's correctly rounded division (an overflow is left for run time).
        BinOp::Div if !b.is_zero() => {
            return crate::vm::ops::int_true_div(&a, &b).ok().map(Value::Float)
        }
        BinOp::Pow if b.is_negative() => {
            if a.is_zero() {
                return None;
            }
            let (x, y) = (
                float_of(&Value::from_bigint(a))?,
                float_of(&Value::from_bigint(b))?,
            );
            return Some(Value::Float(x.powf(y)));
        }
        BinOp::Pow => {
            let w = b.to_u32()?;
            if !a.is_zero() && w > 0 && bits(&a) > MAX_INT_BITS / w as u64 {
                return None;
            }
            a.pow(w)
        }
        BinOp::LShift if !b.is_negative() => {
            let w = b.to_u64()?;
            if !a.is_zero() && (w > MAX_INT_BITS || bits(&a) > MAX_INT_BITS - w) {
                return None;
            }
            a << w as usize
        }
        // num-bigint's shift of a negative number rounds toward -inf, as Python's.
        BinOp::RShift if !b.is_negative() => a >> b.to_usize().unwrap_or(usize::MAX).min(1 << 20),
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        _ => return None,
    };
    Some(Value::from_bigint(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(src: &str) -> Option<String> {
        let module = crate::parser::parse(src, crate::parser::Mode::Module).unwrap();
        let crate::ast::StmtKind::Expr(e) = &module.body[0].kind else {
            panic!("not an expression")
        };
        fold(e).map(|v| match v {
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => format!("{:?}", f),
            Value::Str(s) => format!("'{}'", s.as_str()),
            Value::Obj(_) => "tuple".into(),
            _ => "other".into(),
        })
    }

    #[test]
    fn folds_what_cpython_folds() {
        assert_eq!(folded("60 * 60").as_deref(), Some("3600"));
        assert_eq!(folded("2 ** 10 - 1").as_deref(), Some("1023"));
        assert_eq!(folded("-7 // 2").as_deref(), Some("-4"));
        assert_eq!(folded("-7 % 3").as_deref(), Some("2"));
        assert_eq!(folded("1 / 4").as_deref(), Some("0.25"));
        assert_eq!(folded("-16 >> 2").as_deref(), Some("-4"));
        assert_eq!(folded("-17 >> 2").as_deref(), Some("-5"));
        assert_eq!(folded("-1 >> 100").as_deref(), Some("-1"));
        assert_eq!(
            folded("(-2) ** 63 / 3").as_deref(),
            Some("-3.0744573456182584e18")
        );
        assert_eq!(folded("0.1 * 3").as_deref(), Some("0.30000000000000004"));
        assert_eq!(folded("2 ** -1").as_deref(), Some("0.5"));
        assert_eq!(folded("'ab' * 3").as_deref(), Some("'ababab'"));
        assert_eq!(folded("'' * -1").as_deref(), Some("''"));
        assert_eq!(folded("(1, 2) + (3,)").as_deref(), Some("tuple"));
        assert_eq!(folded("~True").as_deref(), Some("-2"));
        assert_eq!(folded("True & False").as_deref(), Some("other"));
        assert_eq!(folded("'abc'[-1]").as_deref(), Some("'c'"));
        assert_eq!(folded("(1, 2)[True]").as_deref(), Some("2"));
        assert_eq!(folded("b'ab'[0]").as_deref(), Some("97"));
        assert_eq!(folded("-7.5 // 2").as_deref(), Some("-4.0"));
        assert_eq!(folded("-7.5 % 2").as_deref(), Some("0.5"));
        assert_eq!(folded("not ()").as_deref(), Some("other"));
    }

    #[test]
    fn leaves_errors_and_big_results_for_run_time() {
        assert_eq!(folded("1 / 0"), None);
        assert_eq!(folded("1 % 0"), None);
        assert_eq!(folded("0 ** -1"), None);
        assert_eq!(folded("2 ** 200"), None);
        assert_eq!(folded("'x' * 5000"), None);
        assert_eq!(folded("'x' * -1"), None);
        assert_eq!(folded("'%s' % 1"), None);
        assert_eq!(folded("1 << 200"), None);
        assert_eq!(folded("x + 1"), None);
        assert_eq!(folded("'abc'[3]"), None);
        assert_eq!(folded("(1, 2)[0:1]"), None);
    }
}
