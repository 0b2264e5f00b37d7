//! `dict` storage: a compact, insertion-ordered hash table in CPython's style
//! (an index table probing into a dense entry vector).
//!
//! Key equality may need to run Python code, so lookups take a fallible `eq`
//! callback; the VM passes one that refuses (Err) rather than run code while
//! the dict is borrowed, and retries outside the borrow.

use super::Value;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    /// `Value::Null` marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    indices: Vec<u32>,
    entries: Vec<Entry>,
    used: usize,
}

pub type EqFn<'a, E> = &'a mut dyn FnMut(&Value, &Value) -> Result<bool, E>;

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::new();
        if n > 0 {
            d.indices = vec![EMPTY; table_size_for(n)];
            d.entries.reserve(n);
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Entries in insertion order, deleted ones skipped.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (&e.key, &e.value))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    /// Raw entry slots (for iterators that keep a position); deleted slots have Null keys.
    pub fn entry_slots(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }

    pub fn value_at_mut(&mut self, i: usize) -> &mut Value {
        &mut self.entries[i].value
    }

    /// Index of the entry holding `key`.
    pub fn find<E>(&self, hash: i64, key: &Value, eq: EqFn<E>) -> Result<Option<usize>, E> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(None);
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash && (e.key.is(key) || eq(&e.key, key)?) {
                    return Ok(Some(ix as usize));
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Look up a string key (names, attributes): never runs Python code.
    #[inline]
    pub fn get_str(&self, key: &super::PyStr) -> Option<&Value> {
        if self.indices.is_empty() {
            return None;
        }
        let hash = key.hash();
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    if let Value::Str(s) = &e.key {
                        if std::ptr::eq(&**s, key) || s.as_str() == key.as_str() {
                            return Some(&e.value);
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    pub fn get<E>(&self, hash: i64, key: &Value, eq: EqFn<E>) -> Result<Option<&Value>, E> {
        Ok(self.find(hash, key, eq)?.map(|i| &self.entries[i].value))
    }

    /// Insert or replace; returns the previous value.
    pub fn insert<E>(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        eq: EqFn<E>,
    ) -> Result<Option<Value>, E> {
        if let Some(i) = self.find(hash, &key, eq)? {
            return Ok(Some(std::mem::replace(&mut self.entries[i].value, value)));
        }
        self.insert_new(hash, key, value);
        Ok(None)
    }

    /// Insert a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let idx = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY || ix == DUMMY {
                self.indices[i] = idx;
                return;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    pub fn set_str(&mut self, key: std::rc::Rc<super::PyStr>, value: Value) {
        let hash = key.hash();
        let key = Value::Str(key);
        let _ = self.insert::<()>(hash, key, value, &mut |a, b| Ok(str_eq(a, b)));
    }

    pub fn remove<E>(
        &mut self,
        hash: i64,
        key: &Value,
        eq: EqFn<E>,
    ) -> Result<Option<(Value, Value)>, E> {
        let Some(ix) = self.find(hash, key, eq)? else {
            return Ok(None);
        };
        // Find the index slot pointing at entry `ix` and mark it dummy.
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.indices[i] == ix as u32 {
                self.indices[i] = DUMMY;
                break;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        let e = &mut self.entries[ix];
        let k = std::mem::replace(&mut e.key, Value::Null);
        let v = std::mem::replace(&mut e.value, Value::Null);
        self.used -= 1;
        if self.used == 0 {
            self.clear();
        }
        Ok(Some((k, v)))
    }

    pub fn remove_str(&mut self, key: &super::PyStr) -> Option<Value> {
        let hash = key.hash();
        let probe = Value::Str(std::rc::Rc::new(super::PyStr::new(key.as_str())));
        self.remove::<()>(hash, &probe, &mut |a, b| Ok(str_eq(a, b)))
            .ok()
            .flatten()
            .map(|(_, v)| v)
    }

    /// Remove and return the last inserted item.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let e = self
            .entries
            .iter()
            .rev()
            .find(|e| !e.key.is_null())?
            .clone();
        let hash = e.hash;
        let key = e.key.clone();
        self.remove::<()>(hash, &key, &mut |a, b| Ok(a.is(b)))
            .ok()
            .flatten()
    }

    pub fn clear(&mut self) {
        self.indices.clear();
        self.entries.clear();
        self.used = 0;
    }

    fn grow(&mut self) {
        let size = table_size_for(self.used + 1);
        self.entries.retain(|e| !e.key.is_null());
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (idx, e) in self.entries.iter().enumerate() {
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
            self.indices[i] = idx as u32;
        }
    }
}

/// Smallest power-of-two table (at least 8) keeping `n` entries under 2/3 load.
fn table_size_for(n: usize) -> usize {
    let mut size = 8;
    while size * 2 <= n * 3 {
        size *= 2;
    }
    size
}

/// Equality for keys known to be strings (attribute and global dicts).
pub fn str_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        _ => false,
    }
}
