//! Builtin modules: sys, time, math, typing, gc, inspect, random, and asyncio (written in
//! Python, `asyncio.py`, compiled into the binary).
//! Anything else raises ModuleNotFoundError.

pub mod aio;
pub mod collections;
pub mod dis;

use crate::object::{ExcKind, Payload, PyErr, PyResult, Value};
use crate::vm::builtins::module_fn as f;
use crate::vm::Vm;

pub fn create(vm: &mut Vm, name: &str) -> PyResult<Value> {
    Ok(match name {
        "sys" => sys(vm),
        "_asyncio" => aio::module(vm),
        "asyncio" => python_module(vm, "asyncio", include_str!("asyncio.py"))?,
        "_exception_group" => python_module(vm, "builtins", include_str!("exception_group.py"))?,
        "_sitebuiltins" => python_module(vm, "_sitebuiltins", include_str!("sitebuiltins.py"))?,
        "dis" => dis::module(vm),
        "types" => vm.new_module(
            "types",
            vec![("coroutine", f("coroutine", types_coroutine))],
        ),
        "collections" => {
            let d = collections::deque_type(vm);
            vm.new_module("collections", vec![("deque", Value::Obj(d))])
        }
        "time" => vm.new_module(
            "time",
            vec![
                ("time", f("time", |_, _, _| Ok(Value::Float(now_secs())))),
                (
                    "monotonic",
                    f("monotonic", |_, _, _| Ok(Value::Float(mono_secs()))),
                ),
                (
                    "perf_counter",
                    f("perf_counter", |_, _, _| Ok(Value::Float(mono_secs()))),
                ),
                (
                    "sleep",
                    f("sleep", |vm, a, _| {
                        let s = crate::vm::ops::to_f64(a.first().unwrap_or(&Value::Int(0)))
                            .unwrap_or(0.0);
                        if s < 0.0 {
                            return Err(PyErr::value_error("sleep length must be non-negative"));
                        }
                        vm.flush();
                        crate::vm::interruptible_sleep(s)?;
                        Ok(Value::None)
                    }),
                ),
            ],
        ),
        "math" => math(vm),
        "typing" => {
            let any = Value::Obj(vm.types.object.clone());
            let names = [
                "Any",
                "List",
                "Dict",
                "Tuple",
                "Set",
                "FrozenSet",
                "Optional",
                "Union",
                "Callable",
                "Iterable",
                "Iterator",
                "Generator",
                "AsyncIterator",
                "AsyncGenerator",
                "Awaitable",
                "Coroutine",
                "Sequence",
                "Mapping",
                "Type",
                "TypeVar",
                "Deque",
                "NoReturn",
                "ClassVar",
                "Final",
            ];
            let items: Vec<(&str, Value)> = names.iter().map(|n| (*n, any.clone())).collect();
            vm.new_module("typing", items)
        }
        "gc" => vm.new_module(
            "gc",
            vec![
                (
                    "collect",
                    f("collect", |vm, _, _| {
                        let mut n = crate::object::gc::collect();
                        // Garbage this collection left to finalizers (`__del__`,
                        // `finally` blocks, pending tasks' reports): CPython runs them
                        // and frees what is still unreachable after them in the same
                        // collection, counting those (not what the finalizers' own
                        // reference counting freed).
                        if crate::object::gc::left_to_finalizers() {
                            vm.drain_pending()?;
                            n += crate::object::gc::collect();
                        }
                        Ok(Value::Int(n as i64))
                    }),
                ),
                (
                    "enable",
                    f("enable", |_, _, _| {
                        crate::object::gc::set_enabled(true);
                        Ok(Value::None)
                    }),
                ),
                (
                    "disable",
                    f("disable", |_, _, _| {
                        crate::object::gc::set_enabled(false);
                        Ok(Value::None)
                    }),
                ),
                (
                    "isenabled",
                    f("isenabled", |_, _, _| {
                        Ok(Value::Bool(crate::object::gc::is_enabled()))
                    }),
                ),
            ],
        ),
        "inspect" => vm.new_module(
            "inspect",
            vec![
                (
                    "getgeneratorstate",
                    f("getgeneratorstate", |_, a, _| gen_state(a, "GEN")),
                ),
                (
                    "getcoroutinestate",
                    f("getcoroutinestate", |_, a, _| gen_state(a, "CORO")),
                ),
                (
                    "isgenerator",
                    f("isgenerator", |vm, a, _| {
                        Ok(Value::Bool(vm.type_name(&a[0]) == "generator"))
                    }),
                ),
                (
                    "iscoroutine",
                    f("iscoroutine", |vm, a, _| {
                        Ok(Value::Bool(vm.type_name(&a[0]) == "coroutine"))
                    }),
                ),
                (
                    "isasyncgen",
                    f("isasyncgen", |vm, a, _| {
                        Ok(Value::Bool(vm.type_name(&a[0]) == "async_generator"))
                    }),
                ),
                (
                    "isasyncgenfunction",
                    f("isasyncgenfunction", |_, a, _| {
                        Ok(Value::Bool(code_flag(&a[0], 0x200)))
                    }),
                ),
                (
                    "isawaitable",
                    f("isawaitable", |vm, a, _| {
                        Ok(Value::Bool(is_awaitable(vm, &a[0])))
                    }),
                ),
                (
                    "isgeneratorfunction",
                    f("isgeneratorfunction", |_, a, _| {
                        Ok(Value::Bool(code_flag(&a[0], 0x20)))
                    }),
                ),
                (
                    "iscoroutinefunction",
                    f("iscoroutinefunction", |_, a, _| {
                        Ok(Value::Bool(code_flag(&a[0], 0x80)))
                    }),
                ),
            ],
        ),
        "random" => vm.new_module(
            "random",
            vec![
                (
                    "seed",
                    f("seed", |vm, a, _| {
                        let s = a.first().map(|v| vm.hash(v)).transpose()?.unwrap_or(0);
                        vm.random_state = (s as u64) ^ 0x9E37_79B9_7F4A_7C15;
                        Ok(Value::None)
                    }),
                ),
                (
                    "random",
                    f("random", |vm, _, _| Ok(Value::Float(next_f64(vm)))),
                ),
                (
                    "randint",
                    f("randint", |vm, a, _| {
                        let lo = vm.index_value(&a[0])?;
                        let hi = vm.index_value(&a[1])?;
                        if hi < lo {
                            return Err(PyErr::value_error(format!(
                                "empty range for randrange() ({}, {}, {})",
                                lo,
                                hi + 1,
                                hi + 1 - lo
                            )));
                        }
                        let span = (hi - lo + 1) as u64;
                        Ok(Value::Int(lo + (next_u64(vm) % span) as i64))
                    }),
                ),
                (
                    "choice",
                    f("choice", |vm, a, _| {
                        let items = vm.collect_iterable(&a[0])?;
                        if items.is_empty() {
                            return Err(PyErr::index_error("Cannot choose from an empty sequence"));
                        }
                        let i = (next_u64(vm) % items.len() as u64) as usize;
                        Ok(items[i].clone())
                    }),
                ),
                (
                    "shuffle",
                    f("shuffle", |vm, a, _| {
                        if let Some(Payload::List(l)) = a[0].payload() {
                            let n = l.borrow().len();
                            for i in (1..n).rev() {
                                let j = (next_u64(vm) % (i as u64 + 1)) as usize;
                                l.borrow_mut().swap(i, j);
                            }
                        }
                        Ok(Value::None)
                    }),
                ),
            ],
        ),
        _ => {
            return Err(PyErr::new(
                ExcKind::ModuleNotFoundError,
                format!("No module named '{}'", name),
            ))
        }
    })
}

/// A module written in Python and built into the binary: compiled and run on import.
fn python_module(vm: &mut Vm, name: &str, text: &str) -> PyResult<Value> {
    let filename = format!("<frozen {}>", name);
    let src = std::rc::Rc::new(crate::source::SourceFile::new(&filename, text));
    let module = crate::parser::parse(text, crate::parser::Mode::Module)
        .map_err(|e| PyErr::new(ExcKind::SyntaxError, format!("{:?}", e)))?;
    let code = crate::compiler::compile(&module, src, crate::compiler::CompileMode::Module)
        .map_err(|e| PyErr::new(ExcKind::SyntaxError, format!("{:?}", e)))?;
    let globals = vm.new_module_dict(name);
    crate::vm::dispatch_set_file(&globals, &filename);
    vm.run_code(code, globals.clone())?;
    Ok(Value::new_obj(Payload::Module(crate::object::Module {
        name: name.into(),
        dict: globals,
    })))
}

/// `inspect._has_code_flag`: a function's code flag, looked for through a bound method.
fn code_flag(v: &Value, flag: u32) -> bool {
    match v.payload() {
        Some(Payload::Function(func)) => func.code.flags & flag != 0,
        Some(Payload::BoundMethod { func, .. }) => code_flag(func, flag),
        _ => false,
    }
}

/// `inspect.isawaitable`: a coroutine, a generator made awaitable by
/// `types.coroutine`, or an object whose class has `__await__` (a future, a task).
fn is_awaitable(vm: &Vm, v: &Value) -> bool {
    if let Some(Payload::Generator(g)) = v.payload() {
        use crate::vm::generator::GenKind;
        return match g.kind {
            GenKind::Coroutine => true,
            GenKind::Generator => g.code.flags & crate::bytecode::flags::ITERABLE_COROUTINE != 0,
            GenKind::AsyncGenerator => false,
        };
    }
    vm.lookup_special(v, "__await__").is_some()
}

fn gen_state(a: &[Value], prefix: &str) -> PyResult<Value> {
    use crate::vm::generator::GenState;
    let Some(Payload::Generator(g)) = a.first().and_then(|v| v.payload()) else {
        return Err(PyErr::type_error("expected a generator"));
    };
    let s = match g.state.get() {
        GenState::Created => "CREATED",
        GenState::Running => "RUNNING",
        GenState::Suspended => "SUSPENDED",
        GenState::Closed => "CLOSED",
    };
    Ok(Value::string(format!("{}_{}", prefix, s)))
}

fn next_u64(vm: &mut Vm) -> u64 {
    // xorshift64*: deterministic per seed (pyco's own generator, not CPython's).
    let mut x = vm.random_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    vm.random_state = x;
    x.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

fn next_f64(vm: &mut Vm) -> f64 {
    (next_u64(vm) >> 11) as f64 / (1u64 << 53) as f64
}

fn now_secs() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

fn mono_secs() -> f64 {
    START.with(|s| s.elapsed().as_secs_f64()) + 1000.0
}

/// A `sys` attribute made on first use: `version_info`, a class written in Python
/// (sys_version_info.py) that every `import sys` (asyncio's among them) would
/// otherwise compile. None: `name` is no such attribute.
pub fn sys_lazy_attr(vm: &mut Vm, sys: &Value, name: &str) -> PyResult<Option<Value>> {
    if name != "version_info" {
        return Ok(None);
    }
    let m = python_module(vm, "sys", include_str!("sys_version_info.py"))?;
    let info = vm.getattr(&m, &Value::str("version_info"))?;
    vm.setattr(sys, &Value::str(name), info.clone())?;
    Ok(Some(info))
}

fn sys(vm: &mut Vm) -> Value {
    let argv = Value::list(vm.argv.iter().map(|a| Value::str(a)).collect());
    let stdout = vm.new_module(
        "stdout",
        vec![
            (
                "write",
                f("write", |vm, a, _| {
                    let s = vm.str_of(&a[0])?;
                    vm.write_stdout(&s);
                    Ok(Value::Int(s.chars().count() as i64))
                }),
            ),
            (
                "flush",
                f("flush", |vm, _, _| {
                    vm.flush();
                    Ok(Value::None)
                }),
            ),
        ],
    );
    let stderr = vm.new_module(
        "stderr",
        vec![
            (
                "write",
                f("write", |vm, a, _| {
                    let s = vm.str_of(&a[0])?;
                    vm.flush();
                    eprint!("{}", s);
                    Ok(Value::Int(s.chars().count() as i64))
                }),
            ),
            ("flush", f("flush", |_, _, _| Ok(Value::None))),
        ],
    );
    vm.new_module(
        "sys",
        vec![
            ("argv", argv),
            ("stdout", stdout),
            ("stderr", stderr),
            ("version", Value::str("3.11.7 (pyco)")),
            ("platform", Value::str("linux")),
            ("maxsize", Value::Int(i64::MAX)),
            (
                "exit",
                f("exit", |_, a, _| {
                    Err(PyErr::with_args(ExcKind::SystemExit, a.to_vec()))
                }),
            ),
            (
                "set_asyncgen_hooks",
                f("set_asyncgen_hooks", |vm, a, k| {
                    let (pos, kws) = crate::vm::builtins::split_kw(a, k);
                    if pos.len() > 2 {
                        return Err(PyErr::type_error(format!(
                            "function takes at most 2 arguments ({} given)",
                            pos.len()
                        )));
                    }
                    let mut hooks = vm.asyncgen_hooks.clone();
                    let given = [
                        pos.first()
                            .or_else(|| crate::vm::builtins::kwarg(&kws, "firstiter")),
                        pos.get(1)
                            .or_else(|| crate::vm::builtins::kwarg(&kws, "finalizer")),
                    ];
                    for (i, v) in given.into_iter().enumerate() {
                        if let Some(v) = v {
                            if !v.is_none() && !crate::vm::builtins::is_callable(vm, v) {
                                return Err(PyErr::type_error(format!(
                                    "callable {} expected, got {}",
                                    if i == 0 { "firstiter" } else { "finalizer" },
                                    vm.type_name(v)
                                )));
                            }
                            if i == 0 {
                                hooks.0 = v.clone();
                            } else {
                                hooks.1 = v.clone();
                            }
                        }
                    }
                    vm.asyncgen_hooks = hooks;
                    Ok(Value::None)
                }),
            ),
            (
                "get_asyncgen_hooks",
                f("get_asyncgen_hooks", |vm, _, _| {
                    let (a, b) = vm.asyncgen_hooks.clone();
                    Ok(Value::tuple(vec![a, b]))
                }),
            ),
            (
                "getrecursionlimit",
                f("getrecursionlimit", |vm, _, _| {
                    Ok(Value::Int(vm.recursion_limit as i64))
                }),
            ),
            (
                "setrecursionlimit",
                f("setrecursionlimit", |vm, a, _| {
                    let n = vm.index_value(&a[0])?;
                    if n < 1 {
                        return Err(PyErr::value_error(
                            "recursion limit must be greater or equal than 1",
                        ));
                    }
                    // As CPython's: the frames below, and this call.
                    let depth = vm.recursion_depth() + 1;
                    if depth as i64 >= n {
                        return Err(PyErr::new(
                            ExcKind::RecursionError,
                            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
                        ));
                    }
                    vm.set_recursion_limit(n as usize);
                    Ok(Value::None)
                }),
            ),
            (
                "set_int_max_str_digits",
                f("set_int_max_str_digits", |vm, a, _| {
                    crate::vm::builtins::require(
                        "set_int_max_str_digits",
                        a,
                        &["maxdigits"],
                        true,
                    )?;
                    vm.int_max_str_digits = vm.index_value(&a[0])? as usize;
                    Ok(Value::None)
                }),
            ),
            (
                "get_int_max_str_digits",
                f("get_int_max_str_digits", |vm, _, _| {
                    Ok(Value::Int(vm.int_max_str_digits as i64))
                }),
            ),
            (
                "exc_info",
                f("exc_info", |vm, _, _| {
                    let e = vm.exc_info.clone();
                    if e.is_none() {
                        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
                    }
                    let t = Value::Obj(vm.type_of(&e));
                    let tb = vm.traceback_value(&e);
                    Ok(Value::tuple(vec![t, e, tb]))
                }),
            ),
            (
                "exception",
                f("exception", |vm, _, _| Ok(vm.exc_info.clone())),
            ),
        ],
    )
}

fn math(vm: &mut Vm) -> Value {
    use crate::vm::ops::to_f64;
    fn num(vm: &Vm, v: &Value) -> PyResult<f64> {
        to_f64(v).ok_or_else(|| {
            PyErr::type_error(format!("must be real number, not {}", vm.type_name(v)))
        })
    }
    macro_rules! unary {
        ($name:literal, $e:expr) => {
            (
                $name,
                f($name, |vm, a, _| {
                    let x = num(
                        vm,
                        a.first().ok_or_else(|| {
                            PyErr::type_error(concat!(
                                $name,
                                "() takes exactly one argument (0 given)"
                            ))
                        })?,
                    )?;
                    let g: fn(f64) -> f64 = $e;
                    let r = g(x);
                    if r.is_nan() && !x.is_nan() {
                        return Err(PyErr::value_error("math domain error"));
                    }
                    Ok(Value::Float(r))
                }),
            )
        };
    }
    vm.new_module(
        "math",
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
            unary!("sin", f64::sin),
            unary!("cos", f64::cos),
            unary!("tan", f64::tan),
            unary!("asin", f64::asin),
            unary!("acos", f64::acos),
            unary!("atan", f64::atan),
            unary!("exp", f64::exp),
            unary!("fabs", f64::abs),
            unary!("log2", |x| if x <= 0.0 { f64::NAN } else { x.log2() }),
            unary!("log10", |x| if x <= 0.0 { f64::NAN } else { x.log10() }),
            (
                "sqrt",
                f("sqrt", |vm, a, _| {
                    let x = num(vm, &a[0])?;
                    if x < 0.0 {
                        return Err(PyErr::value_error("math domain error"));
                    }
                    Ok(Value::Float(x.sqrt()))
                }),
            ),
            (
                "log",
                f("log", |vm, a, _| {
                    if a.is_empty() || a.len() > 2 {
                        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
                    }
                    let x = num(vm, &a[0])?;
                    if x <= 0.0 {
                        return Err(PyErr::value_error("math domain error"));
                    }
                    let r = match a.get(1) {
                        Some(b) => x.ln() / num(vm, b)?.ln(),
                        None => x.ln(),
                    };
                    Ok(Value::Float(r))
                }),
            ),
            (
                "pow",
                f("pow", |vm, a, _| {
                    Ok(Value::Float(num(vm, &a[0])?.powf(num(vm, &a[1])?)))
                }),
            ),
            (
                "atan2",
                f("atan2", |vm, a, _| {
                    Ok(Value::Float(num(vm, &a[0])?.atan2(num(vm, &a[1])?)))
                }),
            ),
            (
                "hypot",
                f("hypot", |vm, a, _| {
                    let mut s = 0.0;
                    for v in a {
                        let x = num(vm, v)?;
                        s += x * x;
                    }
                    Ok(Value::Float(s.sqrt()))
                }),
            ),
            (
                "floor",
                f("floor", |vm, a, _| {
                    if crate::vm::ops::is_int(&a[0]) {
                        return Ok(a[0].clone());
                    }
                    let x = num(vm, &a[0])?;
                    float_int(x.floor())
                }),
            ),
            (
                "ceil",
                f("ceil", |vm, a, _| {
                    if crate::vm::ops::is_int(&a[0]) {
                        return Ok(a[0].clone());
                    }
                    let x = num(vm, &a[0])?;
                    float_int(x.ceil())
                }),
            ),
            (
                "trunc",
                f("trunc", |vm, a, _| {
                    if crate::vm::ops::is_int(&a[0]) {
                        return Ok(a[0].clone());
                    }
                    let x = num(vm, &a[0])?;
                    float_int(x.trunc())
                }),
            ),
            (
                "isnan",
                f("isnan", |vm, a, _| {
                    Ok(Value::Bool(num(vm, &a[0])?.is_nan()))
                }),
            ),
            (
                "isinf",
                f("isinf", |vm, a, _| {
                    Ok(Value::Bool(num(vm, &a[0])?.is_infinite()))
                }),
            ),
            (
                "isfinite",
                f("isfinite", |vm, a, _| {
                    Ok(Value::Bool(num(vm, &a[0])?.is_finite()))
                }),
            ),
            (
                "isclose",
                f("isclose", |vm, a, k| {
                    let (pos, kws) = crate::vm::builtins::split_kw(a, k);
                    if pos.len() > 2 {
                        return Err(PyErr::type_error(format!(
                            "isclose() takes exactly 2 positional arguments ({} given)",
                            pos.len()
                        )));
                    }
                    let [Some(x), Some(y)] = crate::vm::builtins::positional_or_named(
                        "isclose",
                        pos,
                        &kws,
                        &["a", "b"],
                        2,
                    )?[..] else {
                        unreachable!("both required")
                    };
                    let tolerance =
                        |vm: &mut Vm, name: &str, default: f64| match crate::vm::builtins::kwarg(
                            &kws, name,
                        ) {
                            Some(v) => num(vm, v),
                            None => Ok(default),
                        };
                    let rel_tol = tolerance(vm, "rel_tol", 1e-9)?;
                    let abs_tol = tolerance(vm, "abs_tol", 0.0)?;
                    let (x, y) = (num(vm, x)?, num(vm, y)?);
                    if rel_tol < 0.0 || abs_tol < 0.0 {
                        return Err(PyErr::value_error("tolerances must be non-negative"));
                    }
                    // As CPython's math_isclose_impl.
                    if x == y {
                        return Ok(Value::Bool(true));
                    }
                    if x.is_infinite() || y.is_infinite() {
                        return Ok(Value::Bool(false));
                    }
                    let diff = (y - x).abs();
                    Ok(Value::Bool(
                        diff <= (rel_tol * y).abs()
                            || diff <= (rel_tol * x).abs()
                            || diff <= abs_tol,
                    ))
                }),
            ),
            (
                "gcd",
                f("gcd", |vm, a, _| {
                    let mut g = num_bigint::BigInt::from(0);
                    for v in a {
                        let b = crate::vm::ops::to_big(v).ok_or_else(|| {
                            PyErr::type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                vm.type_name(v)
                            ))
                        })?;
                        g = num_integer::Integer::gcd(&g, &b);
                    }
                    Ok(Value::from_bigint(g))
                }),
            ),
            (
                "lcm",
                f("lcm", |vm, a, _| {
                    let mut l = num_bigint::BigInt::from(1);
                    for v in a {
                        let b = big_index(vm, v)?;
                        l = num_integer::Integer::lcm(&l, &b);
                    }
                    Ok(Value::from_bigint(l))
                }),
            ),
            (
                "comb",
                f("comb", |vm, a, _| {
                    let (n, k) = (big_index(vm, &a[0])?, big_index(vm, &a[1])?);
                    let k = counting_args(&n, &k)?;
                    if k > n {
                        return Ok(Value::Int(0));
                    }
                    let rest = &n - &k;
                    falling_product(&n, &k.min(rest), true)
                }),
            ),
            (
                "perm",
                f("perm", |vm, a, _| {
                    let n = big_index(vm, &a[0])?;
                    let k = match a.get(1) {
                        // perm(n) is n!, and says so when n is negative.
                        None | Some(Value::None) if num_traits::Signed::is_negative(&n) => {
                            return Err(PyErr::value_error(
                                "factorial() not defined for negative values",
                            ))
                        }
                        None | Some(Value::None) => n.clone(),
                        Some(k) => big_index(vm, k)?,
                    };
                    let k = counting_args(&n, &k)?;
                    falling_product(&n, &k, false)
                }),
            ),
            (
                "isqrt",
                f("isqrt", |vm, a, _| {
                    let n = crate::vm::ops::to_big(&a[0]).ok_or_else(|| {
                        PyErr::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            vm.type_name(&a[0])
                        ))
                    })?;
                    if num_traits::Signed::is_negative(&n) {
                        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
                    }
                    Ok(Value::from_bigint(n.sqrt()))
                }),
            ),
            (
                "factorial",
                f("factorial", |vm, a, _| {
                    let n = vm.index_value(&a[0])?;
                    if n < 0 {
                        return Err(PyErr::value_error(
                            "factorial() not defined for negative values",
                        ));
                    }
                    let mut r = num_bigint::BigInt::from(1);
                    for i in 2..=n {
                        r *= i;
                    }
                    Ok(Value::from_bigint(r))
                }),
            ),
            (
                "fsum",
                f("fsum", |vm, a, _| {
                    let items = vm.collect_iterable(&a[0])?;
                    let mut s = 0.0;
                    let mut c = 0.0;
                    for v in items {
                        let y = num(vm, &v)? - c;
                        let t = s + y;
                        c = (t - s) - y;
                        s = t;
                    }
                    Ok(Value::Float(s))
                }),
            ),
            (
                "prod",
                f("prod", |vm, a, k| {
                    let (pos, kws) = crate::vm::builtins::split_kw(a, k);
                    if pos.len() != 1 {
                        return Err(PyErr::type_error(format!(
                            "prod() takes exactly 1 positional argument ({} given)",
                            pos.len()
                        )));
                    }
                    let items = vm.collect_iterable(&pos[0])?;
                    let start = crate::vm::builtins::kwarg(&kws, "start");
                    let mut acc = start.cloned().unwrap_or(Value::Int(1));
                    for v in items {
                        acc = vm.binary_op(acc, v, 5)?;
                    }
                    Ok(acc)
                }),
            ),
            (
                "degrees",
                f("degrees", |vm, a, _| {
                    Ok(Value::Float(num(vm, &a[0])?.to_degrees()))
                }),
            ),
            (
                "radians",
                f("radians", |vm, a, _| {
                    Ok(Value::Float(num(vm, &a[0])?.to_radians()))
                }),
            ),
            (
                "copysign",
                f("copysign", |vm, a, _| {
                    Ok(Value::Float(num(vm, &a[0])?.copysign(num(vm, &a[1])?)))
                }),
            ),
        ],
    )
}

fn float_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    Ok(crate::vm::builtins::float_to_int(x))
}

/// `types.coroutine(f)`: mark a generator function's code as an iterable coroutine, so
/// its generators can be awaited and can `yield from` native coroutines.
fn types_coroutine(_vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let Some(func) = a.first() else {
        return Err(PyErr::type_error(
            "coroutine() missing required argument 'func'",
        ));
    };
    match func.payload() {
        Some(Payload::Function(fobj))
            if fobj.code.flags & crate::bytecode::flags::GENERATOR != 0 =>
        {
            let code = std::rc::Rc::new(
                fobj.code
                    .with_flags(crate::bytecode::flags::ITERABLE_COROUTINE),
            );
            Ok(Value::new_obj(Payload::Function(Box::new(
                crate::object::Function {
                    simple_argc: crate::object::func::simple_argc(&code),
                    plain_argc: crate::object::func::plain_argc(&code),
                    code,
                    globals: fobj.globals.clone(),
                    name: std::cell::RefCell::new(fobj.name.borrow().clone()),
                    qualname: std::cell::RefCell::new(fobj.qualname.borrow().clone()),
                    defaults: fobj.defaults.clone(),
                    kwdefaults: fobj.kwdefaults.clone(),
                    closure: fobj.closure.clone(),
                    dict: std::cell::RefCell::new(fobj.dict.borrow().clone()),
                    doc: fobj.doc.clone(),
                },
            ))))
        }
        _ => Ok(func.clone()),
    }
}

/// An int argument of `math.comb`/`perm`/`lcm` (through `__index__`), as a BigInt.
fn big_index(vm: &mut Vm, v: &Value) -> PyResult<num_bigint::BigInt> {
    if let Some(b) = crate::vm::ops::to_big(v).filter(|_| !matches!(v, Value::Float(_))) {
        return Ok(b);
    }
    Ok(num_bigint::BigInt::from(vm.index_value(v)?))
}

/// `comb(n, k)` / `perm(n, k)`'s checks: both non-negative; `k` past `n` counts as
/// `n + 1` (the product is then 0).
fn counting_args(n: &num_bigint::BigInt, k: &num_bigint::BigInt) -> PyResult<num_bigint::BigInt> {
    use num_traits::Signed;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    Ok(if k > n { n + 1 } else { k.clone() })
}

/// n * (n-1) * ... * (n-k+1), divided by k! when `choose`: `comb` and `perm`.
fn falling_product(
    n: &num_bigint::BigInt,
    k: &num_bigint::BigInt,
    choose: bool,
) -> PyResult<Value> {
    use num_traits::ToPrimitive;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.to_i64().ok_or_else(|| {
        let what = if choose { "min(n - k, k)" } else { "k" };
        PyErr::new(
            ExcKind::OverflowError,
            format!("{what} must not exceed 9223372036854775807"),
        )
    })? as u64;
    let mut r = num_bigint::BigInt::from(1);
    let mut i = 0u64;
    while i < k {
        r *= n - i;
        if choose {
            r /= i + 1;
        }
        i += 1;
    }
    Ok(Value::from_bigint(r))
}
