//! The one opcode table. The compiler, the VM, the stack-depth pass and `dis` all read it.
//!
//! Names and numbers are CPython 3.11's. pyco has no inline CACHE entries and a 32-bit
//! argument per instruction, so `EXTENDED_ARG` is never emitted and byte offsets shown by
//! `dis` are `2 * index` (CPython's differ where it interleaves CACHE slots).

/// How an instruction's argument is interpreted (drives `dis`'s argrepr and validation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument (arg is 0).
    None,
    /// Index into `co_consts`.
    Const,
    /// Index into `co_names`.
    Name,
    /// `LOAD_GLOBAL`: `(namei << 1) | push_null`.
    GlobalName,
    /// Index into fast locals (`co_varnames`).
    Local,
    /// Index into cell + free variables (localsplus after varnames).
    Free,
    /// Absolute target instruction index (dis shows CPython's relative form).
    JumpForward,
    JumpBackward,
    /// Index into `cmp_op`.
    Compare,
    /// `BINARY_OP` operator number (NB_ADD ...).
    BinaryOp,
    /// `RESUME` context: 0 start, 1 after yield, 2 after yield from, 3 after await.
    Resume,
    /// A plain number (counts, flags).
    Raw,
}

/// Declares every opcode once: variant, CPython number and name, argument kind,
/// stack effect `|arg, jump| -> delta` (jump: effect when the branch is taken), and a doc.
macro_rules! opcodes {
    ($( $variant:ident = $num:literal, $name:literal, $kind:ident,
        |$a:ident, $j:ident| $effect:expr, $doc:literal; )*) => {
        /// A pyco instruction opcode (CPython 3.11 numbering).
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Opcode { $( #[doc = $doc] $variant = $num, )* }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$variant, )* ];

            /// CPython's name, as `dis` prints it.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$variant => $name, )* }
            }

            pub fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$variant => ArgKind::$kind, )* }
            }

            /// One line: what it does, and its stack picture.
            pub fn doc(self) -> &'static str {
                match self { $( Opcode::$variant => $doc, )* }
            }

            pub fn from_u8(b: u8) -> Option<Opcode> {
                match b { $( $num => Some(Opcode::$variant), )* _ => None }
            }

            pub fn from_name(name: &str) -> Option<Opcode> {
                match name { $( $name => Some(Opcode::$variant), )* _ => None }
            }

            /// Net change of the value-stack depth. `jump` selects the effect on the
            /// branch-taken edge for conditional jumps (and the handler edge for SEND/FOR_ITER).
            #[allow(unused_variables)]
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                match self { $( Opcode::$variant => { let $a = arg as i32; let $j = jump; $effect } )* }
            }
        }
    };
}

opcodes! {
    Cache = 0, "CACHE", None, |a, j| 0, "CPython's inline-cache slot; pyco emits none (its caches sit beside the code), and running one is an error. Numbered 0, it also lets the dispatch loop index its jump table by the opcode itself.";
    Nop = 9, "NOP", None, |a, j| 0, "Do nothing. Stack: (unchanged)";
    PopTop = 1, "POP_TOP", None, |a, j| -1, "Discard the top of stack. Stack: x =>";
    PushNull = 2, "PUSH_NULL", None, |a, j| 1, "Push the NULL marker used by CALL. Stack: => NULL";
    Copy = 120, "COPY", Raw, |a, j| 1, "Push a copy of the i-th item (1 = top). Stack: ..., x_i, ... => ..., x_i, ..., x_i";
    Swap = 99, "SWAP", Raw, |a, j| 0, "Swap the top with the i-th item. Stack: x_i, ..., top => top, ..., x_i";
    UnaryPositive = 10, "UNARY_POSITIVE", None, |a, j| 0, "+x. Stack: x => +x";
    UnaryNegative = 11, "UNARY_NEGATIVE", None, |a, j| 0, "-x. Stack: x => -x";
    UnaryNot = 12, "UNARY_NOT", None, |a, j| 0, "not x. Stack: x => bool";
    UnaryInvert = 15, "UNARY_INVERT", None, |a, j| 0, "~x. Stack: x => ~x";
    BinarySubscr = 25, "BINARY_SUBSCR", None, |a, j| -1, "container[key]. Stack: container, key => value";
    StoreSubscr = 60, "STORE_SUBSCR", None, |a, j| -3, "container[key] = v. Stack: v, container, key =>";
    DeleteSubscr = 61, "DELETE_SUBSCR", None, |a, j| -2, "del container[key]. Stack: container, key =>";
    BinaryOp = 122, "BINARY_OP", BinaryOp, |a, j| -1, "Binary or in-place operator `arg`. Stack: a, b => a op b";
    CompareOp = 107, "COMPARE_OP", Compare, |a, j| -1, "Rich comparison cmp_op[arg]. Stack: a, b => result";
    IsOp = 117, "IS_OP", Raw, |a, j| -1, "Identity test (arg 1: `is not`). Stack: a, b => bool";
    ContainsOp = 118, "CONTAINS_OP", Raw, |a, j| -1, "Membership test (arg 1: `not in`). Stack: a, b => bool";
    PushExcInfo = 35, "PUSH_EXC_INFO", None, |a, j| 1, "Enter a handler: save the handled exception. Stack: exc => prev_exc, exc";
    CheckExcMatch = 36, "CHECK_EXC_MATCH", None, |a, j| 0, "Does the exception match the type? Stack: exc, type => exc, bool";
    CheckEgMatch = 37, "CHECK_EG_MATCH", None, |a, j| 0, "except*: split the matching part off an exception (group). Stack: exc, type => rest, match | exc, None";
    PrepReraiseStar = 88, "PREP_RERAISE_STAR", None, |a, j| -1, "End of except*: what to re-raise (or None). Stack: orig, raised_list => exc";
    WithExceptStart = 49, "WITH_EXCEPT_START", None, |a, j| 1, "Call __exit__(type, exc, tb). Stack: exit, lasti, prev, exc => exit, lasti, prev, exc, result";
    GetAiter = 50, "GET_AITER", None, |a, j| 0, "aiter(x). Stack: x => async iterator";
    GetAnext = 51, "GET_ANEXT", None, |a, j| 1, "Awaitable of anext(it). Stack: it => it, awaitable";
    BeforeAsyncWith = 52, "BEFORE_ASYNC_WITH", None, |a, j| 1, "Look up __aexit__, call __aenter__. Stack: mgr => aexit, awaitable";
    BeforeWith = 53, "BEFORE_WITH", None, |a, j| 1, "Look up __exit__, call __enter__. Stack: mgr => exit, enter_result";
    EndAsyncFor = 54, "END_ASYNC_FOR", None, |a, j| -2, "End `async for` on StopAsyncIteration, else re-raise. Stack: it, exc =>";
    GetIter = 68, "GET_ITER", None, |a, j| 0, "iter(x). Stack: x => iterator";
    GetYieldFromIter = 69, "GET_YIELD_FROM_ITER", None, |a, j| 0, "Iterator for `yield from` (coroutines pass through). Stack: x => iterator";
    PrintExpr = 70, "PRINT_EXPR", None, |a, j| -1, "Interactive mode: print repr and bind _. Stack: x =>";
    LoadBuildClass = 71, "LOAD_BUILD_CLASS", None, |a, j| 1, "Push builtins.__build_class__. Stack: => fn";
    LoadAssertionError = 74, "LOAD_ASSERTION_ERROR", None, |a, j| 1, "Push AssertionError. Stack: => type";
    ReturnGenerator = 75, "RETURN_GENERATOR", None, |a, j| 1, "Create the generator/coroutine for this frame and return it to the caller; the first resume pushes the sent None. Stack: => sent";
    ListToTuple = 82, "LIST_TO_TUPLE", None, |a, j| 0, "tuple(list). Stack: list => tuple";
    ReturnValue = 83, "RETURN_VALUE", None, |a, j| -1, "Return to the caller. Stack: value =>";
    ImportStar = 84, "IMPORT_STAR", None, |a, j| -1, "from module import *. Stack: module =>";
    SetupAnnotations = 85, "SETUP_ANNOTATIONS", None, |a, j| 0, "Create __annotations__ in locals. Stack: (unchanged)";
    YieldValue = 86, "YIELD_VALUE", None, |a, j| 0, "Suspend the frame, giving value to the resumer; the sent value replaces it. Stack: value => sent";
    AsyncGenWrap = 87, "ASYNC_GEN_WRAP", None, |a, j| 0, "Mark the value an async generator yields next as its own (CPython wraps it). Stack: v => v";
    PopExcept = 89, "POP_EXCEPT", None, |a, j| -1, "Leave a handler: restore the previously handled exception. Stack: prev_exc =>";
    StoreName = 90, "STORE_NAME", Name, |a, j| -1, "locals[name] = v. Stack: v =>";
    DeleteName = 91, "DELETE_NAME", Name, |a, j| 0, "del locals[name]. Stack: (unchanged)";
    UnpackSequence = 92, "UNPACK_SEQUENCE", Raw, |a, j| a - 1, "Unpack exactly arg items (pushed last-first). Stack: seq => x_n, ..., x_1";
    ForIter = 93, "FOR_ITER", JumpForward, |a, j| if j { -1 } else { 1 }, "next(it), or pop it and jump when exhausted. Stack: it => it, next";
    UnpackEx = 94, "UNPACK_EX", Raw, |a, j| (a & 0xff) + (a >> 8), "Unpack with a starred target (lo byte before, hi byte after). Stack: seq => items";
    StoreAttr = 95, "STORE_ATTR", Name, |a, j| -2, "obj.name = v. Stack: v, obj =>";
    DeleteAttr = 96, "DELETE_ATTR", Name, |a, j| -1, "del obj.name. Stack: obj =>";
    StoreGlobal = 97, "STORE_GLOBAL", Name, |a, j| -1, "globals[name] = v. Stack: v =>";
    DeleteGlobal = 98, "DELETE_GLOBAL", Name, |a, j| 0, "del globals[name]. Stack: (unchanged)";
    LoadConst = 100, "LOAD_CONST", Const, |a, j| 1, "Push co_consts[arg]. Stack: => c";
    LoadName = 101, "LOAD_NAME", Name, |a, j| 1, "Push locals/globals/builtins[name]. Stack: => v";
    BuildTuple = 102, "BUILD_TUPLE", Raw, |a, j| 1 - a, "Stack: x_1 .. x_n => tuple";
    BuildList = 103, "BUILD_LIST", Raw, |a, j| 1 - a, "Stack: x_1 .. x_n => list";
    BuildSet = 104, "BUILD_SET", Raw, |a, j| 1 - a, "Stack: x_1 .. x_n => set";
    BuildMap = 105, "BUILD_MAP", Raw, |a, j| 1 - 2 * a, "Stack: k_1, v_1 .. k_n, v_n => dict";
    LoadAttr = 106, "LOAD_ATTR", Name, |a, j| 0, "obj.name. Stack: obj => value";
    ImportName = 108, "IMPORT_NAME", Name, |a, j| -1, "__import__(name, fromlist, level). Stack: level, fromlist => module";
    ImportFrom = 109, "IMPORT_FROM", Name, |a, j| 1, "module.name for `from ... import`. Stack: module => module, value";
    JumpForward = 110, "JUMP_FORWARD", JumpForward, |a, j| 0, "Unconditional forward jump.";
    JumpIfFalseOrPop = 111, "JUMP_IF_FALSE_OR_POP", JumpForward, |a, j| if j { 0 } else { -1 }, "If false jump keeping x, else pop. Stack: x => (x)";
    JumpIfTrueOrPop = 112, "JUMP_IF_TRUE_OR_POP", JumpForward, |a, j| if j { 0 } else { -1 }, "If true jump keeping x, else pop. Stack: x => (x)";
    PopJumpForwardIfFalse = 114, "POP_JUMP_FORWARD_IF_FALSE", JumpForward, |a, j| -1, "Pop; jump forward if false. Stack: x =>";
    PopJumpForwardIfTrue = 115, "POP_JUMP_FORWARD_IF_TRUE", JumpForward, |a, j| -1, "Pop; jump forward if true. Stack: x =>";
    LoadGlobal = 116, "LOAD_GLOBAL", GlobalName, |a, j| 1 + (a & 1), "Push globals/builtins[name] (after NULL if arg & 1). Stack: => [NULL], v";
    ReRaise = 119, "RERAISE", Raw, |a, j| -1, "Re-raise the exception (arg 1: restore f_lasti from the stack). Stack: exc =>";
    Send = 123, "SEND", JumpForward, |a, j| if j { -1 } else { 0 }, "Send v into the receiver; on return push the result and jump. Stack: recv, v => recv, yielded | result";
    LoadFast = 124, "LOAD_FAST", Local, |a, j| 1, "Push a fast local. Stack: => v";
    StoreFast = 125, "STORE_FAST", Local, |a, j| -1, "Store a fast local. Stack: v =>";
    DeleteFast = 126, "DELETE_FAST", Local, |a, j| 0, "Unbind a fast local.";
    PopJumpForwardIfNotNone = 128, "POP_JUMP_FORWARD_IF_NOT_NONE", JumpForward, |a, j| -1, "Pop; jump forward if not None. Stack: x =>";
    PopJumpForwardIfNone = 129, "POP_JUMP_FORWARD_IF_NONE", JumpForward, |a, j| -1, "Pop; jump forward if None. Stack: x =>";
    RaiseVarargs = 130, "RAISE_VARARGS", Raw, |a, j| -a, "raise (0: re-raise, 1: exc, 2: exc from cause). Stack: [exc, [cause]] =>";
    GetAwaitable = 131, "GET_AWAITABLE", Raw, |a, j| 0, "Awaitable iterator of x (arg: 0 await, 1 __aenter__, 2 __aexit__). Stack: x => iter";
    MakeFunction = 132, "MAKE_FUNCTION", Raw, |a, j| -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)), "Build a function from a code object (flags: 1 defaults, 2 kwdefaults, 4 annotations, 8 closure). Stack: [extras], code => fn";
    BuildSlice = 133, "BUILD_SLICE", Raw, |a, j| 1 - a, "Stack: start, stop[, step] => slice";
    JumpBackwardNoInterrupt = 134, "JUMP_BACKWARD_NO_INTERRUPT", JumpBackward, |a, j| 0, "Backward jump that is not an interrupt check point (the yield from / await loop).";
    MakeCell = 135, "MAKE_CELL", Free, |a, j| 0, "Turn a local slot into a cell.";
    LoadClosure = 136, "LOAD_CLOSURE", Free, |a, j| 1, "Push the cell itself (for MAKE_FUNCTION). Stack: => cell";
    LoadDeref = 137, "LOAD_DEREF", Free, |a, j| 1, "Push the cell's content. Stack: => v";
    StoreDeref = 138, "STORE_DEREF", Free, |a, j| -1, "Store into a cell. Stack: v =>";
    DeleteDeref = 139, "DELETE_DEREF", Free, |a, j| 0, "Empty a cell.";
    JumpBackward = 140, "JUMP_BACKWARD", JumpBackward, |a, j| 0, "Unconditional backward jump (an interrupt check point).";
    CallFunctionEx = 142, "CALL_FUNCTION_EX", Raw, |a, j| -2 - (a & 1), "f(*args, **kwargs). Stack: NULL, f, args[, kwargs] => result";
    ListAppend = 145, "LIST_APPEND", Raw, |a, j| -1, "Append to the list arg items down. Stack: v =>";
    SetAdd = 146, "SET_ADD", Raw, |a, j| -1, "Add to the set arg items down. Stack: v =>";
    MapAdd = 147, "MAP_ADD", Raw, |a, j| -2, "dict[k] = v on the dict arg items down. Stack: k, v =>";
    LoadClassderef = 148, "LOAD_CLASSDEREF", Free, |a, j| 1, "Class body: locals, else the cell. Stack: => v";
    CopyFreeVars = 149, "COPY_FREE_VARS", Raw, |a, j| 0, "Copy the closure's cells into the frame.";
    Resume = 151, "RESUME", Resume, |a, j| 0, "Start or resume a frame (arg: 0 start, 1 yield, 2 yield from, 3 await).";
    FormatValue = 155, "FORMAT_VALUE", Raw, |a, j| if a & 4 != 0 { -1 } else { 0 }, "f-string field (flags: conversion, 4 = has spec). Stack: v[, spec] => str";
    BuildConstKeyMap = 156, "BUILD_CONST_KEY_MAP", Raw, |a, j| -a, "Stack: v_1 .. v_n, keys => dict";
    BuildString = 157, "BUILD_STRING", Raw, |a, j| 1 - a, "Concatenate n strings. Stack: s_1 .. s_n => str";
    LoadMethod = 160, "LOAD_METHOD", Name, |a, j| 1, "Method lookup that avoids a bound method. Stack: obj => meth, obj | NULL, attr";
    ListExtend = 162, "LIST_EXTEND", Raw, |a, j| -1, "list.extend on the list arg items down. Stack: it =>";
    SetUpdate = 163, "SET_UPDATE", Raw, |a, j| -1, "set.update on the set arg items down. Stack: it =>";
    DictMerge = 164, "DICT_MERGE", Raw, |a, j| -1, "dict merge for **kwargs (duplicate keys are errors). Stack: m =>";
    DictUpdate = 165, "DICT_UPDATE", Raw, |a, j| -1, "dict.update on the dict arg items down. Stack: m =>";
    Precall = 166, "PRECALL", Raw, |a, j| 0, "Prepare a call of arg arguments (a no-op in pyco).";
    Call = 171, "CALL", Raw, |a, j| -1 - a, "Call with arg arguments (KW_NAMES gives the trailing keywords). Stack: NULL|meth, f|self, args => result";
    KwNames = 172, "KW_NAMES", Const, |a, j| 0, "Record the keyword names (a const tuple) for the next CALL.";
    PopJumpBackwardIfNotNone = 173, "POP_JUMP_BACKWARD_IF_NOT_NONE", JumpBackward, |a, j| -1, "Pop; jump backward if not None. Stack: x =>";
    PopJumpBackwardIfNone = 174, "POP_JUMP_BACKWARD_IF_NONE", JumpBackward, |a, j| -1, "Pop; jump backward if None. Stack: x =>";
    PopJumpBackwardIfFalse = 175, "POP_JUMP_BACKWARD_IF_FALSE", JumpBackward, |a, j| -1, "Pop; jump backward if false. Stack: x =>";
    PopJumpBackwardIfTrue = 176, "POP_JUMP_BACKWARD_IF_TRUE", JumpBackward, |a, j| -1, "Pop; jump backward if true. Stack: x =>";
}

impl Opcode {
    pub fn is_jump(self) -> bool {
        matches!(
            self.arg_kind(),
            ArgKind::JumpForward | ArgKind::JumpBackward
        )
    }

    /// Control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::ReturnValue
                | Opcode::RaiseVarargs
                | Opcode::ReRaise
                | Opcode::JumpForward
                | Opcode::JumpBackward
                | Opcode::JumpBackwardNoInterrupt
        )
    }
}

/// `COMPARE_OP` argument names, CPython's `cmp_op`.
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `BINARY_OP` argument symbols, CPython's `_nb_ops` (0..13 plain, 13..26 in-place).
pub const NB_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// One instruction: an opcode and a 32-bit argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_are_unique_and_round_trip() {
        let mut seen_names = std::collections::HashSet::new();
        let mut seen_nums = std::collections::HashSet::new();
        for &op in Opcode::ALL {
            assert!(seen_names.insert(op.name()), "duplicate name {}", op.name());
            assert!(seen_nums.insert(op as u8), "duplicate number {}", op as u8);
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
            assert_eq!(Opcode::from_name(op.name()), Some(op));
            assert!(!op.doc().is_empty());
        }
    }

    #[test]
    fn instruction_is_compact() {
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }

    #[test]
    fn jumps_have_jump_kinds() {
        for &op in Opcode::ALL {
            if op.name().contains("JUMP") || op == Opcode::ForIter || op == Opcode::Send {
                assert!(op.is_jump(), "{}", op.name());
            }
        }
    }
}
