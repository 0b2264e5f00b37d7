//! Micro-benchmarks of the mechanisms pyco is about: a Python call and return, resuming a
//! generator, SEND through a `yield from` chain, a task switch in the event loop, and an
//! attribute load. Each runs a small compiled program (setup outside the timing) whose
//! loop does the operation 1,000 times. `cargo bench` runs them; `cargo test` never does.

use criterion::{criterion_group, criterion_main, Criterion};
use pyco::compiler::CompileMode;
use pyco::Interpreter;
use std::hint::black_box;

/// Run `setup` once, then time running `body` (which does its operation 1,000 times).
fn bench(c: &mut Criterion, name: &str, setup: &str, body: &str) {
    let mut interp = Interpreter::new();
    if interp.run_source("<setup>", setup).is_err() {
        panic!("{name}: setup failed");
    }
    let code = interp
        .compile("<bench>", body, CompileMode::Module)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let globals = interp.globals().clone();
    c.bench_function(name, |b| {
        b.iter(|| {
            let r = interp.vm.run_code(code.clone(), globals.clone());
            black_box(r.is_ok())
        })
    });
}

fn mechanisms(c: &mut Criterion) {
    bench(
        c,
        "call_return_x1000",
        "def f(a, b):\n    return a\n",
        "for i in range(1000):\n    f(i, 2)\n",
    );
    bench(
        c,
        "generator_resume_x1000",
        "def gen(n):\n    for i in range(n):\n        yield i\n",
        "for x in gen(1000):\n    pass\n",
    );
    bench(
        c,
        "send_through_yield_from_depth5_x1000",
        "def leaf():\n    total = 0\n    while True:\n        total += yield total\n\
         def mid(g):\n    return (yield from g)\n\
         def chain():\n    g = leaf()\n    for _ in range(5):\n        g = mid(g)\n    return g\n",
        "g = chain()\nnext(g)\nfor i in range(1000):\n    g.send(i)\n",
    );
    bench(
        c,
        "task_switch_10_tasks_x100",
        "import asyncio\n\
         async def worker(n):\n    for _ in range(n):\n        await asyncio.sleep(0)\n\
         async def main():\n    await asyncio.gather(*[worker(100) for _ in range(10)])\n",
        "asyncio.run(main())\n",
    );
    bench(
        c,
        "attribute_load_x1000",
        "class P:\n    def __init__(self):\n        self.x = 1\np = P()\n",
        "for i in range(1000):\n    p.x\n",
    );
}

criterion_group!(benches, mechanisms);
criterion_main!(benches);
