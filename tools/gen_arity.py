#!/usr/bin/env python3
"""Regenerate src/vm/arity_table.rs: how CPython 3.11 counts the positional arguments
of its built-in functions, constructors and methods of built-in types, and how it
words a wrong count.

CPython words the error by how each function is declared (METH_NOARGS: "takes no
arguments"; METH_O: "takes exactly one argument"; Argument Clinic's positional check:
"expected at most 1 argument, got 2"; PyArg_ParseTuple: "takes at most 2 arguments (3
given)"), so the table is read off CPython itself: each function is called with 0 to 6
arguments and the messages tell its style and its bounds.

Usage: python3 tools/gen_arity.py   (run with CPython 3.11, the oracle)
"""
import importlib
import inspect
import os
import re
import sys

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"

TYPES = [("str", str), ("list", list), ("dict", dict), ("set", set),
         ("frozenset", frozenset), ("tuple", tuple), ("bytes", bytes), ("int", int),
         ("float", float)]
BUILTIN_FUNCTIONS = [
    "abs", "all", "any", "ascii", "bin", "callable", "chr", "delattr", "dir", "divmod",
    "enumerate", "filter", "format", "getattr", "globals", "hasattr", "hash", "hex", "id",
    "isinstance", "issubclass", "iter", "len", "locals", "max", "min", "next", "oct",
    "ord", "pow", "repr", "reversed", "round", "setattr", "sorted", "sum", "vars", "aiter",
    "anext",
]
# The module functions pyco has (probing all of sys would call its hooks); those
# written in Python in CPython (inspect, most of random) are counted from their code
# objects, as CPython's own call does.
MODULES = {
    "sys": ["exc_info", "exception", "get_asyncgen_hooks", "get_int_max_str_digits",
            "getrecursionlimit", "set_asyncgen_hooks", "set_int_max_str_digits",
            "setrecursionlimit"],
    "time": ["monotonic", "perf_counter", "sleep", "time"],
    "math": ["acos", "asin", "atan", "atan2", "ceil", "comb", "copysign", "cos", "degrees",
             "exp", "fabs", "factorial", "floor", "fsum", "gcd", "hypot", "isclose",
             "isfinite", "isinf", "isnan", "isqrt", "lcm", "log", "log10", "log2", "perm",
             "pow", "prod", "radians", "sin", "sqrt", "tan", "trunc"],
    "gc": ["collect", "disable", "enable", "isenabled"],
    "inspect": ["getcoroutinestate", "getgeneratorstate", "isasyncgen",
                "isasyncgenfunction", "isawaitable", "iscoroutine", "iscoroutinefunction",
                "isgenerator", "isgeneratorfunction"],
    "random": ["choice", "randint", "random", "seed", "shuffle"],
    "types": ["coroutine"],
}
CONSTRUCTORS = ["bool", "int", "float", "str", "list", "tuple", "dict", "set", "frozenset",
                "bytes", "range", "slice", "property", "staticmethod", "classmethod",
                "super"]
MAX_PROBE = 6

PATTERNS = [
    ("NoArgs", re.compile(r"^(\S+)\(\) takes no arguments \((\d+) given\)$")),
    ("One", re.compile(r"^(\S+)\(\) takes exactly one argument \((\d+) given\)$")),
    ("Clinic", re.compile(r"^(\S+) expected (?:(at least|at most) )?(\d+) arguments?, got (\d+)$")),
    ("Tuple", re.compile(r"^(\S+)\(\) takes (?:(at least|at most|exactly) )?(\d+) arguments? \((\d+) given\)$")),
    ("Positional", re.compile(r"^(\S+)\(\) takes (at least|at most) (\d+) positional arguments? \((\d+) given\)$")),
    ("NoPositional", re.compile(r"^(\S+)\(\) takes no positional arguments$")),
]


def classify(msg):
    """(style, the function's name as the message words it), or None."""
    for style, pat in PATTERNS:
        m = pat.match(msg)
        if m:
            return style, m.group(1)
    return None


def probe(call):
    """(style, label, min, max) from calling with 0..MAX_PROBE positional Nones; None
    when no count error is raised or its wording is not one the table models."""
    styles = set()
    by_count = {}
    label = None
    no_positional = []
    ok_counts = []
    for n in range(MAX_PROBE + 1):
        try:
            call(*([None] * n))
            ok_counts.append(n)
        except TypeError as e:
            found = classify(str(e))
            if found is None:
                ok_counts.append(n)  # not a count error: the count was accepted
            else:
                styles.add(found[0])
                by_count[n] = found[0]
                label = found[1]
                if found[0] == "NoPositional":
                    no_positional.append(n)
        except Exception:
            ok_counts.append(n)
    if not styles:
        return None
    if not ok_counts:
        return None
    lo, hi = min(ok_counts), max(ok_counts)
    if ok_counts != list(range(lo, hi + 1)):
        return None  # e.g. type() takes 1 or 3
    if hi == MAX_PROBE:
        hi = 255  # unbounded
    # `sum()`: too few says "positional", too many does not.
    if "NoPositional" in styles:
        # `list.sort`: keyword-only; past its keyword count it says "at most".
        style, lo, hi = "NoPositional", 0, max(no_positional)
    elif "Positional" in styles:
        # `int.to_bytes`: one argument too many is counted as positional (from four
        # on, CPython counts the keywords too; not modelled).
        style = "KeywordParser" if by_count.get(hi + 1) == "Positional" else "Positional"
    else:
        style = styles.pop()
    return style, label, lo, hi


NO_KEYWORDS = re.compile(r"^(\S+)\(\) takes no keyword arguments$")


def keywords_label(call):
    """The name CPython's "takes no keyword arguments" gives, or "" when the function
    takes keywords (or a wrong one fails some other way)."""
    try:
        call(zzz=None)
    except TypeError as e:
        m = NO_KEYWORDS.match(str(e))
        if m:
            return m.group(1)
    except Exception:
        pass
    return ""


INVALID_KEYWORD = re.compile(r"^'zzz' is an invalid keyword argument for (\S+)\(\)$")


# The keywords of C functions with no text signature, from their kwlists in CPython
# 3.11's sources (bltinmodule.c min_max, longobject.c long_new, unicodeobject.c
# unicode_new, bytesobject.c bytes_new, bytes.hex's clinic): inspect cannot tell them.
NO_SIGNATURE_KEYWORDS = {
    "max": "key,default",
    "min": "key,default",
    "int": "base",
    "str": "object,encoding,errors",
    "bytes": "source,encoding,errors",
    "hex": "sep,bytes_per_sep",
}


AT_MOST = re.compile(r"^\S+\(\) takes at most (\d+) (?:keyword )?arguments? \((\d+) given\)$")


def count_rule(call, lo, names):
    """"/N" when CPython's parser counts the arguments before it looks at their names
    (PyArg_ParseTupleAndKeywords, _PyArg_UnpackKeywords: "int() takes at most 2
    arguments (3 given)"), with "+" when the positional ones count too; "" otherwise
    (print names the bad keyword whatever the count)."""
    kws = dict.fromkeys(names)
    kws["zzz"] = None
    # As in `keyword_rule`, a few kinds of positional value are tried.
    for sample in (None, [1], 1, "a"):
        try:
            call(*([sample] * max(lo, 1)), **kws)
        except TypeError as e:
            m = AT_MOST.match(str(e))
            if m:
                counted = int(m.group(2)) - len(kws)
                return "/" + m.group(1) + ("+" if counted > 0 else "")
        except Exception:
            pass
    return ""


def keyword_rule(call, lo, target):
    """"label:name,name" when CPython names a bad keyword ("'x' is an invalid keyword
    argument for print()") and `target`'s signature lists the keywords it takes; ""
    when either is unknown (pyco then checks no names)."""
    label = None
    # The positional arguments must get past their own checks (`sorted` iterates its
    # argument before its keywords are looked at): a few kinds of value are tried.
    for sample in (None, [1], 1, "a"):
        try:
            call(*([sample] * lo), zzz=None)
        except TypeError as e:
            m = INVALID_KEYWORD.match(str(e))
            if m:
                label = m.group(1)
                break
        except Exception:
            pass
    if label is None:
        return ""
    try:
        params = inspect.signature(target).parameters.values()
    except (ValueError, TypeError):
        if label in NO_SIGNATURE_KEYWORDS:
            names = NO_SIGNATURE_KEYWORDS[label].split(",")
            return label + ":" + ",".join(names) + count_rule(call, lo, names)
        print(f"gen_arity: no keyword names for {label}()", file=sys.stderr)
        return ""
    if any(p.kind == p.VAR_KEYWORD for p in params):
        return ""
    names = [p.name for p in params
             if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name != "self"]
    return label + ":" + ",".join(names) + count_rule(call, lo, names)


def python_rule(f):
    """(style, label, min, max), parameter names) of a function written in Python;
    a bound method's `self` is left out of both (CPython's messages count it)."""
    code = f.__code__
    names = list(code.co_varnames[:code.co_argcount])
    style = "Python"
    if inspect.ismethod(f):
        names = names[1:]
        style = "PythonMethod"
    lo = len(names) - len(f.__defaults__ or ())
    hi = 255 if code.co_flags & inspect.CO_VARARGS else len(names)
    return (style, f.__qualname__, lo, hi), ",".join(names)


def receiver_kind(cls, name):
    d = type.__dict__["__dict__"].__get__(cls)
    desc = d.get(name)
    if isinstance(desc, staticmethod):
        return False
    return True


def main():
    rows = []
    for tname, cls in TYPES:
        sample = {"str": "ab", "list": [1], "dict": {1: 2}, "set": {1},
                  "frozenset": frozenset([1]), "tuple": (1,), "bytes": b"ab", "int": 5,
                  "float": 1.5}[tname]
        for m in sorted(dir(cls)):
            if m.startswith("_"):
                continue

            def call(*a, m=m, **k):
                obj = sample.copy() if tname in ("list", "dict", "set") else sample
                return getattr(obj, m)(*a, **k)

            r = probe(call)
            no_kw = keywords_label(call)
            if not r and receiver_kind(cls, m) and callable(getattr(cls, m)):
                # Any count passes (`set.union(*others)`): the rule still names the
                # type, whose receiver a call through the type checks. Its keywords
                # are refused as a method call words it ("set.union()"; a bound
                # method object's call says "union()").
                r = ("Tuple", m, 0, 255)

                def through_type(*a, m=m, **k):
                    obj = sample.copy() if tname in ("list", "dict", "set") else sample
                    return getattr(cls, m)(obj, *a, **k)

                no_kw = keywords_label(through_type)
            if r:
                kws = keyword_rule(call, r[2], getattr(cls, m))
                rows.append((tname, m, r, no_kw, receiver_kind(cls, m), "", kws))
    for owner, names in (("builtins", BUILTIN_FUNCTIONS), ("type", CONSTRUCTORS)):
        for name in names:
            f = getattr(__builtins__, name)
            r = probe(f)
            if r:
                rows.append((owner, name, r, keywords_label(f), False, "", keyword_rule(f, r[2], f)))
    for owner, names in MODULES.items():
        module = importlib.import_module(owner)
        for name in names:
            f = getattr(module, name)
            if hasattr(f, "__code__"):
                r, params = python_rule(f)
                rows.append((owner, name, r, "", False, params, ""))
                continue
            r = probe(f)
            if r:
                rows.append((owner, name, r, keywords_label(f), False, "", keyword_rule(f, r[2], f)))

    out = []
    out.append("// Generated by tools/gen_arity.py from CPython 3.11: do not edit by hand.\n")
    out.append("// (owner, name, label, style, min, max, no-keywords label, receiver, Python\n")
    out.append("// parameters, \"label:keywords\" taken): see arity.rs.\n\n")
    out.append("use super::arity::{ArityRule, Style};\n\n")
    out.append("#[rustfmt::skip]\n")
    out.append("pub(super) static RULES: &[ArityRule] = &[\n")
    for owner, name, (style, label, lo, hi), kw, recv, params, kws in sorted(rows):
        args = (f'"{owner}", "{name}", "{label}", Style::{style}, {lo}, {hi}, "{kw}", '
                f'{str(recv).lower()}, "{params}", "{kws}"')
        out.append(f"    ArityRule::new({args}),\n")
    out.append("];\n")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "vm", "arity_table.rs")
    with open(path, "w") as f:
        f.write("".join(out))
    print(f"wrote {len(rows)} rules to {os.path.relpath(path)}")


main()
