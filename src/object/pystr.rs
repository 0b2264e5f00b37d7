//! `str` storage: UTF-8 text with a cached hash and code-point length.

use std::cell::Cell;
use std::rc::Rc;

pub struct PyStr {
    text: Text,
    /// Number of code points (Python's `len`).
    nchars: usize,
    /// -1 until computed (a Python hash is never -1).
    hash: Cell<i64>,
}

/// Text of up to this many bytes is kept inside the `PyStr`, whose `Rc` allocation is
/// then the string's only one (64 bytes with the counts, a mimalloc class). Most
/// strings a program makes are short (keys, names, numbers): a second allocation for
/// their bytes, and its free, cost more than building them.
const INLINE_CAP: usize = 30;

enum Text {
    Inline { len: u8, bytes: [u8; INLINE_CAP] },
    Heap(Box<str>),
}

impl Text {
    /// `len` bytes written by `fill` into a buffer of exactly that size, which must
    /// leave it valid UTF-8.
    #[inline]
    fn build(len: usize, fill: impl FnOnce(&mut [u8])) -> Text {
        if len <= INLINE_CAP {
            let mut bytes = [0u8; INLINE_CAP];
            fill(&mut bytes[..len]);
            debug_assert!(std::str::from_utf8(&bytes[..len]).is_ok());
            Text::Inline {
                len: len as u8,
                bytes,
            }
        } else {
            let mut buf = vec![0u8; len];
            fill(&mut buf);
            // SAFETY: `fill` wrote UTF-8 (its callers copy whole strings).
            Text::Heap(unsafe { String::from_utf8_unchecked(buf) }.into_boxed_str())
        }
    }

    fn from_str(s: &str) -> Text {
        Text::build(s.len(), |b| b.copy_from_slice(s.as_bytes()))
    }
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr {
            text: Text::from_str(s),
            nchars: crate::text::char_len(s),
            hash: Cell::new(-1),
        }
    }

    /// A string of `len` bytes (`nchars` code points) that `fill` writes, made in its
    /// `Rc` allocation. Built on the stack and moved, a short string's bytes were
    /// written by small copies and read back as words for the move, which the CPU
    /// cannot forward: a stall of tens of cycles per string (perf: 40% of `a + b`).
    #[inline(always)]
    fn rc_built(len: usize, nchars: usize, fill: impl FnOnce(&mut [u8])) -> Rc<PyStr> {
        if len > INLINE_CAP {
            return Rc::new(PyStr {
                text: Text::build(len, fill),
                nchars,
                hash: Cell::new(-1),
            });
        }
        let mut rc = Rc::<PyStr>::new_uninit();
        let slot = Rc::get_mut(&mut rc)
            .expect("a new Rc is unique")
            .as_mut_ptr();
        // SAFETY: every field of the uninitialised PyStr is written before
        // `assume_init`; `fill` writes the inline bytes in place (they start zeroed).
        unsafe {
            std::ptr::addr_of_mut!((*slot).text).write(Text::Inline {
                len: len as u8,
                bytes: [0; INLINE_CAP],
            });
            std::ptr::addr_of_mut!((*slot).nchars).write(nchars);
            std::ptr::addr_of_mut!((*slot).hash).write(Cell::new(-1));
            if let Text::Inline { bytes, .. } = &mut (*slot).text {
                fill(&mut bytes[..len]);
            }
            debug_assert!(std::str::from_utf8((*slot).as_str().as_bytes()).is_ok());
            rc.assume_init()
        }
    }

    /// `new`, made in place.
    pub fn new_rc(s: &str) -> Rc<PyStr> {
        Self::rc_built(s.len(), crate::text::char_len(s), |b| {
            b.copy_from_slice(s.as_bytes())
        })
    }

    /// `new` for text known to be ASCII (a piece of an ASCII string): its length in
    /// code points is its length in bytes, with no scan.
    pub fn ascii(s: &str) -> Rc<PyStr> {
        debug_assert!(s.is_ascii());
        Self::rc_built(s.len(), s.len(), |b| b.copy_from_slice(s.as_bytes()))
    }

    /// An ASCII string with each byte of `s` mapped by `f` (`upper()`, `lower()`),
    /// written straight into its place.
    pub fn map_ascii(s: &str, f: impl Fn(u8) -> u8) -> Rc<PyStr> {
        debug_assert!(s.is_ascii());
        let out = Self::rc_built(s.len(), s.len(), |buf| {
            for (d, &b) in buf.iter_mut().zip(s.as_bytes()) {
                *d = f(b);
            }
        });
        debug_assert!(out.as_str().is_ascii());
        out
    }

    /// `from_string`, made in place.
    pub fn from_string_rc(s: String) -> Rc<PyStr> {
        if s.len() > INLINE_CAP {
            return Rc::new(Self::from_string(s));
        }
        Self::rc_built(s.len(), crate::text::char_len(&s), |b| {
            b.copy_from_slice(s.as_bytes())
        })
    }

    pub fn from_string(s: String) -> PyStr {
        let nchars = crate::text::char_len(&s);
        let text = if s.len() <= INLINE_CAP {
            Text::from_str(&s)
        } else {
            Text::Heap(s.into_boxed_str())
        };
        PyStr {
            text,
            nchars,
            hash: Cell::new(-1),
        }
    }

    /// The strings of `parts` one after another (`a + b`, an f-string's pieces),
    /// written once into their final place; the length in code points is the sum of
    /// theirs, with no scan of the text.
    pub fn concat<'a>(parts: impl Iterator<Item = &'a PyStr> + Clone) -> Rc<PyStr> {
        let (len, nchars) = parts
            .clone()
            .fold((0, 0), |(l, n), p| (l + p.len(), n + p.nchars));
        Self::rc_built(len, nchars, |buf| {
            let mut at = 0;
            for p in parts {
                buf[at..at + p.len()].copy_from_slice(p.as_str().as_bytes());
                at += p.len();
            }
        })
    }

    /// The decimal digits of `i` (`str(i)`), written from the last straight into the
    /// string's own bytes: no intermediate buffer, String or copy.
    pub fn from_int(i: i64) -> Rc<PyStr> {
        let mut n = i.unsigned_abs();
        let len = n.checked_ilog10().map_or(1, |l| l as usize + 1) + usize::from(i < 0);
        // At most 20 bytes ("-9223372036854775808"): always inline.
        const _: () = assert!(INLINE_CAP >= 20);
        Self::rc_built(len, len, |bytes| {
            let mut at = len;
            loop {
                at -= 1;
                bytes[at] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            if i < 0 {
                bytes[0] = b'-';
            }
        })
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.text {
            // SAFETY: the first `len` bytes were written from UTF-8 text (Text::build).
            Text::Inline { len, bytes } => unsafe {
                std::str::from_utf8_unchecked(bytes.get_unchecked(..*len as usize))
            },
            Text::Heap(s) => s,
        }
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        match &self.text {
            Text::Inline { len, .. } => *len as usize,
            Text::Heap(s) => s.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.nchars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.len()
    }

    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::settable::hash_str(self.as_str());
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 <= i < char_len) as a string slice.
    pub fn char_at(&self, i: usize) -> &str {
        let s = self.as_str();
        if self.is_ascii() {
            &s[i..i + 1]
        } else {
            let (start, c) = s.char_indices().nth(i).expect("index in range");
            &s[start..start + c.len_utf8()]
        }
    }

    /// Byte offset of code point index `i` (may be char_len for the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        let s = self.as_str();
        if self.is_ascii() {
            i.min(s.len())
        } else {
            s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
        }
    }
}

thread_local! {
    static INTERNED: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, std::rc::Rc<PyStr>>> =
        std::cell::RefCell::new(Default::default());
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
    // The names asked for most (special methods from natives: `__eq__`, `__hash__`)
    // answer from a small direct-mapped table, without the map's hashing and probe.
    let slot = ((key.0 >> 3) ^ key.1) % RECENT_STATIC_SLOTS;
    let recent = RECENT_STATIC.with(|r| match &r.borrow()[slot] {
        (k, Some(p)) if *k == key => Some(p.clone()),
        _ => None,
    });
    if let Some(p) = recent {
        return p;
    }
    let p = match STATIC_NAMES.with(|t| t.borrow().get(&key).cloned()) {
        Some(p) => p,
        None => {
            let p = intern(s);
            STATIC_NAMES.with(|t| t.borrow_mut().insert(key, p.clone()));
            p
        }
    };
    RECENT_STATIC.with(|r| r.borrow_mut()[slot] = (key, Some(p.clone())));
    p
}

const RECENT_STATIC_SLOTS: usize = 64;

thread_local! {
    /// `intern_static`'s answers by (address, length), one per slot.
    #[allow(clippy::type_complexity)]
    static RECENT_STATIC: std::cell::RefCell<
        [((usize, usize), Option<std::rc::Rc<PyStr>>); RECENT_STATIC_SLOTS],
    > = std::cell::RefCell::new(std::array::from_fn(|_| ((0, 0), None)));
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

#[cfg(test)]
mod tests {
    use super::PyStr;

    #[test]
    fn a_short_str_is_one_64_byte_allocation() {
        // With its Rc counts: mimalloc's 64-byte class, text included.
        assert_eq!(std::mem::size_of::<PyStr>(), 48);
    }

    #[test]
    fn texts_on_both_sides_of_the_inline_limit() {
        for n in [0, 1, 29, 30, 31, 100] {
            let a = "é".repeat(n / 2) + &"x".repeat(n % 2);
            let p = PyStr::new(&a);
            assert_eq!(p.as_str(), a);
            assert_eq!(p.char_len(), a.chars().count());
            assert_eq!(PyStr::from_string(a.clone()).as_str(), a);
            let twice = PyStr::concat([&p, &p].into_iter());
            assert_eq!(twice.as_str(), a.repeat(2));
            assert_eq!(twice.char_len(), 2 * a.chars().count());
        }
        for i in [0, 7, -7, i64::MAX, i64::MIN] {
            assert_eq!(PyStr::from_int(i).as_str(), i.to_string());
        }
    }
}
