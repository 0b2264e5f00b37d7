//! The pyco binary's global allocator: mimalloc, called the way `std`'s System
//! allocator calls malloc.
//!
//! The `mimalloc` crate passes every request to `mi_malloc_aligned`, and mimalloc 3
//! serves an aligned request from its fast path only when the block size is a power of
//! two. Every other size (most of pyco's objects: 80, 96, 112 bytes) fell to its
//! over-allocating path: about 160 instructions per allocation instead of about 20, from
//! the next size class up. Alignments up to 16 need no aligned call at all: mimalloc
//! aligns every block of 16 bytes or more to 16, as malloc does.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// What every mimalloc block of at least this size is aligned to (`MI_MAX_ALIGN_SIZE`).
const MALLOC_ALIGN: usize = 16;

pub struct MiMalloc;

/// Plain `mi_malloc` serves the layout: a block of `size` bytes is aligned to
/// min(16, the largest power of two dividing its size class) >= `align`.
#[inline(always)]
fn plain(layout: &Layout) -> bool {
    layout.align() <= MALLOC_ALIGN && layout.align() <= layout.size()
}

// SAFETY: each method forwards to the mimalloc function with the same contract; the
// plain functions are used only where their blocks meet the layout's alignment.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(&layout) {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(&layout) {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr as *mut c_void)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: GlobalAlloc::realloc's contract makes (new_size, align) a valid layout.
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        if plain(&new_layout) {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

extern "C" {
    // mimalloc's option setter (in the library libmimalloc-sys links; the crate
    // declares it only with its `extended` feature, which would add a dependency).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc 3's option enum.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Give freed pages back to the OS 10 ms after they empty (mimalloc 2's default and
/// the documented one; mimalloc 3's build waits a second). A program that frees
/// objects of one size and allocates another (frames parked as tasks wait, their
/// headers and stacks freed) otherwise keeps both in its peak RSS: memory.py 75.7 ->
/// 70.4 MiB, with no measured cost in time. `MIMALLOC_PURGE_DELAY` still decides
/// when it is set.
pub fn return_freed_pages_promptly() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one process-wide integer option; any value is valid.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_meet_every_layouts_alignment() {
        let a = MiMalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 12, 16, 24, 40, 80, 96, 112, 200, 1000, 70000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero-sized layout; every block is freed with its layout.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "{size}/{align}"
                    );
                    p.write_bytes(0xab, size);
                    let z = a.alloc_zeroed(layout);
                    assert!((z as usize).is_multiple_of(align));
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    let q = a.realloc(p, layout, size * 3);
                    assert!((q as usize).is_multiple_of(align) && *q.add(size - 1) == 0xab);
                    a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
