//! Builtin type objects, their constructors, and their special attributes.

use super::dispatch::gen_of;
use super::generator::GenState;
use super::Vm;
use crate::object::{
    Dict, ExcKind, NativeFn, NativeFunc, Object, Payload, PyResult, PyStr, TypeKind, TypeObj, Value,
};
use std::cell::RefCell;
use std::rc::Rc;

pub type Ctor = fn(&mut Vm, &Rc<Object>, &[Value], &[Value]) -> PyResult<Value>;

pub struct Types {
    pub object: Rc<Object>,
    pub type_: Rc<Object>,
    pub int: Rc<Object>,
    pub bool_: Rc<Object>,
    pub float: Rc<Object>,
    pub str_: Rc<Object>,
    pub list: Rc<Object>,
    pub tuple: Rc<Object>,
    pub dict: Rc<Object>,
    pub set: Rc<Object>,
    pub frozenset: Rc<Object>,
    pub bytes: Rc<Object>,
    pub range: Rc<Object>,
    pub slice: Rc<Object>,
    pub none: Rc<Object>,
    pub function: Rc<Object>,
    pub builtin_function: Rc<Object>,
    pub method: Rc<Object>,
    pub module: Rc<Object>,
    pub generator: Rc<Object>,
    pub coroutine: Rc<Object>,
    pub async_generator: Rc<Object>,
    pub cell: Rc<Object>,
    pub property: Rc<Object>,
    pub staticmethod: Rc<Object>,
    pub classmethod: Rc<Object>,
    pub super_: Rc<Object>,
    pub code: Rc<Object>,
    pub iterator: Rc<Object>,
    /// The builtin iterators' own types (list_iterator, dict_keyiterator, ...), made on
    /// first use as subtypes of `iterator`.
    pub iter_types: RefCell<Vec<(&'static str, Rc<Object>)>>,
    pub dict_view: Rc<Object>,
    pub not_implemented: Rc<Object>,
    pub ellipsis: Rc<Object>,
    pub opaque: Rc<Object>,
    pub exc: Vec<Rc<Object>>,
    /// Types of `Opaque` runtime objects (asyncio's handles, async-generator helpers),
    /// by Rust type.
    pub opaque_types: RefCell<Vec<(std::any::TypeId, Rc<Object>)>>,
    /// The classes of the payloads that native modules define (`collections.deque`,
    /// `_asyncio.Future`, `_asyncio.Task`), set when the module is made: `type_of`
    /// answers them with one load (method calls on deques and futures ask it often).
    pub deque: std::cell::OnceCell<Rc<Object>>,
    pub future: std::cell::OnceCell<Rc<Object>>,
    pub task: std::cell::OnceCell<Rc<Object>>,
}

thread_local! {
    static SINGLETONS: (Value, Value) = (
        Value::new_obj(Payload::Ellipsis),
        Value::new_obj(Payload::NotImplemented),
    );
}

pub fn ellipsis() -> Value {
    SINGLETONS.with(|s| s.0.clone())
}

pub fn not_implemented() -> Value {
    SINGLETONS.with(|s| s.1.clone())
}

pub fn new_type(name: &str, kind: TypeKind, base: Option<&Rc<Object>>) -> Rc<Object> {
    let (bases, mro) = match base {
        Some(b) => {
            let mut mro = vec![b.clone()];
            mro.extend(b.payload_type().mro.iter().cloned());
            (vec![b.clone()], mro)
        }
        None => (vec![], vec![]),
    };
    let is_exception =
        kind == TypeKind::BaseException || base.is_some_and(|b| b.payload_type().is_exception);
    Object::new(Payload::Type(Box::new(TypeObj {
        name: name.into(),
        qualname: name.into(),
        module: "builtins".into(),
        bases,
        mro,
        dict: RefCell::new(Dict::new()),
        kind,
        is_exception,
        cache: Default::default(),
        ctor_arity: super::arity::constructor_rule(name),
    })))
}

/// A built-in method object: `f` bound to its receiver when looked up on an instance,
/// its arguments counted by `arity` when given, its common case answered by `quick`.
pub(crate) fn method_value(
    name: &'static str,
    f: NativeFn,
    arity: Option<&'static super::arity::ArityRule>,
    quick: Option<super::quick::QuickFn>,
) -> Value {
    Value::new_obj(Payload::Native(NativeFunc {
        name,
        func: f,
        is_method: true,
        consumes: false,
        data: Value::None,
        arity,
        quick,
    }))
}

pub fn add_method(t: &Rc<Object>, name: &'static str, f: NativeFn) {
    let owner = t.payload_type();
    let arity = (owner.kind != TypeKind::User && &*owner.module == "builtins")
        .then(|| super::arity::rule(&owner.name, name))
        .flatten();
    let quick = super::quick::method(&owner.name, name);
    let v = method_value(name, f, arity, quick);
    t.payload_type()
        .dict
        .borrow_mut()
        .set_str(Rc::new(PyStr::new(name)), v);
    // Attribute caches may have seen this type already (modules set theirs up lazily).
    crate::object::typ::bump_type_epoch();
}

pub fn add_attr(t: &Rc<Object>, name: &str, v: Value) {
    t.payload_type()
        .dict
        .borrow_mut()
        .set_str(Rc::new(PyStr::new(name)), v);
    // Attribute caches may have seen this type already (modules set theirs up lazily).
    crate::object::typ::bump_type_epoch();
}

impl Types {
    pub fn new() -> Types {
        let object = new_type("object", TypeKind::Object, None);
        let t = |n: &str, k: TypeKind| new_type(n, k, Some(&object));
        let int = t("int", TypeKind::Int);
        let bool_ = new_type("bool", TypeKind::Bool, Some(&int));
        let base_exc = t("BaseException", TypeKind::BaseException);
        let mut exc: Vec<Rc<Object>> = vec![];
        for k in ExcKind::ALL {
            let cls = match k.base() {
                None => base_exc.clone(),
                Some(b) => new_type(k.name(), TypeKind::User, Some(&exc[b as usize])),
            };
            exc.push(cls);
        }
        Types {
            type_: t("type", TypeKind::Type),
            int,
            bool_,
            float: t("float", TypeKind::Float),
            str_: t("str", TypeKind::Str),
            list: t("list", TypeKind::List),
            tuple: t("tuple", TypeKind::Tuple),
            dict: t("dict", TypeKind::Dict),
            set: t("set", TypeKind::Set),
            frozenset: t("frozenset", TypeKind::FrozenSet),
            bytes: t("bytes", TypeKind::Bytes),
            range: t("range", TypeKind::Range),
            slice: t("slice", TypeKind::Slice),
            none: t("NoneType", TypeKind::NoneType),
            function: t("function", TypeKind::Function),
            builtin_function: t("builtin_function_or_method", TypeKind::BuiltinFunction),
            method: t("method", TypeKind::Method),
            module: t("module", TypeKind::Module),
            generator: t("generator", TypeKind::Generator),
            coroutine: t("coroutine", TypeKind::Coroutine),
            async_generator: t("async_generator", TypeKind::AsyncGenerator),
            cell: t("cell", TypeKind::Cell),
            property: t("property", TypeKind::Property),
            staticmethod: t("staticmethod", TypeKind::StaticMethod),
            classmethod: t("classmethod", TypeKind::ClassMethod),
            super_: t("super", TypeKind::Super),
            code: t("code", TypeKind::Code),
            iterator: t("iterator", TypeKind::Iterator),
            iter_types: RefCell::new(vec![]),
            dict_view: t("dict_keys", TypeKind::Iterator),
            not_implemented: t("NotImplementedType", TypeKind::NotImplementedType),
            ellipsis: t("ellipsis", TypeKind::Ellipsis),
            opaque: t("object", TypeKind::Opaque),
            exc,
            object,
            opaque_types: RefCell::new(vec![]),
            deque: Default::default(),
            future: Default::default(),
            task: Default::default(),
        }
    }

    /// The type registered for an opaque (native module) payload of this Rust type.
    fn opaque_type(&self, id: std::any::TypeId) -> Rc<Object> {
        self.opaque_types
            .borrow()
            .iter()
            .find(|(t, _)| *t == id)
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| self.opaque.clone())
    }

    /// A native module's class (see `Types::deque`); `object` before the module exists
    /// (no such payload can exist before then).
    fn native_class(&self, c: &std::cell::OnceCell<Rc<Object>>) -> Rc<Object> {
        c.get().unwrap_or(&self.opaque).clone()
    }

    pub fn type_of(&self, v: &Value) -> Rc<Object> {
        match v {
            Value::None | Value::Null => self.none.clone(),
            Value::Bool(_) => self.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => self.int.clone(),
            Value::Float(_) => self.float.clone(),
            Value::Str(_) => self.str_.clone(),
            Value::Obj(o) => match &o.payload {
                Payload::List(_) => self.list.clone(),
                Payload::Tuple(_) => self.tuple.clone(),
                Payload::Dict(_) => self.dict.clone(),
                Payload::Set(s) => {
                    if s.frozen {
                        self.frozenset.clone()
                    } else {
                        self.set.clone()
                    }
                }
                Payload::Bytes(_) => self.bytes.clone(),
                Payload::Range { .. } => self.range.clone(),
                Payload::Slice(..) => self.slice.clone(),
                Payload::Function(_) => self.function.clone(),
                Payload::Native(_) => self.builtin_function.clone(),
                Payload::BoundMethod { func, .. } => match func.payload() {
                    Some(Payload::Native(_)) => self.builtin_function.clone(),
                    _ => self.method.clone(),
                },
                Payload::Type(_) => self.type_.clone(),
                Payload::Instance(i) => i.class.clone(),
                Payload::Cell(_) => self.cell.clone(),
                Payload::Generator(g) => match g.kind {
                    super::generator::GenKind::Generator => self.generator.clone(),
                    super::generator::GenKind::Coroutine => self.coroutine.clone(),
                    super::generator::GenKind::AsyncGenerator => self.async_generator.clone(),
                },
                Payload::Module(_) => self.module.clone(),
                Payload::Code(_) => self.code.clone(),
                Payload::Iter(st) => self.iter_type(st.borrow().type_name()),
                Payload::DictView(..) => self.dict_view.clone(),
                Payload::Property(_) => self.property.clone(),
                Payload::StaticMethod(_) => self.staticmethod.clone(),
                Payload::ClassMethod(_) => self.classmethod.clone(),
                Payload::Super { .. } => self.super_.clone(),
                Payload::NotImplemented => self.not_implemented.clone(),
                Payload::Ellipsis => self.ellipsis.clone(),
                Payload::Opaque(b) => self.opaque_type((**b.borrow()).type_id()),
                Payload::Deque(_) => self.native_class(&self.deque),
                Payload::Future(_) => self.native_class(&self.future),
                Payload::Task(_) => self.native_class(&self.task),
            },
        }
    }

    fn iter_type(&self, name: &'static str) -> Rc<Object> {
        if name == "iterator" {
            return self.iterator.clone();
        }
        if let Some((_, t)) = self.iter_types.borrow().iter().find(|(n, _)| *n == name) {
            return t.clone();
        }
        let t = new_type(name, TypeKind::Iterator, Some(&self.iterator));
        self.iter_types.borrow_mut().push((name, t.clone()));
        t
    }

    pub fn constructor(&self, kind: TypeKind) -> Option<Ctor> {
        super::builtins::constructor_for(kind)
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

impl Vm {
    /// Attributes that live on builtin objects rather than in a dict.
    pub fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let v = match (name, obj.payload()) {
            ("__class__", _) => Value::Obj(self.type_of(obj)),
            ("__name__", Some(Payload::Type(t))) => Value::str(&t.name),
            ("__qualname__", Some(Payload::Type(t))) => Value::str(&t.qualname),
            ("__module__", Some(Payload::Type(t))) => Value::str(&t.module),
            ("__bases__", Some(Payload::Type(t))) => {
                Value::tuple(t.bases.iter().map(|b| Value::Obj(b.clone())).collect())
            }
            ("__base__", Some(Payload::Type(t))) => t
                .bases
                .first()
                .map(|b| Value::Obj(b.clone()))
                .unwrap_or(Value::None),
            ("__mro__", Some(Payload::Type(t))) => {
                let mut v = vec![obj.clone()];
                v.extend(t.mro.iter().map(|b| Value::Obj(b.clone())));
                Value::tuple(v)
            }
            ("__dict__", Some(Payload::Type(t))) => Value::dict(t.dict.borrow().clone()),
            ("__doc__", Some(Payload::Type(t))) => t
                .dict
                .borrow()
                .get_str(&PyStr::new("__doc__"))
                .cloned()
                .unwrap_or(Value::None),
            ("__name__", Some(Payload::Function(f))) => Value::str(&f.name.borrow()),
            ("__qualname__", Some(Payload::Function(f))) => Value::str(&f.qualname.borrow()),
            ("__doc__", Some(Payload::Function(f))) => f.doc.clone(),
            ("__module__", Some(Payload::Function(f))) => {
                super::dispatch::dict_get_str(&f.globals, &Value::str("__name__"))
                    .unwrap_or(Value::None)
            }
            ("__code__", Some(Payload::Function(f))) => crate::bytecode::code::code_value(&f.code),
            ("__defaults__", Some(Payload::Function(f))) => {
                if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }
            }
            ("__dict__", Some(Payload::Function(f))) => Value::Obj(f.dict_object()),
            ("__name__", Some(Payload::Native(n))) => Value::str(n.name),
            ("__qualname__", Some(Payload::Native(n))) => Value::str(n.name),
            ("__self__", Some(Payload::BoundMethod { receiver, .. })) => receiver.clone(),
            ("__func__", Some(Payload::BoundMethod { func, .. })) => func.clone(),
            ("__name__", Some(Payload::BoundMethod { func, .. })) => {
                let f = func.clone();
                return self.getattr_opt(&f, &Value::str("__name__"));
            }
            ("__qualname__", Some(Payload::BoundMethod { func, .. })) => {
                let f = func.clone();
                return self.getattr_opt(&f, &Value::str("__qualname__"));
            }
            ("__name__", Some(Payload::Module(m))) => Value::str(&m.name),
            ("__dict__", Some(Payload::Module(m))) => Value::Obj(m.dict.clone()),
            ("__dict__", Some(Payload::Instance(i))) => Value::Obj(i.dict_object()),
            ("__func__", Some(Payload::StaticMethod(f) | Payload::ClassMethod(f))) => f.clone(),
            ("fget", Some(Payload::Property(p))) => p.fget.clone(),
            ("fset", Some(Payload::Property(p))) => p.fset.clone(),
            ("start", Some(Payload::Range { start, .. })) => Value::Int(*start),
            ("stop", Some(Payload::Range { stop, .. })) => Value::Int(*stop),
            ("step", Some(Payload::Range { step, .. })) => Value::Int(*step),
            ("start", Some(Payload::Slice(a, _, _))) => a.clone(),
            ("stop", Some(Payload::Slice(_, b, _))) => b.clone(),
            ("step", Some(Payload::Slice(_, _, c))) => c.clone(),
            ("cell_contents", Some(Payload::Cell(c))) => c.borrow().clone(),
            ("co_name", Some(Payload::Code(c))) => Value::str(&c.name),
            ("co_qualname", Some(Payload::Code(c))) => Value::str(&c.qualname),
            ("co_filename", Some(Payload::Code(c))) => Value::str(&c.source.name),
            ("co_firstlineno", Some(Payload::Code(c))) => Value::Int(c.first_line as i64),
            ("co_argcount", Some(Payload::Code(c))) => Value::Int(c.argcount as i64),
            ("co_flags", Some(Payload::Code(c))) => Value::Int(c.flags as i64),
            ("co_varnames", Some(Payload::Code(c))) => {
                Value::tuple(c.co_varnames().iter().map(|n| Value::str(n)).collect())
            }
            ("co_nlocals", Some(Payload::Code(c))) => Value::Int(c.co_varnames().len() as i64),
            ("co_stacksize", Some(Payload::Code(c))) => Value::Int(c.co_stacksize() as i64),
            ("co_posonlyargcount", Some(Payload::Code(c))) => Value::Int(c.posonlyargcount as i64),
            ("co_kwonlyargcount", Some(Payload::Code(c))) => Value::Int(c.kwonlyargcount as i64),
            ("co_consts", Some(Payload::Code(c))) => Value::tuple(c.consts.clone()),
            ("co_names", Some(Payload::Code(c))) => Value::tuple(c.names.clone()),
            ("co_freevars", Some(Payload::Code(c))) => {
                Value::tuple(c.freevars.iter().map(|n| Value::str(n)).collect())
            }
            ("co_cellvars", Some(Payload::Code(c))) => {
                Value::tuple(c.cellvars.iter().map(|n| Value::str(n)).collect())
            }
            ("real", _)
                if matches!(
                    obj,
                    Value::Int(_) | Value::Float(_) | Value::BigInt(_) | Value::Bool(_)
                ) =>
            {
                match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    _ => obj.clone(),
                }
            }
            ("imag", _) if matches!(obj, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
                Value::Int(0)
            }
            ("imag", _) if matches!(obj, Value::Float(_)) => Value::Float(0.0),
            ("numerator", _) if super::ops::is_int(obj) => obj.clone(),
            ("denominator", _) if super::ops::is_int(obj) => Value::Int(1),
            (_, Some(Payload::Generator(g))) => {
                let o = obj.as_obj().unwrap().clone();
                let gen = gen_of(&o);
                let _ = g;
                let prefix = match gen.kind {
                    super::generator::GenKind::Generator => "gi_",
                    super::generator::GenKind::Coroutine => "cr_",
                    super::generator::GenKind::AsyncGenerator => "ag_",
                };
                let Some(field) = name.strip_prefix(prefix) else {
                    return Ok(match name {
                        "__name__" => Some(Value::str(&gen.code.name)),
                        "__qualname__" => Some(Value::str(&gen.code.qualname)),
                        _ => None,
                    });
                };
                match field {
                    "running" if gen.kind == super::generator::GenKind::AsyncGenerator => {
                        Value::Bool(gen.running_async.get())
                    }
                    "running" => Value::Bool(gen.state.get() == GenState::Running),
                    "suspended" => Value::Bool(gen.state.get() == GenState::Suspended),
                    "code" => crate::bytecode::code::code_value(&gen.code),
                    "frame" => {
                        if gen.state.get() == GenState::Closed {
                            Value::None
                        } else {
                            super::builtins::frame_proxy(self, &o)
                        }
                    }
                    // A running generator delegates to nothing (CPython's frame is at
                    // its SEND then); a collapsed level keeps its frame while running.
                    "yieldfrom" | "await" if gen.state.get() == GenState::Running => Value::None,
                    "yieldfrom" | "await" => match gen.frame().as_ref() {
                        Some(f) => super::dispatch::gen_yieldfrom(f)
                            .map(crate::modules::aio::delegate_view)
                            .unwrap_or(Value::None),
                        None => Value::None,
                    },
                    _ => return Ok(None),
                }
            }
            (_, Some(Payload::Instance(i))) if i.exc().is_some() => {
                let d = i.exc().unwrap();
                match name {
                    "args" => Value::tuple(d.args.borrow().clone()),
                    "__cause__" => d.cause.borrow().clone().unwrap_or(Value::None),
                    "__context__" => d.context.borrow().clone().unwrap_or(Value::None),
                    "__suppress_context__" => Value::Bool(d.suppress_context.get()),
                    "__traceback__" => self.traceback_value(obj),
                    "value" if self.is_instance_of_kind(obj, ExcKind::StopIteration) => {
                        d.args.borrow().first().cloned().unwrap_or(Value::None)
                    }
                    "code" if self.is_instance_of_kind(obj, ExcKind::SystemExit) => {
                        d.args.borrow().first().cloned().unwrap_or(Value::None)
                    }
                    "errno" | "strerror" | "filename" | "filename2"
                        if self.is_instance_of_kind(obj, ExcKind::OSError) =>
                    {
                        let args = d.args.borrow();
                        match name {
                            "errno" if args.len() == 2 => args[0].clone(),
                            "strerror" if args.len() == 2 => args[1].clone(),
                            _ => Value::None,
                        }
                    }
                    _ => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(v))
    }
}
