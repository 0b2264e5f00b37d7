//! Type objects (builtin and user classes) and instances of user classes.

use super::{Dict, Object, Value};
use crate::bytecode::CodeObject;
use std::cell::{Cell, RefCell};
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
    /// Bumped whenever this class's dict changes (for attribute caches).
    pub version: Cell<u64>,
}

/// Where an exception was raised through: a code object and the faulting instruction.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<CodeObject>,
    pub ip: u32,
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
    pub dict: RefCell<Dict>,
    pub exc: Option<Box<ExcData>>,
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
