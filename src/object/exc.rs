//! Errors as Rust values. Runtime helpers raise `PyErr::new(kind, msg)` without needing
//! the VM; the VM turns it into a real exception instance only when Python code must see it.

use super::Value;

/// Builtin exception classes, with their base (CPython's hierarchy).
macro_rules! exc_kinds {
    ($( $v:ident : $base:ident ),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ExcKind { BaseException, $( $v, )* }
        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $( ExcKind::$v, )*];
            pub fn name(self) -> &'static str {
                match self { ExcKind::BaseException => "BaseException", $( ExcKind::$v => stringify!($v), )* }
            }
            pub fn base(self) -> Option<ExcKind> {
                match self { ExcKind::BaseException => None, $( ExcKind::$v => Some(ExcKind::$base), )* }
            }
        }
    };
}

exc_kinds! {
    Exception: BaseException,
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    PermissionError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    InterruptedError: OSError,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ProcessLookupError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    UserWarning: Warning,
    FutureWarning: Warning,
    PendingDeprecationWarning: Warning,
    SyntaxWarning: Warning,
    ResourceWarning: Warning,
}

/// A raised Python exception.
pub enum PyErr {
    /// Not yet materialised: a builtin exception type and its args.
    New(ExcKind, Vec<Value>),
    /// A live exception instance.
    Obj(Value),
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr::New(kind, vec![Value::string(msg.into())])
    }

    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr::New(kind, args)
    }

    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }

    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, msg)
    }

    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::IndexError, msg)
    }

    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::AttributeError, msg)
    }

    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::RuntimeError, msg)
    }

    pub fn overflow(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::OverflowError, msg)
    }

    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, msg)
    }

    pub fn key_error(key: Value) -> PyErr {
        PyErr::New(ExcKind::KeyError, vec![key])
    }

    pub fn stop_iteration(value: Value) -> PyErr {
        if value.is_none() {
            PyErr::New(ExcKind::StopIteration, vec![])
        } else {
            PyErr::New(ExcKind::StopIteration, vec![value])
        }
    }

    /// Is this (unmaterialised) error of exactly this kind?
    pub fn is_new_kind(&self, kind: ExcKind) -> bool {
        matches!(self, PyErr::New(k, _) if *k == kind)
    }
}
