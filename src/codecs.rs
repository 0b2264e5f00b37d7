//! `str.encode` and `bytes.decode` for the codecs programs name most (UTF-8, ASCII,
//! Latin-1), with the strict, ignore and replace error handlers and CPython's error
//! messages. Any other codec is a LookupError, as an unknown one is in CPython.

use crate::object::{ExcKind, PyErr, PyResult};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec an encoding name means, normalized as `encodings.normalize_encoding`
    /// does (case, hyphens and spaces) and through CPython's aliases for these three.
    pub(crate) fn lookup(name: &str) -> PyResult<Codec> {
        let norm: String = name
            .trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        Ok(match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us_ascii" | "646" | "us" => Codec::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859"
            | "cp819" | "iso_ir_100" => Codec::Latin1,
            _ => {
                return Err(PyErr::new(
                    ExcKind::LookupError,
                    format!("unknown encoding: {name}"),
                ))
            }
        })
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The largest code point the codec writes as one byte (UTF-8 writes all).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => u32::MAX,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
}

/// An error handler, looked up only when an error needs one (as CPython does: an
/// unknown name passes if the text encodes cleanly).
fn handler(errors: &str) -> PyResult<Handler> {
    match errors {
        "strict" => Ok(Handler::Strict),
        "ignore" => Ok(Handler::Ignore),
        "replace" => Ok(Handler::Replace),
        _ => Err(PyErr::new(
            ExcKind::LookupError,
            format!("unknown error handler name '{errors}'"),
        )),
    }
}

pub(crate) fn encode(s: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let mut out = Vec::with_capacity(s.len());
    for (pos, c) in s.chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            continue;
        }
        match handler(errors)? {
            Handler::Ignore => {}
            Handler::Replace => out.push(b'?'),
            Handler::Strict => {
                let repr = escape(c);
                return Err(PyErr::new(
                    ExcKind::UnicodeEncodeError,
                    format!(
                        "'{}' codec can't encode character '{repr}' in position {pos}: \
                         ordinal not in range({limit})",
                        codec.name()
                    ),
                ));
            }
        }
    }
    Ok(out)
}

pub(crate) fn decode(b: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    match codec {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (pos, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match handler(errors)? {
                    Handler::Ignore => {}
                    Handler::Replace => out.push('\u{FFFD}'),
                    Handler::Strict => {
                        return Err(decode_error(
                            codec,
                            format!("byte 0x{x:02x} in position {pos}"),
                            "ordinal not in range(128)",
                        ))
                    }
                }
            }
            Ok(out)
        }
        Codec::Utf8 => decode_utf8(b, errors),
    }
}

/// UTF-8, where an invalid sequence is replaced by one U+FFFD per maximal subpart
/// (Rust's and CPython's common practice) or skipped, or raises CPython's error.
fn decode_utf8(mut b: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(b.len());
    let mut offset = 0;
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY: from_utf8 validated the bytes up to `good`.
                out.push_str(unsafe { std::str::from_utf8_unchecked(&b[..good]) });
                let bad = e.error_len().unwrap_or(b.len() - good);
                match handler(errors)? {
                    Handler::Ignore => {}
                    Handler::Replace => out.push('\u{FFFD}'),
                    Handler::Strict => {
                        let at = offset + good;
                        let first = b[good];
                        let (what, reason) = match e.error_len() {
                            None if bad > 1 => (
                                format!("bytes in position {at}-{}", at + bad - 1),
                                "unexpected end of data",
                            ),
                            None => (
                                format!("byte 0x{first:02x} in position {at}"),
                                "unexpected end of data",
                            ),
                            Some(_) if (0xC2..=0xF4).contains(&first) => (
                                format!("byte 0x{first:02x} in position {at}"),
                                "invalid continuation byte",
                            ),
                            Some(_) => (
                                format!("byte 0x{first:02x} in position {at}"),
                                "invalid start byte",
                            ),
                        };
                        return Err(decode_error(Codec::Utf8, what, reason));
                    }
                }
                offset += good + bad;
                b = &b[good + bad..];
            }
        }
    }
}

/// A character as the encode error shows it: always escaped, by its width.
fn escape(c: char) -> String {
    match c as u32 {
        n if n < 0x100 => format!("\\x{n:02x}"),
        n if n < 0x10000 => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

fn decode_error(codec: Codec, what: String, reason: &str) -> PyErr {
    PyErr::new(
        ExcKind::UnicodeDecodeError,
        format!("'{}' codec can't decode {what}: {reason}", codec.name()),
    )
}
