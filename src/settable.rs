//! CPython 3.11 compatible hashing and `set` hash-table layout.
//!
//! Iterating a Python `set` visits the slots of its open-addressing table in
//! index order, so reproducing CPython's iteration order means reproducing
//! `Objects/setobject.c` exactly: the probe sequence (9 linear probes, then
//! perturbation), the `fill`/`used` bookkeeping, the dummy-slot reuse rule,
//! the resize policy, the "clean" reinsertion on resize and the way every
//! set operation builds its result (`set_merge`, `set_intersection`,
//! `set_difference`, ...).  This module does that for any key type `K`.
//!
//! The table never hashes or compares keys by itself: callers pass the
//! Python hash of every key and an equality closure.  The closure is only
//! called when a stored entry has the same hash as the probe key, always as
//! `eq(stored_key, probe_key)` (CPython's `PyObject_RichCompareBool(startkey,
//! key, Py_EQ)`); it should do the identity shortcut itself (CPython checks
//! `startkey == key` by pointer first, and so never calls `__eq__` for the
//! same object).  An `Err` from the closure aborts the operation and is
//! returned unchanged; the table is left in a valid state.
//!
//! Identity cases (`s | s`, `s & s`, `s -= s`, `s ^= s`, `s.isdisjoint(s)`,
//! `s.update(s)`) are special-cased by CPython on object identity, which this
//! table cannot see: see the docs of each method for what the caller must do.
//!
//! Building sets the CPython way (what the interpreter should call):
//! * `set()`, `{a, b}` (BUILD_SET), set comprehensions, `set(list_or_iter)`,
//!   `s.update(iterable)`: [`SetTable::new`] then [`SetTable::insert`] each
//!   item in iteration order (or [`SetTable::from_items`] / [`SetTable::extend_items`]).
//! * `set(other_set)`, `frozenset(other_set)`, `s.copy()`, `{*other_set}`:
//!   [`SetTable::copy`] (CPython's `set_merge` into an empty set; note this
//!   may pick a *different* table size than the source and so reorder).
//! * `s.update(other_set)`, `s |= other_set`: [`SetTable::update`].
//! * `set(a_dict)`, `s.update(a_dict)`: [`SetTable::update_from_dict_keys`].
//! * A set display whose elements are all compile-time constants and that
//!   has at least 3 elements (`{1, 2, 3}`, `{-1, (1, 2), 'a'}`): CPython's
//!   compiler folds it to a `frozenset` constant and emits
//!   `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE`, i.e. the result is a
//!   *copy* of that constant: [`SetTable::from_constant_display`].
//! * `for x in {c1, c2, ...}:` (also in comprehensions) with all-constant
//!   elements (any count): the AST optimizer replaces the display with the
//!   frozenset constant itself, which the compiler's constant merging has
//!   rebuilt once: [`SetTable::from_constant_frozenset`] (not the copy).
//!
//! Methods taking several arguments chain the one-argument forms as CPython
//! does: `s.union(*others)` = `copy()` then, per argument in order (skipping
//! any that *is* `s`), `update`/`update_from_dict_keys`/`extend_items`;
//! `s.intersection(*others)` = `copy()` with no argument, else successive
//! `intersection(previous_result, other)` starting from `s` itself;
//! `s.difference(*others)` = `copy()` with no argument, else `difference`
//! with the first argument and `difference_update*` with the rest;
//! `s.update(*others)` / `s.difference_update(*others)` apply each argument
//! in turn; `s.intersection_update(*others)` swaps in the result of the
//! multi-argument intersection.  A non-set, non-dict iterable is passed as a
//! slice of `(hash, key)` in iteration order (the `*_items` methods).

use num_bigint::{BigInt, Sign};
use std::fmt;

// ===================================================================
// Hash functions (CPython 3.11, 64-bit build)
// ===================================================================

/// Number of bits of the hash modulus (`_PyHASH_BITS`).
pub const PY_HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS` = 2**61 - 1 (a Mersenne prime).
pub const PY_HASH_MODULUS: u64 = (1u64 << PY_HASH_BITS) - 1;
/// `hash(float('inf'))`.
pub const PY_HASH_INF: i64 = 314_159;
/// `_PyHASH_IMAG`, multiplier for the imaginary part of complex hashes.
pub const PY_HASH_IMAG: i64 = 1_000_003;

#[inline]
fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(int)` for a machine integer: `sign(i) * (|i| mod (2**61 - 1))`,
/// with -1 mapped to -2.
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % PY_HASH_MODULUS) as i64;
    fix_minus_one(if i < 0 { -m } else { m })
}

/// `hash(int)` for an arbitrary-precision integer (same rule as [`hash_i64`]).
pub fn hash_bigint(b: &BigInt) -> i64 {
    let modulus = PY_HASH_MODULUS as u128;
    let mut acc: u128 = 0;
    // Most significant digit first: acc = (acc * 2**64 + d) mod P.
    for d in b.magnitude().to_u64_digits().into_iter().rev() {
        acc = ((acc << 64) | d as u128) % modulus;
    }
    let m = acc as i64;
    fix_minus_one(if b.sign() == Sign::Minus { -m } else { m })
}

/// `_Py_HashDouble`: `hash(float)`.  Returns `None` for NaN, whose hash in
/// CPython 3.11 is derived from the object's address (the caller should use
/// an identity-based hash).  `inf` -> 314159, `-inf` -> -314159; floats with
/// an integral value hash like the equal int; in general the hash is
/// `sign * (|x| mod (2**61 - 1))` computed over the rationals.
pub fn hash_f64(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { PY_HASH_INF } else { -PY_HASH_INF });
    }
    let bits = x.to_bits();
    let negative = (bits >> 63) != 0;
    let biased_exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // |x| = mant * 2**exp exactly.
    let (mant, exp) = if biased_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased_exp - 1075)
    };
    // 2**61 == 1 (mod P), so 2**exp == 2**(exp mod 61) (also for exp < 0).
    let shift = exp.rem_euclid(PY_HASH_BITS as i32) as u32;
    let m = ((mant as u128) << shift) % (PY_HASH_MODULUS as u128);
    let m = m as i64;
    Some(fix_minus_one(if negative { -m } else { m }))
}

/// `hash(complex(re, im))`; `None` if either part is NaN.
pub fn hash_complex(re: f64, im: f64) -> Option<i64> {
    let hr = hash_f64(re)? as u64;
    let hi = hash_f64(im)? as u64;
    let h = hr.wrapping_add((PY_HASH_IMAG as u64).wrapping_mul(hi));
    Some(fix_minus_one(h as i64))
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// CPython 3.11 `tuplehash` (xxHash-based) given the hashes of the items.
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut h = TupleHasher::new();
    for &x in item_hashes {
        h.add(x);
    }
    h.finish()
}

/// `hash_tuple`, fed one item hash at a time (no list of them is built).
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl Default for TupleHasher {
    fn default() -> TupleHasher {
        TupleHasher::new()
    }
}

impl TupleHasher {
    #[inline]
    pub fn new() -> TupleHasher {
        TupleHasher {
            acc: XXPRIME_5,
            len: 0,
        }
    }

    #[inline]
    pub fn add(&mut self, item_hash: i64) {
        let lane = item_hash as u64;
        self.acc = self.acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
        self.len += 1;
    }

    #[inline]
    pub fn finish(&self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            return 1_546_275_796;
        }
        acc as i64
    }
}

#[inline]
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// CPython 3.11 `frozenset_hash` given the hashes of the (distinct) elements,
/// in any order.
pub fn hash_frozenset(item_hashes: &[i64]) -> i64 {
    let mut hash: u64 = 0;
    for &h in item_hashes {
        hash ^= shuffle_bits(h as u64);
    }
    finish_frozenset_hash(hash, item_hashes.len())
}

fn finish_frozenset_hash(mut hash: u64, len: usize) -> i64 {
    hash ^= (len as u64).wrapping_add(1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        hash = 590_923_713;
    }
    hash as i64
}

/// Deterministic 64-bit FNV-1a over the bytes (CPython's own str/bytes hash
/// is randomized per process, so no fixed value can match it).  Never -1.
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fix_minus_one(h as i64)
}

/// Hash of a `str`: [`hash_bytes`] over its UTF-8 encoding.  Never -1.
pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

// ===================================================================
// The set table
// ===================================================================

/// `PySet_MINSIZE`.
pub const SET_MINSIZE: usize = 8;
const LINEAR_PROBES: u64 = 9;
const PERTURB_SHIFT: u32 = 5;

/// Key equality callback: `eq(stored_key, probe_key)`.
pub type EqFn<'a, K, E> = dyn FnMut(&K, &K) -> Result<bool, E> + 'a;

enum Slot<K> {
    /// Never used since the last resize/clear (`key == NULL`).
    Empty,
    /// Deleted entry (`key == dummy`, `hash == -1`).
    Dummy,
    Active(i64, K),
}

impl<K: Clone> Clone for Slot<K> {
    fn clone(&self) -> Self {
        match self {
            Slot::Empty => Slot::Empty,
            Slot::Dummy => Slot::Dummy,
            Slot::Active(h, k) => Slot::Active(*h, k.clone()),
        }
    }
}

fn empty_slots<K>(n: usize) -> Vec<Slot<K>> {
    let mut v = Vec::with_capacity(n);
    v.resize_with(n, || Slot::Empty);
    v
}

/// Resize target used after an insertion fills the table (and after
/// `difference_update` leaves too many dummies).
#[inline]
fn growth_target(used: usize) -> usize {
    if used > 50_000 {
        used * 2
    } else {
        used * 4
    }
}

/// `set_insert_clean`: insert a key known to be absent into a table with no
/// dummies.  Does not touch `fill`/`used`.
fn insert_clean<K>(table: &mut [Slot<K>], mask: usize, hash: i64, key: K) {
    let mask64 = mask as u64;
    let mut perturb = hash as u64;
    let mut i = (hash as u64) & mask64;
    loop {
        if matches!(table[i as usize], Slot::Empty) {
            table[i as usize] = Slot::Active(hash, key);
            return;
        }
        if i + LINEAR_PROBES <= mask64 {
            for j in i + 1..=i + LINEAR_PROBES {
                if matches!(table[j as usize], Slot::Empty) {
                    table[j as usize] = Slot::Active(hash, key);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask64;
    }
}

/// A hash table with exactly the layout rules of CPython 3.11's `set`.
///
/// Iteration ([`SetTable::iter`]) is in slot order, which is the order in
/// which CPython iterates the corresponding `set`/`frozenset`, provided the
/// table is built and mutated with the same sequence of operations (see the
/// module docs for which method corresponds to which CPython operation).
pub struct SetTable<K> {
    /// Its length, a power of two, is the table size (CPython's `mask + 1`).
    table: Vec<Slot<K>>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Search finger for `pop()`.
    finger: usize,
}

/// Exact duplicate of the table *state* (same slots, dummies, finger).  This
/// is not Python's `set.copy()`; use [`SetTable::copy`] for that.
impl<K: Clone> Clone for SetTable<K> {
    fn clone(&self) -> Self {
        SetTable {
            table: self.table.clone(),
            fill: self.fill,
            used: self.used,
            finger: self.finger,
        }
    }
}

impl<K: fmt::Debug> fmt::Debug for SetTable<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.table.iter().filter_map(|s| match s {
                Slot::Active(_, k) => Some(k),
                _ => None,
            }))
            .finish()
    }
}

impl<K: Clone> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// Iterator over `(hash, &key)` in slot order.
pub struct Iter<'a, K> {
    slots: std::slice::Iter<'a, Slot<K>>,
    remaining: usize,
}

impl<'a, K> Iterator for Iter<'a, K> {
    type Item = (i64, &'a K);
    fn next(&mut self) -> Option<Self::Item> {
        for s in self.slots.by_ref() {
            if let Slot::Active(h, k) = s {
                self.remaining -= 1;
                return Some((*h, k));
            }
        }
        None
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<K> ExactSizeIterator for Iter<'_, K> {}

impl<K: Clone> SetTable<K> {
    // ---------------------------------------------------------------
    // Construction and inspection
    // ---------------------------------------------------------------

    /// An empty set (`make_new_set`): 8 slots.
    pub fn new() -> Self {
        SetTable {
            table: empty_slots(SET_MINSIZE),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// Table size - 1 (the table's length is kept a power of two).
    #[inline]
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Same as [`SetTable::new`]: CPython never presizes a fresh set when
    /// adding items one by one, so `n` is ignored to keep the layout (and so
    /// iteration order) identical to CPython's.  Use [`SetTable::presized`]
    /// for CPython's explicit presizing.
    pub fn with_capacity(n: usize) -> Self {
        let _ = n;
        Self::new()
    }

    /// An empty set resized with `set_table_resize(so, minused)`: smallest
    /// power of two (>= 8) greater than `minused`.
    pub fn presized(minused: usize) -> Self {
        let mut t = Self::new();
        t.resize(minused);
        t
    }

    /// Number of elements (`used`).
    pub fn len(&self) -> usize {
        self.used
    }

    /// True when there are no elements.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Number of slots (`mask + 1`).
    pub fn table_size(&self) -> usize {
        self.mask() + 1
    }

    /// Active plus dummy slots (`fill`).
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// Iterate `(hash, &key)` in slot order (CPython's iteration order).
    pub fn iter(&self) -> Iter<'_, K> {
        Iter {
            slots: self.table.iter(),
            remaining: self.used,
        }
    }

    /// The keys in iteration order.
    pub fn keys(&self) -> impl Iterator<Item = &K> + '_ {
        self.iter().map(|(_, k)| k)
    }

    /// Position-based iteration, like `set_next` / `setiter_iternext`: returns
    /// the first active entry at slot index `>= pos` as
    /// `(next_pos, hash, &key)`.  Start with `pos = 0`.  A Python set
    /// iterator should remember `len()` at creation and raise
    /// `RuntimeError("Set changed size during iteration")` when it differs.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, i64, &K)> {
        let mut i = pos;
        while i <= self.mask() {
            if let Slot::Active(h, k) = &self.table[i] {
                return Some((i + 1, *h, k));
            }
            i += 1;
        }
        None
    }

    /// `frozenset.__hash__` of this table's contents (CPython caches it on
    /// the frozenset object; caching is up to the caller).
    pub fn frozenset_hash(&self) -> i64 {
        let mut hash: u64 = 0;
        for (h, _) in self.iter() {
            hash ^= shuffle_bits(h as u64);
        }
        finish_frozenset_hash(hash, self.used)
    }

    // ---------------------------------------------------------------
    // Core probing
    // ---------------------------------------------------------------

    /// `set_lookkey`: index of the active slot holding a key equal to `key`.
    fn lookup<E>(&self, hash: i64, key: &K, eq: &mut EqFn<'_, K, E>) -> Result<Option<usize>, E> {
        let mask = self.mask() as u64;
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j as usize] {
                    Slot::Empty => return Ok(None),
                    Slot::Active(h, k) => {
                        if *h == hash && eq(k, key)? {
                            return Ok(Some(j as usize));
                        }
                    }
                    Slot::Dummy => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
    }

    /// Structural self-check used by the tests.
    #[cfg(test)]
    fn check_invariants(&self) {
        assert!(self.table.len().is_power_of_two() && self.table.len() >= SET_MINSIZE);
        assert_eq!(self.table.len(), self.mask() + 1);
        let active = self
            .table
            .iter()
            .filter(|s| matches!(s, Slot::Active(..)))
            .count();
        let dummies = self
            .table
            .iter()
            .filter(|s| matches!(s, Slot::Dummy))
            .count();
        assert_eq!(active, self.used);
        assert_eq!(active + dummies, self.fill);
        assert!(self.fill < self.table.len(), "no empty slot left");
        // Every active entry is reachable from its hash without crossing an
        // empty slot.
        for (idx, slot) in self.table.iter().enumerate() {
            let Slot::Active(hash, _) = slot else {
                continue;
            };
            let mask = self.mask() as u64;
            let mut perturb = *hash as u64;
            let mut i = (*hash as u64) & mask;
            'search: loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in i..=i + probes {
                    if j as usize == idx {
                        break 'search;
                    }
                    assert!(
                        !matches!(self.table[j as usize], Slot::Empty),
                        "unreachable entry"
                    );
                }
                perturb >>= PERTURB_SHIFT;
                i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
            }
        }
    }

    /// `set_table_resize(so, minused)`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = SET_MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == SET_MINSIZE && self.mask() == SET_MINSIZE - 1 && self.fill == self.used {
            // Small table staying small with no dummies: CPython returns early.
            return;
        }
        let old = std::mem::replace(&mut self.table, empty_slots(newsize));
        self.fill = self.used;
        let mask = self.mask();
        for slot in old {
            if let Slot::Active(h, k) = slot {
                insert_clean(&mut self.table, mask, h, k);
            }
        }
    }

    /// `set_add_entry`: add `key` (with Python hash `hash`).  Returns
    /// `Ok(true)` if it was added, `Ok(false)` if an equal key was already
    /// present (the stored key is kept, as in CPython).
    /// Keys with `hash` along its probe sequence, in probe order: the candidates to
    /// compare with Python `__eq__` once the table is no longer borrowed.
    pub fn same_hash_keys(&self, hash: i64, key: &K) -> Vec<K>
    where
        K: Clone,
    {
        let mut out = Vec::new();
        let mut record = |k: &K, _: &K| -> Result<bool, ()> {
            out.push(k.clone());
            Ok(false)
        };
        let _ = self.lookup(hash, key, &mut record);
        out
    }

    pub fn insert<E>(&mut self, hash: i64, key: K, eq: &mut EqFn<'_, K, E>) -> Result<bool, E> {
        debug_assert!(hash != -1, "-1 is not a valid Python hash");
        let mask = self.mask() as u64;
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        let mut freeslot: Option<usize> = None;
        let empty_at: usize;
        'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let j = j as usize;
                match &self.table[j] {
                    Slot::Empty => {
                        empty_at = j;
                        break 'probe;
                    }
                    Slot::Active(h, k) => {
                        if *h == hash && eq(k, &key)? {
                            return Ok(false);
                        }
                    }
                    // CPython 3.11 remembers the *last* dummy seen.
                    Slot::Dummy => freeslot = Some(j),
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
        if let Some(f) = freeslot {
            self.table[f] = Slot::Active(hash, key);
            self.used += 1;
            return Ok(true);
        }
        self.table[empty_at] = Slot::Active(hash, key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(growth_target(self.used));
        }
        Ok(true)
    }

    /// `set_contains_entry`.
    pub fn contains<E>(&self, hash: i64, key: &K, eq: &mut EqFn<'_, K, E>) -> Result<bool, E> {
        Ok(self.lookup(hash, key, eq)?.is_some())
    }

    /// The stored key equal to `key`, if any.
    pub fn get<E>(&self, hash: i64, key: &K, eq: &mut EqFn<'_, K, E>) -> Result<Option<&K>, E> {
        Ok(match self.lookup(hash, key, eq)? {
            Some(i) => match &self.table[i] {
                Slot::Active(_, k) => Some(k),
                _ => None,
            },
            None => None,
        })
    }

    /// `set_discard_entry` (`set.discard` / `set.remove`): removes the equal
    /// key, leaving a dummy slot, and returns the stored key.  Never resizes.
    pub fn remove<E>(
        &mut self,
        hash: i64,
        key: &K,
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<Option<K>, E> {
        match self.lookup(hash, key, eq)? {
            Some(i) => {
                self.used -= 1;
                match std::mem::replace(&mut self.table[i], Slot::Dummy) {
                    Slot::Active(_, k) => Ok(Some(k)),
                    _ => unreachable!("lookup returned a non-active slot"),
                }
            }
            None => Ok(None),
        }
    }

    /// `set.pop()`: scans from the search finger (which survives resizes and
    /// `clear()`, as in CPython) for the next active slot.
    pub fn pop(&mut self) -> Option<K> {
        self.pop_entry().map(|(_, k)| k)
    }

    /// Like [`SetTable::pop`] but also returns the stored hash.
    pub fn pop_entry(&mut self) -> Option<(i64, K)> {
        if self.used == 0 {
            return None;
        }
        let mut i = self.finger & self.mask();
        while !matches!(self.table[i], Slot::Active(..)) {
            i += 1;
            if i > self.mask() {
                i = 0;
            }
        }
        self.used -= 1;
        self.finger = i + 1;
        match std::mem::replace(&mut self.table[i], Slot::Dummy) {
            Slot::Active(h, k) => Some((h, k)),
            _ => unreachable!(),
        }
    }

    /// `set.clear()` (`set_clear_internal`): back to an empty 8-slot table.
    /// The pop finger is kept, as in CPython.
    pub fn clear(&mut self) {
        self.table = empty_slots(SET_MINSIZE);
        self.fill = 0;
        self.used = 0;
    }

    // ---------------------------------------------------------------
    // Bulk construction / update
    // ---------------------------------------------------------------

    /// `set(iterable)` for a non-set, non-dict iterable, BUILD_SET, set
    /// comprehensions: a new set with each item added in order.
    pub fn from_items<E>(items: &[(i64, K)], eq: &mut EqFn<'_, K, E>) -> Result<Self, E> {
        let mut t = Self::new();
        t.extend_items(items, eq)?;
        Ok(t)
    }

    /// The `frozenset` constant CPython's compiler makes from an
    /// all-constant set display: `PyFrozenSet_New(tuple_of_items)` (adds in
    /// order), which the constant-merging pass (`merge_consts_recursive`)
    /// then rebuilds by adding the items again in the first table's
    /// iteration order.  Iterating this table is the order of
    /// `for x in {c1, c2, ...}:` and `[x for x in {c1, ...}]` (the AST
    /// optimizer turns the iterated display into this constant, whatever the
    /// number of elements).
    pub fn from_constant_frozenset<E>(
        items: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<Self, E> {
        let first = Self::from_items(items, eq)?;
        let mut rebuilt = Self::new();
        for (h, k) in first.iter() {
            rebuilt.insert(h, k.clone(), eq)?;
        }
        Ok(rebuilt)
    }

    /// A set display `{c1, c2, ...}` whose elements are all compile-time
    /// constants (after constant folding: numbers, strings, `-1`, tuples of
    /// constants, ...).  With more than two elements CPython emits
    /// `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE`, i.e. the value is a
    /// `set_merge` copy of [`SetTable::from_constant_frozenset`]; with two or
    /// fewer it is a plain BUILD_SET (adds in order, as
    /// [`SetTable::from_items`]).  Displays with any non-constant or starred
    /// element are BUILD_SET / SET_ADD / SET_UPDATE in source order.
    pub fn from_constant_display<E>(
        items: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<Self, E> {
        if items.len() > 2 {
            Ok(Self::from_constant_frozenset(items, eq)?.copy())
        } else {
            Self::from_items(items, eq)
        }
    }

    /// `set.update(iterable)` for a non-set, non-dict iterable: add each item.
    pub fn extend_items<E>(
        &mut self,
        items: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<(), E> {
        for (h, k) in items {
            self.insert(*h, k.clone(), eq)?;
        }
        Ok(())
    }

    /// `set.update(a_dict)` / `set(a_dict)` (exact dict): one presize for the
    /// dict's size, then add the keys in dict order.  `keys` must be all the
    /// keys of the dict with their stored hashes.
    pub fn update_from_dict_keys<E>(
        &mut self,
        keys: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<(), E> {
        let n = keys.len();
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
        self.extend_items(keys, eq)
    }

    /// `set(a_dict)` / `frozenset(a_dict)` (exact dict): a new set updated
    /// with [`SetTable::update_from_dict_keys`].
    pub fn from_dict_keys<E>(keys: &[(i64, K)], eq: &mut EqFn<'_, K, E>) -> Result<Self, E> {
        let mut t = Self::new();
        t.update_from_dict_keys(keys, eq)?;
        Ok(t)
    }

    /// `set_merge(self, other)`: `self.update(other_set)`, `self |= other`.
    ///
    /// If `other` is the very same Python object as `self`, CPython does
    /// nothing: the caller must skip the call in that case.
    pub fn update<E>(&mut self, other: &SetTable<K>, eq: &mut EqFn<'_, K, E>) -> Result<(), E> {
        if other.used == 0 {
            return Ok(());
        }
        // One big resize up front.
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            // Empty target of the same size, source without dummies: copy
            // slot for slot.
            for (dst, src) in self.table.iter_mut().zip(other.table.iter()) {
                if let Slot::Active(h, k) = src {
                    *dst = Slot::Active(*h, k.clone());
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            // Empty target: clean inserts in the source's slot order.
            self.fill = other.used;
            self.used = other.used;
            let mask = self.mask();
            for (h, k) in other.iter() {
                insert_clean(&mut self.table, mask, h, k.clone());
            }
            return Ok(());
        }
        for (h, k) in other.iter() {
            self.insert(h, k.clone(), eq)?;
        }
        Ok(())
    }

    /// `set.copy()`, `set(other_set)`, `frozenset(other_set)` (when a new
    /// object is made): `set_merge` into a fresh empty set.  Never calls `eq`.
    pub fn copy(&self) -> Self {
        let mut t = Self::new();
        let mut never = |_: &K, _: &K| -> Result<bool, std::convert::Infallible> {
            unreachable!("set_merge into an empty set never compares keys")
        };
        match t.update(self, &mut never) {
            Ok(()) => t,
            Err(e) => match e {},
        }
    }

    // ---------------------------------------------------------------
    // Set algebra (both operands are sets)
    // ---------------------------------------------------------------

    /// `self | other`, `self.union(other)` (`set_or`/`set_union`): copy of
    /// `self`, then `set_merge` of `other`.
    ///
    /// If `other` is the same Python object as `self`, CPython returns just
    /// the copy: the caller must use [`SetTable::copy`] in that case.
    pub fn union<E>(&self, other: &SetTable<K>, eq: &mut EqFn<'_, K, E>) -> Result<Self, E> {
        let mut r = self.copy();
        r.update(other, eq)?;
        Ok(r)
    }

    /// `self & other`, `self.intersection(other)` (`set_intersection`):
    /// iterates the smaller set (`other` when sizes are equal), probing the
    /// larger, and adds the *iterated* keys to a new set in that order.
    ///
    /// If `other` is the same Python object as `self`, CPython returns a copy:
    /// the caller must use [`SetTable::copy`] in that case.
    pub fn intersection<E>(&self, other: &SetTable<K>, eq: &mut EqFn<'_, K, E>) -> Result<Self, E> {
        let (big, small) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        let mut result = Self::new();
        for (h, k) in small.iter() {
            if big.contains(h, k, eq)? {
                result.insert(h, k.clone(), eq)?;
            }
        }
        Ok(result)
    }

    /// `self.intersection(iterable)` for a non-set iterable: for each item
    /// (in order) that is in `self`, add the item to the result; stop early
    /// once the result is as large as `self` (as CPython 3.11 does).
    pub fn intersection_items<E>(
        &self,
        items: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<Self, E> {
        let mut result = Self::new();
        for (h, k) in items {
            if self.contains(*h, k, eq)? {
                result.insert(*h, k.clone(), eq)?;
                if result.used >= self.used {
                    break;
                }
            }
        }
        Ok(result)
    }

    /// Replace this table's contents by `other`'s, keeping the pop finger
    /// (`set_swap_bodies`, used by the in-place operations that compute a
    /// temporary result).
    fn take_body(&mut self, other: SetTable<K>) {
        self.table = other.table;
        self.fill = other.fill;
        self.used = other.used;
    }

    /// `self &= other`, `self.intersection_update(other)`: compute
    /// [`SetTable::intersection`] and swap it in.
    ///
    /// Same object: CPython swaps in a copy of `self`; the caller should do
    /// `t.intersection_update_with_copy()` in that case.
    pub fn intersection_update<E>(
        &mut self,
        other: &SetTable<K>,
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<(), E> {
        let tmp = self.intersection(other, eq)?;
        self.take_body(tmp);
        Ok(())
    }

    /// `s &= s` / `s.intersection_update(s)`: the body becomes a copy.
    pub fn intersection_update_with_copy(&mut self) {
        let tmp = self.copy();
        self.take_body(tmp);
    }

    /// `self.intersection_update(iterable)` for a non-set iterable.
    pub fn intersection_update_items<E>(
        &mut self,
        items: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<(), E> {
        let tmp = self.intersection_items(items, eq)?;
        self.take_body(tmp);
        Ok(())
    }

    /// `self - other`, `self.difference(other)` (`set_difference`).
    ///
    /// When `len(self) >> 2 > len(other)` CPython copies `self` and discards
    /// `other`'s keys from the copy (then possibly resizes the dummies
    /// away); otherwise it iterates `self`, adding keys not in `other` to a
    /// new set.  Works unchanged when `other` is the same object.
    pub fn difference<E>(&self, other: &SetTable<K>, eq: &mut EqFn<'_, K, E>) -> Result<Self, E> {
        if (self.used >> 2) > other.used {
            let mut r = self.copy();
            r.difference_update(other, eq)?;
            return Ok(r);
        }
        let mut result = Self::new();
        for (h, k) in self.iter() {
            if !other.contains(h, k, eq)? {
                result.insert(h, k.clone(), eq)?;
            }
        }
        Ok(result)
    }

    /// `self.difference(iterable)` for a non-set, non-dict iterable: copy,
    /// then discard each item (`set_copy_and_difference`).
    pub fn difference_items<E>(
        &self,
        items: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<Self, E> {
        let mut r = self.copy();
        r.difference_update_items(items, eq)?;
        Ok(r)
    }

    /// `self.difference(a_dict)` (exact dict) given the dict's keys with
    /// their hashes.  Membership in the dict is tested through a temporary
    /// table built from `keys` (same answers; `eq` may be called a few extra
    /// times while building it, for keys of equal hash).
    pub fn difference_dict_keys<E>(
        &self,
        keys: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<Self, E> {
        if (self.used >> 2) > keys.len() {
            return self.difference_items(keys, eq);
        }
        let probe = Self::from_items(keys, eq)?;
        let mut result = Self::new();
        for (h, k) in self.iter() {
            if !probe.contains(h, k, eq)? {
                result.insert(h, k.clone(), eq)?;
            }
        }
        Ok(result)
    }

    /// Final step of `set_difference_update_internal`: if more than a quarter
    /// of the slots are dummies, rebuild the table.
    fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(growth_target(self.used));
        }
    }

    /// `self -= other`, `self.difference_update(other)`.
    ///
    /// When `other` is more than 8 times larger, CPython first replaces it by
    /// `self & other`.  Then each key of `other` is discarded, and finally the
    /// table is rebuilt if more than 1/4 of it is dummies.
    ///
    /// Same object: CPython clears the set; the caller must call
    /// [`SetTable::clear`] instead.
    pub fn difference_update<E>(
        &mut self,
        other: &SetTable<K>,
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<(), E> {
        if (other.used >> 3) > self.used {
            let tmp = self.intersection(other, eq)?;
            for (h, k) in tmp.iter() {
                self.remove(h, k, eq)?;
            }
        } else {
            for (h, k) in other.iter() {
                self.remove(h, k, eq)?;
            }
        }
        self.shrink_dummies();
        Ok(())
    }

    /// `self.difference_update(iterable)` for a non-set iterable (including
    /// a dict's keys): discard each item, then maybe rebuild.
    pub fn difference_update_items<E>(
        &mut self,
        items: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<(), E> {
        for (h, k) in items {
            self.remove(*h, k, eq)?;
        }
        self.shrink_dummies();
        Ok(())
    }

    /// `self ^= other`, `self.symmetric_difference_update(other_set)`: for
    /// each key of `other` in slot order, discard it from `self`, or add it
    /// if it was not there.
    ///
    /// Same object: CPython clears the set; the caller must call
    /// [`SetTable::clear`] instead.
    pub fn symmetric_difference_update<E>(
        &mut self,
        other: &SetTable<K>,
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<(), E> {
        for (h, k) in other.iter() {
            if self.remove(h, k, eq)?.is_none() {
                self.insert(h, k.clone(), eq)?;
            }
        }
        Ok(())
    }

    /// `self.symmetric_difference_update(iterable)` for a non-set, non-dict
    /// iterable: CPython first builds a set from it (adds in order), then
    /// proceeds as with a set.
    pub fn symmetric_difference_update_items<E>(
        &mut self,
        items: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<(), E> {
        let other = Self::from_items(items, eq)?;
        self.symmetric_difference_update(&other, eq)
    }

    /// `self.symmetric_difference_update(a_dict)` (exact dict): iterates the
    /// dict's keys directly, in dict order.
    pub fn symmetric_difference_update_dict_keys<E>(
        &mut self,
        keys: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<(), E> {
        for (h, k) in keys {
            if self.remove(*h, k, eq)?.is_none() {
                self.insert(*h, k.clone(), eq)?;
            }
        }
        Ok(())
    }

    /// `self ^ other`, `self.symmetric_difference(other_set)`: a copy of
    /// `other`, then `symmetric_difference_update` with `self`.  Works
    /// unchanged when `other` is the same object.
    pub fn symmetric_difference<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<Self, E> {
        let mut r = other.copy();
        r.symmetric_difference_update(self, eq)?;
        Ok(r)
    }

    /// `self.symmetric_difference(iterable)` for a non-set iterable: a new
    /// set built from the items (adds in order), updated with `self`.
    pub fn symmetric_difference_items<E>(
        &self,
        items: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<Self, E> {
        let mut r = Self::from_items(items, eq)?;
        r.symmetric_difference_update(self, eq)?;
        Ok(r)
    }

    /// `self.symmetric_difference(a_dict)` (exact dict): a new set made from
    /// the dict (presized, keys added in dict order), updated with `self`.
    pub fn symmetric_difference_dict_keys<E>(
        &self,
        keys: &[(i64, K)],
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<Self, E> {
        let mut r = Self::from_dict_keys(keys, eq)?;
        r.symmetric_difference_update(self, eq)?;
        Ok(r)
    }

    // ---------------------------------------------------------------
    // Comparisons
    // ---------------------------------------------------------------

    /// `self <= other` / `self.issubset(other_set)`.
    pub fn issubset<E>(&self, other: &SetTable<K>, eq: &mut EqFn<'_, K, E>) -> Result<bool, E> {
        if self.used > other.used {
            return Ok(false);
        }
        for (h, k) in self.iter() {
            if !other.contains(h, k, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `self >= other` / `self.issuperset(other_set)`.
    pub fn issuperset<E>(&self, other: &SetTable<K>, eq: &mut EqFn<'_, K, E>) -> Result<bool, E> {
        other.issubset(self, eq)
    }

    /// `self < other`.
    pub fn is_proper_subset<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<bool, E> {
        if self.used >= other.used {
            return Ok(false);
        }
        self.issubset(other, eq)
    }

    /// `self > other`.
    pub fn is_proper_superset<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut EqFn<'_, K, E>,
    ) -> Result<bool, E> {
        if self.used <= other.used {
            return Ok(false);
        }
        self.issuperset(other, eq)
    }

    /// `self.isdisjoint(other_set)`: iterates the smaller set probing the
    /// larger.  Same object: CPython answers `len(s) == 0` directly.
    pub fn isdisjoint<E>(&self, other: &SetTable<K>, eq: &mut EqFn<'_, K, E>) -> Result<bool, E> {
        let (big, small) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        for (h, k) in small.iter() {
            if big.contains(h, k, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `self == other` for two sets/frozensets: equal sizes and
    /// `self.issubset(other)`.  (CPython also returns False early when both
    /// are frozensets with cached, different hashes; that is the caller's.)
    pub fn set_eq<E>(&self, other: &SetTable<K>, eq: &mut EqFn<'_, K, E>) -> Result<bool, E> {
        if self.used != other.used {
            return Ok(false);
        }
        self.issubset(other, eq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::{FromPrimitive, ToPrimitive};
    use std::collections::HashMap;

    // BEGIN GENERATED
    // Generated by gen_expectations.py with CPython 3.11.7; do not edit.
    #[rustfmt::skip]
    const ORDER_CASES: &[(&str, &str)] = &[
        (
            r#"new a [1, 2, 3, 4, 5]; print a"#,
            r#"[1, 2, 3, 4, 5]"#,
        ),
        (
            r#"new a [5, 4, 3, 2, 1]; print a"#,
            r#"[1, 2, 3, 4, 5]"#,
        ),
        (
            r#"new a [8, 16, 24, 32, 40, 3, 11]; print a; lit b [8, 16, 24, 32, 40, 3, 11]; print b"#,
            r#"[32, 3, 8, 40, 11, 16, 24]
[32, 16, 3, 8, 24, 40, 11]"#,
        ),
        (
            r#"forlit [8, 16, 24, 32, 40, 3, 11]; lit a [8, 16]; print a; forlit [8, 16]"#,
            r#"[32, 3, 8, 40, 11, 16, 24]
[8, 16]
[8, 16]"#,
        ),
        (
            r#"new a [40, 32, 24, 16, 8, 11, 3]; print a"#,
            r#"[32, 3, 40, 8, 11, 16, 24]"#,
        ),
        (
            r#"new a [100, 7, 64, 1000, 3, 22, 5, 999]; print a"#,
            r#"[64, 3, 100, 5, 7, 1000, 999, 22]"#,
        ),
        (
            r#"new a [-1, -2, -3, 0, 1, 2, -8, -9]; print a"#,
            r#"[0, 1, 2, -2, -9, -8, -3, -1]"#,
        ),
        (
            r#"new a [-1, -2]; print a; discard a -1; print a; add a -1; print a"#,
            r#"[-1, -2]
[-2]
[-1, -2]"#,
        ),
        (
            r#"new a [2305843009213693951, 2305843009213693952, 2305843009213693953, 1, 2, 18446744073709551616, -1267650600228229401496703205376, 1000000000000000000000000000000, 9223372036854775807]; print a"#,
            r#"[2305843009213693951, 2305843009213693952, 2305843009213693953, 2, 1, -1267650600228229401496703205376, 1000000000000000000000000000000, 9223372036854775807, 18446744073709551616]"#,
        ),
        (
            r#"new a [2305843009213693951, 0, 2305843009213693952, 1]; print a"#,
            r#"[2305843009213693951, 0, 2305843009213693952, 1]"#,
        ),
        (
            r#"new a [1, 1.0, 2.5, 0.5, 3, 8.0, -0.5, 1e100]; print a"#,
            r#"[0.5, 1, 2.5, 3, -0.5, 8.0, 1e+100]"#,
        ),
        (
            r#"new a [1.0, 1, 2, 2.0, 0.25, 0.125]; print a"#,
            r#"[0.25, 1.0, 2, 0.125]"#,
        ),
        (
            r#"new a [1.5, 2.5, 3.5, 4.5, 5.5, 6.5]; print a"#,
            r#"[1.5, 2.5, 3.5, 4.5, 5.5, 6.5]"#,
        ),
        (
            r#"new a [1, 9, 17, 3]; print a; discard a 1; discard a 9; add a 25; print a"#,
            r#"[1, 3, 9, 17]
[3, 25, 17]"#,
        ),
        (
            r#"new a [1, 2, 3, 4]; discard a 2; discard a 3; add a 10; add a 2; print a; add a 3; print a"#,
            r#"[1, 2, 10, 4]
[1, 2, 3, 4, 10]"#,
        ),
        (
            r#"new a [0, 8, 16, 24]; discard a 0; discard a 8; discard a 16; add a 32; add a 0; print a; add a 40; add a 48; print a"#,
            r#"[32, 0, 24]
[32, 0, 40, 48, 24]"#,
        ),
        (
            r#"range a 0 5 1; print a; range b 5 0 -1; print b"#,
            r#"[0, 1, 2, 3, 4]
[1, 2, 3, 4, 5]"#,
        ),
        (
            r#"range a 0 35 7; print a; range b 0 65 13; print b"#,
            r#"[0, 7, 14, 21, 28]
[0, 39, 13, 52, 26]"#,
        ),
        (
            r#"range a 45 0 -9; print a"#,
            r#"[36, 9, 45, 18, 27]"#,
        ),
        (
            r#"range a 0 6 1; print a; range b 6 0 -1; print b"#,
            r#"[0, 1, 2, 3, 4, 5]
[1, 2, 3, 4, 5, 6]"#,
        ),
        (
            r#"range a 0 42 7; print a; range b 0 78 13; print b"#,
            r#"[0, 35, 7, 14, 21, 28]
[0, 65, 39, 13, 52, 26]"#,
        ),
        (
            r#"range a 54 0 -9; print a"#,
            r#"[36, 9, 45, 18, 54, 27]"#,
        ),
        (
            r#"range a 0 19 1; print a; range b 19 0 -1; print b"#,
            r#"[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]
[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]"#,
        ),
        (
            r#"range a 0 133 7; print a; range b 0 247 13; print b"#,
            r#"[0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119, 126]
[0, 130, 13, 143, 26, 156, 39, 169, 52, 182, 65, 195, 78, 208, 91, 221, 104, 234, 117]"#,
        ),
        (
            r#"range a 171 0 -9; print a"#,
            r#"[135, 9, 144, 18, 153, 27, 162, 36, 171, 45, 54, 63, 72, 81, 90, 99, 108, 117, 126]"#,
        ),
        (
            r#"range a 0 20 1; print a; range b 20 0 -1; print b"#,
            r#"[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]"#,
        ),
        (
            r#"range a 0 140 7; print a; range b 0 260 13; print b"#,
            r#"[0, 133, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119, 126]
[0, 130, 13, 143, 26, 156, 39, 169, 52, 182, 65, 195, 78, 208, 91, 221, 104, 234, 117, 247]"#,
        ),
        (
            r#"range a 180 0 -9; print a"#,
            r#"[135, 9, 144, 18, 153, 27, 162, 36, 171, 45, 180, 54, 63, 72, 81, 90, 99, 108, 117, 126]"#,
        ),
        (
            r#"range a 0 77 1; print a; range b 77 0 -1; print b"#,
            r#"#len=298:fnv=04186427d0972cce
#len=299:fnv=72e8489dc816136c"#,
        ),
        (
            r#"range a 0 539 7; print a; range b 0 1001 13; print b"#,
            r#"#len=368:fnv=49d0f6995379089b
#len=376:fnv=0284f4dc7dfa7e3a"#,
        ),
        (
            r#"range a 693 0 -9; print a"#,
            r#"#len=373:fnv=384d53a6e82418c0"#,
        ),
        (
            r#"range a 0 78 1; print a; range b 78 0 -1; print b"#,
            r#"#len=302:fnv=1ff03e0e3ee1f304
#len=303:fnv=322cd39e6b0de41d"#,
        ),
        (
            r#"range a 0 546 7; print a; range b 0 1014 13; print b"#,
            r#"#len=373:fnv=fbe3fb34889c3906
#len=382:fnv=eb60a49510f4d074"#,
        ),
        (
            r#"range a 702 0 -9; print a"#,
            r#"#len=378:fnv=30eefb49bb54ebb5"#,
        ),
        (
            r#"range a 0 1000 1; print a; range b 1000 0 -1; print b"#,
            r#"#len=4890:fnv=4fe7910bfb1f87fb
#len=4893:fnv=7b475d2bd8a2d324"#,
        ),
        (
            r#"range a 0 7000 7; print a; range b 0 13000 13; print b"#,
            r#"#len=5840:fnv=b9be2d1059c7bf58
#len=6144:fnv=508295ff536c2b47"#,
        ),
        (
            r#"range a 9000 0 -9; print a"#,
            r#"#len=5877:fnv=cf78b2f0ccb55e72"#,
        ),
        (
            r#"range a 0 1001 1; print a; range b 1001 0 -1; print b"#,
            r#"#len=4896:fnv=90745476dfde662c
#len=4899:fnv=ffb2523eef7004be"#,
        ),
        (
            r#"range a 0 7007 7; print a; range b 0 13013 13; print b"#,
            r#"#len=5846:fnv=e7ed73068ec80b21
#len=6151:fnv=0f843a05130f24fd"#,
        ),
        (
            r#"range a 9009 0 -9; print a"#,
            r#"#len=5883:fnv=3bbb21d676ac9054"#,
        ),
        (
            r#"range a 0 50000 37; print a"#,
            r#"#len=9161:fnv=f7025ce287a5ade2"#,
        ),
        (
            r#"range a 0 60000 1; print a"#,
            r#"#len=408890:fnv=5ce38a8751444f47"#,
        ),
        (
            r#"new a [1, 2, 3, 4, 5, 6, 7, 8, 9]; new b [5, 6, 7, 100, 200]; or c a b; print c; or c b a; print c; and c a b; print c; and c b a; print c; sub c a b; print c; sub c b a; print c; xor c a b; print c; xor c b a; print c"#,
            r#"[1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 200]
[1, 2, 3, 100, 5, 6, 7, 200, 4, 8, 9]
[5, 6, 7]
[5, 6, 7]
[1, 2, 3, 4, 8, 9]
[200, 100]
[1, 2, 3, 4, 200, 8, 9, 100]
[1, 2, 3, 4, 8, 9, 100, 200]"#,
        ),
        (
            r#"range a 0 100 3; range b 0 100 5; or c a b; print c; and c a b; print c; sub c a b; print c; xor c a b; print c; xor c b a; print c; sub c b a; print c"#,
            r#"[0, 3, 5, 6, 9, 10, 12, 15, 18, 20, 21, 24, 25, 27, 30, 33, 35, 36, 39, 40, 42, 45, 48, 50, 51, 54, 55, 57, 60, 63, 65, 66, 69, 70, 72, 75, 78, 80, 81, 84, 85, 87, 90, 93, 95, 96, 99]
[0, 75, 45, 15, 90, 60, 30]
[3, 6, 9, 12, 18, 21, 24, 27, 33, 36, 39, 42, 48, 51, 54, 57, 63, 66, 69, 72, 78, 81, 84, 87, 93, 96, 99]
[3, 5, 6, 9, 10, 12, 18, 20, 21, 24, 25, 27, 33, 35, 36, 39, 40, 42, 48, 50, 51, 54, 55, 57, 63, 65, 66, 69, 70, 72, 78, 80, 81, 84, 85, 87, 93, 95, 96, 99]
[3, 5, 6, 9, 10, 12, 18, 20, 21, 24, 25, 27, 33, 35, 36, 39, 40, 42, 48, 50, 51, 54, 55, 57, 63, 65, 66, 69, 70, 72, 78, 80, 81, 84, 85, 87, 93, 95, 96, 99]
[65, 35, 5, 70, 40, 10, 80, 50, 20, 85, 55, 25, 95]"#,
        ),
        (
            r#"range a 0 1000 1; new b [5, 900, 17, 2000]; sub c a b; print c; sub c b a; print c; and c a b; print c; and c b a; print c"#,
            r#"#len=4878:fnv=f81d93749a7cff0f
[2000]
[17, 900, 5]
[17, 900, 5]"#,
        ),
        (
            r#"new a [3, 1]; range b 0 500 1; sub c a b; print c; isub a b; print a; new a [3, 1, 700]; isub a b; print a"#,
            r#"[]
[]
[700]"#,
        ),
        (
            r#"range a 0 40 1; range b 0 40 2; isub a b; print a; add a 1000; add a 2; print a; pop a; pop a; print a"#,
            r#"[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39]
[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 2, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 1000]
1
3
[5, 7, 9, 11, 13, 15, 17, 19, 2, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 1000]"#,
        ),
        (
            r#"range a 0 40 1; new b [1, 2, 3, 4, 5]; isub a b; print a; add a 3; print a"#,
            r#"[0, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]
[0, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]"#,
        ),
        (
            r#"range a 0 12 1; new b [1]; isub a b; print a"#,
            r#"[0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"#,
        ),
        (
            r#"new a [1, 2]; new b [1]; isub a b; print a; add a 9; print a"#,
            r#"[2]
[9, 2]"#,
        ),
        (
            r#"range a 0 64 1; new b [3, 4]; sub c a b; print c; sub c a a; print c; xor c a a; print c; add c 5; add c 3; print c"#,
            r#"#len=240:fnv=9b865ae34edb13ba
[]
[]
[3, 5]"#,
        ),
        (
            r#"new a [1, 2, 3]; or c a a; print c; and c a a; print c; ior a a; print a; iand a a; print a; isub a a; print a; add a 7; print a"#,
            r#"[1, 2, 3]
[1, 2, 3]
[1, 2, 3]
[1, 2, 3]
[]
[7]"#,
        ),
        (
            r#"new a [1, 2, 3]; ixor a a; print a; add a 7; add a 1; print a"#,
            r#"[]
[1, 7]"#,
        ),
        (
            r#"range a 0 30 1; range b 20 60 2; ior a b; print a; iand a b; print a; ixor a b; print a"#,
            r#"[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58]
[20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58]
[]"#,
        ),
        (
            r#"range a 0 30 1; copy b a; print b; new c [5]; ior c a; print c"#,
            r#"[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]
[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]"#,
        ),
        (
            r#"new a [8, 16, 24, 32, 40]; copy b a; print a; print b; copy c b; print c"#,
            r#"[32, 8, 40, 16, 24]
[32, 16, 8, 24, 40]
[32, 16, 8, 24, 40]"#,
        ),
        (
            r#"new a [100, 200, 300]; new b [1, 2]; ior b a; print b"#,
            r#"[1, 2, 100, 200, 300]"#,
        ),
        (
            r#"new a [1, 2, 3]; new b [3, 2, 1, 4]; cmp a b; cmp b a; cmp a a; new c [7]; cmp a c; new d [1.0, 2, 3]; cmp a d"#,
            r#"eq=F le=T ge=F lt=T gt=F disj=F
eq=F le=F ge=T lt=F gt=T disj=F
eq=T le=T ge=T lt=F gt=F disj=F
eq=F le=F ge=F lt=F gt=F disj=T
eq=T le=T ge=T lt=F gt=F disj=F"#,
        ),
        (
            r#"new a [1, 2, 3, 4, 5, 6]; unionl b a [9, 8, 7, 1]; print b; interl b a [6, 1, 5, 99]; print b; diffl b a [1, 2]; print b; symdl b a [1, 10, 11, 2, 12]; print b"#,
            r#"[1, 2, 3, 4, 5, 6, 7, 8, 9]
[1, 5, 6]
[3, 4, 5, 6]
[3, 4, 5, 6, 10, 11, 12]"#,
        ),
        (
            r#"range a 0 40 1; diffupdl a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]; print a; add a 3; print a"#,
            r#"[0, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]
[0, 3, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]"#,
        ),
        (
            r#"range a 0 40 1; interupdl a [39, 2, 17, 5]; print a; symdupdl a [5, 6, 7, 8]; print a; updl a [90, 91]; print a"#,
            r#"[17, 2, 5, 39]
[2, 6, 39, 8, 7, 17]
[2, 6, 39, 8, 7, 17, 90, 91]"#,
        ),
        (
            r#"new a [1]; dictu a [5, 6, 7, 8, 9]; print a; dictsymdu a [5, 100, 1]; print a"#,
            r#"[1, 5, 6, 7, 8, 9]
[100, 6, 7, 8, 9]"#,
        ),
        (
            r#"range a 0 100 1; dictdiff b a [1, 2]; print b; dictdiff c a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]; print c"#,
            r#"#len=384:fnv=0be930f24a2e5246
#len=299:fnv=fa573de8c2030d04"#,
        ),
        (
            r#"new a [1, 2]; dictsymd b a [7, 15, 23, 31, 39, 2, 47, 55]; print b; symdl c a [7, 15, 23, 31, 39, 2, 47, 55]; print c"#,
            r#"[1, 7, 39, 15, 47, 55, 23, 31]
[1, 39, 7, 15, 47, 55, 23, 31]"#,
        ),
        (
            r#"new a [1]; dictset b a [7, 15, 23, 31, 39, 2, 47]; print b; new c [7, 15, 23, 31, 39, 2, 47]; print c"#,
            r#"[2, 23, 39, 7, 31, 47, 15]
[2, 39, 7, 15, 47, 23, 31]"#,
        ),
        (
            r#"new a [5, 3, 9, 1, 17]; pop a; pop a; add a 2; pop a; pop a; pop a; pop a; print a"#,
            r#"1
3
5
9
17
2
[]"#,
        ),
        (
            r#"range a 0 30 1; pop a; pop a; pop a; discard a 3; pop a; clear a; add a 1; add a 6; add a 7; pop a; pop a; print a"#,
            r#"0
1
2
4
6
7
[1]"#,
        ),
        (
            r#"range a 0 20 1; pop a; pop a; range b 100 140 1; ior a b; pop a; pop a; pop a; print a"#,
            r#"0
1
2
3
4
#len=255:fnv=cab01671d37a2bdb"#,
        ),
        (
            r#"range a 0 10 1; pop a; pop a; pop a; range b 0 5 1; iand a b; pop a; print a"#,
            r#"0
1
2
3
[4]"#,
        ),
        (
            r#"new a [(1, 2), (2, 1), (), (1,), ((1,), 2), (0, 0), (-1, -2), (1.0, 2)]; print a"#,
            r#"[((1,), 2), (1, 2), (2, 1), (-1, -2), (0, 0), (1,), ()]"#,
        ),
        (
            r#"new a [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12)]; print a; lit b [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12)]; print b"#,
            r#"[(9, 10), (1, 2), (3, 4), (11, 12), (5, 6), (7, 8)]
[(9, 10), (11, 12), (1, 2), (3, 4), (5, 6), (7, 8)]"#,
        ),
        (
            r#"lit a [-1, (1, 2), 2.5, 100000000000000000000]; print a; forlit [-1, (1, 2), 2.5, 100000000000000000000]"#,
            r#"[(1, 2), 2.5, 100000000000000000000, -1]
[(1, 2), 2.5, 100000000000000000000, -1]"#,
        ),
        (
            r#"lit a [7, 15]; print a; forlit [7, 15]; lit b [7, 15, 23]; print b; forlit [7, 15, 23]"#,
            r#"[15, 7]
[7, 15]
[23, 7, 15]
[23, 7, 15]"#,
        ),
        (
            r#"lit a [7, 15, 1, 1.0, 7.0, -7]; print a; forlit [7, 15, 1, 1.0, 7.0, -7]"#,
            r#"[1, 7, -7, 15]
[1, 7, -7, 15]"#,
        ),
        (
            r#"new a [65, 18, 768, -3, 39]; new b [-23, 11, -18, 640, 58]; new c [176, 144, 24, 39, 4.5, 66, 104, 17, 2305843009213693954, 58, 1.5, (3, 0), 280, 152, 960, 1216, 9, (1, 0), 31, 6, -18, (2, 0), 2305843009213693955, 26, -1, 54, 33, 13, 832, 128, 5, 52, 22, 12, 7.5, 50, -13, -3, 14, (2, 2), 8.0, 160, -17, 3, 224, -6, 0.5, 37, 48, ((1,), 2), 29, -12, 43, 8, 19, (0, 1), 256, 64, 208, 112, -24, 6.5, 272, (1, 1), 1e+100, 28, 640, -10, 240, 216, 40, 3.5, 136, 256, 96, 320, 27, 44, 384, 25]; add c -10; ior a c; iand c a; add a 192; discard a 9.5; xor b a b; diffupdl a [88, 48, 46, 65, 0.25, 384, 16, 11, 128, 27, -12, -8, 22, (0, 0), 2305843009213693951, 216, 7, 280, 200, 51, 168, 19, 23, 17, 58, 184, 5.5, -21, 136, 7.5, 63, (1, 0), 448, 3.5, 192, -16, 1.5, 29, -3, 2]; discard c 5; add b 832; copy b b; discard c 27; add c 66; add a 216; discard a 10; add c 31; discard c 25; add a (0, 2); interupdl a [7]; discard a 12; isub b b; add a 896; add a (2, 2); print a; copy c c; add c 448; print a; print b; print c"#,
            r#"[896, (2, 2)]
[896, (2, 2)]
[]
#len=406:fnv=eff177e059c577e9"#,
        ),
        (
            r#"new a [6.5, 26, 448, 64, (2, 1), 640, -21, (1, 0), 52, 24, 3.5, -1267650600228229401496703205376]; new b [27, 0.25, -1, 5, 41]; new c [-18, 0.25, 232, 216, 4, -14, 41, 160, 54, 14, 9, 29, 7, 56, 960, 35, -17, -19, 104, (0, 0), (2, 1), 7.5, -11, 192, 128, 47, 28, -8, 2305843009213693953, ()]; or c a c; add c 54; add a 58; print b; print c; ixor b b; cmp c a; discard c -12; cmp a c; pop a; updl a [96, 18446744073709551618, 14, 17, 6, 320, 16, -10, 5, -9, 1024, 13, 1.5, 184, 27, (2, 1), -1267650600228229401496703205376, 240, 152, 30, -12, 160, 768, 2305843009213693955, 128, 1088, 80, 832, 1.0, 1e+100, 88, 704, 50, 69, 576, 62, 208, 51, 288, 640]; pop c; print a; discard a -23; cmp c c; add c 896; discard c 19; print c; add c -1; add b 67; add b 69; cmp b b; add b 1000000000000000000000000000000; pop c; add b 9; print a; print b; print c"#,
            r#"[0.25, 5, 41, 27, -1]
#len=240:fnv=de9c3ac70daca9c3
eq=F le=F ge=F lt=F gt=F disj=F
eq=F le=F ge=F lt=F gt=F disj=F
448
640
#len=295:fnv=66bd64c502620755
eq=T le=T ge=T lt=F gt=F disj=F
#len=240:fnv=052151374e5acb32
eq=T le=T ge=T lt=F gt=F disj=F
-1267650600228229401496703205376
#len=295:fnv=66bd64c502620755
[9, 1000000000000000000000000000000, 67, 69]
#len=210:fnv=f16b7a9ebbbc5664"#,
        ),
        (
            r#"new a [248, 5.5, 49, 208, 11, 22, 68, 960, (2, 2), 8, 9.5, -16, 264, 64, 1152, 120, 44, -2, 1024, 448, 38, 6.5, 128, 69, -19, 24, 45, 1.0, 2305843009213693951, 23, 1216, 2305843009213693952, 184, 1, 88, 2305843009213693956, 25, 29, 21, 256, 112, 57, 168, -3, -7, 144, 63, 9, (2, 1), 48, 640, -10, 80, 1088, -8, 59, 0.25, 7.5, -18, (1, 2), 256, 152, 51, -1267650600228229401496703205376, 14, 54, 18, 66, 8.5, -12, 7, 27, -20, 104, 28, 160, 576, ((1,), 2), 61, 4.5]; new b [2305843009213693956, 264, 384, 1.0, 32, -18, -3, 59, 49, 3.5, 15, 112, 45, 576, 2305843009213693951, 48, -14, 37, 1088, 16, 31, 5.5, 240, 192, 51, 7, (), -16, (1,), (0, 2)]; new c [42, 58, 54, 704, -11, ((1,), 2), -8, -17, 18446744073709551617, 2305843009213693955, (1, 2), -24, 7, 280, 59, 55, -21, 39, 0.5, 184, (3, 1), 296, 128, 10, 448, 62, 22, 64.0, 46, 15]; add b 2305843009213693952; sub c a c; pop a; or c b c; add c 56; and a c c; cmp c a; add b 9.5; copy a b; xor b a b; add a -24; print b; add b 40; ixor b c; add b 11; pop a; print b; discard c -23; print c; updl a [42]; discard b 57; sub b a b; discard c 296; discard c 224; ixor b a; print a; print b; print c"#,
            r#"1024
eq=T le=T ge=T lt=F gt=F disj=F
[]
384
#len=470:fnv=66569a6ccbb68db2
#len=466:fnv=454cac9db38c9c70
#len=203:fnv=1fbaef539670add2
[2305843009213693951, 1.0, 2305843009213693952, 3.5, 2305843009213693956, 5.5, 7, 264, 9.5, 15, 16, (0, 2), 31, 32, 37, 45, 48, 49, (1,), 51, 59, 576, 1088, 192, -18, 112, 240, -14, -16, (), -3]
#len=466:fnv=454cac9db38c9c70"#,
        ),
        (
            r#"new a [15, 6, 8.0, (2, 2), 2305843009213693953]; new b [5.5, 21, 49, 33, 200, 192, 59, 296, 69, -24, 144, 1216, 88, 62, 20, 216, 768, 128, 0, 26, 1088, 2, (2, 0), 34, 32, 52, 9, 576, 57, 5, (1, 1), 288, 320, 192, -18, 0.25, (0, 0), 23, 120, -23, 16, 53, 3.5, 56, 160, 1152, -3, 704, 61, 152, 256, -14, 832, 8.0, (), (1, 2), -21, 41, -1267650600228229401496703205376, 39, -7, 29, 104, 31, 7.5, -15, -13, 48, 264, 10, 24, 18, -20, 65, 37, 28, 304, (0, 1), 4, 50]; new c [-14, 31, -20, 68, 768, 19, 2305843009213693953, 60, (2, 2), -4, (1,), 2.5]; add c 256; add a -16; discard c 8; add a -12; add a 1024; add c 304; add b 960; add b 27; print c; add a 29; print c; discard a 59; discard c 48; pop b; print a; xor a b c; add c (1, 1); add c 320; ior c a; diffupdl a [-23, 6, 5, 64, (2, 2), 66, -8, 448, 1.0, 2305843009213693952, 17, 112, 19, (), -22, 80, 0.5, -7, 36, 1e+100, 512, 7, 55, 28, 46, 11, -17, 104, 8.5, 51, 2305843009213693956, 272, 144, 2305843009213693954, 53, 21, 50, 896, 18, -10]; discard a 48; add a 304; pop a; add a (3, 0); add c 6.5; print a; print b; print c"#,
            r#"[768, 256, 2305843009213693953, 2.5, 68, -20, -4, 304, (1,), -14, 19, (2, 2), 60, 31]
[768, 256, 2305843009213693953, 2.5, 68, -20, -4, 304, (1,), -14, 19, (2, 2), 60, 31]
0
[1024, 2305843009213693953, 6, 8.0, 15, -16, -12, (2, 2), 29]
0.25
#len=378:fnv=c8355fd269d1865b
#len=406:fnv=6ac6823cba0f5ee3
#len=467:fnv=e6246ef98f64c108"#,
        ),
        (
            r#"new a [640, 21, 248]; new b [(1, 2), 8, 2.5, 60, -3]; new c []; discard b 12; add a 4; print b; xor a a c; discard c 960; add c 384; add a 2305843009213693952; add a 264; add c 152; cmp b c; discard a (3, 1); pop c; discard b 56; diffupdl c [(0, 1), 896, 160, 216, 136, 0.5, -18, 69, 8.0, 18446744073709551616, 45, 46, -1267650600228229401496703205376, 25, 6.5, 28, -14, 240, 3, 88, 10, 184, 26, 288, 64, 128, 2305843009213693952, 5.5, 232, 14, 168, (1, 0), 192, 11, 22, 2, 15, 272, 1e+100, 2305843009213693953]; add a 0.5; discard a 15; dictsymdu a [38, 8, 0, 152, 1152, 61, 43, (2, 2), -12, -1]; add a 55; discard c -7; add c 64; discard a 2.5; add c 1024; and b a c; discard b (); copy a b; print a; print b; print c"#,
            r#"[2.5, (1, 2), 8, 60, -3]
eq=F le=F ge=F lt=F gt=F disj=T
384
[152]
[152]
[64, 1024, 152]"#,
        ),
        (
            r#"new a [38, 1000000000000000000000000000000, -21, 3, 1216, 16, 59, 20, (), 232, 144, 264]; new b []; new c [35, 128, 60]; add a 240; add c 66; interupdl c [512, 312, 31, -10, 1088, -8, 65, 3.5, 30, 264, (), 1024, 288, 58, 6, 296, 18446744073709551616, 120, -14, 1, 56, 152, -4, 8.5, 256, 43, 52, (1, 2), (2, 2), -6, 47, 1000000000000000000000000000000, -23, 22, 192, 448, 104, 0.25, 200, -5]; dictu a [256, 56, 2305843009213693955, 448, 40, 88, 1024, 384, 30, 17]; interupdl b [52]; add c (0, 0); print a; add c 16; add c -18; discard a 5; print b; add c 224; add a 50; or a a c; discard b 14; print c; add c 12; add b 96; discard c 200; add c 248; add b -21; add a 280; xor a b c; add b 56; print a; print b; print c"#,
            r#"[1216, 256, 1000000000000000000000000000000, 3, 2305843009213693955, 448, 1024, 384, 264, 16, 144, 17, 20, 88, 30, 38, 232, 59, 40, -21, 240, 56, ()]
[]
[16, 224, -18, (0, 0)]
[224, 16, 96, (0, 0), 248, -21, 12, -18]
[96, 56, -21]
[224, (0, 0), 12, -18, 16, 248]"#,
        ),
        (
            r#"new a [51, 25, 47, 5, 704]; new b []; new c [44, 256, 41, 15, 200, 61, 2305843009213693954, 1088, 2305843009213693952, 24, 448, 3, 65, -15, 46, 960, 18446744073709551618, 1152, (1, 0), 49, -9, 59, 768, 18446744073709551616, -23, 128, 5, 52, 8, 40]; and b a b; sub b a b; dictu c [9]; discard b 51; discard a 88; add b -5; discard c 288; add a -13; add a 19; discard a 6.5; add b 184; isub c b; xor c c a; updl a [-24, -9, 280, 14, 152, 4, 52, 23, 224, 240, 9.5, 304, 34, 16, 2.5, 62, 6, 256, -7, 63, 1088, 512, -17, 176, 55, 2305843009213693951, 36, 59, 192, 8, 1, -6, (3, 0), 12, 54, -16, 58, 200, 184, 24]; discard b 36; add a 32; interupdl c [23, 18446744073709551616, 128, 44, 9.5, 5.5, -6, -24, -18, 61, 384, (1, 2), 18446744073709551618, 49, 288, 160, 1024, 1152, 25, 6.5, 16, 2305843009213693953, 13, 120, 20, 42, 36, 19, 60, 64, 47, 64.0, 1e+100, 168, -16, 5, 59, 54, 1.5, 32]; add b 176; discard b (1, 1); add a 9.5; discard b 5.5; diffupdl a [62]; add b -20; add a 7.5; discard b (2, 2); print a; print b; print c"#,
            r#"#len=229:fnv=7298542baeddc8d7
[704, 5, 25, -20, 47, 176, 184, -5]
[128, 1152, 5, 18446744073709551616, 18446744073709551618, 44, 47, 49, 19, 25, 59, 61]"#,
        ),
        (
            r#"new a [27, (0, 1), 19, 45, 2305843009213693952, 88, 960, (), 184, 14, 66, -1267650600228229401496703205376, 60, 128, 7, -6, 8, 54, -13, 120, 11, 35, 18446744073709551617, -10, 4, 144, 67, 136, 22, 53]; new b [50, 16, (2, 2), 128, 32, -13, 49, 152, 0, 40, 24, 58]; new c [-13, 512, 49, -7, 15, -16, (1, 1), 8, 33, 200, 59, 54]; discard c 61; discard a (3, 2); updl a [19, 192, 448]; interupdl a [-14, 58, 1e+100]; add b 33; discard a 58; discard b -13; add b 1024; discard a 232; discard a 168; pop b; add a 36; discard b (0, 1); discard a 6; add a 30; pop b; discard a 2305843009213693953; discard c 8.5; or a b a; isub a a; ior c a; diffupdl a [96, 1e+100, -14]; print a; isub a a; add a 65; print a; print b; print c"#,
            r#"32
128
[]
[65]
[0, 33, 1024, 40, 16, 49, 50, (2, 2), 152, 24, 58]
[512, 33, 8, 200, (1, 1), 15, -16, 49, -13, 54, -7, 59]"#,
        ),
        (
            r#"new a [45, 7, 640]; new b [112, 640, 26]; new c []; discard b 23; add a -21; add c 9.5; add a 96; cmp b a; discard a 136; add b 1; copy a b; discard b 34; print b; discard b 3.5; add a 5.5; diffupdl b [56, 40, -1]; pop c; discard a -5; add b 232; diffupdl b [(0, 2), 168, 960, 576, 21, (3, 1), -10, 192, 16, -9]; add c 5; pop a; add c 50; copy c b; add a 36; print a; print b; print c"#,
            r#"eq=F le=F ge=F lt=F gt=F disj=F
[112, 1, 26, 640]
9.5
640
[1, 36, 5.5, 112, 26]
[640, 1, 232, 112, 26]
[640, 1, 112, 232, 26]"#,
        ),
        (
            r#"new a [112, 152, 11, 2305843009213693955, 6, 384, 48, 232, 0.25, 224, -2, 41]; new b [-18, 32, 62, 61, (3, 0), 9.5, 144, -15, 39, 768, 48, 18446744073709551617, 58, 5, 112, 26, 55, 41, 576, -12, 512, -19, 640, 0, 256, 136, -5, 36, (), 47]; new c [-22, -4, -19, 33, -13, 216, 4.5, 176, 704, 8, 9.5, 136]; pop c; add a (0, 1); isub c c; discard a 36; discard a 3.5; discard b -19; discard a 32; discard a 1e+100; discard c 160; add a 128; add a 38; add b 18446744073709551617; discard a 57; discard c 88; iand a c; and b c b; cmp c b; add a 21; discard c 9; discard b 65; add b 21; ixor b c; dictu a [-4, (0, 1), 69, 28, 17, 136, (2, 2), -17, 33, 61, -24, 384, 22, 38, 54, 88, 80, 55, 18446744073709551616, 8.0, 192, 32, 63, 448, 59, 2305843009213693951, -7, 104, 7.5, 35, 34, (3, 2), 176, 184, (1, 2), 67, 0, 20, 64.0, 25]; add b 896; print a; print b; print c"#,
            r#"704
eq=T le=T ge=T lt=F gt=F disj=T
#len=227:fnv=55df43fbe8dcea83
[896, 21]
[]"#,
        ),
        (
            r#"new a [-24, 2305843009213693956, 0, -12, (3, 0)]; new b [(0, 2), 45, 152]; new c [2305843009213693953, 68, 184, 16, 232, 7, -5, (), 88, 35, 28, 18446744073709551618, 18, 25, 59, 224, 240, (1, 1), 256, (1, 0), (2, 2), -15, 216, -10, 18446744073709551616, 45, (1,), 55, 192, 65, 3, 0.5, 1024, 49, 21, 34, 5.5, 1000000000000000000000000000000, 312, -11, 57, 2, -19, 38, 296, 11, 576, 832, 304, 128, 48, 31, 960, 9.5, 26, -21, (2, 0), -1, -16, 7.5, 69, 2305843009213693951, 41, 64, 640, 128, 10, 288, 136, 512, 704, (0, 2), 1216, (2, 1), 0.25, -23, 6.5, 62, 13, 61]; add c -10; discard a 1088; add a 32; add b 96; xor a c b; add c -20; add a 58; symdupdl b [240, 25, 36, 136, 8, 33, 1.0, 288, 5.5, ()]; add a -19; add c 43; iand b c; discard c 13; add c 768; add c 33; discard a -20; iand b a; print c; interupdl b [15]; discard b 152; discard a 15; discard c (1, 1); add a 12; xor c a b; isub c b; add c 128; print a; print b; print c"#,
            r#"#len=489:fnv=7e7b2060be3c0b08
#len=480:fnv=d55a4062a394316c
[]
#len=480:fnv=d55a4062a394316c"#,
        ),
        (
            r#"new a [2.5, 36, 68, 960, 58, 20, 200, -5, 104, 112, 1e+100, 256]; new b [-7, 40, 11, 64.0, 176, 14, 23, 160, 18, 104, 312, 15]; new c [304, 63, 4.5]; add a 55; diffupdl c [120]; discard b 22; add c 7.5; add b 18446744073709551617; updl c [1088, 192, 832, 2.5, 224, 240, 56, -21, 37, 2305843009213693956, 7.5, -24, 2, 61, 51, 5.5, 60, 1, 168, 43, 264, (2, 2), 704, -18, 59, -12, 4, 6, 7, 57, 19, 1.5, 2305843009213693955, -16, 6.5, 128, -1, 40, 9.5, 53]; add a -13; add a 896; copy a c; discard b 64.0; pop b; add c 960; discard b 23; print a; discard c 13; add b 68; print b; discard b (3, 0); interupdl a [38, 33, 66, (0, 1), 384, 1216, 30, 64, 59, 232, 57, 1.5, 168, 3, 18, 44, 62, 21, (1, 0), -5, (3, 2), 19, 272, 312, 320, 240, 264, 184, 40, 2305843009213693956, 8.5, 2305843009213693951, 576, (2, 2), 41, 18446744073709551616, -18, 2.5, 256, 55]; add c 2305843009213693953; add a -21; cmp c c; discard c (1, 0); add a 62; add c 3; print a; print b; print c"#,
            r#"160
#len=228:fnv=93c8ab6ca9d04449
[68, 40, 104, 18446744073709551617, 11, 14, 15, 176, 18, 312, -7]
eq=T le=T ge=T lt=F gt=F disj=F
[1.5, 2.5, 2305843009213693956, 168, 264, 40, -21, -18, 240, 19, (2, 2), 57, 59, 62]
[68, 40, 104, 18446744073709551617, 11, 14, 15, 176, 18, 312, -7]
#len=257:fnv=aaf4999053912732"#,
        ),
        (
            r#"new a [11, 1, 2.5, 832, -7, 9.5, 216, (1, 1), 64, 8.0, 30, 240, 34, 62, 18446744073709551616, 2305843009213693956, 44, 224, -5, 160, -22, 192, 17, 384, 2305843009213693952, 304, 4.5, 1.0, 18446744073709551617, 18]; new b []; new c []; ixor c b; pop a; ixor a a; updl c [1216]; cmp a c; discard b 45; cmp c c; add c 304; add a 80; updl a [(3, 2), 0.25, 1216, 42, 960, 34, (2, 2), 304, 240, 54, 120, -16, (3, 0), 44, 264, 31, 224, -2, 20, 88, 68, (0, 1), 7, 23, 96, 16, 29, -1267650600228229401496703205376, 168, -10, 144, 49, 30, -23, -24, -5, 2, 63, 1.5, 80]; discard b 18; print c; add b 2305843009213693951; add a 63; copy c c; discard b 6.5; cmp a a; add c -12; discard a 832; add b 51; discard a (); print c; symdupdl b [55, (0, 0), 112]; isub c a; ixor a a; print a; print b; print c"#,
            r#"384
eq=F le=T ge=F lt=T gt=F disj=T
eq=T le=T ge=T lt=F gt=F disj=F
[1216, 304]
eq=T le=T ge=T lt=F gt=F disj=F
[1216, 304, -12]
[]
[2305843009213693951, (0, 0), 112, 51, 55]
[-12]"#,
        ),
        (
            r#"new a []; new b [62, -4, -24, 66, 192, 2305843009213693956, 64, 57, 10, 1, 640, 176, 8.5, 37, 296, 0, 104, 60, 4, 44, -5, (0, 1), 21, 5, 42, -15, 30, 2305843009213693954, (2, 0), -11, 2, 80, 1.0, -2, 128, 49, 1e+100, (3, 0), 54, 26, 256, 264, 64.0, 18, 184, 2305843009213693951, 53, 768, 832, -9, (1, 0), (3, 1), 55, 168, 88, 59, 216, 1000000000000000000000000000000, -23, 8.0, 34, 7, 51, 61, 29, 208, 152, 512, (2, 1), 41, 6, -1267650600228229401496703205376, 7.5, (3, 2), 2305843009213693952, -17, 896, 1088, 35, 112]; new c [40, 0, (2, 0), (1,), -10, 48, 8.5, 32, 960, 31, 120, -2, 68, 256, 44, 45, 9, -19, 192, 2305843009213693951, -7, (3, 2), 47, 112, 4.5, 8.0, 2, 0.25, (3, 1), 24, 1000000000000000000000000000000, 88, 26, -21, 6.5, 61, (1, 0), 18446744073709551617, 41, 384, -8, 9.5, 58, 67, 18446744073709551616, (0, 2), 22, 46, 6, -24, 240, 3, 12, 184, -17, 54, 768, 576, 80, -23, 27, 104, 13, 39, 5.5, 1152, 35, 11, 216, 42, -22, 192, -11, 280, 64.0, 256, 640, 19, 96, 18]; ixor a c; discard a (0, 1); cmp c a; add b -8; add c -15; print a; add b 576; discard a 51; pop b; add a 26; print c; xor b c b; add c (1, 2); discard b 39; add a 54; discard c 1216; add a -7; or b a b; add c 184; ixor b c; add b 104; and b c b; xor a b a; add b 13; discard b 1024; print a; print b; print c"#,
            r#"eq=T le=T ge=T lt=F gt=F disj=F
#len=445:fnv=23e040bdc9114e07
0
#len=450:fnv=0a4231611a511bc6
#len=453:fnv=d69668df6d15ac37
[104, -15, (1, 2), 13]
#len=458:fnv=282e1b3c2cb2d274"#,
        ),
        (
            r#"new a [0.25, 5.5, 280, 30, 832]; new b [(0, 2), (2, 2), 192]; new c [2305843009213693955, 14, 80]; discard b 52; sub b a b; sub c b b; add c 33; discard c 3; interupdl a [18446744073709551617, 62, 960, 1216, 16, -1267650600228229401496703205376, 1e+100, 280, (2, 2), 21, 112, 160, 54, 1024, 512, 5, -5, 34, 17, 256, 2305843009213693953, 24, 2305843009213693951, 640, (0, 1), 288, 31, 32, (1, 1), 232, 37, 33, (2, 0), 128, 0.5, -22, 53, 48, 192, -8]; cmp c c; add b 384; discard b (0, 1); discard c 26; pop b; add a 57; add c 2305843009213693955; add a 168; add a 4; discard c (3, 1); dictu c [960, 2305843009213693954, 9]; add a 832; or c c a; or b b a; add b 7.5; discard c 704; add b 54; discard a 2; add a 168; print a; print b; print c"#,
            r#"eq=T le=T ge=T lt=F gt=F disj=F
0.25
[832, 4, 168, 280, 57]
[832, 384, 4, 5.5, 7.5, 168, 54, 280, 57, 30]
[960, 33, 832, 2305843009213693954, 2305843009213693955, 4, 168, 9, 280, 57]"#,
        ),
        (
            r#"new a [9.5, 168, 288, -24, 184, 27, 38, 8, 46, 256, (1, 0), 1000000000000000000000000000000, -14, 144, 640, 1.0, 52, -22, 69, 312, -11, 53, 2305843009213693955, 15, (), 48, 63, (1, 1), 8.0, 2305843009213693952]; new b [1.0, (2, 0), -23, 45, 1024]; new c [12, 0.5, (0, 1), 280, 8.0]; discard a 66; copy a a; discard b 120; add b 232; add a 23; print c; discard c -23; add c 1.5; isub b a; discard c 64; discard a 11; add a -19; or a c a; cmp c c; discard b 45; isub b a; discard c 192; updl b [4, 2305843009213693955, 18446744073709551618, 9.5, 2305843009213693956, 55, 41, -7, 12, 0.5]; pop c; ixor c a; add a 48; or b c c; add a -16; discard c 448; dictsymdu a [296]; print a; print b; print c"#,
            r#"[0.5, (0, 1), 8.0, 12, 280]
eq=T le=T ge=T lt=F gt=F disj=F
0.5
#len=247:fnv=262fb007bc193469
#len=210:fnv=069b06f46a037987
#len=210:fnv=8164f93d9e11301f"#,
        ),
        (
            r#"new a [53, -20, 37, 67, 41, 68, -14, 6, 18446744073709551616, 216, 296, 160]; new b [120, 27, -7, 13, 64, 10, 256, 304, 56, 28, 22, (1, 2), 24, 312, 896, 8, 64.0, 208, 144, (), 9.5, 60, (1, 0), 960, 448, 3.5, 288, -22, 19, 128]; new c [176, 18446744073709551616, 18446744073709551618, 248, 64.0, (1, 1), 31, 51, 1e+100, 59, 46, 52]; updl a [6.5, 96, 47, -22, 832, 53, 49, (1, 2), -1267650600228229401496703205376, 4.5]; copy b a; discard c 152; iand c a; add a 2305843009213693952; updl a [296, -1267650600228229401496703205376, 63, 25, 49, 31, 232, -3, 1152, 69]; add c -22; discard a 272; add b (0, 2); discard c -1; pop c; discard c 44; add b 15; add c 448; add c (0, 2); add c 1; ixor a c; sub b c c; interupdl c [(2, 0), -10, -3]; discard b 264; add c 2.5; iand b a; add a 272; discard b 9.5; print a; print b; print c"#,
            r#"18446744073709551616
#len=212:fnv=0f5a7754c409f079
[]
[2.5]"#,
        ),
        (
            r#"new a []; new b [1, 33, 256]; new c [80, (2, 2), 36, 2305843009213693952, 51]; sub b b a; add c 184; add c 640; add c 11; cmp c a; add b 512; pop b; iand a b; isub c c; add b 232; ior a c; add c 40; cmp a b; add c -3; add c 61; discard c 128; diffupdl a [12]; add b 184; add a 2; ixor b c; add a 768; add a 9; ixor a c; discard b -9; discard b 448; print a; print b; print c"#,
            r#"eq=F le=F ge=T lt=F gt=T disj=T
256
eq=F le=T ge=F lt=T gt=F disj=T
[768, 2, 40, 9, -3, 61]
[512, 1, 33, 232, 40, -3, 184, 61]
[40, 61, -3]"#,
        ),
        (
            r#"new a [-21, 6.5, 640, 46, 18446744073709551618, 144, 2305843009213693956, (0, 0), 896, 23, (1, 1), 88]; new b [-10, 144, (0, 0), 64, 3, 39, 64, 2305843009213693955, 2305843009213693954, 53, 18, 44]; new c []; discard c 44; iand b a; updl b [29, 1000000000000000000000000000000, 2305843009213693956, -12, 104, -5, 25, 17, 65, -19]; print a; add b 19; discard c 11; dictsymdu c [14]; add a 45; sub a b b; add a 59; add b 32; add a 152; diffupdl b [640]; add a 88; add b 25; ior b a; add a 176; and b c b; add b 18; isub c a; add a 192; print a; add c 896; discard a 80; print a; print b; print c"#,
            r#"[640, 896, 2305843009213693956, 6.5, (0, 0), 18446744073709551618, -21, (1, 1), 46, 144, 23, 88]
[192, 59, 176, 152, 88]
[192, 59, 176, 152, 88]
[18]
[896, 14]"#,
        ),
        (
            r#"new a [18, -14, (1,), 54, 64, 57, -11, -7, 960, 27, 512, 66, 21, 160, 1216, 832, 896, 1e+100, 58, 128, 248, 67, 50, 15, 36, 53, 32, 264, 4.5, 1000000000000000000000000000000, 280, 46, 208, 9.5, -13, (0, 0), 2305843009213693951, 3, 2305843009213693953, 49, 68, -18, (3, 0), 35, 23, 37, 576, 256, 29, 232, (0, 1), -23, (0, 2), 128, 104, 13, 168, 296, 56, -3, 5, 112, 120, 16, 192, 176, 22, 136, 1024, 14, 64.0, 44, 704, 41, 61, 1, 1.5, 2305843009213693952, 1152, 88]; new b [2, -21, 24, 208, 3.5, 9, 16, -18, 8.0, 4.5, (3, 2), -14, (), 52, -12, 1024, 192, (0, 0), 19, 176, 288, (1, 2), -15, (2, 2), 29, (0, 1), 27, 66, 320, 6]; new c []; discard c 16; pop a; add c 36; add a 6.5; add b 65; cmp b a; add a 960; add c 37; add b -23; discard a 8; or b c a; xor a b b; ior b c; discard b (1, 2); pop b; ior c c; print c; iand c c; ixor b a; iand b b; discard c 57; discard b 320; ior b c; iand c b; print c; print a; print b; print c"#,
            r#"512
eq=F le=F ge=F lt=F gt=F disj=F
2305843009213693951
[36, 37]
[36, 37]
[]
#len=426:fnv=e11b30dd94eb59ed
[36, 37]"#,
        ),
        (
            r#"new a [272, 9.5, 62, 30, 2305843009213693954, (2, 2), 576, 2.5, (3, 1), 31, 240, -17, 168, 1.5, 7.5, 8.0, 32, 128, 18446744073709551618, 160, 112, (2, 1), 15, 45, 320, (0, 2), 208, 64.0, (2, 0), 35]; new b []; new c [2305843009213693953, -1, (0, 1)]; add c 272; add c 2; print b; and b b a; ixor c b; sub a c c; pop c; discard c 512; discard b 64; add a (1,); print a; xor a c a; discard c 168; discard a 152; add b (2, 0); discard a -19; print a; cmp b c; isub a a; ior c c; and a b c; print c; pop c; add a 1.5; pop c; add a 3; add b 2305843009213693951; discard a 144; pop c; discard c 128; discard c 8.0; print a; add c (1, 1); pop c; add b -9; ior c c; or a c b; pop b; discard b -11; print b; add c -20; discard a 27; discard a 43; pop c; or b a b; add b 10; cmp a a; ior b c; add a 32; xor b a c; dictu b [1, 62, 61, (1, 2), 60, -18, 704, 176, -2, 44, 6, (2, 2), 9, 47, 66, 25, 232, -3, 35, 13, 3.5, 1e+100, 216, 22, ((1,), 2), -16, 65, -9, 4.5, 18446744073709551616, -11, 17, 23, 54, (3, 2), 2305843009213693955, 200, 1.5, (0, 0), 41]; symdupdl b [(1, 0), 15, 5.5, 12, 21, 512, -7, 13, 42, 56]; discard a 1e+100; add a 208; add b 34; add b 6.5; add a 64; ior a b; add c -21; copy a a; discard b 41; copy c a; pop c; symdupdl c [312, 20, 1000000000000000000000000000000, -19, 8.5, 30, 960, 47, 44, 15]; updl a [(0, 2), -4, 8.5, ((1,), 2), 43, 40, 3.5, 36, 55, 7]; print c; add b 512; discard c 63; add a 128; add c 4; xor b a c; copy b c; add b (1,); add a 208; updl c [53, -8, 22, -2, 24, 64, (1, 2), 2305843009213693956, 6.5, 42]; add a -1; add b 0.25; ixor c c; add a 240; add a 640; add a 35; add a 62; add c 0.5; print a; add c 2305843009213693954; add c -1; add a 54; add a 41; add b 52; add c 224; ixor b b; dictu a [216, 296, 26]; add b 57; add c -5; print b; add c 832; symdupdl c [39, 8.5, 65, 832, 192, -5, (1, 0), 30, 512, (0, 1)]; add c 2305843009213693953; add c ((1,), 2); pop b; discard c 59; discard a 4; add b 14; add b 11; add c 2305843009213693954; discard b 11; discard a (1, 0); pop b; ior a a; discard a 6.5; add c 216; print a; ior b b; add c 1.0; cmp b a; cmp b b; pop c; pop c; add a 43; or a b c; print a; print b; print c"#,
            r#"[]
(0, 1)
[(1,)]
[2305843009213693953, 2, 272, (1,), -1]
eq=F le=F ge=F lt=F gt=F disj=T
[2305843009213693953, 2, 272, -1]
2305843009213693953
2
272
[1.5, 3]
-1
2305843009213693951
[(2, 0), -9]
(1, 1)
eq=T le=T ge=T lt=F gt=F disj=F
2305843009213693951
#len=360:fnv=3cc3f7e4a1b94661
#len=387:fnv=4d451ff7f1874a61
[57]
57
14
#len=383:fnv=3896d57094a9dbdf
eq=F le=T ge=F lt=T gt=F disj=T
eq=T le=T ge=T lt=F gt=F disj=T
224
65
[0.5, 192, 512, 2305843009213693954, (0, 1), 2305843009213693953, ((1,), 2), 39, 8.5, 1.0, -1, (1, 0), 30, 216]
[]
[0.5, 2305843009213693954, 192, 512, (0, 1), 39, 8.5, 2305843009213693953, ((1,), 2), 1.0, 30, (1, 0), -1, 216]"#,
        ),
        (
            r#"new a [(1, 2), 41, 232, 29, 192, 18446744073709551617, 21, 176, 39, 38, 2305843009213693951, 1, -16, -10, 10, (2, 1), 37, -21, 58, -19, 112, 256, 42, 47, 24, 240, 53, 8.0, 512, 16]; new b [208, -1267650600228229401496703205376, (), 168, 56]; new c [208, -18, 59, 67, 5.5, 224, 28, 1088, 18446744073709551617, -19, 96, 1.5]; print b; add c 384; print b; add b 18446744073709551617; xor c c c; add b 65; ixor a c; discard b -22; dictu c [208, 64, 168]; add c 104; add b 47; sub b a c; discard b 16; cmp a a; pop a; or a c c; add a 5.5; updl b [65, 39, 3, 0, 23, 128, 18, -20, 4, 54]; add b -18; discard b 42; symdupdl a [40, 256, (3, 2)]; print b; and a a b; print b; add b 17; add c -17; xor a c b; add a 68; ixor c b; discard a 256; print b; discard c 320; add a 31; add c (3, 0); add c 192; iand a c; add a 35; discard c 6; print b; add c 26; pop a; updl c [(0, 2), -20, -22, 2305843009213693954, 14, 128, 52, 9.5, 43, 104]; xor b b b; or b a a; add a 61; discard c 21; cmp c b; copy c a; symdupdl b [128]; cmp b c; add b -7; add c -5; ixor b b; add c 44; pop a; sub b a b; diffupdl b [288, 68, 1024, ((1,), 2), 272, 96, -7, 3, 37, 53]; add b 5.5; add a -4; print c; add b 1216; pop a; add c 25; discard c -13; add a 18; or b b a; xor b a a; add c 58; add b 1024; pop a; add a 12; cmp b b; discard a -6; discard b 6; isub b c; discard b -10; copy c a; dictu c [-10, (1, 1), 144]; add a 512; pop b; pop a; pop c; or a a b; print a; discard a 960; print b; discard b (1, 1); add a 25; interupdl b [37, 14, 232]; cmp b b; print b; add b (2, 2); or a c c; add b -3; add a -13; add b 80; xor c a c; and a b b; discard a 1.5; pop b; dictsymdu a [65, 2305843009213693954, 43, -22, 272, 50, 36, 2.5, (1, 1), (1, 2), (0, 2), 11, -9, 14, 1000000000000000000000000000000, -19, 80, 63, -21, 160, 296, (0, 1), 19, -6, 49, 144, 112, (), 1, 0.25, 304, 12, -8, 136, (2, 2), 61, 37, 280, 33, 896]; ior b c; discard a 12; add c (0, 1); dictsymdu a [2.5, 65, 48, -22, 1216, (1,), -17, 512, 448, 216]; discard c (0, 0); add c -21; print c; discard b 34; ixor c c; add a 37; add c 67; dictsymdu b [-11]; add b -2; add a 3; add a 128; diffupdl b [34, -8, 0, 26, 1088, 64, 30, 80, 36, 960, (1, 2), 216, 12, 69, 768, 54, (0, 1), -14, 5, 48, 51, 168, 56, 22, 52, -16, 384, -10, 58, 112, 2.5, 66, 832, 176, 14, 320, 18446744073709551618, 2305843009213693955, 0.25, 104]; discard c -11; add c 33; print a; print b; print c"#,
            r#"[-1267650600228229401496703205376, 168, 208, 56, ()]
[-1267650600228229401496703205376, 168, 208, 56, ()]
eq=T le=T ge=T lt=F gt=F disj=F
2305843009213693951
#len=206:fnv=c6630d80d35321a9
#len=206:fnv=c6630d80d35321a9
#len=210:fnv=3f088849fdb2d4cd
#len=210:fnv=3f088849fdb2d4cd
0
eq=F le=F ge=F lt=F gt=F disj=F
eq=F le=T ge=F lt=T gt=F disj=F
512
#len=242:fnv=3ebd9c353a7f36a6
1
3
eq=T le=T ge=T lt=F gt=F disj=F
1024
2305843009213693951
2305843009213693951
#len=215:fnv=a1d109c822d63189
[]
eq=T le=T ge=T lt=F gt=F disj=T
[]
-3
[(0, 1), -21, -13]
#len=258:fnv=0d71a1f0707e632b
[-13, -11, (2, 2), -2]
[33, 67]"#,
        ),
        (
            r#"new a [39, -1, 1.5]; new b [2305843009213693954, 20, 8.5, 128, 2, (1, 2), 19, 96, 18446744073709551616, 1024, 512, 30, 25, 14, (3, 0), 6.5, 18446744073709551618, 63, 200, (2, 0), 2.5, 176, 216, 18446744073709551617, 1e+100, 64, 23, 192, 2305843009213693951, 43, 60, -21, 21, 7, 35, (0, 0), (2, 2), -5, 136, 960, 280, 55, 448, (2, 1), 112, 15, -2, 1216, 36, 66, 1.0, 1088, 8, -17, 32, 120, 5, 56, 288, 80, 38, 12, -15, 61, 0.5, 160, 184, (), 39, 248, -3, 256, 576, 9.5, -24, 192, ((1,), 2), 704, 1, 54]; new c [39, (), -7, 960, 216, 15, (1, 0), 23, 704, 34, 20, 47, 224, 54, 168, 128, 264, -6, 50, 576, 448, 32, 5, 14, 8.0, (0, 2), (0, 1), 2.5, 19, -23, 59, 43, (1, 2), (2, 2), 232, 17, -8, 10, 36, 13, 1.5, 31, 41, 18446744073709551616, 640, (1,), 37, 2305843009213693955, 512, 1216, 7.5, (2, 0), 0.25, 248, 384, 96, 3.5, 200, 9, -15, 67, 53, 56, 296, -5, 184, 12, 136, 304, 88, 69, 1024, 61, 6, 8, 312, -9, 33, 240, 49]; discard b 176; discard b 2305843009213693951; xor c a a; add c 12; print b; add a -11; pop a; cmp a b; print c; add a 35; add c 1024; add b (0, 0); add a 60; print b; iand c a; print a; add b -16; discard c 35; diffupdl b [28, 7, 0.5, 59, 2305843009213693954, 2305843009213693953, 25, 64, (3, 0), 49]; add c 66; copy c c; isub a b; isub b b; discard c 66; dictsymdu c [1088]; add b 56; discard b 44; print a; isub a a; discard b 2305843009213693955; add b (2, 1); add b 35; copy c c; xor b c a; pop c; discard c 96; ixor a c; discard c 7; ixor a a; xor c b b; dictu a [40]; and c a b; discard b 6.5; add b 144; dictsymdu b [(), (3, 1), 13, 896, 4, -15, 168, 23, 136, 45, 1, -6, 62, 15, 18446744073709551618, 0.5, -2, 2305843009213693953, 248, 320, 2.5, 9, 61, 36, 40, (1,), -11, 1000000000000000000000000000000, 35, 25, (1, 2), 2305843009213693951, 280, 256, -17, -8, -12, 512, (1, 0), -13]; add a 192; discard c 1e+100; sub c a c; cmp c a; add a 216; add c 128; and a c a; discard b 200; discard b (1, 1); add b 35; pop b; add a 12; add b 1.0; print a; add a 2305843009213693956; discard b 0; discard a 16; add b 8.5; add b -13; print a; ior b a; updl a [29, 168, -2]; add c 4; or a c b; add a 176; add c (0, 1); add b 39; updl a [-1267650600228229401496703205376, -17, 56, 2, 0, (2, 0), 65, -19, -5, 2305843009213693953]; discard a 13; pop c; pop a; add c 67; add a 10; add b 18446744073709551617; discard a 9.5; interupdl a [1088, 168, 240, 304, 23, 19, 59, 136, 69, -3, 224, 5.5, 58, 45, 43, 49, 13, (2, 0), -13, 96, 128, 21, 312, 62, -8, -4, 24, 184, (2, 1), 8.5, -10, 31, 39, 6.5, 42, 160, -2, 38, 384, 152]; discard b 296; add a 704; discard a -15; discard c 168; add c 69; copy a a; print a; print a; print a; pop b; discard c -1; interupdl b [-2, 44, 128, -11, 120, -19, 5.5, 10, 6.5, 2305843009213693951]; discard a 384; add b 16; iand b b; discard c 27; add c 200; discard a -22; and a a c; add c 640; add c 61; add b 5; discard b 248; cmp c c; xor c b c; discard c 20; ior b c; add a 1; copy a a; pop c; discard c 1088; discard b 6; add c 304; add b 264; copy a c; or a b a; add a 64; ior b c; discard a 63; print a; print b; print c"#,
            r#"#len=440:fnv=317951775a8ce597
1.5
eq=F le=F ge=F lt=F gt=F disj=F
[12]
#len=440:fnv=317951775a8ce597
[35, 39, -11, 60, -1]
[-11, -1]
1088
eq=T le=T ge=T lt=F gt=F disj=F
896
[40, 12, 192]
[40, 12, 2305843009213693956, 192]
(0, 1)
128
[1088, 704, 136, 168, 8.5, (2, 0), 45, -13, -2, 23, -8, 62]
[1088, 704, 136, 168, 8.5, (2, 0), 45, -13, -2, 23, -8, 62]
[1088, 704, 136, 168, 8.5, (2, 0), 45, -13, -2, 23, -8, 62]
1
eq=T le=T ge=T lt=F gt=F disj=F
640
[2305843009213693951, 640, 128, 192, 67, 5, 4, 69, 200, 264, 64, 16, 40, 304, -11, 61, -2]
[2305843009213693951, 640, 128, 192, 67, 5, 4, 69, 200, 264, 16, 40, 304, -11, 61, -2]
[128, 192, 67, 4, 69, 2305843009213693951, 5, 40, 200, 16, 304, -11, 61, -2]"#,
        ),
        (
            r#"new a [2, 1152, 8.0, 448, 768]; new b [128, (3, 0), 240, -9, 33, 46, 232, 27, 896, 41, (1, 0), 88, 6.5, 1024, 69, 23, 25, -2, 216, 31, 51, -21, 8.0, 15, 61, 176, 2305843009213693954, 40, 448, 62]; new c []; add b 5; add c 49; add c 11; discard c 66; add a 240; iand a b; dictu c [33]; add c 0.25; diffupdl a [-11]; add b 56; print a; isub b b; or b b c; add a 128; discard a 61; discard b (3, 0); add b 28; add a 44; add b -23; sub b a a; add c 10; add c 8.5; pop a; pop c; add c 2305843009213693956; add a 2.5; discard c 136; discard c 128; symdupdl b [(1, 0), 52, 19]; discard a 25; sub a c b; add c (2, 0); print b; diffupdl b [232, 30, 168, 40, -2, (1, 2), 216, -5, 68, 320]; add b 25; discard b 35; pop a; print a; add c 39; ixor b a; add b 2305843009213693952; add c ((1,), 2); add b -23; print a; discard b 68; ior a b; pop b; pop a; or a c a; pop a; add b 54; discard b 17; discard c 38; add c 51; pop a; ixor b b; sub b c a; discard b -18; add a 256; add b 6.5; print c; cmp c c; ixor b a; interupdl b [6]; and a b c; discard a -3; add c 512; add c 192; add b 272; add b 26; print c; discard c -24; discard b 7.5; add a 38; add c 9; pop c; print a; discard c 54; sub c a c; discard c 120; print b; add c 576; iand b b; pop b; iand b c; add a 37; add a -15; add a 184; discard c 7; iand a b; ior a a; and a b b; discard c 192; sub b b b; discard a 40; and c b c; add c 304; add b 1.5; discard b ((1,), 2); sub a a c; add c 8; add c -14; xor a a b; add c 5; isub a c; pop a; updl b [-2, 34, 1.0]; print b; add a 9; xor b b c; symdupdl c [176, 232, (2, 2), 320, -13, 68, 62, 448, 34, 5]; pop b; print b; add c 216; pop c; or b c a; discard c -13; discard a -1267650600228229401496703205376; add c 896; discard a 18; print a; print b; print c"#,
            r#"[448, 8.0, 240]
448
0.25
[(1, 0), 19, 52]
33
[2305843009213693956, 8.5, 10, 11, 49]
[2305843009213693956, 8.5, 10, 11, 49]
2305843009213693952
2305843009213693956
((1,), 2)
2305843009213693952
[((1,), 2), 33, 2305843009213693956, 39, 8.5, 10, 11, (2, 0), 49, 51]
eq=T le=T ge=T lt=F gt=F disj=F
[((1,), 2), 33, 512, 192, 2305843009213693956, 39, 8.5, 10, 11, (2, 0), 49, 51]
33
[38]
[272, 26]
272
1.5
[1.5, 34, -2, 1.0]
1.5
[34, 1.0, 5, 8, 304, -14, -2]
320
[9]
[448, 34, 68, 8, 232, 9, 304, 176, -14, -13, (2, 2), 216, 62]
[896, 448, 34, 68, 8, 232, 304, 176, -14, (2, 2), 216, 62]"#,
        ),
        (
            r#"new a [896, -24, 832, 1216, 7, 35, 32, -8, 27, (1, 2), 58, 2, 43, 216, 15, 192, 5.5, 2305843009213693956, 312, 176, 29, 184, 67, 240, 16, -1, 22, 1e+100, 55, 25, 160, 51, 54, 7.5, 18, 2305843009213693953, 18446744073709551618, 80, 8.0, 576, -3, 96, 320, 18446744073709551616, 112, 40, (1, 0), 26, 960, 36, (), (2, 1), 256, 66, 38, -9, 9, 33, 64, 69, (3, 0), 12, 512, -2, 56, 0.25, (2, 0), (0, 0), 48, 1000000000000000000000000000000, 104, -14, 768, 1.5, 88, 47, 23, 280, 8.5, 45]; new b [(), 6, 2.5, 576, 18, -3, 160, (2, 2), 42, 64, 26, 18446744073709551617]; new c []; print a; add b 16; add b 68; discard c 29; discard a 5; print a; add c 264; add c (3, 0); add a 22; discard a 704; cmp a b; dictsymdu c [32, -2, (1,), 304, 272, (0, 2), 34, 20, 384, 1.5, 7, 14, 52, 66, 1024, 704, 256, 128, 0, -16, (2, 0), 2305843009213693955, 256, 9.5, 38, -9, 27, (3, 2), 10, -20, 280, 192, 11, 2305843009213693951, (), -10, ((1,), 2), 128, 6.5, -13]; add c 2305843009213693952; add a 216; dictsymdu b [80, 288, 26, 57, 272, -21, (3, 1), 256, 30, 1.5]; discard b 25; dictu a [(2, 2), 0.25, 18446744073709551616, 4, 264, 63, 10, -5, 7.5, 152]; sub b c a; add c 128; discard b 48; add a 1.5; discard a 36; discard b -12; dictsymdu a [8.5, 192, 40]; add c -19; pop a; discard b 57; add a 128; add b -19; discard c 28; add b 45; print c; add a -14; print b; updl c [68]; discard c 16; ior a c; discard b 1152; discard c (3, 1); dictu a [(2, 2), -1, -22, 248, 20, (1, 2), 128, 59, 96, 704]; add a 6.5; ior c c; interupdl c [320, 27, 51]; discard c -20; add b 1000000000000000000000000000000; add c -11; add b 168; xor b b b; print c; discard c 49; and b a c; xor c a c; discard c 3.5; discard c 31; discard b -5; cmp a c; dictsymdu a [120]; add a 1e+100; discard b 2305843009213693955; discard b (); add c 29; add b -2; isub c c; and a c b; dictsymdu b [-1, -3, (1, 2)]; add c (); add a 19; sub a a c; pop c; copy b c; symdupdl c [2305843009213693951, 168, 512, 256, 28, 9.5, -22, 62, 55, 2305843009213693954]; discard b 64; dictu c [(2, 2), 136, 9.5]; discard a 2.5; discard a 12; add c 48; add c 58; print a; add c 1e+100; ixor c c; add a (1, 1); iand a c; and b c b; discard c 64; discard a 28; add b 104; dictsymdu a [36, (2, 2), 50, 20, 104, -6, 19, 280, 64.0, (3, 1), 1e+100, 832, 240, 10, -10, 28, 12, 512, 25, 8.5, 8.0, 23, 304, 46, 26, 1088, 232, 18446744073709551616, 63, 5.5, -16, -3, 39, 56, -5, 576, 15, 1.5, 69, 16]; add a -3; add c 80; add c 37; discard a -6; xor b a b; print c; pop b; isub c c; add a 55; and c c b; discard b -16; discard a 1.0; isub b a; isub c b; add a 64; and b a b; updl b [9, (3, 1), (0, 1), 112, 280, -6, 216, 16, 60, 67, -17, 36, -10, 128, 17, 7.5, -14, 2305843009213693954, 26, 240, -11, 232, 960, 192, 80, 3, 49, -1, 38, 1152, (0, 0), 192, 48, 64, 1088, 15, 31, -16, 62, 14]; add a 104; add a 51; print a; discard b 24; add a 8.0; add b 232; discard c 34; iand a c; add b 52; discard a 39; add c (1, 0); add c 10; add a 50; add a 38; add c 960; print a; print b; print c"#,
            r#"#len=473:fnv=f865e589e6946fe4
#len=473:fnv=f865e589e6946fe4
eq=F le=F ge=F lt=F gt=F disj=F
512
#len=261:fnv=d95eb829041cf5ef
[384, 1024, 128, 0, 2305843009213693955, 2305843009213693951, 6.5, 2305843009213693952, 9.5, 11, 14, 272, (0, 2), 20, 34, 45, 304, (1,), 52, 704, ((1,), 2), (3, 2), -20, -19, -16, -13, -10]
[27, -11]
eq=F le=F ge=F lt=F gt=F disj=F
()
[19]
[80, 37]
512
#len=212:fnv=9e036ffc72235c4b
[50, 38]
#len=205:fnv=3603db8eb5969669
[(1, 0), 10, 960]"#,
        ),
        (
            r#"new a [128, 64, 55, (1, 0), -11, 576, -6, (1,), 192, 128, 6, 68]; new b [168, 13, 36, 3.5, -21, 232, 9.5, 208, 2305843009213693951, 7, 50, 64]; new c [68, 304, 12, 56, ((1,), 2)]; discard c (3, 0); add a 2.5; sub a a a; add a 19; and b a c; diffupdl b [304]; discard c 9.5; print c; print b; discard b -3; discard a 2305843009213693953; add a -2; copy b c; sub c a c; add a 0.25; add a 296; add a 13; add a 1024; or b c c; add a 57; print a; and b b a; discard b -18; print b; isub b a; add a 54; cmp a c; discard c 8.0; dictu a [14, 192, 1024, 33, -7, 1000000000000000000000000000000, 68, 6.5, 20, 152, 27, 26, 30, 13, 5, 56, -23, -1267650600228229401496703205376, 9.5, (1, 2), 2305843009213693951, (2, 0), 1152, 232, -2, 48, 2305843009213693956, 5.5, 704, 54, (), -24, 208, -17, 248, 0.25, (1, 1), 44, -15, -18]; ior b b; add b 2305843009213693954; add c (1,); add c 576; add a 576; add a 272; discard b 192; add b 30; symdupdl b [22, 304, 280, 20, -1, 44, 136, 63, -24, -9]; add b -22; iand c a; add a 35; discard b 42; sub a b b; pop b; add c 0.25; discard c 208; dictu c [1000000000000000000000000000000, 20, 27, 53, 36, 28, 576, 67, (2, 2), 5, 224, 232, 4, 168, 0.5, -5, 2305843009213693954, 64, 58, 59, -4, 1152, 23, 18446744073709551617, 2305843009213693952, (3, 2), (0, 2), 57, -9, (2, 0), 34, 32, 5.5, 16, -24, 3.5, 40, -13, 37, 1.0]; diffupdl a [(1,), (2, 2), 20, 64, -21, 640, (0, 1), 2305843009213693954, -4, 55, 1000000000000000000000000000000, 136, 51, 7, 128, 12, 6, (1, 2), 2305843009213693951, 16, 29, (3, 1), 1088, -1267650600228229401496703205376, 1e+100, -16, -2, 62, (1, 1), (3, 0), -5, 384, 704, ((1,), 2), -23, (1, 0), 22, 32, 7.5, 60]; sub c c c; iand b c; discard a -12; add c (0, 1); add a 62; ixor c c; isub b c; discard a -17; print a; ior b c; discard a 3; discard c 1.5; add b 8; discard b 40; add a 264; add c 0; discard a (0, 0); add c 56; discard a (); discard c 144; add b (1,); add c (1, 0); symdupdl b [(2, 1)]; add c 29; and c a a; discard c 0.5; cmp b a; cmp c a; add c 18446744073709551618; cmp b a; discard a (3, 2); copy a a; add b 19; add b 21; add b (0, 0); add a 18446744073709551618; add a 18446744073709551618; discard c 208; and a a c; add a 28; iand b a; add c 17; add c -23; ior a b; discard c 69; add c 10; xor c a c; discard c -3; copy b a; add b -8; add a 296; add a -3; add a 23; ior a b; add b (1, 1); and b c b; add b 304; add a 304; and a c a; copy c b; copy c c; discard c 256; add b 21; discard b 80; xor b a a; discard c 36; discard a 1; add a 18; add a 18446744073709551618; add a 248; print a; print b; print c"#,
            r#"[((1,), 2), 68, 12, 304, 56]
[]
[0.25, 1024, 296, 13, 19, 57, -2]
[19, -2]
eq=F le=F ge=T lt=F gt=T disj=F
2305843009213693954
[62]
eq=F le=F ge=F lt=F gt=F disj=T
eq=T le=T ge=T lt=F gt=F disj=F
eq=F le=F ge=F lt=F gt=F disj=T
[248, 18, 18446744073709551618, 28]
[]
[304, 28]"#,
        ),
        (
            r#"new a [512, 320, 248, 22, 50]; new b []; new c [57, 64.0, 8, 88, 2, 65, -21, 296, 32, 18446744073709551618, (1, 2), -20, 6.5, 2305843009213693956, 3.5, 35, -2, 7.5, 896, 176, 46, 49, 25, 55, 7, (3, 1), (3, 2), 272, 50, 47]; discard b -4; add a 2.5; add c 1152; add a 1088; print a; add a 23; discard a 47; add a ((1,), 2); discard b 38; ixor c c; print c; print b; add b 272; discard c -17; ior b c; add c -5; add c 960; pop c; add c 12; cmp c a; print b; discard c 136; discard a 66; add c 18446744073709551617; discard a 52; discard b -9; iand a a; pop b; add a 61; pop a; ixor a c; cmp b a; add c 68; add b 28; symdupdl b [64, 62, 4.5, 25, 8, 45, -1, 7.5, 46, 320, 48, 60, 57, 55, 26, 2305843009213693955, -12, (0, 1), 80, 264, 40, 59, 20, (2, 1), 448, 1, 960, 1000000000000000000000000000000, (3, 1), 296, 28, 2305843009213693956, 47, 29, -11, 384, 8.0, 248, -16, 1.5]; discard b 40; print b; discard a 16; pop c; pop a; pop b; add a 52; pop b; add b -12; add a 17; add b 136; discard b 384; discard a 63; isub b a; sub b b a; add a -2; pop c; pop a; interupdl c [1088, 4.5, 704, 448, 960, 0.25, 4, 144, 28, (0, 2)]; discard c (1, 0); xor a c a; discard b -22; iand c a; add a 46; add b 69; cmp b c; sub b c a; ior a b; ixor b c; interupdl c [-8, 2.5, 96, (1, 2), -19, 136, 39, 7.5, 640, 832]; add b ((1,), 2); xor a b a; or a c c; add c 104; add c (0, 2); add a 18446744073709551616; add b 36; or b a b; add a 64; print a; copy c b; add c 312; copy b a; pop a; discard b 128; and b c b; interupdl c [66]; add c 112; ior b c; add c 256; add b -1; print c; discard a -16; pop a; discard b 248; add b 36; add b 12; iand b b; add c 128; copy a c; discard a 184; pop c; pop a; sub c c b; discard a 68; add a 704; copy b a; discard c 0.5; isub a c; discard b 13; add a 88; print c; add c 15; cmp b c; add a 50; discard b 192; copy a b; symdupdl c [63, -17, 512, 1152, 88, 18446744073709551616, (0, 0), 2305843009213693954, 8.0, 104, 50, (), 41, -1, (2, 0), 5, 68, 8, 160, (2, 1), 39, 296, 34, 17, 38, 0.5, 1216, 832, 3.5, 56, 25, ((1,), 2), 52, (0, 1), 69, 61, 960, -8, 256, 896]; add b 18; add a (3, 0); or a a b; pop a; discard c 66; add a 256; print a; print b; print c"#,
            r#"[512, 320, 2.5, 1088, 50, 22, 248]
[]
[]
960
eq=F le=F ge=F lt=F gt=F disj=T
[272]
272
512
eq=F le=T ge=F lt=T gt=F disj=T
#len=234:fnv=9b7dfcfd7701836d
68
320
1
1000000000000000000000000000000
18446744073709551617
2.5
eq=F le=F ge=T lt=F gt=T disj=T
[18446744073709551616, 64]
18446744073709551616
[112, 256]
64
112
112
[256, 128]
eq=F le=F ge=F lt=F gt=F disj=F
704
[256, 128, (3, 0), 18]
[704, 256, 18, 128]
#len=233:fnv=08b1c5ced13300cd"#,
        ),
        (
            r#"new a [240, 896, 8.5, 152, 22, 55, 2305843009213693954, 248, 2305843009213693956, 184, 192, 32, 62, 27, 768, -4, 192, 50, 33, 4.5, 5, 1152, -8, 120, -17, 0.5, 69, 18446744073709551616, 128, 8]; new b [(0, 2), -3, 10, 36, 1024, 56, ((1,), 2), 65, 40, 53, 176, 8, 34, 63, 0, (0, 0), 66, 46, 128, -7, 704, 35, -6, 2305843009213693954, 1.5, 1216, 192, 304, 27, 0.25]; new c [28, 2, 36]; add c 768; add b 3; add c 960; ior c b; and a a a; or c c b; add c 45; sub c b a; add c ((1,), 2); add a 41; print b; pop b; isub b c; ixor b c; add b 34; print c; pop c; print c; add b (3, 0); add b 2305843009213693954; discard c 18446744073709551618; add b -3; print b; copy a c; symdupdl c [58, 2305843009213693954, 12, 63, 36, 44, -4, 35, 40, 57, 64, 88, 2305843009213693953, -14, (1, 2), 64, 19, 50, -18, -10, 18446744073709551617, 0, 2305843009213693952, 2.5, -15, 1088, 288, -22, (2, 1), 1, 640, 2305843009213693956, 80, 296, 69, 59, -24, 4, (0, 2), 896]; discard a 2.5; iand c b; dictu b [36, 248, 168, 1152, -7, (2, 1), 576, 63, 8.5, 1.5]; discard c 2305843009213693952; add c -17; add a 24; ior b c; add a 48; discard c 17; cmp c a; iand c a; discard b 10; discard c 144; add c 3; pop a; copy c b; discard b -21; add c 224; discard a 296; copy a b; iand a c; add b 43; discard c 136; add a 42; pop c; discard c 200; discard a 32; cmp a a; add c 208; add c 576; discard c 14; discard a 88; add a 15; ixor b a; pop c; pop b; updl b [-19, 61, 2, 832, 3, 1e+100, -8, 60, 25, 66]; add b 15; add b 19; discard c 9.5; and a b a; add c 96; pop a; pop b; symdupdl b [-11]; print b; add a -1; add a 15; add c -1; xor c c a; add a 12; discard c 128; print a; add a 61; discard a 2.5; add b 18446744073709551616; sub a a a; discard c 64; discard c 88; add c 60; and b c c; add b (1,); add a 152; add a (1, 1); and a a b; add c 5; add b 57; print c; add b 68; or c c b; discard c 224; discard a -20; add b -10; sub c a b; dictu c [-5, 256, 1e+100, 33, 1088, 67, 64, 57, 23, 2305843009213693955, 8.5, 5.5, 38, (), 6.5, -2, 19, 120, 200, 2305843009213693953, 12, -18, 1000000000000000000000000000000, 3.5, 53, 640, 21, 8.0, 8, -23, 60, ((1,), 2), -3, 9.5, -12, 66, 40, 18, 13, 39]; add a 232; discard c 43; add b 29; discard c 9; pop b; discard c (1, 1); add b 55; dictu c [9, 240, 112, 88, 64.0, -24, 18446744073709551618, 6, -22, 576]; add c 104; discard c 320; add a 200; pop c; add b 51; add a 448; copy a b; discard a 184; ixor a b; add c 1216; pop c; dictsymdu b [240, 96, 320]; print a; print b; print c"#,
            r#"[1024, 0, 128, 2305843009213693954, 1.5, 0.25, 3, 8, 10, (0, 2), 27, 34, 35, 36, 40, 46, 176, 304, 53, 56, 63, ((1,), 2), 65, 66, 704, 1216, 192, (0, 0), -7, -6, -3]
1024
[1024, 0, 1.5, 3, 0.25, 10, (0, 2), 34, 35, 36, 40, 46, 176, 304, 53, 56, 63, ((1,), 2), 65, 66, 704, 1216, (0, 0), -7, -6, -3]
1024
[0, 1.5, 3, 0.25, 10, (0, 2), 34, 35, 36, 40, 46, 176, 304, 53, 56, 63, ((1,), 2), 65, 66, 704, 1216, (0, 0), -7, -6, -3]
[0.25, 128, 2305843009213693954, 1.5, 0, 1024, 3, 8, 10, (0, 2), 27, 35, 34, 36, 40, 46, (3, 0), 304, 176, 53, 56, 1216, 704, 65, ((1,), 2), 63, 192, 66, (0, 0), -7, -6, -3]
eq=F le=F ge=F lt=F gt=F disj=F
0
1152
eq=T le=T ge=T lt=F gt=F disj=F
0.25
15
42
1e+100
[3, 2, 15, 19, 25, 42, 43, 60, 61, 66, 832, -19, -11, -8]
[66, 3, 12, 15, -1]
#len=209:fnv=82a9be7200a1ae39
0
256
640
[]
#len=240:fnv=99c141cc68960b39
#len=303:fnv=28d91eae675bbecd"#,
        ),
        (
            r#"new a []; new b []; new c [34, (1, 2), 16, 3, 30, 200, 18446744073709551616, -17, 192, 768, -23, 64, 60, 7.5, -14, 18, -4, 14, 112, 1152, (2, 2), 54, (2, 0), 208, 448, -11, 56, -24, 136, 264, 63, -18, 96, 8.0, 59, 2, 26, 248, 2305843009213693954, (0, 2), 31, -2, 232, 240, 18446744073709551617, 128, 2305843009213693952, 9.5, 256, 80, (0, 0), 28, 12, 0.5, 1000000000000000000000000000000, 39, 4.5, 9, 17, -22, 22, 10, 2305843009213693951, 44, 512, 104, 88, 25, 3.5, 48, 13, (0, 1), 160, 52, 1088, 4, 576, 53, 33, 2305843009213693955]; print c; add c 1.5; discard a (0, 2); discard a -1267650600228229401496703205376; discard a 29; discard c -7; copy a c; sub c b c; discard a -12; copy a b; add b 52; dictsymdu a [18446744073709551618]; print c; discard b (0, 1); add c 67; add a 61; discard c 38; pop c; discard c (0, 1); print a; cmp a b; pop b; add a 104; dictu b [67]; discard a 63; interupdl a [54, 52, -10]; add b 128; discard a 34; add a 28; ior b c; discard b 55; discard b -6; add a 2; add a 45; discard a 35; discard a 2.5; discard a (3, 1); add b -18; print b; updl a [2305843009213693953, 256, -21, 208, (2, 1), 35, 2305843009213693951, 13, 42, 216]; add c 18446744073709551616; symdupdl b [144]; discard c 192; add a 28; add a 6; discard a -12; discard b 0; print c; copy a a; and c a a; discard b 42; pop b; add c 224; add b 29; copy b a; interupdl a [200, 27, 12, 18446744073709551617, 80, 280, -15, (0, 2), 296, 18, 1e+100, 9, 53, 46, 2305843009213693952, 2305843009213693956, 120, 68, -1, -11, 112, 39, 4, -1267650600228229401496703205376, 37, 104, 256, -23, 288, 18446744073709551616, (0, 1), 11, 61, 152, -13, 0.25, -17, 31, 96, 448]; add c (2, 0); add a 2.5; pop b; add b 5.5; dictsymdu c [15, 9.5, 38]; add a -1267650600228229401496703205376; discard b 112; isub c a; pop a; ixor c b; add a 4; discard b 2305843009213693956; add c -21; discard b -8; print b; add b 60; add a 640; add a -14; add b 2305843009213693951; discard c -1; discard b (1,); discard c -9; and b c c; discard c 57; symdupdl c [-13, 512, -24, 58, 8, 832, (1, 2), 65, -9, 64]; add a 12; or b c b; dictsymdu b [2305843009213693953, 64, 61]; add c 6; add c 32; and b c c; symdupdl b [28, 232, 62]; add c 280; add a -4; add a 1152; and a a c; ior c a; discard c -23; updl a [66]; xor a b a; print a; add a -13; discard b 144; and c a c; ixor c c; discard b -12; add a 18; pop b; discard a 160; add b 6.5; add c 2305843009213693951; discard a 768; add b -22; discard c 51; discard a 22; symdupdl c [36, 184, -5]; dictu a [1, 216, 61]; ior b b; add a (2, 0); interupdl a [60, 16, 59, 0.25, 13, 42, 96, 2305843009213693951, 5.5, -19, 35, 128, -5, (0, 1), (3, 1), 66, 4.5, 216, 896, 264, 1152, (1, 2), 304, 24, 0.5, 7, 38, 14, -6, 1024, 8, 128, 240, 39, -20, 21, (3, 2), 224, (2, 0), 3.5]; symdupdl c [65, -16, -15, (3, 1), 9, 144, 64, -21, 37, -8]; print a; print b; print c"#,
            r#"#len=507:fnv=ba1e0218b22b66d2
[]
67
[18446744073709551618, 61]
eq=F le=F ge=F lt=F gt=F disj=T
52
[128, 67, -18]
[18446744073709551616]
-18
256
256
[2305843009213693951, 2, 2305843009213693953, 35, (2, 1), 6, 5.5, 42, -21, 45, 13, 208, 216, 28]
[512, 5.5, 6, 8, 9.5, 15, 28, 32, 38, 58, 62, 832, 65, 66, 64, (1, 2), 224, -24, 232, -21, (2, 0), -13, -9]
512
[224, 66, (1, 2), 5.5, 38, 8, (2, 0), 216]
[832, 65, 64, (1, 2), 5.5, 6, 6.5, 8, 9.5, 15, 28, 32, 224, 38, -24, 232, -22, -21, (2, 0), -13, -9, 58, 62]
[2305843009213693951, 64, 65, 36, 37, (3, 1), 9, -8, -21, -16, -15, 144, 184, -5]"#,
        ),
        (
            r#"new a [256, 2305843009213693955, -6, 22, -12, 3, 160, 2305843009213693956, 6.5, 128, -1267650600228229401496703205376, 62, 832, 80, 43, 34, 38, 18446744073709551618, 280, 55, -17, 7, -20, 65, -18, 27, 15, 312, 128, 2.5]; new b [11, 58, 52]; new c [120, 512, 320]; isub c a; add a 168; discard b 12; updl a [704, 59, -22, -20, -9, -14, 120, 4, 12, -2, 2.5, 44, 47, 16, 18446744073709551617, 68, 1, 168, 51, 264, 88, 66, 312, 8.0, 320, 3, -16, 54, 960, 65, 4.5, 2305843009213693952, 22, 192, 7.5, 64.0, 0.5, 288, (0, 1), 2305843009213693953]; add a 45; isub b b; sub a a a; add a 18446744073709551616; print c; isub c b; discard c (2, 2); add c 3.5; add c 52; updl b [65]; discard a 96; add b -21; discard a (0, 1); dictsymdu b [128, 512, ((1,), 2), 8.0, 21, 47, -24, (3, 0), 2305843009213693955, 13]; copy a a; add b 312; add b 576; symdupdl b [136, 58, 2305843009213693952, 264, 1024, 64, 272, 208, 23, (1, 1)]; add b 6; add b 29; add a 26; add b 8.0; isub b b; isub b a; discard b -2; add c 128; ixor b a; pop a; add a 320; add c (2, 0); isub c c; add b 38; add a 120; discard c -8; iand a b; discard b (3, 2); add c 1152; add c 57; discard c -12; dictu b [37, 18446744073709551618, 4, 384, -10, 80, -16, 18, -13, -18, 264, 18446744073709551616, 53, (0, 1), 13, 2305843009213693956, (2, 0), 960, 240, 2305843009213693952, -20, 33, 272, 14, 52, 54, (3, 2), 320, 704, 1.5, 0.25, 8.0, 176, 224, 19, 51, 11, 3, -3, 280]; discard c -10; print c; cmp a b; ior c a; add a 5; discard c 56; add c 41; add b 46; add b (1, 2); discard c 45; discard b 65; discard c 192; symdupdl b [-23]; add c 18446744073709551618; add c 54; symdupdl a [1.5, ((1,), 2), 168]; add b 7; discard c -7; and b c b; sub c c a; add b 312; ior a a; discard b 5; pop b; add a 280; add a 45; discard a 1; add c 8; add b 27; add c 128; print a; iand b a; add c 26; symdupdl b [12, 18446744073709551616, 23, 26, 48, 2305843009213693955, -9, 1216, (1, 2), 35, -3, -16, 104, 69, 312, -12, 304, 64.0, -22, 9, 31, 448, 96, 1, 960, 62, 54, 896, 176, 5.5, 66, 22, 11, 80, -5, 704, -21, 296, 59, -18]; add c (2, 2); pop c; add b (3, 0); isub c a; add b 61; add c 40; dictsymdu a [-18, -24, 58, 18446744073709551618, -19, 60, 184, 55, 31, 32, 36, -4, 18, 216, (1, 1), 22, 152, 18446744073709551617, 64.0, 46, (3, 2), 48, 128, 7, 21, -11, 1088, 1.5, 56, -13, 136, 41, 7.5, (2, 0), -15, 20, 1.0, -23, 8.5, 960]; symdupdl b [60, 33, 3, 304, 2305843009213693952, 2305843009213693951, -11, 11, 232, 2305843009213693955, -24, 4.5, -3, 200, 1024, 288, 704, 39, 23, 960, 384, 43, 7, -21, 1e+100, 152, (3, 2), 40, 12, 448, -19, 54, 1000000000000000000000000000000, 27, 38, 1216, 256, 2305843009213693953, 46, 312]; discard a 24; add a 1e+100; pop b; add a 61; pop a; ixor b b; add b 1.5; and a a b; ixor c c; add c -5; add c (3, 1); add b 28; add a 65; discard b 44; add b 256; add b -17; discard b -5; add c 12; discard b 152; add b 13; copy c c; discard a 576; add b 2305843009213693952; add b -8; discard a -8; interupdl a [296, 1024, -17]; add c -5; xor c a a; add a -8; pop a; print c; discard c 200; print a; print b; print c"#,
            r#"[120, 512, 320]
18446744073709551616
[1152, 57]
eq=F le=T ge=F lt=T gt=F disj=F
312
[((1,), 2), 1.5, 5, 168, 45, 280, 26]
1152
1
1.0
-8
[]
[]
[256, 1.5, 2305843009213693952, 13, -17, -8, 28]
[]"#,
        ),
        (
            r#"new a [37, 64, 7]; new b [(3, 1), 896, 19, 1.0, 1000000000000000000000000000000, 61, 1, 96, 54, 104, 50, -19, 240, 41, 8.5, (1, 0), 88, 64.0, -15, 32, 7.5, 68, (1, 1), 280, 2305843009213693952, 57, 26, 25, 37, 272]; new c [57, 120, 704, -10, 39, 232, 61, 10, (0, 1), 2305843009213693954, 96, 5, 2.5, -5, 44, 18446744073709551617, 256, -24, (3, 0), 46, 1.5, (0, 2), 51, 45, 832, 2305843009213693952, 64, 30, 304, 36, 20, 13, 136, 128, -1, 19, 52, 9, 152, 4.5, -12, 8, 2305843009213693956, -17, 320, 1, (0, 0), 3, (3, 1), 3.5, -16, 192, -18, 41, 80, 0.25, (1, 2), 312, 55, 224, 216, 2, 896, 18446744073709551616, 88, 43, 768, 53, (2, 0), 14, 21, 37, (), 6.5, 58, (3, 2), 12, 192, 240, 280]; dictu b [56]; sub b a c; discard b 248; add b 49; copy c c; discard c 8.5; add b 120; add c 2; print a; add b 26; add b 18446744073709551616; sub b a c; discard a -19; print a; print b; symdupdl b [57, 14, 67, 32, -13, 48, 576, 208, 53, 1e+100]; discard b 64.0; add c 576; print c; add a 7.5; add a 18446744073709551618; discard b -23; add b 288; isub a b; and c b a; diffupdl a [-23, 28, (0, 1), 1, 448, (2, 1), 112, 38, 56, 896]; add a -6; add c -4; add a 6.5; add c (3, 1); add a (0, 0); add c 1.5; pop a; add b 15; isub a a; interupdl b [18446744073709551618]; or b b c; add a 2; ior a b; cmp c c; print b; print a; and b b a; interupdl b [29, 41, 296, (3, 1), 27, 192, 288, 60, (0, 1), 33, -15, -23, 62, (1, 2), 704, 1088, 144, 40, 22, 208, 232, 4, 59, 49, 18446744073709551618, 54, -1267650600228229401496703205376, 9, 36, 18446744073709551617, 1.5, 312, 61, -19, 37, 45, 46, 176, -14, 88]; copy a a; cmp a c; pop c; add a 6; iand a b; iand a b; add a -23; add a 896; discard c (1, 0); dictu c [304, -22, 35, -4, 10, 192, 66, ((1,), 2), -23, 192, 384, 21, 68, 49, (0, 2), 4, 32, 0, 7, 62, (1,), 3.5, (0, 0), 2305843009213693951, 17, 296, 38, 272, -13, (), 5.5, 104, -12, 4.5, 18446744073709551617, 240, (1, 2), -20, 8.0, -8]; dictu c [56]; isub c c; cmp c c; add a 40; add a 64.0; updl b [704, 11, 27]; interupdl c [(0, 2), 44, 88]; discard b 2305843009213693956; add a 52; ixor b a; interupdl c [2305843009213693954, 704, 16]; add c ((1,), 2); add a 12; print c; add c (2, 2); add b 288; xor b b b; discard b 6; discard b 1088; add a 48; print c; cmp b b; discard b (1, 0); print a; diffupdl b [66]; add c 64; cmp b a; add b 704; add b 1.5; pop c; ixor b a; cmp b b; iand a b; print c; add a (2, 0); pop b; updl a [96, 232, 69]; iand a b; add b 61; discard c 20; discard b 64; pop b; discard b 272; discard b -18; discard c 43; add a -20; add a 24; add c 280; xor b b a; xor c a c; isub a c; add c 11; add b -7; discard c (0, 0); cmp c b; dictu b [88, (3, 1), 36, 2305843009213693951, 96, 11, -1267650600228229401496703205376, 34, 960, 18446744073709551616, 1088, 2305843009213693954, -16, 80, 256, 39, -20, 0, 67, 232, 13, 176, 10, -6, 31, 57, 320, 296, 46, 51, 42, -24, 27, -5, 1024, 62, 33, 272, 192, 896]; add a 24; and a b b; add b 2; isub a c; add a 18446744073709551616; add c -21; discard c 184; discard a 54; add b 1; discard b 44; print a; print b; print c"#,
            r#"[64, 37, 7]
[64, 37, 7]
[7]
#len=465:fnv=b3a7718831c248cf
64
eq=T le=T ge=T lt=F gt=F disj=F
[(3, 1), 1.5, -4]
[(3, 1), 1.5, 2, -4]
eq=F le=F ge=T lt=F gt=T disj=F
(3, 1)
eq=T le=T ge=T lt=F gt=F disj=T
[((1,), 2)]
[((1,), 2), (2, 2)]
eq=T le=T ge=T lt=F gt=F disj=T
[896, 1.5, 64.0, (3, 1), 40, -23, 12, 48, 52]
eq=F le=T ge=F lt=T gt=F disj=T
64
eq=T le=T ge=T lt=F gt=F disj=F
[((1,), 2), (2, 2)]
704
896
eq=F le=F ge=F lt=F gt=F disj=F
#len=247:fnv=f63c6c4089300779
#len=285:fnv=80ab46f8a4f222a1
[((1,), 2), 64.0, 896, (3, 1), 40, -23, 11, 12, -20, -21, 48, 52, (2, 2), 280, 24]"#,
        ),
        (
            r#"new a [33, 17, 128, 1216, 8.5]; new b [(2, 1), -12, 232, 104, 28]; new c []; copy b c; add c 25; add b 2305843009213693956; diffupdl b [(2, 1), 248, 63]; add c (); print c; or a b b; add a 65; xor c c c; add b -19; print b; ior c a; discard b 6.5; dictsymdu a [-12, 160, 40]; add b 168; discard a 37; and c b c; print a; add c 30; pop a; add a 2305843009213693952; discard a 9; copy a a; ior b a; print b; discard a (1,); add a 59; copy c a; interupdl b [12, 66, 5.5, -1267650600228229401496703205376, -7, (0, 2), -21, 2305843009213693952, -5, 63, 1088, 48, 640, 0.5, 27, 59, -12, -20, -14, 264, -23, 2, 304, 88, 68, 42, 112, 21, 53, 44, -15, 296, 0, (3, 1), 7.5, 832, 57, 6.5, 4.5, (2, 2)]; xor c b b; discard c (); add a -4; add b 152; discard a 2305843009213693955; add b 2305843009213693952; add b -23; add b 29; symdupdl b [-19]; iand b a; discard a 240; copy a a; isub a a; add c 18446744073709551618; ixor a c; add a (0, 1); discard b 48; discard b 1152; add b 8.5; symdupdl b [-21, -17, 48, 56, 42, 16, 576, 2, 280, 50]; discard b 288; add c 160; interupdl c [22, 67, 1152, 896, 42, 2, ((1,), 2), 66, -5, 17, 304, 20, 6, 21, 29, 13, -16, 64, -14, 80, 152, 448, -22, (0, 2), 10, 64.0, 136, (), 32, 184, 104, 640, 27, 240, -13, 40, 48, 34, 1.5, 1.0]; add c 184; add a 192; add a 384; add c 104; updl a [128, 38, 69]; add a 176; discard b -9; xor a a b; add b -2; pop c; discard a 88; ixor b c; iand a c; add c (3, 1); add b 1152; discard b 46; interupdl b [13, -16, (2, 1), 18446744073709551618, (2, 0), 2305843009213693952, 30, 17, 5.5, 448]; print a; discard a (0, 0); add b -11; cmp a c; cmp a a; print b; add c (2, 2); discard b -22; discard b 39; print b; updl b [-20, -5, 192, 67, 2305843009213693952, -4, 14, 2305843009213693951, 9.5, 1.5]; add b 8; copy b c; discard b 2305843009213693953; add a -20; pop c; print b; sub a a a; discard b 768; diffupdl a [4, 11, 7]; add c 224; discard a 128; diffupdl c [2, 37, 144, 55, -24, 1000000000000000000000000000000, 25, 42, 47, 208]; copy c b; pop b; add a 61; discard a 49; discard a 6.5; add c 33; add b 62; and b b b; discard b -5; discard a 15; sub a b a; add c 56; cmp c b; discard c 6; add b 66; print c; add b (3, 2); discard b (1, 0); add a 59; discard b 200; pop b; discard b -6; discard a -22; add b 64.0; discard a -9; discard c 104; discard c -24; print a; print a; print b; print c"#,
            r#"[25, ()]
[-19, 2305843009213693956]
[160, 65, 2305843009213693956, 40, -12]
160
[65, 2305843009213693952, 2305843009213693956, 168, 40, -19, -12]
184
[]
eq=F le=T ge=F lt=T gt=F disj=T
eq=T le=T ge=T lt=F gt=F disj=T
[2305843009213693952, -11]
[2305843009213693952, -11]
104
[(3, 1), 104, (2, 2)]
(3, 1)
eq=F le=F ge=F lt=F gt=F disj=F
[33, (3, 1), 104, (2, 2), 56]
66
[104, 59, 62, (2, 2)]
[104, 59, 62, (2, 2)]
[64.0, 104, (2, 2), (3, 2), 62]
[33, (3, 1), (2, 2), 56]"#,
        ),
        (
            r#"new a [1.0, 14, 64, -8, 40, -20, 280, 64, -14, 2305843009213693953, 2305843009213693951, -6, -18, -1, 136, (1, 2), (1,), 21, 216, 8, 248, 66, 37, 296, 68, 128, 15, 63, 256, 1]; new b [-23, (2, 2), 88, 6.5, -17, 63, 51, 38, 29, -20, 768, 23, -2, 18446744073709551616, 65, 6, 16, (1, 1), 216, -12, 37, 26, -9, -7, 49, 304, (1,), 54, 256, 200, 14, 256, 64.0, 288, 9, -15, 48, 60, 17, 18446744073709551618, 3.5, 58, 2305843009213693951, 68, 96, 9.5, 33, 27, -6, 25, 55, 208, 10, 28, 152, -18, 1.5, 18, 704, 2, -22, -11, 136, 168, 59, -10, -3, ((1,), 2), 1024, 192, 61, 45, 42, 576, 41, -13, 20, 0.5, (0, 0), 264]; new c [(), 120, 10, 1, 128, 8.5, -21, 28, 8, (3, 1), -16, -13, 1e+100, 21, 27, 88, 2.5, 23, 43, 56, 2305843009213693952, 7, 68, -20, 1216, 9.5, 160, -1, 17, (1, 2), 50, (1, 1), 25, 768, 26, 18446744073709551617, 0.5, 22, 272, -11, ((1,), 2), 152, 80, -1267650600228229401496703205376, -12, -4, 9, -6, 192, 39, 36, 54, 248, 32, 264, 0.25, -23, -5, 216, 304, -9, 184, 168, 48, 288, 33, 18446744073709551616, 640, 35, -10, 24, 8.0, 1024, 34, 38, 1152, 64, -7, 4.5, 60]; add b -14; discard c 256; cmp a b; add b 48; isub c a; discard c 64; ixor b c; add c 216; add b -7; add a 3.5; and a a b; and b a b; add c 256; add b 304; and a b c; pop c; pop c; add b (3, 1); iand a a; discard c 15; print c; diffupdl a [34, 58, 64.0]; add a 24; discard c 6.5; add b 640; add b 0; add c -20; add b 23; pop a; and a a a; add c 7.5; discard a 18446744073709551617; diffupdl b [23]; add a 62; add b 40; add c 512; cmp b c; xor c a b; add a -15; discard c 128; print b; iand a c; cmp b c; isub a b; add c 18446744073709551616; ior c a; symdupdl c [26, 384, 96, 25, 208, 960, 64.0, 53, 0, 9, 104, 29, 8.0, 88, 1152, 49, 112, 120, 63, 232, 18446744073709551617, -2, 128, -3, 41, 24, 18446744073709551618, 5, -1267650600228229401496703205376, 52, -13, 51, 704, 128, -6, 1e+100, 3, 67, 54, 44]; print b; pop c; add a 60; discard b 176; add a 4; and b c b; print a; ior a a; discard b -3; isub b b; discard c 27; print b; ior c a; dictsymdu b [-21, 2.5, 39, (), 14, 2305843009213693952, 64, 65, -7, (0, 0), (2, 2), (2, 0), (3, 0), -14, -23, 0.25, 51, 104, 8.0, 9, 35, 53, (1, 1), 2305843009213693956, 248, 160, 152, 264, 6, 0.5, 45, 20, 320, 128, 8, 312, 272, 60, 7, 704]; sub b b a; add c 768; ixor c a; diffupdl b [(1, 2)]; add c 264; cmp a a; ixor c b; print b; add b 200; xor a b a; add a (2, 0); add b 44; discard b 640; discard a 11; cmp a a; cmp c c; add b 18446744073709551616; symdupdl a [23, 272, 160]; add b 6.5; xor c c b; add a 88; add b 1.0; add c 832; copy b c; discard c 54; pop a; interupdl c [448, 39, 61, 18, 45, 184, 64, 216, 26, 3.5, 7, 96, (2, 0), 312, 20, 6.5, 264, (1, 0), -5, (0, 2), 8, (3, 0), (), 31, 112, 54, -1267650600228229401496703205376, 2305843009213693954, 60, 52, 1152, 1.0, 224, 512, 66, 384, 25, 8.5, 168, 57]; add a 112; iand a a; pop b; ior a a; add b -3; diffupdl c [((1,), 2), 6.5, 88, 216, 57, 1e+100, 19, 200, -19, 47]; add c 1024; interupdl a [54, (3, 0), -13, 256, (1,), -20, -23, (1, 1), 22, -12, 0, 28, -5, 67, 16, (1, 0), 58, 50, (2, 1), 128, 68, (3, 2), 5, -7, 640, 13, 320, 30, -17, 12, 1.5, 62, 36, 1152, 2305843009213693954, 15, 7.5, 29, 1.0, 1e+100]; diffupdl b [21]; discard b 192; sub a c b; add b 1; ixor a c; add a 35; discard a 1000000000000000000000000000000; interupdl c [256, 21, 57]; ixor a a; isub b b; add a 576; add a 34; add c (2, 2); iand b a; ior c a; pop a; discard a 144; cmp b b; ixor c a; add c 60; add b 31; dictu a [384, -9, 57, 312, 53, 41, -10, 17, 52, 33]; and b b a; add c 21; print a; print b; print c"#,
            r#"eq=F le=F ge=F lt=F gt=F disj=F
0.5
2.5
#len=400:fnv=2218d6ed4c3c76a3
256
eq=F le=F ge=F lt=F gt=F disj=F
[2305843009213693951, 256, 640, 3.5, 0, 136, (3, 1), 14, 37, 40, 304, (1,), 63, 64, 68, 216, -20, -18, -14, -6]
eq=F le=F ge=F lt=F gt=F disj=F
[2305843009213693951, 256, 640, 3.5, 0, 136, (3, 1), 14, 37, 40, 304, (1,), 63, 64, 68, 216, -20, -18, -14, -6]
2305843009213693951
[24, 60, 4, 62]
[]
eq=T le=T ge=T lt=F gt=F disj=F
#len=221:fnv=02a4dd085b51be3a
eq=T le=T ge=T lt=F gt=F disj=F
eq=T le=T ge=T lt=F gt=F disj=F
0.25
128
576
eq=T le=T ge=T lt=F gt=F disj=T
[384, 33, 34, 41, 17, 52, 53, -10, -9, 312, 57]
[]
[576, 21, (2, 2), 60]"#,
        ),
        (
            r#"new a [59, 9, 46]; new b [46, 0, 1.5, 6, 8.0, -15, -19, 1152, 2305843009213693954, 288, 152, 168, 41, -8, 60, 54, 44, 35, 184, 296, 320, -13, 96, (2, 1), 280, 576, -2, 6.5, 61, -24]; new c [40, 33, 20, 41, 3, 7, 49, 45, (), -21, (3, 0), -11]; add b 192; add a -14; add b (3, 2); print a; isub b c; add b (3, 2); discard a 208; xor a a c; interupdl c [-5, 64.0, 64, 64, 3, 576, 128, -13, -20, 46]; iand a a; add c 1.5; add c 6; or c c a; iand c a; copy c c; ixor a a; print c; or b c a; add b 176; discard c (2, 0); ixor b b; discard c 1000000000000000000000000000000; cmp c a; add b 312; add a 58; interupdl b [200]; discard c 304; add c 26; add b 2.5; discard c (1, 1); add c -13; dictu c [-5, -1267650600228229401496703205376, 264, -19, 5, 96, 45, 9.5, 9, 6.5]; discard a 69; print b; symdupdl c [(1,), (2, 0), 42, 4, 51, 55, 32, -5, -13, 136, -1267650600228229401496703205376, 1088, 7, 21, 256, 280, 13, 34, (1, 0), -24, 9, 160, 208, 43, 64.0, 7.5, 112, 28, 256, 66, 63, 1000000000000000000000000000000, -12, 18446744073709551616, 304, (2, 1), 272, (), 12, 15]; add c 64; discard c 38; copy c a; print a; discard c 38; add b 18446744073709551617; discard c 0.25; updl b [18446744073709551616, 280, 8.5]; add a 60; discard c 832; pop a; add a -14; add c 53; discard c 1.5; add a 9; and c c c; ior c c; symdupdl b [5.5, 35, 0.5, (3, 0), -8, 304, 128, 160, 33, 44]; dictu c [128, (2, 2), 18446744073709551618, 56, 31, -14, 11, 2305843009213693954, 216, 63, 26, 272, -13, 88, 64, 54, 48, 9.5, 12, (3, 0), 13, 30, (1, 2), 66, 1152, 1, 4, 29, -19, -3, -9, 256, 7, 232, (0, 2), -21, 8.5, 20, 576, 2305843009213693956]; diffupdl a [-22, 25, 64]; ior a c; pop b; add b (2, 2); discard c (3, 1); add a 152; isub c c; add b 8.5; add b 28; diffupdl c [184, 11, 3.5, -21, 248, -15, 35, 61, 32, 64.0]; discard c -19; add c 64; print b; iand b a; add a -1267650600228229401496703205376; pop c; add c 5.5; discard c 45; print a; add a (0, 1); add b -10; pop c; add a 16; diffupdl c [46, 240, (1,)]; discard c (2, 0); discard a 10; discard a 104; xor c a a; discard c 4; iand c b; add b 58; discard b -6; updl c [312, 29, 18446744073709551616, (3, 1), 384, ((1,), 2), (0, 2), -8, 39, -13, 152, 128, 5, 34, 9.5, 2305843009213693954, 1e+100, 63, 448, 51, 7.5, 136, 24, -6, 30, 216, 9, 54, 18446744073709551618, 5.5, (0, 1), 43, 2305843009213693955, (0, 0), 64.0, 120, 19, 1024, 16, 192]; add b 66; print c; add a 6; add b 184; add a 768; dictu c [59]; add b 64; add a 28; add a 64.0; add b 128; and a a c; discard a 5; ixor b a; interupdl a [-21, 304, 35, 240, 2305843009213693951, 62, 48, 31, 96, 33]; dictsymdu a [224, 6, 40]; dictsymdu a [11, -18, 48, 5, -13, 42, 61, 69, 136, (3, 0), 640, 232, (2, 2), 576, 272, (1,), 34, 104, 192, -11, 9.5, 43, 53, 49, -12, 296, 6, 52, 1e+100, 96, 2305843009213693954, 128, (), 4, 256, 160, 4.5, 44, 41, 7]; add c (0, 0); ixor c a; and c a c; pop a; discard a 320; add a 2305843009213693953; discard a 10; symdupdl c [248, 144, 160]; discard c 0.5; add b 256; dictsymdu b [51]; add b 33; discard c -19; ior a b; discard a -7; and b c c; print a; print b; print c"#,
            r#"[9, -14, 59, 46]
[3, 7, 9, (), 20, 33, 40, 41, -21, 45, 46, (3, 0), 49, -14, -11, 59]
eq=F le=F ge=T lt=F gt=T disj=T
[2.5]
[58]
58
0.5
[128, 2.5, 160, 35, 33, 5.5, 18446744073709551616, 18446744073709551617, 8.5, -8, 44, (3, 0), 304, (2, 2), 280, 28]
64
#len=293:fnv=c9c9189e29153508
5.5
#len=272:fnv=2cffdcbb123fa0af
640
#len=328:fnv=bca230dd40155b1b
[640, 256, 4, 4.5, 7, 11, 272, 144, (2, 2), 40, 296, 42, 41, 44, (3, 0), 48, (1,), 49, 52, 53, 61, 576, 69, 224, 96, 232, 104, -18, -12, -11, 248, ()]
[640, 256, 4, 4.5, 7, 11, 272, 144, (2, 2), 40, 296, 42, 41, 44, (3, 0), 48, (1,), 49, 52, 53, 61, 576, 69, 224, 96, 232, 104, -18, -12, -11, 248, ()]"#,
        ),
        (
            r#"new a [60, (0, 0), 18446744073709551618, 11, 1216, 30, 67, -21, 2305843009213693954, 55, 10, -9]; new b []; new c [36, -8, 29, 28, 55, -23, 0.5, 44, 12, 69, -6, -18, 216, 320, 176, 64.0, 27, (2, 2), 144, 2305843009213693955, -19, 120, 2305843009213693951, 304, -9, 39, 33, 448, 34, -11, 41, 61, 128, 8, -16, -24, 9.5, 5.5, 59, 2305843009213693953, 51, -12, 104, 11, 2305843009213693956, 5, 264, 1e+100, 53, 60, 3.5, 232, 192, -5, (0, 1), 16, 49, 576, -1267650600228229401496703205376, 25, 2.5, 136, 3, 35, (0, 0), 96, 4, -22, 45, 200, 50, 1.5, 26, (3, 1), 17, 2, 23, 22, 4.5, 56]; add c 2305843009213693951; cmp c a; add b -11; interupdl c [2]; add c 2305843009213693952; add b 61; ior a b; add a 26; dictsymdu c [1e+100]; isub b a; discard a 19; discard a 40; ior c c; discard c 12; add b 32; discard b (3, 1); print b; discard c 44; add c -8; discard a 256; add a 69; discard b 640; ior b c; interupdl b [13, 4, 51, 1.5, 256, 46, 8.5, (0, 1), 39, 64.0]; discard b 304; add b -24; discard c 1000000000000000000000000000000; print b; cmp b b; add a 1.0; print a; discard b 45; print b; discard b -18; pop a; xor a b b; ior a b; isub c c; discard c 832; print b; updl b [(3, 0), 18446744073709551616, -7, 2, 12, 35, (1, 1), 176, 576, 8, -14, 0.5, 16, 7, 224, 25, 4.5, 312, 4, 1.0, 36, 0, (1, 0), 18446744073709551618, 62, 53, (1,), 26, 104, 64, 56, -10, 42, 18446744073709551617, -15, 64, (3, 2), 10, (0, 1), 112]; add c 112; ior a a; discard b 80; discard c 61; add b (1, 0); add c 1216; pop a; discard c 384; ixor a b; discard b 21; discard a 224; or a c b; discard a 136; print b; or c c c; discard b 58; copy b c; add a 58; pop b; add c 48; add b 88; discard b (1, 2); or b a c; print c; updl c [1000000000000000000000000000000, -20, 248, 0, 136, 4.5, 62, 240, 3.5, 24, 1.5, (3, 2), 112, 32, 7.5, 47, 176, -18, 59, 2, 168, (1, 1), 576, 256, 20, 64, 36, 4, 384, 304, 152, (0, 1), 9, 55, 8, 15, 704, -3, -17, -24]; discard a 128; ixor a a; pop c; add b (2, 2); print a; print c; updl a [23, 42, 112, -13, 52, (1, 0), -5, 41, 38, 0.25, -9, -3, 50, 26, 5, 1.5, -8, 16, 40, -10, (3, 1), 184, 27, 65, 20, 44, -7, 34, 2305843009213693956, 48, 2305843009213693952, 640, -24, 1024, 45, (2, 1), -11, 11, -20, 66]; ixor b a; xor a c a; discard b 47; pop a; isub a c; sub a a c; print c; symdupdl a [184]; print a; discard a 768; add c 512; add a 120; or b c c; isub a b; updl a [136, 15, 40, 49, 2305843009213693953, -7, 20, 41, -20, 192]; or a a c; print a; discard c 28; add b 2305843009213693951; add b 15; add b 10; add b 264; print c; add a 31; xor a c b; print c; add a 256; add c 2305843009213693955; add c 256; isub c c; add b 16; diffupdl b [184, 50, 62, (0, 2), 16, 312, 32, 29, 38, -9, 30, 1, -10, 25, 69, 15, -18, 7, 9, (3, 2), 1024, 13, 296, 18446744073709551617, (1, 2), -22, 4, -6, 14, -7, (1, 1), 68, 80, 66, 39, 64.0, 26, 2305843009213693955, 2305843009213693956, 58]; iand c a; isub a c; add c 232; pop b; add b -15; discard a 296; add c -1267650600228229401496703205376; or b a a; discard c 46; and c a b; add b 192; add c 37; add c -19; add c 44; print a; print b; print c"#,
            r#"eq=F le=F ge=F lt=F gt=F disj=F
[32]
[-24]
eq=T le=T ge=T lt=F gt=F disj=F
[1216, 1.0, 67, 2305843009213693954, 69, (0, 0), 18446744073709551618, 11, -21, 10, -9, -11, 55, 26, 60, 61, 30]
[-24]
1216
[-24]
-24
#len=244:fnv=8792e3b17d21fe3e
112
[112, 48, 1216]
0
[]
#len=223:fnv=356e50f9cc4a5298
0.25
#len=223:fnv=356e50f9cc4a5298
[1024, 2305843009213693952, 640, 2305843009213693956, 5, (3, 1), 11, 16, 23, (1, 0), 26, 27, 34, 38, 40, 41, 42, 44, 45, 50, 52, 65, 66, (2, 1), -13, -11, -10, -9, -8, -7, -5]
#len=438:fnv=3c03ac2e2df8b2f5
#len=228:fnv=5d25130a4c0009d4
#len=228:fnv=5d25130a4c0009d4
512
[2305843009213693951, 256, 264, 10]
[2305843009213693951, 256, 192, 264, 10]
[2305843009213693951, 256, 37, 264, 10, 44, -19]"#,
        ),
        (
            r#"new a [2305843009213693953, 248, 18446744073709551617, 23, 11]; new b [8, 176, 128, 144, 58]; new c [44, 68, -18, 50, 7]; discard b 43; symdupdl c [1, 168, (2, 1)]; cmp a b; discard a 248; add b 37; add b 42; ixor b c; add b 11; cmp a b; pop b; cmp b b; add b 25; diffupdl c [-19, 512, 2, -13, 640, 8, 44, 128, 14, 50]; pop a; pop a; print a; add c 112; discard a 64; print c; ior b b; discard a 50; discard c 39; pop c; pop a; add b 7.5; pop a; print c; pop c; add c 304; discard b -2; discard a 1152; discard b 25; dictu b [-6]; add c 1088; discard b 200; cmp b a; print b; add c 64.0; pop b; discard b -15; and a c b; and c c b; discard a 12; pop b; add c 69; discard a (2, 1); iand c b; add c 1000000000000000000000000000000; print b; add b 65; add c 384; add c 0; ixor c b; add a 22; add a 112; add c 208; add c 216; discard b 44; add a 3.5; add b -6; print b; discard c 44; ixor a b; ixor a a; xor b b a; add a 57; discard b 54; add a 704; add a 66; copy b a; print b; add a 168; pop b; discard b -1267650600228229401496703205376; add c 1e+100; add c 2305843009213693951; discard a -24; add c 39; add a 37; add b 15; add b 2305843009213693954; discard b -21; discard c -4; discard a 37; discard b 38; add c 43; add c 27; add c 112; dictsymdu a [37, 256, 47]; dictu b [46, 22, -23]; print c; add a -8; and a a b; discard b 49; print c; sub a b c; add a 5; symdupdl a [1.5, 0.25, 62, 33, 208, ((1,), 2), 69, 2, -5, 29]; pop b; add a 60; add c 2305843009213693955; discard b 1216; dictu c [57, 640, 23]; updl c [-10, 18, (0, 0)]; add b (1, 0); discard a 264; diffupdl c [54, 896, 30, 25, 27, 26, 34, 208, 56, 17, -5, 55, 14, 65, (1, 1), 29, 67, 61, 48, -10, 128, 112, 20, 33, 104, 1e+100, 152, -16, 59, 2305843009213693952, 3.5, 69, 37, 224, 23, -7, -15, 2305843009213693955, 2305843009213693951, 184]; xor b a c; add a -1267650600228229401496703205376; add a 176; and b c b; or a c a; cmp a a; xor a a c; discard a (1, 0); or a a a; pop b; isub c a; add a 0; print b; print a; print b; print c"#,
            r#"eq=F le=F ge=F lt=F gt=F disj=T
eq=F le=F ge=F lt=F gt=F disj=F
128
eq=T le=T ge=T lt=F gt=F disj=F
2305843009213693953
18446744073709551617
[11, 23]
[1, 68, (2, 1), 7, 168, -18, 112]
1
11
23
[68, (2, 1), 7, 168, -18, 112]
68
eq=F le=F ge=T lt=F gt=T disj=T
[1, 68, (2, 1), 7, 8, 7.5, 11, 144, -6, 37, 168, 42, 44, -18, 176, 50, 58]
1
68
[(2, 1), 7, 8, 7.5, 11, 144, -6, 37, 168, 42, 44, -18, 176, 50, 58]
[65, (2, 1), 7, 8, 7.5, 11, 144, -6, 37, 168, 42, -18, 176, 50, 58]
[704, 57, 66]
704
[384, 0, 1000000000000000000000000000000, 2305843009213693951, 7.5, 8, 11, 144, 1e+100, 27, 37, 39, 42, 43, 176, 50, 58, 65, 208, 216, 112, -6]
[384, 0, 1000000000000000000000000000000, 2305843009213693951, 7.5, 8, 11, 144, 1e+100, 27, 37, 39, 42, 43, 176, 50, 58, 65, 208, 216, 112, -6]
66
eq=T le=T ge=T lt=F gt=F disj=F
384
[0, 1000000000000000000000000000000, 640, -6, 7.5, 8, 39, 42, 11, 43, (0, 0), 144, 176, 18, 50, 216, 58]
[-1267650600228229401496703205376, 1.5, 0.25, 2, 2305843009213693954, 5, 66, ((1,), 2), 69, 0, 15, 208, 22, 29, 33, -23, 46, -5, 60, 62]
[0, 1000000000000000000000000000000, 640, -6, 7.5, 8, 39, 42, 11, 43, (0, 0), 144, 176, 18, 50, 216, 58]
[384, 0, 1000000000000000000000000000000, 640, 7.5, 8, 11, 144, 18, 39, 42, 43, 176, 50, 57, 58, 216, (0, 0), -6]"#,
        ),
        (
            r#"new a [56, 54, 256, 60, 184, 136, 896, 0.5, 2, -4, (2, 2), 192, 208, 11, 33, 57, (1, 1), 49, 66, 58, -8, -1, 65, 0.25, 1152, 248, 176, 41, 44, 51]; new b []; new c [66, 2.5, 18446744073709551617, 52, 65, 64, 216, 576, -23, 832, 24, 6.5, 63, 44, 10, 60, 120, -2, 34, 67, 43, 1.0, (1, 0), 320, 62, 46, 41, 8, 128, 192]; iand b c; add c 248; print a; add a 576; print b; add b 59; ior a a; xor a c c; ixor c c; print a; updl b [2305843009213693952, 29, 2305843009213693955, 45, 1.5, 43, (1, 0), 2305843009213693953, 18446744073709551618, 296]; add c -21; cmp a b; print c; add a 66; print a; add c -21; interupdl b [8.5]; discard a 104; print c; add c 120; discard a 62; pop a; print b; print b; print c; ior c b; add a 320; sub b a a; cmp a a; add a 21; add a -16; add a 35; print b; add b 0; add b (0, 2); sub b c b; and b c c; add a 28; add b 296; add b -16; pop b; dictu a [448, 1.5, 2305843009213693951]; pop b; or b c a; and c c b; add b 43; updl c [49, 264, 144, 54, 11, -15, 50, 216, 32, 37, (1, 0), -17, 51, 38, 14, (3, 1), -12, (2, 2), 1216, 59, 22, (1,), 0.5, 896, 2305843009213693951, 136, 13, 8.5, 768, 960, 256, -4, -24, -1, 96, 1, -20, 704, 6.5, 24]; cmp c b; discard c -18; print a; add a 176; discard a 17; add c -4; ixor b b; discard b -6; pop a; add b 4; sub a b a; add a 57; add b 48; and a c c; dictsymdu c [3]; discard c -6; add c 54; add c 1024; add c 42; discard c 80; print c; print a; copy c a; symdupdl c [67]; discard b 8.5; xor b a b; discard c 264; discard c 2305843009213693951; add a (1, 1); add a 51; add a (1, 1); discard c 60; add c 5.5; add c 2305843009213693951; print b; interupdl b [88, 256, 59, 120, (1,), 144, 704, -5, 512, 96, (0, 2), 2, 1088, (3, 1), 14, 30, 1152, 54, -22, -17, 17, 7, 9, -20, 448, 232, 28, (3, 2), 5.5, (1, 1), 2305843009213693953, 21, 152, 60, 44, 45, 29, 248, 192, 576]; discard c 59; ixor b b; cmp b b; cmp c c; add a 26; discard a 15; updl a [58, -17, 36, 53, 88, 13, 55, 0.25, 29, 2, -4, -13, 18446744073709551618, 1.0, 1.5, 52, (1, 0), 112, 264, 18, (2, 1), -6, 18446744073709551616, 37, 4, 44, -9, 39, 640, 960, 2305843009213693952, 448, 208, 18446744073709551617, 34, 62, 45, 120, 64, (3, 1)]; discard a 1; add a 96; add c 640; add a 4.5; dictsymdu c [(), 65, 67, 2305843009213693952, -4, 26, 576, 33, 1, 184, 25, 29, 64, 640, (0, 2), 1e+100, 2305843009213693955, (0, 0), 38, 15, 7.5, 8, -10, 53, 14, -21, 224, 9, 176, 39, (3, 0), 52, -14, 144, 66, 1088, 168, 128, 80, 68]; xor b a b; add a 23; print a; discard b 65; add c -14; ior c a; cmp b b; sub c c c; discard a 184; dictsymdu c [(0, 0)]; discard b 6; add c (2, 2); add b 47; discard a 31; add c 160; add a 18; pop b; add b 33; ixor a b; discard b 45; print c; and b b a; print a; print b; print c"#,
            r#"[256, 896, 0.5, 2, 0.25, 1152, 136, 11, (2, 2), 33, 41, 44, 176, 49, 51, 54, 56, 57, 184, 58, 60, 192, 65, 66, 208, 248, (1, 1), -8, -4, -1]
[]
[]
eq=F le=T ge=F lt=T gt=F disj=T
[-21]
[66]
[-21]
66
[]
[]
[120, -21]
eq=T le=T ge=T lt=F gt=F disj=F
[]
120
-16
eq=F le=F ge=F lt=F gt=F disj=F
[448, 2305843009213693951, 1.5, 320, 21, 28, 35, -16]
21
#len=232:fnv=ebd8da32893b4a6a
#len=219:fnv=722a1de366b20e18
#len=226:fnv=5439798a6d8ef734
eq=T le=T ge=T lt=F gt=F disj=T
eq=T le=T ge=T lt=F gt=F disj=F
#len=438:fnv=b3ec0ceee5042ec5
eq=T le=T ge=T lt=F gt=F disj=F
0.5
[160, (2, 2), (0, 0)]
[0.5, 23, 33, 47]
[33, 47]
[160, (2, 2), (0, 0)]"#,
        ),
        (
            r#"new a [47, 5, 54, 18, 30]; new b [120, -18, 2305843009213693951, -21, 312, 160, 8.5, 7, 29, 1216, 2305843009213693954, 13]; new c []; interupdl c [264, 18, 1216, 7, 2305843009213693952, 27, 10, 448, 128, 0.25]; add a 192; symdupdl a [448, 80, 640, 27, 168, 136, 384, 216, 304, 36, 58, 200, 256, 8.0, 1, -8, 512, 8.5, 18446744073709551616, (2, 0), 224, 38, (1, 1), -13, 704, 8, 23, 60, -24, 64, 4.5, -10, 43, 104, 0, 768, 40, 272, 66, -23]; discard c 96; and c a a; discard b 48; dictu b [-12, 320, (2, 0)]; discard a (2, 2); discard b 39; or a c a; add b 59; ixor b b; add c 16; xor c a c; discard b -17; add b 16; add c -2; copy a c; sub a c c; add b (0, 2); add b 1e+100; add a 31; copy b c; discard a 1000000000000000000000000000000; cmp a c; add a 136; dictu b [36, (1, 0), 2305843009213693951]; add c 45; isub a b; ior a c; add c 288; iand c c; discard c 1024; discard a (2, 2); print c; discard b -16; add b 55; add b 4; cmp c a; discard a 232; add c 26; print c; add c -1267650600228229401496703205376; add c 22; pop c; add b 304; discard a 296; pop a; add b 67; isub c b; add b 45; ixor b b; discard c 64.0; discard b -10; iand a c; discard b 136; add b -19; discard b 2305843009213693953; cmp c b; pop a; cmp a c; add b 768; ior c b; and c b c; discard b -17; discard a 192; add b 49; print b; add c 120; discard c 42; add b 9; ixor a c; updl b [51, 34, 18, 3.5, 3, -12, 112, 208, 240, 61]; add a 96; add a 37; ixor c b; interupdl c [58, 22, 32, 21, 51, 296, 10, 280, -1267650600228229401496703205376, 66]; cmp c b; or a b b; cmp a a; add c 9.5; discard b -1267650600228229401496703205376; add b 18; or b a a; cmp c b; print c; cmp c b; pop c; add c 22; add a 43; add b 2305843009213693951; copy b c; sub a a c; print c; print c; discard b -5; ior b b; or b a b; add c 960; iand a a; discard b (1, 1); add c 288; copy b a; add b 63; or a c a; add a 55; iand b a; discard c 55; add c 50; updl b [9.5, 144, 216, 61, 27, 38, 5.5, (1, 1), 17, -14, 4, (0, 0), (1, 2), 8, 28, 46, 208, 1, 2305843009213693956, 0.5, 18446744073709551618, 96, 50, 5, 3, 8.5, (2, 0), 128, 2305843009213693952, 112, -23, 448, 7.5, 1152, 256, 41, (2, 2), 2.5, 32, 128]; xor a a b; pop a; symdupdl c [-15, -18, -6, 1024, 128, 50, 120, 176, 29, 264, -14, 20, 1000000000000000000000000000000, 5.5, 18446744073709551617, 256, 192, 60, 192, 9, -9, (), 35, 0.5, 16, -10, 4, 49, 63, 288, 18446744073709551616, 1e+100, 68, 768, -16, -13, 39, 6, 44, 12]; add c 2305843009213693953; add a 28; add b 69; print b; add b 56; print a; print b; print c"#,
            r#"eq=F le=F ge=F lt=F gt=F disj=T
[16, 288, 45, -2]
eq=F le=F ge=F lt=F gt=F disj=F
[288, 45, 16, 26, -2]
288
16
eq=F le=F ge=F lt=F gt=F disj=T
45
eq=F le=T ge=F lt=T gt=F disj=T
[768, 49, -19]
eq=F le=T ge=F lt=T gt=F disj=F
eq=T le=T ge=T lt=F gt=F disj=F
eq=F le=F ge=F lt=F gt=F disj=F
[9.5, 51]
eq=F le=F ge=F lt=F gt=F disj=F
9.5
[51, 22]
[51, 22]
1
#len=288:fnv=145384dea14f1a2b
#len=242:fnv=e09bc594554272c5
#len=292:fnv=6d7bb31bad5fbe14
#len=265:fnv=f919e4a2a6c754c1"#,
        ),
        (
            r#"new a [(3, 1), 66, 60]; new b [312, 304, 104, 9, 80, -3, 2305843009213693956, 176, 512, 6, 8.0, 9.5, 1.0, (1,), 17, 3, 13, 1e+100, 40, 192, 288, 128, 7.5, 66, -13, (1, 1), 24, -2, -1, 65]; new c [-14, 256, 176]; pop a; discard a -22; discard b 120; copy c a; cmp a b; discard b 2305843009213693953; add a -23; sub c a c; discard b 13; and a c b; add a 152; discard c 2305843009213693956; add b (2, 0); add c 184; add c 25; add b 1088; add c 2305843009213693952; isub a a; add c 112; copy b c; dictsymdu a [960, 2.5, -14, 2305843009213693952, -2, 9, -22, 280, 16, (2, 0)]; discard a -22; discard c 312; print c; or b a c; print c; add b 960; and c a c; ixor c b; ixor a c; add a 2305843009213693956; sub b a a; cmp b b; discard b 5.5; add c -16; and a a a; add b 576; copy a c; add b 58; discard c 1152; dictsymdu a [2305843009213693952]; print a; add a 296; discard c 176; diffupdl a [184]; add c 60; sub a b b; discard c 41; copy b b; print b; add b 80; copy a a; copy b c; add a 54; print c; or b c b; add b 9; discard b 65; or b b b; add c 1024; discard a 6; isub c b; discard a 27; isub b b; isub b a; discard c -21; add c -7; add c 184; or b b a; add b 136; add a 7; print b; add c (1,); ixor a b; sub b a c; discard a 264; sub a a c; add c (2, 2); interupdl b [512, -6, 280, 44, 29, 104, 18446744073709551616, -1, 960, 58, 59, 768, 8, 1152, 13, 57, 27, 55, (1, 2), -23, 15, -22, 2, (2, 0), 26, 2305843009213693954, 34, (0, 2), 41, (0, 0), 45, -5, 448, 18, 46, -15, -24, 42, -14, 66]; print c; discard b 136; ixor c a; add c 23; discard c 128; discard a 280; discard c 512; symdupdl b [61, 4.5, 27]; discard b 49; or a c c; add b (1, 0); discard b (0, 2); add a 2305843009213693955; pop c; discard c 2305843009213693952; discard b 5.5; pop c; discard b 30; discard a (3, 2); discard c 19; add c 0; pop b; xor a a a; add c 2305843009213693954; or b a b; discard c 3; add c 80; ixor c b; sub c b c; symdupdl b [96, 41, 176, 0, 42, 768, 18446744073709551618, 304, 960, 256, 64, 57, (1, 0), 136, 264, 4.5, 384, 6, 832, 192, 896, 67, 8.5, 2305843009213693954, 25, (0, 1), (1,), -2, 66, -5, (), 59, 29, ((1,), 2), 4, -3, 49, 21, 1088, 46]; ior c c; cmp a a; add b -3; discard b 640; add b 96; add a 4; add a 6; add a 768; discard c 32; discard a 23; sub b a a; print a; print b; print c"#,
            r#"(3, 1)
eq=F le=F ge=F lt=F gt=F disj=F
[2305843009213693952, -23, 112, 184, 25]
[2305843009213693952, -23, 112, 184, 25]
eq=T le=T ge=T lt=F gt=F disj=T
[960, 280, 2.5, 2305843009213693952, 9, -23, (2, 0), 16, 112, -14, -16, 184, 25, -2]
[576, 58]
[960, 280, 2.5, 9, -23, (2, 0), 16, 112, -14, -16, 184, 25, 60, -2]
[136, 54]
[1024, (1,), (2, 2), 184, -7]
1024
7
(1, 0)
eq=T le=T ge=T lt=F gt=F disj=T
[768, 4, 6]
[]
[]"#,
        ),
        (
            r#"new a [42, (1, 0), 61, 2, 37]; new b [-11, 35, 960, -1, -10, 32, 69, -2, 43, 39, 36, 168]; new c [62, 112, 31, 272, 280, 21, 1e+100, -1, 0.25, 51, 0.5, (1, 1), (2, 2), 59, 45, 64, ((1,), 2), -18, 17, 49, 896, 23, 1088, 54, 200, 1000000000000000000000000000000, 32, 48, 216, 8]; copy a c; dictsymdu c [56, 17, 448, 144, 0, 55, 1152, (3, 0), 47, 5]; add c 200; add c -2; discard a 63; add c 256; or c b b; add a 12; print c; discard b 1e+100; ior c c; add b 47; discard b (1, 0); discard c 35; dictsymdu b [-15, 1088, 1e+100, 7, 512, 320, 10, 1000000000000000000000000000000, -8, 65]; discard a 35; discard a 0; add c 184; cmp c b; add c 58; pop b; add c 1; add a (1, 0); discard c 64.0; pop b; discard a -12; pop a; add a 46; xor a c a; print b; and c c a; discard c 136; discard a 44; discard c (2, 1); add b -1; pop c; add c -1267650600228229401496703205376; updl b [27, 0.5, 184, 18446744073709551617, 200, -12, 192, 39, 65, 60]; add a -13; symdupdl c [18446744073709551616, -15, 1.5, -10, 8.0, 8, 128, 42, -16, 5.5, 2.5, 64, -1, 18446744073709551617, 67, 14, (0, 2), 312, 33, 112, 280, -20, 11, 21, ((1,), 2), 2305843009213693951, 1e+100, 288, 240, 39, 13, (3, 2), 3.5, 640, 22, 47, 9.5, -18, -14, -11]; add b 4; discard b 2305843009213693952; ixor a b; or c b a; add c 29; pop a; add c 64; xor c b b; and b b c; interupdl a [2305843009213693953, 312, 47]; add c -9; add c 896; add a (2, 2); iand c b; discard b (); discard a 32; iand a a; add c 768; add b (2, 1); add a (); copy b a; pop b; ior a b; add a 192; or a b c; discard a 104; add c -15; add c 3.5; dictsymdu a [-5, 144, 20, 184, 50, 320, 64.0, 2305843009213693953, 15, 14, 49, ((1,), 2), 5.5, 1088, 19, 22, 39, 6.5, (3, 2), 64, 88, -8, 56, 23, (1, 1), -20, 104, 80, 208, 2305843009213693954, 224, 160, 18, 1000000000000000000000000000000, -6, 67, (), 312, -17, 832]; ior b a; dictu b [6.5, 1000000000000000000000000000000, 26]; add a 264; diffupdl c [3, 320, 1152, 25, 0.25, 55, 40, 2305843009213693956, 128, 1000000000000000000000000000000, (1, 1), 5, 28, 64, 960, 176, 68, -15, 27, 63, -17, 184, 1216, 24, 15, 34, 0.5, 704, 42, 88, 69, 21, 45, 53, 128, 232, (3, 1), 640, -2, 240]; discard c 168; discard c 768; isub b a; print a; discard b 216; diffupdl c [64.0, 22, 18446744073709551618, 52, 60, 21, (1, 1), 14, 184, 50, -15, 128, 45, -13, 59, 56, 46, 10, 1152, 31, 80, 20, -12, 192, 1000000000000000000000000000000, 256, 37, 2305843009213693955, 224, 39, 40, 112, 832, 27, 69, 11, 7, 55, 18446744073709551616, (1,)]; add c 68; and a b a; discard c 15; xor a a b; add b 5; print c; xor a c b; dictu c [576, 33, 64, 43, -1267650600228229401496703205376, 26, (1, 2), 704, 4.5, 1]; discard c 256; add c 67; interupdl b [896]; add c 88; print a; diffupdl a [-12, -6, 384, -9, 26, -14, 0.5, 0.25, 4.5, 65]; add b 160; ior a a; iand b a; updl b [288]; discard a 16; add b 2; add b 640; dictu c [160, 34, 2305843009213693951, 304, 61, (2, 0), 11, 51, 896, (2, 2)]; discard a 2.5; discard c 32; print a; add b 3; discard b 7; add a 1.0; add b 9; copy c a; pop a; xor a b b; diffupdl a [1.0, 768, 272, 25, 2305843009213693955, (2, 2), 10, 64, 1024, 46, 128, 23, 60, 61, 248, 136, 21, 112, 22, 37, 88, 304, 0.25, 296, -2, -16, 29, 57, 160, 152, (), 13, -18, -22, 4.5, 1000000000000000000000000000000, 2305843009213693954, 55, 51, -17]; add b 160; discard c (2, 0); add b 13; print b; discard b 256; add b 1024; print a; print b; print c"#,
            r#"[960, 32, 35, 36, 69, 39, 168, 43, -11, -10, -2, -1]
eq=F le=F ge=F lt=F gt=F disj=F
512
1000000000000000000000000000000
0.25
[7, 10, 1e+100, 32, 35, 36, 39, 168, 43, 47, 960, 1088, 320, 65, 69, -15, -11, -10, -1, -8, -2]
960
896
()
#len=273:fnv=391464203a9ff4d0
[3.5, 68]
[26, 3.5, 68, 5]
[3.5, 68, 5]
1.0
[288, 640, 2, 3, 160, 9, 13]
[]
[288, 640, 2, 3, 160, 1024, 9, 13]
[1.0, 3.5, 68, 5]"#,
        ),
    ];

    #[rustfmt::skip]
    const HASH_CASES: &[(&str, i64)] = &[
        (r#"0"#, 0),
        (r#"1"#, 1),
        (r#"-1"#, -2),
        (r#"-2"#, -2),
        (r#"2"#, 2),
        (r#"7"#, 7),
        (r#"2305843009213693950"#, 2305843009213693950),
        (r#"2305843009213693951"#, 0),
        (r#"2305843009213693952"#, 1),
        (r#"-2305843009213693951"#, 0),
        (r#"-2305843009213693952"#, -2),
        (r#"4611686018427387904"#, 2),
        (r#"9223372036854775807"#, 3),
        (r#"-9223372036854775808"#, -4),
        (r#"18446744073709551616"#, 8),
        (r#"-18446744073709551616"#, -8),
        (r#"-1267650600228229401496703205376"#, -549755813888),
        (r#"1000000000000000000000000000000"#, 465258685558744706),
        (r#"-1000000000000000000000000000000"#, -465258685558744706),
        (r#"5316911983139663491615228241121378303"#, 0),
        (r#"265613988875874769338781322035779626829233452653394495974574961739092490901302182994384699044001"#, 424410663027747676),
        (r#"0.5"#, 1152921504606846976),
        (r#"1e+100"#, 1822893315824342674),
        (r#"-0.0"#, 0),
        (r#"0.0"#, 0),
        (r#"inf"#, 314159),
        (r#"-inf"#, -314159),
        (r#"1.5"#, 1152921504606846977),
        (r#"-2.5"#, -1152921504606846978),
        (r#"-1.0"#, -2),
        (r#"1e-300"#, 482449582752280463),
        (r#"5e-324"#, 16777216),
        (r#"1.7976931348623157e+308"#, 2234066890152476671),
        (r#"0.1"#, 230584300921369408),
        (r#"1.1805916207174113e+21"#, 512),
        (r#"123456.789"#, 1819310134279660096),
        (r#"-1e-05"#, -2170758078822671208),
        (r#"2.305843009213694e+18"#, 1),
        (r#"4.336808689942018e-19"#, 1),
        (r#"(1, 2)"#, -3550055125485641917),
        (r#"()"#, 5740354900026072187),
        (r#"((1,), 2)"#, 1192742280400060608),
        (r#"(1,)"#, -6644214454873602895),
        (r#"(-1,)"#, 8078679518589016365),
        (r#"(1.5, (2, 3))"#, 5043971494856347220),
        (r#"(0, 0, 0)"#, 3010437511937009226),
        (r#"(-2, -1)"#, 960947337673586213),
        (r#"f{}"#, 133146708735736),
        (r#"f{1, 2, 3}"#, -272375401224217160),
        (r#"f{(1, 2)}"#, 3819360209092968377),
        (r#"f{f{1}}"#, 5515263749738256364),
        (r#"f{-1, -2}"#, 399283329322573),
        (r#"f{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99}"#, 4411996150312757951),
    ];
    // END GENERATED

    /// Test values: Python int / float / tuple / frozenset.
    #[derive(Clone, Debug)]
    enum V {
        I(BigInt),
        F(f64),
        T(Vec<V>),
        Fs(Vec<V>),
    }

    fn vhash(v: &V) -> i64 {
        match v {
            V::I(b) => {
                let h = hash_bigint(b);
                if let Some(i) = b.to_i64() {
                    assert_eq!(hash_i64(i), h, "hash_i64 vs hash_bigint for {b}");
                }
                h
            }
            V::F(f) => hash_f64(*f).expect("no NaN in tests"),
            V::T(items) => hash_tuple(&items.iter().map(vhash).collect::<Vec<_>>()),
            V::Fs(items) => hash_frozenset(&items.iter().map(vhash).collect::<Vec<_>>()),
        }
    }

    fn veq(a: &V, b: &V) -> bool {
        match (a, b) {
            (V::I(x), V::I(y)) => x == y,
            (V::F(x), V::F(y)) => x == y,
            (V::I(i), V::F(f)) | (V::F(f), V::I(i)) => {
                f.is_finite() && f.fract() == 0.0 && BigInt::from_f64(*f).as_ref() == Some(i)
            }
            (V::T(x), V::T(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| veq(p, q)),
            _ => false,
        }
    }

    /// The equality callback used by the tests; it also checks that the table
    /// only ever compares keys of equal hash.
    fn eq_checked(a: &V, b: &V) -> Result<bool, ()> {
        assert_eq!(
            vhash(a),
            vhash(b),
            "eq called on keys with different hashes"
        );
        Ok(veq(a, b))
    }

    fn float_repr(x: f64) -> String {
        if x.is_infinite() {
            return if x > 0.0 { "inf".into() } else { "-inf".into() };
        }
        if x == 0.0 {
            return if x.is_sign_negative() {
                "-0.0".into()
            } else {
                "0.0".into()
            };
        }
        let sign = if x < 0.0 { "-" } else { "" };
        let s = format!("{:e}", x.abs());
        let (mant, exp) = s.split_once('e').unwrap();
        let exp: i32 = exp.parse().unwrap();
        let digits: String = mant.chars().filter(|c| *c != '.').collect();
        let body = if (-4..16).contains(&exp) {
            if exp >= 0 {
                let e = exp as usize;
                if digits.len() <= e + 1 {
                    format!("{}{}.0", digits, "0".repeat(e + 1 - digits.len()))
                } else {
                    format!("{}.{}", &digits[..e + 1], &digits[e + 1..])
                }
            } else {
                format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
            }
        } else {
            let mut m = digits[..1].to_string();
            if digits.len() > 1 {
                m.push('.');
                m.push_str(&digits[1..]);
            }
            format!("{}e{}{:02}", m, if exp < 0 { '-' } else { '+' }, exp.abs())
        };
        format!("{sign}{body}")
    }

    fn repr(v: &V) -> String {
        match v {
            V::I(b) => b.to_string(),
            V::F(f) => float_repr(*f),
            V::T(items) if items.len() == 1 => format!("({},)", repr(&items[0])),
            V::T(items) => format!(
                "({})",
                items.iter().map(repr).collect::<Vec<_>>().join(", ")
            ),
            V::Fs(_) => unreachable!(),
        }
    }

    struct Parser<'a> {
        s: &'a [u8],
        i: usize,
    }

    impl Parser<'_> {
        fn new(s: &str) -> Parser<'_> {
            Parser {
                s: s.as_bytes(),
                i: 0,
            }
        }
        fn ws(&mut self) {
            while self.i < self.s.len() && self.s[self.i] == b' ' {
                self.i += 1;
            }
        }
        fn items(&mut self, close: u8) -> Vec<V> {
            let mut v = Vec::new();
            loop {
                self.ws();
                if self.s[self.i] == close {
                    self.i += 1;
                    return v;
                }
                v.push(self.value());
                self.ws();
                if self.s[self.i] == b',' {
                    self.i += 1;
                }
            }
        }
        fn list(&mut self) -> Vec<V> {
            self.ws();
            assert_eq!(self.s[self.i], b'[');
            self.i += 1;
            self.items(b']')
        }
        fn value(&mut self) -> V {
            self.ws();
            if self.s[self.i..].starts_with(b"f{") {
                self.i += 2;
                return V::Fs(self.items(b'}'));
            }
            if self.s[self.i] == b'(' {
                self.i += 1;
                return V::T(self.items(b')'));
            }
            let start = self.i;
            while self.i < self.s.len() && b"0123456789+-.einfa".contains(&self.s[self.i]) {
                self.i += 1;
            }
            let tok = std::str::from_utf8(&self.s[start..self.i]).unwrap();
            if tok.contains(['.', 'e', 'n']) {
                V::F(tok.parse().unwrap())
            } else {
                V::I(tok.parse().unwrap())
            }
        }
    }

    fn parse_list(s: &str) -> Vec<(i64, V)> {
        Parser::new(s)
            .list()
            .into_iter()
            .map(|v| (vhash(&v), v))
            .collect()
    }

    fn parse_value(s: &str) -> (i64, V) {
        let v = Parser::new(s).value();
        (vhash(&v), v)
    }

    /// `dict.fromkeys(items)`'s keys, in dict order.
    fn dict_keys(items: Vec<(i64, V)>) -> Vec<(i64, V)> {
        let mut keys: Vec<(i64, V)> = Vec::new();
        for (h, v) in items {
            if !keys.iter().any(|(_, k)| veq(k, &v)) {
                keys.push((h, v));
            }
        }
        keys
    }

    fn fnv64(s: &str) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &c in s.as_bytes() {
            h ^= c as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    }

    fn list_repr(t: &SetTable<V>) -> String {
        let s = format!("[{}]", t.keys().map(repr).collect::<Vec<_>>().join(", "));
        if s.len() > 200 {
            format!("#len={}:fnv={:016x}", s.len(), fnv64(&s))
        } else {
            s
        }
    }

    fn flag(b: bool) -> char {
        if b {
            'T'
        } else {
            'F'
        }
    }

    /// Interpreter for the DSL of gen_expectations.py.
    fn run(script: &str) -> String {
        let mut regs: HashMap<String, SetTable<V>> = HashMap::new();
        let mut out = Vec::new();
        let eq = &mut eq_checked;
        for stmt in script.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let (op, rest) = stmt.split_once(' ').unwrap_or((stmt, ""));
            let args: Vec<&str> = rest.splitn(4, ' ').collect();
            let get = |regs: &HashMap<String, SetTable<V>>, n: &str| regs[n].clone();
            match op {
                "new" | "lit" => {
                    let (name, lst) = rest.split_once(' ').unwrap();
                    let items = parse_list(lst);
                    let t = if op == "new" {
                        let mut t = SetTable::new();
                        for (h, k) in items {
                            t.insert(h, k, eq).unwrap();
                        }
                        t
                    } else {
                        SetTable::from_constant_display(&items, eq).unwrap()
                    };
                    regs.insert(name.to_string(), t);
                }
                "forlit" => {
                    let t = SetTable::from_constant_frozenset(&parse_list(rest), eq).unwrap();
                    out.push(list_repr(&t));
                }
                "range" => {
                    let lo: i64 = args[1].parse().unwrap();
                    let hi: i64 = args[2].parse().unwrap();
                    let st: i64 = args[3].parse().unwrap();
                    let mut t = SetTable::new();
                    let mut x = lo;
                    while (st > 0 && x < hi) || (st < 0 && x > hi) {
                        t.insert(hash_i64(x), V::I(x.into()), eq).unwrap();
                        x += st;
                    }
                    regs.insert(args[0].to_string(), t);
                }
                "add" | "discard" => {
                    let (name, v) = rest.split_once(' ').unwrap();
                    let (h, k) = parse_value(v);
                    let t = regs.get_mut(name).unwrap();
                    if op == "add" {
                        t.insert(h, k, eq).unwrap();
                    } else {
                        t.remove(h, &k, eq).unwrap();
                    }
                }
                "pop" => {
                    let k = regs.get_mut(args[0]).unwrap().pop().unwrap();
                    out.push(repr(&k));
                }
                "clear" => regs.get_mut(args[0]).unwrap().clear(),
                "copy" => {
                    let t = regs[args[1]].copy();
                    regs.insert(args[0].to_string(), t);
                }
                "or" | "and" | "sub" | "xor" => {
                    let b = get(&regs, args[1]);
                    let same = args[1] == args[2];
                    let c = get(&regs, args[2]);
                    let r = match op {
                        "or" if same => b.copy(),
                        "and" if same => b.copy(),
                        "or" => b.union(&c, eq).unwrap(),
                        "and" => b.intersection(&c, eq).unwrap(),
                        "sub" => b.difference(&c, eq).unwrap(),
                        _ => b.symmetric_difference(&c, eq).unwrap(),
                    };
                    regs.insert(args[0].to_string(), r);
                }
                "ior" | "iand" | "isub" | "ixor" => {
                    let same = args[0] == args[1];
                    let b = get(&regs, args[1]);
                    let a = regs.get_mut(args[0]).unwrap();
                    match op {
                        "ior" if same => {}
                        "iand" if same => a.intersection_update_with_copy(),
                        "isub" | "ixor" if same => a.clear(),
                        "ior" => a.update(&b, eq).unwrap(),
                        "iand" => a.intersection_update(&b, eq).unwrap(),
                        "isub" => a.difference_update(&b, eq).unwrap(),
                        _ => a.symmetric_difference_update(&b, eq).unwrap(),
                    }
                }
                "unionl" | "interl" | "diffl" | "symdl" | "dictdiff" | "dictsymd" | "dictset" => {
                    let mut parts = rest.splitn(3, ' ');
                    let (name, src, lst) = (
                        parts.next().unwrap(),
                        parts.next().unwrap(),
                        parts.next().unwrap(),
                    );
                    let items = parse_list(lst);
                    let b = &regs[src];
                    let r = match op {
                        "unionl" => {
                            let mut r = b.copy();
                            r.extend_items(&items, eq).unwrap();
                            r
                        }
                        "interl" => b.intersection_items(&items, eq).unwrap(),
                        "diffl" => b.difference_items(&items, eq).unwrap(),
                        "symdl" => b.symmetric_difference_items(&items, eq).unwrap(),
                        "dictdiff" => b.difference_dict_keys(&dict_keys(items), eq).unwrap(),
                        "dictsymd" => b
                            .symmetric_difference_dict_keys(&dict_keys(items), eq)
                            .unwrap(),
                        _ => SetTable::from_dict_keys(&dict_keys(items), eq).unwrap(),
                    };
                    regs.insert(name.to_string(), r);
                }
                "updl" | "interupdl" | "diffupdl" | "symdupdl" | "dictu" | "dictsymdu" => {
                    let (name, lst) = rest.split_once(' ').unwrap();
                    let items = parse_list(lst);
                    let a = regs.get_mut(name).unwrap();
                    match op {
                        "updl" => a.extend_items(&items, eq).unwrap(),
                        "interupdl" => a.intersection_update_items(&items, eq).unwrap(),
                        "diffupdl" => a.difference_update_items(&items, eq).unwrap(),
                        "symdupdl" => a.symmetric_difference_update_items(&items, eq).unwrap(),
                        "dictu" => a.update_from_dict_keys(&dict_keys(items), eq).unwrap(),
                        _ => a
                            .symmetric_difference_update_dict_keys(&dict_keys(items), eq)
                            .unwrap(),
                    }
                }
                "print" => out.push(list_repr(&regs[args[0]])),
                "cmp" => {
                    let a = &regs[args[0]];
                    let b = &regs[args[1]];
                    let disj = if args[0] == args[1] {
                        a.is_empty()
                    } else {
                        a.isdisjoint(b, eq).unwrap()
                    };
                    out.push(format!(
                        "eq={} le={} ge={} lt={} gt={} disj={}",
                        flag(a.set_eq(b, eq).unwrap()),
                        flag(a.issubset(b, eq).unwrap()),
                        flag(a.issuperset(b, eq).unwrap()),
                        flag(a.is_proper_subset(b, eq).unwrap()),
                        flag(a.is_proper_superset(b, eq).unwrap()),
                        flag(disj),
                    ));
                }
                _ => panic!("unknown statement {stmt:?}"),
            }
            for t in regs.values() {
                t.check_invariants();
            }
        }
        out.join("\n")
    }

    #[test]
    fn iteration_order_matches_cpython() {
        let mut failures = Vec::new();
        for (i, (script, expected)) in ORDER_CASES.iter().enumerate() {
            let got = run(script);
            if got != *expected {
                failures.push(format!(
                    "case {i}: {script}\n  expected: {expected}\n  got:      {got}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failing cases:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn hashes_match_cpython() {
        for (text, expected) in HASH_CASES {
            let (h, _) = parse_value(text);
            assert_eq!(h, *expected, "hash({text})");
        }
    }

    #[test]
    fn hash_edge_cases() {
        assert_eq!(hash_f64(f64::NAN), None);
        assert_eq!(hash_complex(f64::NAN, 1.0), None);
        assert_eq!(hash_complex(1.0, 2.0), Some(2_000_007));
        assert_eq!(hash_complex(3.0, 0.0), Some(3));
        assert_eq!(hash_i64(i64::MIN), hash_bigint(&BigInt::from(i64::MIN)));
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_f64(-1.0), Some(-2));
        for i in [-1000i64, -2, -1, 0, 1, 1 << 53, 1 << 61, 1 << 62, i64::MIN] {
            assert_eq!(hash_f64(i as f64), Some(hash_i64(i)));
        }
        for s in ["", "a", "abc", "héllo"] {
            assert_ne!(hash_str(s), -1);
            assert_eq!(hash_str(s), hash_bytes(s.as_bytes()));
        }
        assert_ne!(hash_str("a"), hash_str("b"));
    }

    fn int_table(vals: &[i64]) -> SetTable<V> {
        let items: Vec<(i64, V)> = vals
            .iter()
            .map(|&i| (hash_i64(i), V::I(i.into())))
            .collect();
        SetTable::from_items(&items, &mut eq_checked).unwrap()
    }

    #[test]
    fn api_basics() {
        let eq = &mut eq_checked;
        let mut t = int_table(&[5, 3, 9]);
        assert_eq!(t.len(), 3);
        assert!(!t.is_empty());
        assert_eq!(t.table_size(), 8);
        assert!(t.contains(hash_i64(3), &V::I(3.into()), eq).unwrap());
        assert!(t.contains(hash_f64(3.0).unwrap(), &V::F(3.0), eq).unwrap());
        assert!(!t.contains(hash_i64(4), &V::I(4.into()), eq).unwrap());
        // Adding an equal key keeps the stored one.
        assert!(!t.insert(hash_f64(5.0).unwrap(), V::F(5.0), eq).unwrap());
        assert!(matches!(
            t.get(hash_i64(5), &V::F(5.0), eq).unwrap(),
            Some(V::I(_))
        ));
        assert!(matches!(
            t.remove(hash_i64(5), &V::F(5.0), eq).unwrap(),
            Some(V::I(_))
        ));
        assert!(t
            .remove(hash_i64(5), &V::I(5.into()), eq)
            .unwrap()
            .is_none());
        assert_eq!(t.len(), 2);
        assert_eq!(t.fill(), 3);
        // Position-based iteration agrees with iter().
        let mut pos = 0;
        let mut seen = Vec::new();
        while let Some((next, h, k)) = t.next_entry(pos) {
            seen.push((h, repr(k)));
            pos = next;
        }
        let direct: Vec<_> = t.iter().map(|(h, k)| (h, repr(k))).collect();
        assert_eq!(seen, direct);
        assert_eq!(t.iter().len(), 2);
        assert_eq!(format!("{t:?}"), "{I(9), I(3)}");
        t.clear();
        assert!(t.is_empty());
        assert!(t.pop().is_none());
        // with_capacity never changes the layout; presized does.
        let mut a = SetTable::<V>::with_capacity(1000);
        let mut b = SetTable::<V>::new();
        assert_eq!(a.table_size(), 8);
        for i in [8i64, 16, 3, 24, 40, 11] {
            a.insert(hash_i64(i), V::I(i.into()), eq).unwrap();
            b.insert(hash_i64(i), V::I(i.into()), eq).unwrap();
        }
        assert_eq!(list_repr(&a), list_repr(&b));
        assert_eq!(SetTable::<V>::presized(100).table_size(), 128);
        assert_eq!(SetTable::<V>::default().table_size(), 8);
    }

    #[test]
    fn frozenset_hash_of_table() {
        let t = int_table(&[1, 2, 3, -7, 1 << 40]);
        let hashes: Vec<i64> = t.iter().map(|(h, _)| h).collect();
        assert_eq!(t.frozenset_hash(), hash_frozenset(&hashes));
        let mut rev = hashes.clone();
        rev.reverse();
        assert_eq!(hash_frozenset(&rev), hash_frozenset(&hashes));
    }

    #[test]
    fn eq_errors_propagate() {
        let mut t = int_table(&[1, 2, 3]);
        let mut calls = 0;
        let mut failing = |_: &V, _: &V| -> Result<bool, &'static str> {
            calls += 1;
            Err("boom")
        };
        // Probing with a colliding hash calls eq, which fails.
        assert_eq!(t.insert(hash_i64(2), V::F(2.5), &mut failing), Err("boom"));
        assert!(matches!(
            t.remove(hash_i64(2), &V::F(2.5), &mut failing),
            Err("boom")
        ));
        assert_eq!(
            t.contains(hash_i64(2), &V::F(2.5), &mut failing),
            Err("boom")
        );
        // A non-colliding key never calls eq.
        assert_eq!(
            t.insert(hash_i64(4), V::I(4.into()), &mut failing),
            Ok(true)
        );
        assert_eq!(calls, 3);
        assert_eq!(t.len(), 4);
        t.check_invariants();
    }
}
