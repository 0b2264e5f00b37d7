//! `str` storage: UTF-8 text with a cached hash and code-point length.

use std::cell::Cell;

pub struct PyStr {
    s: Box<str>,
    /// Number of code points (Python's `len`).
    nchars: usize,
    /// -1 until computed (a Python hash is never -1).
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_owned())
    }

    pub fn from_string(s: String) -> PyStr {
        let nchars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s: s.into_boxed_str(),
            nchars,
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.s.len()
    }

    pub fn is_empty(&self) -> bool {
        self.s.is_empty()
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.nchars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }

    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::settable::hash_str(&self.s);
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 <= i < char_len) as a string slice.
    pub fn char_at(&self, i: usize) -> &str {
        if self.is_ascii() {
            &self.s[i..i + 1]
        } else {
            let (start, c) = self.s.char_indices().nth(i).expect("index in range");
            &self.s[start..start + c.len_utf8()]
        }
    }

    /// Byte offset of code point index `i` (may be char_len for the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len())
        }
    }
}

thread_local! {
    static INTERNED: std::cell::RefCell<std::collections::HashMap<Box<str>, std::rc::Rc<PyStr>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

thread_local! {
    static STATIC_NAMES: std::cell::RefCell<
        std::collections::HashMap<(usize, usize), std::rc::Rc<PyStr>, super::typ::BuildPtrHasher>,
    > = Default::default();
}

/// `intern` for a name written in pyco's own source (`"__init__"`): found by the
/// literal's address, without hashing or comparing its text. A `&'static str` lives
/// for the whole run, so its address cannot come to mean another string.
pub fn intern_static(s: &'static str) -> std::rc::Rc<PyStr> {
    let key = (s.as_ptr() as usize, s.len());
    if let Some(p) = STATIC_NAMES.with(|t| t.borrow().get(&key).cloned()) {
        return p;
    }
    let p = intern(s);
    STATIC_NAMES.with(|t| t.borrow_mut().insert(key, p.clone()));
    p
}

/// The shared instance of an identifier-like string: names in code objects and the keys
/// they create in dicts are then pointer-equal, so lookups skip the string compare.
pub fn intern(s: &str) -> std::rc::Rc<PyStr> {
    INTERNED.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(p) = t.get(s) {
            return p.clone();
        }
        let p = std::rc::Rc::new(PyStr::new(s));
        t.insert(s.into(), p.clone());
        p
    })
}
