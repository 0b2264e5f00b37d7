//! Rendering of syntax errors: a miette report with the source line and a label at the
//! span, ending with CPython's `SyntaxError: msg` line.

use crate::compiler::CompileError;
use crate::parser::{SyntaxError, SyntaxErrorKind};
use crate::source::SourceFile;

fn render(src: &SourceFile, kind: &str, msg: &str, start: u32, end: u32) -> String {
    let len = src.text.len() as u32;
    let start = start.min(len);
    let end = end.clamp(start, len);
    let line = src.line_of(start);
    let report = miette::miette!(
        labels = vec![miette::LabeledSpan::at(
            start as usize..end.max(start) as usize,
            msg.to_string()
        )],
        "{}: {}",
        kind,
        msg
    )
    .with_source_code(miette::NamedSource::new(src.name.clone(), src.text.clone()));
    let mut out = String::new();
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    let _ = handler.render_report(&mut out, report.as_ref());
    format!(
        "{}  File \"{}\", line {}\n{}: {}\n",
        out, src.name, line, kind, msg
    )
}

pub fn render_syntax_error(src: &SourceFile, e: &SyntaxError) -> String {
    let kind = match e.kind {
        SyntaxErrorKind::SyntaxError => "SyntaxError",
        SyntaxErrorKind::IndentationError => "IndentationError",
        SyntaxErrorKind::TabError => "TabError",
    };
    render(src, kind, &e.msg, e.span.start, e.span.end)
}

pub fn render_compile_error(src: &SourceFile, e: &CompileError) -> String {
    if e.kind != "SyntaxError" {
        return format!("{}: {}\n", e.kind, e.msg);
    }
    render(src, e.kind, &e.msg, e.span.start, e.span.end)
}
