#!/usr/bin/env python3
"""Random programs over the core language, for differential testing against CPython.

Where gen.py writes asyncio and generator programs, this writes the rest of the subset:
expressions over ints (small and big), floats, strs and containers, with operators,
builtins, methods, slicing and f-string format specs; control flow; functions with
defaults, *args and **kwargs (and wrong calls); closures; classes with inheritance,
properties and dunder methods; exceptions with chaining and finally; generators driven
by send/throw/close. Every expression runs inside try/except that prints the exception's
type and message, so error messages are compared too; some programs end with an
uncaught exception (traceback's last line and exit status compared).

Deterministic by construction: no id(), no str hashing (sets hold ints only), no time.
Usage: gen_core.py OUTDIR START COUNT   (program N comes from seed N: c0000.py, ...)
"""
import os
import random
import sys

WORDS = ["spam", "eggs", "Ham", "a b", "", "x", "Zed", "0", "42", "3.5", "tab\tin",
         "ünï", "end.", "a,b,c", "  pad  "]
FLOATS = ["0.5", "1.25", "-3.0", "1e20", "2.5e-3", "0.1", "7.0", "-0.0", "1e-7",
          "123456.789", "2.675", "float('inf')", "float('nan')"]
INTS = ["0", "1", "-1", "2", "3", "7", "10", "-13", "255", "1000", "(2**64)", "(-2**70)",
        "(10**20)", "12345678901234567890", "True", "False"]


class Expr:
    """Typed random expressions: each method returns Python source of that type."""

    def __init__(self, r, names):
        self.r = r
        self.names = names  # variable name -> type, usable in expressions

    def pick(self, *options):
        return self.r.choice(options)()

    def var(self, kind):
        vs = [n for n, t in self.names.items() if t == kind]
        return self.r.choice(vs) if vs else None

    def of(self, kind, d=0):
        v = self.var(kind)
        if v is not None and self.r.random() < 0.25:
            return v
        if d > 2:
            return self.leaf(kind)
        return getattr(self, "e_" + kind)(d + 1)

    def leaf(self, kind):
        r = self.r
        return {
            "int": lambda: r.choice(INTS),
            "float": lambda: r.choice(FLOATS),
            "str": lambda: repr(r.choice(WORDS)),
            "list": lambda: "[" + ", ".join(r.choice(INTS[:9]) for _ in range(r.randint(0, 4))) + "]",
            "tuple": lambda: "(" + "".join(r.choice(INTS[:9]) + ", " for _ in range(r.randint(0, 3))) + ")",
            "dict": lambda: "{" + ", ".join(f"{repr(r.choice(WORDS))}: {r.choice(INTS[:9])}" for _ in range(r.randint(0, 3))) + "}",
            "bool": lambda: r.choice(["True", "False"]),
            "any": lambda: self.leaf(r.choice(["int", "float", "str", "list", "tuple", "dict", "bool"])),
        }[kind]()

    def e_int(self, d):
        r, o = self.r, self.of
        op = r.choice(["+", "-", "*", "//", "%", "&", "|", "^"])
        return self.pick(
            lambda: f"({o('int', d)} {op} {o('int', d)})",
            lambda: f"({o('int', d)} ** {r.randint(0, 5)})",
            lambda: f"({o('int', d)} << {r.randint(0, 70)})",
            lambda: f"({o('int', d)} >> {r.randint(0, 5)})",
            lambda: f"(-{o('int', d)})",
            lambda: f"abs({o('int', d)})",
            lambda: f"len({o(r.choice(['str', 'list', 'tuple', 'dict']), d)})",
            lambda: f"int({o('float', d)})",
            lambda: f"int({repr(r.choice(['12', '-7', ' 3 ', '0x1f', '1_000', 'x', '']))})",
            lambda: f"int({repr(r.choice(['ff', '777', '101']))}, {r.choice([2, 8, 16])})",
            lambda: f"round({o('float', d)})",
            lambda: f"max({o('int', d)}, {o('int', d)})",
            lambda: f"min({o('list', d)})",
            lambda: f"sum({o('list', d)})",
            lambda: f"divmod({o('int', d)}, {o('int', d)})[{r.randint(0, 1)}]",
            lambda: f"{o('list', d)}.index({o('int', d)})",
            lambda: f"{o('str', d)}.find({o('str', d)})",
            lambda: f"{o('str', d)}.count({o('str', d)})",
            lambda: f"{o('list', d)}[{o('int', d)}]",
            lambda: f"{o('dict', d)}[{o('str', d)}]",
            lambda: f"{o('dict', d)}.get({o('str', d)}, {o('int', d)})",
            lambda: f"({o('int', d)} if {o('bool', d)} else {o('int', d)})",
            lambda: f"(1).bit_length() + ({o('int', d)}).bit_length()",
            lambda: f"pow({o('int', d)}, {r.randint(0, 4)}, {r.choice(['7', '10', '0', '-3'])})",
        )

    def e_float(self, d):
        r, o = self.r, self.of
        op = r.choice(["+", "-", "*", "/", "//", "%"])
        return self.pick(
            lambda: f"({o('float', d)} {op} {o(r.choice(['float', 'int']), d)})",
            lambda: f"({o('int', d)} / {o('int', d)})",
            lambda: f"float({o('int', d)})",
            lambda: f"float({repr(r.choice(['1.5', ' -2 ', 'inf', '1e3', 'abc', '1_0.5']))})",
            lambda: f"round({o('float', d)}, {r.randint(-1, 3)})",
            lambda: f"abs({o('float', d)})",
            # pyco has no complex numbers: a negative base never meets a fractional power.
            lambda: f"(abs({o('float', d)}) ** {r.choice(['2', '0.5', '-1', '3'])})",
            lambda: f"math.sqrt({o('float', d)})",
            lambda: f"math.floor({o('float', d)}) + 0.5",
            lambda: f"max({o('float', d)}, {o('int', d)})",
        )

    def e_str(self, d):
        r, o = self.r, self.of
        return self.pick(
            lambda: f"({o('str', d)} + {o('str', d)})",
            lambda: f"({o('str', d)} * {r.randint(-1, 3)})",
            lambda: f"{o('str', d)}.{r.choice(['upper', 'lower', 'strip', 'title', 'capitalize', 'swapcase', 'lstrip', 'rstrip'])}()",
            lambda: f"{o('str', d)}.replace({o('str', d)}, {o('str', d)})",
            lambda: f"{o('str', d)}.center({r.randint(0, 12)}, {repr(r.choice(['*', '-', ' ']))})",
            lambda: f"{o('str', d)}[{r.choice(['1:', ':2', '::-1', '1:-1', '::2', '-3:'])}]",
            lambda: f"{o('str', d)}[{o('int', d)}]",
            lambda: f"str({o('any', d)})",
            lambda: f"repr({o('any', d)})",
            lambda: f"{repr(r.choice(['-', ', ', '']))}.join({o('str', d)}.split())",
            lambda: f"{repr(r.choice(['-', '']))}.join(sorted({o('str', d)}))",
            lambda: f"(lambda v: f'{{v:{r.choice(['05d', 'x', '>8', '<6', '^9', ',', '+d', 'b', '#o', '_'])}}}')({o('int', d)})",
            lambda: f"(lambda v: f'{{v:{r.choice(['.3f', '.2e', '10.1f', '%', '.4g', '+.1f', 'g', '.0f'])}}}')({o('float', d)})",
            lambda: f"(lambda v, w: f'{{v!r:>10}}|{{w}}')({o('str', d)}, {o('any', d)})",
            lambda: f"format({o('int', d)}, {repr(r.choice(['08b', 'X', ',d']))})",
            lambda: f"'%s=%d' % ({o('str', d)}, {o('int', d)})",
            lambda: f"'%5.2f|%-4s|%r' % ({o('float', d)}, {o('str', d)}, {o('any', d)})",
            lambda: f"str({o('float', d)})",
            lambda: f"{o('str', d)}.zfill({r.randint(0, 8)})",
            lambda: f"chr(ord({o('str', d)}[0]) + 1)",
        )

    def e_list(self, d):
        r, o = self.r, self.of
        return self.pick(
            lambda: f"[{o('any', d)}, {o('any', d)}]",
            lambda: f"({o('list', d)} + {o('list', d)})",
            lambda: f"({o('list', d)} * {r.randint(0, 3)})",
            lambda: f"sorted({o('list', d)}, reverse={r.choice(['True', 'False'])})",
            lambda: f"sorted({o('str', d)}.split(), key=len)",
            lambda: f"list(reversed({o('list', d)}))",
            lambda: f"[x * 2 for x in {o('list', d)} if x != {o('int', d)}]",
            lambda: f"list(range({r.randint(-3, 5)}, {r.randint(-3, 9)}, {r.choice(['1', '2', '-1', '3', '0'])}))",
            lambda: f"{o('list', d)}[{r.choice(['1:', ':2', '::-1', '1:-1', '::2'])}]",
            lambda: f"{o('str', d)}.split({repr(r.choice([' ', ',', 'a']))})",
            lambda: f"list({o('dict', d)}.items())",
            lambda: f"list(zip({o('list', d)}, {o('str', d)}))",
            lambda: f"list(enumerate({o('str', d)}, {r.randint(0, 2)}))",
            lambda: f"list(map(abs, {o('list', d)}))",
            lambda: f"list(filter(None, {o('list', d)}))",
            # A set of plain ints: a str inside (even in a tuple) hashes differently in
            # every CPython run, and so does the set's order.
            lambda: f"sorted({{{r.choice(INTS[:9])}, {r.choice(INTS[:9])}, 3, -1}})",
        )

    def e_tuple(self, d):
        r, o = self.r, self.of
        return self.pick(
            lambda: f"({o('any', d)}, {o('any', d)})",
            lambda: f"tuple({o('list', d)})",
            lambda: f"divmod({o('int', d)}, {o('int', d)})",
            lambda: f"({o('tuple', d)} + {o('tuple', d)})",
            lambda: f"{o('tuple', d)}[::-1]",
            lambda: f"tuple(x for x in {o('str', d)} if x.isalpha())",
            lambda: f"{o('str', d)}.partition({repr(r.choice([' ', ',', 'a']))})",
        )

    def e_dict(self, d):
        r, o = self.r, self.of
        return self.pick(
            lambda: f"{{{o('str', d)}: {o('any', d)}, {o('str', d)}: {o('any', d)}}}",
            lambda: f"dict(zip({o('str', d)}, {o('list', d)}))",
            lambda: f"{{x: x * x for x in range({r.randint(0, 5)})}}",
            lambda: f"({o('dict', d)} | {o('dict', d)})",
            lambda: f"dict({o('dict', d)}, extra={o('int', d)})",
            lambda: f"{{k: v for k, v in {o('dict', d)}.items() if v}}",
        )

    def e_bool(self, d):
        r, o = self.r, self.of
        cmp = r.choice(["<", "<=", "==", "!=", ">", ">="])
        return self.pick(
            lambda: f"({o('int', d)} {cmp} {o(r.choice(['int', 'float']), d)})",
            lambda: f"({o('any', d)} {cmp} {o('any', d)})",
            lambda: f"({o('any', d)} in {o(r.choice(['list', 'str', 'dict', 'tuple']), d)})",
            lambda: f"isinstance({o('any', d)}, {r.choice(['int', 'str', '(list, tuple)', 'float', 'bool', 'dict'])})",
            lambda: f"(not {o('any', d)})",
            lambda: f"bool({o('any', d)})",
            lambda: f"all({o('list', d)})",
            lambda: f"any({o('list', d)})",
            lambda: f"{o('str', d)}.startswith({o('str', d)})",
            lambda: f"{o('str', d)}.isdigit()",
            lambda: f"({o('any', d)} is None)",
            lambda: f"({o('list', d)} == sorted({o('list', d)}))",
        )

    def e_any(self, d):
        return self.of(self.r.choice(["int", "float", "str", "list", "tuple", "dict", "bool"]), d)


class Program:
    def __init__(self, r):
        self.r = r
        self.lines = ["import math", ""]
        self.names = {}
        self.n = 0

    def emit(self, *lines, indent=0):
        self.lines.extend("    " * indent + l for l in lines)

    def fresh(self, prefix):
        self.n += 1
        return f"{prefix}{self.n}"

    def expr(self, kind="any"):
        return Expr(self.r, self.names).of(kind)

    def guarded(self, code_lines, indent=0):
        """Run lines, printing any exception's type and message."""
        self.emit("try:", indent=indent)
        for l in code_lines:
            self.emit(l, indent=indent + 1)
        self.emit("except Exception as e:", indent=indent)
        self.emit("print('!', type(e).__name__, e)", indent=indent + 1)

    # ---- blocks -------------------------------------------------------------------

    def b_exprs(self):
        for _ in range(self.r.randint(2, 6)):
            kind = self.r.choice(["int", "float", "str", "list", "tuple", "dict", "bool", "any"])
            self.guarded([f"print(repr({self.expr(kind)}))"])

    def b_assign(self):
        kind = self.r.choice(["int", "str", "list", "dict", "float"])
        name = self.fresh("v")
        self.guarded([f"{name} = {self.expr(kind)}"])
        self.emit(f"{name} = {name} if '{name}' in globals() else {Expr(self.r, {}).leaf(kind)}")
        self.names[name] = kind
        if kind == "list":
            self.guarded([f"{name}.append({self.expr('int')})",
                          f"{name}.{self.r.choice(['sort()', 'reverse()', 'pop()', 'insert(0, 9)', 'extend((1, 2))', 'remove(1)'])}",
                          f"print({name})"])
        elif kind == "dict":
            self.guarded([f"{name}[{self.expr('str')}] = {self.expr('int')}",
                          f"print({name}.pop({self.expr('str')}, 'none'), sorted({name}))"])
        elif kind == "int":
            self.guarded([f"{name} {self.r.choice(['+=', '-=', '*=', '//=', '%=', '**=', '<<='])} {self.r.randint(0, 4)}",
                          f"print({name})"])

    def b_control(self):
        r = self.r
        i = self.fresh("i")
        acc = self.fresh("acc")
        self.emit(f"{acc} = []")
        self.emit(f"for {i} in {r.choice(['range(6)', '[3, 1, 4, 1, 5]', repr('abcde'), 'range(10, 0, -3)'])}:")
        cond = r.choice([f"{i} == 1", f"{i} in (3, 'c')", "len(" + acc + ") > 2"])
        action = r.choice(["continue", "break", f"{acc}.append(-1)"])
        self.emit(f"if {cond}:", indent=1)
        self.emit(action, indent=2)
        self.emit(f"{acc}.append({i})", indent=1)
        self.emit("else:")
        self.emit(f"{acc}.append('done')", indent=1)
        self.emit(f"print({acc})")
        w = self.fresh("w")
        self.emit(f"{w} = {r.randint(0, 12)}")
        self.emit(f"while {w} > 0:")
        self.emit(f"{w} -= {r.randint(1, 4)}", indent=1)
        self.emit(f"if {w} % 3 == 0:", indent=1)
        self.emit("continue", indent=2)
        self.emit(f"print('w', {w})", indent=1)
        self.emit(f"if {w} < -1:")
        self.emit("print('below')", indent=1)
        self.emit(f"elif {w} == 0:")
        self.emit("print('zero')", indent=1)
        self.emit("else:")
        self.emit("print('other')", indent=1)

    def b_function(self):
        r = self.r
        f = self.fresh("f")
        self.emit(f"def {f}(a, b={self.leaf_any()}, *args, c={r.choice(['None', '3', repr('k')])}, **kw):")
        self.emit(f"return (a, b, args, c, sorted(kw.items()))", indent=1)
        calls = [f"{f}(1)", f"{f}(1, 2, 3, 4)", f"{f}(a=5, c=6)", f"{f}(1, x=2, y=3)",
                 f"{f}()", f"{f}(1, a=2)", f"{f}(*[1, 2], **{{'c': 0}})", f"{f}(1, 2, c=3, d=4)",
                 f"{f}(b=1)", f"{f}(**{{'a': 1, 'z': 2}})"]
        for call in r.sample(calls, 4):
            self.guarded([f"print({call})"])
        g = self.fresh("g")
        self.emit(f"def {g}(x, /, y, *, z):")
        self.emit("return x - y * z", indent=1)
        for call in r.sample([f"{g}(1, 2, z=3)", f"{g}(x=1, y=2, z=3)", f"{g}(1, 2, 3)",
                              f"{g}(1, y=2, z=3)", f"{g}(1, 2)"], 2):
            self.guarded([f"print({call})"])
        lam = self.fresh("lam")
        self.emit(f"{lam} = lambda x, y=2: x * y + {r.randint(0, 5)}")
        self.guarded([f"print({lam}(3), {lam}(1, 1), list(map({lam}, [1, 2])))"])

    def leaf_any(self):
        return Expr(self.r, {}).leaf(self.r.choice(["int", "str", "list", "tuple"]))

    def b_closure(self):
        mk = self.fresh("make")
        self.emit(f"def {mk}(start):")
        self.emit("count = start", indent=1)
        self.emit("def step(by=1):", indent=1)
        self.emit("nonlocal count", indent=2)
        self.emit("count += by", indent=2)
        self.emit("return count", indent=2)
        self.emit("return step", indent=1)
        c = self.fresh("ctr")
        self.emit(f"{c} = {mk}({self.r.randint(-3, 3)})")
        self.emit(f"print({c}(), {c}(5), {c}.__name__, {c}.__qualname__)")
        self.emit(f"fns = [lambda i=i: i * {self.r.randint(1, 3)} for i in range(3)]")
        self.emit("print([fn() for fn in fns])")

    def b_class(self):
        r = self.r
        base = self.fresh("Base")
        sub = self.fresh("Sub")
        self.emit(f"class {base}:")
        self.emit(f"kind = {repr(r.choice(WORDS))}", indent=1)
        self.emit("def __init__(self, v):", indent=1)
        self.emit("self.v = v", indent=2)
        self.emit("def __repr__(self):", indent=1)
        self.emit("return f'{type(self).__name__}({self.v!r})'", indent=2)
        self.emit("def __eq__(self, other):", indent=1)
        self.emit(f"return isinstance(other, {base}) and self.v == other.v", indent=2)
        self.emit("def __lt__(self, other):", indent=1)
        self.emit("return self.v < other.v", indent=2)
        self.emit("@property", indent=1)
        self.emit("def double(self):", indent=1)
        self.emit("return self.v * 2", indent=2)
        self.emit("def describe(self):", indent=1)
        self.emit("return self.kind + ':' + str(self.v)", indent=2)
        self.emit(f"class {sub}({base}):")
        self.emit("def __init__(self, v, extra=0):", indent=1)
        self.emit("super().__init__(v)", indent=2)
        self.emit("self.extra = extra", indent=2)
        self.emit("def describe(self):", indent=1)
        self.emit("return 'sub ' + super().describe()", indent=2)
        self.emit("def __len__(self):", indent=1)
        self.emit("return self.extra", indent=2)
        objs = f"[{sub}({r.randint(0, 9)}, {r.randint(0, 3)}), {base}({r.randint(0, 9)}), {sub}({r.randint(0, 9)})]"
        self.guarded([f"objs = {objs}",
                      "print(objs, sorted(objs), objs[0] == objs[1])",
                      "print([o.double for o in objs], [o.describe() for o in objs])",
                      f"print(len(objs[0]), bool(objs[0]), isinstance(objs[0], {base}), {sub}.__mro__[1].__name__)",
                      f"print({r.choice(['objs[1].extra', 'objs[0].missing', 'len(objs[1])', 'objs[0] < 3', 'objs[0].double()', f'{base}.kind', 'hash(objs[0])'])})"])

    def b_exceptions(self):
        r = self.r
        err = self.fresh("Err")
        self.emit(f"class {err}({r.choice(['Exception', 'ValueError', 'KeyError', 'LookupError'])}):")
        self.emit("pass", indent=1)
        f = self.fresh("risky")
        self.emit(f"def {f}(n):")
        self.emit("try:", indent=1)
        self.emit("if n == 0:", indent=2)
        self.emit(f"raise {err}('zero', n)", indent=3)
        self.emit("if n == 1:", indent=2)
        self.emit("return 1 / (n - 1)", indent=3)
        self.emit("if n == 2:", indent=2)
        self.emit("return [][n]", indent=3)
        self.emit("if n == 3:", indent=2)
        self.emit("try:", indent=3)
        self.emit("{}['k']", indent=4)
        self.emit("except KeyError as e:", indent=3)
        self.emit(f"raise {err}('wrapped') from e", indent=4)
        self.emit("if n == 4:", indent=2)
        self.emit("try:", indent=3)
        self.emit("int('x')", indent=4)
        self.emit("except ValueError:", indent=3)
        self.emit("raise TypeError('during')", indent=4)
        self.emit("return n", indent=2)
        self.emit("except ZeroDivisionError as e:", indent=1)
        self.emit("print('zde', e)", indent=2)
        self.emit("return -1", indent=2)
        self.emit("finally:", indent=1)
        self.emit("print('finally', n)", indent=2)
        self.emit("for n in range(6):")
        self.emit("try:", indent=1)
        self.emit(f"print('result', {f}(n))", indent=2)
        self.emit("except Exception as e:", indent=1)
        self.emit("print(type(e).__name__, e.args, repr(e), type(e.__cause__).__name__, type(e.__context__).__name__)", indent=2)

    def b_generator(self):
        r = self.r
        g = self.fresh("gen")
        self.emit(f"def {g}(n):")
        self.emit("total = 0", indent=1)
        self.emit("try:", indent=1)
        self.emit("for i in range(n):", indent=2)
        self.emit("try:", indent=3)
        self.emit("got = yield i * 10 + total", indent=4)
        self.emit("except ValueError as e:", indent=3)
        self.emit("print('gen caught', e)", indent=4)
        self.emit("got = -1", indent=4)
        self.emit("if got is not None:", indent=3)
        self.emit("total += got", indent=4)
        self.emit("return total", indent=2)
        self.emit("finally:", indent=1)
        self.emit("print('gen finally')", indent=2)
        ops = ["next(it)", "it.send(5)", "it.throw(ValueError('v'))", "it.close()",
               "next(it, 'default')", "list(it)", "it.send(None)", "it.throw(KeyError('k'))"]
        lines = [f"it = {g}({r.randint(0, 4)})"]
        for op in r.choices(ops, k=r.randint(2, 6)):
            lines.append(f"print({op!r}, {op})" if "close" not in op else f"print({op})")
        self.emit("try:")
        for l in lines:
            self.emit(l, indent=1)
        self.emit("except StopIteration as e:")
        self.emit("print('stop', e.value)", indent=1)
        self.emit("except Exception as e:")
        self.emit("print('!', type(e).__name__, e)", indent=1)
        self.emit(f"def wrap{self.n}():")
        self.emit(f"r = yield from {g}(2)", indent=1)
        self.emit("yield ('inner returned', r)", indent=1)
        self.emit(f"print(list(wrap{self.n}()))")
        self.emit(f"print(sum(x * x for x in range({r.randint(0, 6)}) if x % 2), list(zip(*[(1, 'a'), (2, 'b')])))")

    BLOCKS = ["b_exprs", "b_exprs", "b_assign", "b_assign", "b_control", "b_function",
              "b_closure", "b_class", "b_exceptions", "b_generator"]

    def build(self):
        for name in self.r.sample(self.BLOCKS, self.r.randint(3, 6)):
            self.emit(f"print('--- {name}')")
            getattr(self, name)()
        end = self.r.random()
        if end < 0.1:
            self.emit(f"print({self.expr('int')} // 0)")
        elif end < 0.15:
            self.emit("raise SystemExit(3)")
        self.emit("print('end')")
        return "\n".join(self.lines) + "\n"


def main():
    outdir, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(outdir, exist_ok=True)
    for seed in range(start, start + count):
        src = Program(random.Random(seed)).build()
        with open(os.path.join(outdir, f"c{seed:04d}.py"), "w") as f:
            f.write(src)


if __name__ == "__main__":
    main()
