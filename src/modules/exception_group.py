# BaseExceptionGroup and ExceptionGroup (PEP 654, CPython 3.11), loaded into builtins
# the first time a program names either (src/vm/dispatch.rs, lazy_builtin).
# The except* runtime (src/vm/except_star.rs) calls _projection.

class BaseExceptionGroup(BaseException):
    __module__ = 'builtins'

    def __new__(cls, message, exceptions, /):
        if not isinstance(message, str):
            raise TypeError(f"argument 1 must be str, not {type(message).__name__}")
        if isinstance(exceptions, (dict, set, frozenset)):
            raise TypeError("second argument (exceptions) must be a sequence")
        try:
            len(exceptions)
            excs = tuple(exceptions)
        except TypeError:
            raise TypeError("second argument (exceptions) must be a sequence") from None
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for i, e in enumerate(excs):
            if not isinstance(e, BaseException):
                raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
        if cls is BaseExceptionGroup:
            if all(isinstance(e, Exception) for e in excs):
                cls = ExceptionGroup
        elif issubclass(cls, Exception):
            for e in excs:
                if not isinstance(e, Exception):
                    if cls is ExceptionGroup:
                        raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
                    raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
        self = BaseException.__new__(cls, message, exceptions)
        self._message = message
        self._exceptions = excs
        return self

    def __init__(self, *args):
        BaseException.__init__(self, *args)

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(self):
        n = len(self._exceptions)
        return f"{self._message} ({n} sub-exception{'s' if n > 1 else ''})"

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def _split(self, condition, want_rest):
        if isinstance(condition, type) and issubclass(condition, BaseException):
            cls = condition
            condition = lambda e: isinstance(e, cls)
        elif isinstance(condition, tuple):
            types = condition
            condition = lambda e: isinstance(e, types)
        elif not callable(condition):
            raise TypeError("expected an exception type, a tuple of exception types, or a callable (other than a class)")
        if condition(self):
            return self, None
        match, rest = [], []
        for e in self._exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e._split(condition, want_rest)
                if m is not None:
                    match.append(m)
                if r is not None:
                    rest.append(r)
            elif condition(e):
                match.append(e)
            else:
                rest.append(e)
        def build(items):
            if not items:
                return None
            g = self.derive(items)
            g.__cause__ = self.__cause__
            g.__context__ = self.__context__
            g.__traceback__ = self.__traceback__
            if hasattr(self, '__notes__'):
                g.__notes__ = list(self.__notes__)
            return g
        return build(match), (build(rest) if want_rest else None)

    def subgroup(self, condition):
        return self._split(condition, False)[0]

    def split(self, condition):
        return self._split(condition, True)


class ExceptionGroup(BaseExceptionGroup, Exception):
    __module__ = 'builtins'


def _projection(eg, keep):
    """The part of eg whose leaf exceptions are in the groups of keep, in eg's nesting
    (CPython's exception_group_projection, for PREP_RERAISE_STAR)."""
    ids = set()
    todo = list(keep)
    while todo:
        e = todo.pop()
        if isinstance(e, BaseExceptionGroup):
            todo.extend(e.exceptions)
        elif e is not None:
            ids.add(id(e))
    return eg.split(lambda e: id(e) in ids)[0]
