//! The disassembler: instruction records first (from the opcode table's argument kinds),
//! then text in `python3.11 -m dis`'s layout.
//!
//! Differences from CPython 3.11, by design: pyco has no inline CACHE entries, so offsets
//! are `2 * index` and jump arguments count instructions, not code units.

use super::code::CodeObject;
use super::opcodes::{ArgKind, Opcode, CMP_OP, NB_OPS};
use crate::object::{Payload, Value};
use std::fmt::Write;

/// One decoded instruction, as `dis.Instruction`.
#[derive(Clone)]
pub struct DisInstr {
    pub op: Opcode,
    pub offset: usize,
    /// None for instructions without an argument (CPython's opcode < HAVE_ARGUMENT).
    pub arg: Option<u32>,
    pub argval: ArgVal,
    pub argrepr: String,
    pub starts_line: Option<u32>,
    pub is_jump_target: bool,
}

/// `Instruction.argval`, resolved without the VM.
#[derive(Clone)]
pub enum ArgVal {
    None,
    Int(i64),
    Const(Value),
    Name(String),
    /// CPython's `dis.UNKNOWN`: an argument dis does not dereference.
    Unknown,
}

/// CPython's HAVE_ARGUMENT: opcodes from 90 up take an argument.
pub fn has_arg(op: Opcode) -> bool {
    op as u8 >= 90
}

/// Decode a code object. `repr_const` renders constants (the VM's repr).
pub fn instructions(
    code: &CodeObject,
    repr_const: &mut dyn FnMut(&Value) -> String,
) -> Vec<DisInstr> {
    let n = code.instrs.len();
    let mut targets = vec![false; n + 1];
    for ins in &code.instrs {
        if ins.op.is_jump() && (ins.arg as usize) <= n {
            targets[ins.arg as usize] = true;
        }
    }
    for e in &code.exception_table {
        if (e.target as usize) <= n {
            targets[e.target as usize] = true;
        }
    }
    let mut out = Vec::with_capacity(n);
    let mut last_line: Option<u32> = None;
    for (i, ins) in code.instrs.iter().enumerate() {
        let line = code.lines.get(i).copied().unwrap_or(0);
        let starts_line = if Some(line) != last_line {
            last_line = Some(line);
            Some(line)
        } else {
            None
        };
        let a = ins.arg;
        let (arg, argval, argrepr) = if !has_arg(ins.op) {
            (None, ArgVal::None, String::new())
        } else {
            let (val, rep) = match ins.op.arg_kind() {
                // CPython's dis dereferences only LOAD_CONST's argument (KW_NAMES shows
                // a bare index; its argval is dis.UNKNOWN).
                ArgKind::Const if ins.op != Opcode::LoadConst => (ArgVal::Unknown, String::new()),
                ArgKind::Const => {
                    let c = code.consts.get(a as usize).cloned().unwrap_or(Value::None);
                    let r = repr_const(&c);
                    (ArgVal::Const(c), r)
                }
                ArgKind::Name => {
                    let name = name_at(code, a as usize);
                    (ArgVal::Name(name.clone()), name)
                }
                ArgKind::GlobalName => {
                    let name = name_at(code, (a >> 1) as usize);
                    let rep = if a & 1 != 0 {
                        format!("NULL + {}", name)
                    } else {
                        name.clone()
                    };
                    (ArgVal::Name(name), rep)
                }
                ArgKind::Local => {
                    let name = code
                        .varnames
                        .get(a as usize)
                        .map(|s| s.to_string())
                        .unwrap_or_default();
                    (ArgVal::Name(name.clone()), name)
                }
                ArgKind::Free => {
                    let name = if (a as usize) < code.nlocalsplus() {
                        code.localsplus_name(a as usize).to_string()
                    } else {
                        String::new()
                    };
                    (ArgVal::Name(name.clone()), name)
                }
                ArgKind::JumpForward | ArgKind::JumpBackward => {
                    let target = a as i64 * 2;
                    (ArgVal::Int(target), format!("to {}", target))
                }
                ArgKind::Compare => (
                    ArgVal::Name(CMP_OP[a as usize % 6].to_string()),
                    CMP_OP[a as usize % 6].to_string(),
                ),
                ArgKind::BinaryOp => (ArgVal::Int(a as i64), NB_OPS[a as usize % 26].to_string()),
                ArgKind::Resume | ArgKind::Raw | ArgKind::None => {
                    (ArgVal::Int(a as i64), raw_argrepr(ins.op, a))
                }
            };
            // Jump arguments count instructions (forward from the next one, or back).
            let shown = match ins.op.arg_kind() {
                ArgKind::JumpForward => (a as i64 - (i as i64 + 1)).max(0) as u32,
                ArgKind::JumpBackward => ((i as i64 + 1) - a as i64).max(0) as u32,
                _ => a,
            };
            (Some(shown), val, rep)
        };
        out.push(DisInstr {
            op: ins.op,
            offset: i * 2,
            arg,
            argval,
            argrepr,
            starts_line,
            is_jump_target: targets[i],
        });
    }
    out
}

fn name_at(code: &CodeObject, i: usize) -> String {
    code.names
        .get(i)
        .and_then(|v| v.as_pystr().map(|s| s.as_str().to_string()))
        .unwrap_or_default()
}

fn raw_argrepr(op: Opcode, a: u32) -> String {
    match op {
        Opcode::FormatValue => {
            let conv = ["", "str", "repr", "ascii"][(a & 3) as usize];
            if a & 4 != 0 {
                [conv, "with format"]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                conv.to_string()
            }
        }
        Opcode::MakeFunction => ["defaults", "kwdefaults", "annotations", "closure"]
            .iter()
            .enumerate()
            .filter(|(i, _)| a & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

/// `repr(code)`.
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name, code as *const CodeObject as usize, code.source.name, code.first_line
    )
}

/// Text of one code object in 3.11's layout (without nested code objects).
pub fn format_code(
    code: &CodeObject,
    repr_const: &mut dyn FnMut(&Value) -> String,
    out: &mut String,
) {
    let instrs = instructions(code, repr_const);
    let max_line = code.lines.iter().copied().max().unwrap_or(0);
    let line_width = if max_line >= 1000 {
        max_line.to_string().len()
    } else {
        3
    };
    let max_offset = instrs.last().map(|i| i.offset).unwrap_or(0);
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    for ins in &instrs {
        if ins.starts_line.is_some() && ins.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = vec![];
        match ins.starts_line {
            Some(l) => fields.push(format!("{:>w$}", l, w = line_width)),
            None => fields.push(" ".repeat(line_width)),
        }
        fields.push("   ".into());
        fields.push(if ins.is_jump_target { ">>" } else { "  " }.into());
        fields.push(format!("{:>w$}", ins.offset, w = offset_width));
        fields.push(format!("{:<20}", ins.op.name()));
        if let Some(a) = ins.arg {
            fields.push(format!("{:>5}", a));
            if !ins.argrepr.is_empty() {
                fields.push(format!("({})", ins.argrepr));
            }
        }
        let line = fields.join(" ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start * 2,
                (e.end.max(e.start + 1) - 1) * 2,
                e.target * 2,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
}

/// `dis.dis(code)`: the code object, then every nested code object, recursively.
pub fn disassemble(code: &CodeObject, repr_const: &mut dyn FnMut(&Value) -> String) -> String {
    let mut out = String::new();
    format_code(code, repr_const, &mut out);
    // Depth-first over nested code objects, in constant order (as dis.py recurses).
    let mut stack: Vec<std::rc::Rc<CodeObject>> = nested(code);
    stack.reverse();
    while let Some(c) = stack.pop() {
        out.push('\n');
        let _ = writeln!(out, "Disassembly of {}:", code_repr(&c));
        format_code(&c, repr_const, &mut out);
        let mut inner = nested(&c);
        inner.reverse();
        stack.extend(inner);
    }
    out
}

fn nested(code: &CodeObject) -> Vec<std::rc::Rc<CodeObject>> {
    code.consts
        .iter()
        .filter_map(|c| match c.payload() {
            Some(Payload::Code(c)) => Some(c.clone()),
            _ => None,
        })
        .collect()
}
