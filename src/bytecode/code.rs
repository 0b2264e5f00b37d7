//! Code objects: what the compiler produces and the VM runs (CPython's `PyCodeObject`).

use super::opcodes::{Instr, Opcode};
use crate::object::Value;
use crate::source::SourceFile;
use std::rc::Rc;

/// `co_flags` bits, CPython's values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// One row of the zero-cost exception table: instructions `start..end` jump to `target`
/// with the value stack cut to `depth` (plus the offending index when `lasti`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

pub struct CodeObject {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub source: Rc<SourceFile>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (0 = none, e.g. the prologue of a module).
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    /// Fast locals: parameters first.
    pub varnames: Vec<Rc<str>>,
    /// Cells created in this frame, then free variables received from the closure.
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter, its varnames index.
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub max_stack: u32,
    /// Derived once, for the call path: `nlocalsplus()`, `call_start()` and
    /// `generator_start()`.
    pub layout: FrameLayout,
    pub exception_table: Vec<ExceptionEntry>,
    /// Inline caches for LOAD_GLOBAL, LOAD_ATTR and STORE_ATTR, by instruction index.
    pub inline_cache: Vec<std::cell::Cell<InlineCache>>,
    /// Inline caches of what each name (`names` index) is in the receiver's class, for
    /// LOAD_METHOD, LOAD_ATTR and STORE_ATTR: sites that use one name in one code
    /// object share its entry.
    pub class_cache: Vec<std::cell::Cell<ClassCache>>,
    /// The Python object for this code while one exists, so that `f.__code__`,
    /// `gen.gi_code` and the constant in the enclosing code are one object (`is`).
    pub py_object: std::cell::RefCell<std::rc::Weak<crate::object::Object>>,
}

/// The Python object of `code`: the existing one, or a new one it remembers (weakly:
/// the object owns the code, not the other way round).
pub fn code_value(code: &Rc<CodeObject>) -> Value {
    if let Some(o) = code.py_object.borrow().upgrade() {
        return Value::Obj(o);
    }
    let v = Value::new_obj(crate::object::Payload::Code(code.clone()));
    if let Value::Obj(o) = &v {
        *code.py_object.borrow_mut() = Rc::downgrade(o);
    }
    v
}

/// What a call needs to know about a code object's frame, computed when it is built.
#[derive(Clone, Copy, Debug, Default)]
pub struct FrameLayout {
    /// Fast locals, cells and free variables.
    pub nlocalsplus: u32,
    /// The index after RETURN_GENERATOR when a call can skip running the prologue
    /// (see `CodeObject::generator_start`); 0 when it cannot.
    pub generator_start: u32,
    /// A plain function's code starting with RESUME: 1, the index after it, where a
    /// call may start when no safe point is due (see `CodeObject::call_start`); else 0.
    pub call_start: u32,
}

/// What a name was found to be in the classes of the last two receivers, by address
/// (see `class_lookup` in vm/attr.rs for why the addresses stay valid while `epoch` is
/// current).
#[derive(Clone, Copy, Debug, Default)]
pub struct ClassCache {
    /// The type epoch the entries were found in (0: empty).
    pub epoch: u64,
    /// (type object address, found object address), most recent first; type 0: unused.
    pub entries: [(usize, usize); 2],
}

/// One instruction's inline cache: what it found last time, and what must still hold
/// for that to be the answer again.
#[derive(Clone, Copy, Debug, Default)]
pub enum InlineCache {
    #[default]
    Empty,
    /// LOAD_GLOBAL: where the name was found, valid while both dicts keep their
    /// layouts.
    Global {
        globals_layout: u64,
        builtins_layout: u64,
        /// Entry index in globals, or in builtins when `in_builtins`.
        index: u32,
        in_builtins: bool,
    },
    /// LOAD_ATTR / STORE_ATTR on an instance: the attribute's entry index in the last
    /// instance's dict, for instances of `class` (an address) while the type epoch is
    /// `epoch`. The class then has no data descriptor of that name (for a store no data
    /// descriptors at all and no Python `__setattr__`; only such classes are cached);
    /// instances that filled their dicts in the same order have the name at the same
    /// index, which a pointer compare confirms.
    Attr {
        class: usize,
        epoch: u64,
        index: u32,
    },
    /// SEND: how the chains it collapsed ended (`vm/chain.rs`). `misses`: the last
    /// ones in a row whose leaf returned or raised instead of yielding again; after
    /// enough, the next `skip` SENDs here resume level by level.
    Send { skip: u16, misses: u8 },
    /// CALL of a plain Python function with exactly its `nargs` parameters, no
    /// closure, and the caller's globals: the function object's address and its code.
    /// A hit (the same object, still holding that code and those globals) pushes the
    /// frame from the cached code, so that the push does not wait on loads through
    /// the function.
    Call {
        func: usize,
        code: *const CodeObject,
        nargs: u32,
    },
}

impl CodeObject {
    /// CPython's `co_varnames`: parameters and plain locals, not the cells that are
    /// only cells (pyco gives those a local slot too).
    pub fn co_varnames(&self) -> Vec<Rc<str>> {
        let nargs = (self.argcount + self.kwonlyargcount) as usize
            + (self.flags & flags::VARARGS != 0) as usize
            + (self.flags & flags::VARKEYWORDS != 0) as usize;
        self.varnames
            .iter()
            .enumerate()
            .filter(|(i, n)| *i < nargs || !self.cellvars.contains(n))
            .map(|(_, n)| n.clone())
            .collect()
    }

    /// CPython's `co_stacksize`.
    pub fn co_stacksize(&self) -> u32 {
        self.max_stack
    }

    /// A copy with extra `co_flags` (what `types.coroutine` does to a generator).
    pub fn with_flags(&self, extra: u32) -> CodeObject {
        CodeObject {
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            source: self.source.clone(),
            first_line: self.first_line,
            instrs: self.instrs.clone(),
            lines: self.lines.clone(),
            consts: self.consts.clone(),
            names: self.names.clone(),
            varnames: self.varnames.clone(),
            cellvars: self.cellvars.clone(),
            freevars: self.freevars.clone(),
            cell2arg: self.cell2arg.clone(),
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags | extra,
            max_stack: self.max_stack,
            layout: self.layout,
            exception_table: self.exception_table.clone(),
            inline_cache: (0..self.instrs.len()).map(|_| Default::default()).collect(),
            class_cache: (0..self.names.len()).map(|_| Default::default()).collect(),
            py_object: Default::default(),
        }
    }

    /// Where a call of a plain function starts: past its first instruction when that
    /// is a RESUME, whose only work at entry is to take a due safe point. The caller
    /// starts at 0 instead when one is due, and counts the skipped step.
    #[inline]
    pub fn call_start(&self) -> usize {
        self.layout.call_start as usize
    }

    /// For a generator-like function whose prologue is only COPY_FREE_VARS before
    /// RETURN_GENERATOR (no MAKE_CELL to run): the index just after RETURN_GENERATOR,
    /// where a call can leave the new frame without running it.
    #[inline]
    pub fn generator_start(&self) -> Option<usize> {
        match self.layout.generator_start {
            0 => None,
            n => Some(n as usize),
        }
    }

    /// Slots before the value stack: fast locals, then cells, then free variables.
    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.layout.nlocalsplus as usize
    }

    /// Slots a frame of this code needs: `nlocalsplus()`, then the value stack.
    #[inline]
    pub fn frame_size(&self) -> usize {
        self.nlocalsplus() + self.max_stack as usize
    }

    /// Compute `layout` from the other fields (once, when the code object is built).
    pub fn with_layout(mut self) -> CodeObject {
        self.seal_control_flow();
        let generator_start = if self.is_generator_like() {
            self.instrs
                .iter()
                .position(|i| i.op != Opcode::CopyFreeVars)
                .filter(|&at| self.instrs[at].op == Opcode::ReturnGenerator)
                .map_or(0, |at| at as u32 + 1)
        } else {
            0
        };
        let call_start = (!self.is_generator_like()
            && self.instrs.first().is_some_and(|i| i.op == Opcode::Resume))
            as u32;
        self.layout = FrameLayout {
            nlocalsplus: (self.varnames.len() + self.cellvars.len() + self.freevars.len()) as u32,
            generator_start,
            call_start,
        };
        let repaired = self.seal_operands();
        debug_assert!(!repaired, "{}: operand out of range", self.qualname);
        self
    }

    /// Make sure the operands the dispatch loop reads without a bounds check are in
    /// range: fast locals below `nlocalsplus()`, constants, and the names of attribute
    /// instructions (which also index `class_cache`). The compiler always produces
    /// such code; were it not to, the instruction becomes a bare `raise`, so that the
    /// bug surfaces as a Python error rather than as a read past a table. True if an
    /// instruction had to be replaced.
    fn seal_operands(&mut self) -> bool {
        let (nl, nc, nn) = (self.nlocalsplus(), self.consts.len(), self.names.len());
        let mut repaired = false;
        for i in &mut self.instrs {
            let limit = match i.op {
                Opcode::LoadFast | Opcode::StoreFast => nl,
                Opcode::LoadConst => nc,
                Opcode::LoadAttr | Opcode::StoreAttr | Opcode::LoadMethod => nn,
                _ => continue,
            };
            if i.arg as usize >= limit {
                *i = Instr {
                    op: Opcode::RaiseVarargs,
                    arg: 0,
                };
                repaired = true;
            }
        }
        repaired
    }

    /// The constant a LOAD_CONST reads (`seal_operands` checked its index).
    #[inline(always)]
    pub fn const_at(&self, i: u32) -> &Value {
        debug_assert!((i as usize) < self.consts.len());
        // SAFETY: LOAD_CONST operands are below `consts.len()` (`seal_operands`).
        unsafe { self.consts.get_unchecked(i as usize) }
    }

    /// The name an attribute instruction reads (`seal_operands` checked its index).
    #[inline(always)]
    pub fn attr_name_at(&self, i: u32) -> &Value {
        debug_assert!((i as usize) < self.names.len());
        // SAFETY: LOAD_ATTR/STORE_ATTR/LOAD_METHOD operands are below `names.len()`.
        unsafe { self.names.get_unchecked(i as usize) }
    }

    /// The class cache of an attribute instruction's name (as `attr_name_at`).
    #[inline(always)]
    pub fn class_cache_at(&self, i: u32) -> &std::cell::Cell<ClassCache> {
        debug_assert!((i as usize) < self.class_cache.len());
        // SAFETY: `class_cache` has one entry per name, and the index is checked as
        // in `attr_name_at`.
        unsafe { self.class_cache.get_unchecked(i as usize) }
    }

    /// The inline cache of the instruction at `ip`, which control flow reached.
    #[inline(always)]
    pub fn inline_cache_at(&self, ip: usize) -> &std::cell::Cell<InlineCache> {
        debug_assert!(ip < self.inline_cache.len());
        // SAFETY: one cache per instruction, and `ip` is below `instrs.len()` as in
        // `instr_at`.
        unsafe { self.inline_cache.get_unchecked(ip) }
    }

    /// Make sure control can only reach instruction indices below `instrs.len()`, so
    /// that the dispatch loop may fetch without a bounds check (3% of the instructions
    /// pyco executes): the last instruction never falls through, and every jump target
    /// and exception handler is in range. (A generator's start follows its
    /// RETURN_GENERATOR, which is not a terminator, so it is in range too.) The
    /// compiler always produces such code; were it not to, the code gets a final bare
    /// `raise` and stray targets are pointed at it, so that the bug surfaces as a Python
    /// error rather than as a read past the instructions.
    fn seal_control_flow(&mut self) {
        let len = self.instrs.len() as u32;
        let ends = self.instrs.last().is_some_and(|i| i.op.is_terminator());
        let jumps_in_range = self.instrs.iter().all(|i| !i.op.is_jump() || i.arg < len);
        let handlers_in_range = self.exception_table.iter().all(|e| e.target < len);
        if ends && jumps_in_range && handlers_in_range {
            return;
        }
        debug_assert!(false, "{}: control flow leaves the code", self.qualname);
        self.end_in_raise();
    }

    /// `seal_control_flow`'s repair: a final bare `raise`, and every jump or handler
    /// target beyond the code pointed at it.
    fn end_in_raise(&mut self) {
        let len = self.instrs.len() as u32;
        let last_line = self.lines.last().copied().unwrap_or(self.first_line);
        self.instrs.push(Instr {
            op: Opcode::RaiseVarargs,
            arg: 0,
        });
        self.lines.push(last_line);
        self.inline_cache.push(Default::default());
        for i in self.instrs.iter_mut().filter(|i| i.op.is_jump()) {
            i.arg = i.arg.min(len);
        }
        for e in &mut self.exception_table {
            e.target = e.target.min(len);
        }
    }

    /// The instruction at `ip`, which control flow reached.
    #[inline(always)]
    pub fn instr_at(&self, ip: usize) -> Instr {
        debug_assert!(ip < self.instrs.len());
        // SAFETY: `seal_control_flow` (run on every code object as it is built) keeps
        // every index that control reaches below `instrs.len()`, and the instructions
        // never change after that.
        unsafe { *self.instrs.get_unchecked(ip) }
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    /// Is a frame suspended with `ip` as its next instruction inside a try/with block
    /// (so that closing it runs code)?
    pub fn suspended_in_handler(&self, ip: usize) -> bool {
        self.find_handler(ip.saturating_sub(1) as u32).is_some()
    }

    /// The handler for a fault at instruction `ip`, if any.
    pub fn find_handler(&self, ip: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= ip && ip < e.end)
    }

    pub fn line_of(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.first_line)
    }

    /// Name of local-plus slot `i` (varnames, then cellvars, then freevars).
    pub fn localsplus_name(&self, i: usize) -> &Rc<str> {
        let nv = self.varnames.len();
        let nc = self.cellvars.len();
        if i < nv {
            &self.varnames[i]
        } else if i < nv + nc {
            &self.cellvars[i - nv]
        } else {
            &self.freevars[i - nv - nc]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty_module_code() -> CodeObject {
        let src = Rc::new(SourceFile::new("<test>", ""));
        let module = crate::ast::Module { body: vec![] };
        let code = crate::compiler::compile(&module, src, crate::compiler::CompileMode::Module)
            .expect("an empty module compiles");
        code.with_flags(0)
    }

    #[test]
    fn an_inline_cache_is_three_words() {
        // One per instruction of every code object.
        assert_eq!(std::mem::size_of::<InlineCache>(), 24);
    }

    #[test]
    fn compiled_code_ends_in_a_terminator() {
        let code = empty_module_code();
        assert!(code.instrs.last().unwrap().op.is_terminator());
    }

    #[test]
    fn stray_control_flow_is_pointed_at_a_final_raise() {
        let mut code = empty_module_code();
        code.instrs.push(Instr {
            op: Opcode::JumpForward,
            arg: 99,
        });
        code.instrs.push(Instr {
            op: Opcode::Nop,
            arg: 0,
        });
        code.lines.extend([1, 1]);
        code.inline_cache
            .extend([Default::default(), Default::default()]);
        let len = code.instrs.len() as u32;
        code.end_in_raise();
        let last = *code.instrs.last().unwrap();
        assert_eq!((last.op, last.arg), (Opcode::RaiseVarargs, 0));
        assert_eq!(code.instrs[len as usize - 2].arg, len);
        assert_eq!(code.lines.len(), code.instrs.len());
        assert_eq!(code.inline_cache.len(), code.instrs.len());
    }

    #[test]
    fn operands_read_unchecked_are_in_range_or_become_a_raise() {
        let mut code = empty_module_code();
        let consts = code.consts.len() as u32;
        let names = code.names.len() as u32;
        let bad = [
            (Opcode::LoadConst, consts),
            (Opcode::LoadAttr, names),
            (Opcode::StoreAttr, names + 7),
            (Opcode::LoadMethod, names),
            (Opcode::LoadFast, 0),
            (Opcode::StoreFast, 3),
        ];
        code.instrs = [(Opcode::LoadConst, 0)]
            .iter()
            .chain(&bad)
            .map(|&(op, arg)| Instr { op, arg })
            .collect();
        assert!(code.seal_operands());
        assert_eq!(code.instrs[0].op, Opcode::LoadConst);
        for i in &code.instrs[1..] {
            assert_eq!((i.op, i.arg), (Opcode::RaiseVarargs, 0));
        }
        assert!(!code.seal_operands());
    }
}
