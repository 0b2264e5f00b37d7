//! Positional-argument counts of built-in functions, constructors and methods, checked
//! before they run, with the error worded as CPython 3.11 words it. CPython's wording
//! depends on how each function is declared in C, so the rules come from CPython
//! itself: `tools/gen_arity.py` calls each one with 0 to 6 arguments and writes
//! `arity_table.rs` from the messages.

use crate::object::{PyErr, PyResult, Value};

/// How CPython declares the function, which decides the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// METH_NOARGS: "str.upper() takes no arguments (1 given)".
    NoArgs,
    /// METH_O: "list.append() takes exactly one argument (0 given)".
    One,
    /// Argument Clinic's positional check: "insert expected 2 arguments, got 1",
    /// "get expected at least 1 argument, got 0", "pop expected at most 1 argument,
    /// got 2".
    Clinic,
    /// PyArg_ParseTuple and the keyword parser: "find() takes at least 1 argument (0
    /// given)", "split() takes at most 2 arguments (3 given)".
    Tuple,
    /// The keyword parser of a function with positional-only parameters: too few says
    /// "positional" (`sum() takes at least 1 positional argument (0 given)`).
    Positional,
    /// `_PyArg_UnpackKeywords` alone: both bounds say "positional"
    /// (`to_bytes() takes at most 2 positional arguments (3 given)`).
    KeywordParser,
    /// Keyword-only parameters (`list.sort`): "sort() takes no positional arguments";
    /// past the number of keywords, "takes at most 2 arguments (3 given)".
    NoPositional,
    /// A function CPython writes in Python (`inspect.isgenerator`): "isgenerator()
    /// missing 1 required positional argument: 'object'", "takes 1 positional argument
    /// but 2 were given".
    Python,
    /// A special method's wrapper (`(1).__add__`): "expected 1 argument, got 0";
    /// with more than one parameter, or a range of counts, CPython's unpacking says
    /// " expected at least 1 argument, got 0" (its name is empty: the leading space).
    SlotWrapper,
    /// A bound method written in Python (`random.randint`), whose `self` CPython's
    /// counts include: "Random.randint() takes 3 positional arguments but 4 were given".
    PythonMethod,
}

/// One function's rule: `min..=max` positional arguments (255: no bound), not counting
/// the receiver that a method (`receiver`) is called with.
#[derive(Debug)]
pub(crate) struct ArityRule {
    /// "builtins", "type" (a constructor), the type a method belongs to, or a module.
    owner: &'static str,
    name: &'static str,
    /// The name as CPython's message has it ("list.append", "insert", "super()").
    label: &'static str,
    style: Style,
    min: u8,
    max: u8,
    /// The name in "dict.get() takes no keyword arguments"; empty: it takes keywords,
    /// which its body checks.
    no_keywords: &'static str,
    receiver: bool,
    /// A Python-written function's parameters, comma-separated (for "missing").
    params: &'static str,
    /// "label:name,name": the keywords a C function takes and the name its "'x' is an
    /// invalid keyword argument for label()" gives; empty when not known (its body
    /// then looks only for the names it uses).
    keywords: &'static str,
    /// The counts that pass, as `check` tests them: `npos - first <= span` (wrapping),
    /// receiver included; one compare on every call of a built-in.
    first: usize,
    span: usize,
}

const UNBOUNDED: u8 = 255;

impl ArityRule {
    // One argument per column of the generated table, which reads best one rule a line.
    #[allow(clippy::too_many_arguments)]
    pub(super) const fn new(
        owner: &'static str,
        name: &'static str,
        label: &'static str,
        style: Style,
        min: u8,
        max: u8,
        no_keywords: &'static str,
        receiver: bool,
        params: &'static str,
        keywords: &'static str,
    ) -> ArityRule {
        let first = min as usize + receiver as usize;
        // `list.sort` passes with no positional argument only.
        let last_ok = if matches!(style, Style::NoPositional) {
            min
        } else {
            max
        };
        let span = if last_ok == UNBOUNDED {
            usize::MAX - first
        } else {
            (last_ok - min) as usize
        };
        ArityRule {
            owner,
            name,
            label,
            style,
            min,
            max,
            no_keywords,
            receiver,
            params,
            keywords,
            first,
            span,
        }
    }

    /// A call's keyword names against the ones the function takes (CPython's
    /// argument parser refuses any other), after their count where the parser counts
    /// first; `npos` positional arguments, the receiver included as in `check`. Only
    /// calls with keywords come here.
    #[cold]
    #[inline(never)]
    pub(crate) fn check_keyword_names(&self, npos: usize, kwnames: &[Value]) -> PyResult<()> {
        let Some((label, taken)) = self.keywords.split_once(':') else {
            return Ok(());
        };
        // "/N": the parser counts the arguments first, up to N ("+": the positional
        // ones too, the receiver aside), as PyArg_ParseTupleAndKeywords does.
        let (taken, count) = match taken.split_once('/') {
            Some((names, count)) => (names, Some(count)),
            None => (taken, None),
        };
        if let Some(count) = count {
            let (at_most, positional) = match count.strip_suffix('+') {
                Some(n) => (n, npos.saturating_sub(self.receiver as usize)),
                None => (count, 0),
            };
            let at_most: usize = at_most.parse().expect("a count in the generated table");
            let given = positional + kwnames.len();
            if given > at_most {
                return Err(PyErr::type_error(format!(
                    "{label}() takes at most {at_most} {}argument{} ({given} given)",
                    if positional == 0 { "keyword " } else { "" },
                    if at_most == 1 { "" } else { "s" },
                )));
            }
        }
        for k in kwnames {
            let name = k.as_pystr().map_or("", |s| s.as_str());
            if !taken.split(',').any(|t| t == name) {
                return Err(PyErr::type_error(format!(
                    "'{name}' is an invalid keyword argument for {label}()"
                )));
            }
        }
        Ok(())
    }

    /// The type a method rule's function is a method of ("str" for `str.split`), or
    /// None for a function.
    pub(crate) fn method_of(&self) -> Option<&'static str> {
        self.receiver.then_some(self.owner)
    }

    /// `check` of a call's `args`, the last `kwnames.len()` of them its keywords' values,
    /// then its keyword names: what CPython's parsers refuse before the body runs.
    #[inline(always)]
    pub(crate) fn check_call(&self, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
        let npos = args.len() - kwnames.len();
        self.check(npos, kwnames.len())?;
        if !kwnames.is_empty() {
            self.check_keyword_names(npos, kwnames)?;
        }
        Ok(())
    }

    /// Check a call with `npos` positional arguments (the receiver included, when the
    /// function is called with one) and `nkw` keyword arguments. CPython looks at the
    /// keywords first; which ones a function takes is its body's to check.
    #[inline(always)]
    pub(crate) fn check(&self, npos: usize, nkw: usize) -> PyResult<()> {
        if nkw == 0 && npos.wrapping_sub(self.first) <= self.span {
            return Ok(());
        }
        self.refuse(npos, nkw)
    }

    /// `check`'s other cases: keywords, or a count outside the bounds (or `list.sort`'s
    /// positional ones).
    #[cold]
    #[inline(never)]
    fn refuse(&self, npos: usize, nkw: usize) -> PyResult<()> {
        if nkw > 0 {
            if self.style == Style::SlotWrapper {
                return Err(PyErr::type_error(format!(
                    "wrapper {}() takes no keyword arguments",
                    self.name
                )));
            }
            if !self.no_keywords.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{}() takes no keyword arguments",
                    self.no_keywords
                )));
            }
            // A Python-written function binds keywords to any parameter: its body
            // checks. The C ones' required parameters are positional-only (`sorted`,
            // `sum`, `max`), so their positional count is checked as without keywords.
            if matches!(self.style, Style::Python | Style::PythonMethod) {
                return Ok(());
            }
        }
        let given = npos.saturating_sub(self.receiver as usize);
        if given < self.min as usize || (self.max != UNBOUNDED && given > self.max as usize) {
            return Err(self.count_error(given));
        }
        if self.style == Style::NoPositional && given > 0 {
            return Err(PyErr::type_error(format!(
                "{}() takes no positional arguments",
                self.label
            )));
        }
        Ok(())
    }

    fn count_error(&self, given: usize) -> PyErr {
        let (label, min, max) = (self.label, self.min as usize, self.max as usize);
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let few = given < min;
        PyErr::type_error(match self.style {
            Style::SlotWrapper => {
                let bound = match () {
                    _ if min == max => "",
                    _ if few => "at least ",
                    _ => "at most ",
                };
                let n = if few { min } else { max };
                let lead = if min == max && max <= 1 { "" } else { " " };
                format!("{lead}expected {bound}{n} argument{}, got {given}", s(n))
            }
            Style::NoArgs => format!("{label}() takes no arguments ({given} given)"),
            Style::One => format!("{label}() takes exactly one argument ({given} given)"),
            Style::Clinic if min == max => {
                format!("{label} expected {min} argument{}, got {given}", s(min))
            }
            Style::Clinic if few => {
                format!(
                    "{label} expected at least {min} argument{}, got {given}",
                    s(min)
                )
            }
            Style::Clinic => format!(
                "{label} expected at most {max} argument{}, got {given}",
                s(max)
            ),
            Style::Tuple if min == max => {
                format!(
                    "{label}() takes exactly {min} argument{} ({given} given)",
                    s(min)
                )
            }
            Style::Positional | Style::KeywordParser if few => format!(
                "{label}() takes at least {min} positional argument{} ({given} given)",
                s(min)
            ),
            Style::Tuple if few => {
                format!(
                    "{label}() takes at least {min} argument{} ({given} given)",
                    s(min)
                )
            }
            Style::KeywordParser => format!(
                "{label}() takes at most {max} positional argument{} ({given} given)",
                s(max)
            ),
            Style::Tuple | Style::Positional | Style::NoPositional => {
                format!(
                    "{label}() takes at most {max} argument{} ({given} given)",
                    s(max)
                )
            }
            Style::Python | Style::PythonMethod if few => {
                let missing: Vec<&str> = self.params.split(',').take(min).skip(given).collect();
                format!(
                    "{label}() missing {} required positional argument{}: {}",
                    missing.len(),
                    s(missing.len()),
                    quoted_list(&missing)
                )
            }
            Style::Python | Style::PythonMethod => {
                let bound = (self.style == Style::PythonMethod) as usize;
                let (min, max, given) = (min + bound, max + bound, given + bound);
                let takes = if min == max {
                    format!("{max} positional argument{}", s(max))
                } else {
                    format!("from {min} to {max} positional arguments")
                };
                let was = if given == 1 { "was" } else { "were" };
                format!("{label}() takes {takes} but {given} {was} given")
            }
        })
    }
}

/// 'a'; 'a' and 'b'; 'a', 'b', and 'c': CPython's list of missing parameters.
fn quoted_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 | 1 => q.concat(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// The rule of `owner`'s `name`, if CPython counts its arguments in a way the table
/// models. Looked up when built-ins are installed, not per call.
pub(crate) fn rule(owner: &str, name: &str) -> Option<&'static ArityRule> {
    // The generator writes the table sorted by (owner, name).
    let rules = super::arity_table::RULES;
    let at = rules
        .binary_search_by(|r| (r.owner, r.name).cmp(&(owner, name)))
        .ok()?;
    Some(&rules[at])
}

/// The rule of a special method's wrapper (`builtin_dunders.rs`): `owner.name`
/// taking `min..=max` arguments after its receiver, and no keywords (`refuse` words
/// that error for the style). Made once per method when the built-ins are installed.
pub(crate) fn slot_wrapper_rule(
    owner: &'static str,
    name: &'static str,
    min: u8,
    max: u8,
) -> &'static ArityRule {
    special_method_rule(owner, name, name, Style::SlotWrapper, min, max, "", "")
}

/// The rule of a built-in type's special method (a slot wrapper, or a plain method
/// such as `int.__floor__` or `float.__round__`), as the table's rules but made when
/// the built-ins are installed, and kept for the program's life.
#[allow(clippy::too_many_arguments)]
pub(crate) fn special_method_rule(
    owner: &'static str,
    name: &'static str,
    label: &'static str,
    style: Style,
    min: u8,
    max: u8,
    no_keywords: &'static str,
    keywords: &'static str,
) -> &'static ArityRule {
    let rule = ArityRule::new(
        owner,
        name,
        label,
        style,
        min,
        max,
        no_keywords,
        true,
        "",
        keywords,
    );
    Box::leak(Box::new(rule))
}

impl ArityRule {
    /// Is this a special method's wrapper, whose unbound-call errors CPython words
    /// apart ("descriptor '__add__' requires a 'int' object but received a 'str'")?
    pub(crate) fn is_slot_wrapper(&self) -> bool {
        self.style == Style::SlotWrapper
    }
}

/// A built-in constructor's rule (`list(1, 2)`).
pub(crate) fn constructor_rule(type_name: &str) -> Option<&'static ArityRule> {
    rule("type", type_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        let rules = crate::vm::arity_table::RULES;
        for w in rules.windows(2) {
            assert!(
                (w[0].owner, w[0].name) < (w[1].owner, w[1].name),
                "{}.{} before {}.{}",
                w[0].owner,
                w[0].name,
                w[1].owner,
                w[1].name
            );
        }
        assert!(rule("list", "append").is_some() && rule("list", "nope").is_none());
    }

    #[test]
    fn counts_and_messages() {
        let append = rule("list", "append").unwrap();
        assert!(append.check(2, 0).is_ok());
        let msg = |e: PyErr| match e {
            PyErr::New(_, args) => args[0].as_pystr().unwrap().as_str().to_string(),
            _ => String::new(),
        };
        assert_eq!(
            msg(append.check(1, 0).unwrap_err()),
            "list.append() takes exactly one argument (0 given)"
        );
        let randint = rule("random", "randint").unwrap();
        assert_eq!(
            msg(randint.check(1, 0).unwrap_err()),
            "Random.randint() missing 1 required positional argument: 'b'"
        );
        assert_eq!(
            msg(randint.check(3, 0).unwrap_err()),
            "Random.randint() takes 3 positional arguments but 4 were given"
        );
        assert!(
            randint.check(0, 2).is_ok(),
            "keywords are the body's to bind"
        );
    }
}
