//! A suspended coroutine's frame, packed into one block.
//!
//! A coroutine suspends to wait for the event loop, often for long, and many wait at
//! once (memory.py parks 200,000 coroutine frames). A live frame is a 64-byte header
//! and a value stack sized for the code's deepest point; parked, it keeps only what
//! resuming needs: its globals, its instruction pointer and the values live at the
//! suspension (locals, cells and the value stack up to its depth), in one allocation
//! of a 16-byte header and 16 bytes per value. The header goes back to the VM's frame
//! pool, and a pooled one takes the values back on resume.
//!
//! Frames are parked when a task starts waiting on a future while a thousand tasks or
//! more are alive (`aio::PARK_FROM_TASKS`): its coroutine and the chain it awaits
//! through. A coroutine that only yields to the loop (`sleep(0)`), a generator driven
//! by its consumer and the few tasks of most programs are resumed soon, and packing
//! them would be pure cost.

use super::frame::Frame;
use super::Vm;
use crate::object::{Object, Payload, Value};
use std::alloc::Layout;
use std::ptr::NonNull;
use std::rc::Rc;

struct Header {
    globals: Rc<Object>,
    ip: u32,
    len: u32,
}

/// The block: a `Header`, then `len` values.
pub struct ParkedFrame(NonNull<Header>);

/// Values start right after the header: its size is a multiple of a value's alignment.
const VALUES_AT: usize = std::mem::size_of::<Header>();
const _: () = assert!(
    VALUES_AT.is_multiple_of(std::mem::align_of::<Value>())
        && std::mem::align_of::<Value>() <= std::mem::align_of::<Header>()
);

fn layout(len: usize) -> Layout {
    let size = VALUES_AT + len * std::mem::size_of::<Value>();
    Layout::from_size_align(size, std::mem::align_of::<Header>()).expect("a frame fits in memory")
}

#[inline(always)]
fn values_of(p: *mut Header) -> *mut Value {
    // SAFETY (callers): `p` is a block made by `pack`, whose values follow the header.
    unsafe { (p as *mut u8).add(VALUES_AT) as *mut Value }
}

impl ParkedFrame {
    /// Move `f`'s values into a new block, with its instruction pointer and a
    /// reference to its globals; `f` is left with no values, for the pool.
    #[inline]
    pub fn pack(f: &mut Frame) -> ParkedFrame {
        let len = f.stack.len();
        let lay = layout(len);
        // SAFETY: the block is allocated for a header and `len` values; the values are
        // moved (the vector's length is cut to 0 after the copy, so each is owned once).
        unsafe {
            let p = std::alloc::alloc(lay) as *mut Header;
            if p.is_null() {
                std::alloc::handle_alloc_error(lay);
            }
            p.write(Header {
                globals: f.globals.clone(),
                ip: f.ip as u32,
                len: len as u32,
            });
            f.stack.set_len(0);
            super::dispatch::move_values(f.stack.as_ptr(), values_of(p), len);
            ParkedFrame(NonNull::new_unchecked(p))
        }
    }

    /// Move the values back into `f`, an empty frame (from the pool) whose code is
    /// already the coroutine's, and free the block.
    #[inline]
    pub fn unpack(self, f: &mut Frame) {
        debug_assert!(f.stack.is_empty());
        let p = self.0.as_ptr();
        std::mem::forget(self);
        // SAFETY: `p` is a live block (forgotten above, so freed only here); its header
        // and values are read out once, then the memory is released.
        unsafe {
            let Header { globals, ip, len } = p.read();
            let len = len as usize;
            if !Rc::ptr_eq(&f.globals, &globals) {
                f.globals = globals;
            }
            f.ip = ip as usize;
            let need = f.code.frame_size();
            if f.stack.capacity() < need {
                f.stack.reserve(need);
            }
            super::dispatch::move_values(values_of(p), f.stack.as_mut_ptr(), len);
            f.stack.set_len(len);
            std::alloc::dealloc(p as *mut u8, layout(len));
        }
    }

    fn header(&self) -> &Header {
        // SAFETY: the block lives as long as `self`.
        unsafe { self.0.as_ref() }
    }

    /// The values live at the suspension: locals, cells, then the value stack.
    pub fn values(&self) -> &[Value] {
        // SAFETY: `len` initialised values follow the header while `self` lives.
        unsafe {
            std::slice::from_raw_parts(values_of(self.0.as_ptr()), self.header().len as usize)
        }
    }

    /// The instruction pointer to resume at.
    pub fn ip(&self) -> usize {
        self.header().ip as usize
    }

    pub fn globals(&self) -> &Rc<Object> {
        &self.header().globals
    }
}

impl Drop for ParkedFrame {
    fn drop(&mut self) {
        let p = self.0.as_ptr();
        // SAFETY: the block is live and owned by `self`; each value and the header are
        // dropped once (values first to last, as a frame's are), then it is freed.
        unsafe {
            let len = (*p).len as usize;
            let values = values_of(p);
            for i in 0..len {
                std::ptr::drop_in_place(values.add(i));
            }
            std::ptr::drop_in_place(p);
            std::alloc::dealloc(p as *mut u8, layout(len));
        }
    }
}

impl Vm {
    /// A task waits on a future: park its coroutine's frame and those of the
    /// coroutines and generators it awaits through, down to the one that yielded.
    pub(crate) fn park_awaiting(&mut self, coro: &Value) {
        let mut next = coro.clone();
        while let Some(Payload::Generator(g)) = next.payload() {
            let Some((header, below)) = g.park() else {
                break;
            };
            self.free_frame(header);
            match below {
                Some(v) => next = v,
                None => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_16_bytes_and_values_follow_it() {
        assert_eq!(std::mem::size_of::<Header>(), 16);
        // Three values (two locals and an awaited object) fill mimalloc's 64-byte class.
        assert_eq!(layout(3).size(), 64);
    }
}
