//! Assembly: resolve labels, pick jump directions, compute stack depths (and so each
//! handler's depth and `max_stack`), and build the exception table.

use super::{CInstr, Unit, NO_HANDLER, NO_LABEL};
use crate::bytecode::{CodeObject, ExceptionEntry, Instr, Opcode};
use crate::object::Value;
use crate::source::SourceFile;
use std::rc::Rc;

fn directed(op: Opcode, backward: bool) -> Opcode {
    use Opcode::*;
    match (op, backward) {
        (JumpForward, true) => JumpBackward,
        (JumpBackward, false) => JumpForward,
        (PopJumpForwardIfFalse, true) => PopJumpBackwardIfFalse,
        (PopJumpForwardIfTrue, true) => PopJumpBackwardIfTrue,
        (PopJumpForwardIfNone, true) => PopJumpBackwardIfNone,
        (PopJumpForwardIfNotNone, true) => PopJumpBackwardIfNotNone,
        (PopJumpBackwardIfFalse, false) => PopJumpForwardIfFalse,
        (PopJumpBackwardIfTrue, false) => PopJumpForwardIfTrue,
        _ => op,
    }
}

pub(super) fn assemble(u: Unit, source: Rc<SourceFile>) -> CodeObject {
    let n = u.instrs.len();
    let mut instrs: Vec<CInstr> = u.instrs;
    // Resolve labels.
    for ins in instrs.iter_mut() {
        if ins.target != NO_LABEL {
            let t = u.labels[ins.target as usize];
            debug_assert!(t != usize::MAX, "unbound label");
            ins.arg = t as u32;
        }
    }
    // Thread jumps that land on an unconditional jump straight to its target (as CPython's
    // optimizer does), then pick each jump's direction.
    for i in 0..n {
        let ins = instrs[i];
        if ins.target == NO_LABEL {
            continue;
        }
        let threadable = matches!(
            ins.op,
            Opcode::JumpForward
                | Opcode::JumpBackward
                | Opcode::PopJumpForwardIfFalse
                | Opcode::PopJumpForwardIfTrue
                | Opcode::PopJumpForwardIfNone
                | Opcode::PopJumpForwardIfNotNone
        );
        let mut t = ins.arg as usize;
        if threadable {
            for _ in 0..8 {
                match instrs.get(t) {
                    // Only within one source line, so tracebacks and dis keep their lines.
                    Some(j)
                        if matches!(j.op, Opcode::JumpForward | Opcode::JumpBackward)
                            && j.arg as usize != t
                            && j.line == ins.line =>
                    {
                        t = j.arg as usize;
                    }
                    _ => break,
                }
            }
        }
        instrs[i].arg = t as u32;
        instrs[i].op = directed(ins.op, t <= i);
    }
    // Stack depth by flow analysis.
    let mut depth: Vec<i32> = vec![-1; n];
    let mut handler_depth: Vec<i32> = vec![-1; u.handlers.len()];
    let mut work: Vec<usize> = vec![];
    let mut max_depth = 0i32;
    if n > 0 {
        depth[0] = 0;
        work.push(0);
    }
    while let Some(start) = work.pop() {
        let mut i = start;
        let mut d = depth[i];
        loop {
            if i >= n {
                break;
            }
            let ins = instrs[i];
            if ins.handler != NO_HANDLER {
                let h = u.handlers[ins.handler as usize];
                let hd = if handler_depth[ins.handler as usize] >= 0 {
                    handler_depth[ins.handler as usize]
                } else {
                    let base = depth
                        .get(h.setup_index)
                        .copied()
                        .filter(|&x| x >= 0)
                        .unwrap_or(d);
                    let v = base + h.depth_adjust;
                    handler_depth[ins.handler as usize] = v;
                    v
                };
                let target = u.labels[h.label as usize];
                let td = hd + h.lasti as i32 + 1;
                if target < n && depth[target] < 0 {
                    depth[target] = td;
                    work.push(target);
                }
                max_depth = max_depth.max(td);
            }
            if ins.op.is_jump() {
                let t = ins.arg as usize;
                let td = d + ins.op.stack_effect(ins.arg, true);
                if t < n && depth[t] < 0 {
                    depth[t] = td;
                    work.push(t);
                }
                max_depth = max_depth.max(td);
            }
            d += ins.op.stack_effect(ins.arg, false);
            max_depth = max_depth.max(d);
            if ins.op.is_terminator() {
                break;
            }
            i += 1;
            if i < n {
                if depth[i] >= 0 {
                    break;
                }
                depth[i] = d;
            }
        }
    }
    // Drop unreachable instructions (code after return/raise/jumps), as CPython's
    // optimizer does, remapping jump targets.
    // NOPs go too, unless they carry a line nothing else marks (CPython's rule);
    // a following artificial instruction (line 0) inherits the NOP's line.
    let mut keep: Vec<bool> = depth.iter().map(|&d| d >= 0).collect();
    let mut prev_line: Option<u32> = None;
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        if instrs[i].op == Opcode::Nop && i > 0 {
            let line = instrs[i].line;
            let next = (i + 1..n).find(|&j| keep[j]);
            let next_line = next.map(|j| instrs[j].line);
            if prev_line == Some(line) || next_line == Some(line) {
                keep[i] = false;
                continue;
            }
            if let (Some(j), Some(0)) = (next, next_line) {
                instrs[j].line = line;
                keep[i] = false;
                continue;
            }
        }
        prev_line = Some(instrs[i].line);
    }
    let mut new_index = vec![0usize; n + 1];
    let mut kept = 0;
    for i in 0..n {
        new_index[i] = kept;
        if keep[i] {
            kept += 1;
        }
    }
    new_index[n] = kept;
    let mut live: Vec<CInstr> = Vec::with_capacity(kept);
    for (i, ins) in instrs.iter().enumerate() {
        if keep[i] {
            let mut ins = *ins;
            if ins.op.is_jump() {
                ins.arg = new_index[ins.arg as usize] as u32;
            }
            live.push(ins);
        }
    }
    let labels: Vec<usize> = u
        .labels
        .iter()
        .map(|&l| if l <= n { new_index[l] } else { l })
        .collect();
    let instrs = live;
    let n = instrs.len();
    // Handlers never reached get the depth at their setup point (dead code).
    for (hi, h) in u.handlers.iter().enumerate() {
        if handler_depth[hi] < 0 {
            handler_depth[hi] =
                depth.get(h.setup_index).copied().unwrap_or(0).max(0) + h.depth_adjust;
        }
    }
    // Exception table: runs of consecutive instructions with the same handler.
    let mut table = vec![];
    let mut i = 0;
    while i < n {
        let h = instrs[i].handler;
        if h == NO_HANDLER {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && instrs[i].handler == h {
            i += 1;
        }
        let hd = &u.handlers[h as usize];
        table.push(ExceptionEntry {
            start: start as u32,
            end: i as u32,
            target: labels[hd.label as usize] as u32,
            depth: handler_depth[h as usize].max(0) as u32,
            lasti: hd.lasti,
        });
    }
    // Artificial instructions (line 0) belong to the line before them.
    let mut lines: Vec<u32> = instrs.iter().map(|i| i.line).collect();
    for i in 1..lines.len() {
        if lines[i] == 0 {
            lines[i] = lines[i - 1];
        }
    }
    let code: Vec<Instr> = instrs
        .iter()
        .map(|i| Instr {
            op: i.op,
            arg: i.arg,
        })
        .collect();
    let cell2arg = u
        .cellvars
        .iter()
        .map(|c| u.varnames.iter().position(|v| v == c).map(|p| p as u32))
        .collect();
    CodeObject {
        name: u.name,
        qualname: u.qualname,
        source,
        first_line: u.first_line,
        instrs: code,
        lines,
        consts: u.consts,
        names: u
            .names
            .iter()
            .map(|n| Value::Str(crate::object::pystr::intern(n)))
            .collect(),
        varnames: u.varnames,
        cellvars: u.cellvars,
        freevars: u.freevars,
        cell2arg,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags: u.flags,
        max_stack: max_depth.max(0) as u32 + 1,
        exception_table: table,
        global_cache: (0..n).map(|_| Default::default()).collect(),
    }
}
