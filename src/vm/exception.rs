//! Exceptions: materialising `PyErr`, matching, chaining, tracebacks.

use super::Vm;
use crate::object::typ::TbEntry;
use crate::object::{ExcKind, Object, Payload, PyErr, PyResult, TypeObj, Value};
use std::rc::Rc;

impl Vm {
    /// Turn a `PyErr` into an exception instance.
    pub fn materialize(&mut self, e: PyErr) -> Value {
        match e {
            PyErr::Obj(v) => v,
            PyErr::New(kind, args) => {
                let cls = self.exc_class(kind);
                let v = self.new_instance(&cls, &args);
                if kind == ExcKind::StopIteration {
                    let val = args.first().cloned().unwrap_or(Value::None);
                    if let Some(Payload::Instance(i)) = v.payload() {
                        i.dict()
                            .borrow_mut()
                            .set_str(Rc::new(crate::object::PyStr::new("value")), val);
                    }
                }
                self.set_context(&v);
                v
            }
        }
    }

    /// `__context__` = the exception being handled, when raising a new one.
    pub fn set_context(&mut self, exc: &Value) {
        self.chain_context(exc, false);
    }

    /// `set_context` for an exception re-entering a frame (a throw unwinding through a
    /// chain of generators): it replaces any context it had.
    pub fn replace_context(&mut self, exc: &Value) {
        self.chain_context(exc, true);
    }

    fn chain_context(&mut self, exc: &Value, replace: bool) {
        let handled = self.exc_info.clone();
        if handled.is_none() || handled.is(exc) {
            return;
        }
        if let Some(Payload::Instance(i)) = exc.payload() {
            if let Some(d) = i.exc() {
                if replace || d.context.borrow().is_none() {
                    // Avoid cycles: cut the chain where it would reach `exc`.
                    let mut cur = Some(handled.clone());
                    let mut steps = 0;
                    while let Some(c) = cur {
                        if c.is(exc) || steps > 1000 {
                            return;
                        }
                        steps += 1;
                        cur = match c.payload() {
                            Some(Payload::Instance(ci)) => {
                                ci.exc().and_then(|e| e.context.borrow().clone())
                            }
                            _ => None,
                        };
                    }
                    *d.context.borrow_mut() = Some(handled);
                }
            }
        }
    }

    /// `raise new from exc` done by the VM itself (PEP 479's RuntimeError): both the
    /// cause and the context are `exc`, as CPython's _PyErr_FormatFromCause sets them.
    pub fn set_cause_and_context(&mut self, new: &Value, exc: Value) {
        if let Some(Payload::Instance(i)) = new.payload() {
            if let Some(d) = i.exc() {
                *d.context.borrow_mut() = Some(exc.clone());
            }
        }
        self.set_cause(new, Some(exc));
    }

    pub fn set_cause(&mut self, exc: &Value, cause: Option<Value>) {
        if let Some(Payload::Instance(i)) = exc.payload() {
            if let Some(d) = i.exc() {
                *d.cause.borrow_mut() = cause;
                d.suppress_context.set(true);
            }
        }
    }

    pub fn add_traceback(&mut self, exc: &Value, code: Rc<crate::bytecode::CodeObject>, ip: u32) {
        if let Some(Payload::Instance(i)) = exc.payload() {
            if let Some(d) = i.exc() {
                d.traceback.borrow_mut().push(TbEntry {
                    code,
                    ip,
                    locals: None,
                });
            }
        }
    }

    /// The frame `exc` just left for good: its locals go to the traceback entry made for
    /// it (the last one), dropped when the exception is.
    pub(crate) fn keep_frame_locals(&mut self, exc: &Value, frame: &mut super::frame::Frame) {
        let nl = frame.nlocalsplus().min(frame.stack.len());
        // The value stack above the locals is released now, from the top, as CPython's
        // unwinding pops it.
        while frame.stack.len() > nl {
            frame.stack.pop();
        }
        if nl == 0 {
            return;
        }
        if let Some(Payload::Instance(i)) = exc.payload() {
            if let Some(d) = i.exc() {
                if let Some(last) = d.traceback.borrow_mut().last_mut() {
                    if Rc::ptr_eq(&last.code, &frame.code) && last.locals.is_none() {
                        last.locals = Some(frame.stack.drain(..).collect());
                    }
                }
            }
        }
    }

    /// `exc.__traceback__`: None, or a snapshot of its entries that assigning to
    /// another exception's `__traceback__` copies (a split exception group keeps the
    /// traceback of the group it came from).
    pub fn traceback_value(&self, exc: &Value) -> Value {
        match exc.payload() {
            Some(Payload::Instance(i))
                if i.exc().is_some_and(|d| !d.traceback.borrow().is_empty()) =>
            {
                let entries = i.exc().unwrap().traceback.borrow().clone();
                Value::new_obj(Payload::Opaque(std::cell::RefCell::new(Box::new(
                    TracebackMarker(entries),
                ))))
            }
            _ => Value::None,
        }
    }

    /// `exc.__traceback__ = tb` (and `with_traceback`): None clears it; a value read
    /// from `__traceback__` copies its entries.
    pub fn set_traceback(&mut self, exc: &Value, tb: &Value) -> PyResult<()> {
        let entries = if tb.is_none() {
            Vec::new()
        } else {
            let read = match tb.payload() {
                Some(Payload::Opaque(b)) => b
                    .borrow()
                    .downcast_ref::<TracebackMarker>()
                    .map(|m| m.0.clone()),
                _ => None,
            };
            read.ok_or_else(|| PyErr::type_error("__traceback__ must be a traceback or None"))?
        };
        if let Some(Payload::Instance(i)) = exc.payload() {
            if let Some(d) = i.exc() {
                *d.traceback.borrow_mut() = entries;
            }
        }
        Ok(())
    }

    /// `raise X`: X may be a class (instantiated with no args) or an instance.
    pub fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        if let Some(Payload::Type(t)) = v.payload() {
            if t.is_exception {
                let r = self.call_with(&v, [])?;
                return Ok(r);
            }
        }
        if let Some(Payload::Instance(i)) = v.payload() {
            if i.exc().is_some() {
                return Ok(v);
            }
        }
        Err(PyErr::type_error(
            "exceptions must derive from BaseException",
        ))
    }

    /// Is the error, raised or not yet made, a `kind` (or a subclass of it)?
    pub fn err_is(&self, e: &PyErr, kind: ExcKind) -> bool {
        match e {
            PyErr::New(k, _) => TypeObj::is_subtype(&self.exc_class(*k), &self.exc_class(kind)),
            PyErr::Obj(exc) => self.is_instance_of_kind(exc, kind),
        }
    }

    pub fn is_instance_of_kind(&self, exc: &Value, kind: ExcKind) -> bool {
        let cls = self.exc_class(kind);
        TypeObj::is_subtype(&self.type_of(exc), &cls)
    }

    /// `except T:` matching (T may be a tuple of classes).
    pub fn exc_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        if let Some(items) = typ.as_tuple() {
            for t in items {
                if self.exc_matches(exc, t)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        match typ.payload() {
            Some(Payload::Type(t)) if t.is_exception => {
                let cls = typ.as_obj().unwrap();
                Ok(TypeObj::is_subtype(&self.type_of(exc), cls))
            }
            _ => Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// A StopIteration ends an iteration with its value; any other error stays one. A
    /// StopIteration never made into an object (a native iterator's) gives its value
    /// without being made.
    pub fn stop_iteration_result(&mut self, err: PyErr) -> Result<Value, PyErr> {
        if let PyErr::New(ExcKind::StopIteration, args) = err {
            return Ok(args.into_iter().next().unwrap_or(Value::None));
        }
        let e = self.materialize(err);
        if self.is_instance_of_kind(&e, ExcKind::StopIteration) {
            Ok(self.stop_iteration_value(&e))
        } else {
            Err(PyErr::Obj(e))
        }
    }

    pub fn stop_iteration_value(&self, exc: &Value) -> Value {
        if let Some(Payload::Instance(i)) = exc.payload() {
            if let Some(v) = i
                .dict()
                .borrow()
                .get_str(&crate::object::PyStr::new("value"))
            {
                return v.clone();
            }
            if let Some(d) = i.exc() {
                return d.args.borrow().first().cloned().unwrap_or(Value::None);
            }
        }
        Value::None
    }

    pub fn exc_args(&self, exc: &Value) -> Vec<Value> {
        match exc.payload() {
            Some(Payload::Instance(i)) => {
                i.exc().map(|d| d.args.borrow().clone()).unwrap_or_default()
            }
            _ => vec![],
        }
    }

    /// `Type: message` (the last line of a traceback).
    pub fn exc_last_line(&mut self, exc: &Value) -> String {
        let t = self.type_of(exc);
        let tt = t.payload_type();
        let name = if &*tt.module == "builtins" || &*tt.module == "__main__" {
            tt.qualname.to_string()
        } else {
            format!("{}.{}", tt.module, tt.qualname)
        };
        let msg = self
            .str_of(exc)
            .unwrap_or_else(|_| "<exception str() failed>".into());
        if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        }
    }

    /// The full CPython-style report, with chained causes and contexts.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut depth = 0;
        let mut need_close = false;
        let mut seen = vec![];
        self.format_exception_in(exc, &mut depth, &mut need_close, &mut seen)
    }

    /// An exception group, once the builtins are loaded: its sub-exceptions.
    fn group_members(&mut self, exc: &Value) -> Option<Vec<Value>> {
        let cls = super::dispatch::dict_get_str_pub(&self.builtins, "BaseExceptionGroup")?;
        if !super::builtins::isinstance(self, exc, &cls).unwrap_or(false) {
            return None;
        }
        let excs = self.getattr(exc, &Value::str("exceptions")).ok()?;
        excs.as_tuple().map(|t| t.to_vec())
    }

    /// CPython's traceback printing with exception groups drawn as nested boxes
    /// (traceback.TracebackException.format and its print context).
    /// `seen` holds the exceptions already printed (or about to be): a chain stops there,
    /// as CPython's `_seen` set makes it.
    fn format_exception_in(
        &mut self,
        exc: &Value,
        depth: &mut usize,
        need_close: &mut bool,
        seen: &mut Vec<Value>,
    ) -> String {
        fn emit(out: &mut String, text: &str, depth: usize, margin: char) {
            let mut prefix = " ".repeat(2 * depth);
            if depth > 0 {
                prefix.push(margin);
                prefix.push(' ');
            }
            for line in text.split_inclusive('\n') {
                out.push_str(&prefix);
                out.push_str(line);
            }
        }
        let mut chain: Vec<(Value, &'static str)> = vec![];
        let mut cur = Some(exc.clone());
        let mut first = true;
        while let Some(e) = cur {
            if !first && (seen.iter().any(|s| s.is(&e)) || seen.len() > 1000) {
                // Already shown: the chain ends with the exception before it.
                if let Some(last) = chain.last_mut() {
                    last.1 = "";
                }
                break;
            }
            first = false;
            seen.push(e.clone());
            let (cause, context, suppress) = match e.payload() {
                Some(Payload::Instance(i)) => match i.exc() {
                    Some(d) => (
                        d.cause.borrow().clone(),
                        d.context.borrow().clone(),
                        d.suppress_context.get(),
                    ),
                    None => (None, None, false),
                },
                _ => (None, None, false),
            };
            if let Some(c) = cause {
                chain.push((
                    e,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                ));
                cur = Some(c);
            } else if let (Some(c), false) = (context, suppress) {
                chain.push((
                    e,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                ));
                cur = Some(c);
            } else {
                chain.push((e, ""));
                cur = None;
            }
        }
        let mut out = String::new();
        for i in (0..chain.len()).rev() {
            let e = chain[i].0.clone();
            let members = if *depth <= 10 {
                self.group_members(&e)
            } else {
                None
            };
            let text = self.format_single(&e);
            match members {
                None => emit(&mut out, &text, *depth, '|'),
                Some(excs) => {
                    let top = *depth == 0;
                    if top {
                        *depth += 1;
                    }
                    match text.strip_prefix("Traceback (most recent call last):\n") {
                        Some(rest) => {
                            emit(
                                &mut out,
                                "Exception Group Traceback (most recent call last):\n",
                                *depth,
                                if top { '+' } else { '|' },
                            );
                            emit(&mut out, rest, *depth, '|');
                        }
                        None => emit(&mut out, &text, *depth, '|'),
                    }
                    let n = excs.len().min(16);
                    *need_close = false;
                    for (k, sub) in excs.iter().take(n).enumerate() {
                        let last = k == n - 1;
                        if last {
                            *need_close = true;
                        }
                        let truncated = k >= 15;
                        let title = if truncated {
                            "...".to_string()
                        } else {
                            (k + 1).to_string()
                        };
                        out.push_str(&" ".repeat(2 * *depth));
                        out.push_str(if k == 0 { "+-" } else { "  " });
                        out.push_str(&format!("+---------------- {} ----------------\n", title));
                        *depth += 1;
                        if truncated {
                            let more = excs.len() - 15;
                            let msg = format!(
                                "and {} more exception{}\n",
                                more,
                                if more > 1 { "s" } else { "" }
                            );
                            emit(&mut out, &msg, *depth, '|');
                        } else {
                            let sub_text = self.format_exception_in(sub, depth, need_close, seen);
                            out.push_str(&sub_text);
                        }
                        if last && *need_close {
                            out.push_str(&" ".repeat(2 * *depth));
                            out.push_str("+------------------------------------\n");
                            *need_close = false;
                        }
                        *depth -= 1;
                    }
                    if top {
                        *depth = 0;
                    }
                }
            }
            if i > 0 {
                emit(&mut out, chain[i - 1].1, *depth, '|');
            }
        }
        out
    }

    fn format_single(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let tb: Vec<TbEntry> = match exc.payload() {
            Some(Payload::Instance(i)) => i
                .exc()
                .map(|d| d.traceback.borrow().clone())
                .unwrap_or_default(),
            _ => vec![],
        };
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(String, u32, String)> = None;
            let mut repeat = 0;
            for e in tb.iter().rev() {
                let line = e.code.line_of(e.ip as usize);
                let key = (e.code.source.name.clone(), line, e.code.name.to_string());
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                    if repeat >= 3 {
                        continue;
                    }
                } else {
                    if repeat >= 3 {
                        out.push_str(&format!(
                            "  [Previous line repeated {} more time{}]\n",
                            repeat - 2,
                            if repeat - 2 == 1 { "" } else { "s" }
                        ));
                    }
                    repeat = 0;
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    key.0, line, key.2
                ));
                if let Some(text) = e.code.source.line_text(line) {
                    let t = text.trim();
                    if !t.is_empty() {
                        out.push_str(&format!("    {}\n", t));
                    }
                }
                last = Some(key);
            }
            if repeat >= 3 {
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    repeat - 2,
                    if repeat - 2 == 1 { "" } else { "s" }
                ));
            }
        }
        out.push_str(&self.exc_last_line(exc));
        out.push('\n');
        // PEP 678 notes, one per line after the message.
        if let Some(Payload::Instance(i)) = exc.payload() {
            let notes = i
                .dict()
                .borrow()
                .get_str(&crate::object::PyStr::new("__notes__"))
                .cloned();
            if let Some(Payload::List(l)) = notes.as_ref().and_then(|n| n.payload()) {
                let items = l.borrow().clone();
                for n in items {
                    match n.as_pystr() {
                        Some(s) => out.push_str(s.as_str()),
                        None => out.push_str(&self.str_of(&n).unwrap_or_default()),
                    }
                    out.push('\n');
                }
            }
        }
        out
    }

    /// "Exception ignored in: ..." for errors that cannot propagate (finalizers).
    pub fn report_unraisable(&mut self, exc: &Value, what: &str) {
        self.report_unraisable_in(exc, &format!("<{} object>", what));
    }

    /// `report_unraisable` naming where it happened in full (`<function A.__del__ at
    /// 0x...>`).
    pub fn report_unraisable_in(&mut self, exc: &Value, place: &str) {
        self.flush();
        let text = self.format_exception(exc);
        eprint!("Exception ignored in: {}\n{}", place, text);
    }
}

/// Stand-in for a traceback object (`__traceback__`, passed to `__exit__`): the entries
/// of the exception it was read from.
pub struct TracebackMarker(pub Vec<crate::object::typ::TbEntry>);

pub fn exc_kind_of(cls: &Rc<Object>, vm: &Vm) -> Option<ExcKind> {
    ExcKind::ALL
        .iter()
        .copied()
        .find(|k| Rc::ptr_eq(&vm.exc_class(*k), cls))
}
