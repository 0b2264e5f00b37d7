//! pyco: a small Python interpreter built to make coroutines visible.
pub mod ast;
pub mod lexer;
pub mod parser;
