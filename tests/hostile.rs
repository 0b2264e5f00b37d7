//! Hostile inputs generated at test time (too large to check in): pyco must give
//! CPython 3.11's exit status and last stderr line, never crash or hang.
//! Expected lines were recorded by running the same inputs under python3 3.11.7.

use std::process::Command;

fn run(name: &str, source: &[u8]) -> (Option<i32>, String, String) {
    let dir = std::env::temp_dir().join(format!("pyco-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string();
    (
        out.status.code(),
        last,
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn hundred_thousand_nested_parentheses() {
    let src = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let (code, last, _) = run("parens.py", src.as_bytes());
    assert_eq!(code, Some(1));
    assert_eq!(last, "SyntaxError: too many nested parentheses");
}

#[test]
fn unclosed_bracket_at_eof_loses_no_output() {
    let (code, last, out) = run("unclosed.py", b"print('hi')\nx = (1,\n  2,\n");
    assert_eq!(code, Some(1));
    assert_eq!(last, "SyntaxError: '(' was never closed");
    assert_eq!(out, "", "nothing runs when the file does not parse");
}

#[test]
fn nul_byte() {
    let (code, last, _) = run("nul.py", b"print('a')\nx = 1\x00\n");
    assert_eq!(code, Some(1));
    assert_eq!(last, "SyntaxError: source code cannot contain null bytes");
}

#[test]
fn invalid_utf8() {
    let (code, last, _) = run("badutf8.py", b"print('a')\nx = '\xff\xfe'\n");
    assert_eq!(code, Some(1));
    assert!(
        last.starts_with("SyntaxError: Non-UTF-8 code starting with '\\xff' in file ")
            && last.ends_with("on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"),
        "{}",
        last
    );
}

#[test]
fn deep_binary_expression_is_a_compile_recursion_error() {
    let src = format!("x = {}1\nprint(x)\n", "1+".repeat(100_000));
    let (code, last, _) = run("deepexpr.py", src.as_bytes());
    assert_eq!(code, Some(1));
    assert_eq!(
        last,
        "RecursionError: maximum recursion depth exceeded during compilation"
    );
}

#[test]
fn ten_thousand_digit_literal() {
    let src = format!("x = {}\nprint(x)\n", "9".repeat(10_000));
    let (code, last, _) = run("bigliteral.py", src.as_bytes());
    assert_eq!(code, Some(1));
    assert_eq!(
        last,
        "SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: value has 10000 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
    );
}

#[test]
fn one_megabyte_source() {
    let mut src: String = (0..60_000)
        .map(|i| format!("v{} = {} * 2 + {}\n", i, i, i % 7))
        .collect();
    src.push_str("print(v59999)\n");
    assert!(src.len() > 1_000_000);
    let (code, _, out) = run("onemb.py", src.as_bytes());
    assert_eq!(code, Some(0));
    assert_eq!(out, "120000\n");
}

// Where CPython 3.11.7 itself crashes (segmentation fault, exit 139) pyco must not:
// the expected results below are what the programs mean, checked by hand.

/// 20,000 async generators, each iterating the next, under the recursion limit `limit`.
fn nested_async_generators(limit: u32) -> String {
    format!(
        "import asyncio, sys
sys.setrecursionlimit({limit})
async def base():
    yield 1
async def wrap(g):
    async for x in g:
        yield x
async def main():
    g = base()
    for _ in range(20000):
        g = wrap(g)
    async for x in g:
        print('got', x)
try:
    asyncio.run(main())
except RecursionError as e:
    print('RecursionError')
"
    )
}

/// The loop resumes each level's `async for` awaitable itself (`Ret::AsyncSend`), so
/// 20,000 levels within the recursion limit run without Rust recursion.
#[test]
fn twenty_thousand_nested_async_generators_run() {
    let (code, _, out) = run("deepagen.py", nested_async_generators(100_000).as_bytes());
    assert_eq!(code, Some(0));
    assert_eq!(out, "got 1\n");
}

/// Past the recursion limit the same chain is a RecursionError (as in CPython, which
/// gets this far before its C stack runs out).
#[test]
fn nested_async_generators_past_the_limit_are_a_recursion_error() {
    let (code, _, out) = run("deepagen2.py", nested_async_generators(5_000).as_bytes());
    assert_eq!(code, Some(0));
    assert_eq!(out, "RecursionError\n");
}

#[test]
fn fifty_thousand_deep_await_chain_runs() {
    let src = b"import asyncio, sys
sys.setrecursionlimit(200000)
async def chain(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await chain(n - 1)
print(asyncio.run(chain(50000)))
";
    let (code, _, out) = run("deepawait.py", src);
    assert_eq!(code, Some(0));
    assert_eq!(out, "50000\n");
}

#[test]
fn absurd_sizes_are_memory_errors_at_once() {
    // The allocator reserves lazily: without an up-front check these would fill memory
    // page by page instead of failing as CPython's malloc does.
    for (i, expr) in [
        "[0] * 10**10",
        "'a' * 10**11",
        "b'ab' * 10**11",
        "(1, 2) * 2**62",
        "list(range(10**10))",
    ]
    .iter()
    .enumerate()
    {
        let src = format!("print('before')\nx = {expr}\n");
        let (code, last, out) = run(&format!("absurd{i}.py"), src.as_bytes());
        assert_eq!(
            (code, last.as_str(), out.as_str()),
            (Some(1), "MemoryError", "before\n"),
            "{expr}"
        );
    }
    let (code, last, _) = run("overflow.py", b"x = [0] * 2**63\n");
    assert_eq!(code, Some(1));
    assert_eq!(
        last,
        "OverflowError: cannot fit 'int' into an index-sized integer"
    );
}

#[test]
fn every_builtin_and_method_survives_odd_arguments() {
    // Each builtin, and each method of common objects, called with no arguments, too
    // many, wrong types, huge ints and objects whose dunders raise: an exception every
    // time, never an abort. (classmethod(), slice() and a dozen methods used to index
    // their arguments unchecked; a native that still panics becomes a SystemError.)
    let src = br#"
class Weird:
    def __index__(self): return 2**70
    def __len__(self): return -1
    def __iter__(self): return self
    def __next__(self): raise ValueError("boom")
    def __eq__(self, o): raise RuntimeError("eq")
W = Weird()
args_list = [(), (1,), (None,), ('a',), ([1],), (1, 2), ('a', 1), (1, 'a'), (None, None),
             (-1,), (2**70,), (1.5,), (W,), (W, W), ('', ''), ('a', 'b', 2), (0, 0, 0, 0)]
skip = {'input', 'exit', 'quit', 'help', 'breakpoint', 'open', 'print', 'eval', 'exec',
        'compile', '__import__', '__build_class__'}
b = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__)
callables = [f for n, f in sorted(b.items()) if n not in skip and callable(f)]
samples = [1, 2**70, 1.5, 'abc', b'xy', [3, 1, 2], (1, 2), {'a': 1}, {1, 2},
           frozenset({3}), range(5), None, True, slice(1, 2), object()]
for obj in samples:
    for name in dir(obj):
        if name in ('__init_subclass__', '__new__', '__init__', '__class__'):
            continue
        try:
            m = getattr(obj, name)
        except BaseException:
            continue
        if callable(m):
            callables.append(m)
n = 0
for f in callables:
    for args in args_list:
        try:
            r = f(*args)
            if hasattr(r, '__next__'):
                for _ in range(3):
                    next(r)
        except BaseException:
            pass
        n += 1
print("survived", n > 1000)
"#;
    let (code, _, out) = run("odd_arguments.py", src);
    assert_eq!((code, out.as_str()), (Some(0), "survived True\n"));
    // And no native panicked on the way (the SystemError net would hide it otherwise).
    let path = std::env::temp_dir()
        .join(format!("pyco-hostile-{}", std::process::id()))
        .join("odd_arguments.py");
    let o = Command::new(env!("CARGO_BIN_EXE_pyco"))
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
