//! Tokenizer + parser + compiler on arbitrary bytes: any input gives a code object or a
//! SyntaxError, never a panic, a hang or a native stack overflow. The REPL's "is this
//! input finished?" answer is checked on the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyco::compiler::CompileMode;
use pyco::Interpreter;

fuzz_target!(|data: &[u8]| {
    // The CLI rejects invalid UTF-8 before parsing, as CPython does.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = text.to_string();
    // pyco runs on a thread with a large stack (see src/main.rs); so does the fuzzer.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let interp = Interpreter::new();
            for mode in [CompileMode::Module, CompileMode::Interactive, CompileMode::Eval] {
                let _ = interp.compile("<fuzz>", &text, mode);
            }
            let _ = pyco::repl::input::classify(&text);
        })
        .unwrap()
        .join()
        .unwrap();
});
