//! Python functions (code + globals + defaults + closure) and native functions.

use super::{Dict, Object, PyResult, Value};
use crate::bytecode::CodeObject;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

pub struct Function {
    /// `code.argcount` when the code takes only positional parameters (no `*args`,
    /// `**kwargs` or keyword-only ones), else u32::MAX: the call fast path's test,
    /// read from the function itself rather than through its code object.
    pub simple_argc: u32,
    /// `simple_argc` for a plain function, u32::MAX for a generator, coroutine or
    /// async generator function: the exact-args call's one test, with no load of the
    /// code's flags ahead of the frame push.
    pub plain_argc: u32,
    pub code: Rc<CodeObject>,
    pub globals: Rc<Object>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by name.
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    /// Cells for the code's free variables.
    pub closure: Vec<Value>,
    /// `f.__dict__`, a dict object made on the first attribute store or `__dict__`
    /// read (so that writes through `f.__dict__` are the function's attributes).
    pub dict: RefCell<Option<Rc<super::Object>>>,
    pub doc: Value,
}

impl Function {
    /// The attributes' dict object, made when first needed.
    pub fn dict_object(&self) -> Rc<super::Object> {
        self.dict
            .borrow_mut()
            .get_or_insert_with(|| {
                super::Object::new(super::Payload::Dict(RefCell::new(Dict::new())))
            })
            .clone()
    }

    /// The attribute `name`, if one was set.
    pub fn attribute(&self, name: &super::PyStr) -> Option<Value> {
        let d = self.dict.borrow().clone()?;
        match &d.payload {
            super::Payload::Dict(d) => d.borrow().get_str(name).cloned(),
            _ => None,
        }
    }
}

/// A native callable: `args` are all argument values (positional first, then the values
/// of keyword arguments), `kwnames` the names of the trailing keyword values.
pub type NativeFn = fn(&mut Vm, &[Value], &[Value]) -> PyResult<Value>;

pub struct NativeFunc {
    pub name: &'static str,
    pub func: NativeFn,
    /// Binds like a method when found on a type (`"x".upper`).
    pub is_method: bool,
    /// `sum`, `list`... : a call of it with one generator may run the generator in
    /// the loop (`vm/consume.rs`). Kept here so other calls test one byte.
    pub consumes: bool,
    /// Extra data for closures made by the runtime (e.g. a bound module object).
    pub data: Value,
    /// Its positional-argument count, checked before it runs, for the built-ins whose
    /// count CPython checks (`vm/arity.rs`).
    pub(crate) arity: Option<&'static crate::vm::arity::ArityRule>,
    /// The common case of a call, answered without the general call (`vm/quick.rs`).
    pub(crate) quick: Option<crate::vm::quick::QuickFn>,
}

/// `Function::plain_argc` for `code`.
pub fn plain_argc(code: &CodeObject) -> u32 {
    if code.is_generator_like() {
        u32::MAX
    } else {
        simple_argc(code)
    }
}

/// `Function::simple_argc` for `code`.
pub fn simple_argc(code: &CodeObject) -> u32 {
    use crate::bytecode::flags;
    if code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0 && code.kwonlyargcount == 0 {
        code.argcount
    } else {
        u32::MAX
    }
}
