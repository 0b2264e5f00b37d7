//! repr(), str(), format() and the `%` operator.

use super::Vm;
use crate::object::{ExcKind, Payload, PyErr, PyResult, Value};
use num_bigint::BigInt;

const MAX_REPR_DEPTH: usize = 2000;

impl Vm {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Null => "<NULL>".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => crate::text::int_to_string(*i),
            Value::BigInt(b) => self.int_to_str(b)?,
            Value::Float(f) => crate::format::float_repr(*f),
            Value::Str(s) => crate::text::str_repr(s.as_str()),
            Value::Obj(o) => {
                // Containers guard against self-reference and native stack depth.
                let id = v.id();
                let is_container = matches!(
                    o.payload,
                    Payload::List(_)
                        | Payload::Tuple(_)
                        | Payload::Dict(_)
                        | Payload::Set(_)
                        | Payload::DictView(..)
                );
                if is_container {
                    if self.repr_stack.contains(&id) {
                        return Ok(match o.payload {
                            Payload::List(_) => "[...]",
                            Payload::Dict(_) => "{...}",
                            _ => "(...)",
                        }
                        .into());
                    }
                    if self.repr_stack.len() > MAX_REPR_DEPTH {
                        return Err(PyErr::new(
                            ExcKind::RecursionError,
                            "maximum recursion depth exceeded while getting the repr of an object",
                        ));
                    }
                    self.repr_stack.push(id);
                    let r = self.repr_container(v);
                    self.repr_stack.pop();
                    return r;
                }
                match &o.payload {
                    Payload::Instance(_)
                    | Payload::Opaque(_)
                    | Payload::Deque(_)
                    | Payload::Future(_)
                    | Payload::Task(_) => {
                        if let Some(m) = self.lookup_user_special(v, "__repr__") {
                            let r = self.call_guarded(&m, v)?;
                            return match r {
                                Value::Str(s) => Ok(s.as_str().to_string()),
                                _ => Err(PyErr::type_error(format!(
                                    "__repr__ returned non-string (type {})",
                                    self.type_name(&r)
                                ))),
                            };
                        }
                        if self.is_exception(v) {
                            return self.exc_repr(v);
                        }
                        if let Some(m) = self.lookup_special(v, "__repr__") {
                            if let Some(Payload::Native(_)) = m.payload() {
                                let r = self.call_with(&m, [v.clone()])?;
                                if let Value::Str(s) = r {
                                    return Ok(s.as_str().to_string());
                                }
                            }
                        }
                        let t = self.type_of(v);
                        let tt = t.payload_type();
                        format!("<{}.{} object at {:#x}>", tt.module, tt.qualname, id)
                    }
                    _ => self.builtin_repr(v)?,
                }
            }
        })
    }

    fn call_guarded(&mut self, m: &Value, v: &Value) -> PyResult<Value> {
        if self.repr_stack.len() > MAX_REPR_DEPTH {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_stack.push(0);
        let r = self.call_with(m, [v.clone()]);
        self.repr_stack.pop();
        r
    }

    pub fn is_exception(&self, v: &Value) -> bool {
        matches!(v.payload(), Some(Payload::Instance(i)) if i.exc().is_some())
    }

    fn exc_repr(&mut self, v: &Value) -> PyResult<String> {
        let args = self.exc_args(v);
        let name = self.type_name(v);
        if args.len() == 1 {
            return Ok(format!("{}({})", name, self.repr(&args[0])?));
        }
        let mut parts = vec![];
        for a in &args {
            parts.push(self.repr(a)?);
        }
        Ok(format!("{}({})", name, parts.join(", ")))
    }

    fn repr_container(&mut self, v: &Value) -> PyResult<String> {
        let Some(p) = v.payload() else { unreachable!() };
        Ok(match p {
            Payload::List(l) => {
                let items = l.borrow().clone();
                let mut s = String::from("[");
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(&self.repr(it)?);
                }
                s.push(']');
                s
            }
            Payload::Tuple(t) => {
                let items = t.to_vec();
                let mut s = String::from("(");
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(&self.repr(it)?);
                }
                if items.len() == 1 {
                    s.push(',');
                }
                s.push(')');
                s
            }
            Payload::Dict(d) => {
                let items: Vec<(Value, Value)> = d.borrow().items();
                let mut s = String::from("{");
                for (i, (k, val)) in items.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(&self.repr(k)?);
                    s.push_str(": ");
                    s.push_str(&self.repr(val)?);
                }
                s.push('}');
                s
            }
            Payload::Set(set) => {
                let items: Vec<Value> = set.table.borrow().iter().map(|(_, k)| k.clone()).collect();
                if items.is_empty() {
                    return Ok(if set.frozen { "frozenset()" } else { "set()" }.into());
                }
                let mut s = String::from(if set.frozen { "frozenset({" } else { "{" });
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(&self.repr(it)?);
                }
                s.push('}');
                if set.frozen {
                    s.push(')');
                }
                s
            }
            Payload::DictView(d, kind) => {
                let name = match kind {
                    crate::object::iter::ViewKind::Keys => "dict_keys",
                    crate::object::iter::ViewKind::Values => "dict_values",
                    crate::object::iter::ViewKind::Items => "dict_items",
                };
                let items =
                    self.collect_iterable(&Value::new_obj(Payload::DictView(d.clone(), *kind)))?;
                let l = Value::list(items);
                format!("{}({})", name, self.repr(&l)?)
            }
            _ => unreachable!(),
        })
    }

    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Obj(o) => match &o.payload {
                Payload::Instance(_)
                | Payload::Opaque(_)
                | Payload::Deque(_)
                | Payload::Future(_)
                | Payload::Task(_) => {
                    if let Some(m) = self.lookup_user_special(v, "__str__") {
                        let r = self.call_guarded(&m, v)?;
                        return match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            _ => Err(PyErr::type_error(format!(
                                "__str__ returned non-string (type {})",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if self.is_exception(v) && self.lookup_user_special(v, "__repr__").is_none() {
                        let s = super::builtins::exc_str(self, v)?;
                        return Ok(s
                            .as_pystr()
                            .map(|p| p.as_str().to_string())
                            .unwrap_or_default());
                    }
                    self.repr(v)
                }
                _ => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    /// int -> decimal string, with CPython 3.11's 4300-digit limit.
    pub fn int_to_str(&mut self, b: &BigInt) -> PyResult<String> {
        if b.bits() > 14_300 {
            let s = b.to_string();
            let digits = s.trim_start_matches('-').len();
            if digits > self.int_max_str_digits && self.int_max_str_digits > 0 {
                return Err(PyErr::value_error(format!(
                    "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                    self.int_max_str_digits
                )));
            }
            return Ok(s);
        }
        Ok(b.to_string())
    }

    /// format(v, spec).
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        // Only an object can have a `__format__` from Python (the built-in types of
        // the other values cannot be given one).
        let user = match v {
            Value::Obj(_) => self.lookup_user_special(v, "__format__"),
            _ => None,
        };
        if let Some(m) = user {
            let r = self.call_with(&m, [v.clone(), Value::str(spec)])?;
            return self.str_of(&r);
        }
        let bad = |e: String| PyErr::value_error(e);
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                if spec.is_empty() {
                    return self.str_of(v);
                }
                let fs =
                    crate::format::parse_format_spec_for(spec, &self.type_name(v)).map_err(bad)?;

                let b = super::ops::to_big(v).unwrap();
                if matches!(fs.ty, None | Some('d' | 'n')) {
                    // Decimal output has the same digit limit as str().
                    self.int_to_str(&b)?;
                }
                crate::format::format_int(&b, &fs).map_err(bad)
            }
            Value::Float(f) => {
                if spec.is_empty() {
                    return Ok(crate::format::float_repr(*f));
                }
                let fs =
                    crate::format::parse_format_spec_for(spec, &self.type_name(v)).map_err(bad)?;
                crate::format::format_float(*f, &fs).map_err(bad)
            }
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.as_str().to_string());
                }
                let fs =
                    crate::format::parse_format_spec_for(spec, &self.type_name(v)).map_err(bad)?;
                crate::format::format_str(s.as_str(), &fs).map_err(bad)
            }
            _ => {
                if !spec.is_empty() {
                    return Err(PyErr::type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.type_name(v)
                    )));
                }
                self.str_of(v)
            }
        }
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> PyResult<String> {
        use crate::format::{PercentArg, PercentPiece};
        let pieces = crate::format::parse_percent_format(fmt).map_err(PyErr::value_error)?;
        // CPython's PyMapping_Check: anything subscriptable but a tuple or a str is
        // the mapping of `%(name)s`, and extra "arguments" in it are no error.
        let is_mapping = match args.payload() {
            Some(
                Payload::Dict(_) | Payload::List(_) | Payload::Range { .. } | Payload::Bytes(_),
            ) => true,
            Some(Payload::Instance(_)) => self.lookup_special(args, "__getitem__").is_some(),
            _ => false,
        };
        let items: Vec<Value> = match args.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![args.clone()],
        };
        let mut idx = 0;
        let mut out = String::new();
        let mut next = |vm: &mut Vm| -> PyResult<Value> {
            let _ = vm;
            if idx < items.len() {
                idx += 1;
                Ok(items[idx - 1].clone())
            } else {
                Err(PyErr::type_error("not enough arguments for format string"))
            }
        };
        for p in pieces {
            match p {
                PercentPiece::Literal(s) => out.push_str(&s),
                PercentPiece::Conv(c) => {
                    let width = match &c.width {
                        Some(PercentArg::Star) => {
                            let x = next(self)?;
                            Some(self.index_value(&x)?.max(0) as usize)
                        }
                        Some(PercentArg::Num(n)) => Some(*n),
                        None => None,
                    };
                    let prec = match &c.precision {
                        Some(PercentArg::Star) => {
                            let x = next(self)?;
                            Some(self.index_value(&x)?.max(0) as usize)
                        }
                        Some(PercentArg::Num(n)) => Some(*n),
                        None => None,
                    };
                    let v = match &c.key {
                        Some(k) if is_mapping => self.getitem(args, &Value::str(k))?,
                        _ => next(self)?,
                    };
                    let s = match c.conv {
                        's' => {
                            let s = self.str_of(&v)?;
                            crate::format::percent_pad_str(&s, &c, width, prec)
                        }
                        'r' | 'a' => {
                            let s = self.repr(&v)?;
                            crate::format::percent_pad_str(&s, &c, width, prec)
                        }
                        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                            // A small int: no big int made, and no digit limit to check.
                            let small = match v {
                                Value::Int(i) => Some(i),
                                Value::Bool(b) => Some(b as i64),
                                _ => None,
                            };
                            if let Some(i) = small {
                                crate::format::percent_format_i64(i, &c, width, prec)
                            } else {
                                let b = match &v {
                                    Value::Float(_) if !matches!(c.conv, 'd' | 'i' | 'u') => {
                                        return Err(PyErr::type_error(format!(
                                            "%{} format: an integer is required, not float",
                                            c.conv
                                        )))
                                    }
                                    Value::Float(f) if f.is_nan() => {
                                        return Err(PyErr::value_error(
                                            "cannot convert float NaN to integer",
                                        ))
                                    }
                                    Value::Float(f) if f.is_infinite() => {
                                        return Err(PyErr::overflow(
                                            "cannot convert float infinity to integer",
                                        ))
                                    }
                                    Value::Float(f) => {
                                        num_traits::FromPrimitive::from_f64(f.trunc()).unwrap()
                                    }
                                    _ => match super::ops::to_big(&v) {
                                        Some(b) => b,
                                        None => {
                                            return Err(PyErr::type_error(format!(
                                                "%{} format: a real number is required, not {}",
                                                c.conv,
                                                self.type_name(&v)
                                            )))
                                        }
                                    },
                                };
                                if matches!(c.conv, 'd' | 'i' | 'u') {
                                    // Decimal output has the same digit limit as str().
                                    self.int_to_str(&b)?;
                                }
                                crate::format::percent_format_int(&b, &c, width, prec)
                            }
                        }
                        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                            let f = super::ops::to_f64(&v).ok_or_else(|| {
                                PyErr::type_error(format!(
                                    "must be real number, not {}",
                                    self.type_name(&v)
                                ))
                            })?;
                            crate::format::percent_format_float(f, &c, width, prec)
                        }
                        'c' => {
                            let s = match &v {
                                Value::Str(s) => s.as_str().to_string(),
                                _ => {
                                    let i = self.index_value(&v)?;
                                    char::from_u32(i as u32)
                                        .map(|c| c.to_string())
                                        .unwrap_or_default()
                                }
                            };
                            crate::format::percent_pad_str(&s, &c, width, None)
                        }
                        other => {
                            return Err(PyErr::value_error(format!(
                                "unsupported format character '{}' (0x{:x})",
                                other, other as u32
                            )))
                        }
                    };
                    out.push_str(&s);
                }
            }
        }
        if idx < items.len() && !is_mapping {
            return Err(PyErr::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(out)
    }
}

impl Vm {
    /// repr of builtin non-container objects.
    fn builtin_repr(&mut self, v: &Value) -> PyResult<String> {
        let Some(p) = v.payload() else {
            return Ok(String::new());
        };
        let id = v.id();
        Ok(match p {
            Payload::Bytes(b) => crate::text::bytes_repr(b),
            Payload::Range { start, stop, step } => {
                if *step == 1 {
                    format!("range({}, {})", start, stop)
                } else {
                    format!("range({}, {}, {})", start, stop, step)
                }
            }
            Payload::Slice(a, b, c) => format!(
                "slice({}, {}, {})",
                self.repr(a)?,
                self.repr(b)?,
                self.repr(c)?
            ),
            Payload::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), id),
            Payload::Native(n) => format!("<built-in function {}>", n.name),
            Payload::BoundMethod { func, receiver } => match func.payload() {
                Some(Payload::Native(n)) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    n.name,
                    self.type_name(receiver),
                    receiver.id()
                ),
                Some(Payload::Function(f)) => {
                    let r = self.repr(receiver)?;
                    format!("<bound method {} of {}>", f.qualname.borrow(), r)
                }
                _ => format!("<bound method of {:#x}>", id),
            },
            Payload::Type(t) => {
                if &*t.module == "builtins" {
                    format!("<class '{}'>", t.qualname)
                } else {
                    format!("<class '{}.{}'>", t.module, t.qualname)
                }
            }
            Payload::Cell(_) => format!("<cell at {:#x}>", id),
            Payload::Generator(g) => {
                format!(
                    "<{} object {} at {:#x}>",
                    g.type_name(),
                    g.code.qualname,
                    id
                )
            }
            Payload::Module(m) => {
                if matches!(&*m.name, "sys" | "builtins") {
                    format!("<module '{}' (built-in)>", m.name)
                } else {
                    format!("<module '{}'>", m.name)
                }
            }
            Payload::Code(c) => crate::bytecode::dis::code_repr(c),
            Payload::Iter(st) => format!("<{} object at {:#x}>", st.borrow().type_name(), id),
            Payload::Property(_) => format!("<property object at {:#x}>", id),
            Payload::StaticMethod(_) => format!("<staticmethod object at {:#x}>", id),
            Payload::ClassMethod(_) => format!("<classmethod object at {:#x}>", id),
            Payload::Super { typ, .. } => {
                format!("<super: <class '{}'>, <object>>", typ.payload_type().name)
            }
            Payload::NotImplemented => "NotImplemented".into(),
            Payload::Ellipsis => "Ellipsis".into(),
            _ => format!("<{} object at {:#x}>", self.type_name(v), id),
        })
    }
}
