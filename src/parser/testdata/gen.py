#!/usr/bin/env python3
"""Regenerates the expectation files from CPython 3.11 (development aid only).

    python3 src/parser/testdata/gen.py

Reads ast_cases.py / error_cases.py (cases separated by lines '#----')
and writes ast_expected.txt / error_expected.txt. The committed tests only
read the generated files, so `cargo test` does not need python3.
"""
import ast, json, os, struct, sys, warnings

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = {"ctx", "type_comment", "type_ignores", "kind"}


def fbits(f):
    return str(struct.unpack("<Q", struct.pack("<d", f))[0])


SPANS = False


def span(n):
    if SPANS and isinstance(n, (ast.expr, ast.stmt)):
        return "@%d:%d-%d:%d" % (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
    return ""


def d(n):
    if isinstance(n, list):
        return "[" + ", ".join(d(x) for x in n) + "]"
    if isinstance(n, ast.JoinedStr) and SPANS:
        return "JoinedStr" + span(n)  # CPython 3.11's positions inside f-strings are not meaningful
    if isinstance(n, ast.AST):
        name = type(n).__name__ + span(n)
        if not n._fields and type(n).__name__ not in ("Pass", "Break", "Continue"):
            return name  # operators
        if type(n).__name__ == "Constant":
            return name + "(" + const(n.value) + ")"
        if type(n).__name__ == "FormattedValue":
            conv = "None" if n.conversion == -1 else chr(n.conversion)
            spec = d(n.format_spec)
            return "FormattedValue(" + d(n.value) + ", " + conv + ", " + spec + ")"
        fields = [getattr(n, k) for k in n._fields if k not in SKIP]
        return name + "(" + ", ".join(d(v) for v in fields) + ")"
    if n is None:
        return "None"
    if isinstance(n, str):
        return json.dumps(n)
    if isinstance(n, bool) or isinstance(n, int):
        return str(n)
    raise TypeError(n)


def const(v):
    if v is None or v is True or v is False:
        return str(v)
    if v is Ellipsis:
        return "..."
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "F" + fbits(v)
    if isinstance(v, complex):
        return "J" + fbits(v.imag)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, bytes):
        return "b" + v.hex()
    raise TypeError(v)


def cases(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        text = f.read()
    return [c for c in text.split("\n#----\n") if c.strip("\n")]


def main():
    warnings.simplefilter("ignore")
    out = []
    for src in cases("ast_cases.py"):
        tree = ast.parse(src)
        out.append(src + "\n#=>\n" + d(tree.body))
    with open(os.path.join(HERE, "ast_expected.txt"), "w", encoding="utf-8") as f:
        f.write("\n#----\n".join(out) + "\n")
    global SPANS
    SPANS = True
    out = []
    for src in cases("span_cases.py"):
        tree = ast.parse(src)
        out.append(src + "\n#=>\n" + d(tree.body))
    SPANS = False
    with open(os.path.join(HERE, "span_expected.txt"), "w", encoding="utf-8") as f:
        f.write("\n#----\n".join(out) + "\n")
    out = []
    for src in cases("error_cases.py"):
        mode = "exec"
        if src.startswith("#eval\n"):
            mode = "eval"
        elif src.startswith("#single\n"):
            mode = "single"
        body = src.split("\n", 1)[1] if mode != "exec" else src
        if body.endswith("\n#noeol"):
            body = body[: -len("\n#noeol")]
        try:
            compile(body, "<s>", mode)
            res = "OK"
        except SyntaxError as e:
            res = "%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno, e.offset)
        except RecursionError:
            res = "RecursionError"
        out.append(src + "\n#=>\n" + res)
    with open(os.path.join(HERE, "error_expected.txt"), "w", encoding="utf-8") as f:
        f.write("\n#----\n".join(out) + "\n")


if __name__ == "__main__":
    main()
