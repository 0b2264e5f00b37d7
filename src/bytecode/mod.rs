//! Bytecode: the opcode table and code objects.
pub mod code;
pub mod dis;
pub mod opcodes;

pub use code::{flags, ClassCache, CodeObject, ExceptionEntry, InlineCache};
pub use opcodes::{ArgKind, Instr, Opcode, CMP_OP, NB_OPS};
