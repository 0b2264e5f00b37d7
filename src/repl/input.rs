//! When is a REPL input finished? Decided from the tokenizer's and the parser's own
//! answers, the way CPython's interactive mode decides it, never from error text.

use crate::ast::StmtKind;
use crate::lexer::IndentLayer;
use crate::parser::{self, Mode, SyntaxError};

/// What to do with the lines typed so far.
#[derive(Debug)]
pub enum Verdict {
    /// Nothing but blanks and comments: show a fresh primary prompt.
    Empty,
    /// A whole statement: run it.
    Run,
    /// Ask for a continuation line (`... `).
    More,
    /// A syntax error: report it and start over.
    Error(SyntaxError),
}

/// Classify `buf`, the lines typed so far joined with '\n' (no trailing newline).
///
/// - Inside an open bracket, a triple-quoted string or after a trailing backslash the
///   tokenizer itself is incomplete, and a blank line does not end the input.
/// - An open block (`if x:` with no body yet) is incomplete for the parser; a blank line
///   ends it, and then its error (`expected an indented block`) is reported.
/// - A compound statement (`if`, `for`, `def`, `class`, ...) runs only after a blank
///   line, even when it already parses (CPython's `compound_stmt NEWLINE`), so its body
///   can go on; a simple statement runs at once.
pub fn classify(buf: &str) -> Verdict {
    let last_blank = buf.rsplit('\n').next().is_some_and(|l| l.trim().is_empty());
    let first_line = !buf.contains('\n');
    let text = format!("{buf}\n");
    if only_blanks_and_comments(&text) {
        return if first_line || last_blank {
            Verdict::Empty
        } else {
            Verdict::More
        };
    }
    match parser::parse(&text, Mode::Interactive) {
        Ok(module) => {
            let compound = module.body.iter().any(|s| is_compound(&s.kind));
            if compound && !last_blank {
                Verdict::More
            } else {
                Verdict::Run
            }
        }
        Err(e) if e.incomplete && (!last_blank || inside_token_or_bracket(&text)) => Verdict::More,
        Err(e) => Verdict::Error(e),
    }
}

/// Does the tokenizer itself stop short (open bracket, triple-quoted string, trailing
/// backslash)? Then blank lines belong to the input and do not end it.
fn inside_token_or_bracket(text: &str) -> bool {
    IndentLayer::new(text).any(|t| t.is_err_and(|e| e.incomplete))
}

fn only_blanks_and_comments(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim_start();
        l.is_empty() || l.starts_with('#')
    })
}

fn is_compound(kind: &StmtKind) -> bool {
    matches!(
        kind,
        StmtKind::If { .. }
            | StmtKind::While { .. }
            | StmtKind::For { .. }
            | StmtKind::With { .. }
            | StmtKind::Try { .. }
            | StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(buf: &str) -> &'static str {
        match classify(buf) {
            Verdict::Empty => "empty",
            Verdict::Run => "run",
            Verdict::More => "more",
            Verdict::Error(_) => "error",
        }
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(verdict("x = 1"), "run");
        assert_eq!(verdict("x = 1; y = 2"), "run");
        assert_eq!(verdict("await t"), "run");
        assert_eq!(verdict("x = [1,\n 2]"), "run");
    }

    #[test]
    fn open_tokens_ask_for_more_even_after_blank_lines() {
        assert_eq!(verdict("x = [1,"), "more");
        assert_eq!(verdict("x = [1,\n"), "more");
        assert_eq!(verdict("s = '''abc"), "more");
        assert_eq!(verdict("s = '''abc\n"), "more");
        assert_eq!(verdict("x = 1 + \\"), "more");
    }

    #[test]
    fn compound_statements_end_with_a_blank_line() {
        assert_eq!(verdict("if x:"), "more");
        assert_eq!(verdict("def f():\n    return 1"), "more");
        assert_eq!(verdict("def f():\n    return 1\n"), "run");
        assert_eq!(verdict("if 1: print(1)"), "more");
        assert_eq!(verdict("if 1: print(1)\n"), "run");
        assert_eq!(verdict("class A:\n    x = 1"), "more");
        assert_eq!(verdict("@dec"), "more");
    }

    #[test]
    fn a_blank_line_after_an_empty_block_is_an_error() {
        match classify("if x:\n") {
            Verdict::Error(e) => assert_eq!(
                e.to_string(),
                "IndentationError: expected an indented block after 'if' statement on line 1"
            ),
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn errors_and_blank_input() {
        assert_eq!(verdict("x = )"), "error");
        assert_eq!(verdict("def broken(:"), "error");
        assert_eq!(verdict("x = (1 2"), "error");
        assert_eq!(verdict("1 +"), "error");
        assert_eq!(verdict(""), "empty");
        assert_eq!(verdict("   # just a comment"), "empty");
        assert_eq!(verdict("if x:\n    # comment"), "more");
    }
}
