//! The object model: `Value`, the small enum every stack slot holds, and heap objects.
//!
//! Memory is reference counted (`Rc`), as in CPython, so an object is freed the moment its
//! last reference goes — generators' `finally` blocks run promptly. Objects that own a
//! suspended frame queue it for finalization in `Drop`; the VM runs the queue at its next
//! safe point, so no Python code runs inside `Drop`.

pub mod dict;
pub mod exc;
pub mod func;
pub mod gc;
pub mod iter;
pub mod pystr;
pub mod typ;

use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub use dict::Dict;
pub use exc::{ExcKind, PyErr, PyResult};
pub use func::{Function, NativeFn, NativeFunc};
pub use iter::IterState;
pub use pystr::PyStr;
pub use typ::{Instance, TypeKind, TypeObj};

use crate::settable::SetTable;
use crate::vm::generator::Generator;

/// A Python value. Small ints, floats, bools and None are unboxed; 16 bytes.
///
/// The tag is a full word (`repr(u64)`) so that moving a `Value` is two aligned 8-byte
/// moves: with a byte tag LLVM copied it piecewise and the dispatch loop stalled on
/// store forwarding (measured: ~20% of fib).
#[repr(u64)]
pub enum Value {
    /// Internal marker: an unbound local slot, or CALL's NULL. Never user-visible.
    Null,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    BigInt(Rc<BigInt>),
    Str(Rc<PyStr>),
    Obj(Rc<Object>),
}

/// The tag of `Value::BigInt`, the first of the variants holding an `Rc`.
const RC_TAGS_FROM: u64 = 5;

/// Does the value at `p` hold an `Rc` (the last three tags)? One compare, where a
/// match on the variants compared them one by one and a drop jumped through a table.
///
/// # Safety
/// `p` points to an initialised value (`repr(u64)` makes its first word the tag).
#[inline(always)]
unsafe fn holds_rc(p: *const Value) -> bool {
    *(p as *const u64) >= RC_TAGS_FROM
}

impl Clone for Value {
    /// Bump the reference count, then copy the two words straight from the source:
    /// a derived clone rebuilt the value field by field in a temporary, which the
    /// following 16-byte store could not forward from.
    #[inline(always)]
    fn clone(&self) -> Value {
        // SAFETY: `repr(u64)` makes the first word the tag. For the Rc variants the
        // strong count is raised before the bitwise copy, so the copy owns its own
        // reference; the other variants are plain data.
        unsafe {
            if holds_rc(self) {
                match self {
                    Value::BigInt(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
                    Value::Str(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
                    Value::Obj(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
                    _ => std::hint::unreachable_unchecked(),
                }
            }
            std::ptr::read(self)
        }
    }
}

pub struct Object {
    pub payload: Payload,
    /// Position in the cycle collector's registry (`gc::UNTRACKED` when not tracked).
    pub(crate) gc_slot: Cell<u32>,
    /// Its class's `__del__` has been called (or queued): as in CPython (PEP 442), an
    /// object is finalized once, even if `__del__` resurrects it.
    pub(crate) finalized: Cell<bool>,
}

impl Drop for Object {
    fn drop(&mut self) {
        if self.gc_slot.get() != gc::UNTRACKED {
            gc::untrack(self);
        }
        match &mut self.payload {
            Payload::Instance(inst)
                if !self.finalized.get() && inst.class.payload_type().has_finalizer() =>
            {
                self.revive_for_finalizer();
            }
            // CPython releases a list's or tuple's items from the last one back, which
            // shows in the order their finalizers run.
            Payload::List(items) => {
                let items = items.get_mut();
                while let Some(v) = items.pop() {
                    drop(v);
                }
            }
            Payload::Tuple(items) => {
                let mut items = std::mem::take(items).into_vec();
                while let Some(v) = items.pop() {
                    drop(v);
                }
            }
            _ => {}
        }
    }
}

thread_local! {
    /// Instances whose class defines `__del__`, freed since the loop last looked: each
    /// is its payload moved into a new object (the dropped one cannot be resurrected),
    /// for the dispatch loop to call `__del__` on at the next safe point, in the order
    /// they were freed.
    pub(crate) static FINALIZABLE: RefCell<std::collections::VecDeque<Rc<Object>>> =
        const { RefCell::new(std::collections::VecDeque::new()) };
}

impl Object {
    /// A freed instance whose class has `__del__`: queue its state to be finalized.
    /// Drop cannot run Python code (it can happen inside any borrow), so the call waits
    /// for the next safe point, which comes before the next instruction.
    #[cold]
    #[inline(never)]
    fn revive_for_finalizer(&mut self) {
        let payload = std::mem::replace(&mut self.payload, Payload::NotImplemented);
        let revived = Rc::new(Object {
            payload,
            gc_slot: Cell::new(gc::UNTRACKED),
            finalized: Cell::new(true),
        });
        gc::track_quietly(&revived);
        let _ = FINALIZABLE.try_with(|q| q.borrow_mut().push_back(revived));
        crate::vm::signal_pending();
    }
}

pub struct SetObj {
    pub table: RefCell<SetTable<Value>>,
    pub frozen: bool,
}

pub struct Module {
    pub name: Rc<str>,
    pub dict: Rc<Object>,
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    /// The name `__set_name__` gave it in a class body (its errors say it); a property
    /// stored into a class later has none, as in CPython.
    pub name: std::cell::Cell<Option<Rc<PyStr>>>,
}

impl Property {
    pub fn new(fget: Value, fset: Value, fdel: Value) -> Property {
        Property {
            fget,
            fset,
            fdel,
            name: Default::default(),
        }
    }

    pub fn name(&self) -> Option<Rc<PyStr>> {
        let n = self.name.take();
        self.name.set(n.clone());
        n
    }
}

pub enum Payload {
    List(RefCell<Vec<Value>>),
    Tuple(Box<[Value]>),
    Dict(RefCell<Dict>),
    Set(SetObj),
    Bytes(Box<[u8]>),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice(Value, Value, Value),
    Function(Box<Function>),
    Native(NativeFunc),
    BoundMethod {
        func: Value,
        receiver: Value,
    },
    Type(Box<TypeObj>),
    Instance(Instance),
    Cell(RefCell<Value>),
    Generator(Generator),
    Module(Module),
    Code(Rc<crate::bytecode::CodeObject>),
    Iter(RefCell<IterState>),
    DictView(Rc<Object>, iter::ViewKind),
    Property(Property),
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        typ: Rc<Object>,
        obj: Value,
    },
    NotImplemented,
    Ellipsis,
    /// A `collections.deque` (the schedulers' and asyncio's queues).
    Deque(RefCell<crate::modules::collections::Deque>),
    /// An asyncio Future, inline (100,000 waiting tasks hold as many futures).
    Future(crate::modules::aio::FutureObj),
    /// An asyncio Task.
    Task(crate::modules::aio::TaskObj),
    /// An object the runtime keeps for a built-in module (`sys.stdout`, a `deque`...).
    Opaque(RefCell<Box<dyn std::any::Any>>),
}

impl Object {
    pub fn new(payload: Payload) -> Rc<Object> {
        let o = Rc::new(Object {
            payload,
            gc_slot: Cell::new(gc::UNTRACKED),
            finalized: Cell::new(false),
        });
        gc::track(&o);
        o
    }

    /// `new` for hot allocation sites: inlined, and the payload is written straight
    /// into the new allocation (passed to `new`, the payload is built on the stack and
    /// copied, and the copy's wide loads stall on the narrow stores that built it).
    #[inline(always)]
    pub fn new_inline(payload: impl FnOnce() -> Payload) -> Rc<Object> {
        let mut o = Rc::<Object>::new_uninit();
        Rc::get_mut(&mut o)
            .expect("a new Rc is unique")
            .write(Object {
                payload: payload(),
                gc_slot: Cell::new(gc::UNTRACKED),
                finalized: Cell::new(false),
            });
        // SAFETY: initialised by the write above.
        let o = unsafe { o.assume_init() };
        gc::track(&o);
        o
    }
}

impl Value {
    pub fn new_obj(payload: Payload) -> Value {
        Value::Obj(Object::new(payload))
    }

    pub fn str(s: &str) -> Value {
        Value::Str(PyStr::new_rc(s))
    }

    pub fn string(s: String) -> Value {
        Value::Str(PyStr::from_string_rc(s))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::new_obj(Payload::List(RefCell::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::new_obj(Payload::Tuple(items.into_boxed_slice()))
    }

    pub fn dict(d: Dict) -> Value {
        Value::new_obj(Payload::Dict(RefCell::new(d)))
    }

    pub fn bytes(b: Vec<u8>) -> Value {
        Value::new_obj(Payload::Bytes(b.into_boxed_slice()))
    }

    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Drop the value at `p` in place, with one compare of the tag for the plain ones
    /// (as `replace_with`).
    ///
    /// # Safety
    /// As `std::ptr::drop_in_place`: `p` holds an initialised value, not used again.
    #[inline(always)]
    pub unsafe fn drop_in_place(p: *mut Value) {
        if holds_rc(p) {
            std::ptr::drop_in_place(p);
        }
    }

    /// Drop this value with one compare of the tag for the plain ones (POP_TOP, a
    /// sent None thrown away), where the enum's drop jumps through a table.
    #[inline(always)]
    pub fn discard(self) {
        // SAFETY: `self` is an initialised value.
        if unsafe { holds_rc(&self) } {
            drop(self);
        } else {
            std::mem::forget(self);
        }
    }

    /// Put `v` in this slot, releasing the value it held: one compare of the tag for
    /// the plain ones, where dropping through the enum's match is an indirect jump.
    #[inline(always)]
    pub fn replace_with(&mut self, v: Value) {
        std::mem::replace(self, v).discard();
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_obj(&self) -> Option<&Rc<Object>> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }

    pub fn as_pystr(&self) -> Option<&Rc<PyStr>> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.payload() {
            Some(Payload::Tuple(t)) => Some(t),
            _ => None,
        }
    }

    pub fn as_type(&self) -> Option<&TypeObj> {
        match self.payload() {
            Some(Payload::Type(t)) => Some(t),
            _ => None,
        }
    }

    /// Identity, as `is`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython; pyco treats equal unboxed ints as identical.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
            (Value::Str(a), Value::Str(b)) => {
                Rc::ptr_eq(a, b) || (a.len() <= 1 && a.as_str() == b.as_str())
            }
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable address-like identity for `id()` and default reprs.
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as i64,
            Value::Str(s) => Rc::as_ptr(s) as i64,
            Value::BigInt(b) => Rc::as_ptr(b) as i64,
            Value::Int(i) => 0x1000_0000 + i.wrapping_mul(32),
            Value::Float(f) => f.to_bits() as i64 & 0x7fff_ffff_ffff,
            Value::Bool(b) => 0x900 + *b as i64 * 32,
            Value::None => 0x800,
            Value::Null => 0,
        }
    }
}

/// `Cell` helper used by objects that cache a small integer (e.g. string hashes).
pub type CachedHash = Cell<i64>;

#[cfg(test)]
mod tests {
    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
    }

    /// `Value::clone` finds the variants holding an `Rc` by their tag alone.
    #[test]
    fn reference_counted_values_have_the_last_tags() {
        use super::{Value, RC_TAGS_FROM};
        let tag = |v: &Value| unsafe { *(v as *const Value as *const u64) };
        let plain = [
            Value::Null,
            Value::None,
            Value::Bool(true),
            Value::Int(7),
            Value::Float(0.5),
        ];
        assert!(plain.iter().all(|v| tag(v) < RC_TAGS_FROM));
        let big = Value::BigInt(std::rc::Rc::new(num_bigint::BigInt::from(1u8) << 80));
        let counted = [big, Value::str("s"), Value::list(vec![])];
        assert!(counted
            .iter()
            .all(|v| tag(v) >= RC_TAGS_FROM && tag(v) <= 7));
        let copy = counted[2].clone();
        let (Value::Obj(a), Value::Obj(b)) = (&counted[2], &copy) else {
            unreachable!()
        };
        assert_eq!(std::rc::Rc::strong_count(a), 2);
        assert!(std::rc::Rc::ptr_eq(a, b));
    }
}
#[cfg(test)]
mod size_tests {
    /// Every object allocation pays for the largest payload: big, rarely created ones
    /// (types, functions) are boxed so that lists, instances and generators stay small.
    /// With its reference counts an object is 96 bytes, one of mimalloc's size
    /// classes (the next is 112). The largest payloads are 64 bytes: an instance (its
    /// dict is 40), a Future's core, a set.
    #[test]
    fn payload_stays_compact() {
        assert!(std::mem::size_of::<super::Payload>() <= 72);
        assert!(std::mem::size_of::<super::Object>() <= 80);
        assert!(std::mem::size_of::<super::Instance>() <= 64);
        assert!(std::mem::size_of::<super::Dict>() <= 40);
    }
}
