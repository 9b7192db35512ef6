//! reviewdog's Diagnostic JSON Lines (`rdjsonl`), which reviewdog turns
//! into review comments on the lines a change touches. Columns count UTF-8
//! bytes and a range's end is the column after it, as reviewdog's format
//! defines them.

use std::io::{self, Write};

use claimcheck_core::Assessment;
use serde::Serialize;

use crate::lines::{Columns, Region};
use crate::{Document, Finding};

#[derive(Debug, Serialize)]
struct Diagnostic<'a> {
    message: &'a str,
    location: Location<'a>,
    severity: &'static str,
    source: Source,
    code: Code,
}

#[derive(Debug, Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Debug, Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Debug, Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Debug, Serialize)]
struct Source {
    name: &'static str,
}

#[derive(Debug, Serialize)]
struct Code {
    value: &'static str,
}

/// The diagnostic of a contradicted, inconsistent (`ERROR`) or ambiguous
/// (`WARNING`) claim, on a line of its own; nothing for the others, which
/// would each be a review comment asking for nothing.
pub(crate) fn diagnostic(
    out: &mut impl Write,
    document: Document<'_>,
    assessment: &Assessment<'_>,
) -> io::Result<()> {
    let Some(finding) = Finding::of(assessment.verdict) else {
        return Ok(());
    };
    let Region {
        start_line,
        start_column,
        end_line,
        end_column,
    } = document
        .lines
        .region(document.source, assessment.claim.span, Columns::Bytes);
    let diagnostic = Diagnostic {
        message: &assessment.reason,
        location: Location {
            path: document.path,
            range: Range {
                start: Position {
                    line: start_line,
                    column: start_column,
                },
                end: Position {
                    line: end_line,
                    column: end_column,
                },
            },
        },
        severity: match finding {
            Finding::Error => "ERROR",
            Finding::Warning => "WARNING",
        },
        source: Source { name: "claimcheck" },
        code: Code {
            value: assessment.verdict.as_str(),
        },
    };
    serde_json::to_writer(&mut *out, &diagnostic)?;
    out.write_all(b"\n")
}
