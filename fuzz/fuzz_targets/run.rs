//! Arbitrary programs run under an execution budget: whatever they do, pyco ends with a
//! result or a Python exception, never a panic, a hang or a native stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyco::vm::budget::Limits;
use pyco::Interpreter;
use std::time::Duration;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = text.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut interp = Interpreter::new();
            interp.set_limits(Limits {
                instructions: Some(200_000),
                time: Some(Duration::from_secs(2)),
                memory: Some(2 << 30),
            });
            let _ = interp.run_source("<fuzz>", &text);
            interp.finalize();
        })
        .unwrap()
        .join()
        .unwrap();
});
