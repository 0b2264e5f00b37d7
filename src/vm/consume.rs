//! Built-ins that consume a generator — `sum`, `list`, `any`, `all`, `min`, `max` of a
//! generator passed as their one argument — run it in the dispatch loop.
//!
//! Called the ordinary way, the built-in would resume the generator once per item
//! from a nested loop: two frame switches per item. Instead the generator's frame runs
//! as `Ret::Consume`, with the built-in's running result in the caller's stack slot
//! where the call's result goes. A YIELD_VALUE whose item the result can take without
//! running Python code (a small int added, any item appended, a falsy int for `any`...)
//! takes it there and the generator goes on at once; a return leaves the result.
//! Any other item suspends the generator as a yield does, and `consume_rest` finishes
//! the work as the built-in would, so other types, `__add__`, `__bool__`, comparisons
//! and exceptions behave exactly as before.

use super::frame::{Frame, Ret};
use super::generator::{GenKind, GenState};
use super::Vm;
use crate::object::{Payload, PyErr, PyResult, Value};

/// Which built-in consumes the generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consumer {
    Sum,
    List,
    Any,
    All,
    Min,
    Max,
}

impl Consumer {
    /// The result before any item.
    fn start(self) -> Value {
        match self {
            Consumer::Sum => Value::Int(0),
            Consumer::List => Value::list(vec![]),
            Consumer::Any => Value::Bool(false),
            Consumer::All => Value::Bool(true),
            // No item yet (Null is never an item).
            Consumer::Min | Consumer::Max => Value::Null,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Consumer::Sum => "sum",
            Consumer::List => "list",
            Consumer::Any => "any",
            Consumer::All => "all",
            Consumer::Min => "min",
            Consumer::Max => "max",
        }
    }
}

/// Take `item` into `result` in place if that runs no Python code; else give it back.
#[inline(always)]
fn take_item(kind: Consumer, result: &mut Value, item: Value) -> Option<Value> {
    match (kind, &mut *result, &item) {
        (Consumer::Sum, Value::Int(total), Value::Int(x)) => match total.checked_add(*x) {
            Some(sum) => *total = sum,
            None => return Some(item),
        },
        (Consumer::List, Value::Obj(list), _) => match &list.payload {
            Payload::List(items) => items.borrow_mut().push(item),
            _ => unreachable!("list() consumes into a list"),
        },
        (Consumer::Any, _, Value::Bool(false) | Value::Int(0) | Value::None) => {}
        (Consumer::All, _, Value::Bool(true)) => {}
        (Consumer::All, _, Value::Int(x)) if *x != 0 => {}
        (Consumer::Min | Consumer::Max, Value::Null, Value::Int(_)) => *result = item,
        (Consumer::Max, Value::Int(best), Value::Int(x)) => *best = (*best).max(*x),
        (Consumer::Min, Value::Int(best), Value::Int(x)) => *best = (*best).min(*x),
        _ => return Some(item),
    }
    None
}

impl Vm {
    /// `kind(g)` (`try_fast_call` found the built-in called with one argument, no
    /// keywords) of a generator that can be resumed: its frame runs in the loop as
    /// `Ret::Consume`, the result so far on the caller's stack where the call's result
    /// goes. None: the argument is no such generator, and the built-in runs as usual.
    pub(crate) fn start_consume(&mut self, argc: usize) -> Option<PyResult<()>> {
        let caller = self.frames.last_mut().unwrap();
        let callable = &caller.stack[caller.stack.len() - argc - 1];
        let kind = match callable.payload() {
            Some(Payload::Native(nf)) => super::builtins::consumer_of_native(nf)?,
            Some(Payload::Type(_)) => Consumer::List,
            _ => unreachable!("checked by try_fast_call"),
        };
        match caller.stack.last().and_then(Value::payload) {
            Some(Payload::Generator(gen))
                if gen.kind == GenKind::Generator
                    && matches!(gen.state.get(), GenState::Created | GenState::Suspended) => {}
            _ => return None,
        }
        let Some(Value::Obj(g)) = caller.stack.pop() else {
            unreachable!("checked above")
        };
        // The callable and the NULL below it (checked by try_fast_call) go; the
        // result takes the NULL's slot.
        let base = caller.stack.len() - argc - 1;
        super::frame::truncate_values(&mut caller.stack, base);
        super::dispatch::push_value(&mut caller.stack, kind.start());
        Some(
            self.resume_gen(g, Value::None, Ret::Consume(kind))
                .map(|_| ()),
        )
    }

    /// A `Ret::Consume` generator's yield of the value on top of its stack: popped and
    /// taken into the result on its caller's stack when that runs no Python code
    /// (`take_item`). Otherwise false, the stack unchanged: the generator suspends as
    /// at any yield, and `finish_consume` does the rest. (Out of line: YIELD_VALUE
    /// stays as lean elsewhere.)
    #[inline(never)]
    pub(super) fn consume_top(&mut self, kind: Consumer) -> bool {
        // `sum()` of small ints first, with nothing moved (the commonest case).
        let n = self.frames.len();
        let (callers, top) = self.frames.split_at_mut(n - 1);
        let gen_stack = &mut top[0].stack;
        if let (Consumer::Sum, Some(Value::Int(total)), Some(Value::Int(x))) = (
            kind,
            callers.last_mut().and_then(|c| c.stack.last_mut()),
            gen_stack.last(),
        ) {
            if let Some(sum) = total.checked_add(*x) {
                *total = sum;
                super::dispatch::forget_top_ints(gen_stack, 1);
                return true;
            }
        }
        self.consume_other(kind)
    }

    /// `consume_top` past its first case.
    #[inline(never)]
    fn consume_other(&mut self, kind: Consumer) -> bool {
        let (result, top) = result_and_top(&mut self.frames);
        let gen_stack = &mut top.stack;
        let item = super::dispatch::pop_value(gen_stack);
        match take_item(kind, result, item) {
            None => true,
            Some(item) => {
                super::dispatch::push_value(gen_stack, item);
                false
            }
        }
    }

    /// The top frame, a `Ret::Consume` generator at the YIELD_VALUE of its `yield
    /// from` loop, yields `item`, which came up from the generator it delegates to:
    /// taken into the result as `consume_top` takes the frame's own items, and the
    /// frame goes on at once (back to its SEND, with None sent). Without this, every
    /// item after the first from a `yield from` went through `consume_rest`'s nested
    /// loop. Otherwise the item, given back: the frame yields it.
    #[inline(never)]
    pub(super) fn consume_passed_up(&mut self, kind: Consumer, item: Value) -> Option<Value> {
        let safe_point_due = self.safe_point_due;
        let (result, top) = result_and_top(&mut self.frames);
        if let Some(item) = take_item(kind, result, item) {
            return Some(item);
        }
        super::dispatch::enter_resumed(top, Value::None, false, safe_point_due);
        None
    }

    /// A `Ret::Consume` generator suspended, yielding `item`, which `consume_top`
    /// could not take: the built-in's work goes on outside the loop, and its result
    /// replaces the one on the caller's stack.
    #[cold]
    #[inline(never)]
    pub(super) fn finish_consume(&mut self, kind: Consumer, g: Value, item: Value) -> PyResult<()> {
        let result = super::dispatch::pop_value(&mut self.frames.last_mut().unwrap().stack);
        let result = consume_rest(self, kind, &g, result, item)?;
        super::dispatch::push_value(&mut self.frames.last_mut().unwrap().stack, result);
        Ok(())
    }

    /// A `Ret::Consume` generator returned: its result is on the caller's stack, but
    /// `min()` and `max()` of nothing raise.
    #[inline(never)]
    pub(super) fn consumed_all(&mut self, kind: Consumer) -> PyResult<()> {
        let caller = self.frames.last().unwrap();
        if caller.stack.last().is_some_and(Value::is_null) {
            return Err(empty_sequence(kind));
        }
        Ok(())
    }
}

/// The consumer's result so far (the top of its frame's stack) and the consumed
/// generator's frame, on top of it.
#[inline(always)]
fn result_and_top(frames: &mut [Box<Frame>]) -> (&mut Value, &mut Frame) {
    let n = frames.len();
    let (callers, top) = frames.split_at_mut(n - 1);
    let result = callers
        .last_mut()
        .and_then(|c| c.stack.last_mut())
        .expect("the consumer's result slot");
    (result, &mut top[0])
}

fn empty_sequence(kind: Consumer) -> PyErr {
    PyErr::value_error(format!("{}() arg is an empty sequence", kind.name()))
}

/// The rest of `kind(g)` as the built-in does it: `result` is what the loop made of
/// the items before `item`, the one it could not take.
fn consume_rest(
    vm: &mut Vm,
    kind: Consumer,
    g: &Value,
    mut result: Value,
    item: Value,
) -> PyResult<Value> {
    let mut item = Some(item);
    loop {
        let v = match item.take() {
            Some(v) => v,
            None => match vm.next(g)? {
                Some(v) => v,
                None => break,
            },
        };
        result = match kind {
            Consumer::Sum => super::builtins::sum_step(vm, result, v)?,
            Consumer::List => {
                match result.payload() {
                    Some(Payload::List(items)) => items.borrow_mut().push(v),
                    _ => unreachable!("list() consumes into a list"),
                }
                result
            }
            Consumer::Any => {
                if vm.truthy(&v)? {
                    return Ok(Value::Bool(true));
                }
                result
            }
            Consumer::All => {
                if !vm.truthy(&v)? {
                    return Ok(Value::Bool(false));
                }
                result
            }
            Consumer::Min | Consumer::Max if result.is_null() => v,
            Consumer::Min | Consumer::Max => {
                if super::builtins::beats(vm, &v, &result, kind == Consumer::Max)? {
                    v
                } else {
                    result
                }
            }
        };
    }
    if result.is_null() {
        return Err(empty_sequence(kind));
    }
    Ok(result)
}
