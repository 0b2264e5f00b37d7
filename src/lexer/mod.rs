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
