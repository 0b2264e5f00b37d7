//! The parser: source text to `ast::Module`, with CPython 3.11's error messages.

pub mod helpers;

/// The LALRPOP-generated parser (from `grammar/python.lalrpop`, built into OUT_DIR).
mod grammar {
    #![allow(clippy::all)]
    include!(concat!(env!("OUT_DIR"), "/python.rs"));
}

use crate::ast::{self, Span};
use crate::lexer::{tokenize, IndentLayer, Spanned, Token};
use helpers::Ctx;
use lalrpop_util::ParseError;

/// What the source is: a file, one interactive input, or an `eval` expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Module,
    Interactive,
    Eval,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    /// Byte range the error points at (CPython's caret), possibly empty.
    pub span: Span,
    /// True when the input merely ended too early (open bracket, open block,
    /// unterminated triple-quoted string, trailing backslash): a REPL should
    /// prompt for a continuation line.
    pub incomplete: bool,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        };
        write!(f, "{kind}: {}", self.msg)
    }
}

impl std::error::Error for SyntaxError {}

/// 1-based line and 0-based column (in characters) of byte offset `pos`.
pub fn line_col(src: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(src.len());
    let before = &src[..pos];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, src[line_start..pos].chars().count())
}

/// Parses `source`. In `Eval` mode the module's body is one `StmtKind::Expr`.
pub fn parse(source: &str, mode: Mode) -> Result<ast::Module, SyntaxError> {
    let ctx = Ctx::new(source);
    let (mut tokens, lex_err) = collect(tokenize(source, mode));
    mark_parenthesized_with_items(&mut tokens);
    let stream = tokens
        .iter()
        .copied()
        .map(Ok)
        .chain(lex_err.clone().map(Err));
    match grammar::TopParser::new().parse(&ctx, stream) {
        Ok(body) => Ok(ast::Module { body }),
        // At the REPL a line is parsed as it is read: a token the parser rejects is
        // the error, even inside a bracket left open (`def f(:` is invalid syntax, not
        // an input waiting for its `)`), as in CPython's interactive mode and codeop.
        Err(e) if mode == Mode::Interactive && rejects_token_before(&e, lex_err.as_ref()) => {
            Err(map_error(&ctx, &tokens, None, e))
        }
        Err(e) => Err(map_error(&ctx, &tokens, lex_err, e)),
    }
}

/// Did the parser fail on a token before reaching `lex_err`, an input left unfinished?
fn rejects_token_before(
    e: &ParseError<usize, Token<'_>, SyntaxError>,
    lex_err: Option<&SyntaxError>,
) -> bool {
    match (e, lex_err) {
        (_, None) => false,
        (_, Some(le)) if !le.incomplete => false,
        (ParseError::User { error }, Some(le)) => error != le,
        (ParseError::UnrecognizedEof { .. }, _) => false,
        _ => true,
    }
}

/// Parses the expression of an f-string replacement field, `src[start..end]`,
/// as if it were parenthesized. Errors are prefixed with "f-string: ".
pub(crate) fn parse_fstring_expr(
    ctx: &Ctx<'_>,
    start: usize,
    end: usize,
) -> Result<ast::Expr, SyntaxError> {
    let layer = IndentLayer::range(ctx.src, start, end, true);
    let (tokens, lex_err) =
        collect(std::iter::once(Ok((start, Token::StartFString, start))).chain(layer));
    let stream = tokens
        .iter()
        .copied()
        .map(Ok)
        .chain(lex_err.clone().map(Err));
    match grammar::TopParser::new().parse(ctx, stream) {
        Ok(mut body) => match body.pop().map(|s| s.kind) {
            Some(ast::StmtKind::Expr(e)) => Ok(e),
            _ => unreachable!("f-string mode yields one expression"),
        },
        Err(e) => {
            // Tokenizer errors are reported as they are; parser errors get a prefix.
            let from_lexer = lex_err.is_some();
            let mut err = map_error(ctx, &tokens, lex_err, e);
            if !from_lexer && !err.msg.starts_with("f-string") {
                err.msg = format!("f-string: {}", err.msg);
            }
            err.incomplete = false;
            Err(err)
        }
    }
}

/// Collects tokens up to the first error.
fn collect<'s>(
    iter: impl Iterator<Item = Result<Spanned<'s>, SyntaxError>>,
) -> (Vec<Spanned<'s>>, Option<SyntaxError>) {
    let mut tokens = Vec::new();
    for t in iter {
        match t {
            Ok(t) => tokens.push(t),
            Err(e) => return (tokens, Some(e)),
        }
    }
    (tokens, None)
}

/// `with (a as b, c):` — when `with` is followed by a parenthesized group that
/// is directly followed by `:`, the group is an item list (CPython tries this
/// alternative first). Marks its `(` as `WithLParen`.
fn mark_parenthesized_with_items(tokens: &mut [Spanned<'_>]) {
    for i in 0..tokens.len().saturating_sub(2) {
        if tokens[i].1 != Token::With || tokens[i + 1].1 != Token::LParen {
            continue;
        }
        if matches!(tokens[i + 2].1, Token::RParen | Token::Yield) {
            continue;
        }
        let mut depth = 0usize;
        for j in i + 1..tokens.len() {
            match tokens[j].1 {
                Token::LParen | Token::LSqb | Token::LBrace => depth += 1,
                Token::RParen | Token::RSqb | Token::RBrace => {
                    depth -= 1;
                    if depth == 0 {
                        // (Before a newline too, so that a missing ':' is reported as such.)
                        if matches!(
                            tokens.get(j + 1).map(|t| t.1),
                            Some(Token::Colon | Token::Newline)
                        ) {
                            tokens[i + 1].1 = Token::WithLParen;
                        }
                        break;
                    }
                }
                _ => {}
            }
        }
    }
}

fn error(kind: SyntaxErrorKind, msg: impl Into<String>, start: usize, end: usize) -> SyntaxError {
    SyntaxError {
        kind,
        msg: msg.into(),
        span: Span::new(start, end),
        incomplete: false,
    }
}

/// What kind of block a compound statement header opens, for
/// "expected an indented block after ...".
fn block_kind(tokens: &[Spanned<'_>], first: usize) -> Option<&'static str> {
    let mut t = tokens.get(first)?.1;
    if t == Token::Async {
        t = tokens.get(first + 1)?.1;
    }
    Some(match t {
        Token::If => "'if' statement",
        Token::Elif => "'elif' statement",
        Token::Else => "'else' statement",
        Token::For => "'for' statement",
        Token::While => "'while' statement",
        Token::With => "'with' statement",
        Token::Try => "'try' statement",
        Token::Except => "'except' statement",
        Token::Finally => "'finally' statement",
        Token::Def => "function definition",
        Token::Class => "class definition",
        _ => return None,
    })
}

/// Index of the first token of the logical line containing token `idx`.
fn line_start_index(tokens: &[Spanned<'_>], idx: usize) -> usize {
    let mut i = idx;
    while i > 0 {
        match tokens[i - 1].1 {
            Token::Newline
            | Token::Indent
            | Token::Dedent
            | Token::StartModule
            | Token::StartInteractive
            | Token::StartEval => break,
            _ => i -= 1,
        }
    }
    i
}

/// Maps a LALRPOP error to CPython's message.
fn map_error<'s>(
    ctx: &Ctx<'s>,
    tokens: &[Spanned<'s>],
    lex_err: Option<SyntaxError>,
    e: ParseError<usize, Token<'s>, SyntaxError>,
) -> SyntaxError {
    let src = ctx.src;
    use SyntaxErrorKind::*;
    // Like CPython, after a parse error the rest of the source is tokenized,
    // and a tokenizer error found there wins.
    if let Some(le) = lex_err {
        return le;
    }
    let generic = |start: usize, end: usize| error(SyntaxError, "invalid syntax", start, end);
    let (start, tok, end, expected) = match e {
        ParseError::User { error } => return error,
        ParseError::InvalidToken { location } => return generic(location, location),
        ParseError::UnrecognizedEof { location, .. } => return generic(location, location),
        ParseError::ExtraToken {
            token: (start, _, end),
        } => return generic(start, end),
        ParseError::UnrecognizedToken {
            token: (start, tok, end),
            expected,
        } => (start, tok, end, expected),
    };
    let idx = tokens
        .iter()
        .position(|t| *t == (start, tok, end))
        .unwrap_or(tokens.len().saturating_sub(1));
    // Only end-of-input tokens remain: the input may simply be incomplete.
    let at_eof = tokens[idx..]
        .iter()
        .all(|t| matches!(t.1, Token::Dedent | Token::EndMarker));
    match tok {
        Token::Indent => return error(IndentationError, "unexpected indent", start, end),
        Token::Dedent
            if !expected.iter().any(|e| e == "Indent")
                // A `try:` body closed by a dedent of several levels: CPython asks
                // for the handlers, as for a one-level dedent.
                && !["except", "finally"]
                    .iter()
                    .all(|t| expected.iter().any(|e| e.trim_matches('"') == *t)) =>
        {
            return error(IndentationError, "unexpected unindent", start, end)
        }
        _ => {}
    }
    if expected.iter().any(|e| e == "Indent") {
        // After `header:` NEWLINE. Find the header line.
        let header = line_start_index(tokens, idx.saturating_sub(1));
        if let Some(what) = block_kind(tokens, header) {
            let line = crate::lexer::token::line_of(src, tokens[header].0);
            let mut err = error(
                IndentationError,
                format!("expected an indented block after {what} on line {line}"),
                start,
                end,
            );
            err.incomplete = at_eof;
            return err;
        }
    }
    let colon = "\":\"";
    if expected.iter().any(|e| e == colon) {
        let first = line_start_index(tokens, idx);
        let header = block_kind(tokens, first).is_some();
        let prev = idx.checked_sub(1).map(|i| tokens[i].1);
        let def_like = matches!(tokens.get(first).map(|t| t.1), Some(Token::Def))
            || matches!(
                (
                    tokens.get(first).map(|t| t.1),
                    tokens.get(first + 1).map(|t| t.1)
                ),
                (Some(Token::Async), Some(Token::Def))
            );
        if header && (tok == Token::Newline || (def_like && prev == Some(Token::RParen))) {
            return error(SyntaxError, "expected ':'", start, start);
        }
    }
    // CPython decodes a run of string literals as soon as it ends, so an
    // error inside an f-string wins over the syntax error that follows it.
    if idx > 0 && matches!(tokens[idx - 1].1, Token::String(_)) {
        let mut first = idx - 1;
        while first > 0 && matches!(tokens[first - 1].1, Token::String(_)) {
            first -= 1;
        }
        let parts = tokens[first..idx]
            .iter()
            .map(|&(s, t, e)| match t {
                Token::String(text) => (s, text, e),
                _ => unreachable!(),
            })
            .collect();
        if let Err(ParseError::User { error }) = helpers::strings(ctx, parts) {
            return error;
        }
    }
    if let Some(mut err) = specific_error(tokens, idx, &expected) {
        // Failing on the closing dedents means the statement is only unfinished
        // (`try:` with its body but no handler yet), as codeop sees it.
        err.incomplete = at_eof && matches!(tok, Token::Dedent | Token::EndMarker);
        return err;
    }
    let mut err = generic(start, end);
    // A decorator with nothing after it yet.
    if at_eof && idx >= 1 && tokens[line_start_index(tokens, idx - 1)].1 == Token::At {
        err.incomplete = true;
    }
    if tok == Token::Newline && end > start {
        // Point at the end of the line, like CPython.
        err.span = Span::new(start, start);
    }
    err
}

/// Index of the innermost bracket still open at token `idx`.
fn enclosing_bracket(tokens: &[Spanned<'_>], idx: usize) -> Option<usize> {
    let mut depth = 0usize;
    for i in (0..idx).rev() {
        match tokens[i].1 {
            Token::RParen | Token::RSqb | Token::RBrace => depth += 1,
            Token::LParen | Token::LSqb | Token::LBrace | Token::WithLParen => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            Token::Newline | Token::Indent | Token::Dedent => return None,
            _ => {}
        }
    }
    None
}

/// Is token `idx` inside the parameter list of a `lambda`?
fn in_lambda_params(tokens: &[Spanned<'_>], idx: usize) -> bool {
    let mut depth = 0usize;
    for i in (0..idx).rev() {
        match tokens[i].1 {
            Token::RParen | Token::RSqb | Token::RBrace => depth += 1,
            Token::LParen | Token::LSqb | Token::LBrace | Token::WithLParen => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            }
            Token::Lambda if depth == 0 => return true,
            Token::Colon if depth == 0 => return false,
            Token::Newline | Token::Indent | Token::Dedent => return false,
            _ => {}
        }
    }
    false
}

/// Numbers of commas and colons directly inside the bracket at `open`, before `idx`.
fn top_level_separators(tokens: &[Spanned<'_>], open: usize, idx: usize) -> (usize, usize) {
    let (mut depth, mut commas, mut colons, mut lambdas) = (0usize, 0usize, 0usize, 0usize);
    for t in &tokens[open + 1..idx] {
        match t.1 {
            Token::LParen | Token::LSqb | Token::LBrace => depth += 1,
            Token::RParen | Token::RSqb | Token::RBrace => depth = depth.saturating_sub(1),
            Token::Comma if depth == 0 => commas += 1,
            // A lambda's colon does not make a dict.
            Token::Lambda if depth == 0 => lambdas += 1,
            Token::Colon if depth == 0 && lambdas > 0 => lambdas -= 1,
            Token::Colon if depth == 0 => colons += 1,
            _ => {}
        }
    }
    (commas, colons)
}

/// Can this token end an expression?
fn ends_expr(t: Token<'_>) -> bool {
    matches!(
        t,
        Token::Name(_)
            | Token::Number(_)
            | Token::String(_)
            | Token::RParen
            | Token::RSqb
            | Token::RBrace
            | Token::None
            | Token::True
            | Token::False
            | Token::Ellipsis
    )
}

/// Can this token start an expression (and not continue one)?
fn starts_expr(t: Token<'_>) -> bool {
    matches!(
        t,
        Token::Name(_)
            | Token::Number(_)
            | Token::String(_)
            | Token::LParen
            | Token::LSqb
            | Token::LBrace
            | Token::None
            | Token::True
            | Token::False
            | Token::Ellipsis
            | Token::Lambda
            | Token::Tilde
            | Token::Await
    )
}

/// CPython's more helpful messages for some generic syntax errors
/// (its `invalid_*` grammar rules), recognised from the tokens around the error.
fn specific_error(tokens: &[Spanned<'_>], idx: usize, expected: &[String]) -> Option<SyntaxError> {
    let (start, tok, end) = tokens[idx];
    let prev = idx.checked_sub(1).map(|i| tokens[i]);
    let prev_tok = prev.map(|p| p.1);
    // `print "hello"`
    if let Some((ps, Token::Name(n @ ("print" | "exec")), _)) = prev {
        if starts_expr(tok) && tok != Token::LParen {
            return Some(error(
                SyntaxErrorKind::SyntaxError,
                format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                ps,
                end,
            ));
        }
    }
    // `a.b := 1`
    if tok == Token::ColonEqual {
        let what = match prev_tok? {
            Token::Name(_) if idx >= 2 && tokens[idx - 2].1 == Token::Dot => "attribute",
            Token::RSqb => "subscript",
            Token::RParen => "function call",
            Token::Number(_) | Token::String(_) => "literal",
            Token::True => "True",
            Token::False => "False",
            Token::None => "None",
            _ => return None,
        };
        return Some(error(
            SyntaxErrorKind::SyntaxError,
            format!("cannot use assignment expressions with {what}"),
            start,
            end,
        ));
    }
    // `x = a if b` without `else`
    // (After a block, `else` is expected together with statement keywords.)
    if expected.iter().any(|e| e == "\"else\"")
        && !expected.iter().any(|e| e == "\"pass\"")
        && tok != Token::Colon
    {
        return Some(error(
            SyntaxErrorKind::SyntaxError,
            "expected 'else' after 'if' expression",
            start,
            end,
        ));
    }
    let has = |t: &str| expected.iter().any(|e| e.trim_matches('"') == t);
    let syntax =
        |msg: &str, s: usize, e: usize| Some(error(SyntaxErrorKind::SyntaxError, msg, s, e));
    let line_first = tokens[line_start_index(tokens, idx)].1;
    // `yield = 1`
    if tok == Token::Equal && line_first == Token::Yield {
        return syntax(
            "assignment to yield expression not possible",
            tokens[line_start_index(tokens, idx)].0,
            start,
        );
    }
    // `def f:`
    if idx >= 2
        && tokens[idx - 2].1 == Token::Def
        && matches!(prev_tok, Some(Token::Name(_)))
        && tok != Token::LParen
    {
        return syntax("expected '('", start, end);
    }
    // Parameter lists.
    let def_params = enclosing_bracket(tokens, idx).is_some_and(|open| {
        open >= 2 && tokens[open].1 == Token::LParen && tokens[open - 2].1 == Token::Def
    });
    if def_params || in_lambda_params(tokens, idx) {
        if prev_tok == Some(Token::Equal)
            && matches!(tok, Token::Comma | Token::RParen | Token::Colon)
        {
            return syntax("expected default value expression", start, end);
        }
        if prev_tok == Some(Token::Slash) && tok == Token::Star {
            return syntax("expected comma between / and *", tokens[idx - 1].0, end);
        }
        if tok == Token::LParen
            && matches!(prev_tok, Some(Token::Comma | Token::LParen | Token::Lambda))
        {
            let msg = if def_params {
                "Function parameters cannot be parenthesized"
            } else {
                "Lambda expression parameters cannot be parenthesized"
            };
            return syntax(msg, start, end);
        }
    }
    // `if x = 1:`
    if tok == Token::Equal && matches!(line_first, Token::If | Token::Elif | Token::While) {
        let what = match prev_tok {
            Some(Token::Name(_)) if idx >= 2 && tokens[idx - 2].1 == Token::Dot => "attribute",
            Some(Token::Name(_)) => {
                return syntax(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    start,
                    end,
                )
            }
            Some(Token::RSqb) => "subscript",
            Some(Token::RParen) => "function call",
            Some(Token::Number(_) | Token::String(_)) => "literal",
            _ => return None,
        };
        return syntax(
            &format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
            start,
            end,
        );
    }
    // `try:` block without handlers
    if has("except") && has("finally") && !matches!(tok, Token::Except | Token::Finally) {
        return Some(error(
            SyntaxErrorKind::SyntaxError,
            "expected 'except' or 'finally' block",
            start,
            end,
        ));
    }
    if let Some(open) = enclosing_bracket(tokens, idx) {
        let (commas, colons) = top_level_separators(tokens, open, idx);
        let kind = tokens[open].1;
        // `[a, b for b in c]`
        if matches!(tok, Token::For | Token::Async)
            && commas > 0
            && colons == 0
            && matches!(kind, Token::LSqb | Token::LBrace)
        {
            return Some(error(
                SyntaxErrorKind::SyntaxError,
                "did you forget parentheses around the comprehension target?",
                tokens[open + 1].0,
                start,
            ));
        }
        if kind == Token::LBrace && colons > 0 {
            // `{a: b, c}` / `{a: }` / `{a: *b}`
            if prev_tok == Some(Token::Colon) && matches!(tok, Token::RBrace | Token::Comma) {
                return Some(error(
                    SyntaxErrorKind::SyntaxError,
                    "expression expected after dictionary key and ':'",
                    tokens[idx - 1].0,
                    tokens[idx - 1].2,
                ));
            }
            if prev_tok == Some(Token::Colon) && tok == Token::Star {
                return Some(error(
                    SyntaxErrorKind::SyntaxError,
                    "cannot use a starred expression in a dictionary value",
                    start,
                    end,
                ));
            }
            if has(":") && prev_tok.is_some_and(ends_expr) {
                let pe = tokens[idx - 1].2;
                return Some(error(
                    SyntaxErrorKind::SyntaxError,
                    "':' expected after dictionary key",
                    pe.saturating_sub(1),
                    pe,
                ));
            }
        }
    }
    // `[a b]`: two expressions in a row inside brackets. The lexer must have
    // got past `b` (otherwise its error, e.g. an unclosed bracket, wins).
    if prev_tok.is_some_and(ends_expr) && starts_expr(tok) && idx + 1 < tokens.len() {
        let is_name_string =
            matches!(prev_tok, Some(Token::Name(_))) && matches!(tok, Token::String(_));
        let mut depth = 0i32;
        for t in &tokens[..idx] {
            match t.1 {
                Token::LParen
                | Token::LSqb
                | Token::LBrace
                | Token::WithLParen
                | Token::StartFString => depth += 1,
                Token::RParen | Token::RSqb | Token::RBrace => depth -= 1,
                _ => {}
            }
        }
        if depth > 0 && !is_name_string {
            return Some(error(
                SyntaxErrorKind::SyntaxError,
                "invalid syntax. Perhaps you forgot a comma?",
                prev.unwrap().0,
                end,
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests;
