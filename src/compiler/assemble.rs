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

const MAX_COPY_SIZE: usize = 4;

fn exits_scope(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::ReRaise
    )
}

/// Where CPython's basic blocks start: at labels and after jumps and scope exits.
fn block_starts(instrs: &[CInstr], labels: &[usize]) -> Vec<bool> {
    let n = instrs.len();
    let mut starts = vec![false; n + 1];
    for &l in labels {
        if l <= n {
            starts[l] = true;
        }
    }
    for (i, ins) in instrs.iter().enumerate() {
        if ins.op.is_jump() || ins.op.is_terminator() {
            starts[i + 1] = true;
        }
    }
    starts
}

/// The block starting at `t`, if it leaves the function: its last index.
fn exit_block_end(instrs: &[CInstr], starts: &[bool], t: usize) -> Option<usize> {
    let mut e = t;
    loop {
        let ins = instrs.get(e)?;
        if e > t && starts[e] {
            return None;
        }
        if exits_scope(ins.op) {
            return Some(e);
        }
        if ins.op.is_jump() {
            return None;
        }
        e += 1;
    }
}

/// Rebuild `u.instrs` with `extra[i]` inserted after old instruction `i` (or replacing
/// it when `replace[i]`), remapping labels and handler setup points.
fn splice(u: &mut Unit, extra: &[Vec<CInstr>], replace: &[bool]) {
    let n = u.instrs.len();
    let mut out = Vec::with_capacity(n + extra.iter().map(|e| e.len()).sum::<usize>());
    let mut old_to_new = vec![0usize; n + 1];
    for i in 0..n {
        old_to_new[i] = out.len();
        if !replace[i] {
            out.push(u.instrs[i]);
        }
        out.extend_from_slice(&extra[i]);
    }
    old_to_new[n] = out.len();
    for l in u.labels.iter_mut() {
        if *l <= n {
            *l = old_to_new[*l];
        }
    }
    for h in u.handlers.iter_mut() {
        h.setup_index = old_to_new[h.setup_index.min(n)];
    }
    u.instrs = out;
}

/// CPython 3.11's `extend_block` and `duplicate_exits_without_lineno`, on the linear
/// code before labels are resolved: an unconditional jump to a small block that leaves
/// the function becomes a copy of that block, and a jump to a line-less exit that
/// other paths also reach gets a copy of its own (which takes the jump's line). The
/// dis sequences and line numbers then match CPython's.
fn copy_exit_blocks(u: &mut Unit) {
    // extend_block, twice as CPython's optimize_cfg runs it: a jump to a jump that the
    // first pass turned into a copied exit is itself a jump to an exit block.
    extend_blocks(u);
    extend_blocks(u);
    duplicate_exits_without_lineno(u);
}

fn extend_blocks(u: &mut Unit) {
    let n = u.instrs.len();
    let starts = block_starts(&u.instrs, &u.labels);
    let mut extra: Vec<Vec<CInstr>> = vec![vec![]; n];
    let mut replace = vec![false; n];
    for i in 0..n {
        let ins = u.instrs[i];
        if !matches!(ins.op, Opcode::JumpForward | Opcode::JumpBackward) || ins.target == NO_LABEL {
            continue;
        }
        let t = u.labels[ins.target as usize];
        if let Some(e) = exit_block_end(&u.instrs, &starts, t) {
            // Only blocks without a line (an implicit `return None`), as in 3.11.
            // NOPs do not count: CPython has removed them before its second pass.
            let body = u.instrs[t..=e].iter().filter(|x| x.op != Opcode::Nop);
            if body.clone().count() <= MAX_COPY_SIZE && u.instrs[t..=e].iter().all(|x| x.line == 0)
            {
                let mut nop = ins;
                nop.op = Opcode::Nop;
                nop.target = NO_LABEL;
                nop.arg = 0;
                replace[i] = true;
                extra[i].push(nop);
                extra[i].extend(body.copied());
            }
        }
    }
    if replace.iter().any(|&r| r) {
        splice(u, &extra, &replace);
    }
}

/// duplicate_exits_without_lineno: needs reachability and predecessor counts.
fn duplicate_exits_without_lineno(u: &mut Unit) {
    let n = u.instrs.len();
    let starts = block_starts(&u.instrs, &u.labels);
    let mut reached = vec![false; n];
    let mut work = vec![0usize];
    while let Some(mut i) = work.pop() {
        while i < n && !reached[i] {
            reached[i] = true;
            let ins = u.instrs[i];
            if ins.target != NO_LABEL {
                work.push(u.labels[ins.target as usize]);
            }
            if ins.handler != NO_HANDLER {
                work.push(u.labels[u.handlers[ins.handler as usize].label as usize]);
            }
            if ins.op.is_terminator() {
                break;
            }
            i += 1;
        }
    }
    let mut preds = vec![0u32; n + 1];
    let mut handlers_seen = vec![false; u.handlers.len()];
    for i in 0..n {
        if !reached[i] {
            continue;
        }
        let ins = u.instrs[i];
        if ins.target != NO_LABEL {
            preds[u.labels[ins.target as usize]] += 1;
        }
        if ins.handler != NO_HANDLER && !handlers_seen[ins.handler as usize] {
            handlers_seen[ins.handler as usize] = true;
            preds[u.labels[u.handlers[ins.handler as usize].label as usize]] += 1;
        }
        if starts[i + 1] && !ins.op.is_terminator() {
            preds[i + 1] += 1;
        }
    }
    let mut extra: Vec<Vec<CInstr>> = vec![vec![]; n];
    // (label, last index of the copied block), in the order the copies were made.
    let mut made: Vec<(u32, usize)> = vec![];
    // Newest blocks first, as CPython walks its block list; each copy goes right after
    // the block it copies, so later copies sit before earlier ones.
    for i in (0..n).rev() {
        let ins = u.instrs[i];
        if !reached[i] || !ins.op.is_jump() || ins.target == NO_LABEL {
            continue;
        }
        let t = u.labels[ins.target as usize];
        let Some(e) = exit_block_end(&u.instrs, &starts, t) else {
            continue;
        };
        if preds[t] <= 1 || u.instrs[t..=e].iter().any(|x| x.line != 0) {
            continue;
        }
        preds[t] -= 1;
        let mut copy = u.instrs[t..=e].to_vec();
        copy[0].line = ins.line;
        let label = u.labels.len() as u32;
        u.labels.push(usize::MAX);
        u.instrs[i].target = label;
        copy.append(&mut extra[e]);
        extra[e] = copy;
        made.push((label, e));
    }
    if made.is_empty() {
        return;
    }
    // In the new layout, the extras of old instruction `e` start right after it.
    let mut extra_start = vec![0usize; n];
    let mut pos = 0;
    for e in 0..n {
        pos += 1;
        extra_start[e] = pos;
        pos += extra[e].len();
    }
    splice(u, &extra, &vec![false; n]);
    let mut next_free = extra_start.clone();
    for &(label, e) in made.iter().rev() {
        let at = next_free[e];
        u.labels[label as usize] = at;
        let len = u.instrs[at..]
            .iter()
            .position(|x| exits_scope(x.op))
            .map_or(1, |k| k + 1);
        next_free[e] = at + len;
    }
}

/// STORE_FAST and POP_TOP only touch the top of the stack and run no code, so the
/// order of a run of them can be changed instead of swapping stack items.
fn swappable(op: Opcode) -> bool {
    matches!(op, Opcode::StoreFast | Opcode::PopTop)
}

fn stores_to(ins: &CInstr) -> Option<u32> {
    (ins.op == Opcode::StoreFast).then_some(ins.arg)
}

/// The next STORE_FAST/POP_TOP after `i` in the same basic block (NOPs skipped), on
/// `line` when given: reordering across lines would change what a line sees bound.
fn next_swappable(
    instrs: &[CInstr],
    targets: &rustc_hash::FxHashSet<usize>,
    mut i: usize,
    line: Option<u32>,
) -> Option<usize> {
    loop {
        i += 1;
        let ins = instrs.get(i)?;
        if targets.contains(&i) || line.is_some_and(|l| ins.line != l) {
            return None;
        }
        match ins.op {
            Opcode::Nop => continue,
            op if swappable(op) => return Some(i),
            _ => return None,
        }
    }
}

/// CPython's apply_static_swaps: `SWAP n` followed by stores becomes a NOP and the
/// stores trade places (`a, b = b, a + b` stores without swapping), walking back over
/// earlier SWAPs of the same run. Never when two of the stores name one variable.
fn apply_static_swaps(instrs: &mut [CInstr], targets: &rustc_hash::FxHashSet<usize>, mut i: usize) {
    loop {
        let swap = instrs[i];
        if swap.op != Opcode::Swap {
            if swap.op != Opcode::Nop && !swappable(swap.op) {
                return;
            }
        } else {
            let Some(j) = next_swappable(instrs, targets, i, None) else {
                return;
            };
            let line = instrs[j].line;
            let mut k = j;
            for _ in 1..swap.arg {
                match next_swappable(instrs, targets, k, Some(line)) {
                    Some(next) => k = next,
                    None => return,
                }
            }
            let (sj, sk) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
            if sj.is_some() || sk.is_some() {
                if sj == sk {
                    return;
                }
                if instrs[j + 1..k]
                    .iter()
                    .any(|x| stores_to(x).is_some_and(|s| Some(s) == sj || Some(s) == sk))
                {
                    return;
                }
            }
            instrs[i].op = Opcode::Nop;
            instrs[i].arg = 0;
            instrs.swap(j, k);
        }
        if i == 0 || targets.contains(&i) {
            return;
        }
        i -= 1;
    }
}

/// CPython's propagate_line_numbers, for the line-less NOPs `Compiler::pop_block`
/// leaves: one that starts a block whose only way in is a jump takes the jump's line.
fn lone_jump_lines_for_placeholders(instrs: &mut [CInstr], reachable: &[bool], u: &Unit) {
    let n = instrs.len();
    // (number of jumps in, the last one) per instruction.
    let mut jumps_in = vec![(0u32, 0usize); n + 1];
    for (i, ins) in instrs.iter().enumerate() {
        if reachable[i] && ins.op.is_jump() {
            let t = (ins.arg as usize).min(n);
            jumps_in[t] = (jumps_in[t].0 + 1, i);
        }
    }
    for h in u.handlers.iter() {
        let t = u.labels[h.label as usize].min(n);
        jumps_in[t].0 += 1;
    }
    for i in 0..n {
        if instrs[i].op != Opcode::Nop || instrs[i].line != 0 || !reachable[i] {
            continue;
        }
        let falls_in = i > 0 && reachable[i - 1] && !instrs[i - 1].op.is_terminator();
        if let (1, j) = jumps_in[i] {
            if !falls_in {
                // A line-less jump has the line of what precedes it in its block.
                let mut k = j;
                while instrs[k].line == 0
                    && k > 0
                    && jumps_in[k].0 == 0
                    && !instrs[k - 1].op.is_terminator()
                {
                    k -= 1;
                }
                instrs[i].line = instrs[k].line;
            }
        }
    }
}

pub(super) fn assemble(mut u: Unit, source: Rc<SourceFile>) -> CodeObject {
    copy_exit_blocks(&mut u);
    let n = u.instrs.len();
    let mut instrs: Vec<CInstr> = std::mem::take(&mut u.instrs);
    // PUSH_NULL before a LOAD_GLOBAL becomes the LOAD_GLOBAL's NULL bit (CPython's
    // optimize_basic_block), unless a jump lands between them.
    let targets: rustc_hash::FxHashSet<usize> = u.labels.iter().copied().collect();
    // BUILD_TUPLE n, UNPACK_SEQUENCE n (`a, b = b, a`) -> NOP, SWAP n for n = 2, 3;
    // nothing for n = 1 (CPython's optimize_basic_block).
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (instrs[i], instrs[i + 1]);
        if a.op == Opcode::BuildTuple
            && b.op == Opcode::UnpackSequence
            && a.arg == b.arg
            && (1..=3).contains(&a.arg)
            && !targets.contains(&(i + 1))
        {
            instrs[i].op = Opcode::Nop;
            instrs[i + 1].op = if a.arg == 1 {
                Opcode::Nop
            } else {
                Opcode::Swap
            };
        }
    }
    for i in 0..n {
        if instrs[i].op == Opcode::Swap {
            if instrs[i].arg == 1 {
                instrs[i].op = Opcode::Nop;
            } else {
                apply_static_swaps(&mut instrs, &targets, i);
            }
        }
    }
    // LOAD_CONST x n, BUILD_TUPLE n -> LOAD_CONST (the tuple) (fold_tuple_on_constants).
    for i in 0..n {
        if instrs[i].op != Opcode::BuildTuple {
            continue;
        }
        let k = instrs[i].arg as usize;
        if k > i
            || !instrs[i - k..i].iter().all(|x| x.op == Opcode::LoadConst)
            || (i - k + 1..=i).any(|j| targets.contains(&j))
        {
            continue;
        }
        let items: Vec<Value> = instrs[i - k..i]
            .iter()
            .map(|x| u.consts[x.arg as usize].clone())
            .collect();
        let ci = u.add_const(Value::tuple(items));
        for x in &mut instrs[i - k..i] {
            x.op = Opcode::Nop;
            x.arg = 0;
        }
        instrs[i].op = Opcode::LoadConst;
        instrs[i].arg = ci;
    }
    for i in 0..n.saturating_sub(1) {
        if instrs[i].op == Opcode::PushNull
            && instrs[i + 1].op == Opcode::LoadGlobal
            && instrs[i + 1].arg & 1 == 0
            && !targets.contains(&(i + 1))
        {
            instrs[i].op = Opcode::Nop;
            instrs[i + 1].arg |= 1;
        }
    }
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
    lone_jump_lines_for_placeholders(&mut instrs, &keep, &u);
    // The previous line counts only within a basic block (CPython cleans block by block).
    let mut block_start = vec![false; n + 1];
    for (i, ins) in instrs.iter().enumerate() {
        if ins.op.is_jump() {
            block_start[(ins.arg as usize).min(n)] = true;
        }
        if ins.op.is_jump() || ins.op.is_terminator() {
            block_start[i + 1] = true;
        }
    }
    for h in u.handlers.iter() {
        block_start[u.labels[h.label as usize].min(n)] = true;
    }
    for &l in &u.block_labels {
        block_start[u.labels[l as usize].min(n)] = true;
    }
    let mut prev_line: Option<u32> = None;
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        if block_start[i] {
            prev_line = None;
        }
        // A jump to what follows once dead code is gone is a NOP (remove_redundant_jumps).
        if instrs[i].op == Opcode::JumpForward {
            let t = instrs[i].arg as usize;
            if t > i && (i + 1..t).all(|j| !keep[j]) {
                instrs[i].op = Opcode::Nop;
                instrs[i].arg = 0;
            }
        }
        if instrs[i].op == Opcode::Nop && instrs[i].line == 0 {
            // A placeholder nothing gave a line (CPython drops NOPs without one).
            keep[i] = false;
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
    let mut lines = propagate_lines(&instrs, &table, u.first_line);
    // What is still artificial (line 0) belongs to the line before it (tracebacks need
    // one; CPython's dis starts no new line there either).
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
        max_stack: max_depth.max(0) as u32,
        layout: Default::default(),
        exception_table: table,
        inline_cache: (0..n).map(|_| Default::default()).collect(),
        class_cache: (0..u.names.len()).map(|_| Default::default()).collect(),
        py_object: Default::default(),
    }
    .with_layout()
}

/// CPython 3.11's `propagate_line_numbers` then `guarantee_lineno_for_exits` on the
/// final code (jump arguments are instruction indices): an artificial instruction takes
/// the line of the one before it in its block, and a block's first one takes the line
/// its only predecessor ended with.
fn propagate_lines(instrs: &[CInstr], table: &[ExceptionEntry], first_line: u32) -> Vec<u32> {
    let n = instrs.len();
    let mut lines: Vec<u32> = instrs.iter().map(|i| i.line).collect();
    let mut starts = vec![false; n + 1];
    let mut preds = vec![0u32; n + 1];
    if n > 0 {
        starts[0] = true;
    }
    for (i, ins) in instrs.iter().enumerate() {
        if ins.op.is_jump() {
            starts[ins.arg as usize] = true;
            preds[ins.arg as usize] += 1;
        }
        if ins.op.is_jump() || ins.op.is_terminator() {
            starts[i + 1] = true;
        }
    }
    let mut handler_targets: Vec<u32> = table.iter().map(|e| e.target).collect();
    handler_targets.sort_unstable();
    handler_targets.dedup();
    for t in handler_targets {
        starts[t as usize] = true;
        preds[t as usize] += 1;
    }
    for i in 0..n {
        if starts[i + 1] && i + 1 < n && !instrs[i].op.is_terminator() {
            preds[i + 1] += 1;
        }
    }
    let mut b = 0;
    while b < n {
        let mut end = b + 1;
        while end < n && !starts[end] {
            end += 1;
        }
        let mut prev = 0;
        for line in lines.iter_mut().take(end).skip(b) {
            if *line == 0 {
                *line = prev;
            } else {
                prev = *line;
            }
        }
        let last = instrs[end - 1];
        if !last.op.is_terminator() && end < n && preds[end] == 1 && lines[end] == 0 {
            lines[end] = prev;
        }
        if last.op.is_jump() {
            let t = last.arg as usize;
            if preds[t] == 1 && lines[t] == 0 {
                lines[t] = prev;
            }
        }
        b = end;
    }
    // guarantee_lineno_for_exits
    let mut lineno = first_line;
    let mut b = 0;
    while b < n {
        let mut end = b + 1;
        while end < n && !starts[end] {
            end += 1;
        }
        if lines[end - 1] == 0 {
            if instrs[end - 1].op == Opcode::ReturnValue {
                for line in lines.iter_mut().take(end).skip(b) {
                    *line = lineno;
                }
            }
        } else {
            lineno = lines[end - 1];
        }
        b = end;
    }
    lines
}
