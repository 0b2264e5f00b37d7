//! The raw token set, recognised by a logos state machine.
//!
//! Names, numbers and strings borrow their text from the source; decoding
//! happens in the grammar actions (see `parser::helpers`). A few variants are
//! never produced by logos: `Newline`, `Indent`, `Dedent` and `EndMarker` come
//! from the indentation layer, the `Start*` markers select the grammar's mode,
//! and `WithLParen` is the `(` of a parenthesized `with` item list.

use logos::{Lexer, Logos};
use std::borrow::Cow;

/// An error found by the raw lexer; converted to a `SyntaxError` by the indent layer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LexError {
    /// `None`: the generic "invalid character" error for the text at the error span.
    pub msg: Option<Cow<'static, str>>,
    /// Overrides the span logos reports (e.g. to point at a string's start).
    pub at: Option<(usize, usize)>,
    /// The input ended too early (unterminated triple-quoted string, trailing `\`).
    pub incomplete: bool,
}

impl LexError {
    fn new(msg: impl Into<Cow<'static, str>>, start: usize, end: usize) -> LexError {
        LexError {
            msg: Some(msg.into()),
            at: Some((start, end)),
            incomplete: false,
        }
    }
}

#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
pub enum Token<'s> {
    // ----- produced by logos, consumed by the indent layer -----
    /// A physical line break.
    #[regex(r"\r\n|\r|\n")]
    RawNewline,
    /// A backslash-newline line continuation.
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    /// A backslash not followed by a newline.
    #[token("\\")]
    StrayBackslash,

    // ----- synthesized tokens -----
    Newline,
    Indent,
    Dedent,
    EndMarker,
    StartModule,
    StartInteractive,
    StartEval,
    StartFString,
    WithLParen,

    // ----- atoms -----
    #[regex(r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*", lex_name)]
    Name(&'s str),
    /// A number literal (validated, decoded later).
    #[regex(r"[0-9]|\.[0-9]", lex_number)]
    Number(&'s str),
    /// A whole string literal: prefix, quotes and body.
    #[regex(r#"([rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?["']"#, lex_string)]
    String(&'s str),

    // ----- keywords -----
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    // ----- operators and delimiters -----
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    VBar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    RArrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
    /// Only meaningful inside f-string replacement fields (`{x!r}`).
    #[token("!")]
    Exclamation,
}

/// Is `c` allowed to start an identifier? (An approximation of XID_Start.)
pub fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// Is `c` allowed inside an identifier? (An approximation of XID_Continue.)
pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c as u32,
            0x00B7 | 0x0387 | 0x1369..=0x1371 | 0x19DA | 0x200C | 0x200D | 0x203F | 0x2040 | 0x2054 | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F | 0x30FB | 0xFF65)
        || is_combining_mark(c)
}

/// Combining marks and connector punctuation commonly found inside identifiers.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0487 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0A01..=0x0A03 | 0x0A3C..=0x0A51
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0x302A..=0x302F | 0x3099..=0x309A | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// Python's notion of a non-printable character, approximately (`not str.isprintable()`).
pub fn is_non_printable(c: char) -> bool {
    (c.is_whitespace() && c != ' ')
        || c.is_control()
        || matches!(c as u32,
            0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x180E | 0x200B..=0x200F
            | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
            | 0xE000..=0xF8FF | 0xD800..=0xDFFF)
}

/// The error CPython gives for a character that cannot appear in source outside strings.
pub fn invalid_character_message(c: char) -> String {
    if is_non_printable(c) {
        format!("invalid non-printable character U+{:04X}", c as u32)
    } else {
        format!("invalid character '{}' (U+{:04X})", c, c as u32)
    }
}

impl LexError {
    /// The default error: logos found no token at this position.
    pub fn describe(&self, src: &str, start: usize, end: usize) -> (String, usize, usize) {
        if let Some(msg) = &self.msg {
            let (s, e) = self.at.unwrap_or((start, end));
            return (msg.to_string(), s, e);
        }
        let c = src[start..].chars().next().unwrap_or(' ');
        if c.is_ascii() {
            // `$`, `?`, a lone `` ` ``: CPython reports plain invalid syntax.
            ("invalid syntax".to_string(), start, start + c.len_utf8())
        } else {
            (invalid_character_message(c), start, start + c.len_utf8())
        }
    }
}

fn lex_name<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<&'s str, LexError> {
    let text = lex.slice();
    if text.is_ascii() {
        return Ok(text);
    }
    let start = lex.span().start;
    for (i, c) in text.char_indices() {
        let ok = if i == 0 {
            is_id_start(c)
        } else {
            is_id_continue(c)
        };
        if !ok {
            let at = start + i;
            return Err(LexError::new(
                invalid_character_message(c),
                at,
                at + c.len_utf8(),
            ));
        }
    }
    Ok(text)
}

/// Keywords that may directly follow a number without a space (`1if x else y`).
const NUMBER_SUFFIX_KEYWORDS: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];

fn lex_number<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<&'s str, LexError> {
    let start = lex.span().start;
    let src = lex.source().as_bytes();
    let mut pos = start;
    // Scans `digit (_? digit)*` using `is_digit`; returns Err(position) on a bad underscore.
    fn digits(src: &[u8], mut pos: usize, is_digit: fn(u8) -> bool) -> Result<usize, usize> {
        while pos < src.len() {
            if is_digit(src[pos]) {
                pos += 1;
            } else if src[pos] == b'_' {
                if pos + 1 < src.len() && is_digit(src[pos + 1]) {
                    pos += 2;
                } else {
                    return Err(pos);
                }
            } else {
                break;
            }
        }
        Ok(pos)
    }
    let dec = |b: u8| b.is_ascii_digit();
    let invalid = |kind: &str, at: usize| LexError::new(format!("invalid {kind} literal"), at, at);
    let at = |p: usize| src.get(p).copied().unwrap_or(0);
    let mut kind = "decimal";
    if at(pos) == b'0' && matches!(at(pos + 1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
        let (name, is_digit): (&str, fn(u8) -> bool) = match at(pos + 1) {
            b'x' | b'X' => ("hexadecimal", |b: u8| b.is_ascii_hexdigit()),
            b'o' | b'O' => ("octal", |b: u8| (b'0'..=b'7').contains(&b)),
            _ => ("binary", |b: u8| b == b'0' || b == b'1'),
        };
        kind = name;
        pos += 2;
        if at(pos) == b'_' {
            pos += 1;
        }
        if !is_digit(at(pos)) {
            if at(pos).is_ascii_digit() {
                return Err(LexError::new(
                    format!("invalid digit '{}' in {} literal", at(pos) as char, name),
                    pos,
                    pos + 1,
                ));
            }
            return Err(invalid(name, pos));
        }
        pos = digits(src, pos, is_digit).map_err(|p| invalid(name, p))?;
        if at(pos).is_ascii_digit() {
            return Err(LexError::new(
                format!("invalid digit '{}' in {} literal", at(pos) as char, name),
                pos,
                pos + 1,
            ));
        }
    } else {
        // Integer part (may be empty for `.5`).
        if at(pos) != b'.' {
            let int_start = pos;
            pos = digits(src, pos, dec).map_err(|p| invalid("decimal", p))?;
            let int_text = &src[int_start..pos];
            let leading_zero = int_text.len() > 1
                && int_text[0] == b'0'
                && int_text.iter().any(|&b| b != b'0' && b != b'_');
            let next = at(pos);
            let becomes_float =
                next == b'.' || next == b'e' || next == b'E' || next == b'j' || next == b'J';
            if leading_zero && !becomes_float {
                return Err(LexError::new(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    int_start,
                    pos,
                ));
            }
        }
        if at(pos) == b'.' {
            pos += 1;
            if at(pos).is_ascii_digit() {
                pos = digits(src, pos, dec).map_err(|p| invalid("decimal", p))?;
            }
        }
        if matches!(at(pos), b'e' | b'E') {
            let mut p = pos + 1;
            if matches!(at(p), b'+' | b'-') {
                p += 1;
            }
            if at(p).is_ascii_digit() {
                pos = digits(src, p, dec).map_err(|p| invalid("decimal", p))?;
            } else {
                // `1e`, `1else` (allowed: a keyword follows), `1ex`.
                let rest = &lex.source()[pos..];
                if !NUMBER_SUFFIX_KEYWORDS.iter().any(|k| rest.starts_with(k)) {
                    return Err(invalid("decimal", start));
                }
            }
        }
        if matches!(at(pos), b'j' | b'J') {
            pos += 1;
            kind = "imaginary";
        }
    }
    // The number must not run into an identifier (except the keywords CPython tolerates).
    let rest = &lex.source()[pos..];
    if let Some(c) = rest.chars().next() {
        if is_id_continue(c) {
            let kw_ok = NUMBER_SUFFIX_KEYWORDS.iter().any(|k| rest.starts_with(k));
            if !kw_ok {
                let at = if matches!(kind, "decimal" | "imaginary") {
                    start
                } else {
                    pos
                };
                return Err(invalid(kind, at));
            }
        }
    }
    lex.bump(pos - lex.span().end);
    Ok(&lex.source()[start..pos])
}

/// 1-based line number of byte offset `pos`.
pub fn line_of(src: &str, pos: usize) -> usize {
    let bytes = &src.as_bytes()[..pos.min(src.len())];
    bytes.iter().filter(|&&b| b == b'\n').count() + 1
}

fn lex_string<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<&'s str, LexError> {
    let start = lex.span().start;
    let src = lex.source();
    let bytes = src.as_bytes();
    let open_end = lex.span().end;
    let quote = bytes[open_end - 1];
    let triple = bytes.get(open_end) == Some(&quote) && bytes.get(open_end + 1) == Some(&quote);
    let mut pos = if triple { open_end + 2 } else { open_end };
    loop {
        let Some(&b) = bytes.get(pos) else {
            let line = line_of(src, src.len());
            return Err(if triple {
                LexError {
                    msg: Some(
                        format!(
                            "unterminated triple-quoted string literal (detected at line {line})"
                        )
                        .into(),
                    ),
                    at: Some((start, start)),
                    incomplete: true,
                }
            } else {
                LexError::new(
                    format!("unterminated string literal (detected at line {line})"),
                    start,
                    start,
                )
            });
        };
        match b {
            b'\\' => {
                pos += 1;
                // Skip the escaped character (a `\r\n` pair counts as one).
                if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
                    pos += 2;
                } else if pos < bytes.len() {
                    pos += 1;
                }
            }
            b'\n' | b'\r' if !triple => {
                let line = line_of(src, pos);
                return Err(LexError::new(
                    format!("unterminated string literal (detected at line {line})"),
                    start,
                    start,
                ));
            }
            _ if b == quote => {
                if !triple {
                    pos += 1;
                    break;
                }
                if bytes.get(pos + 1) == Some(&quote) && bytes.get(pos + 2) == Some(&quote) {
                    pos += 3;
                    break;
                }
                pos += 1;
            }
            _ => pos += 1,
        }
    }
    lex.bump(pos - open_end);
    Ok(&src[start..pos])
}
