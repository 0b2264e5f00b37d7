//! `dict` storage: a compact, insertion-ordered hash table in CPython's style
//! (an index table probing into a dense entry vector).
//!
//! Key equality may need to run Python code, so lookups take a fallible `eq`
//! callback; the VM passes one that refuses (Err) rather than run code while
//! the dict is borrowed, and retries outside the borrow.

use super::Value;

/// Dicts of up to this many entries (instance dicts, most often) look up string keys
/// by scanning their entries: the entries are the memory an attribute access reads
/// anyway, where the index table is one more cache line, often a miss (LOAD_METHOD
/// asks each instance whether it shadows the method).
///
/// Such a dict has no index table at all until it outgrows this size or loses an
/// entry: every lookup scans, and a new instance's attributes cost no table to
/// allocate, fill and free. Keys with equal hashes are then met in insertion order,
/// which is the probe order while no deleted slot has been reused.
const SCAN_ENTRIES: usize = 8;

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
    /// The hash table: entry numbers by slot (a power-of-two length, fixed until the
    /// next resize), and the count of live entries.
    indices: Indices,
    entries: Vec<Entry>,
    /// High 56 bits, the layout version: changes whenever an entry is added or removed
    /// (not when a value is replaced), so a cached entry index stays valid while the
    /// layout is the same; unique across dicts. Low 8 bits: the table's size as a power
    /// of two (0: no table), kept here so that a lookup finds the mask without first
    /// reading the table's header.
    stamp: u64,
}

thread_local! {
    static NEXT_LAYOUT: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

fn next_layout() -> u64 {
    NEXT_LAYOUT.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

pub type EqFn<'a, E> = &'a mut dyn FnMut(&Value, &Value) -> Result<bool, E>;

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::new();
        if n > SCAN_ENTRIES {
            d.set_table(Indices::with_size(table_size_for(n), 0));
        }
        d.entries.reserve(n);
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        if self.has_table() {
            self.indices.used()
        } else {
            // No table: no entry was ever removed (see SCAN_ENTRIES).
            self.entries.len()
        }
    }

    /// Whether the index table exists (`stamp`'s low byte is its size code).
    #[inline]
    fn has_table(&self) -> bool {
        self.stamp as u8 != 0
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
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

    /// A snapshot of the (key, value) pairs, to use after the dict's borrow ends (code
    /// that may run Python, or change the dict, while it walks them).
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
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

    /// The index-table slot and entry index of the first live entry with `hash` that
    /// `matches` accepts, following CPython's probe sequence.
    #[inline]
    fn find_slot<E>(
        &self,
        hash: i64,
        mut matches: impl FnMut(&Entry) -> Result<bool, E>,
    ) -> Result<Option<(usize, usize)>, E> {
        let slots = self.slots();
        if slots.is_empty() {
            // No table (SCAN_ENTRIES): no slot to give; removal makes the table first.
            if !self.indices.may_hold(hash) {
                return Ok(None);
            }
            for (ix, e) in self.entries.iter().enumerate() {
                if e.hash == hash && matches(e)? {
                    return Ok(Some((usize::MAX, ix)));
                }
            }
            return Ok(None);
        }
        for slot in Probe::new(hash, slots.len()) {
            let ix = slots[slot];
            if ix == EMPTY {
                return Ok(None);
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash && matches(e)? {
                    return Ok(Some((slot, ix as usize)));
                }
            }
        }
        unreachable!("the probe sequence is endless")
    }

    /// Index of the entry holding `key`.
    pub fn find<E>(&self, hash: i64, key: &Value, eq: EqFn<E>) -> Result<Option<usize>, E> {
        Ok(self
            .find_slot(hash, |e| Ok(e.key.is(key) || eq(&e.key, key)?))?
            .map(|(_, ix)| ix))
    }

    /// Look up a string key (names, attributes): never runs Python code.
    #[inline]
    pub fn get_str(&self, key: &super::PyStr) -> Option<&Value> {
        self.index_of_str(key).map(|ix| &self.entries[ix].value)
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

    /// Live keys with `hash` along its probe sequence (entry index, key), in probe order:
    /// the candidates to compare with Python `__eq__` outside any borrow.
    pub fn same_hash_keys(&self, hash: i64) -> Vec<(usize, Value)> {
        let mut out = Vec::new();
        let slots = self.slots();
        if slots.is_empty() {
            for (ix, e) in self.entries.iter().enumerate() {
                if e.hash == hash {
                    out.push((ix, e.key.clone()));
                }
            }
            return out;
        }
        for slot in Probe::new(hash, slots.len()) {
            let ix = slots[slot];
            if ix == EMPTY {
                break;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    out.push((ix as usize, e.key.clone()));
                }
            }
        }
        out
    }

    /// Insert a key known to be absent.
    /// The layout version (see the field).
    #[inline]
    pub fn layout(&self) -> u64 {
        self.stamp >> 8
    }

    fn new_layout(&mut self) {
        self.stamp = (next_layout() << 8) | (self.stamp & 0xff);
    }

    fn set_table(&mut self, t: Indices) {
        let code = if t.is_empty() {
            0
        } else {
            t.len().trailing_zeros() as u64
        };
        self.stamp = (self.stamp & !0xff) | code;
        self.indices = t;
    }

    /// The table's slots, their count read from `stamp`.
    #[inline]
    fn slots(&self) -> &[u32] {
        let len = match self.stamp as u8 {
            0 => 0,
            code => 1usize << code,
        };
        debug_assert_eq!(len, self.indices.len());
        // SAFETY: `stamp` records the size of the table `indices` holds (set_table).
        unsafe { self.indices.slots_of_len(len) }
    }

    /// Entry index of a string key, for caches keyed on `layout()`.
    #[inline]
    pub fn index_of_str(&self, key: &super::PyStr) -> Option<usize> {
        let hash = key.hash();
        if self.entries.len() <= SCAN_ENTRIES {
            // A key has one live entry, so a scan finds what the probe would.
            return (self.entries.iter()).position(|e| e.hash == hash && str_key_is(&e.key, key));
        }
        let found = self.find_slot::<()>(hash, |e| Ok(str_key_is(&e.key, key)));
        found.ok().flatten().map(|(_, ix)| ix)
    }

    /// `index_of_str` for an instance's attribute, answered inline from the hash
    /// filter when the dict has no table and the filter rules the name out (LOAD_METHOD
    /// asking whether an instance shadows its method). Other lookups go straight to
    /// `index_of_str`: for a dict with a table the filter test is pure cost.
    #[inline(always)]
    pub fn index_of_attr(&self, key: &super::PyStr) -> Option<usize> {
        if !self.indices.may_hold(key.hash()) {
            return None;
        }
        self.index_of_str(key)
    }

    /// Is entry `ix`'s key `key` itself (the same interned string)? An inline cache's
    /// guess at where a name is, checked without hashing.
    #[inline]
    fn entry_is(&self, ix: usize, key: &super::PyStr) -> bool {
        matches!(self.entries.get(ix), Some(Entry { key: Value::Str(k), .. }) if std::ptr::eq(&**k, key))
    }

    /// The value of entry `ix`, if its key is `key` itself (`entry_is`).
    #[inline]
    pub fn value_at_if_key(&self, ix: usize, key: &super::PyStr) -> Option<&Value> {
        self.entry_is(ix, key).then(|| &self.entries[ix].value)
    }

    /// `value_at_if_key`, for replacing the value.
    #[inline]
    pub fn value_at_if_key_mut(&mut self, ix: usize, key: &super::PyStr) -> Option<&mut Value> {
        self.entry_is(ix, key).then(|| &mut self.entries[ix].value)
    }

    /// The value of live entry `ix` (from `index_of_str` under the same layout).
    #[inline]
    pub fn value_at(&self, ix: usize) -> &Value {
        &self.entries[ix].value
    }

    #[inline]
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        self.new_layout();
        if !self.has_table() && self.entries.len() < SCAN_ENTRIES {
            self.indices.note_key(hash);
            self.entries.push(Entry { hash, key, value });
            return;
        }
        self.insert_indexed(hash, Entry { hash, key, value });
    }

    /// `insert_new` into the index table (made now if the dict outgrew its scans).
    #[inline(never)]
    fn insert_indexed(&mut self, hash: i64, entry: Entry) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let idx = self.entries.len() as u32;
        self.entries.push(entry);
        self.indices.set_used(self.indices.used() + 1);
        for slot in Probe::new(hash, self.indices.len()) {
            if self.indices[slot] == EMPTY || self.indices[slot] == DUMMY {
                self.indices[slot] = idx;
                return;
            }
        }
    }

    pub fn set_str(&mut self, key: std::rc::Rc<super::PyStr>, value: Value) {
        drop(self.set_str_ref(&key, value));
    }

    /// Set a string key (STORE_ATTR on an instance), cloning the key only when it is new;
    /// the value it replaced is returned, for the caller to drop after its borrow ends.
    #[inline]
    pub fn set_str_ref(&mut self, key: &std::rc::Rc<super::PyStr>, value: Value) -> Option<Value> {
        self.set_str_at(key, value).1
    }

    /// Add a string key the dict does not hold (`index_of_str` said None): its entry
    /// index.
    #[inline]
    pub fn add_str(&mut self, key: &std::rc::Rc<super::PyStr>, value: Value) -> usize {
        debug_assert!(self.index_of_str(key).is_none());
        self.insert_new(key.hash(), Value::Str(key.clone()), value);
        self.entries.len() - 1
    }

    /// `set_str_ref`, also telling the entry index the key now has.
    #[inline]
    pub fn set_str_at(
        &mut self,
        key: &std::rc::Rc<super::PyStr>,
        value: Value,
    ) -> (usize, Option<Value>) {
        let hash = key.hash();
        if !self.indices.may_hold(hash) {
            self.insert_new(hash, Value::Str(key.clone()), value);
            return (self.entries.len() - 1, None);
        }
        match self.find_slot::<()>(hash, |e| Ok(str_key_is(&e.key, key))) {
            Ok(Some((_, ix))) => (
                ix,
                Some(std::mem::replace(&mut self.entries[ix].value, value)),
            ),
            _ => {
                self.insert_new(hash, Value::Str(key.clone()), value);
                (self.entries.len() - 1, None)
            }
        }
    }

    pub fn remove<E>(
        &mut self,
        hash: i64,
        key: &Value,
        eq: EqFn<E>,
    ) -> Result<Option<(Value, Value)>, E> {
        let found = self.find_slot(hash, |e| Ok(e.key.is(key) || eq(&e.key, key)?))?;
        Ok(found.map(|(slot, ix)| self.remove_at(slot, ix)))
    }

    pub fn remove_str(&mut self, key: &super::PyStr) -> Option<Value> {
        let found = self.find_slot::<()>(key.hash(), |e| Ok(str_key_is(&e.key, key)));
        found
            .ok()
            .flatten()
            .map(|(slot, ix)| self.remove_at(slot, ix).1)
    }

    /// Unlink entry `ix` (found at index slot `slot`): the slot becomes a dummy. A
    /// small dict gets its table first (from then on, reused slots make the probe order
    /// differ from insertion order, which its scans would not follow).
    fn remove_at(&mut self, slot: usize, ix: usize) -> (Value, Value) {
        let slot = if self.has_table() {
            slot
        } else {
            self.grow();
            let (hash, len) = (self.entries[ix].hash, self.indices.len());
            Probe::new(hash, len)
                .find(|&s| self.indices[s] == ix as u32)
                .expect("the entry was just indexed")
        };
        self.new_layout();
        self.indices[slot] = DUMMY;
        let e = &mut self.entries[ix];
        let k = std::mem::replace(&mut e.key, Value::Null);
        let v = std::mem::replace(&mut e.value, Value::Null);
        let used = self.indices.used() - 1;
        self.indices.set_used(used);
        if used == 0 {
            self.clear();
        }
        (k, v)
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
        self.new_layout();
        self.set_table(Indices::default());
        self.entries.clear();
    }

    fn grow(&mut self) {
        // CPython's GROWTH_RATE (used * 3): the next resize is a constant factor away, so
        // inserting n keys costs O(n), not a resize per insert near the load limit.
        let used = self.len();
        let size = ((used + 1) * 3).next_power_of_two().max(8);
        self.entries.retain(|e| !e.key.is_null());
        self.set_table(Indices::with_size(size, used));
        for (idx, e) in self.entries.iter().enumerate() {
            let slot = Probe::new(e.hash, size)
                .find(|&slot| self.indices[slot] == EMPTY)
                .expect("the probe sequence is endless");
            self.indices[slot] = idx as u32;
        }
    }
}

/// A dict's hash table behind one word, so that a dict is 40 bytes, an instance (its
/// class, its dict and an optional box) 64, and every object fits mimalloc's 96-byte
/// class. With a table, the word points to it: a two-word header (the table size and
/// the number of live entries), then the slots. Without one (SCAN_ENTRIES), the word is
/// a filter of the keys' hashes, tagged by its bit 0: bit `hash % 64` is set for every
/// key added, so most lookups of an absent key (LOAD_METHOD asking an instance whether
/// it shadows a method, STORE_ATTR adding an attribute) skip the scan.
struct Indices(usize);

/// The filter of a dict without keys (and the tag of every filter).
const FILTER_TAG: usize = 1;

impl Indices {
    fn with_size(size: usize, used: usize) -> Indices {
        let size32 = u32::try_from(size).expect("dict table too large");
        let layout = Self::layout(size);
        // SAFETY: the layout is non-zero (two header words at least); every word is
        // initialised before the pointer is used.
        unsafe {
            let p = std::alloc::alloc(layout) as *mut u32;
            if p.is_null() {
                std::alloc::handle_alloc_error(layout)
            }
            p.write(size32);
            p.add(1).write(used as u32);
            std::ptr::write_bytes(p.add(2), 0xff, size); // EMPTY
            Indices(p as usize)
        }
    }

    fn layout(size: usize) -> std::alloc::Layout {
        std::alloc::Layout::array::<u32>(size + 2).expect("dict table too large")
    }

    /// The table's header words, if there is a table.
    #[inline]
    fn table(&self) -> Option<*mut u32> {
        (self.0 & FILTER_TAG == 0).then_some(self.0 as *mut u32)
    }

    /// The filter's bit for a key hash.
    #[inline]
    fn filter_bit(hash: i64) -> usize {
        1 << (hash as usize % usize::BITS as usize)
    }

    /// False only when no key with this hash was ever added to a dict without a table.
    #[inline]
    fn may_hold(&self, hash: i64) -> bool {
        self.0 & FILTER_TAG == 0 || self.0 & Self::filter_bit(hash) != 0
    }

    /// Record a key added to a dict without a table.
    #[inline]
    fn note_key(&mut self, hash: i64) {
        debug_assert!(self.table().is_none());
        self.0 |= Self::filter_bit(hash);
    }

    #[inline]
    fn len(&self) -> usize {
        // SAFETY: a table always has its header.
        self.table().map_or(0, |p| unsafe { *p as usize })
    }

    #[inline]
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    fn used(&self) -> usize {
        // SAFETY: as in `len`.
        self.table().map_or(0, |p| unsafe { *p.add(1) as usize })
    }

    /// Only on a table: entries are added after `grow` made one, and only a table with
    /// entries has any to remove.
    #[inline]
    fn set_used(&mut self, used: usize) {
        let p = self.table().expect("dict: no table to count entries in");
        // SAFETY: a table, owned by this Indices.
        unsafe { p.add(1).write(used as u32) }
    }

    #[inline]
    fn slots(&self) -> &[u32] {
        // SAFETY: `len` slots follow the header.
        unsafe { self.slots_of_len(self.len()) }
    }

    /// The slots, for a caller that knows their count.
    ///
    /// # Safety
    /// `len` must be this table's size (0 when there is none).
    #[inline]
    unsafe fn slots_of_len(&self, len: usize) -> &[u32] {
        if len == 0 {
            return &[];
        }
        std::slice::from_raw_parts((self.0 as *const u32).add(2), len)
    }

    #[inline]
    fn slots_mut(&mut self) -> &mut [u32] {
        let len = self.len();
        if len == 0 {
            return &mut [];
        }
        // SAFETY: as in `slots`; the table is owned by this Indices.
        unsafe { std::slice::from_raw_parts_mut((self.0 as *mut u32).add(2), len) }
    }
}

impl Default for Indices {
    fn default() -> Indices {
        Indices(FILTER_TAG)
    }
}

impl Clone for Indices {
    fn clone(&self) -> Indices {
        if self.table().is_none() {
            return Indices(self.0);
        }
        let mut t = Indices::with_size(self.len(), self.used());
        t.slots_mut().copy_from_slice(self.slots());
        t
    }
}

impl Drop for Indices {
    fn drop(&mut self) {
        if let Some(p) = self.table() {
            // SAFETY: allocated by `with_size` with this layout.
            unsafe { std::alloc::dealloc(p as *mut u8, Self::layout(self.len())) }
        }
    }
}

impl std::ops::Index<usize> for Indices {
    type Output = u32;
    #[inline]
    fn index(&self, slot: usize) -> &u32 {
        &self.slots()[slot]
    }
}

impl std::ops::IndexMut<usize> for Indices {
    #[inline]
    fn index_mut(&mut self, slot: usize) -> &mut u32 {
        &mut self.slots_mut()[slot]
    }
}

/// CPython's open-addressing probe sequence over a power-of-two table (endless).
struct Probe {
    i: usize,
    mask: usize,
    perturb: u64,
    first: bool,
}

impl Probe {
    fn new(hash: i64, size: usize) -> Probe {
        let mask = size - 1;
        Probe {
            i: (hash as u64 as usize) & mask,
            mask,
            perturb: hash as u64,
            first: true,
        }
    }
}

impl Iterator for Probe {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.first {
            self.first = false;
        } else {
            self.perturb >>= 5;
            self.i = (self
                .i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize))
                & self.mask;
        }
        Some(self.i)
    }
}

fn str_key_is(k: &Value, key: &super::PyStr) -> bool {
    match k {
        Value::Str(s) => std::ptr::eq(&**s, key) || s.as_str() == key.as_str(),
        _ => false,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn key(i: i64) -> Value {
        Value::Int(i)
    }

    fn eq(a: &Value, b: &Value) -> Result<bool, ()> {
        Ok(a.is(b))
    }

    /// String lookups scan small dicts and probe larger ones; both find live keys
    /// (interned or merely equal), and neither finds a removed one.
    #[test]
    fn string_lookups_agree_below_and_above_the_scan_size() {
        use crate::object::pystr::PyStr;
        let name = |i: usize| std::rc::Rc::new(PyStr::new(&format!("k{i}")));
        for n in [1, SCAN_ENTRIES, SCAN_ENTRIES + 1, 40] {
            let mut d = Dict::new();
            for i in 0..n {
                d.set_str(name(i), key(i as i64));
            }
            d.remove_str(&name(0));
            for i in 0..n {
                let got = d.get_str(&name(i)).map(|v| v.is(&key(i as i64)));
                assert_eq!(got, (i != 0).then_some(true), "{n} entries, key {i}");
            }
            assert!(d.get_str(&name(n)).is_none());
        }
    }

    /// A dict without a table skips scanning for keys its hash filter rules out, and
    /// the filter never rules out a key it holds (hashes sharing a bit included).
    #[test]
    fn the_hash_filter_never_hides_a_key() {
        let mut d = Dict::new();
        let held = [0, 1, 63, 64, 65, -1, 1 << 40, 7];
        for &h in &held {
            d.insert(h, key(h), key(h), &mut eq).unwrap();
        }
        assert!(!d.has_table());
        for h in -300..300 {
            let found = d.get(h, &key(h), &mut eq).unwrap().is_some();
            assert_eq!(found, held.contains(&h), "hash {h}");
        }
        assert!(d.get(1 << 40, &key(1 << 40), &mut eq).unwrap().is_some());
        let mut e = Dict::new();
        e.insert(5, key(5), key(5), &mut eq).unwrap();
        assert!(!e.indices.may_hold(6));
        assert!(e.indices.may_hold(5) && e.indices.may_hold(69));
        let copy = e.clone();
        assert!(!copy.indices.may_hold(6) && copy.indices.may_hold(5));
    }

    #[test]
    fn small_dicts_have_no_table_until_they_grow_or_lose_a_key() {
        let mut d = Dict::new();
        for i in 0..SCAN_ENTRIES as i64 {
            d.insert(i, key(i), key(i * 10), &mut eq).unwrap();
            assert!(!d.has_table());
            assert_eq!(d.len(), i as usize + 1);
        }
        assert_eq!(d.same_hash_keys(3).len(), 1);
        d.insert(99, key(99), key(990), &mut eq).unwrap();
        assert!(d.has_table());
        assert_eq!(d.len(), SCAN_ENTRIES + 1);

        let mut d = Dict::with_capacity(3);
        for i in 0..3 {
            d.insert(i, key(i), key(i * 10), &mut eq).unwrap();
        }
        assert!(!d.has_table());
        assert!(d.remove(5, &key(5), &mut eq).unwrap().is_none());
        assert!(d.remove(1, &key(1), &mut eq).unwrap().is_some());
        assert!(d.has_table());
        assert_eq!(d.len(), 2);
        assert!(d.get(1, &key(1), &mut eq).unwrap().is_none());
        assert!(matches!(
            d.get(2, &key(2), &mut eq).unwrap(),
            Some(Value::Int(20))
        ));
    }

    #[test]
    fn same_hash_keys_walks_only_the_probe_sequence() {
        let mut d = Dict::new();
        for i in 0..5000 {
            d.insert(i * 7919, key(i), key(i), &mut eq).unwrap();
        }
        // Keys with other hashes are not candidates, however many there are.
        let found = d.same_hash_keys(42 * 7919);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.is(&key(42)));
        assert!(d.same_hash_keys(-1).is_empty());
    }

    #[test]
    fn insertion_order_survives_growth_and_removal() {
        let mut d = Dict::new();
        for i in 0..100 {
            d.insert(i, key(i), key(i * 10), &mut eq).unwrap();
        }
        for i in (0..100).step_by(2) {
            assert!(d.remove(i, &key(i), &mut eq).unwrap().is_some());
        }
        d.insert(4, key(4), key(-4), &mut eq).unwrap();
        let keys: Vec<i64> = d
            .iter()
            .map(|(k, _)| if let Value::Int(i) = k { *i } else { -1 })
            .collect();
        let mut expected: Vec<i64> = (1..100).step_by(2).collect();
        expected.push(4);
        assert_eq!(keys, expected);
        assert_eq!(d.len(), 51);
        assert!(matches!(
            d.get(7, &key(7), &mut eq).unwrap(),
            Some(Value::Int(70))
        ));
        assert!(d.get(8, &key(8), &mut eq).unwrap().is_none());
    }

    #[test]
    fn string_keys_by_content() {
        let mut d = Dict::new();
        let a = std::rc::Rc::new(super::super::PyStr::new("name"));
        d.set_str(a, key(1));
        let probe = super::super::PyStr::new("name");
        assert!(matches!(d.get_str(&probe), Some(Value::Int(1))));
        assert!(matches!(d.remove_str(&probe), Some(Value::Int(1))));
        assert!(d.get_str(&probe).is_none());
        assert!(d.is_empty());
    }
}
