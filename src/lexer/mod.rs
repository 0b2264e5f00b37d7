//! The tokenizer: a logos lexer (`token`) under an indentation layer (`indent`).

pub mod indent;
pub mod token;

pub use indent::{IndentLayer, Spanned};
pub use token::Token;

use crate::parser::{Mode, SyntaxError};

/// The token stream the parser consumes: a mode marker, then the logical tokens
/// of `src`, ending with `EndMarker` (or with the first error).
pub fn tokenize(src: &str, mode: Mode) -> impl Iterator<Item = Result<Spanned<'_>, SyntaxError>> {
    let marker = match mode {
        Mode::Module => Token::StartModule,
        Mode::Interactive => Token::StartInteractive,
        Mode::Eval => Token::StartEval,
    };
    std::iter::once(Ok((0, marker, 0))).chain(IndentLayer::new(src))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::SyntaxErrorKind;

    /// Renders the token stream compactly: names and literals by their text,
    /// synthesized tokens in angle brackets.
    fn toks(src: &str) -> String {
        let mut out = Vec::new();
        for t in IndentLayer::new(src) {
            match t {
                Ok((s, tok, e)) => out.push(match tok {
                    Token::Newline => "<NL>".to_string(),
                    Token::Indent => {
                        assert_eq!(s, e, "zero-width indent");
                        "<IN>".to_string()
                    }
                    Token::Dedent => {
                        assert_eq!(s, e, "zero-width dedent");
                        "<DE>".to_string()
                    }
                    Token::EndMarker => "<END>".to_string(),
                    _ => src[s..e].to_string(),
                }),
                Err(e) => out.push(format!("!{:?}:{}@{}", e.kind, e.msg, e.span.start)),
            }
        }
        out.join(" ")
    }

    #[test]
    fn simple_lines() {
        assert_eq!(toks("x = 1\n"), "x = 1 <NL> <END>");
        assert_eq!(toks("x = 1"), "x = 1 <NL> <END>");
        assert_eq!(toks(""), "<END>");
        assert_eq!(toks("\n\n  \n# c\n"), "<END>");
        assert_eq!(toks("a; b\r\nc\rd"), "a ; b <NL> c <NL> d <NL> <END>");
    }

    #[test]
    fn indentation() {
        assert_eq!(
            toks("if x:\n    a\n    b\nc\n"),
            "if x : <NL> <IN> a <NL> b <NL> <DE> c <NL> <END>"
        );
        assert_eq!(
            toks("if x:\n  if y:\n    a\nb"),
            "if x : <NL> <IN> if y : <NL> <IN> a <NL> <DE> <DE> b <NL> <END>"
        );
        // Dedents at end of input.
        assert_eq!(
            toks("if x:\n  if y:\n    a\n"),
            "if x : <NL> <IN> if y : <NL> <IN> a <NL> <DE> <DE> <END>"
        );
        // Blank and comment-only lines at any indentation are invisible.
        assert_eq!(
            toks("if x:\n\n    a\n  # c\n        \n    b\n"),
            "if x : <NL> <IN> a <NL> b <NL> <DE> <END>"
        );
        // A tab is equivalent to 8 spaces when used consistently.
        assert_eq!(
            toks("if x:\n\ta\n\tb\n"),
            "if x : <NL> <IN> a <NL> b <NL> <DE> <END>"
        );
        // A form feed resets the column.
        assert_eq!(toks("a\n\x0cb\n"), "a <NL> b <NL> <END>");
        // Byte order mark.
        assert_eq!(toks("\u{feff}a\n"), "a <NL> <END>");
    }

    #[test]
    fn brackets_and_continuations() {
        assert_eq!(toks("x = (1,\n  2)\ny"), "x = ( 1 , 2 ) <NL> y <NL> <END>");
        assert_eq!(toks("x = [\n\n# c\n]\n"), "x = [ ] <NL> <END>");
        assert_eq!(toks("x = 1 + \\\n    2\n"), "x = 1 + 2 <NL> <END>");
        assert_eq!(
            toks("if a:\n    x = \\\n1\n    y\n"),
            "if a : <NL> <IN> x = 1 <NL> y <NL> <DE> <END>"
        );
        assert_eq!(toks("{[()]}"), "{ [ ( ) ] } <NL> <END>");
    }

    #[test]
    fn indentation_errors() {
        assert_eq!(
            toks("if x:\n    a\n  b\n"),
            "if x : <NL> <IN> a <NL> !IndentationError:unindent does not match any outer indentation level@14"
        );
        assert_eq!(
            toks("if x:\n\tif y:\n        z\n"),
            "if x : <NL> <IN> if y : <NL> !TabError:inconsistent use of tabs and spaces in indentation@13"
        );
        assert_eq!(
            toks("if x:\n        a\n\tb\n"),
            "if x : <NL> <IN> a <NL> !TabError:inconsistent use of tabs and spaces in indentation@16"
        );
        let deep: String = (0..101)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect();
        assert!(toks(&deep).ends_with("!IndentationError:too many levels of indentation@5550"));
    }

    #[test]
    fn bracket_errors() {
        assert_eq!(toks("x = )"), "x = !SyntaxError:unmatched ')'@4");
        assert_eq!(
            toks("(]"),
            "( !SyntaxError:closing parenthesis ']' does not match opening parenthesis '('@1"
        );
        assert_eq!(
            toks("(\n]"),
            "( !SyntaxError:closing parenthesis ']' does not match opening parenthesis '(' on line 1@2"
        );
        assert_eq!(
            toks("f(a,\n b"),
            "f ( a , b !SyntaxError:'(' was never closed@1"
        );
    }

    #[test]
    fn literal_tokens() {
        assert_eq!(
            toks("rb'a' F\"b\" '''c\n''' u'd' 1_0 0x1F 1.5e-3j .5 1."),
            "rb'a' F\"b\" '''c\n''' u'd' 1_0 0x1F 1.5e-3j .5 1. <NL> <END>"
        );
        assert_eq!(toks("1if x else 2"), "1 if x else 2 <NL> <END>");
        assert_eq!(toks("a...b->c:=d"), "a ... b -> c := d <NL> <END>");
        assert_eq!(toks("x.__class__"), "x . __class__ <NL> <END>");
        assert_eq!(toks("ab_1 é π"), "ab_1 é π <NL> <END>");
    }

    #[test]
    fn lexical_errors() {
        assert_eq!(
            toks("'abc"),
            "!SyntaxError:unterminated string literal (detected at line 1)@0"
        );
        assert_eq!(
            toks("x\n'''abc\n\n"),
            "x <NL> !SyntaxError:unterminated triple-quoted string literal (detected at line 4)@2"
        );
        assert_eq!(toks("1abc"), "!SyntaxError:invalid decimal literal@0");
        assert_eq!(toks("€"), "!SyntaxError:invalid character '€' (U+20AC)@0");
        assert_eq!(
            toks("a\u{a0}"),
            "!SyntaxError:invalid non-printable character U+00A0@1"
        );
        assert_eq!(
            toks("a\0"),
            "!SyntaxError:source code cannot contain null bytes@1"
        );
        assert_eq!(
            toks("a \\ b"),
            "a !SyntaxError:unexpected character after line continuation character@2"
        );
        assert_eq!(
            toks("a \\"),
            "a !SyntaxError:unexpected EOF while parsing@2"
        );
    }

    #[test]
    fn incomplete_flags() {
        let incomplete = |src: &str| {
            IndentLayer::new(src)
                .find_map(|t| t.err())
                .map(|e| (e.kind == SyntaxErrorKind::SyntaxError, e.incomplete))
        };
        assert_eq!(incomplete("f(1,"), Some((true, true)));
        assert_eq!(incomplete("'''abc"), Some((true, true)));
        assert_eq!(incomplete("x = 1 + \\\n"), Some((true, true)));
        assert_eq!(incomplete("'abc"), Some((true, false)));
        assert_eq!(incomplete("x = )"), Some((true, false)));
        assert_eq!(incomplete("x = 1"), None);
    }

    #[test]
    fn mode_marker_first() {
        let first = |m| tokenize("x", m).next().unwrap().unwrap().1;
        assert_eq!(first(Mode::Module), Token::StartModule);
        assert_eq!(first(Mode::Interactive), Token::StartInteractive);
        assert_eq!(first(Mode::Eval), Token::StartEval);
    }
}
