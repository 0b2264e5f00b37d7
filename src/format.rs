//! CPython 3.11-compatible number formatting and parsing.
//!
//! This module reproduces the behaviour of CPython's `repr(float)`,
//! `format()` / `str.format` format specifications, `round()`, `float(str)`,
//! `int(str, base)`, `hex()`/`oct()`/`bin()` and printf-style (`%`)
//! formatting.  It is a port of the *algorithms* of CPython's
//! `Python/formatter_unicode.c`, `Python/pystrtod.c` (`format_float_short`),
//! `Objects/unicodeobject.c` (`PyUnicode_Format`) and `Objects/longobject.c`
//! (`PyLong_FromString`); decimal digit generation relies on Rust's own
//! float formatting, which is exact and rounds ties half-to-even on the exact
//! binary value (like David Gay's `dtoa` used by CPython).
//!
//! Error strings are the messages of the exceptions CPython raises (almost
//! all `ValueError`; the few exceptions are documented on each function).
//!
//! The module depends only on `std`, `num-bigint`, `num-traits` and
//! `num-integer`.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};
use std::fmt::Write as _;

// ---------------------------------------------------------------------------
// Unicode helpers (Python's notion of decimal digits and whitespace)
// ---------------------------------------------------------------------------

/// Code points of every Unicode digit zero (general category Nd, Unicode
/// 14.0 as in CPython 3.11).  Each is followed by the digits one to nine.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// `Py_UNICODE_TODECIMAL`: the value of a Unicode decimal digit.
fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if cp < 0x80 {
        return c.to_digit(10);
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    if i == 0 {
        return None;
    }
    let off = cp - DECIMAL_ZEROS[i - 1];
    if off < 10 {
        Some(off)
    } else {
        None
    }
}

/// `Py_UNICODE_ISSPACE` for non-ASCII code points.
fn is_unicode_space_non_ascii(c: char) -> bool {
    matches!(
        c as u32,
        0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000
    )
}

/// `Py_ISSPACE` (the C-locale `isspace` on ASCII bytes).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII whitespace becomes
/// ' ', non-ASCII decimal digits become their ASCII digit, anything else
/// non-ASCII becomes '?'.
fn transform_to_ascii(s: &str) -> Vec<u8> {
    if s.is_ascii() {
        return s.as_bytes().to_vec();
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if is_unicode_space_non_ascii(c) {
                b' '
            } else if let Some(d) = decimal_value(c) {
                b'0' + d as u8
            } else {
                b'?'
            }
        })
        .collect()
}

/// How CPython prints a format/presentation character in error messages:
/// `'x'` for printable ASCII, `'\x1'` style otherwise.
fn quote_code(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        format!("'{}'", c)
    } else {
        format!("'\\x{:x}'", cp)
    }
}

// ---------------------------------------------------------------------------
// Decimal digit generation
// ---------------------------------------------------------------------------

/// Small fixed-capacity buffer so that `float_repr` does not allocate for the
/// intermediate `{:e}` rendering.
struct StackBuf {
    buf: [u8; 40],
    len: usize,
}

impl StackBuf {
    fn new() -> Self {
        StackBuf {
            buf: [0; 40],
            len: 0,
        }
    }
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let b = s.as_bytes();
        if self.len + b.len() > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
        Ok(())
    }
}

/// Parse Rust's `{:e}` / `{:.Ne}` output ("d.ddde-7") of a non-negative
/// finite number into significant digits (pushed to `out`, trailing zeros
/// removed) and the dtoa-style decimal point position.  A zero mantissa gives
/// the digit string "0" with decpt 1, as dtoa does.
fn split_exp_form(s: &[u8], out: &mut Vec<u8>) -> i64 {
    let mut i = 0;
    while i < s.len() && s[i] != b'e' {
        if s[i] != b'.' {
            out.push(s[i]);
        }
        i += 1;
    }
    let mut exp: i64 = 0;
    let mut neg = false;
    i += 1;
    if i < s.len() && s[i] == b'-' {
        neg = true;
        i += 1;
    }
    while i < s.len() {
        exp = exp * 10 + i64::from(s[i] - b'0');
        i += 1;
    }
    if neg {
        exp = -exp;
    }
    while out.len() > 1 && out.last() == Some(&b'0') {
        out.pop();
    }
    if out.iter().all(|&b| b == b'0') {
        out.clear();
        out.push(b'0');
        return 1;
    }
    exp + 1
}

/// Shortest round-tripping digits of a finite `ax > 0` (dtoa mode 0),
/// written to `buf`; returns (digit count, decpt).
///
/// Rust's `{:e}` (Grisu/Dragon shortest) gives the same digits as dtoa
/// except when the exact binary value lies exactly halfway between the two
/// nearest shortest candidates: dtoa then picks the even one, Rust the upper
/// one (e.g. 2**-25 = 2.98023223876953125e-08 is '2.9802322387695312e-08').
fn shortest_into(ax: f64, buf: &mut [u8; 40]) -> (usize, i64) {
    let mut sb = StackBuf::new();
    let mut nd = 0usize;
    let decpt;
    if write!(sb, "{:e}", ax).is_ok() {
        let s = sb.bytes();
        let mut i = 0;
        while i < s.len() && s[i] != b'e' {
            if s[i] != b'.' && nd < buf.len() {
                buf[nd] = s[i];
                nd += 1;
            }
            i += 1;
        }
        let mut exp: i64 = 0;
        let mut neg = false;
        i += 1;
        if i < s.len() && s[i] == b'-' {
            neg = true;
            i += 1;
        }
        while i < s.len() {
            exp = exp * 10 + i64::from(s[i] - b'0');
            i += 1;
        }
        while nd > 1 && buf[nd - 1] == b'0' {
            nd -= 1;
        }
        decpt = if neg { -exp } else { exp } + 1;
    } else {
        // Not reachable for f64 (at most 23 bytes), kept for safety.
        let s = format!("{:e}", ax);
        let mut v = Vec::new();
        decpt = split_exp_form(s.as_bytes(), &mut v);
        nd = v.len().min(buf.len());
        buf[..nd].copy_from_slice(&v[..nd]);
    }
    fix_shortest_tie(ax, buf, nd, decpt)
}

/// See [`shortest_into`].  A tie is only possible when the exact value has
/// one more significant digit than the shortest form, ending in 5, so the
/// exact value must be `N * 10**-j` with `N < 10**18`: that only happens for
/// `ax = m * 2**-j` with `j <= 26` (with larger `j`, or `j <= 0`, ties are
/// impossible).
fn fix_shortest_tie(ax: f64, buf: &mut [u8; 40], nd: usize, decpt: i64) -> (usize, i64) {
    let (mut m, mut e) = exact_parts(ax);
    if m == 0 {
        return (nd, decpt);
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    if !(-26..0).contains(&e) {
        return (nd, decpt);
    }
    let j = (-e) as u32;
    let n = match u128::from(m).checked_mul(5u128.pow(j)) {
        Some(n) if n < 1_000_000_000_000_000_000 => n,
        _ => return (nd, decpt),
    };
    if n % 10 != 5 {
        return (nd, decpt);
    }
    let len = n.ilog10() as usize + 1;
    if nd + 1 != len {
        return (nd, decpt);
    }
    // Exact tie between n/10 and n/10 + 1 (in units of the last digit).
    let lo = n / 10;
    let chosen = if lo % 2 == 0 { lo } else { lo + 1 };
    let mut tmp = StackBuf::new();
    if write!(tmp, "{}", chosen).is_err() {
        return (nd, decpt);
    }
    let cd = tmp.bytes();
    // value = chosen * 10**(1 - j)
    let new_decpt = cd.len() as i64 + 1 - i64::from(j);
    let mut new_nd = cd.len();
    while new_nd > 1 && cd[new_nd - 1] == b'0' {
        new_nd -= 1;
    }
    // Make sure the even candidate still round-trips.
    let mut check = StackBuf::new();
    let txt = std::str::from_utf8(&cd[..new_nd]).unwrap_or("0");
    if write!(check, "{}e{}", txt, new_decpt - new_nd as i64).is_err() {
        return (nd, decpt);
    }
    let ok = std::str::from_utf8(check.bytes())
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        == Some(ax);
    if !ok {
        return (nd, decpt);
    }
    buf[..new_nd].copy_from_slice(&cd[..new_nd]);
    (new_nd, new_decpt)
}

/// Shortest round-tripping digits of a finite `ax >= 0` as a vector.
fn shortest_digits(ax: f64, out: &mut Vec<u8>) -> i64 {
    if ax == 0.0 {
        out.push(b'0');
        return 1;
    }
    let mut buf = [0u8; 40];
    let (nd, decpt) = shortest_into(ax, &mut buf);
    out.extend_from_slice(&buf[..nd]);
    decpt
}

/// `ndigits >= 1` significant digits, correctly rounded (dtoa mode 2);
/// trailing zeros stripped.
fn sig_digits(ax: f64, ndigits: usize, out: &mut Vec<u8>) -> i64 {
    if ax == 0.0 {
        out.push(b'0');
        return 1;
    }
    let s = format!("{:.*e}", ndigits - 1, ax);
    split_exp_form(s.as_bytes(), out)
}

/// Digits correctly rounded to `ndigits` places after the decimal point
/// (dtoa mode 3); trailing zeros stripped.  A value that rounds to zero
/// gives an empty digit string with decpt `-ndigits` (dtoa's "no digits").
fn fixed_digits(ax: f64, ndigits: usize, out: &mut Vec<u8>) -> i64 {
    if ax == 0.0 {
        out.push(b'0');
        return 1;
    }
    let s = format!("{:.*}", ndigits, ax);
    let mut decpt: i64 = 0;
    let mut seen_point = false;
    for &b in s.as_bytes() {
        if b == b'.' {
            seen_point = true;
            continue;
        }
        if !seen_point {
            decpt += 1;
        }
        if out.is_empty() && b == b'0' {
            decpt -= 1;
            continue;
        }
        out.push(b);
    }
    while out.last() == Some(&b'0') {
        out.pop();
    }
    decpt
}

fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

/// The digit layout part of CPython's `format_float_short`: turn a digit
/// string and decimal point position into fixed or exponent notation.
#[allow(clippy::too_many_arguments)]
fn layout_digits(
    out: &mut String,
    digits: &[u8],
    mut decpt: i64,
    code: char,
    precision: i64,
    alt: bool,
    add_dot_0: bool,
    upper: bool,
) {
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // 'r': switch to exponent notation at 1e16.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let ds = |r: std::ops::Range<usize>| -> &str {
        // digits are ASCII
        std::str::from_utf8(&digits[r]).unwrap_or("")
    };
    if decpt <= 0 {
        push_zeros(out, decpt - vdigits_start);
        out.push('.');
        push_zeros(out, -decpt);
    } else {
        push_zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(ds(0..decpt as usize));
        out.push('.');
        out.push_str(ds(decpt as usize..digits.len()));
    } else {
        out.push_str(ds(0..digits.len()));
    }
    if digits_len < decpt {
        push_zeros(out, decpt - digits_len);
        out.push('.');
        push_zeros(out, vdigits_end - decpt);
    } else {
        push_zeros(out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let _ = write!(out, "{:02}", exp.unsigned_abs());
    }
}

/// `PyOS_double_to_string(x, code, precision, flags)` for codes
/// `e E f F g G r`.
fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    alt: bool,
    add_dot_0: bool,
    no_neg_0: bool,
) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let lower = code.to_ascii_lowercase();
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_string();
    }
    if x.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return if x < 0.0 {
            format!("-{}", s)
        } else {
            s.to_string()
        };
    }
    let ax = x.abs();
    let mut digits = Vec::new();
    let (decpt, precision) = match lower {
        'e' => {
            let p = precision.saturating_add(1);
            (sig_digits(ax, p, &mut digits), p)
        }
        'f' => (fixed_digits(ax, precision, &mut digits), precision),
        'g' => {
            let p = precision.max(1);
            (sig_digits(ax, p, &mut digits), p)
        }
        _ => (shortest_digits(ax, &mut digits), 0),
    };
    let is_zero = digits.iter().all(|&b| b == b'0');
    let mut out = String::with_capacity(digits.len() + 8);
    if x.is_sign_negative() && !(no_neg_0 && is_zero) {
        out.push('-');
    }
    layout_digits(
        &mut out,
        &digits,
        decpt,
        lower,
        precision.min(i64::MAX as usize) as i64,
        alt,
        add_dot_0,
        upper,
    );
    out
}

// ---------------------------------------------------------------------------
// repr(float)
// ---------------------------------------------------------------------------

/// `repr(x)` / `str(x)` for a float: the shortest string that round-trips,
/// in fixed notation for 1e-4 <= |x| < 1e16 and exponent notation otherwise.
pub fn float_repr(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "nan"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    let mut digits_buf = [0u8; 40];
    let (nd, decpt) = shortest_into(x.abs(), &mut digits_buf);
    let mut out = String::with_capacity(nd + 8);
    if x < 0.0 {
        out.push('-');
    }
    layout_digits(
        &mut out,
        &digits_buf[..nd],
        decpt,
        'r',
        0,
        false,
        true,
        false,
    );
    out
}

// ---------------------------------------------------------------------------
// Format specification mini-language
// ---------------------------------------------------------------------------

/// A parsed format specification
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// `zero` records the `0` flag (given without an explicit fill); it implies a
/// fill of `'0'` and, for numbers without an explicit alignment, `'='`
/// alignment.  `no_neg_0` is the 3.11 `z` option.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
    /// The `z` flag (coerce negative zero to positive zero; floats only).
    pub no_neg_0: bool,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
            no_neg_0: false,
        }
    }
}

impl FormatSpec {
    /// The fill character actually used.
    fn eff_fill(&self) -> char {
        if self.zero {
            '0'
        } else {
            self.fill
        }
    }
    /// Alignment for numbers (default right, `=` with the `0` flag).
    fn num_align(&self) -> char {
        self.align.unwrap_or(if self.zero { '=' } else { '>' })
    }
}

/// `get_integer` of formatter_unicode.c: reads (Unicode) decimal digits.
/// Returns the number of digits consumed and the value.
fn spec_integer(chars: &[char], pos: &mut usize) -> Result<(usize, usize), String> {
    let mut acc: i64 = 0;
    let mut n = 0;
    while *pos < chars.len() {
        let d = match decimal_value(chars[*pos]) {
            Some(d) => i64::from(d),
            None => break,
        };
        if acc > (i64::MAX - d) / 10 {
            return Err("Too many decimal digits in format string".to_string());
        }
        acc = acc * 10 + d;
        *pos += 1;
        n += 1;
    }
    Ok((n, acc as usize))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parse a format specification.  Type-independent errors only; the
/// "Invalid format specifier" message names the spec but, since the object
/// type is unknown here, not the type (see [`parse_format_spec_for`] for the
/// exact CPython message).
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, String> {
    parse_spec_impl(spec, None)
}

/// Like [`parse_format_spec`], with CPython's exact message for an invalid
/// spec: "Invalid format specifier '<spec>' for object of type '<type_name>'".
pub fn parse_format_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    parse_spec_impl(spec, Some(type_name))
}

fn parse_spec_impl(spec: &str, type_name: Option<&str>) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut f = FormatSpec::default();
    let mut fill_specified = false;

    if end >= 2 && is_align(chars[1]) {
        f.align = Some(chars[1]);
        f.fill = chars[0];
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        f.zero = true;
        f.fill = '0';
        pos += 1;
    }
    let (n, w) = spec_integer(&chars, &mut pos)?;
    if n > 0 {
        f.width = Some(w);
    }
    if pos < end && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let (n, p) = spec_integer(&chars, &mut pos)?;
        if n == 0 {
            return Err("Format specifier missing precision".to_string());
        }
        f.precision = Some(p);
    }
    if end - pos > 1 {
        return Err(match type_name {
            Some(t) => format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, t
            ),
            None => format!("Invalid format specifier '{}'", spec),
        });
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    if let Some(t) = f.ty {
        check_grouping(&f, t)?;
    }
    Ok(f)
}

/// Validate the thousands separator against the (effective) presentation
/// type; returns the separator and group size to use.
fn check_grouping(spec: &FormatSpec, ty: char) -> Result<Option<(char, usize)>, String> {
    let g = match spec.grouping {
        None => return Ok(None),
        Some(g) => g,
    };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some((g, 3))),
        'b' | 'o' | 'x' | 'X' if g == '_' => Ok(Some(('_', 4))),
        _ => Err(format!("Cannot specify '{}' with {}.", g, quote_code(ty))),
    }
}

fn unknown_code(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code {} for object of type '{}'",
        quote_code(ty),
        type_name
    )
}

/// `_PyUnicode_InsertThousandsGrouping`: group `digits` from the right,
/// left-padding with '0' digits (and separators) up to `min_width`.
fn insert_grouping(
    out: &mut String,
    digits: &str,
    min_width: i64,
    grouping: Option<(char, usize)>,
) {
    let d = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let mut remaining = d.len() as i64;
    let mut end = d.len();
    // pieces from right to left: (zeros, start, end)
    let mut pieces: Vec<(i64, usize, usize)> = Vec::new();
    let mut loop_broken = false;
    let mut sep = None;
    if let Some((s, size)) = grouping {
        sep = Some(s);
        let size = size as i64;
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            pieces.push((n_zeros, end - n_chars as usize, end));
            end -= n_chars as usize;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                loop_broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !loop_broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        pieces.push((n_zeros, end - n_chars as usize, end));
    }
    for (i, &(z, a, b)) in pieces.iter().rev().enumerate() {
        if i > 0 {
            if let Some(s) = sep {
                out.push(s);
            }
        }
        push_zeros(out, z);
        out.push_str(&digits[a..b]);
    }
}

/// The pieces of a formatted number (CPython's `calc_number_widths` input).
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
}

/// `calc_number_widths` + `fill_number`.
fn layout_number(p: &NumberParts, spec: &FormatSpec, grouping: Option<(char, usize)>) -> String {
    let fill = spec.eff_fill();
    let align = spec.num_align();
    let sign = match spec.sign {
        Some('+') => Some(if p.negative { '-' } else { '+' }),
        Some(' ') => Some(if p.negative { '-' } else { ' ' }),
        _ => {
            if p.negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_sign = sign.is_some() as i64;
    let n_prefix = p.prefix.chars().count() as i64;
    let n_remainder = p.remainder.chars().count() as i64;
    let nndnp = n_sign + n_prefix + p.has_decimal as i64 + n_remainder;
    let width = spec
        .width
        .map(|w| w.min(i64::MAX as usize) as i64)
        .unwrap_or(-1);
    let min_width = if fill == '0' && align == '=' {
        width - nndnp
    } else {
        0
    };
    let mut grouped = String::new();
    if !p.digits.is_empty() {
        insert_grouping(&mut grouped, p.digits, min_width, grouping);
    }
    let n_grouped = grouped.len() as i64;
    let n_padding = width - (nndnp + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::with_capacity((nndnp + n_grouped + n_padding.max(0)) as usize);
    push_fill(&mut out, fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(p.prefix);
    push_fill(&mut out, fill, spad);
    out.push_str(&grouped);
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    push_fill(&mut out, fill, rpad);
    out
}

fn push_fill(out: &mut String, fill: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(fill);
    }
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('\0');
    let grouping = check_grouping(spec, ty)?;
    match ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {
            format_float_internal(x, spec, grouping)
        }
        c => Err(unknown_code(c, "float")),
    }
}

/// `format_float_internal` of formatter_unicode.c.
fn format_float_internal(
    x: f64,
    spec: &FormatSpec,
    grouping: Option<(char, usize)>,
) -> Result<String, String> {
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err("precision too big".to_string());
        }
    }
    let mut ty = spec.ty.unwrap_or('\0');
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    if ty == '\0' {
        add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    let mut grouping = grouping;
    if ty == 'n' {
        // 'n' is 'g' in the current locale; pyco always uses the C locale,
        // which has no grouping.
        ty = 'g';
        grouping = None;
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(val, ty, precision, spec.alternate, add_dot_0, spec.no_neg_0);
    if add_pct {
        buf.push('%');
    }
    if spec.sign.is_none() && spec.width.is_none() && spec.grouping.is_none() {
        // CPython's fast path ('-' sign behaves as the default).
        return Ok(buf);
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let nd = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let rest = &body[nd..];
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body[..nd],
        has_decimal,
        remainder,
    };
    Ok(layout_number(&parts, spec, grouping))
}

/// Correctly rounded conversion of an int to float (`PyLong_AsDouble`);
/// `None` when it overflows.
fn bigint_to_f64(x: &BigInt) -> Option<f64> {
    let mag = x.magnitude();
    let bits = mag.bits();
    let v = if bits <= 64 {
        mag.to_u64().unwrap_or(0) as f64
    } else {
        let shift = bits - 64;
        let mut top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
        if mag.trailing_zeros().unwrap_or(0) < shift {
            top |= 1; // sticky bit: keeps the u64 -> f64 rounding correct
        }
        if shift > 1023 {
            return None;
        }
        let scale = f64::from_bits((shift + 1023) << 52);
        top as f64 * scale
    };
    if !v.is_finite() {
        return None;
    }
    Some(if x.sign() == Sign::Minus { -v } else { v })
}

/// `format(x, spec)` for an int.  Errors are ValueError messages except
/// "int too large to convert to float" (OverflowError, float types),
/// "%c arg not in range(0x110000)" and "Python int too large to convert to
/// C long" (OverflowError, type 'c').
pub fn format_int(x: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('d');
    let grouping = check_grouping(spec, ty)?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(x, spec, ty, grouping),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f =
                bigint_to_f64(x).ok_or_else(|| "int too large to convert to float".to_string())?;
            format_float_internal(f, spec, grouping)
        }
        c => Err(unknown_code(c, "int")),
    }
}

fn format_long_internal(
    x: &BigInt,
    spec: &FormatSpec,
    ty: char,
    grouping: Option<(char, usize)>,
) -> Result<String, String> {
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.no_neg_0 {
        return Err(
            "Negative zero coercion (z) not allowed in integer format specifier".to_string(),
        );
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if spec.alternate {
            return Err(
                "Alternate form (#) not allowed with integer format specifier 'c'".to_string(),
            );
        }
        let v = x
            .to_i64()
            .ok_or_else(|| "Python int too large to convert to C long".to_string())?;
        if !(0..=0x10ffff).contains(&v) {
            return Err("%c arg not in range(0x110000)".to_string());
        }
        let ch = char::from_u32(v as u32).ok_or_else(|| {
            format!(
                "character U+{:04X} is a lone surrogate and cannot be represented",
                v
            )
        })?;
        let mut tmp = [0u8; 4];
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: ch.encode_utf8(&mut tmp),
        };
        return Ok(layout_number(&parts, spec, None));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let grouping = if ty == 'n' { None } else { grouping };
    let mut digits = x.magnitude().to_str_radix(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: x.sign() == Sign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    Ok(layout_number(&parts, spec, grouping))
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('s');
    check_grouping(spec, ty)?;
    if ty != 's' {
        return Err(unknown_code(ty, "str"));
    }
    if let Some(sign) = spec.sign {
        return Err(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }
        .to_string());
    }
    if spec.no_neg_0 {
        return Err(
            "Negative zero coercion (z) not allowed in string format specifier".to_string(),
        );
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    let align = spec.align.unwrap_or('<');
    if align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let nchars = s.chars().count();
    let (body, len) = match spec.precision {
        Some(p) if p < nchars => {
            let cut = s.char_indices().nth(p).map(|(i, _)| i).unwrap_or(s.len());
            (&s[..cut], p)
        }
        _ => (s, nchars),
    };
    let total = spec.width.unwrap_or(0).max(len);
    if total == len {
        return Ok(body.to_string());
    }
    let pad = total - len;
    let lpad = match align {
        '>' => pad,
        '^' => pad / 2,
        _ => 0,
    };
    let fill = spec.eff_fill();
    let mut out = String::with_capacity(body.len() + pad * fill.len_utf8());
    push_fill(&mut out, fill, lpad as i64);
    out.push_str(body);
    push_fill(&mut out, fill, (pad - lpad) as i64);
    Ok(out)
}

// ---------------------------------------------------------------------------
// round()
// ---------------------------------------------------------------------------

/// Decompose a finite non-zero `ax > 0` into `m * 2^e` exactly.
fn exact_parts(ax: f64) -> (u64, i64) {
    let bits = ax.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    }
}

/// `round(x, ndigits)`: round to `ndigits` decimal places (half-to-even on the
/// exact binary value) and convert back to the nearest float.  Where CPython
/// raises `OverflowError("rounded value too large to represent")` this
/// returns an infinity (for a finite `x`); callers should check.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    // NDIGITS_MAX / NDIGITS_MIN of floatobject.c
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0 * x;
    }
    if ndigits >= 0 {
        // Rust's fixed formatting is correctly rounded (ties to even on the
        // exact value) and its parser is correctly rounded, which is exactly
        // CPython's dtoa-based `double_round`.
        let s = format!("{:.*}", ndigits as usize, x);
        return s.parse::<f64>().unwrap_or(x);
    }
    let k = (-ndigits) as u32;
    let (m, e) = exact_parts(x.abs());
    let pow10 = BigUint::from(10u32).pow(k);
    let (num, den) = if e >= 0 {
        (BigUint::from(m) << (e as u64), pow10)
    } else {
        (BigUint::from(m), pow10 << ((-e) as u64))
    };
    let (mut q, r) = num.div_rem(&den);
    let twice: BigUint = r << 1u32;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    let s = format!("{}{}e{}", if x < 0.0 { "-" } else { "" }, q, k);
    s.parse::<f64>().unwrap_or(x)
}

/// `round(x)` (no ndigits) before the conversion to int: round half to even.
pub fn round_half_even(x: f64) -> f64 {
    x.round_ties_even()
}

// ---------------------------------------------------------------------------
// float(str) and int(str, base)
// ---------------------------------------------------------------------------

/// Why `float.fromhex` refused its string.
#[derive(Debug, PartialEq)]
pub enum HexFloatError {
    /// "invalid hexadecimal floating-point string"
    Invalid,
    /// "hexadecimal value too large to represent as a float"
    TooLarge,
}

/// `float.fromhex(s)`: `[sign] [0x] hexdigits [. hexdigits] [p [sign] decimal]`, or
/// `inf`/`infinity`/`nan`, with surrounding whitespace; rounded to nearest, ties to
/// even, as CPython's float_fromhex.
pub fn parse_float_hex(s: &str) -> Result<f64, HexFloatError> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower).to_string();
    let (number, exp) = match body.split_once('p') {
        Some((n, e)) => (n, Some(e)),
        None => (body.as_str(), None),
    };
    let (int_part, frac_part) = number.split_once('.').unwrap_or((number, ""));
    let hex_ok = |d: &str| d.bytes().all(|b| b.is_ascii_hexdigit());
    if int_part.len() + frac_part.len() == 0 || !hex_ok(int_part) || !hex_ok(frac_part) {
        return Err(HexFloatError::Invalid);
    }
    // The exponent, saturated: anything past these bounds over- or underflows anyway.
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(HexFloatError::Invalid);
            }
            let v = digits
                .parse::<i64>()
                .unwrap_or(i64::MAX / 4)
                .min(i64::MAX / 4);
            if e.starts_with('-') {
                -v
            } else {
                v
            }
        }
    };
    let digits = format!("{int_part}{frac_part}");
    let m = BigUint::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    if m.is_zero() {
        return Ok(sign * 0.0);
    }
    // value = m * 2^e
    let e = exp.saturating_sub(4 * frac_part.len() as i64);
    let bitlen = m.bits() as i64;
    let top = bitlen - 1 + e;
    if top > 1023 {
        return Err(HexFloatError::TooLarge);
    }
    // Bits of precision the result has: 53 for a normal number, fewer below 2^-1022.
    let p = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if p < 0 {
        return Ok(sign * 0.0);
    }
    let shift = bitlen - p;
    let q: u64 = if shift > 0 {
        let sh = shift as u64;
        let kept = &m >> sh;
        let rest = &m - (&kept << sh);
        let half = BigUint::from(1u8) << (sh - 1);
        let mut q = kept.to_u64().unwrap_or(0);
        if rest > half || (rest == half && q & 1 == 1) {
            q += 1;
        }
        q
    } else {
        (m << (-shift) as u64).to_u64().unwrap_or(0)
    };
    let bits = if top >= -1022 {
        // q has 53 bits, or 54 after rounding up to the next power of two.
        let (q, top) = if q >> 53 != 0 {
            (q >> 1, top + 1)
        } else {
            (q, top)
        };
        if top > 1023 {
            return Err(HexFloatError::TooLarge);
        }
        (((top + 1023) as u64) << 52) | (q & ((1 << 52) - 1))
    } else {
        // A subnormal: q counts units of 2^-1074 (2^52 of them is the smallest normal).
        q
    };
    Ok(sign * f64::from_bits(bits))
}

/// `float(s)` for a str argument; `None` where CPython raises
/// `ValueError("could not convert string to float: ...")`.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = transform_to_ascii(s);
    let mut a = 0;
    let mut b = t.len();
    while a < b && is_ascii_space(t[a]) {
        a += 1;
    }
    while b > a && is_ascii_space(t[b - 1]) {
        b -= 1;
    }
    let body = &t[a..b];
    if body.contains(&b'_') {
        // _Py_string_to_number_with_underscores
        let mut clean = Vec::with_capacity(body.len());
        let mut prev = 0u8;
        for &c in body {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return None;
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return None;
                }
                clean.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return None;
        }
        parse_float_inner(&clean)
    } else {
        parse_float_inner(body)
    }
}

fn parse_float_inner(s: &[u8]) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    let mut i = 0;
    if s[0] == b'+' || s[0] == b'-' {
        i = 1;
    }
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut ndigits = i - int_start;
    if i < s.len() && s[i] == b'.' {
        i += 1;
        let f = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        ndigits += i - f;
    }
    if ndigits > 0 {
        if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
            let mut j = i + 1;
            if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
                j += 1;
            }
            let ds = j;
            while j < s.len() && s[j].is_ascii_digit() {
                j += 1;
            }
            if j > ds {
                i = j;
            }
        }
        if i != s.len() {
            return None;
        }
        let text = std::str::from_utf8(s).ok()?;
        return text.parse::<f64>().ok();
    }
    // _Py_parse_inf_or_nan
    let neg = s[0] == b'-';
    let rest = &s[int_start..];
    let v = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        return None;
    };
    Some(if neg { -v } else { v })
}

/// `int(s, base)` for a str argument (base 0 or 2..=36); `None` where CPython
/// raises ValueError ("invalid literal for int() with base N: ..."), and also
/// for an invalid base (CPython: "int() base must be >= 2 and <= 36, or 0").
/// CPython's 4300-digit limit for non-power-of-two bases is not enforced
/// here (the caller may enforce `sys.int_info.default_max_str_digits`).
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    if base == 1 || base > 36 {
        return None;
    }
    let t = transform_to_ascii(s);
    let at = |i: usize| -> u8 { t.get(i).copied().unwrap_or(0) };
    let mut i = 0;
    while i < t.len() && is_ascii_space(t[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        if at(i) != b'0' {
            base = 10;
        } else {
            match at(i + 1) {
                b'x' | b'X' => base = 16,
                b'o' | b'O' => base = 8,
                b'b' | b'B' => base = 2,
                _ => {
                    error_if_nonzero = true;
                    base = 10;
                }
            }
        }
    }
    if at(i) == b'0' {
        let p = at(i + 1).to_ascii_lowercase();
        if (base == 16 && p == b'x') || (base == 8 && p == b'o') || (base == 2 && p == b'b') {
            i += 2;
            if at(i) == b'_' {
                i += 1;
            }
        }
    }
    if at(i) == b'_' {
        return None;
    }
    let digit_value = |c: u8| -> u32 {
        match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'a'..=b'z' => u32::from(c - b'a') + 10,
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => 99,
        }
    };
    let mut clean = Vec::with_capacity(t.len() - i);
    let mut prev = 0u8;
    while i < t.len() && (digit_value(t[i]) < base || t[i] == b'_') {
        if t[i] == b'_' {
            if prev == b'_' {
                return None;
            }
        } else {
            clean.push(t[i]);
        }
        prev = t[i];
        i += 1;
    }
    if prev == b'_' || clean.is_empty() {
        return None;
    }
    while i < t.len() && is_ascii_space(t[i]) {
        i += 1;
    }
    if i != t.len() {
        return None;
    }
    let mag = BigUint::parse_bytes(&clean, base)?;
    if error_if_nonzero && !mag.is_zero() {
        return None;
    }
    Some(BigInt::from_biguint(
        if negative { Sign::Minus } else { Sign::Plus },
        mag,
    ))
}

/// `hex()`, `oct()`, `bin()` style rendering: sign, then `prefix`, then the
/// lower-case digits of the magnitude (`int_to_radix(-31, 16, "0x")` is
/// `"-0x1f"`).
pub fn int_to_radix(x: &BigInt, radix: u32, prefix: &str) -> String {
    let digits = x.magnitude().to_str_radix(radix);
    let mut s = String::with_capacity(digits.len() + prefix.len() + 1);
    if x.sign() == Sign::Minus {
        s.push('-');
    }
    s.push_str(prefix);
    s.push_str(&digits);
    s
}

// ---------------------------------------------------------------------------
// printf-style formatting
// ---------------------------------------------------------------------------

/// A `*` (taken from the arguments) or literal width/precision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentArg {
    Star,
    Num(usize),
}

/// One `%` conversion specifier.
///
/// `width`/`precision` as written; the formatting functions take them
/// resolved.  A negative `*` width means left-adjust: pass its absolute
/// value and add `'-'` to `flags` (CPython sets `F_LJUST`).  A negative `*`
/// precision counts as 0.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentConv {
    pub key: Option<String>,
    /// Subset of "-+ #0", each flag at most once, in order of appearance.
    pub flags: String,
    pub width: Option<PercentArg>,
    pub precision: Option<PercentArg>,
    /// One of `s r a c d i u o x X e E f F g G`.
    pub conv: char,
}

/// A piece of a parsed `%` format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentPiece {
    Literal(String),
    Conv(PercentConv),
}

/// Parse a printf-style format string.  `%%` becomes part of a literal.
/// Errors are CPython's ValueError texts ("incomplete format",
/// "incomplete format key", "unsupported format character 'z' (0x7a) at
/// index 3", "width too big", "precision too big").
///
/// Note: CPython interleaves parsing with argument fetching, so for a string
/// such as `'%d %z' % ()` it reports the missing argument (TypeError) before
/// the bad conversion; a caller wanting that order must check its argument
/// count against the conversions parsed before the failing one.
pub fn parse_percent_format(fmt: &str) -> Result<Vec<PercentPiece>, String> {
    let c: Vec<char> = fmt.chars().collect();
    let n = c.len();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut pos = 0;
    let incomplete = || "incomplete format".to_string();
    while pos < n {
        if c[pos] != '%' {
            lit.push(c[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        if pos < n && c[pos] == '%' {
            lit.push('%');
            pos += 1;
            continue;
        }
        // mapping key
        let mut key = None;
        if pos < n && c[pos] == '(' {
            pos += 1;
            let start = pos;
            let mut depth = 1;
            while depth > 0 && pos < n {
                match c[pos] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                pos += 1;
            }
            if depth > 0 {
                return Err("incomplete format key".to_string());
            }
            key = Some(c[start..pos - 1].iter().collect::<String>());
        }
        // flags
        let mut flags = String::new();
        let mut ch;
        loop {
            if pos >= n {
                return Err(incomplete());
            }
            ch = c[pos];
            pos += 1;
            if matches!(ch, '-' | '+' | ' ' | '#' | '0') {
                if !flags.contains(ch) {
                    flags.push(ch);
                }
                continue;
            }
            break;
        }
        // width
        let mut width = None;
        if ch == '*' {
            width = Some(PercentArg::Star);
            if pos >= n {
                return Err(incomplete());
            }
            ch = c[pos];
            pos += 1;
        } else if ch.is_ascii_digit() {
            let mut w = ch as usize - '0' as usize;
            loop {
                if pos >= n {
                    return Err(incomplete());
                }
                ch = c[pos];
                pos += 1;
                if !ch.is_ascii_digit() {
                    break;
                }
                let d = ch as usize - '0' as usize;
                if w > (i64::MAX as usize - d) / 10 {
                    return Err("width too big".to_string());
                }
                w = w * 10 + d;
            }
            width = Some(PercentArg::Num(w));
        }
        // precision
        let mut precision = None;
        if ch == '.' {
            let mut p = 0usize;
            if pos >= n {
                return Err(incomplete());
            }
            ch = c[pos];
            pos += 1;
            if ch == '*' {
                precision = Some(PercentArg::Star);
                if pos >= n {
                    return Err(incomplete());
                }
                ch = c[pos];
                pos += 1;
            } else {
                if ch.is_ascii_digit() {
                    p = ch as usize - '0' as usize;
                    loop {
                        if pos >= n {
                            return Err(incomplete());
                        }
                        ch = c[pos];
                        pos += 1;
                        if !ch.is_ascii_digit() {
                            break;
                        }
                        let d = ch as usize - '0' as usize;
                        if p > (i32::MAX as usize - d) / 10 {
                            return Err("precision too big".to_string());
                        }
                        p = p * 10 + d;
                    }
                }
                precision = Some(PercentArg::Num(p));
            }
        }
        // length modifiers are ignored
        if matches!(ch, 'h' | 'l' | 'L') {
            if pos >= n {
                return Err(incomplete());
            }
            ch = c[pos];
            pos += 1;
        }
        if !matches!(
            ch,
            's' | 'r'
                | 'a'
                | 'c'
                | 'd'
                | 'i'
                | 'u'
                | 'o'
                | 'x'
                | 'X'
                | 'e'
                | 'E'
                | 'f'
                | 'F'
                | 'g'
                | 'G'
        ) {
            let shown = if (31..=126).contains(&(ch as u32)) {
                ch
            } else {
                '?'
            };
            return Err(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                shown,
                ch as u32,
                pos - 1
            ));
        }
        if !lit.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut lit)));
        }
        pieces.push(PercentPiece::Conv(PercentConv {
            key,
            flags,
            width,
            precision,
            conv: ch,
        }));
    }
    if !lit.is_empty() {
        pieces.push(PercentPiece::Literal(lit));
    }
    Ok(pieces)
}

/// `unicode_format_arg_output`: apply width, flags and (for s/r/a)
/// precision truncation.  `numeric` is CPython's `arg->sign`.
fn percent_output(
    s: &str,
    c: &PercentConv,
    width: Option<usize>,
    precision: Option<usize>,
    numeric: bool,
) -> String {
    let ljust = c.flags.contains('-');
    let f_sign = c.flags.contains('+');
    let f_blank = c.flags.contains(' ');
    let alt = c.flags.contains('#');
    let fill = if numeric && c.flags.contains('0') {
        '0'
    } else {
        ' '
    };
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len() as i64;
    let mut width = width.map(|w| w.min(i64::MAX as usize) as i64).unwrap_or(-1);
    let prec = precision
        .map(|p| p.min(i64::MAX as usize) as i64)
        .unwrap_or(-1);
    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && !(f_sign || f_blank) {
        return s.to_string();
    }
    if matches!(c.conv, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }
    let mut pindex = 0usize;
    let mut sign = numeric;
    let mut signchar = '\0';
    if sign {
        let ch = chars.first().copied().unwrap_or('\0');
        if ch == '-' || ch == '+' {
            signchar = ch;
            len -= 1;
            pindex += 1;
        } else if f_sign {
            signchar = '+';
        } else if f_blank {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::with_capacity(width.max(0) as usize + 2);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    // The '#' prefix is only present in strings made by percent_format_int.
    let has_prefix = numeric
        && alt
        && matches!(c.conv, 'x' | 'X' | 'o')
        && chars.get(pindex) == Some(&'0')
        && chars.get(pindex + 1) == Some(&c.conv);
    if has_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(c.conv);
            pindex += 2;
        }
        width -= 2;
        if width < 0 {
            width = 0;
        }
        len -= 2;
    }
    if width > len && !ljust {
        push_fill(&mut out, fill, width - len);
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if has_prefix {
            out.push('0');
            out.push(c.conv);
            pindex += 2;
        }
    }
    if len > 0 {
        let end = (pindex + len as usize).min(chars.len());
        out.extend(chars[pindex.min(end)..end].iter());
    }
    if width > len {
        push_fill(&mut out, ' ', width - len);
    }
    out
}

/// `%d %i %u %o %x %X` of an int (with '#': `0o` / `0x` / `0X`).
pub fn percent_format_int(
    x: &BigInt,
    c: &PercentConv,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let (base, prefix) = match c.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = x.magnitude().to_str_radix(base);
    percent_int_digits(x.sign() == Sign::Minus, digits, prefix, c, width, precision)
}

/// `percent_format_int` of a small int: its digits without a big int's conversion.
pub fn percent_format_i64(
    x: i64,
    c: &PercentConv,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let m = x.unsigned_abs();
    if c.flags.is_empty() && width.is_none() && precision.is_none() && c.conv != 'X' {
        // `'%d' % n`: the digits and the sign are the whole output.
        let sign = if x < 0 { "-" } else { "" };
        return match c.conv {
            'o' => format!("{sign}{m:o}"),
            'x' => format!("{sign}{m:x}"),
            _ => x.to_string(),
        };
    }
    let (digits, prefix) = match c.conv {
        'o' => (format!("{m:o}"), "0o"),
        'x' => (format!("{m:x}"), "0x"),
        'X' => (format!("{m:x}"), "0X"),
        _ => (m.to_string(), ""),
    };
    percent_int_digits(x < 0, digits, prefix, c, width, precision)
}

/// The rest of an int's `%` conversion once its digits (lowercase) are known.
fn percent_int_digits(
    negative: bool,
    mut digits: String,
    prefix: &str,
    c: &PercentConv,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    if c.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::with_capacity(digits.len() + 4);
    if negative {
        s.push('-');
    }
    if c.flags.contains('#') {
        s.push_str(prefix);
    }
    if let Some(p) = precision {
        for _ in digits.len()..p {
            s.push('0');
        }
    }
    s.push_str(&digits);
    percent_output(&s, c, width, precision, true)
}

/// `%e %E %f %F %g %G` of a float (default precision 6).
pub fn percent_format_float(
    x: f64,
    c: &PercentConv,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let prec = precision.unwrap_or(6);
    let s = double_to_string(x, c.conv, prec, c.flags.contains('#'), false, false);
    percent_output(&s, c, width, precision, true)
}

/// Pad an already converted `%s`/`%r`/`%a` (precision truncates, in chars)
/// or `%c` string.
pub fn percent_pad_str(
    s: &str,
    c: &PercentConv,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    percent_output(s, c, width, precision, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `%` operator argument in the test tables.
    enum TArg {
        I(i64),
        F(u64),
        S(&'static str),
    }

    // BEGIN GENERATED
    // Generated by gen_expectations.py (CPython 3.11.7). Do not edit by hand.
    const REPR: &[(u64, &str)] = &[
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x4341c37937e08000, "1e+16"),
        (0x430c6bf526340000, "1000000000000000.0"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0x3ee4f8b588e368f1, "1e-05"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x3f202c9dedbc309d, "0.0001234"),
        (0x0000000000000001, "5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x8000000000000000, "-0.0"),
        (0x0000000000000000, "0.0"),
        (0x7ff0000000000000, "inf"),
        (0xfff0000000000000, "-inf"),
        (0x7ff8000000000000, "nan"),
        (0x7e37e43c8800759c, "1e+300"),
        (0x3fb999999999999a, "0.1"),
        (0x419d6f3454000000, "123456789.0"),
        (0x3e8421f5f40d8376, "1.5e-07"),
        (0x3e60000000000000, "2.9802322387695312e-08"),
        (0x3e68000000000000, "4.470348358154297e-08"),
        (0x4059000000000000, "100.0"),
        (0x4480f0cf064dd592, "1e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0xbff8000000000000, "-1.5"),
        (0x43e56a95319d63e1, "1.2345678901234567e+19"),
        (0x3fd3333333333333, "0.3"),
        (0x3e7ad7f29abcaf48, "1e-07"),
        (0x4011666666666666, "4.35"),
        (0x4005666666666666, "2.675"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x405edd2f1a9fbe77, "123.456"),
        (0x43b0000000000000, "1.152921504606847e+18"),
        (0x81bac9a7b3b7302f, "-2.5e-300"),
        (0x3ff0000000000000, "1.0"),
        (0x4024000000000000, "10.0"),
        (0x3fe0000000000000, "0.5"),
        (0x3eff75104d551d69, "3e-05"),
    ];
    const FFMT: &[(u64, &str, Result<&str, &str>)] = &[
        (0x40c81cd6e631f8a1, ",.2f", Ok("12,345.68")),
        (0xc00921f9f01b866e, "+08.3f", Ok("-003.142")),
        (0x400921f9f01b866e, "+08.3f", Ok("+003.142")),
        (0x3ff8000000000000, "^10", Ok("   1.5    ")),
        (0x3ff8000000000000, "*>6", Ok("***1.5")),
        (0x3ff0000000000000, "e", Ok("1.000000e+00")),
        (0x40c81cd6c8b43958, "e", Ok("1.234568e+04")),
        (0x40934a456d5cfaad, ".3g", Ok("1.23e+03")),
        (0x3ee9e0fcaf9380fc, ".3g", Ok("1.23e-05")),
        (0x3fd0000000000000, "%", Ok("25.000000%")),
        (0x3fe0000000000000, ".0f", Ok("0")),
        (0x3ff8000000000000, ".0f", Ok("2")),
        (0x4004000000000000, ".0f", Ok("2")),
        (0x400c000000000000, ".0f", Ok("4")),
        (0xbfe0000000000000, ".0f", Ok("-0")),
        (0x4005666666666666, ".2f", Ok("2.67")),
        (0x3ff0000000000000, ".3", Ok("1.0")),
        (0x405ec00000000000, ".2", Ok("1.2e+02")),
        (0x4341c37937e08000, "", Ok("1e+16")),
        (0x4341c37937e08000, ".3", Ok("1e+16")),
        (0x3ff0000000000000, "", Ok("1.0")),
        (0x3fb999999999999a, "", Ok("0.1")),
        (0x8000000000000000, "", Ok("-0.0")),
        (0x8000000000000000, "z", Ok("0.0")),
        (0xbf1a36e2eb1c432d, "z.2f", Ok("0.00")),
        (0x8000000000000000, "z.2e", Ok("0.00e+00")),
        (0x81a56e1fc2f8f359, "z", Ok("-1e-300")),
        (0x8000000000000000, "z%", Ok("0.000000%")),
        (0x7ff0000000000000, "08", Ok("00000inf")),
        (0x7ff0000000000000, "E", Ok("INF")),
        (0xfff0000000000000, "=+10", Ok("-      inf")),
        (0x7ff8000000000000, "+", Ok("+nan")),
        (0x7ff8000000000000, "F", Ok("NAN")),
        (0xfff8000000000000, "", Ok("nan")),
        (0x7ff0000000000000, "%", Ok("inf%")),
        (0x7ff8000000000000, "#%", Ok("nan%")),
        (0xfff0000000000000, "f", Ok("-inf")),
        (0x3fe0000000000000, "n", Ok("0.5")),
        (0x4132d68700000000, "n", Ok("1.23457e+06")),
        (0x4132d68700000000, ",", Ok("1,234,567.0")),
        (0x4132d68700000000, "_", Ok("1_234_567.0")),
        (0x4415af1d78b58c40, ",", Ok("1e+20")),
        (
            0x4415af1d78b58c40,
            ",.2f",
            Ok("100,000,000,000,000,000,000.00"),
        ),
        (0x4132d68700000000, "013,", Ok("001,234,567.0")),
        (0x4132d68700000000, "014,.1f", Ok("0,001,234,567.0")),
        (0xc0934a0000000000, "=12,.1f", Ok("-    1,234.5")),
        (0x3ff0000000000000, "#.0e", Ok("1.e+00")),
        (0x3ff0000000000000, "#.0f", Ok("1.")),
        (0x3ff0000000000000, "#g", Ok("1.00000")),
        (0x3ff0000000000000, "#", Ok("1.0")),
        (0x4341c37937e08000, "#", Ok("1.e+16")),
        (0x405edd2f1a9fbe77, "#.0", Ok("1.e+02")),
        (0x3ff0000000000000, "0<8", Ok("1.000000")),
        (0x3ff0000000000000, "é^9", Ok("ééé1.0ééé")),
        (0x4008000000000000, "x=+8.2f", Ok("+xxx3.00")),
        (0x3ee4f8b588e368f1, "g", Ok("1e-05")),
        (0x3f1a36e2eb1c432d, "g", Ok("0.0001")),
        (0x419d6f3454000000, "g", Ok("1.23457e+08")),
        (
            0x4480f0cf064dd592,
            "f",
            Ok("10000000000000000000000.000000"),
        ),
        (
            0x3fb999999999999a,
            ".60f",
            Ok("0.100000000000000005551115123125782702118158340454101562500000"),
        ),
        (0x0000000000000001, ".3e", Ok("4.941e-324")),
        (
            0x0000000000000001,
            ".20e",
            Ok("4.94065645841246544177e-324"),
        ),
        (
            0x3fb999999999999a,
            ".30g",
            Ok("0.100000000000000005551115123126"),
        ),
        (0x3ff0000000000000, ".0%", Ok("100%")),
        (0x3fc0000000000000, ".2%", Ok("12.50%")),
        (0x8000000000000000, "%", Ok("-0.000000%")),
        (0x4004000000000000, ".0e", Ok("2e+00")),
        (0x400c000000000000, ".0e", Ok("4e+00")),
        (0x3fa999999999999a, ".1f", Ok("0.1")),
        (0x3fc3333333333333, ".1f", Ok("0.1")),
        (0x3fd0000000000000, ".1f", Ok("0.2")),
        (0x3fd6666666666666, ".1f", Ok("0.3")),
        (0x3e7ad7f29abcaf48, "", Ok("1e-07")),
        (0x3ff8000000000000, "<", Ok("1.5")),
        (0x3ff8000000000000, "=5", Ok("  1.5")),
        (0x3ff8000000000000, "-", Ok("1.5")),
        (0x3ff8000000000000, " ", Ok(" 1.5")),
        (0xbff8000000000000, " ", Ok("-1.5")),
        (0x3ff8000000000000, " 8.2f", Ok("    1.50")),
        (0x3ff8000000000000, "-08.2f", Ok("00001.50")),
        (0x3ff0000000000000, "٥", Ok("  1.0")),
        (0x40934a0000000000, "_.3e", Ok("1.234e+03")),
        (0x0000000000000000, "g", Ok("0")),
        (0x0000000000000000, ".0e", Ok("0e+00")),
        (0x4059000000000000, ".0g", Ok("1e+02")),
        (0x3ee4f8b588e368f1, "#.3g", Ok("1.00e-05")),
        (0x4132d68700000000, ",g", Ok("1.23457e+06")),
        (0x3ff0000000000000, "G", Ok("1")),
        (0x54b249ad2594c37d, "G", Ok("1E+100")),
        (
            0x3ff0000000000000,
            "d",
            Err("Unknown format code 'd' for object of type 'float'"),
        ),
        (
            0x3ff0000000000000,
            ",c",
            Err("Cannot specify ',' with 'c'."),
        ),
        (
            0x3ff0000000000000,
            ".2fx",
            Err("Invalid format specifier '.2fx' for object of type 'float'"),
        ),
        (
            0x3ff0000000000000,
            ",_",
            Err("Cannot specify both ',' and '_'."),
        ),
        (
            0x3ff0000000000000,
            "_,",
            Err("Cannot specify both ',' and '_'."),
        ),
        (
            0x3ff0000000000000,
            ".",
            Err("Format specifier missing precision"),
        ),
        (0x3ff0000000000000, ".3000000000", Err("precision too big")),
        (
            0x3ff0000000000000,
            "111111111111111111111111111111",
            Err("Too many decimal digits in format string"),
        ),
        (
            0x3ff0000000000000,
            "s",
            Err("Unknown format code 's' for object of type 'float'"),
        ),
        (
            0x3ff0000000000000,
            "x",
            Err("Unknown format code 'x' for object of type 'float'"),
        ),
        (
            0x3ff0000000000000,
            "\u{1}",
            Err("Unknown format code '\\x1' for object of type 'float'"),
        ),
        (
            0x3ff0000000000000,
            ",\u{7f}",
            Err("Cannot specify ',' with '\u{7f}'."),
        ),
        (
            0x3ff0000000000000,
            "ü",
            Err("Unknown format code '\\xfc' for object of type 'float'"),
        ),
        (
            0x3ff0000000000000,
            "zz",
            Err("Unknown format code 'z' for object of type 'float'"),
        ),
    ];
    const IFMT: &[(&str, &str, Result<&str, &str>)] = &[
        ("255", "x", Ok("ff")),
        ("255", "#b", Ok("0b11111111")),
        ("-255", "#x", Ok("-0xff")),
        ("255", "#X", Ok("0XFF")),
        ("4294967295", "_x", Ok("ffff_ffff")),
        ("255", "_b", Ok("1111_1111")),
        ("-255", "#012_x", Ok("-0x0000_00ff")),
        ("255", "#012_b", Ok("0b0_1111_1111")),
        ("1234567", ",", Ok("1,234,567")),
        ("1234567", "_", Ok("1_234_567")),
        ("1234", "08,", Ok("0,001,234")),
        ("1234", "09,", Ok("0,001,234")),
        ("-1234567", "013,", Ok("-0,001,234,567")),
        ("42", "+d", Ok("+42")),
        ("42", " d", Ok(" 42")),
        ("-42", "=+8", Ok("-     42")),
        ("42", "^9", Ok("   42    ")),
        ("42", "*<6", Ok("42****")),
        ("42", "06", Ok("000042")),
        ("-42", "06", Ok("-00042")),
        ("42", "<06", Ok("420000")),
        ("42", "o", Ok("52")),
        ("42", "#o", Ok("0o52")),
        ("65", "c", Ok("A")),
        ("65", "^5c", Ok("  A  ")),
        ("65", "05c", Ok("0000A")),
        ("1114112", "c", Err("%c arg not in range(0x110000)")),
        ("-1", "c", Err("%c arg not in range(0x110000)")),
        ("65", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("65", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("10", "n", Ok("10")),
        ("10", ",n", Err("Cannot specify ',' with 'n'.")),
        ("10", ",x", Err("Cannot specify ',' with 'x'.")),
        ("10", "_c", Err("Cannot specify '_' with 'c'.")),
        ("10", ".2", Err("Precision not allowed in integer format specifier")),
        ("10", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("10", "e", Ok("1.000000e+01")),
        ("10", ".2f", Ok("10.00")),
        ("10", "%", Ok("1000.000000%")),
        ("123456789012345678901234567890", ",", Ok("123,456,789,012,345,678,901,234,567,890")),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "e", Err("int too large to convert to float")),
        ("1180591620717411303424", "e", Ok("1.180592e+21")),
        ("9007199254740993", "f", Ok("9007199254740992.000000")),
        ("10", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("10", "abc", Err("Invalid format specifier 'abc' for object of type 'int'")),
        ("1", "\u{0}", Err("Unknown format code '\\x0' for object of type 'int'")),
        ("0", "#x", Ok("0x0")),
        ("0", "", Ok("0")),
        ("5", "٣", Ok("  5")),
        ("1", "\u{0}<5", Ok("1\u{0}\u{0}\u{0}\u{0}")),
        ("-5", "", Ok("-5")),
        ("255", "#_o", Ok("0o377")),
        ("-0", "+", Ok("+0")),
        ("-1267650600228229401496703205376", "_x", Ok("-10_0000_0000_0000_0000_0000_0000")),
        ("12345", "#020_b", Ok("0b011_0000_0011_1001")),
        ("7", "=^5", Ok("==7==")),
        ("100", "G", Ok("100")),
        ("100", ",.1%", Ok("10,000.0%")),
    ];
    const SFMT: &[(&str, &str, Result<&str, &str>)] = &[
        ("ab", "05", Ok("ab000")),
        ("abc", "^7", Ok("  abc  ")),
        ("abc", ">7", Ok("    abc")),
        ("abc", "*^8", Ok("**abc***")),
        ("héllo", ".2", Ok("hé")),
        ("héllo", "10.3", Ok("hél       ")),
        ("😀", "^5", Ok("  😀  ")),
        ("ab", ",", Err("Cannot specify ',' with 's'.")),
        (
            "ab",
            "=5",
            Err("'=' alignment not allowed in string format specifier"),
        ),
        (
            "ab",
            "+",
            Err("Sign not allowed in string format specifier"),
        ),
        (
            "ab",
            " ",
            Err("Space not allowed in string format specifier"),
        ),
        (
            "ab",
            "#",
            Err("Alternate form (#) not allowed in string format specifier"),
        ),
        (
            "ab",
            "z",
            Err("Negative zero coercion (z) not allowed in string format specifier"),
        ),
        (
            "ab",
            "d",
            Err("Unknown format code 'd' for object of type 'str'"),
        ),
        (
            "ab",
            "\u{1}",
            Err("Unknown format code '\\x1' for object of type 'str'"),
        ),
        ("", "3", Ok("   ")),
        ("abc", "", Ok("abc")),
        ("abc", ".0", Ok("")),
        ("ab", "_", Err("Cannot specify '_' with 's'.")),
        ("ab", "s", Ok("ab")),
        ("ab", "é<4", Ok("abéé")),
        ("ab", "<04", Ok("ab00")),
        ("ab", ">04", Ok("00ab")),
        ("abc", "2", Ok("abc")),
        (
            "ab",
            "-",
            Err("Sign not allowed in string format specifier"),
        ),
    ];
    // (x, ndigits, Some(result bits) or None for OverflowError)
    const ROUND: &[(u64, i64, Option<u64>)] = &[
        (0x4005666666666666, 2, Some(0x40055c28f5c28f5c)),
        (0x40934a456d5cfaad, -2, Some(0x4092c00000000000)),
        (0x3fe0000000000000, 0, Some(0x0000000000000000)),
        (0x3ff8000000000000, 0, Some(0x4000000000000000)),
        (0x4004000000000000, 0, Some(0x4000000000000000)),
        (0xbfe0000000000000, 0, Some(0x8000000000000000)),
        (0xbfd999999999999a, 0, Some(0x8000000000000000)),
        (0x3fc0000000000000, 2, Some(0x3fbeb851eb851eb8)),
        (0x3fd8000000000000, 2, Some(0x3fd851eb851eb852)),
        (0x7e37e43c8800759c, 400, Some(0x7e37e43c8800759c)),
        (0x7fefffffffffffff, -308, None),
        (0x0000000000000001, 323, Some(0x0000000000000000)),
        (0x0000000000000001, 324, Some(0x0000000000000001)),
        (0x405edd2f1a9fbe77, -400, Some(0x0000000000000000)),
        (0xc05edd2f1a9fbe77, -400, Some(0x8000000000000000)),
        (0x7ff0000000000000, 2, Some(0x7ff0000000000000)),
        (0xfff0000000000000, -2, Some(0xfff0000000000000)),
        (0x8000000000000000, 2, Some(0x8000000000000000)),
        (0x402e000000000000, -1, Some(0x4034000000000000)),
        (0x4039000000000000, -1, Some(0x4034000000000000)),
        (0x4041800000000000, -1, Some(0x4044000000000000)),
        (0xc039000000000000, -1, Some(0xc034000000000000)),
        (0x4010000000000000, -1, Some(0x0000000000000000)),
        (0xc010000000000000, -1, Some(0x8000000000000000)),
        (0x4480f0cf064dd592, -21, Some(0x4480f0cf064dd592)),
        (0x3fd3333333333334, 15, Some(0x3fd3333333333333)),
        (0x3ff0147ae147ae14, 2, Some(0x3ff0000000000000)),
        (0x4004000000000000, 1, Some(0x4004000000000000)),
        (0x3fd23d70a3d70a3d, 2, Some(0x3fd1eb851eb851ec)),
        (0x7fefffffffffffff, -300, Some(0x7feffffffe8c42f7)),
        (0x40fe240c9fbe76c9, -308, Some(0x0000000000000000)),
        (0x0000000000000001, 0, Some(0x0000000000000000)),
    ];
    // (x, float(round(x)))
    const RHE: &[(u64, u64)] = &[
        (0x4004000000000000, 0x4000000000000000),
        (0xbfe0000000000000, 0x0000000000000000),
        (0x3fe0000000000000, 0x0000000000000000),
        (0x3ff8000000000000, 0x4000000000000000),
        (0xbff8000000000000, 0xc000000000000000),
        (0x400d99999999999a, 0x4010000000000000),
        (0xc00d99999999999a, 0xc010000000000000),
        (0x4330000000000001, 0x4330000000000001),
        (0x7e37e43c8800759c, 0x7e37e43c8800759c),
        (0x3fdfffffffffffff, 0x0000000000000000),
        (0xc004000000000000, 0xc000000000000000),
    ];
    // None: ValueError; Some(None): a NaN (with sign bit flag); Some(Some(bits))
    const PFLOAT: &[(&str, Option<Result<u64, bool>>)] = &[
        (" 1.5 ", Some(Ok(0x3ff8000000000000))),
        ("1_000.5", Some(Ok(0x408f440000000000))),
        ("1__0", None),
        ("_1", None),
        ("1_", None),
        ("1_e5", None),
        ("1e_5", None),
        ("1e5_0", Some(Ok(0x4a511b0ec57e649a))),
        ("1.5_5", Some(Ok(0x3ff8cccccccccccd))),
        ("1._5", None),
        ("inf", Some(Ok(0x7ff0000000000000))),
        ("-Infinity", Some(Ok(0xfff0000000000000))),
        ("iNF", Some(Ok(0x7ff0000000000000))),
        ("nan", Some(Err(false))),
        ("-nan", Some(Err(true))),
        ("+nan", Some(Err(false))),
        ("infinit", None),
        ("infx", None),
        ("1e", None),
        ("1e+", None),
        (".", None),
        (".e5", None),
        ("1.e5", Some(Ok(0x40f86a0000000000))),
        (".5", Some(Ok(0x3fe0000000000000))),
        ("5.", Some(Ok(0x4014000000000000))),
        ("+.5e-3", Some(Ok(0x3f40624dd2f1a9fc))),
        ("١٢٣", Some(Ok(0x405ec00000000000))),
        ("\u{3000}1.5\u{3000}", Some(Ok(0x3ff8000000000000))),
        ("\u{1c}1", None),
        ("1e400", Some(Ok(0x7ff0000000000000))),
        ("-1e400", Some(Ok(0xfff0000000000000))),
        ("1e-400", Some(Ok(0x0000000000000000))),
        ("-1e-400", Some(Ok(0x8000000000000000))),
        ("0x10", None),
        ("", None),
        ("  ", None),
        ("--1", None),
        ("1 2", None),
        ("0.1", Some(Ok(0x3fb999999999999a))),
        ("1e16", Some(Ok(0x4341c37937e08000))),
        ("9007199254740993", Some(Ok(0x4340000000000000))),
        ("2.2250738585072011e-308", Some(Ok(0x000fffffffffffff))),
        ("4.9406564584124654e-324", Some(Ok(0x0000000000000001))),
        ("1E5", Some(Ok(0x40f86a0000000000))),
        ("-0", Some(Ok(0x8000000000000000))),
        ("  -0.0\u{a}", Some(Ok(0x8000000000000000))),
        ("in f", None),
        ("nan(1)", None),
        ("1_0e1_0", Some(Ok(0x42374876e8000000))),
        ("+-1", None),
        ("\u{a0}1\u{85}", Some(Ok(0x3ff0000000000000))),
    ];
    const PINT: &[(&str, u32, Option<&str>)] = &[
        ("0x1f", 16, Some("31")),
        ("0x1f", 0, Some("31")),
        ("0X_1F", 0, Some("31")),
        ("0o17", 0, Some("15")),
        ("0o17", 8, Some("15")),
        ("0b101", 0, Some("5")),
        ("0b101", 2, Some("5")),
        ("010", 0, None),
        ("00", 0, Some("0")),
        ("0_0", 0, Some("0")),
        ("010", 10, Some("10")),
        ("1_000", 10, Some("1000")),
        ("1__0", 10, None),
        ("_1", 10, None),
        ("1_", 10, None),
        (" -42 ", 10, Some("-42")),
        ("+7", 0, Some("7")),
        ("- 1", 10, None),
        ("z", 36, Some("35")),
        ("Z9", 36, Some("1269")),
        ("0b2", 0, None),
        ("0x", 16, None),
        ("0x_", 16, None),
        ("١٢٣", 10, Some("123")),
        ("\u{2003} 12\u{2003}", 10, Some("12")),
        ("\u{1c}12", 10, None),
        ("0x1f", 10, None),
        ("1f", 16, Some("31")),
        ("0b_1_0", 0, Some("2")),
        ("0_x1", 0, None),
        ("", 10, None),
        (
            "99999999999999999999999999",
            10,
            Some("99999999999999999999999999"),
        ),
        ("-0", 0, Some("0")),
        ("0x_1", 0, Some("1")),
        ("12", 3, Some("5")),
        ("0o8", 8, None),
        ("7", 7, None),
        ("-0b11", 2, Some("-3")),
        ("0b11", 16, Some("2833")),
        ("0x__1", 16, None),
        ("1 2", 10, None),
        ("\u{9}+00123\u{a}", 0, None),
    ];
    const RADIX: &[(&str, u32, &str, &str)] = &[
        ("-31", 16, "0x", "-0x1f"),
        ("0", 2, "0b", "0b0"),
        ("8", 8, "0o", "0o10"),
        ("255", 16, "0x", "0xff"),
        (
            "1267650600228229401496703205377",
            16,
            "0x",
            "0x10000000000000000000000001",
        ),
        ("-5", 2, "0b", "-0b101"),
        ("-10", 10, "", "-10"),
    ];
    const PCT: &[(&str, &[TArg], Result<&str, &str>)] = &[
        ("%5.2f", &[TArg::F(0x400921f9f01b866e)], Ok(" 3.14")),
        ("%-6d|", &[TArg::I(42)], Ok("42    |")),
        ("%05d", &[TArg::I(42)], Ok("00042")),
        ("%05d", &[TArg::I(-42)], Ok("-0042")),
        ("%x", &[TArg::I(255)], Ok("ff")),
        ("%X", &[TArg::I(255)], Ok("FF")),
        ("%#x", &[TArg::I(255)], Ok("0xff")),
        ("%#X", &[TArg::I(255)], Ok("0XFF")),
        ("%#o", &[TArg::I(8)], Ok("0o10")),
        ("%o", &[TArg::I(8)], Ok("10")),
        ("%.3s", &[TArg::S("abcdef")], Ok("abc")),
        ("%e", &[TArg::F(0x40c81cd6c8b43958)], Ok("1.234568e+04")),
        ("%E", &[TArg::F(0x3ddb7cdfd9d7bdbb)], Ok("1.000000E-10")),
        ("%g", &[TArg::F(0x3ee4f8b588e368f1)], Ok("1e-05")),
        ("%G", &[TArg::F(0x4415af1d78b58c40)], Ok("1E+20")),
        ("%#g", &[TArg::F(0x3ff8000000000000)], Ok("1.50000")),
        ("%.0e", &[TArg::F(0x3ff8000000000000)], Ok("2e+00")),
        ("%#.0e", &[TArg::F(0x3ff8000000000000)], Ok("2.e+00")),
        ("%#.0f", &[TArg::F(0x3ff8000000000000)], Ok("2.")),
        ("%.0f", &[TArg::F(0x3fe0000000000000)], Ok("0")),
        ("%.0f", &[TArg::F(0x4004000000000000)], Ok("2")),
        ("%+d", &[TArg::I(5)], Ok("+5")),
        ("% d", &[TArg::I(5)], Ok(" 5")),
        ("%+05d|", &[TArg::I(3)], Ok("+0003|")),
        ("% 05d|", &[TArg::I(3)], Ok(" 0003|")),
        ("%-05d|", &[TArg::I(3)], Ok("3    |")),
        ("%#.5x", &[TArg::I(255)], Ok("0x000ff")),
        ("%.5x", &[TArg::I(-255)], Ok("-000ff")),
        ("%#.5X", &[TArg::I(-255)], Ok("-0X000FF")),
        ("%#010.5x", &[TArg::I(-255)], Ok("-0x00000ff")),
        ("%#5o|", &[TArg::I(8)], Ok(" 0o10|")),
        ("%#05o|", &[TArg::I(-8)], Ok("-0o10|")),
        ("%#-8x|", &[TArg::I(255)], Ok("0xff    |")),
        ("%05f", &[TArg::F(0x7ff0000000000000)], Ok("00inf")),
        ("%f", &[TArg::F(0x7ff8000000000000)], Ok("nan")),
        ("%F", &[TArg::F(0x7ff0000000000000)], Ok("INF")),
        ("%+f", &[TArg::F(0x7ff0000000000000)], Ok("+inf")),
        ("%05s", &[TArg::S("ab")], Ok("   ab")),
        ("%+5s|", &[TArg::S("ab")], Ok("   ab|")),
        ("%5c|", &[TArg::S("a")], Ok("    a|")),
        ("%-5c|", &[TArg::S("é")], Ok("é    |")),
        ("%*d", &[TArg::I(-5), TArg::I(3)], Ok("3    ")),
        ("%*d|", &[TArg::I(5), TArg::I(3)], Ok("    3|")),
        ("%.*f", &[TArg::I(-5), TArg::F(0x4008000000000000)], Ok("3")),
        (
            "%.*f",
            &[TArg::I(2), TArg::F(0x400921f9f01b866e)],
            Ok("3.14"),
        ),
        ("%ld", &[TArg::I(5)], Ok("5")),
        ("%hd", &[TArg::I(5)], Ok("5")),
        ("%%", &[], Ok("%")),
        ("100%% %d", &[TArg::I(1)], Ok("100% 1")),
        ("%i %u", &[TArg::I(1), TArg::I(2)], Ok("1 2")),
        ("%10.4s|", &[TArg::S("abcdefg")], Ok("      abcd|")),
        ("%-10s|", &[TArg::S("héllo")], Ok("héllo     |")),
        (
            "%.60f",
            &[TArg::F(0x3fb999999999999a)],
            Ok("0.100000000000000005551115123125782702118158340454101562500000"),
        ),
        ("%.f", &[TArg::F(0x3ff8000000000000)], Ok("2")),
        ("%s", &[TArg::S("😀")], Ok("😀")),
        ("%x", &[TArg::I(-255)], Ok("-ff")),
        ("%.20d", &[TArg::I(12345)], Ok("00000000000000012345")),
        ("%3d", &[TArg::I(123456)], Ok("123456")),
        ("%e", &[TArg::F(0x0000000000000000)], Ok("0.000000e+00")),
        ("%g", &[TArg::F(0x8000000000000000)], Ok("-0")),
        ("%+.3e", &[TArg::F(0xfe37e43c8800759c)], Ok("-1.000e+300")),
        (
            "%010.3f|",
            &[TArg::F(0xc00921f9f01b866e)],
            Ok("-00003.142|"),
        ),
        ("% f", &[TArg::F(0x4000000000000000)], Ok(" 2.000000")),
        ("%#x", &[TArg::I(0)], Ok("0x0")),
        ("%+#x", &[TArg::I(255)], Ok("+0xff")),
        ("% #o", &[TArg::I(8)], Ok(" 0o10")),
        (
            "%f",
            &[TArg::F(0x4480f0cf064dd592)],
            Ok("10000000000000000000000.000000"),
        ),
        ("%.3g", &[TArg::F(0x4132d68700000000)], Ok("1.23e+06")),
        ("%-+8.2f|", &[TArg::F(0x3ff0147ae147ae14)], Ok("+1.00   |")),
        ("%0-8d|", &[TArg::I(7)], Ok("7       |")),
        ("%G", &[TArg::F(0x7ff8000000000000)], Ok("NAN")),
        ("%c%c", &[TArg::S("a"), TArg::S("b")], Ok("ab")),
    ];
    const PCT_ERR: &[(&str, &str)] = &[
        ("%", "incomplete format"),
        ("%(a", "incomplete format key"),
        ("%(a)", "incomplete format"),
        ("%z", "unsupported format character 'z' (0x7a) at index 1"),
        (
            "ab%-z",
            "unsupported format character 'z' (0x7a) at index 4",
        ),
        ("%5%", "unsupported format character '%' (0x25) at index 2"),
        ("%-", "incomplete format"),
        ("%5", "incomplete format"),
        ("%.", "incomplete format"),
        ("%.5", "incomplete format"),
        ("%l", "incomplete format"),
        ("%é", "unsupported format character '?' (0xe9) at index 1"),
        ("%99999999999999999999d", "width too big"),
        ("%.99999999999d", "precision too big"),
        (
            "%\u{1}",
            "unsupported format character '?' (0x1) at index 1",
        ),
        ("%(a(b)", "incomplete format key"),
        ("%*", "incomplete format"),
        ("%.*", "incomplete format"),
        ("%-%", "unsupported format character '%' (0x25) at index 2"),
        ("%*.*", "incomplete format"),
    ];
    // END GENERATED

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    fn ffmt(x: f64, spec: &str) -> Result<String, String> {
        parse_format_spec_for(spec, "float").and_then(|s| format_float(x, &s))
    }

    fn ifmt(x: &str, spec: &str) -> Result<String, String> {
        parse_format_spec_for(spec, "int").and_then(|s| format_int(&big(x), &s))
    }

    fn sfmt(x: &str, spec: &str) -> Result<String, String> {
        parse_format_spec_for(spec, "str").and_then(|s| format_str(x, &s))
    }

    fn check(what: &str, got: Result<String, String>, want: &Result<&str, &str>) {
        let want = want.map(str::to_string).map_err(str::to_string);
        assert_eq!(got, want, "{}", what);
    }

    /// Minimal `fmt % args` driver (positional arguments only).
    fn percent(fmt: &str, args: &[TArg]) -> Result<String, String> {
        let mut out = String::new();
        let mut it = args.iter();
        let mut next = || it.next().ok_or("not enough arguments for format string");
        for piece in parse_percent_format(fmt)? {
            let mut c = match piece {
                PercentPiece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                PercentPiece::Conv(c) => c,
            };
            let mut star = |flags: &mut String, left: bool| -> Result<usize, String> {
                match next()? {
                    TArg::I(v) => {
                        if *v < 0 && left {
                            flags.push('-');
                        }
                        Ok(if left {
                            v.unsigned_abs()
                        } else {
                            (*v).max(0) as u64
                        } as usize)
                    }
                    _ => Err("* wants int".to_string()),
                }
            };
            let width = match c.width {
                None => None,
                Some(PercentArg::Num(n)) => Some(n),
                Some(PercentArg::Star) => Some(star(&mut c.flags, true)?),
            };
            let prec = match c.precision {
                None => None,
                Some(PercentArg::Num(n)) => Some(n),
                Some(PercentArg::Star) => Some(star(&mut c.flags, false)?),
            };
            let s = match (c.conv, next()?) {
                ('d' | 'i' | 'u' | 'o' | 'x' | 'X', TArg::I(v)) => {
                    percent_format_int(&BigInt::from(*v), &c, width, prec)
                }
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', TArg::F(b)) => {
                    percent_format_float(f64::from_bits(*b), &c, width, prec)
                }
                ('s' | 'c', TArg::S(s)) => percent_pad_str(s, &c, width, prec),
                _ => return Err("bad test argument".to_string()),
            };
            out.push_str(&s);
        }
        if next().is_ok() {
            return Err("not all arguments converted during string formatting".to_string());
        }
        Ok(out)
    }

    #[test]
    fn repr_matches_cpython() {
        for &(b, want) in REPR {
            assert_eq!(float_repr(f64::from_bits(b)), want, "repr of {:x}", b);
            // format(x, '') == str(x)
            assert_eq!(ffmt(f64::from_bits(b), "").unwrap(), want);
        }
    }

    #[test]
    fn format_float_matches_cpython() {
        for (b, spec, want) in FFMT {
            let x = f64::from_bits(*b);
            check(&format!("format({:?}, {:?})", x, spec), ffmt(x, spec), want);
        }
    }

    #[test]
    fn format_int_matches_cpython() {
        for (x, spec, want) in IFMT {
            check(&format!("format({}, {:?})", x, spec), ifmt(x, spec), want);
        }
    }

    #[test]
    fn format_str_matches_cpython() {
        for (x, spec, want) in SFMT {
            check(&format!("format({:?}, {:?})", x, spec), sfmt(x, spec), want);
        }
    }

    #[test]
    fn round_matches_cpython() {
        for &(b, nd, want) in ROUND {
            let x = f64::from_bits(b);
            let got = round_float(x, nd);
            match want {
                Some(w) => assert_eq!(got.to_bits(), w, "round({:?}, {})", x, nd),
                None => assert!(got.is_infinite(), "round({:?}, {}) should overflow", x, nd),
            }
        }
        for &(b, want) in RHE {
            let x = f64::from_bits(b);
            // + 0.0: the int conversion drops the sign of a zero
            assert_eq!((round_half_even(x) + 0.0).to_bits(), want, "round({:?})", x);
        }
    }

    #[test]
    fn parse_float_matches_cpython() {
        for &(s, want) in PFLOAT {
            let got = parse_float(s);
            match want {
                None => assert!(got.is_none(), "float({:?}) = {:?}", s, got),
                Some(Ok(b)) => assert_eq!(got.map(f64::to_bits), Some(b), "float({:?})", s),
                Some(Err(neg)) => {
                    let v = got.unwrap_or_else(|| panic!("float({:?})", s));
                    assert!(v.is_nan() && v.is_sign_negative() == neg, "float({:?})", s);
                }
            }
        }
    }

    #[test]
    fn parse_int_matches_cpython() {
        for &(s, base, want) in PINT {
            let got = parse_int(s, base).map(|v| v.to_string());
            assert_eq!(got.as_deref(), want, "int({:?}, {})", s, base);
        }
        assert_eq!(parse_int("12", 1), None);
        assert_eq!(parse_int("12", 37), None);
    }

    #[test]
    fn int_to_radix_matches_cpython() {
        for &(x, radix, prefix, want) in RADIX {
            assert_eq!(int_to_radix(&big(x), radix, prefix), want);
        }
    }

    #[test]
    fn percent_matches_cpython() {
        for (fmt, args, want) in PCT {
            check(&format!("{:?} % ...", fmt), percent(fmt, args), want);
        }
        for &(fmt, want) in PCT_ERR {
            assert_eq!(
                parse_percent_format(fmt).err().as_deref(),
                Some(want),
                "{:?}",
                fmt
            );
        }
    }

    #[test]
    fn brief_examples() {
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(ffmt(1.0, ".3").unwrap(), "1.0");
        assert_eq!(ffmt(123.0, ".2").unwrap(), "1.2e+02");
        assert_eq!(ffmt(1234567.891, ",.2f").unwrap(), "1,234,567.89");
        assert_eq!(ffmt(0.5, ".0f").unwrap(), "0");
        assert_eq!(ffmt(1.5, ".0f").unwrap(), "2");
        assert_eq!(ffmt(2.5, ".0f").unwrap(), "2");
        assert_eq!(ifmt("1234", "08,").unwrap(), "0,001,234");
        assert_eq!(ifmt("-31", "#x").unwrap(), "-0x1f");
        assert_eq!(round_float(2.675, 2), 2.67);
        assert_eq!(round_float(1234.5678, -2), 1200.0);
        assert_eq!(round_float(0.5, 0), 0.0);
        assert_eq!(round_half_even(2.5), 2.0);
        assert_eq!(round_half_even(-0.5), 0.0);
        assert_eq!(int_to_radix(&big("-31"), 16, "0x"), "-0x1f");
        assert_eq!(
            percent(
                "%5.2f|%-6d|%05d|%x|%#o|%.3s",
                &[
                    TArg::F(1.23456f64.to_bits()),
                    TArg::I(42),
                    TArg::I(-42),
                    TArg::I(255),
                    TArg::I(8),
                    TArg::S("abcdef"),
                ]
            )
            .unwrap(),
            " 1.23|42    |-0042|ff|0o10|abc"
        );
    }

    #[test]
    fn parse_format_spec_fields() {
        let s = parse_format_spec("*^+#012,.3f").unwrap();
        assert_eq!(
            s,
            FormatSpec {
                fill: '*',
                align: Some('^'),
                sign: Some('+'),
                alternate: true,
                zero: false,
                width: Some(12),
                grouping: Some(','),
                precision: Some(3),
                ty: Some('f'),
                no_neg_0: false,
            }
        );
        let s = parse_format_spec("z08_").unwrap();
        assert!(s.zero && s.no_neg_0);
        assert_eq!(
            (s.fill, s.align, s.width, s.grouping),
            ('0', None, Some(8), Some('_'))
        );
        assert_eq!(parse_format_spec("").unwrap(), FormatSpec::default());
        assert_eq!(FormatSpec::default().fill, ' ');
        assert_eq!(
            parse_format_spec("abc").unwrap_err(),
            "Invalid format specifier 'abc'"
        );
        assert_eq!(
            parse_format_spec_for("abc", "int").unwrap_err(),
            "Invalid format specifier 'abc' for object of type 'int'"
        );
        // Unicode digits are accepted in widths, as in CPython.
        assert_eq!(
            parse_format_spec("\u{0663}\u{0661}").unwrap().width,
            Some(31)
        );
    }

    #[test]
    fn parse_percent_structure() {
        let p = parse_percent_format("a%%b%(k(x))-#10.*ld%*s%.f").unwrap();
        assert_eq!(
            p,
            vec![
                PercentPiece::Literal("a%b".to_string()),
                PercentPiece::Conv(PercentConv {
                    key: Some("k(x)".to_string()),
                    flags: "-#".to_string(),
                    width: Some(PercentArg::Num(10)),
                    precision: Some(PercentArg::Star),
                    conv: 'd',
                }),
                PercentPiece::Conv(PercentConv {
                    key: None,
                    flags: String::new(),
                    width: Some(PercentArg::Star),
                    precision: None,
                    conv: 's',
                }),
                PercentPiece::Conv(PercentConv {
                    key: None,
                    flags: String::new(),
                    width: None,
                    precision: Some(PercentArg::Num(0)),
                    conv: 'f',
                }),
            ]
        );
    }

    #[test]
    fn shortest_ties_to_even() {
        // Exact value 2.98023223876953125e-08: dtoa picks the even digit.
        assert_eq!(float_repr(2f64.powi(-25)), "2.9802322387695312e-08");
        for j in 1..30 {
            for m in (1u64..2000).step_by(2) {
                let x = m as f64 / 2f64.powi(j);
                let r = float_repr(x);
                assert_eq!(r.parse::<f64>().unwrap(), x, "{}", r);
            }
        }
    }

    #[test]
    fn int_to_float_conversion_is_correctly_rounded() {
        let two = BigInt::from(2);
        let p = |e: u32| num_traits::pow(two.clone(), e as usize);
        assert_eq!(bigint_to_f64(&(p(53) + 1)), Some(9007199254740992.0));
        assert_eq!(bigint_to_f64(&(p(53) + 3)), Some(9007199254740996.0));
        assert_eq!(bigint_to_f64(&(p(80) + p(27))), Some(2f64.powi(80)));
        assert_eq!(
            bigint_to_f64(&(p(80) + p(27) + 1)),
            Some(2f64.powi(80) + 2f64.powi(28))
        );
        assert_eq!(bigint_to_f64(&-(p(1023))), Some(-(2f64.powi(1023))));
        assert_eq!(bigint_to_f64(&(p(1024) - p(970))), None);
        assert_eq!(bigint_to_f64(&(p(1024) - p(970) - 1)), Some(f64::MAX));
    }
}
