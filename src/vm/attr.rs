//! Attribute access: the descriptor protocol over type MROs, instance dicts, modules.

use super::dispatch::CallOutcome;
use super::Vm;
use crate::bytecode::{ClassCache, InlineCache};
use crate::object::{ExcKind, Object, Payload, PyErr, PyResult, PyStr, TypeObj, Value};
use std::cell::Cell;
use std::rc::Rc;

impl Object {
    /// The type object payload (panics if this is not a type: callers check first).
    pub fn payload_type(&self) -> &TypeObj {
        match &self.payload {
            Payload::Type(t) => t,
            _ => panic!("not a type object"),
        }
    }
}

impl Vm {
    /// Property `p`'s getter, setter or deleter `f` (named by `role`), or the error for
    /// its absence.
    fn property_fn(
        &self,
        p: &crate::object::Property,
        f: &Value,
        role: &str,
        obj: &Value,
    ) -> PyResult<Value> {
        if f.is_none() {
            let t = self.type_of(obj);
            let owner = &t.payload_type().qualname;
            return Err(PyErr::attribute_error(match p.name() {
                Some(n) => format!(
                    "property '{}' of '{owner}' object has no {role}",
                    n.as_str()
                ),
                None => format!("property of '{owner}' object has no {role}"),
            }));
        }
        Ok(f.clone())
    }

    /// An attribute name from Python code (`setattr(o, 1, v)` reaches here too).
    fn attr_name<'a>(&self, name: &'a Value) -> PyResult<&'a PyStr> {
        name.as_pystr().map(|s| &**s).ok_or_else(|| {
            PyErr::type_error(format!(
                "attribute name must be string, not '{}'",
                self.type_name(name)
            ))
        })
    }

    pub fn type_of(&self, v: &Value) -> Rc<Object> {
        self.types.type_of(v)
    }

    pub fn type_name(&self, v: &Value) -> String {
        // Builtin iterators share one type object but report CPython's names.
        if let Some(Payload::Iter(st)) = v.payload() {
            return st.borrow().type_name().to_string();
        }
        let t = self.type_of(v);
        let t = t.payload_type();
        // Types of native modules report a dotted name (tp_name "collections.deque").
        if t.kind == crate::object::TypeKind::Opaque && &*t.module != "builtins" {
            return format!("{}.{}", t.module, t.name);
        }
        t.name.to_string()
    }

    /// Look a special method up on the type (not the instance), as CPython does.
    ///
    /// A built-in type's wrapper of its own operator (`builtin_dunders.rs`) is not
    /// one: the VM runs that operator itself, and a wrapper found here would only
    /// reword its errors (`[1] * 1.5`) or run it a second time.
    pub fn lookup_special(&self, v: &Value, name: &'static str) -> Option<Value> {
        let t = self.type_of(v);
        let m = self.type_attr_static(&t, name)?;
        match m.payload() {
            Some(Payload::Native(nf)) if nf.arity.is_some_and(|r| r.is_slot_wrapper()) => None,
            _ => Some(m),
        }
    }

    /// A special method defined by user code (skips builtin natives).
    pub fn lookup_user_special(&self, v: &Value, name: &'static str) -> Option<Value> {
        match self.lookup_special(v, name) {
            Some(f) if !matches!(f.payload(), Some(Payload::Native(_))) => Some(f),
            _ => None,
        }
    }

    /// The methods of a descriptor defined in Python: a class attribute that is an
    /// instance of a class with `__get__`, `__set__` or `__delete__`. None for
    /// anything else (functions, properties and other natives bind their own way).
    pub(crate) fn user_descriptor(&self, attr: &Value) -> Option<Descriptor> {
        if !matches!(attr.payload(), Some(Payload::Instance(_))) {
            return None;
        }
        let d = Descriptor {
            get: self.lookup_user_special(attr, "__get__"),
            set: self.lookup_user_special(attr, "__set__"),
            delete: self.lookup_user_special(attr, "__delete__"),
        };
        (d.get.is_some() || d.is_data()).then_some(d)
    }

    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr_or_hook(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attr_error(obj, name)),
        }
    }

    /// `getattr_opt`, then the class's `__getattr__` if it has one: None is a plain
    /// miss, for which no error has been made yet.
    /// An AttributeError from the lookup (a property's getter) also goes to the hook,
    /// as CPython's `slot_tp_getattr_hook`.
    fn getattr_or_hook(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        // The class's memo says whether it has a hook (looking `__getattr__` up cost
        // a fifth of a `hasattr` miss).
        let hooked = self.type_of(obj).payload_type().attr_hooks().getattr;
        match self.getattr_opt(obj, name) {
            Ok(Some(v)) => return Ok(Some(v)),
            Ok(None) if !hooked => return Ok(None),
            Ok(None) => {}
            Err(e) if !hooked => return Err(e),
            Err(e) => {
                let e = self.materialize(e);
                if !self.is_instance_of_kind(&e, ExcKind::AttributeError) {
                    return Err(PyErr::Obj(e));
                }
            }
        }
        match self.lookup_user_special(obj, "__getattr__") {
            Some(ga) => self.call_with(&ga, [obj.clone(), name.clone()]).map(Some),
            None => Ok(None),
        }
    }

    pub fn attr_error(&self, obj: &Value, name: &Value) -> PyErr {
        let n = match self.attr_name(name) {
            Ok(n) => n.as_str(),
            Err(e) => return e,
        };
        match obj.payload() {
            Some(Payload::Module(m)) => PyErr::new(
                ExcKind::AttributeError,
                format!("module '{}' has no attribute '{}'", m.name, n),
            ),
            Some(Payload::Type(t)) => PyErr::new(
                ExcKind::AttributeError,
                format!("type object '{}' has no attribute '{}'", t.name, n),
            ),
            _ => PyErr::new(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{}'", self.type_name(obj), n),
            ),
        }
    }

    /// Attribute lookup without the AttributeError (None when absent).
    pub fn getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let n = self.attr_name(name)?;
        if let Some(Payload::Super { typ, obj: inner }) = obj.payload() {
            // The MRO after `typ` first, except for `__class__` (as super_getattro);
            // then the super object's own attributes.
            if n.as_str() != "__class__" {
                if let Some(v) = super::builtins::super_getattr(self, obj, name)? {
                    return Ok(Some(v));
                }
            }
            match n.as_str() {
                "__thisclass__" => return Ok(Some(Value::Obj(typ.clone()))),
                "__self__" => return Ok(Some(inner.clone())),
                "__self_class__" => {
                    return Ok(Some(match inner.payload() {
                        Some(Payload::Type(_)) => inner.clone(),
                        _ => Value::Obj(self.type_of(inner)),
                    }))
                }
                _ => {}
            }
        }
        // Modules: their dict.
        if let Some(Payload::Module(m)) = obj.payload() {
            if let Payload::Dict(d) = &m.dict.payload {
                if let Some(v) = d.borrow().get_str(n) {
                    return Ok(Some(v.clone()));
                }
            }
            if &*m.name == "sys" {
                if let Some(v) = crate::modules::sys_lazy_attr(self, obj, n.as_str())? {
                    return Ok(Some(v));
                }
            }
            return self.special_attr(obj, n.as_str());
        }
        // Types: look along the type's own MRO, binding classmethods to the class.
        if let (Some(Payload::Type(_)), Value::Obj(cls)) = (obj.payload(), obj) {
            if let Some(v) = self.type_attr(cls, name) {
                if let Some(get) = self.user_descriptor(&v).and_then(|d| d.get) {
                    return self
                        .call_with(&get, [v, Value::None, obj.clone()])
                        .map(Some);
                }
                return Ok(Some(self.bind_for_class(v, obj)?));
            }
            if let Some(v) = self.special_attr(obj, n.as_str())? {
                return Ok(Some(v));
            }
            // Then its metaclass's (`C.mro()`), bound to the class.
            let meta = self.type_of(obj);
            return Ok(meta.payload_type().lookup(n).map(|v| self.bind(v, obj)));
        }
        let t = self.type_of(obj);
        let cls_attr = self.type_attr(&t, name);
        // Data descriptors (properties, and Python classes with `__set__` or
        // `__delete__`) win over the instance dict.
        let mut descriptor_get = None;
        if let Some(ca) = &cls_attr {
            if let Some(Payload::Property(p)) = ca.payload() {
                let f = self.property_fn(p, &p.fget, "getter", obj)?;
                return self.call_with(&f, [obj.clone()]).map(Some);
            }
            if let Some(d) = self.user_descriptor(ca) {
                if let (true, Some(get)) = (d.is_data(), &d.get) {
                    let args = vec![ca.clone(), obj.clone(), Value::Obj(t.clone())];
                    return self.call(get, args, &[]).map(Some);
                }
                descriptor_get = d.get;
            }
        }
        if let Some(Payload::Instance(inst)) = obj.payload() {
            if let Some(v) = inst.dict().borrow().get_str(n) {
                return Ok(Some(v.clone()));
            }
        }
        if let Some(Payload::Function(f)) = obj.payload() {
            if let Some(v) = f.attribute(n) {
                return Ok(Some(v));
            }
        }
        if let Some(ca) = cls_attr {
            if let Some(get) = descriptor_get {
                return self
                    .call_with(&get, [ca, obj.clone(), Value::Obj(t)])
                    .map(Some);
            }
            return Ok(Some(self.bind(ca, obj)));
        }
        self.special_attr(obj, n.as_str())
    }

    /// `lookup` of the attribute `name` (a str) along the MRO of the type `t`, through
    /// the type attribute cache: as CPython's `_PyType_Lookup`, for the lookups no
    /// instruction's inline cache serves (`getattr`, `hasattr`, a class's
    /// attributes). A `hasattr` miss on a class with two bases looked in three dicts.
    pub(crate) fn type_attr(&self, t: &Rc<Object>, name: &Value) -> Option<Value> {
        let Value::Str(n) = name else {
            return t.payload_type().lookup(name.as_pystr()?);
        };
        // The entry holds the name, so its address names no other string.
        let key = NameKey(Rc::as_ptr(n) as usize, usize::MAX);
        self.cached_type_lookup(t, key, || Some(n.clone()), || t.payload_type().lookup(n))
    }

    /// `type_attr` of a name the runtime asks for (`__getitem__`, `__add__`): keyed by
    /// the text's address and length, which no other text has while the program runs.
    fn type_attr_static(&self, t: &Rc<Object>, name: &'static str) -> Option<Value> {
        let key = NameKey(name.as_ptr() as usize, name.len());
        self.cached_type_lookup(
            t,
            key,
            || None,
            || t.payload_type().lookup(&crate::object::PyStr::new(name)),
        )
    }

    /// The type attribute cache's lookup of `key` on `t`: the entry's word when it was
    /// made for them in this type epoch, else `lookup`'s answer, remembered when it
    /// fits a word (with `keep`, what keeps the key's address the name's).
    #[inline(always)]
    fn cached_type_lookup(
        &self,
        t: &Rc<Object>,
        key: NameKey,
        keep: impl FnOnce() -> Option<Rc<PyStr>>,
        lookup: impl FnOnce() -> Option<Value>,
    ) -> Option<Value> {
        let epoch = crate::object::typ::type_epoch();
        let ty = Rc::as_ptr(t) as usize;
        let slot = ((ty >> 4) ^ (key.0 >> 3)) % TYPE_ATTR_SLOTS;
        {
            let cache = self.type_attrs.borrow();
            let e = &cache[slot];
            if e.epoch == epoch && e.ty == ty && e.key == key {
                // SAFETY: as in `class_lookup_slow`: in the entry's epoch the type at
                // `ty` is the same live class, whose MRO dicts still hold the value.
                return (e.word != 0).then(|| unsafe { cached_value(e.word) });
            }
        }
        let found = lookup();
        let word = match &found {
            None => Some(0),
            Some(v) => cache_word(v),
        };
        if let Some(word) = word {
            self.type_attrs.borrow_mut()[slot] = TypeAttrEntry {
                epoch,
                ty,
                key,
                _keep: keep(),
                word,
            };
        }
        found
    }

    /// Bind a class attribute found for an instance: functions become bound methods.
    pub fn bind(&self, attr: Value, obj: &Value) -> Value {
        match attr.payload() {
            Some(Payload::Function(_)) => Value::new_obj(Payload::BoundMethod {
                func: attr,
                receiver: obj.clone(),
            }),
            Some(Payload::Native(n)) if n.is_method => Value::new_obj(Payload::BoundMethod {
                func: attr,
                receiver: obj.clone(),
            }),
            Some(Payload::StaticMethod(f)) => f.clone(),
            Some(Payload::ClassMethod(f)) => Value::new_obj(Payload::BoundMethod {
                func: f.clone(),
                receiver: Value::Obj(self.type_of(obj)),
            }),
            _ => attr,
        }
    }

    fn bind_for_class(&mut self, attr: Value, cls: &Value) -> PyResult<Value> {
        Ok(match attr.payload() {
            Some(Payload::StaticMethod(f)) => f.clone(),
            Some(Payload::ClassMethod(f)) => Value::new_obj(Payload::BoundMethod {
                func: f.clone(),
                receiver: cls.clone(),
            }),
            _ => attr,
        })
    }

    pub fn setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        self.attr_name(name)?;
        match obj.payload() {
            Some(Payload::Instance(_)) => {
                if let Some(sa) = self.lookup_user_special(obj, "__setattr__") {
                    self.call_with(&sa, [obj.clone(), name.clone(), v])?;
                    return Ok(());
                }
                self.setattr_generic(obj, name, v)
            }
            _ => self.setattr_other(obj, name, v),
        }
    }

    /// `object.__setattr__`: a data descriptor's setter (a property's, or a Python
    /// `__set__`), else the instance's own namespace.
    pub fn setattr_generic(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let n = self.attr_name(name)?;
        let Some(Payload::Instance(inst)) = obj.payload() else {
            return self.setattr_other(obj, name, v);
        };
        let t = self.type_of(obj);
        if let Some(ca) = t.payload_type().lookup(n) {
            if let Some(Payload::Property(p)) = ca.payload() {
                let f = self.property_fn(p, &p.fset, "setter", obj)?;
                self.call_with(&f, [obj.clone(), v])?;
                return Ok(());
            }
            if let Some(d) = self.user_descriptor(&ca).filter(Descriptor::is_data) {
                let Some(set) = d.set else {
                    return Err(PyErr::attribute_error("__set__"));
                };
                self.call_with(&set, [ca, obj.clone(), v])?;
                return Ok(());
            }
        }
        // An exception's own fields.
        if let Some(e) = inst.exc() {
            let or_none = |v: Value| if v.is_none() { None } else { Some(v) };
            match n.as_str() {
                "__cause__" => {
                    self.set_cause(obj, or_none(v));
                    return Ok(());
                }
                "__traceback__" => return self.set_traceback(obj, &v),
                "__context__" => {
                    *e.context.borrow_mut() = or_none(v);
                    return Ok(());
                }
                "args" => {
                    let items = self.collect_iterable(&v)?;
                    *e.args.borrow_mut() = items;
                    return Ok(());
                }
                _ => {}
            }
        }
        if let Some(r) = special_store(inst, n.as_str(), &v) {
            return r;
        }
        inst.dict()
            .borrow_mut()
            .set_str(name.as_pystr().unwrap().clone(), v);
        Ok(())
    }

    /// `setattr` on what is not an instance: a class, a module, a function, or a
    /// built-in object (only its properties' setters).
    fn setattr_other(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let n = self.attr_name(name)?;
        match obj.payload() {
            Some(Payload::Type(t)) => {
                t.dict
                    .borrow_mut()
                    .set_str(name.as_pystr().unwrap().clone(), v);
                crate::object::typ::bump_type_epoch();
                Ok(())
            }
            Some(Payload::Module(m)) => {
                if let Payload::Dict(d) = &m.dict.payload {
                    d.borrow_mut().set_str(name.as_pystr().unwrap().clone(), v);
                }
                Ok(())
            }
            Some(Payload::Function(f)) => {
                match n.as_str() {
                    "__name__" => {
                        *f.name.borrow_mut() = Rc::from(self.str_of(&v)?.as_str());
                    }
                    "__qualname__" => {
                        *f.qualname.borrow_mut() = Rc::from(self.str_of(&v)?.as_str());
                    }
                    _ => {
                        if let Payload::Dict(d) = &f.dict_object().payload {
                            let old = d.borrow_mut().set_str_ref(name.as_pystr().unwrap(), v);
                            drop(old);
                        }
                    }
                }
                Ok(())
            }
            _ => {
                let tn = self.type_name(obj);
                let ca = self.type_of(obj).payload_type().lookup(n);
                if let Some(Payload::Property(p)) = ca.as_ref().and_then(|c| c.payload()) {
                    if !p.fset.is_none() {
                        let f = p.fset.clone();
                        self.call_with(&f, [obj.clone(), v])?;
                        return Ok(());
                    }
                }
                if ca.is_some() {
                    Err(PyErr::attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        tn,
                        n.as_str()
                    )))
                } else {
                    Err(PyErr::attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        tn,
                        n.as_str()
                    )))
                }
            }
        }
    }

    /// `del obj.name`: a user `__delattr__` if the class defines one, else
    /// `object.__delattr__`.
    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        self.attr_name(name)?;
        if let Some(Payload::Instance(_)) = obj.payload() {
            if let Some(hook) = self.lookup_user_special(obj, "__delattr__") {
                self.call_with(&hook, [obj.clone(), name.clone()])?;
                return Ok(());
            }
        }
        self.delattr_generic(obj, name)
    }

    /// `object.__delattr__`: a property's deleter, or removal from the namespace.
    pub fn delattr_generic(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = self.attr_name(name)?;
        if let Some(Payload::Instance(_)) = obj.payload() {
            let t = self.type_of(obj);
            let found = t.payload_type().lookup(n);
            if let Some(Payload::Property(p)) = found.as_ref().and_then(|c| c.payload()) {
                let f = self.property_fn(p, &p.fdel, "deleter", obj)?;
                self.call_with(&f, [obj.clone()])?;
                return Ok(());
            }
            if let Some(ca) = found {
                if let Some(d) = self.user_descriptor(&ca).filter(Descriptor::is_data) {
                    let Some(delete) = d.delete else {
                        return Err(PyErr::attribute_error("__delete__"));
                    };
                    self.call_with(&delete, [ca, obj.clone()])?;
                    return Ok(());
                }
            }
        }
        let removed = match obj.payload() {
            Some(Payload::Instance(inst)) => inst.dict().borrow_mut().remove_str(n).is_some(),
            Some(Payload::Type(t)) => {
                crate::object::typ::bump_type_epoch();
                t.dict.borrow_mut().remove_str(n).is_some()
            }
            Some(Payload::Module(m)) => match &m.dict.payload {
                Payload::Dict(d) => d.borrow_mut().remove_str(n).is_some(),
                _ => false,
            },
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.attr_error(obj, name))
        }
    }

    /// `hasattr(obj, name)`, `name` a str (the caller's: a new one would be hashed
    /// again for the lookup).
    pub fn hasattr(&mut self, obj: &Value, name: &Value) -> PyResult<bool> {
        Ok(self.getattr_suppressed(obj, name)?.is_some())
    }

    /// `getattr(obj, name)` with its AttributeError as None (`hasattr`, `getattr`'s
    /// default), as CPython's `_PyObject_LookupAttr`: a plain miss (no `__getattr__`)
    /// makes no error at all, where building and matching one cost ten times the
    /// lookup. Other errors propagate.
    pub fn getattr_suppressed(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        match self.getattr_or_hook(obj, name) {
            Ok(v) => Ok(v),
            Err(e) => {
                let e = self.materialize(e);
                if self.is_instance_of_kind(&e, ExcKind::AttributeError) {
                    Ok(None)
                } else {
                    Err(PyErr::Obj(e))
                }
            }
        }
    }
}

/// LOAD_ATTR's inline-cache hit: an instance attribute at the dict entry the site
/// found it at last time. The value comes back in registers, for the loop to write
/// over its operand; `Vm::load_attr_cached` does the rest.
#[inline(always)]
pub(crate) fn attr_cache_hit(
    obj: &Object,
    name: &Value,
    site: &Cell<InlineCache>,
) -> Option<Value> {
    let Payload::Instance(inst) = &obj.payload else {
        return None;
    };
    let ix = attr_site_index(site, inst, false)?;
    let n = name.as_pystr()?;
    // SAFETY: one value is read and cloned; no code runs while the dict is looked at,
    // so no borrow guard is needed (a writer holding one makes this a miss).
    let d = unsafe { inst.dict().try_borrow_unguarded() }.ok()?;
    d.value_at_if_key(ix, n).cloned()
}

/// LOAD_METHOD's hit: the plain method (a Python function or a built-in method) that
/// the site's class cache holds for the receiver's class, when an instance's own dict
/// does not shadow it. Only the common receivers (instances, generators, coroutines,
/// str, list, dict) are tried; `Vm::load_method_cached` does the rest.
#[inline(always)]
pub(crate) fn method_cache_hit(
    types: &super::builtins_types::Types,
    obj: &Value,
    name: &Value,
    cache: &Cell<ClassCache>,
) -> Option<Value> {
    let cls = match obj {
        Value::Str(_) => &types.str_,
        Value::Obj(o) => match &o.payload {
            Payload::Instance(inst) => &inst.class,
            Payload::Generator(g) => match g.kind {
                super::generator::GenKind::Generator => &types.generator,
                super::generator::GenKind::Coroutine => &types.coroutine,
                super::generator::GenKind::AsyncGenerator => return None,
            },
            Payload::List(_) => &types.list,
            Payload::Dict(_) => &types.dict,
            _ => return None,
        },
        _ => return None,
    };
    unshadowed_method(obj, cls, name.as_pystr()?, cache)
}

/// The plain method (a Python function, or a built-in method) `name` that `cls` has,
/// through the site's `cache`, unless `obj`, an instance of `cls`, shadows it in its
/// own dict. Anything else is left to `getattr`.
#[inline(always)]
fn unshadowed_method(
    obj: &Value,
    cls: &Rc<Object>,
    n: &Rc<PyStr>,
    cache: &Cell<ClassCache>,
) -> Option<Value> {
    let Some(Value::Obj(m)) = class_lookup(cls, n, cache) else {
        return None;
    };
    let is_method = match &m.payload {
        Payload::Function(_) => true,
        Payload::Native(nf) => nf.is_method,
        _ => false,
    };
    if !is_method {
        return None;
    }
    if let Some(Payload::Instance(inst)) = obj.payload() {
        if inst.dict().borrow().index_of_attr(n).is_some() {
            return None;
        }
    }
    Some(Value::Obj(m))
}

impl Vm {
    /// LOAD_ATTR when `attr_cache_hit` missed: instances of user classes look in their
    /// dict and class and fill the site; others go as `getattr`. Pushed: a property's
    /// getter frame, whose result lands on the stack when it returns.
    pub(crate) fn load_attr_cached(
        &mut self,
        obj: &Value,
        name: &Value,
        cache: &Cell<ClassCache>,
        site: &Cell<InlineCache>,
    ) -> PyResult<CallOutcome> {
        let Some(Payload::Instance(inst)) = obj.payload() else {
            return self.getattr(obj, name).map(CallOutcome::Done);
        };
        let n = name.as_pystr().expect("attribute names are strings");
        let t = inst.class.payload_type();
        let hooks = t.attr_hooks();
        // The instance dict answers first unless the class has a data descriptor of
        // that name; the site's cache (keyed by class and type epoch) can then say so
        // too, as the class's answer stays the same while the epoch does.
        let dict_first = !hooks.data_descriptors
            || !class_lookup(&inst.class, n, cache)
                .as_ref()
                .is_some_and(crate::object::typ::is_data_descriptor);
        if dict_first {
            let d = inst.dict().borrow();
            if let Some(ix) = d.index_of_attr(n) {
                fill_attr_site(site, inst, ix);
                return Ok(CallOutcome::Done(d.value_at(ix).clone()));
            }
        }
        let found = class_lookup(&inst.class, n, cache);
        if let Some(ca) = &found {
            if let Some(Payload::Property(p)) = ca.payload() {
                // A getter in Python taking only the instance runs in a frame of its
                // own (a nested run of the loop cost ~500 instructions more), as
                // CPython 3.12's LOAD_ATTR_PROPERTY, unless an AttributeError from it
                // would go to the class's `__getattr__`.
                if let Some(Payload::Function(f)) = p.fget.payload() {
                    if f.plain_argc == 1 && !hooks.getattr {
                        return self.push_self_call(f, obj.clone());
                    }
                }
            }
            if matches!(ca.payload(), Some(Payload::Property(_)))
                || self.user_descriptor(ca).is_some()
            {
                return self.getattr(obj, name).map(CallOutcome::Done);
            }
        }
        if hooks.data_descriptors {
            if let Some(v) = inst.dict().borrow().get_str(n) {
                return Ok(CallOutcome::Done(v.clone()));
            }
        }
        let v = match found {
            Some(ca) => self.bind(ca, obj),
            None if !hooks.getattr && inst.exc().is_none() => {
                // Names every object has (`__class__`, `__dict__`) are answered last.
                match self.special_attr(obj, n.as_str())? {
                    Some(v) => v,
                    None => return Err(self.attr_error(obj, name)),
                }
            }
            None => self.getattr(obj, name)?,
        };
        Ok(CallOutcome::Done(v))
    }

    /// STORE_ATTR for instances without properties or a Python `__setattr__`.
    pub(crate) fn store_attr_cached(
        &mut self,
        obj: &Value,
        name: &Value,
        v: Value,
        cache: &Cell<ClassCache>,
        site: &Cell<InlineCache>,
    ) -> PyResult<()> {
        if let Some(Payload::Instance(inst)) = obj.payload() {
            let n = name.as_pystr().expect("attribute names are strings");
            if let Some(ix) = attr_site_index(site, inst, true) {
                let mut d = inst.dict().borrow_mut();
                if let Some(slot) = d.value_at_if_key_mut(ix, n) {
                    let old = std::mem::replace(slot, v);
                    drop(d);
                    drop(old);
                    return Ok(());
                }
            }
            if inst.exc().is_none() {
                let t = inst.class.payload_type();
                let hooks = t.attr_hooks();
                let descriptor_wins = hooks.data_descriptors
                    && class_lookup(&inst.class, n, cache)
                        .as_ref()
                        .is_some_and(crate::object::typ::is_data_descriptor);
                if !hooks.setattr && !descriptor_wins {
                    // Replaced and added apart, so that no `Option<Value>` of the old
                    // value comes back through memory: written as two words and read
                    // as one 16-byte load, it stalled every `self.x = x` in __init__.
                    let mut d = inst.dict().borrow_mut();
                    let (ix, old) = match d.index_of_str(n) {
                        Some(ix) => (ix, std::mem::replace(d.value_at_mut(ix), v)),
                        None => (d.add_str(n, v), Value::Null),
                    };
                    drop(d);
                    // (With data descriptors elsewhere in the class, the site is
                    // valid for this class and epoch only: `attr_site_index` asks
                    // other classes again, as LOAD_ATTR's filling does.)
                    fill_attr_site(site, inst, ix);
                    if old.is_null() && n.as_str().starts_with("__") {
                        return refuse_special_store(inst, n);
                    }
                    drop(old);
                    return Ok(());
                }
            }
        }
        self.setattr(obj, name, v)
    }

    /// LOAD_METHOD: the function and its receiver, without building a bound method, when
    /// the type has a plain method of that name (found through the inline `cache`, see
    /// `class_lookup`) that the instance does not shadow.
    pub(crate) fn load_method_cached(
        &mut self,
        obj: Value,
        name: &Value,
        cache: &Cell<ClassCache>,
    ) -> PyResult<(Value, Option<Value>)> {
        let n = name.as_pystr().expect("attribute names are strings");
        let t = match obj.payload() {
            Some(Payload::Type(_)) => {
                // `Class.method(obj)`: a plain function found along the class's MRO
                // is the attribute itself, as `getattr` would find and return it; the
                // site's class cache answers, as it does for methods of instances.
                if let Value::Obj(cls) = &obj {
                    if let Some(Value::Obj(f)) = class_lookup(cls, n, cache) {
                        if matches!(f.payload, Payload::Function(_)) {
                            return Ok((Value::Obj(f), None));
                        }
                    }
                }
                return Ok((self.getattr(&obj, name)?, None));
            }
            Some(Payload::Super { typ, obj: inner }) => {
                // `super().method(...)`: a plain function found after `typ` is called
                // with the instance, as LOAD_METHOD does for instances, with no bound
                // method made (`__class__` is the super object's own attribute).
                if !matches!(inner.payload(), Some(Payload::Type(_))) && n.as_str() != "__class__" {
                    if let Some(f) = super::builtins::super_find(self, typ, inner, n) {
                        if matches!(f.payload(), Some(Payload::Function(_))) {
                            return Ok((f, Some(inner.clone())));
                        }
                    }
                }
                return Ok((self.getattr(&obj, name)?, None));
            }
            Some(Payload::Module(_)) => {
                return Ok((self.getattr(&obj, name)?, None));
            }
            Some(Payload::Instance(inst)) => inst.class.clone(),
            _ => self.type_of(&obj),
        };
        if let Some(m) = unshadowed_method(&obj, &t, n, cache) {
            return Ok((m, Some(obj)));
        }
        Ok((self.getattr(&obj, name)?, None))
    }
}

/// A descriptor defined in Python (`Vm::user_descriptor`): its methods.
pub(crate) struct Descriptor {
    get: Option<Value>,
    set: Option<Value>,
    delete: Option<Value>,
}

impl Descriptor {
    /// A data descriptor (it has `__set__` or `__delete__`) wins over the instance dict.
    fn is_data(&self) -> bool {
        self.set.is_some() || self.delete.is_some()
    }
}

/// The dict entry a LOAD_ATTR / STORE_ATTR site found its name at last time, if the
/// instance dict answers first for `inst`: the cached class in the same type epoch is
/// known to let it; another class (a subclass at a shared site, often with the same
/// layout) is asked, for a store also whether it has a Python `__setattr__`.
#[inline]
fn attr_site_index(
    site: &Cell<InlineCache>,
    inst: &crate::object::Instance,
    store: bool,
) -> Option<usize> {
    let InlineCache::Attr {
        class,
        epoch,
        index,
    } = site.get()
    else {
        return None;
    };
    if class == Rc::as_ptr(&inst.class) as usize && epoch == crate::object::typ::type_epoch() {
        return Some(index as usize);
    }
    let hooks = inst.class.payload_type().attr_hooks();
    let dict_answers =
        !hooks.data_descriptors && (!store || (!hooks.setattr && inst.exc().is_none()));
    dict_answers.then_some(index as usize)
}

/// Remember where an instance of `inst`'s class holds the site's name. Only for
/// classes whose instance dict answers first (no data descriptors; for STORE_ATTR also
/// no Python `__setattr__`), as the callers check.
fn fill_attr_site(site: &Cell<InlineCache>, inst: &crate::object::Instance, ix: usize) {
    if let Ok(index) = u32::try_from(ix) {
        site.set(InlineCache::Attr {
            class: Rc::as_ptr(&inst.class) as usize,
            epoch: crate::object::typ::type_epoch(),
            index,
        });
    }
}

/// Storing `__class__` or `__dict__` on an instance: CPython retypes the object or
/// swaps its namespace, which pyco cannot do, so it says so rather than store a plain
/// attribute of that name (re-assigning the instance's own class changes nothing).
/// None for any other name.
fn special_store(inst: &crate::object::Instance, n: &str, v: &Value) -> Option<PyResult<()>> {
    match n {
        "__class__" if matches!(v, Value::Obj(c) if Rc::ptr_eq(c, &inst.class)) => Some(Ok(())),
        "__class__" | "__dict__" => Some(Err(PyErr::type_error(format!(
            "pyco does not support assigning {n} yet"
        )))),
        _ => None,
    }
}

/// A new attribute whose name starts with `__`, just stored by STORE_ATTR's fast path
/// (which does not look at names): taken back if `special_store` refuses it.
#[cold]
#[inline(never)]
fn refuse_special_store(inst: &crate::object::Instance, n: &Rc<PyStr>) -> PyResult<()> {
    let Some(v) = inst.dict().borrow().get_str(n).cloned() else {
        return Ok(());
    };
    match special_store(inst, n.as_str(), &v) {
        Some(r) => {
            let old = inst.dict().borrow_mut().remove_str(n);
            drop(old);
            r
        }
        None => Ok(()),
    }
}

/// `lookup_cached` of `name` on the class `cls` through an inline cache (LOAD_METHOD's,
/// or LOAD_ATTR/STORE_ATTR's): the last two classes and what the name is there, by
/// address (0: not found). An entry is used only in the type epoch it was found in: the
/// epoch moves whenever any class namespace changes or any type is freed, so a matching
/// address is the same live class, whose MRO dicts still hold the object. Strings and
/// ints (`rate = 3`) are cached too (see `cache_word`); floats and the like are not.
///
/// The most recent class hitting is inline; the rest, out of line, was 37 instructions
/// for a hit (a call, a copy of the cache, the result through memory).
#[inline(always)]
fn class_lookup(cls: &Rc<Object>, name: &Rc<PyStr>, cache: &Cell<ClassCache>) -> Option<Value> {
    let c = cache.get();
    let (ty, found) = c.entries[0];
    if ty == Rc::as_ptr(cls) as usize
        && found != 0
        && found & WORD_TAG == 0
        && c.epoch == crate::object::typ::type_epoch()
    {
        // SAFETY: a class dict in this epoch still holds the object.
        return Some(Value::Obj(unsafe {
            Rc::increment_strong_count(found as *const Object);
            Rc::from_raw(found as *const Object)
        }));
    }
    class_lookup_slow(cls, name, cache)
}

/// The type attribute cache's size (`Vm::type_attr`): direct-mapped, 16 KiB.
pub(crate) const TYPE_ATTR_SLOTS: usize = 512;

/// An entry of the type attribute cache: in type epoch `epoch`, looking the name
/// `key` up on the type at address `ty` finds `word` (a `cache_word`, 0: not found).
/// `_keep` holds a string key, so that its address names no other string.
#[derive(Clone, Default)]
pub(crate) struct TypeAttrEntry {
    epoch: u64,
    ty: usize,
    key: NameKey,
    _keep: Option<Rc<PyStr>>,
    word: usize,
}

/// A name as the type attribute cache keys it: a string object's address (and
/// `usize::MAX`), or a static text's address and length.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct NameKey(usize, usize);

/// The tag bits of a `cache_word`: 0 an object's address, `STR_WORD` a string's,
/// `INT_WORD` an int shifted left past them. (Both kinds of block are aligned to 8.)
const WORD_TAG: usize = 3;
const STR_WORD: usize = 1;
const INT_WORD: usize = 2;

/// A class attribute as a class cache holds it: one word, 0 for none.
#[inline]
fn cache_word(v: &Value) -> Option<usize> {
    match v {
        Value::Obj(o) => Some(Rc::as_ptr(o) as usize),
        Value::Str(s) => Some(Rc::as_ptr(s) as usize | STR_WORD),
        Value::Int(i) if (i << 2) >> 2 == *i => Some((i << 2) as usize | INT_WORD),
        _ => None,
    }
}

/// The value of a non-zero `cache_word`.
///
/// # Safety
/// An object or string word's block is alive (a class dict in the word's epoch holds it).
#[inline]
unsafe fn cached_value(word: usize) -> Value {
    match word & WORD_TAG {
        0 => {
            Rc::increment_strong_count(word as *const Object);
            Value::Obj(Rc::from_raw(word as *const Object))
        }
        STR_WORD => {
            let p = (word & !WORD_TAG) as *const PyStr;
            Rc::increment_strong_count(p);
            Value::Str(Rc::from_raw(p))
        }
        _ => Value::Int(word as i64 >> 2),
    }
}

/// `class_lookup` past its inline hit: the second entry, or the lookup that fills
/// the cache.
#[inline(never)]
fn class_lookup_slow(
    cls: &Rc<Object>,
    name: &Rc<PyStr>,
    cache: &Cell<ClassCache>,
) -> Option<Value> {
    let epoch = crate::object::typ::type_epoch();
    let taddr = Rc::as_ptr(cls) as usize;
    let c = cache.get();
    if c.epoch == epoch {
        if let Some(&(_, found)) = c.entries.iter().find(|(ty, _)| *ty == taddr) {
            if found == 0 {
                return None;
            }
            // SAFETY: a class dict in this epoch still holds the object or string.
            return Some(unsafe { cached_value(found) });
        }
    }
    let found = cls.payload_type().lookup_cached(name);
    let addr = match &found {
        None => 0,
        Some(v) => match cache_word(v) {
            Some(w) => w,
            None => return found,
        },
    };
    let mut c = if c.epoch == epoch {
        c
    } else {
        ClassCache {
            epoch,
            ..Default::default()
        }
    };
    c.entries[1] = c.entries[0];
    c.entries[0] = (taddr, addr);
    cache.set(c);
    found
}
