//! Type objects (builtin and user classes) and instances of user classes.

use super::{Dict, Object, Value};
use crate::bytecode::CodeObject;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// Which builtin type a type object is (or, for user classes, `User`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Type,
    Int,
    Bool,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Bytes,
    Range,
    Slice,
    NoneType,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Generator,
    Coroutine,
    AsyncGenerator,
    Cell,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Code,
    Iterator,
    NotImplementedType,
    Ellipsis,
    BaseException,
    Opaque,
    User,
}

pub struct TypeObj {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<Rc<Object>>,
    /// Method resolution order, excluding the type itself (kept out to avoid an Rc cycle).
    pub mro: Vec<Rc<Object>>,
    pub dict: RefCell<Dict>,
    pub kind: TypeKind,
    /// Instances carry exception state (the class derives from BaseException).
    pub is_exception: bool,
    /// Memoised MRO lookups (cleared whenever any class changes).
    pub cache: TypeCache,
    /// A built-in constructor's argument count (`list(1, 2)` is an error).
    pub(crate) ctor_arity: Option<&'static crate::vm::arity::ArityRule>,
}

thread_local! {
    /// Bumped whenever any class's namespace changes: invalidates every type's cache.
    static TYPE_EPOCH: Cell<u64> = const { Cell::new(1) };
}

pub fn bump_type_epoch() {
    TYPE_EPOCH.with(|e| e.set(e.get() + 1));
}

/// A data descriptor: a property, or an instance of a class that defines `__set__` or
/// `__delete__` in Python. Found on a class, it wins over the instance dict.
///
/// Asked while the attribute hooks are computed, which can happen while some class
/// namespace is being changed (a finalizer's class asked as a value is dropped): a
/// namespace in use answers "yes", which only sends lookups the general way until the
/// change moves the type epoch.
pub fn is_data_descriptor(v: &Value) -> bool {
    match v.payload() {
        Some(super::Payload::Property(_)) => true,
        Some(super::Payload::Instance(i)) => {
            let t = i.class.payload_type();
            let classes = std::iter::once(t).chain(t.mro.iter().filter_map(|m| match &m.payload {
                super::Payload::Type(t) => Some(&**t),
                _ => None,
            }));
            ["__set__", "__delete__"].iter().any(|n| {
                let name = super::PyStr::new(n);
                for c in classes.clone() {
                    let Ok(d) = c.dict.try_borrow() else {
                        return true;
                    };
                    if let Some(f) = d.get_str(&name) {
                        return !matches!(f.payload(), Some(super::Payload::Native(_)));
                    }
                }
                false
            })
        }
        _ => false,
    }
}

/// The current type epoch (never 0).
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.with(|e| e.get())
}

impl Drop for TypeObj {
    /// A type's address may be reused by a new type: caches keyed by type address
    /// (LOAD_METHOD's) must not match it, so a freed type starts a new epoch.
    fn drop(&mut self) {
        let _ = TYPE_EPOCH.try_with(|e| e.set(e.get() + 1));
    }
}

/// Per-type memo of `lookup` for names that code objects use (keyed by the interned
/// string's address, which the stored `Rc` keeps from being reused).
#[derive(Default)]
pub struct TypeCache {
    epoch: Cell<u64>,
    entries: RefCell<HashMap<usize, (Rc<super::PyStr>, Option<Value>), BuildPtrHasher>>,
    hooks: Cell<Option<AttrHooks>>,
    /// `__init__` as the MRO resolves it (outer None: not looked up this epoch). Every
    /// `C(args)` asks, and two map lookups for it were a fifth of an instance's making.
    init: RefCell<Option<Option<Value>>>,
}

/// What attribute access on instances must watch for.
#[derive(Clone, Copy, Debug)]
pub struct AttrHooks {
    /// The class defines `__setattr__` in Python.
    pub setattr: bool,
    /// The class defines `__getattr__` in Python.
    pub getattr: bool,
    /// Some class in the MRO holds a property (a data descriptor), so an instance
    /// attribute may be shadowed by the class.
    pub data_descriptors: bool,
    /// Instances are made by `object.__new__` (no class in the MRO overrides it).
    pub object_new: bool,
    /// The class defines `__del__` in Python.
    pub del: bool,
}

pub(crate) type BuildPtrHasher = std::hash::BuildHasherDefault<PtrHasher>;

/// Addresses are already well spread; mix them once.
#[derive(Default)]
pub struct PtrHasher(u64);

impl std::hash::Hasher for PtrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_right(17);
    }
}

/// Where an exception was raised through: a code object and the faulting instruction.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<CodeObject>,
    pub ip: u32,
    /// The fast locals of the frame the exception left (CPython's traceback keeps the
    /// frame, so what its locals refer to lives until the exception is freed: a
    /// `__del__` runs after the `except` block that caught it, not before).
    pub locals: Option<Rc<[Value]>>,
}

#[derive(Default)]
pub struct ExcData {
    pub args: RefCell<Vec<Value>>,
    pub traceback: RefCell<Vec<TbEntry>>,
    pub cause: RefCell<Option<Value>>,
    pub context: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
}

pub struct Instance {
    pub class: Rc<Object>,
    /// The attributes, inline (no allocation of their own) until `obj.__dict__` is asked
    /// for; then they move to a dict object of their own, which the instance uses from
    /// then on, so that writes through `obj.__dict__` or `vars(obj)` are the instance's.
    own_dict: RefCell<Dict>,
    /// Exception state, the native part of a native type's subclass instance, or the
    /// attributes' dict object (one box, so that plain instances stay small).
    extra: std::cell::OnceCell<Box<Extra>>,
}

pub struct Extra {
    pub kind: ExtraKind,
    /// The attributes' dict object, once `obj.__dict__` has been asked for.
    dict: std::cell::OnceCell<Rc<Object>>,
}

pub enum ExtraKind {
    /// A plain instance whose `__dict__` was asked for.
    Plain,
    /// Instances of exception classes.
    Exc(ExcData),
    /// The native object behind an instance of a user subclass of a native type (the
    /// `Payload::Deque` of `class D(deque)`); the native methods operate on it.
    Native(Rc<Object>),
}

impl Instance {
    pub fn new(class: Rc<Object>, dict: Dict, kind: Option<ExtraKind>) -> Instance {
        let extra = std::cell::OnceCell::new();
        if let Some(kind) = kind {
            let _ = extra.set(Box::new(Extra {
                kind,
                dict: std::cell::OnceCell::new(),
            }));
        }
        Instance {
            class,
            own_dict: RefCell::new(dict),
            extra,
        }
    }

    pub fn exc(&self) -> Option<&ExcData> {
        match self.extra.get().map(|e| &e.kind) {
            Some(ExtraKind::Exc(d)) => Some(d),
            _ => None,
        }
    }

    pub fn native(&self) -> Option<&Rc<Object>> {
        match self.extra.get().map(|e| &e.kind) {
            Some(ExtraKind::Native(o)) => Some(o),
            _ => None,
        }
    }

    /// The attributes.
    #[inline]
    pub fn dict(&self) -> &RefCell<Dict> {
        match self.extra.get() {
            None => &self.own_dict,
            Some(e) => match e.dict.get().map(|o| &o.payload) {
                Some(super::Payload::Dict(d)) => d,
                _ => &self.own_dict,
            },
        }
    }

    /// The attributes' dict object (`obj.__dict__`, `vars(obj)`): made on the first
    /// request by moving the inline attributes into it.
    pub fn dict_object(&self) -> Rc<Object> {
        if let Some(o) = self.extra.get().and_then(|e| e.dict.get()) {
            return o.clone();
        }
        // Nothing borrows the inline dict across a call that can reach here (attribute
        // access runs no Python code while it holds a borrow).
        let attrs = std::mem::take(&mut *self.own_dict.borrow_mut());
        let obj = Object::new(super::Payload::Dict(RefCell::new(attrs)));
        let extra = self.extra.get_or_init(|| {
            Box::new(Extra {
                kind: ExtraKind::Plain,
                dict: std::cell::OnceCell::new(),
            })
        });
        let _ = extra.dict.set(obj.clone());
        obj
    }

    /// The inline attributes (empty once moved to a dict object), for the collector.
    pub(crate) fn inline_dict(&self) -> &RefCell<Dict> {
        &self.own_dict
    }

    /// The attributes' dict object, if `dict_object` made one (for the collector).
    pub fn dict_object_if_any(&self) -> Option<&Rc<Object>> {
        self.extra.get().and_then(|e| e.dict.get())
    }
}

impl TypeObj {
    /// Look a name up along the MRO (the type itself first).
    pub fn lookup(&self, name: &super::PyStr) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get_str(name) {
            return Some(v.clone());
        }
        for t in &self.mro {
            if let super::Payload::Type(t) = &t.payload {
                if let Some(v) = t.dict.borrow().get_str(name) {
                    return Some(v.clone());
                }
            }
        }
        None
    }

    #[inline]
    fn check_epoch(&self) {
        let now = TYPE_EPOCH.with(|e| e.get());
        if self.cache.epoch.get() != now {
            self.reset_cache(now);
        }
    }

    #[cold]
    #[inline(never)]
    fn reset_cache(&self, now: u64) {
        self.cache.entries.borrow_mut().clear();
        self.cache.hooks.set(None);
        drop(self.cache.init.take());
        self.cache.epoch.set(now);
    }

    /// `lookup`, memoised per type for long-lived (interned) names.
    pub fn lookup_cached(&self, name: &Rc<super::PyStr>) -> Option<Value> {
        self.check_epoch();
        let key = Rc::as_ptr(name) as usize;
        if let Some((_, v)) = self.cache.entries.borrow().get(&key) {
            return v.clone();
        }
        let v = self.lookup(name);
        self.cache
            .entries
            .borrow_mut()
            .insert(key, (name.clone(), v.clone()));
        v
    }

    /// `lookup("__init__")`, memoised per type epoch.
    pub fn init_method(&self) -> Option<Value> {
        self.check_epoch();
        if let Some(init) = &*self.cache.init.borrow() {
            return init.clone();
        }
        let init = self.lookup_cached(&super::pystr::intern_static("__init__"));
        *self.cache.init.borrow_mut() = Some(init.clone());
        init
    }

    /// `init_method` when it is an object (a function...), returned in a register:
    /// an `Option<Value>` came back through memory, written as words and read as one
    /// 16-byte load, a stall at every `C(args)`.
    #[inline]
    pub fn init_object(&self) -> Option<Rc<Object>> {
        self.check_epoch();
        if let Some(init) = &*self.cache.init.borrow() {
            return match init {
                Some(Value::Obj(o)) => Some(o.clone()),
                _ => None,
            };
        }
        match self.init_method() {
            Some(Value::Obj(o)) => Some(o),
            _ => None,
        }
    }

    /// The attribute hooks of instances of this class (memoised per type epoch).
    #[inline]
    pub fn attr_hooks(&self) -> AttrHooks {
        self.check_epoch();
        match self.cache.hooks.get() {
            Some(h) => h,
            None => self.compute_attr_hooks(),
        }
    }

    #[cold]
    #[inline(never)]
    fn compute_attr_hooks(&self) -> AttrHooks {
        let user = |n: &str| {
            self.lookup(&super::PyStr::new(n))
                .is_some_and(|f| !matches!(f.payload(), Some(super::Payload::Native(_))))
        };
        let has_data_descriptor =
            |t: &TypeObj| t.dict.borrow().iter().any(|(_, v)| is_data_descriptor(v));
        let data_descriptors = has_data_descriptor(self)
            || self.mro.iter().any(|m| match &m.payload {
                super::Payload::Type(t) => has_data_descriptor(t),
                _ => false,
            });
        let new_name = super::PyStr::new("__new__");
        let defines_new = |t: &TypeObj| t.dict.borrow().get_str(&new_name).is_some();
        let new_owner = std::iter::once(self)
            .chain(self.mro.iter().filter_map(|m| match &m.payload {
                super::Payload::Type(t) => Some(&**t),
                _ => None,
            }))
            .find(|t| defines_new(t));
        let h = AttrHooks {
            setattr: user("__setattr__"),
            getattr: user("__getattr__"),
            data_descriptors,
            del: user("__del__"),
            object_new: new_owner.is_none_or(|t| t.kind == TypeKind::Object)
                && self.builtin_base().is_none(),
        };
        self.cache.hooks.set(Some(h));
        h
    }

    /// Does the class define `__del__` in Python? Asked as an instance is freed, which
    /// can happen while a class namespace is being changed: it answers from the cache
    /// when that is current, and otherwise looks without borrowing a namespace that is
    /// in use (and answers yes if it cannot tell).
    pub fn has_finalizer(&self) -> bool {
        let now = TYPE_EPOCH.with(|e| e.get());
        if self.cache.epoch.get() == now {
            if let Some(h) = self.cache.hooks.get() {
                return h.del;
            }
        }
        let classes = || {
            std::iter::once(self).chain(self.mro.iter().filter_map(|m| match &m.payload {
                super::Payload::Type(t) => Some(&**t),
                _ => None,
            }))
        };
        if classes().all(|t| t.dict.try_borrow().is_ok())
            && self.cache.entries.try_borrow_mut().is_ok()
        {
            return self.attr_hooks().del;
        }
        // A namespace is being changed (a class attribute rebound drops its old
        // value): look where possible, and where not, say yes; the finalizer queue
        // skips an object whose class turns out to have no `__del__`.
        let name = super::PyStr::new("__del__");
        let defines = |t: &TypeObj| match t.dict.try_borrow() {
            Ok(d) => d
                .get_str(&name)
                .map(|f| !matches!(f.payload(), Some(super::Payload::Native(_)))),
            Err(_) => Some(true),
        };
        classes().find_map(defines).unwrap_or(false)
    }

    /// The first built-in type in the MRO whose instances carry built-in state pyco
    /// cannot give a subclass instance (anything but object, exceptions and the native
    /// types that build their subclass instances themselves, like deque).
    pub fn builtin_base(&self) -> Option<&Rc<Object>> {
        self.mro.iter().find(|m| match &m.payload {
            super::Payload::Type(t) => !matches!(
                t.kind,
                TypeKind::User | TypeKind::Object | TypeKind::BaseException | TypeKind::Opaque
            ),
            _ => false,
        })
    }

    /// Is `self` (whose object is `self_obj`) a subtype of `other`?
    pub fn is_subtype(self_obj: &Rc<Object>, other: &Rc<Object>) -> bool {
        if Rc::ptr_eq(self_obj, other) {
            return true;
        }
        match &self_obj.payload {
            super::Payload::Type(t) => t.mro.iter().any(|m| Rc::ptr_eq(m, other)),
            _ => false,
        }
    }
}
