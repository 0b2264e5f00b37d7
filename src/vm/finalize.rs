//! `__del__`: calling it on instances freed by reference counting or found unreachable
//! by the collector (queued in `object::FINALIZABLE`), and on what the program's globals
//! still hold when it ends.

use super::generator::GenKind;
use super::Vm;
use crate::object::{Object, Payload, Value};
use std::collections::HashSet;
use std::rc::Rc;

impl Vm {
    /// Call `__del__` on the instances freed since the last safe point, in the order
    /// they were freed (see `Object::revive_for_finalizer`). Errors are reported, as
    /// CPython reports them, and ignored.
    pub(crate) fn run_finalizers(&mut self) {
        while let Some(obj) = crate::object::FINALIZABLE.with(|q| q.borrow_mut().pop_front()) {
            self.call_del(Value::Obj(obj));
        }
    }

    fn call_del(&mut self, obj: Value) {
        let Some(del) = self.lookup_special(&obj, "__del__") else {
            return;
        };
        if let Err(e) = self.call_with(&del, [obj]) {
            let e = self.materialize(e);
            let what = self.repr(&del).unwrap_or_else(|_| "__del__".into());
            self.report_unraisable_in(&e, &what);
        }
    }

    /// At exit, before the globals are released: finalize what they hold while they are
    /// all still there, as CPython's shutdown does (its collector finalizes the module's
    /// objects before clearing anything, so a `__del__` can still use a class or a module
    /// by its global name). Instances with `__del__` and generators suspended in a
    /// `try` held directly by a global go first, in the globals' order, then what
    /// containers hold (a list's or tuple's items from the last one back, the order in
    /// which CPython releases them). Classes, functions and modules are not looked into.
    pub fn finalize_globals(&mut self, values: &[Value]) {
        let mut seen: HashSet<*const Object> = HashSet::new();
        for v in values {
            if let Value::Obj(o) = v {
                if self.finalize_one(o) {
                    seen.insert(Rc::as_ptr(o));
                }
            }
        }
        let mut stack: Vec<Rc<Object>> = Vec::new();
        for v in values {
            let Value::Obj(o) = v else { continue };
            stack.push(o.clone());
            while let Some(o) = stack.pop() {
                if !seen.insert(Rc::as_ptr(&o)) {
                    continue;
                }
                self.finalize_one(&o);
                if matches!(
                    o.payload,
                    Payload::Type(_) | Payload::Function(_) | Payload::Module(_)
                ) {
                    continue;
                }
                // Popped in reverse: a list's last item is finalized first, as CPython
                // releases them; a dict's (and an instance's attributes) in order.
                let from = stack.len();
                crate::object::gc::children(&o, &mut stack);
                if matches!(o.payload, Payload::Dict(_) | Payload::Instance(_)) {
                    stack[from..].reverse();
                }
            }
        }
    }

    /// Finalize `o` now if it is an instance with `__del__` or a generator suspended
    /// in a `try`; true if it was one.
    fn finalize_one(&mut self, o: &Rc<Object>) -> bool {
        match &o.payload {
            Payload::Instance(inst) => {
                if o.finalized.get() || !inst.class.payload_type().has_finalizer() {
                    return false;
                }
                o.finalized.set(true);
                self.call_del(Value::Obj(o.clone()));
                true
            }
            Payload::Generator(g) if g.kind == GenKind::Generator => {
                if !g.suspended_in_handler() {
                    return false;
                }
                if let Err(e) = super::builtins::close_gen(self, o.clone()) {
                    let e = self.materialize(e);
                    let what = self
                        .repr(&Value::Obj(o.clone()))
                        .unwrap_or_else(|_| "generator".into());
                    self.report_unraisable_in(&e, &what);
                }
                true
            }
            _ => false,
        }
    }
}
