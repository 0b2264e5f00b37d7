//! The indentation layer: turns logos' raw tokens into Python's logical token
//! stream with NEWLINE / INDENT / DEDENT, the way CPython's tokenizer does.
//!
//! - Newlines inside brackets, blank lines and comment-only lines are dropped.
//! - Backslash-newline joins physical lines.
//! - INDENT/DEDENT are zero-width, placed at the first token of the line.
//! - At end of input: an open bracket is an error; otherwise NEWLINE (if the
//!   last line had tokens), one DEDENT per open block, then ENDMARKER.

use super::token::{line_of, LexError, Token};
use crate::ast::Span;
use crate::parser::{SyntaxError, SyntaxErrorKind};
use logos::Logos;
use std::collections::VecDeque;

/// A token with its byte range in the source.
pub type Spanned<'s> = (usize, Token<'s>, usize);

/// CPython's MAXLEVEL: how deeply brackets may nest.
pub const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's MAXINDENT: how many indentation levels may be open.
pub const MAX_INDENT_DEPTH: usize = 100;

pub struct IndentLayer<'s> {
    src: &'s str,
    lex: logos::Lexer<'s, Token<'s>>,
    pending: VecDeque<Spanned<'s>>,
    /// Indentation stack of (column with tabs to 8, column with tabs as 1).
    indents: Vec<(u32, u32)>,
    /// Open brackets: (the bracket byte, its offset).
    brackets: Vec<(u8, usize)>,
    /// Lexing an f-string replacement field: behave as if inside brackets.
    implicit_paren: bool,
    /// No token seen yet on the current logical line.
    at_line_start: bool,
    /// Offset of the current physical line's first byte.
    line_start: usize,
    /// End offset of the range being lexed.
    end: usize,
    /// End of the last token emitted (where end-of-input tokens are placed).
    last_end: usize,
    done: bool,
    checked_nul: bool,
}

fn err(kind: SyntaxErrorKind, msg: impl Into<String>, start: usize, end: usize) -> SyntaxError {
    SyntaxError {
        kind,
        msg: msg.into(),
        span: Span::new(start, end),
        incomplete: false,
    }
}

fn syntax(msg: impl Into<String>, start: usize, end: usize) -> SyntaxError {
    err(SyntaxErrorKind::SyntaxError, msg, start, end)
}

impl<'s> IndentLayer<'s> {
    /// Tokenizes a whole source text.
    pub fn new(src: &'s str) -> IndentLayer<'s> {
        let mut layer = IndentLayer::range(src, 0, src.len(), false);
        if src.starts_with('\u{feff}') {
            layer.lex.bump(3);
            layer.line_start = 3;
        }
        layer
    }

    /// Tokenizes `src[start..end]`, with spans relative to the whole of `src`.
    /// With `implicit_paren`, the text is treated as if inside brackets
    /// (no NEWLINE/INDENT/DEDENT), as for an f-string replacement field.
    pub fn range(src: &'s str, start: usize, end: usize, implicit_paren: bool) -> IndentLayer<'s> {
        let mut lex = Token::lexer(&src[..end]);
        lex.bump(start);
        IndentLayer {
            src,
            lex,
            pending: VecDeque::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            implicit_paren,
            at_line_start: !implicit_paren,
            line_start: start,
            end,
            last_end: start,
            done: false,
            checked_nul: implicit_paren,
        }
    }

    fn in_brackets(&self) -> bool {
        self.implicit_paren || !self.brackets.is_empty()
    }

    /// Measures the indentation in `src[from..to]` as CPython does.
    fn measure(&self, from: usize, to: usize) -> (u32, u32) {
        let (mut col, mut alt) = (0u32, 0u32);
        for &b in &self.src.as_bytes()[from..to] {
            match b {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => {}
            }
        }
        (col, alt)
    }

    /// Called for the first token of a logical line starting at `pos`.
    fn indentation(&mut self, pos: usize) -> Result<(), SyntaxError> {
        let (col, alt) = self.measure(self.line_start, pos);
        let &(top, top_alt) = self.indents.last().unwrap();
        let tab_error = || {
            err(
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                self.line_start,
                pos,
            )
        };
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return Err(err(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    self.line_start,
                    pos,
                ));
            }
            if alt <= top_alt {
                return Err(tab_error());
            }
            self.indents.push((col, alt));
            self.pending.push_back((pos, Token::Indent, pos));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                self.indents.pop();
                self.pending.push_back((pos, Token::Dedent, pos));
            }
            let &(top, top_alt) = self.indents.last().unwrap();
            if col != top {
                return Err(err(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    pos,
                    pos,
                ));
            }
            if alt != top_alt {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    fn bracket(&mut self, tok: Token<'s>, start: usize) -> Result<(), SyntaxError> {
        let close = match tok {
            Token::LParen | Token::LSqb | Token::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(syntax("too many nested parentheses", start, start + 1));
                }
                self.brackets.push((self.src.as_bytes()[start], start));
                return Ok(());
            }
            Token::RParen => b'(',
            Token::RSqb => b'[',
            Token::RBrace => b'{',
            _ => return Ok(()),
        };
        let c = self.src.as_bytes()[start] as char;
        match self.brackets.pop() {
            None => Err(syntax(format!("unmatched '{c}'"), start, start + 1)),
            Some((open, open_pos)) if open != close => {
                let open_line = line_of(self.src, open_pos);
                let msg = if open_line != line_of(self.src, start) {
                    format!(
                        "closing parenthesis '{c}' does not match opening parenthesis '{}' on line {open_line}",
                        open as char
                    )
                } else {
                    format!(
                        "closing parenthesis '{c}' does not match opening parenthesis '{}'",
                        open as char
                    )
                };
                Err(syntax(msg, start, start + 1))
            }
            Some(_) => Ok(()),
        }
    }

    fn at_eof(&mut self) -> Result<(), SyntaxError> {
        if let Some(&(open, pos)) = self.brackets.last() {
            let mut e = syntax(format!("'{}' was never closed", open as char), pos, pos + 1);
            e.incomplete = true;
            return Err(e);
        }
        // CPython points end-of-input errors at the end of the last token.
        let end = self.last_end;
        if !self.at_line_start && !self.implicit_paren {
            self.pending.push_back((end, Token::Newline, end));
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.pending.push_back((end, Token::Dedent, end));
        }
        self.pending.push_back((end, Token::EndMarker, end));
        Ok(())
    }

    /// Only whitespace (and newlines) left after `pos`?
    fn nothing_after(&self, pos: usize) -> bool {
        self.src[pos..self.end]
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b'\n' | b'\r'))
    }

    fn advance(&mut self) -> Result<(), SyntaxError> {
        loop {
            let Some(res) = self.lex.next() else {
                return self.at_eof();
            };
            let std::ops::Range { start, end } = self.lex.span();
            let tok = match res {
                Ok(tok) => tok,
                Err(e) => return Err(lex_error(self.src, e, start, end)),
            };
            match tok {
                Token::RawNewline => {
                    if self.in_brackets() {
                        continue;
                    }
                    self.line_start = end;
                    if self.at_line_start {
                        // A blank or comment-only line.
                        continue;
                    }
                    self.at_line_start = true;
                    self.pending.push_back((start, Token::Newline, end));
                    return Ok(());
                }
                Token::Continuation => {
                    if self.nothing_after(end) {
                        let mut e = syntax("unexpected EOF while parsing", start, end);
                        e.incomplete = true;
                        return Err(e);
                    }
                    if self.at_line_start && !self.in_brackets() {
                        self.indentation(start)?;
                        self.at_line_start = false;
                        if !self.pending.is_empty() {
                            return Ok(());
                        }
                    }
                    continue;
                }
                Token::StrayBackslash => {
                    if self.nothing_after(end) {
                        let mut e = syntax("unexpected EOF while parsing", start, end);
                        e.incomplete = true;
                        return Err(e);
                    }
                    return Err(syntax(
                        "unexpected character after line continuation character",
                        start,
                        end,
                    ));
                }
                _ => {
                    if self.at_line_start && !self.in_brackets() {
                        self.indentation(start)?;
                    }
                    self.at_line_start = false;
                    self.bracket(tok, start)?;
                    self.last_end = end;
                    self.pending.push_back((start, tok, end));
                    return Ok(());
                }
            }
        }
    }
}

/// Converts a raw lexer error into a `SyntaxError`.
pub fn lex_error(src: &str, e: LexError, start: usize, end: usize) -> SyntaxError {
    let incomplete = e.incomplete;
    let (msg, s, en) = e.describe(src, start, end);
    let mut e = syntax(msg, s, en);
    e.incomplete = incomplete;
    e
}

impl<'s> Iterator for IndentLayer<'s> {
    type Item = Result<Spanned<'s>, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(t) = self.pending.pop_front() {
            return Some(Ok(t));
        }
        if self.done {
            return None;
        }
        if !self.checked_nul {
            self.checked_nul = true;
            if let Some(pos) = self.src.find('\0') {
                self.done = true;
                return Some(Err(syntax(
                    "source code cannot contain null bytes",
                    pos,
                    pos + 1,
                )));
            }
        }
        match self.advance() {
            Ok(()) => {
                if self.pending.back().map(|t| t.1) == Some(Token::EndMarker) {
                    self.done = true;
                }
                self.pending.pop_front().map(Ok)
            }
            Err(e) => {
                self.done = true;
                // Tokens queued before the error (dedents) are dropped: the error wins.
                self.pending.clear();
                Some(Err(e))
            }
        }
    }
}
