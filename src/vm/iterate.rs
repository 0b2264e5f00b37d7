//! The iterator protocol, subscripts and container helpers.

use super::dispatch::gen_of;
use super::frame::Ret;
use super::generator::{GenKind, GenState};
use super::{Completion, Vm};
use crate::object::iter::ViewKind;
use crate::object::{ExcKind, IterState, Payload, PyErr, PyResult, Value};
use std::cell::RefCell;

impl Vm {
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let st = match v {
            Value::Str(s) => IterState::Str {
                s: s.clone(),
                byte_pos: 0,
            },
            Value::Obj(o) => match &o.payload {
                Payload::List(_) | Payload::Tuple(_) => IterState::Seq {
                    seq: v.clone(),
                    idx: 0,
                },
                Payload::Range { start, stop, step } => IterState::Range {
                    cur: *start,
                    stop: *stop,
                    step: *step,
                },
                Payload::Dict(d) => IterState::Dict {
                    dict: o.clone(),
                    pos: 0,
                    len: d.borrow().len(),
                    kind: ViewKind::Keys,
                },
                Payload::DictView(d, kind) => IterState::Dict {
                    dict: d.clone(),
                    pos: 0,
                    len: match &d.payload {
                        Payload::Dict(dd) => dd.borrow().len(),
                        _ => 0,
                    },
                    kind: *kind,
                },
                Payload::Set(s) => IterState::Snapshot {
                    items: s.table.borrow().iter().map(|(_, k)| k.clone()).collect(),
                    idx: 0,
                    name: "set_iterator",
                },
                Payload::Bytes(_) => IterState::Bytes {
                    b: v.clone(),
                    idx: 0,
                },
                Payload::Iter(_) => return Ok(v.clone()),
                Payload::Generator(g) if g.kind == GenKind::Generator => return Ok(v.clone()),
                _ => {
                    if let Some(m) = self.lookup_special(v, "__iter__") {
                        let it = self.call_with(&m, [v.clone()])?;
                        if self.lookup_special(&it, "__next__").is_none()
                            && !matches!(
                                it.payload(),
                                Some(Payload::Iter(_)) | Some(Payload::Generator(_))
                            )
                        {
                            return Err(PyErr::type_error(format!(
                                "iter() returned non-iterator of type '{}'",
                                self.type_name(&it)
                            )));
                        }
                        return Ok(it);
                    }
                    if self.lookup_user_special(v, "__getitem__").is_some() {
                        IterState::GetItem {
                            obj: v.clone(),
                            idx: 0,
                        }
                    } else {
                        return Err(PyErr::type_error(format!(
                            "'{}' object is not iterable",
                            self.type_name(v)
                        )));
                    }
                }
            },
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    self.type_name(v)
                )))
            }
        };
        Ok(Value::new_obj(Payload::Iter(RefCell::new(st))))
    }

    /// Advance an iterator: `Ok(None)` when exhausted. A generator (what `sum`, `list`
    /// and the like mostly consume) is tested for first and resumed directly: going
    /// through the general function cost each item its larger prologue.
    #[inline]
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = it {
            if let Payload::Generator(_) = &o.payload {
                return self.gen_next(o.clone());
            }
        }
        self.next_other(it)
    }

    /// `next` for anything but a generator.
    #[inline(never)]
    fn next_other(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(o) = it else {
            return Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        match &o.payload {
            Payload::Iter(st) => self.next_builtin(st),
            _ => {
                let Some(m) = self.lookup_special(it, "__next__") else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    )));
                };
                match self.call_with(&m, [it.clone()]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => self.stop_iteration_result(e).map(|_| None),
                }
            }
        }
    }

    /// Resume a generator from native code (a nested loop).
    pub fn gen_next(&mut self, g: std::rc::Rc<crate::object::Object>) -> PyResult<Option<Value>> {
        if gen_of(&g).state.get() == GenState::Closed {
            return Ok(None);
        }
        match self.gen_send_native(g, Value::None)? {
            GenResult::Yield(v) => Ok(Some(v)),
            GenResult::Return(_) => Ok(None),
        }
    }

    pub fn gen_send_native(
        &mut self,
        g: std::rc::Rc<crate::object::Object>,
        v: Value,
    ) -> PyResult<GenResult> {
        let frame = self.take_resumed_frame(g, v, Ret::Entry)?;
        match self.run_frame(frame)? {
            Completion::Yield(v) => Ok(GenResult::Yield(v)),
            Completion::Return(v) => Ok(GenResult::Return(v)),
        }
    }

    fn next_builtin(&mut self, st: &RefCell<IterState>) -> PyResult<Option<Value>> {
        // Simple states are advanced under the borrow; ones that call Python release it.
        let mut s = st.borrow_mut();
        match &mut *s {
            IterState::Seq { seq, idx } => {
                let v = match seq.payload() {
                    Some(Payload::List(l)) => l.borrow().get(*idx).cloned(),
                    Some(Payload::Tuple(t)) => t.get(*idx).cloned(),
                    _ => None,
                };
                if v.is_some() {
                    *idx += 1;
                } else {
                    *s = IterState::Exhausted;
                }
                Ok(v)
            }
            IterState::Range { cur, stop, step } => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur = cur.saturating_add(*step);
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            IterState::Str { s: ps, byte_pos } => {
                let text = ps.as_str();
                match text[*byte_pos..].chars().next() {
                    Some(c) => {
                        let start = *byte_pos;
                        *byte_pos += c.len_utf8();
                        Ok(Some(Value::str(&text[start..*byte_pos])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Bytes { b, idx } => {
                let v = match b.payload() {
                    Some(Payload::Bytes(bb)) => bb.get(*idx).map(|x| Value::Int(*x as i64)),
                    _ => None,
                };
                *idx += 1;
                Ok(v)
            }
            IterState::Dict {
                dict,
                pos,
                len,
                kind,
            } => {
                let Payload::Dict(d) = &dict.payload else {
                    return Ok(None);
                };
                let d = d.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                let slots = d.entry_slots();
                while *pos < slots.len() {
                    let e = &slots[*pos];
                    *pos += 1;
                    if !e.key.is_null() {
                        return Ok(Some(match kind {
                            ViewKind::Keys => e.key.clone(),
                            ViewKind::Values => e.value.clone(),
                            ViewKind::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        }));
                    }
                }
                Ok(None)
            }
            IterState::Snapshot { items, idx, .. } => {
                let v = items.get(*idx).cloned();
                *idx += 1;
                Ok(v)
            }
            IterState::Deque {
                deque,
                idx,
                state,
                reverse,
            } => crate::modules::collections::iter_next(deque, idx, *state, *reverse),
            IterState::Reversed { seq, idx } => {
                if *idx == 0 {
                    return Ok(None);
                }
                *idx -= 1;
                let i = *idx;
                let seq = seq.clone();
                drop(s);
                let v = match seq.payload() {
                    Some(Payload::List(l)) => l.borrow().get(i).cloned(),
                    Some(Payload::Tuple(t)) => t.get(i).cloned(),
                    _ => Some(self.getitem(&seq, &Value::Int(i as i64))?),
                };
                Ok(v)
            }
            IterState::Exhausted => Ok(None),
            IterState::Enumerate { it, n } => {
                let it = it.clone();
                let i = *n;
                *n += 1;
                drop(s);
                Ok(self
                    .next(&it)?
                    .map(|v| Value::tuple(vec![Value::Int(i), v])))
            }
            IterState::Zip { its } => {
                let its = its.clone();
                drop(s);
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            IterState::Map { f, its } => {
                let f = f.clone();
                let n = its.len();
                if n == 1 {
                    // `map(f, xs)`: no argument vector per item.
                    let it = its[0].clone();
                    drop(s);
                    return match self.next(&it)? {
                        Some(v) => self.call_with(&f, [v]).map(Some),
                        None => Ok(None),
                    };
                }
                drop(s);
                let mut args = Vec::with_capacity(n);
                for i in 0..n {
                    // Each iterator is taken out of the state in turn (the state is
                    // not borrowed while its `__next__` runs), not a copy of them all.
                    let it = match &*st.borrow() {
                        IterState::Map { its, .. } => its[i].clone(),
                        _ => return Ok(None),
                    };
                    match self.next(&it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&f, args, &[]).map(Some)
            }
            IterState::Filter { f, it } => {
                let f = f.clone();
                let it = it.clone();
                drop(s);
                loop {
                    let Some(v) = self.next(&it)? else {
                        return Ok(None);
                    };
                    let keep = if f.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call_with(&f, [v.clone()])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
            }
            IterState::GetItem { obj, idx } => {
                let obj = obj.clone();
                let i = *idx;
                *idx += 1;
                drop(s);
                match self.getitem(&obj, &Value::Int(i)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        let e = self.materialize(e);
                        if self.is_instance_of_kind(&e, ExcKind::IndexError)
                            || self.is_instance_of_kind(&e, ExcKind::StopIteration)
                        {
                            *st.borrow_mut() = IterState::Exhausted;
                            Ok(None)
                        } else {
                            Err(PyErr::Obj(e))
                        }
                    }
                }
            }
            IterState::Callable { f, sentinel } => {
                let f = f.clone();
                let sentinel = sentinel.clone();
                drop(s);
                let v = self.call_with(&f, [])?;
                if self.eq(&v, &sentinel)? {
                    *st.borrow_mut() = IterState::Exhausted;
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
        }
    }

    /// All items of an iterable (fast paths for builtin sequences).
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v.payload() {
            Some(Payload::List(l)) => return Ok(l.borrow().clone()),
            Some(Payload::Tuple(t)) => return Ok(t.to_vec()),
            _ => {}
        }
        let mut out = vec![];
        if let Some(Payload::Range { start, stop, step }) = v.payload() {
            // Sized up front, as CPython's list(range) is: a huge one is a MemoryError
            // now, not memory filled element by element.
            let len = super::ops::range_len(*start, *stop, *step).max(0);
            self.check_alloc(len as u128 * std::mem::size_of::<Value>() as u128)?;
            out.reserve(len as usize);
        }
        let it = self.get_iter(v)?;
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    pub fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match seq.payload() {
            Some(Payload::List(l)) => l.borrow().clone(),
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => {
                if let Err(e) = self.get_iter(seq) {
                    let e = self.materialize(e);
                    if self.is_instance_of_kind(&e, ExcKind::TypeError) {
                        return Err(PyErr::type_error(format!(
                            "cannot unpack non-iterable {} object",
                            self.type_name(seq)
                        )));
                    }
                    return Err(PyErr::Obj(e));
                }
                let it = self.get_iter(seq)?;
                let mut out = vec![];
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(PyErr::value_error(format!(
                            "too many values to unpack (expected {})",
                            n
                        )));
                    }
                }
                out
            }
        };
        if items.len() < n {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {}, got {})",
                n,
                items.len()
            )));
        }
        if items.len() > n {
            return Err(PyErr::value_error(format!(
                "too many values to unpack (expected {})",
                n
            )));
        }
        Ok(items)
    }

    pub fn is_mapping(&self, v: &Value) -> bool {
        matches!(v.payload(), Some(Payload::Dict(_))) || self.lookup_special(v, "keys").is_some()
    }

    /// (key, value) pairs of a mapping (dict or anything with keys() and __getitem__).
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Some(Payload::Dict(d)) = m.payload() {
            return Ok(d.borrow().items());
        }
        let keys_f = self.getattr(m, &Value::str("keys"))?;
        let keys = self.call_with(&keys_f, [])?;
        let keys = self.collect_iterable(&keys)?;
        let mut out = vec![];
        for k in keys {
            let v = self.getitem(m, &k)?;
            out.push((k, v));
        }
        Ok(out)
    }

    pub fn len_of(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(n) = native_len(v) {
            return Ok(n);
        }
        if matches!(v, Value::Obj(_)) {
            if let Some(m) = self.lookup_special(v, "__len__") {
                let r = self.call_with(&m, [v.clone()])?;
                let n = self.index_value(&r)?;
                if n < 0 {
                    return Err(PyErr::value_error("__len__() should return >= 0"));
                }
                return Ok(n as usize);
            }
        }
        Err(PyErr::type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        )))
    }

    /// Normalise an index against `len` (IndexError text uses `what`).
    fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => {
                if self.lookup_user_special(key, "__index__").is_some()
                    || matches!(key, Value::BigInt(_))
                {
                    self.index_value(key)?
                } else if what == "string" {
                    // 3.11's str subscript message differs from list's and tuple's.
                    return Err(PyErr::type_error(format!(
                        "string indices must be integers, not '{}'",
                        self.type_name(key)
                    )));
                } else {
                    // "list assignment" names the range error only; bytes and
                    // range name their type errors apart.
                    let kind = match what {
                        "index" => "byte",
                        "range object" => "range",
                        _ => what.strip_suffix(" assignment").unwrap_or(what),
                    };
                    return Err(PyErr::type_error(format!(
                        "{} indices must be integers or slices, not {}",
                        kind,
                        self.type_name(key)
                    )));
                }
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(PyErr::index_error(match what {
                // bytes: CPython's message names no type.
                "index" => "index out of range".to_string(),
                _ => format!("{what} index out of range"),
            }));
        }
        Ok(j as usize)
    }

    /// A slice's bound or step through `__index__`, or CPython's TypeError naming
    /// what a slice takes.
    fn slice_index(&mut self, v: &Value) -> PyResult<i64> {
        let is_index = matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
            || self.lookup_user_special(v, "__index__").is_some();
        if !is_index {
            return Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            ));
        }
        self.index_value(v)
    }

    /// Resolve a slice against `len`: (start, stop, step) as CPython's PySlice_AdjustIndices.
    pub fn slice_indices(
        &mut self,
        start: &Value,
        stop: &Value,
        step: &Value,
        len: usize,
    ) -> PyResult<(i64, i64, i64)> {
        let len = len as i64;
        // CPython clamps a huge step to +-PY_SSIZE_T_MAX.
        let step = match step {
            Value::None => 1,
            Value::BigInt(b) => {
                use num_traits::Signed;
                if b.is_negative() {
                    -i64::MAX
                } else {
                    i64::MAX
                }
            }
            _ => self.slice_index(step)?.max(-i64::MAX),
        };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let conv = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
            if v.is_none() {
                return Ok(default);
            }
            let i = match v {
                Value::BigInt(b) => {
                    use num_traits::Signed;
                    if b.is_negative() {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    }
                }
                _ => vm.slice_index(v)?,
            };
            Ok(if i < 0 {
                (i + len).max(lower)
            } else {
                i.min(upper)
            })
        };
        let s = conv(self, start, if step < 0 { upper } else { lower })?;
        let e = conv(self, stop, if step < 0 { lower } else { upper })?;
        Ok((s, e, step))
    }

    /// The items a slice selects from a sequence of `len`: where they start, the
    /// stride and how many (CPython's PySlice_AdjustIndices and slice length).
    fn slice_span(&mut self, sl: &Value, len: usize) -> PyResult<SliceSpan> {
        let Some(Payload::Slice(a, b, c)) = sl.payload() else {
            return Ok(SliceSpan {
                start: 0,
                step: 1,
                count: 0,
            });
        };
        let (start, stop, step) = self.slice_indices(a, b, c, len)?;
        // In i128: a step near i64's bounds must not overflow.
        let (start_, stop_, step_) = (start as i128, stop as i128, step as i128);
        let count = if step > 0 {
            (stop_ - start_ + step_ - 1).max(0) / step_
        } else {
            (start_ - stop_ - step_ - 1).max(0) / -step_
        };
        Ok(SliceSpan {
            start,
            step,
            count: count as usize,
        })
    }

    fn slice_positions(&mut self, sl: &Value, len: usize) -> PyResult<Vec<usize>> {
        Ok(self.slice_span(sl, len)?.positions().collect())
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        let is_slice = matches!(key.payload(), Some(Payload::Slice(..)));
        match obj {
            Value::Str(s) => {
                if is_slice {
                    let span = self.slice_span(key, s.char_len())?;
                    return Ok(span.of_str(s));
                }
                let i = self.seq_index(key, s.char_len(), "string")?;
                return Ok(Value::str(s.char_at(i)));
            }
            Value::Obj(o) => match &o.payload {
                Payload::List(l) => {
                    if is_slice {
                        let n = l.borrow().len();
                        let span = self.slice_span(key, n)?;
                        // The length was read before any `__index__` ran: a list
                        // changed meanwhile is sliced within what it holds now.
                        let l = l.borrow();
                        return Ok(Value::list(span.of_slice(&l)));
                    }
                    let n = l.borrow().len();
                    let i = self.seq_index(key, n, "list")?;
                    return Ok(l.borrow()[i].clone());
                }
                Payload::Tuple(t) => {
                    if is_slice {
                        let span = self.slice_span(key, t.len())?;
                        return Ok(Value::tuple(span.of_slice(t)));
                    }
                    let i = self.seq_index(key, t.len(), "tuple")?;
                    return Ok(t[i].clone());
                }
                Payload::Bytes(b) => {
                    if is_slice {
                        let span = self.slice_span(key, b.len())?;
                        return Ok(Value::bytes(span.of_slice(b)));
                    }
                    let i = self.seq_index(key, b.len(), "index")?;
                    return Ok(Value::Int(b[i] as i64));
                }
                Payload::Range { start, stop, step } => {
                    let n = super::ops::range_len(*start, *stop, *step) as usize;
                    if is_slice {
                        let Some(Payload::Slice(a, b, c)) = key.payload() else {
                            unreachable!()
                        };
                        let (s, e, st) = self.slice_indices(a, b, c, n)?;
                        return Ok(Value::new_obj(Payload::Range {
                            start: start + s * step,
                            stop: start + e * step,
                            step: step * st,
                        }));
                    }
                    let i = self.seq_index(key, n, "range object")?;
                    return Ok(Value::Int(start + i as i64 * step));
                }
                Payload::Dict(_) => {
                    if let Some(v) = self.dict_getitem_opt(obj, key)? {
                        return Ok(v);
                    }
                    return Err(PyErr::key_error(key.clone()));
                }
                Payload::Type(_) => {
                    // `list[int]` and friends in annotations: return the class itself.
                    return Ok(obj.clone());
                }
                _ => {}
            },
            _ => {}
        }
        if let Some(m) = self.lookup_special(obj, "__getitem__") {
            return self.call_with(&m, [obj.clone(), key.clone()]);
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(obj)
        )))
    }

    pub fn setitem(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        match obj.payload() {
            Some(Payload::List(l)) => {
                if matches!(key.payload(), Some(Payload::Slice(..))) {
                    let items = self.collect_iterable(&v)?;
                    let n = l.borrow().len();
                    let Some(Payload::Slice(a, b, c)) = key.payload() else {
                        unreachable!()
                    };
                    let (s, e, st) = self.slice_indices(a, b, c, n)?;
                    if st == 1 {
                        let e = e.max(s);
                        l.borrow_mut().splice(s as usize..e as usize, items);
                        return Ok(());
                    }
                    let pos = self.slice_positions(&key, n)?;
                    if pos.len() != items.len() {
                        return Err(PyErr::value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            pos.len()
                        )));
                    }
                    let mut lb = l.borrow_mut();
                    for (p, it) in pos.into_iter().zip(items) {
                        lb[p] = it;
                    }
                    return Ok(());
                }
                let n = l.borrow().len();
                let i = self.seq_index(&key, n, "list assignment")?;
                l.borrow_mut()[i] = v;
                Ok(())
            }
            Some(Payload::Dict(_)) => self.dict_setitem(obj, key, v),
            _ => {
                if let Some(m) = self.lookup_special(obj, "__setitem__") {
                    self.call_with(&m, [obj.clone(), key, v])?;
                    return Ok(());
                }
                Err(PyErr::type_error(format!(
                    "'{}' object does not support item assignment",
                    self.type_name(obj)
                )))
            }
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj.payload() {
            Some(Payload::List(l)) => {
                if matches!(key.payload(), Some(Payload::Slice(..))) {
                    let n = l.borrow().len();
                    let mut pos = self.slice_positions(key, n)?;
                    pos.sort_unstable();
                    let mut lb = l.borrow_mut();
                    for p in pos.into_iter().rev() {
                        lb.remove(p);
                    }
                    return Ok(());
                }
                let n = l.borrow().len();
                let i = self.seq_index(key, n, "list assignment")?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Some(Payload::Dict(_)) => {
                if self.dict_delitem(obj, key)?.is_none() {
                    return Err(PyErr::key_error(key.clone()));
                }
                Ok(())
            }
            _ => {
                if let Some(m) = self.lookup_special(obj, "__delitem__") {
                    self.call_with(&m, [obj.clone(), key.clone()])?;
                    return Ok(());
                }
                Err(PyErr::type_error(format!(
                    "'{}' object doesn't support item deletion",
                    self.type_name(obj)
                )))
            }
        }
    }

    /// SEND on something that is not a resumable generator.
    pub(crate) fn send_native(&mut self, recv: &Value, v: Value) -> PyResult<Value> {
        if let Some(Payload::Generator(g)) = recv.payload() {
            if g.state.get() == GenState::Running {
                return Err(PyErr::value_error(format!(
                    "{} already executing",
                    g.type_name()
                )));
            }
            // Resumed here (not by SEND in the loop): the return value must survive
            // as StopIteration(value).
            return match self.gen_send_native(recv.as_obj().unwrap().clone(), v)? {
                GenResult::Yield(y) => Ok(y),
                GenResult::Return(r) => Err(PyErr::stop_iteration(r)),
            };
        }
        if let Some(Payload::Opaque(_) | Payload::Future(_) | Payload::Task(_)) = recv.payload() {
            if let Some(r) = crate::modules::aio::try_iter_send(self, recv) {
                return r;
            }
            if let Some(r) = super::asyncgen::try_op_send(self, recv, v.clone()) {
                return r;
            }
        }
        if v.is_none() && !matches!(recv.payload(), Some(Payload::Iter(_))) {
            // Call `__next__` directly: a StopIteration it raises carries the result.
            if let Some(m) = self.lookup_special(recv, "__next__") {
                return self.call_with(&m, [recv.clone()]);
            }
        }
        if v.is_none() {
            match self.next(recv)? {
                Some(x) => Ok(x),
                None => Err(PyErr::stop_iteration(Value::None)),
            }
        } else {
            let m = self.getattr(recv, &Value::str("send"))?;
            self.call_with(&m, [v])
        }
    }

    /// GET_AWAITABLE.
    pub(crate) fn get_awaitable(&mut self, v: Value, _where: u32) -> PyResult<Value> {
        if let Some(Payload::Generator(g)) = v.payload() {
            if g.kind == GenKind::Coroutine
                || g.code.flags & crate::bytecode::flags::ITERABLE_COROUTINE != 0
            {
                // Only a native coroutine is checked (CPython's _PyCoro_GetAwaitableIter
                // then PyCoro_CheckExact): a types.coroutine generator may be awaited
                // while it delegates.
                if g.kind == GenKind::Coroutine && g.state.get() == GenState::Suspended {
                    if let Some(f) = g.frame().as_ref() {
                        if super::dispatch::gen_yieldfrom(f).is_some() {
                            return Err(PyErr::runtime_error("coroutine is being awaited already"));
                        }
                    }
                }
                return Ok(v);
            }
        }
        if let Some(it) = crate::modules::aio::native_await(&v) {
            return Ok(it);
        }
        if let Some(m) = self.lookup_special(&v, "__await__") {
            let it = self.call_with(&m, [v.clone()])?;
            if let Some(Payload::Generator(g)) = it.payload() {
                if g.kind == GenKind::Coroutine {
                    return Err(PyErr::type_error("__await__() returned a coroutine"));
                }
            }
            if self.lookup_special(&it, "__next__").is_none()
                && !matches!(
                    it.payload(),
                    Some(Payload::Iter(_)) | Some(Payload::Generator(_))
                )
            {
                return Err(PyErr::type_error(format!(
                    "__await__() returned non-iterator of type '{}'",
                    self.type_name(&it)
                )));
            }
            return Ok(it);
        }
        Err(PyErr::type_error(match _where {
            1 => format!(
                "'async with' received an object from __aenter__ that does not implement __await__: {}",
                self.type_name(&v)
            ),
            2 => format!(
                "'async with' received an object from __aexit__ that does not implement __await__: {}",
                self.type_name(&v)
            ),
            _ => format!(
                "object {} can't be used in 'await' expression",
                self.type_name(&v)
            ),
        }))
    }

    /// GET_AITER: `obj.__aiter__()`, which must have `__anext__`.
    #[inline(never)]
    pub(crate) fn get_aiter(&mut self, obj: Value) -> PyResult<Value> {
        let Some(m) = self.lookup_special(&obj, "__aiter__") else {
            return Err(PyErr::type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(&obj)
            )));
        };
        let it = self.call_with(&m, [obj])?;
        if self.lookup_special(&it, "__anext__").is_none() {
            return Err(PyErr::type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// GET_ANEXT: the awaitable for the next item of an async iterator.
    #[inline(never)]
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        if let Some(Payload::Generator(g)) = aiter.payload() {
            if g.kind == GenKind::AsyncGenerator {
                return super::asyncgen::anext_awaitable(self, aiter.as_obj().unwrap().clone());
            }
        }
        let Some(m) = self.lookup_special(aiter, "__anext__") else {
            return Err(PyErr::type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(aiter)
            )));
        };
        let next = self.call_with(&m, [aiter.clone()])?;
        if let Some(Payload::Generator(g)) = next.payload() {
            if g.kind == GenKind::Coroutine {
                return Ok(next);
            }
        }
        match self.lookup_special(&next, "__await__") {
            Some(aw) => self.call_with(&aw, [next]),
            None => Err(PyErr::type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                self.type_name(&next)
            ))),
        }
    }

    /// BEFORE_ASYNC_WITH: bound `__aenter__` and `__aexit__`.
    #[inline(never)]
    pub(crate) fn async_context_methods(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let e = self.lookup_special(mgr, "__aenter__");
        let x = self.lookup_special(mgr, "__aexit__");
        match (e, x) {
            (Some(e), Some(x)) => Ok((self.bind(e, mgr), self.bind(x, mgr))),
            (None, _) => Err(PyErr::type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                self.type_name(mgr)
            ))),
            (_, None) => Err(PyErr::type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                self.type_name(mgr)
            ))),
        }
    }

    /// `__enter__`/`__exit__` for a with statement, as the manager's type has them
    /// (unbound).
    pub(crate) fn context_methods(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let e = self.lookup_special(mgr, "__enter__");
        let x = self.lookup_special(mgr, "__exit__");
        match (e, x) {
            (Some(e), Some(x)) => Ok((e, x)),
            (None, _) => Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(mgr)
            ))),
            (_, None) => Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                self.type_name(mgr)
            ))),
        }
    }
}

pub enum GenResult {
    Yield(Value),
    Return(Value),
}

/// The length of a built-in container or string, which no Python code decides (`len()`
/// asks `__len__` of anything else).
#[inline(always)]
pub(crate) fn native_len(v: &Value) -> Option<usize> {
    Some(match v {
        Value::Str(s) => s.char_len(),
        Value::Obj(o) => match &o.payload {
            Payload::List(l) => l.borrow().len(),
            Payload::Tuple(t) => t.len(),
            Payload::Dict(d) => d.borrow().len(),
            Payload::Set(s) => s.table.borrow().len(),
            Payload::Bytes(b) => b.len(),
            Payload::Range { start, stop, step } => {
                super::ops::range_len(*start, *stop, *step) as usize
            }
            Payload::DictView(d, _) => match &d.payload {
                Payload::Dict(dd) => dd.borrow().len(),
                _ => 0,
            },
            Payload::Deque(d) => d.borrow().items.len(),
            _ => return None,
        },
        _ => return None,
    })
}

/// `seq[start:stop]` for a str, list or tuple and bounds that are ints or None, which
/// need no `__index__` and cannot fail; None for anything else.
pub(crate) fn slice_now(seq: &Value, start: &Value, stop: &Value) -> Option<Value> {
    let bound = |v: &Value, len: i64, default: i64| match v {
        Value::None => Some(default),
        Value::Int(i) if *i < 0 => Some((i + len).max(0)),
        Value::Int(i) => Some((*i).min(len)),
        _ => None,
    };
    let span = |len: usize| {
        let len = len as i64;
        let (a, b) = (bound(start, len, 0)?, bound(stop, len, len)?);
        Some(SliceSpan {
            start: a,
            step: 1,
            count: (b - a).max(0) as usize,
        })
    };
    match seq {
        Value::Str(s) => Some(span(s.char_len())?.of_str(s)),
        Value::Obj(o) => match &o.payload {
            Payload::List(l) => {
                let l = l.try_borrow().ok()?;
                Some(Value::list(span(l.len())?.of_slice(&l)))
            }
            Payload::Tuple(t) => Some(Value::tuple(span(t.len())?.of_slice(t))),
            _ => None,
        },
        _ => None,
    }
}

/// The items a slice selects: `count` of them from index `start`, `step` apart.
struct SliceSpan {
    start: i64,
    step: i64,
    count: usize,
}

impl SliceSpan {
    fn positions(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start as i128, self.step as i128);
        (0..self.count as i128).map(move |k| (start + k * step) as usize)
    }

    /// The selected items of `items`: a contiguous span is one copy. Positions past
    /// the end (the sequence shrank while an `__index__` ran) are left out.
    fn of_slice<T: Clone>(&self, items: &[T]) -> Vec<T> {
        if self.step == 1 {
            let start = (self.start as usize).min(items.len());
            let end = (start + self.count).min(items.len());
            return items[start..end].to_vec();
        }
        self.positions()
            .filter_map(|i| items.get(i).cloned())
            .collect()
    }

    /// The selected code points of `s` as a new string.
    fn of_str(&self, s: &crate::object::PyStr) -> Value {
        let text = s.as_str();
        if self.step == 1 {
            let start = self.start as usize;
            if s.is_ascii() {
                let piece = &text[start..start + self.count];
                return Value::Str(crate::object::PyStr::ascii(piece));
            }
            let (a, b) = (s.byte_offset(start), s.byte_offset(start + self.count));
            return Value::str(&text[a..b]);
        }
        if s.is_ascii() {
            let bytes = text.as_bytes();
            return Value::string(self.positions().map(|i| bytes[i] as char).collect());
        }
        let chars: Vec<char> = text.chars().collect();
        Value::string(self.positions().map(|i| chars[i]).collect())
    }
}
