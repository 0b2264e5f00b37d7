//! The runtime of `except*` (PEP 654): CHECK_EG_MATCH and PREP_RERAISE_STAR, as CPython
//! 3.11's `exception_group_match` and `_PyExc_PrepReraiseStar`. The exception group
//! classes are Python (`modules/exception_group.py`); this calls their constructor and
//! `split`.

use super::Vm;
use crate::object::{Payload, PyErr, PyResult, TypeObj, Value};
use std::rc::Rc;

impl Vm {
    /// The BaseExceptionGroup class (looked up once per instruction).
    fn base_exception_group(&mut self) -> PyResult<Rc<crate::object::Object>> {
        let m = self.import_module("_exception_group")?;
        match self.getattr(&m, &Value::str("BaseExceptionGroup"))? {
            Value::Obj(cls) => Ok(cls),
            _ => Err(PyErr::type_error("BaseExceptionGroup is not a class")),
        }
    }

    fn is_exception_group(&self, v: &Value, beg: &Rc<crate::object::Object>) -> bool {
        TypeObj::is_subtype(&self.type_of(v), beg)
    }

    /// `BaseExceptionGroup("", excs)`: an ExceptionGroup when every member is an Exception.
    fn new_exception_group(
        &mut self,
        beg: &Rc<crate::object::Object>,
        excs: Value,
    ) -> PyResult<Value> {
        self.call(&Value::Obj(beg.clone()), vec![Value::str(""), excs], &[])
    }

    /// CHECK_EG_MATCH on `exc` (the part no earlier clause took, or None) with the
    /// clause's type(s): `(rest, match)`, or `(exc, None)` when nothing matches. A naked
    /// exception that matches is wrapped in a group; a group is split.
    pub(crate) fn except_star_match(&mut self, exc: Value, typ: Value) -> PyResult<(Value, Value)> {
        let beg = self.base_exception_group()?;
        self.check_except_star_type(&typ, &beg)?;
        if exc.is_none() {
            return Ok((Value::None, Value::None));
        }
        if self.exc_matches(&exc, &typ)? {
            if self.is_exception_group(&exc, &beg) {
                return Ok((Value::None, exc));
            }
            let wrapped = self.new_exception_group(&beg, Value::tuple(vec![exc]))?;
            return Ok((Value::None, wrapped));
        }
        if self.is_exception_group(&exc, &beg) {
            let split = self.getattr(&exc, &Value::str("split"))?;
            let pair = self.call_with(&split, [typ])?;
            let (matched, rest) = match pair.as_tuple() {
                Some([m, r]) => (m.clone(), r.clone()),
                _ => return Err(PyErr::type_error("split must return a 2-tuple")),
            };
            if matched.is_none() {
                return Ok((exc, Value::None));
            }
            return Ok((rest, matched));
        }
        Ok((exc, Value::None))
    }

    /// The type(s) of an `except*` clause: exception classes, and no exception group
    /// class (that would catch the whole group: CPython asks for plain `except`).
    fn check_except_star_type(
        &mut self,
        typ: &Value,
        beg: &Rc<crate::object::Object>,
    ) -> PyResult<()> {
        let types: Vec<Value> = match typ.as_tuple() {
            Some(items) => items.to_vec(),
            None => vec![typ.clone()],
        };
        for t in &types {
            if !matches!(t.payload(), Some(Payload::Type(tt)) if tt.is_exception) {
                return Err(PyErr::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        if types
            .iter()
            .any(|t| TypeObj::is_subtype(t.as_obj().unwrap(), beg))
        {
            return Err(PyErr::type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        Ok(())
    }

    /// PREP_RERAISE_STAR: from the original exception and the list of what the clause
    /// bodies raised (then the unmatched rest, or None), the exception to re-raise, or
    /// None. Raised parts that carry the original's traceback, cause and context are
    /// re-raised parts of it: they come back in the original's nesting (CPython's
    /// `exception_group_projection`); new exceptions are grouped with them.
    pub(crate) fn prep_reraise_star(&mut self, orig: Value, excs: Value) -> PyResult<Value> {
        let excs: Vec<Value> = match excs.payload() {
            Some(Payload::List(l)) => l.borrow().clone(),
            _ => return Err(PyErr::type_error("PREP_RERAISE_STAR needs a list")),
        };
        if excs.is_empty() {
            return Ok(Value::None);
        }
        let beg = self.base_exception_group()?;
        if !self.is_exception_group(&orig, &beg) {
            // A naked exception was wrapped: one clause at most ran, so there is at most
            // one exception to raise (or the unmatched exception itself).
            return Ok(excs[0].clone());
        }
        let (mut raised, mut reraised) = (Vec::new(), Vec::new());
        for e in excs.into_iter().filter(|e| !e.is_none()) {
            if same_exception_metadata(&e, &orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        let reraised_group = self.exception_group_projection(&orig, reraised)?;
        if raised.is_empty() {
            return Ok(reraised_group);
        }
        if !reraised_group.is_none() {
            raised.push(reraised_group);
        }
        if raised.len() == 1 {
            return Ok(raised.pop().unwrap());
        }
        self.new_exception_group(&beg, Value::list(raised))
    }

    /// The part of group `eg` whose leaf exceptions appear in the groups `keep`, in
    /// `eg`'s nesting, or None (`_projection` in exception_group.py).
    fn exception_group_projection(&mut self, eg: &Value, keep: Vec<Value>) -> PyResult<Value> {
        let m = self.import_module("_exception_group")?;
        let f = self.getattr(&m, &Value::str("_projection"))?;
        self.call_with(&f, [eg.clone(), Value::list(keep)])
    }
}

/// CPython's `is_same_exception_metadata`: the same traceback, cause and context. What
/// `split` made from the original carries them; a new exception does not.
fn same_exception_metadata(a: &Value, b: &Value) -> bool {
    let (Some(Payload::Instance(ia)), Some(Payload::Instance(ib))) = (a.payload(), b.payload())
    else {
        return false;
    };
    let (Some(da), Some(db)) = (ia.exc(), ib.exc()) else {
        return false;
    };
    let same = |x: &Option<Value>, y: &Option<Value>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(y),
        _ => false,
    };
    let (ta, tb) = (da.traceback.borrow(), db.traceback.borrow());
    ta.len() == tb.len()
        && ta
            .iter()
            .zip(tb.iter())
            .all(|(x, y)| Rc::ptr_eq(&x.code, &y.code) && x.ip == y.ip)
        && same(&da.cause.borrow(), &db.cause.borrow())
        && same(&da.context.borrow(), &db.context.borrow())
}
