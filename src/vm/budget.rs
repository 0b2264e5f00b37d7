//! Execution budgets for embedders and untrusted programs (`Interpreter::set_limits`, the
//! `--max-instructions`, `--max-time` and `--max-memory` flags), and the dispatch loop's
//! one per-instruction test for anything that needs it.
//!
//! The loop counts every instruction down (`tick`); when the count runs out it calls
//! `Vm::attention`, at most CHUNK instructions apart, sooner when a budget is due or
//! finalizers wait (`attention_now`). Ctrl-C and a due budget are raised only where
//! CPython's eval breaker looks: backward jumps and `RESUME` (function entry, generator
//! resumption). Any run long enough to matter passes those often, so the rare check also
//! reads the clock and the process's memory. Once a budget is exceeded its error is
//! raised again at every later safe point, so a program that catches it cannot go on:
//! it unwinds to the top.

use super::Vm;
use crate::object::{ExcKind, PyErr, PyResult};
use std::cell::Cell;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// What a run may use; `None` is unlimited.
#[derive(Clone, Debug, Default)]
pub struct Limits {
    /// Bytecode instructions executed (Python code only; a builtin's own loop is one).
    pub instructions: Option<u64>,
    /// Wall-clock time from when the limits are set.
    pub time: Option<Duration>,
    /// Resident memory of the whole process, in bytes (approximate: Linux's RSS).
    pub memory: Option<u64>,
}

thread_local! {
    /// Instructions the dispatch loop may run before it next calls `Vm::attention`
    /// (below zero: call it now). One decrement and one sign test per instruction
    /// serve both the budget and the pending work (finalizers, Ctrl-C); a counter and
    /// a separate flag were six instructions in the loop's head. Thread-local, as the
    /// VM's address is not kept in a register there.
    static TICKS: Cell<i64> = const { Cell::new(0) };
    /// What TICKS was set to last, and the thread's instruction count at that moment:
    /// the count now is their sum minus what is left.
    static TICKS_FROM: Cell<i64> = const { Cell::new(0) };
    static STEPS_BEFORE: Cell<u64> = const { Cell::new(0) };
}

/// Count one instruction; true when the loop must call `Vm::attention` first.
#[inline(always)]
pub(crate) fn tick() -> bool {
    TICKS.with(|t| {
        let left = t.get() - 1;
        t.set(left);
        left < 0
    })
}

/// Count `n` instructions run as part of another (fused) one.
#[inline(always)]
pub(crate) fn count_steps(n: u64) {
    TICKS.with(|t| t.set(t.get() - n as i64));
}

/// Bytecode instructions executed on this thread, by every VM on it. A VM's own count
/// is this minus its `steps_base`. Only an embedder that interleaves two VMs on one
/// thread sees each one's budget charged for the other's work.
pub(crate) fn steps_now() -> u64 {
    let run = TICKS_FROM.with(|f| f.get()) - TICKS.with(|t| t.get());
    STEPS_BEFORE.with(|b| b.get()).wrapping_add(run as u64)
}

/// Let the loop run `n` more instructions before its next `attention`.
pub(crate) fn refill(n: u64) {
    let now = steps_now();
    STEPS_BEFORE.with(|b| b.set(now));
    let n = n.min(i64::MAX as u64) as i64;
    TICKS_FROM.with(|f| f.set(n));
    TICKS.with(|t| t.set(n));
}

/// Have the loop call `attention` before its next instruction.
pub(crate) fn attention_now() {
    refill(0);
}

/// Instructions between two looks at the clock and at memory.
const CHUNK: u64 = 1 << 16;

pub(crate) struct Budget {
    limits: Limits,
    deadline: Option<Instant>,
    exceeded: Option<(ExcKind, String)>,
}

thread_local! {
    /// The wall-time budget and when it runs out; sleeps (time.sleep, an idle event
    /// loop) wake up for it too.
    static TIME_LIMIT: std::cell::Cell<Option<(Instant, Duration)>> =
        const { std::cell::Cell::new(None) };
}

/// When the current run must stop, if it has a time budget.
pub(crate) fn deadline() -> Option<Instant> {
    TIME_LIMIT.with(|t| t.get()).map(|(at, _)| at)
}

fn time_error(budget: Duration) -> (ExcKind, String) {
    (
        ExcKind::TimeoutError,
        format!(
            "execution budget exceeded: {} seconds of wall time",
            budget.as_secs_f64()
        ),
    )
}

/// The error for a time budget that ran out during a sleep.
pub(crate) fn time_exceeded() -> PyErr {
    let budget = TIME_LIMIT
        .with(|t| t.get())
        .map_or(Duration::ZERO, |(_, d)| d);
    let (kind, msg) = time_error(budget);
    PyErr::new(kind, &msg)
}

impl Vm {
    /// Install `limits`, counted from now. Limits with nothing set remove the budget.
    pub fn set_limits(&mut self, limits: Limits) {
        let deadline = limits.time.map(|t| Instant::now() + t);
        TIME_LIMIT.with(|l| l.set(deadline.zip(limits.time)));
        if limits.instructions.is_none() && limits.time.is_none() && limits.memory.is_none() {
            self.budget = None;
            self.step_check = u64::MAX;
            return;
        }
        self.steps_base = steps_now();
        self.step_check = 0;
        attention_now();
        self.budget = Some(Box::new(Budget {
            limits,
            deadline,
            exceeded: None,
        }));
    }

    /// Err if a budget was exceeded: a run that caught the error and then finished
    /// without passing another safe point still failed.
    pub fn budget_result(&self) -> PyResult<()> {
        match self.budget.as_ref().and_then(|b| b.exceeded.as_ref()) {
            Some((kind, msg)) => Err(PyErr::new(*kind, msg)),
            None => Ok(()),
        }
    }

    /// The dispatch loop's slow path, run when its ticks run out (every CHUNK
    /// instructions, at once after `attention_now`). Pending finalizers run now, before
    /// the next instruction, as CPython runs them when the last reference goes. Ctrl-C
    /// and a due budget are only noted: they are raised at the next safe point.
    #[cold]
    #[inline(never)]
    pub(crate) fn attention(&mut self) -> PyResult<()> {
        if super::PENDING.load(Ordering::Relaxed) {
            self.run_pending()?;
        }
        let now = steps_now();
        let due = now >= self.step_check;
        if due || super::INTERRUPTED.load(Ordering::Relaxed) {
            self.safe_point_due = true;
        }
        refill(if due {
            CHUNK
        } else {
            CHUNK.min(self.step_check - now)
        });
        Ok(())
    }

    /// A safe point (`RESUME`, a backward jump: where CPython's eval breaker looks)
    /// reached with `safe_point_due` set: raise KeyboardInterrupt, check the budget.
    #[cold]
    #[inline(never)]
    pub(crate) fn safe_point(&mut self) -> PyResult<()> {
        self.safe_point_due = false;
        if super::INTERRUPTED.swap(false, Ordering::Relaxed) {
            return Err(PyErr::with_args(ExcKind::KeyboardInterrupt, vec![]));
        }
        if steps_now() >= self.step_check {
            self.budget_checkpoint()?;
        }
        Ok(())
    }

    /// The budget check, at a safe point where the count reached `step_check`.
    fn budget_checkpoint(&mut self) -> PyResult<()> {
        let now = steps_now();
        let steps = now - self.steps_base;
        let Some(b) = self.budget.as_mut() else {
            self.step_check = u64::MAX;
            return Ok(());
        };
        if b.exceeded.is_none() {
            b.exceeded = over_budget(b, steps);
        }
        if let Some((kind, msg)) = &b.exceeded {
            // Raised again at every safe point from now on.
            self.step_check = 0;
            self.safe_point_due = true;
            return Err(PyErr::new(*kind, msg));
        }
        let next = match b.limits.instructions {
            Some(max) => CHUNK.min(max - steps + 1),
            None => CHUNK,
        };
        self.step_check = now + next;
        refill(next);
        Ok(())
    }
}

fn over_budget(b: &Budget, steps: u64) -> Option<(ExcKind, String)> {
    if let Some(max) = b.limits.instructions {
        if steps > max {
            return Some((
                ExcKind::RuntimeError,
                format!("execution budget exceeded: {max} instructions"),
            ));
        }
    }
    if let (Some(deadline), Some(t)) = (b.deadline, b.limits.time) {
        if Instant::now() >= deadline {
            return Some(time_error(t));
        }
    }
    if let Some(max) = b.limits.memory {
        if resident_bytes().is_some_and(|rss| rss > max) {
            return Some((
                ExcKind::MemoryError,
                format!(
                    "execution budget exceeded: {} MiB of memory",
                    max as f64 / (1 << 20) as f64
                ),
            ));
        }
    }
    None
}

/// The process's resident set size, where the OS tells it.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(pages * page.max(1) as u64)
}

impl Vm {
    /// Refuse, before trying, an allocation of `bytes` that cannot succeed: more than the
    /// machine's memory and swap, or than the memory budget. The allocator reserves
    /// address space lazily, so such a request would "succeed" and then fill memory
    /// page by page; CPython's malloc fails at once and Python sees MemoryError.
    pub(crate) fn check_alloc(&self, bytes: u128) -> PyResult<()> {
        let budget = self.budget.as_ref().and_then(|b| b.limits.memory);
        if bytes > machine_memory() as u128 || budget.is_some_and(|m| bytes > m as u128) {
            return Err(PyErr::with_args(ExcKind::MemoryError, vec![]));
        }
        Ok(())
    }
}

/// Physical memory plus swap, in bytes (unlimited where the OS does not say).
fn machine_memory() -> u64 {
    static TOTAL: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *TOTAL.get_or_init(|| {
        // SAFETY: sysinfo only writes the struct it is given.
        let mut info: libc::sysinfo = unsafe { std::mem::zeroed() };
        if unsafe { libc::sysinfo(&mut info) } != 0 {
            return u64::MAX;
        }
        let unit = info.mem_unit.max(1) as u64;
        (info.totalram as u64)
            .saturating_add(info.totalswap as u64)
            .saturating_mul(unit)
    })
}
