//! State of the builtin iterator objects (list_iterator, range_iterator, zip, map, ...).

use super::{Object, PyStr, Value};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// list or tuple, by index (sees appends, like CPython's list_iterator).
    Seq {
        seq: Value,
        idx: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: Rc<PyStr>,
        byte_pos: usize,
    },
    Bytes {
        b: Value,
        idx: usize,
    },
    Dict {
        dict: Rc<Object>,
        pos: usize,
        len: usize,
        kind: ViewKind,
    },
    /// A snapshot (set iteration, reversed dict...), and the type name CPython's
    /// iterator for it has.
    Snapshot {
        items: Vec<Value>,
        idx: usize,
        name: &'static str,
    },
    Enumerate {
        it: Value,
        n: i64,
    },
    Zip {
        its: Vec<Value>,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    Reversed {
        seq: Value,
        idx: usize,
    },
    /// Old-style iteration over `__getitem__` with 0, 1, 2, ... until IndexError.
    GetItem {
        obj: Value,
        idx: i64,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        f: Value,
        sentinel: Value,
    },
    /// A deque by position, in either direction; ends if the deque changes.
    Deque {
        deque: Value,
        idx: usize,
        state: u64,
        reverse: bool,
    },
    Exhausted,
}

impl IterState {
    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::Seq { seq, .. } => match seq.payload() {
                Some(super::Payload::Tuple(_)) => "tuple_iterator",
                _ => "list_iterator",
            },
            IterState::Range { .. } => "range_iterator",
            IterState::Str { .. } => "str_ascii_iterator",
            IterState::Bytes { .. } => "bytes_iterator",
            IterState::Dict { kind, .. } => match kind {
                ViewKind::Keys => "dict_keyiterator",
                ViewKind::Values => "dict_valueiterator",
                ViewKind::Items => "dict_itemiterator",
            },
            IterState::Snapshot { name, .. } => name,
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Reversed { seq, .. } => match seq.payload() {
                Some(super::Payload::List(_)) => "list_reverseiterator",
                _ => "reversed",
            },
            IterState::GetItem { .. } => "iterator",
            IterState::Callable { .. } => "callable_iterator",
            IterState::Deque { reverse: false, .. } => "_deque_iterator",
            IterState::Deque { reverse: true, .. } => "_deque_reverse_iterator",
            IterState::Exhausted => "iterator",
        }
    }
}
