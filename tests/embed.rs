//! Embedding: interpreters created one after another on a thread free what they made,
//! cycles included (module namespaces and the functions and classes referring back to
//! them), so a host running many programs does not grow. (One test in this file: it
//! reads the process's RSS, which other tests' threads would disturb.)

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[test]
fn dropped_interpreters_free_their_cycles() {
    let program = "import asyncio\n\
                   class Node:\n    def __init__(self):\n        self.me = self\n\
                   def f():\n    return f\n\
                   async def main():\n    await asyncio.sleep(0)\n    return Node()\n\
                   asyncio.run(main())\n";
    let run = || {
        let mut interp = pyco::Interpreter::new();
        assert!(interp.run_source("<embed>", program).is_ok());
        interp.finalize();
    };
    for _ in 0..20 {
        run(); // warm up the allocator and the thread's tables
    }
    let before = rss_kib();
    let n = 300;
    for _ in 0..n {
        run();
    }
    let per_interpreter = rss_kib().saturating_sub(before) / n;
    // Each interpreter that kept its asyncio module alive used to leave ~870 KiB.
    assert!(
        per_interpreter < 100,
        "{per_interpreter} KiB kept per interpreter"
    );
}
