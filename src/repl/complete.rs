//! Tab completion for the REPL: keywords, globals, builtins and `obj.attr`.

use crate::object::{Payload, Value};
use crate::Interpreter;

/// Python 3.11's keywords (`keyword.kwlist`) plus the soft keywords people type.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Where the word to complete starts in `before` (the line up to the cursor): the
/// trailing run of identifier characters and dots.
pub fn word_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Candidates for `word`, a dotted name: like CPython's rlcompleter, a callable global
/// gets a `(`, and names starting with `_` are offered only once the prefix asks.
/// Completing `a.b.` evaluates `a.b` (name lookups and attribute loads only, as
/// rlcompleter does); an error there just means no candidates.
pub fn completions(interp: &mut Interpreter, word: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    match word.rsplit_once('.') {
        Some((path, prefix)) => {
            if let Some(obj) = eval_dotted(interp, path) {
                for n in dir(interp, obj) {
                    let hidden = match prefix {
                        "" => n.starts_with('_'),
                        "_" => n.starts_with("__"),
                        _ => false,
                    };
                    if n.starts_with(prefix) && !hidden {
                        out.push(format!("{path}.{n}"));
                    }
                }
            }
        }
        None => {
            out.extend(
                KEYWORDS
                    .iter()
                    .filter(|k| k.starts_with(word))
                    .map(|k| k.to_string()),
            );
            let namespaces = [interp.globals().clone(), interp.vm.builtins.clone()];
            for ns in namespaces {
                let items: Vec<(Value, Value)> = match &ns.payload {
                    Payload::Dict(d) => d.borrow().items(),
                    _ => vec![],
                };
                for (k, v) in items {
                    let Some(k) = k.as_pystr() else { continue };
                    let k = k.as_str();
                    if k.starts_with(word) && (!k.starts_with('_') || word.starts_with('_')) {
                        let paren = if crate::vm::builtins::is_callable(&interp.vm, &v) {
                            "("
                        } else {
                            ""
                        };
                        out.push(format!("{k}{paren}"));
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The value of `a` or `a.b.c` in the REPL's namespace, if it has one.
fn eval_dotted(interp: &mut Interpreter, path: &str) -> Option<Value> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let globals = interp.globals().clone();
    let mut v = crate::vm::namespace_get(&globals, first)
        .or_else(|| crate::vm::namespace_get(&interp.vm.builtins.clone(), first))?;
    for p in parts {
        v = interp.vm.getattr(&v, &Value::str(p)).ok()?;
    }
    Some(v)
}

/// `dir(obj)` as strings; empty if it fails.
fn dir(interp: &mut Interpreter, obj: Value) -> Vec<String> {
    let Some(dir) = crate::vm::namespace_get(&interp.vm.builtins.clone(), "dir") else {
        return vec![];
    };
    let Ok(names) = interp.vm.call_with(&dir, [obj]) else {
        return vec![];
    };
    match names.payload() {
        Some(Payload::List(l)) => l
            .borrow()
            .iter()
            .filter_map(|n| n.as_pystr().map(|s| s.as_str().to_string()))
            .collect(),
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_start_after_the_last_non_name_character() {
        assert_eq!(word_start("print(gen.gi_fr"), 6);
        assert_eq!(word_start("x"), 0);
        assert_eq!(word_start("a + é"), 4);
    }

    #[test]
    fn completes_names_keywords_and_attributes() {
        let mut interp = Interpreter::new();
        interp
            .run_source(
                "<t>",
                "import asyncio\ncounter = 1\ndef cube(x): return x ** 3\n",
            )
            .ok()
            .unwrap();
        assert_eq!(completions(&mut interp, "cu"), ["cube("]);
        assert_eq!(completions(&mut interp, "cou"), ["counter"]);
        assert!(completions(&mut interp, "whi").contains(&"while".to_string()));
        assert!(completions(&mut interp, "pri").contains(&"print(".to_string()));
        let attrs = completions(&mut interp, "asyncio.create_t");
        assert_eq!(attrs, ["asyncio.create_task"]);
        assert!(completions(&mut interp, "counter.").contains(&"counter.bit_length".to_string()));
        assert!(!completions(&mut interp, "counter.")
            .iter()
            .any(|n| n.contains("__")));
        assert!(completions(&mut interp, "nosuch.x").is_empty());
    }
}
